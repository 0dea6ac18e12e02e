"""A surname after the office its holder fills (23rd session, surnameoffice): a surname the knowledge base lets
stand alone only after the full name is the one person with that surname who holds, at the date, an office the
article named before it, unless the article names another person with that surname in full; and a quotation
that goes on from the last speaker is not blocked by a mention, in its sentence, of that same speaker."""
from garante.pipeline import analyse_text

LEAD_RU = "MOSCOW, March 3, 2023 - Talks on gas supplies resumed on Friday. "
LEAD_DE = "BERLINO, 3 luglio 2025 - I colloqui sono ripresi venerdì. "


def said(text: str, lead: str = LEAD_RU) -> list[tuple]:
    return [(s.speaker_name, s.on_behalf_of_id) for s in analyse_text(lead + text).statements]


# -- 1. a surname after its holder's office ------------------------------------------------------------
def test_surname_after_the_office_its_holder_fills_is_that_holder():
    got = said("Grain shipments will double by the summer, the Russian deputy prime minister announced. "
               "In an interview on Thursday, Novak said the buyers had already signed.")
    assert ("Alexander Novak", "russia") in got


def test_surname_alone_with_no_office_named_stays_nobody_known():
    got = said("In an interview on Thursday, Novak said the buyers had already signed.")
    assert got and all(name != "Alexander Novak" for name, _ in got)


def test_surname_after_an_office_no_holder_of_that_surname_fills_stays_nobody_known():
    got = said("Grain shipments will double by the summer, the Russian foreign minister announced. "
               "In an interview on Thursday, Novak said the buyers had already signed.")
    assert all(name != "Alexander Novak" for name, _ in got)


def test_surname_of_another_person_named_in_full_is_not_the_office_holder():
    got = said("Grain shipments will double by the summer, the Russian deputy prime minister announced. "
               "Katalin Novák arrived in Vienna on Wednesday. "
               "In an interview on Thursday, Novak said the buyers had already signed.")
    assert all(name != "Alexander Novak" for name, _ in got)


def test_surname_before_the_office_is_named_stays_nobody_known():
    got = said("In an interview on Thursday, Novak said the buyers had already signed. "
               "The Russian deputy prime minister did not comment.")
    assert all(name != "Alexander Novak" for name, _ in got)


# -- 2. the last speaker named again does not stop him going on ----------------------------------------
FIRST = "«Non manderemo soldati senza un mandato preciso», ha detto Lars Klingbeil ai cronisti. "


def test_own_surname_in_the_sentence_lets_the_last_speaker_go_on():
    got = said(FIRST + "E per Klingbeil la priorità resta «una difesa comune degna di questo nome per tutti».",
               LEAD_DE)
    assert [n for n, _ in got] == ["Lars Klingbeil", "Lars Klingbeil"]


def test_someone_else_named_in_the_sentence_still_blocks_the_continuation():
    got = said(FIRST + "E per Friedrich Merz la priorità resta «una difesa comune degna di questo nome per tutti».",
               LEAD_DE)
    assert [n for n, _ in got] == ["Lars Klingbeil"]


def test_another_surname_in_the_sentence_still_blocks_the_continuation():
    got = said(FIRST + "E per Pistorius la priorità resta «una difesa comune degna di questo nome per tutti».",
               LEAD_DE)
    assert [n for n, _ in got] == ["Lars Klingbeil"]


def test_office_of_the_last_speaker_in_the_sentence_lets_him_go_on():
    # the vice-chancellor at the date is the finance minister who spoke: the same person, not someone else
    got = said("«Non manderemo soldati senza un mandato preciso», ha detto il ministro delle Finanze tedesco. "
               "E per il vicecancelliere la priorità resta «una difesa comune degna di questo nome per tutti».",
               LEAD_DE)
    assert [n for n, _ in got] == ["Lars Klingbeil", "Lars Klingbeil"]


def test_office_of_someone_else_in_the_sentence_still_blocks_the_continuation():
    # the chancellor at the date is another person than the finance minister who spoke
    got = said("«Non manderemo soldati senza un mandato preciso», ha detto il ministro delle Finanze tedesco. "
               "E per il cancelliere tedesco la priorità resta «una difesa comune degna di questo nome per tutti».",
               LEAD_DE)
    assert [n for n, _ in got] == ["Lars Klingbeil"]
