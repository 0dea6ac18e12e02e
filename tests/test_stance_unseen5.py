"""Codebook wordings and stance cues kept because they held on corpus documents nobody had read when they
were written (issue 13, the twelfth session's transfer check: the odd-numbered train documents of the night
and eleventh rounds), each on sentences of our own writing. Rules alone (no learned model)."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract.stances import classify

CODEBOOK = Codebook.load()


def sides(text: str, lang: str = "en") -> dict[str, str]:
    return {s.issue: s.stance for s in classify(text, lang=lang, codebook=CODEBOOK)}


# --- a neutral status in other words: non-aligned and nuclear-free, a buffer state --------------------------

@pytest.mark.parametrize("text", [
    "The envoy said Kyiv should accept a non-aligned and nuclear-free status as part of any settlement.",
    "A non-nuclear status for the country is what the delegation keeps asking for.",
    "They want the country to become a buffer state between the two blocs.",
])
def test_a_status_outside_blocs_is_neutrality(text):
    assert sides(text).get("ukraine_neutrality") == "support"


def test_a_rejected_non_aligned_status_is_opposed():
    assert sides("The minister rejected a non-aligned, non-nuclear status for his country.").get(
        "ukraine_neutrality") == "oppose"


def test_a_nuclear_free_zone_elsewhere_is_not_a_status():
    # "nuclear-free" names a status only as one: a zone or a world is something else
    assert "ukraine_neutrality" not in sides("The summit called for a nuclear-free world by the end of the century.")
