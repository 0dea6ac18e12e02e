"""Scope and sides in the stance rules (issue 13, fourteenth session, first stance helper): changes kept because
they held on corpus documents nobody had read when they were written (the odd-numbered train documents of the
night, eleventh, twelfth and thirteenth rounds); sentences of our own writing. Rules alone, or the whole
pipeline where the parse decides."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract.stances import classify

CODEBOOK = Codebook.load()


def sides(text: str, lang: str = "en") -> dict[str, str]:
    return {s.issue: s.stance for s in classify(text, lang=lang, codebook=CODEBOOK)}


# --- no interest in it, or no longer: the speaker rules it out -------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The Kremlin is no longer interested in a truce along the current line.", "en"),
    ("Moscow showed little interest in a ceasefire so far.", "en"),
    ("Kyiv says it is not interested in any deal that would cede the Donbas to Russia.", "en"),
    ("Il Cremlino non è più interessato a una tregua di trenta giorni.", "it"),
    ("Mosca non ha alcun interesse a un cessate il fuoco in questa fase.", "it"),
])
def test_no_interest_rules_it_out(text, lang):
    got = sides(text, lang)
    assert "oppose" in got.values(), got


@pytest.mark.parametrize("text, lang", [
    ("The Kremlin is interested in a truce along the current line.", "en"),
    ("Il Cremlino è interessato a una tregua di trenta giorni.", "it"),
])
def test_an_interest_without_a_negation_is_no_rejection(text, lang):
    assert sides(text, lang).get("ceasefire") != "oppose"
