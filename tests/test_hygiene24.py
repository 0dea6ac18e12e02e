"""Twenty-fourth session, hygiene: the one-typo surname rule restricted to the typos news makes
(``NameVariants.one_typo``). Sentences of our own. (The Italian "e'" spelling's tests went with its revert:
see the commit that reverts d038f52.)"""
from __future__ import annotations

import pytest

from garante.extract.name_variants import name_variants
from garante.pipeline import analyse_text


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
