"""Scope and sides in the stance rules (issue 13, fourteenth session, first stance helper): changes kept because
they held on corpus documents nobody had read when they were written (the odd-numbered train documents of the
night, eleventh, twelfth and thirteenth rounds); sentences of our own writing. Rules alone, or the whole
pipeline where the parse decides."""
from __future__ import annotations

import pytest

from helpers import issue_stances as sides
from helpers import rule_sides as pipeline_sides


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


# --- a rejection word the issue's own cue spells is not the speaker's rejection ---------------------------------

def test_a_veto_named_by_the_cue_is_no_rejection():
    # the cue of the wider order with Moscow spells "veto": asking for it is support, not a rejection
    assert sides("Lavrov said the West must accept a Russian veto on NATO enlargement.") \
        .get("collective_security_with_russia") == "support"


def test_a_label_that_is_the_whole_cue_still_rejects():
    # "a frozen conflict" is both the truce's name and a label of rejection
    assert sides("Kyiv warns that the plan would leave Europe with a frozen conflict.").get("ceasefire") == "oppose"


# --- an issue named in the sentence before: the parse reads the scope from the words that refer to it ----------

@pytest.mark.parametrize("text", [
    'The ministers spent the morning on Ukraine\'s bid to join NATO. "This is a point that we must not forget," '
    'the Dutch minister said.',
    'Leaders in Rome discussed security guarantees for Kyiv on Friday. "These guarantees are a signal that we will '
    'never leave Ukraine alone," the prime minister said.',
])
def test_a_negation_in_a_clause_beside_the_words_that_refer_back_is_not_the_speakers(text):
    assert "oppose" not in pipeline_sides(text).values()
