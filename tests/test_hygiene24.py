"""Twenty-fourth session, hygiene: Italian typed with an apostrophe for a final accent ("e'" for "è") read by
the stance and attribution patterns written with accents (``lang.accent_variants``, ``spelling.yaml``), and the
one-typo surname rule restricted to the typos news makes (``NameVariants.one_typo``). Sentences of our own."""
from __future__ import annotations

import re

import pytest

from garante.extract.attribution.language import lexicon
from garante.extract.name_variants import name_variants
from garante.lang import accent_spellings, accent_variants
from garante.pipeline import analyse_text
from helpers import stances_in_context


# --- "e'" for "è": pattern variants from the language's data -------------------------------------------

@pytest.mark.parametrize("pattern, text, found", [
    (r"non\s+(?:è|sarà)\s+possibil\w*", "Ha detto che non e' possibile.", "non e' possibile"),
    (r"non\s+(?:è|sarà)\s+possibil\w*", "Ha detto che non sara’ possibile.", "non sara’ possibile"),
    (r"(?<!\w)(?:perché)(?!\w)", "Non firmeremo, perche' nulla cambia.", "perche'"),
    (r"\bpiù\b", "Sempre piu' lontani.", "piu"),  # a word's end asked: the apostrophe left after it
    (r"È\s+necessari\w*", "E' necessario trattare.", "E' necessario"),
])
def test_accent_patterns_match_the_apostrophe_spelling_in_the_text_itself(pattern, text, found):
    plain = re.compile(pattern, re.IGNORECASE)
    assert plain.search(text) is None  # the pattern as written misses it
    m = re.compile(accent_variants(pattern, "it"), re.IGNORECASE).search(text)
    assert m is not None and m.group(0) == found == text[m.start():m.end()]


def test_accent_variants_keep_what_they_cannot_rewrite_and_what_matched_before():
    # English has no such spelling; a class and a lookbehind stay as written (a lookbehind keeps its width)
    assert accent_variants("non è possibile", "en") == "non è possibile"
    assert accent_variants("perch[eé]", "it") == "perch[eé]"
    rx = re.compile(accent_variants(r"(?<=è )stato|città", "it"), re.IGNORECASE)
    assert rx.search("è stato") and not rx.search("e' stato") and rx.search("la citta' di Kiev")
    # the accented spelling matches as before, and "e" alone (the conjunction) is not "è"
    rx = re.compile(accent_variants(r"\bnon è\b", "it"), re.IGNORECASE)
    assert rx.search("non è così") and rx.search("non e' così") and not rx.search("non e così")


def test_verb_forms_typed_with_the_apostrophe_are_the_verb():
    assert accent_spellings("dichiarò", "it") == ["dichiaro'", "dichiaro’"] and accent_spellings("detto", "it") == []
    lex = lexicon("it")
    m = lex.verb.search("Il portavoce dichiaro' che la tregua regge")
    assert m is not None and m.group(0) == "dichiaro'" and lex.form_of(m)[0] == "dichiarare"


@pytest.mark.parametrize("accented, typed", [
    ("l'invio di truppe europee in Ucraina non è possibile", "l'invio di truppe europee in Ucraina non e' possibile"),
    ("una forza di pace europea non sarà accettabile", "una forza di pace europea non sara' accettabile"),
    ("il cessate il fuoco non è all'ordine del giorno", "il cessate il fuoco non e' all'ordine del giorno"),
    ("l'ingresso di Kiev nella Nato è inaccettabile", "l'ingresso di Kiev nella Nato e' inaccettabile"),
    ("la neutralità dell'Ucraina non è in discussione", "la neutralita' dell'Ucraina non e' in discussione"),
])
def test_stances_read_the_apostrophe_spelling_as_the_accented_one(accented, typed):
    want = stances_in_context(accented)
    assert want and stances_in_context(typed) == want


def test_statement_with_a_verb_typed_with_the_apostrophe_keeps_the_text_and_its_offsets():
    text = "Il ministro degli Esteri Lavrov dichiaro' che la Russia non accettera' truppe europee."
    doc = analyse_text(text)
    assert doc.text == text  # the cleaned text is not rewritten
    (st,) = doc.statements
    assert st.speaker_entity_id == "sergey-lavrov" and doc.text[st.cue_start:st.cue_end] == "dichiaro'"


# --- one typo of news: not one consonant for another -------------------------------------------------------

@pytest.mark.parametrize("a, b, typo", [
    ("Healy", "Healey", True),  # a letter dropped
    ("Merrz", "Merz", True),  # a letter doubled
    ("Zelenksy", "Zelensky", True),  # neighbours swapped
    ("Sanchez", "Sánchez", True),  # an accent
    ("Hagseth", "Hegseth", True),  # a vowel for a vowel
    ("fedotov", "fedorov", False),  # a consonant for a consonant: another surname
    ("Pedrov", "Petrov", False),
    ("Kuleba", "Kulebaaa", False),  # two edits
])
def test_one_typo_is_a_typo_news_makes(a, b, typo):
    assert name_variants().one_typo(a, b) is typo and name_variants().one_typo(b, a) is typo


def _linked(text: str) -> dict[str, str]:
    doc = analyse_text(text)
    return {m.text_of(doc): m.attrs["entity_id"] for m in doc.layer("mention")}


def test_a_surname_one_consonant_away_after_a_known_first_name_is_another_person():
    # the knowledge base has the alias "Mikhail Fedorov": "Mikhail Fedotov" is another man
    assert _linked("Il consigliere Mikhail Fedotov ha parlato ieri a Mosca.")["Mikhail Fedotov"] != "mykhailo-fedorov"
    assert _linked("Il ministro Mikhail Fedorov ha parlato ieri a Kiev.")["Mikhail Fedorov"] == "mykhailo-fedorov"
    # the typos news makes still link: a letter added, a vowel for a vowel after the full name
    assert _linked("Il cancelliere Friedrich Mertz ha parlato ieri a Berlino.")["Friedrich Mertz"] == "friedrich-merz"
    found = _linked("Il segretario Pete Hegseth era a Bruxelles. Hagseth ha chiesto di più agli alleati.")
    assert found["Hagseth"] == "pete-hegseth"
