"""Wrong sides and scope in the stance rules (issue 13, thirteenth session, second stance helper): changes kept
because they held on corpus documents nobody had read when they were written (the odd-numbered train
documents of the night, eleventh and twelfth rounds), each on sentences of our own writing. Rules alone."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract.stances import classify

CODEBOOK = Codebook.load()


def sides(text: str, lang: str = "en") -> dict[str, str]:
    return {s.issue: s.stance for s in classify(text, lang=lang, codebook=CODEBOOK)}


# --- freezing the war along the line is a truce proposed, not a rejection; "a frozen conflict" still is one ----

@pytest.mark.parametrize("text, lang", [
    ("The envoy proposed to freeze the war along the current front line.", "en"),
    ("Il piano propone di congelare la guerra lungo la linea del fronte attuale.", "it"),
])
def test_freezing_the_war_is_not_a_rejection_word(text, lang):
    assert sides(text, lang).get("ceasefire") == "support"


@pytest.mark.parametrize("text, lang", [
    ("Kyiv will never accept a frozen conflict.", "en"),
    ("Kiev non accetterà mai di congelare il conflitto.", "it"),
])
def test_refusing_a_frozen_conflict_stays_a_rejection(text, lang):
    assert sides(text, lang).get("ceasefire") == "oppose"
