"""Offices the knowledge base knows are nameable in Italian and English (23rd session, offices): an office
phrase reaches its holder at the date, and a name written beside an office phrase wins over the office,
which only has to be compatible with it (several holders of the office, or a possessive state before it)."""
from garante.kb import KnowledgeBase
from garante.extract.entities import lexicon
from garante.pipeline import analyse_text

LEAD_UA = "KYIV, March 3, 2023 - Talks resumed on Friday. "
LEAD_UA_IT = "KIEV, 3 marzo 2023 - I colloqui sono ripresi venerdì. "


def said(text: str, lead: str = LEAD_UA) -> list[tuple]:
    return [(s.speaker_name, s.on_behalf_of_id) for s in analyse_text(lead + text).statements]


# -- 2. the explicit name wins -------------------------------------------------------------------------
def test_possessive_office_of_several_holders_then_comma_name_gives_the_name():
    # Ukraine had several deputy prime ministers at the date: the name after the comma is the speaker
    got = said("The corridors will open on Friday, said Ukraine's Deputy Prime Minister, Olga Stefanishyna.")
    assert got == [("Olga Stefanishyna", "ukraine")]


def test_possessive_office_of_one_holder_then_comma_name_gives_the_name():
    got = said("The convoy will leave at dawn, said Ukraine's foreign minister, Dmytro Kuleba.")
    assert got == [("Dmytro Kuleba", "ukraine")]


def test_possessive_office_then_unknown_name_gives_that_name_and_the_state():
    got = said("The convoy will leave at dawn, said Ukraine's deputy prime minister, Oksana Darchuk.")
    assert got == [("Oksana Darchuk", "ukraine")]


def test_office_of_several_holders_with_name_after_it_in_italian():
    got = said("I corridoi apriranno venerdì, ha detto la vicepremier ucraina, Olga Stefanishyna.", LEAD_UA_IT)
    assert got == [("Olga Stefanishyna", "ukraine")]


def test_according_to_office_of_several_holders_and_name():
    got = said("According to Russia's deputy foreign minister, Sergei Ryabkov, the treaty cannot be saved.",
               "MOSCOW, March 3, 2023 - Talks resumed on Friday. ")
    assert got == [("Sergei Ryabkov", "russia")]


def test_office_of_several_holders_without_a_name_is_nobody_in_particular_but_speaks_for_its_state():
    got = said("The corridors will open on Friday, said Ukraine's deputy prime minister.")
    assert len(got) == 1 and got[0][1] == "ukraine" and got[0][0] not in ("Olga Stefanishyna", "Iryna Vereshchuk")


# -- 1. offices nameable ------------------------------------------------------------------------------
def test_every_role_of_many_holders_is_reached_in_both_languages():
    kb = KnowledgeBase.load()
    for lang in ("it", "en"):
        lex = lexicon(kb, lang)
        keys = {r for entries in lex.offices.values() for _, roles, _, _ in entries for r in lex.roles(roles)}
        for key in ("deputy_prime_minister", "vice_chancellor", "speaker", "security_council_secretary",
                    "head_of_presidential_office", "ambassador_to_germany", "un_ambassador", "commissioner",
                    "deputy_un_ambassador", "prosecutor_general"):
            assert key in keys, (lang, key)


def test_capitalised_office_of_several_holders_with_its_article_on_a_title_word_speaks_for_its_state():
    # "the" hung by the parse on "Deputy": still a description of an office, not an unknown name
    got = said("Moscow could cut gas exports by a tenth next year, the Russian Deputy Prime Minister has disclosed.",
               "MOSCOW, December 23, 2022 - Talks resumed on Friday. ")
    assert got == [("the Russian Deputy Prime Minister", "russia")]
