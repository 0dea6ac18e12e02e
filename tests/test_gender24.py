"""Pronouns and dropped subjects by gender and number (issue 12 item 3, twenty-fourth session): a person the
knowledge base does not know takes the gender of his first name (data/first_names.yaml), of a courtesy title or
of a gendered role noun before his name (attribution.yaml ``gender_nouns``); "she said" then goes to a woman,
not to the man named last; an Italian tag with no subject whose participle agrees ("si è detta") leaves out a
person of the other gender, a plural verb ("hanno detto") one person alone. Sentences of our own, read by the
shipped parse models (skipped where a language has none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.gender import first_names, name_gender, phrase_gender
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
EN = "LONDON, March 3 - "
IT = "ROMA, 3 marzo 2025 - "


def speakers(text: str) -> list[tuple[str, str]]:
    return [(s.speaker_name, s.content) for s in analyse_text(text, ctx=CTX).statements]


def genders(text: str) -> dict[str, str | None]:
    doc = analyse_text(text, ctx=CTX)
    return {m.text_of(doc): m.attrs.get("gender") for m in doc.layer("mention") if m.label == "PER"}


def test_first_names_tell_gender_and_leave_ambiguous_ones_out():
    assert name_gender("Oksana Petrenko") == "f" and name_gender("Tetyana Petrenko") == "f"
    assert name_gender("Dmytro Bondar") == "m" and name_gender("Hakan Yildiz") == "m"
    assert name_gender("Mrs. Whitfield", "en") == "f" and name_gender("Signora Bianchi", "it") == "f"
    for both in ("andrea", "nicola", "sasha", "jean", "simone", "michele", "kim"):
        assert both not in first_names(), both
    assert name_gender("Whitfield") is None


def test_role_nouns_before_a_name_tell_gender():
    text = "The spokeswoman Carys Whitfield"
    assert phrase_gender(text, text.index("Carys"), "en") == "f"
    text = "la ministra Bianchi"
    assert phrase_gender(text, text.index("Bianchi"), "it") == "f"
    text = "il ministro Bianchi"  # (the masculine of an office is used for women too)
    assert phrase_gender(text, text.index("Bianchi"), "it") is None
    text = "Tory chairman, Whitfield"  # (a comma ends the phrase)
    assert phrase_gender(text, text.index("Whitfield"), "en") is None


@needs_en
def test_she_is_the_woman_not_the_man_named_last():
    out = speakers(EN + "Oksana Petrenko, a lawyer from Lviv, met the envoys on Monday. Gavin Holt, an adviser to "
                        "the treasury, joined the talks later. She said the truce would not hold without guarantees.")
    assert any(name == "Oksana Petrenko" and "truce would not hold" in content for name, content in out), out


@needs_en
def test_a_surname_alone_keeps_the_gender_of_the_full_name():
    g = genders(EN + "Oksana Petrenko met the envoys on Monday. Later Petrenko flew to Warsaw.")
    assert g.get("Petrenko") == "f", g


@needs_it
def test_participle_agreement_leaves_out_the_man_named_last():
    out = speakers(IT + "Lucia Marchetti ha incontrato i sindacati a Torino. Poi Fabio Rinaldi ha parlato con i "
                        "cronisti. Si è detta convinta che la tregua non reggerà senza garanzie.")
    assert any(name == "Lucia Marchetti" and "tregua non reggerà" in content for name, content in out), out


@needs_it
def test_masculine_participle_keeps_the_man():
    out = speakers(IT + "Lucia Marchetti ha incontrato i sindacati a Torino. Poi Fabio Rinaldi ha parlato con i "
                        "cronisti. Si è detto convinto che la tregua non reggerà senza garanzie.")
    assert any(name == "Fabio Rinaldi" and "tregua non reggerà" in content for name, content in out), out


@needs_it
def test_plural_verb_takes_two_persons_named_together():
    out = speakers(IT + "Lucia Marchetti e Carlo Ferri hanno incontrato i sindacati a Torino. Poi Fabio Rinaldi ha "
                        "parlato con i cronisti. Hanno detto che la tregua non reggerà senza garanzie.")
    assert any("Lucia Marchetti" in name and "Carlo Ferri" in name and "tregua" in content
               for name, content in out), out
