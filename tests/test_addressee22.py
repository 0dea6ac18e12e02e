"""Whom a statement was said to: a person, state or organisation after the cue; a news outlet after the cue
is the channel the words went out through ("told Reuters"), not their addressee
(extract/attribution/build.py ``_addressee``, the outlet test of attribution/sides.py)."""
from __future__ import annotations

import pytest

from garante.pipeline import analyse_text

# our own sentences
CASES = [
    ("Kiev, 3 marzo 2025. Volodymyr Zelensky ha detto al Financial Times che l'Ucraina ha bisogno di garanzie "
     "di sicurezza prima di una tregua.", None, "Financial Times"),
    ("Kiev, 3 marzo 2025. Volodymyr Zelensky ha detto a Emmanuel Macron che l'Ucraina ha bisogno di garanzie "
     "di sicurezza prima di una tregua.", "Emmanuel Macron", None),
    ("Kyiv, 3 March 2025. \"Ukraine needs security guarantees before any ceasefire,\" Volodymyr Zelensky told "
     "Reuters.", None, "Reuters"),
]


@pytest.mark.parametrize("text,addressee,channel", CASES)
def test_an_outlet_after_the_cue_is_the_channel_a_person_the_addressee(text, addressee, channel):
    [st] = analyse_text(text).statements
    assert st.speaker_name == "Volodymyr Zelensky"
    assert (st.addressee_name, st.channel) == (addressee, channel)
