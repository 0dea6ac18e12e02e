"""Closing NATO's open door rejects the enlargement and Ukraine's membership; not allowing anyone to close it
is a double negative: support (`rejection` in lang/{en,it}/stance.yaml). Our own sentences."""
from __future__ import annotations

import pytest

from helpers import rule_sides

ISSUES = ("ukraine_nato_membership", "nato_eastward_expansion")


@pytest.mark.parametrize("text,side", [
    ("Geneva, 10 January 2022. Deputy Secretary of State Wendy Sherman said Washington would not allow anyone to close NATO's open-door policy.",
     "support"),
    ("Moscow, 10 January 2022. Sergei Ryabkov said NATO must close its open-door policy for Ukraine and Georgia.",
     "oppose"),
    ("Ginevra, 10 gennaio 2022. La vicesegretaria di Stato Wendy Sherman ha detto che Washington non permetterà a nessuno di chiudere la politica "
     "della porta aperta della Nato.", "support"),
])
def test_closing_the_open_door_is_a_rejection_of_it(text, side):
    sides = rule_sides(text)
    assert {i: sides.get(i) for i in ISSUES} == {i: side for i in ISSUES}


@pytest.mark.parametrize("text,side", [
    ("Mosca, 10 gennaio 2022. Sergei Ryabkov ha detto che la Nato deve chiudere la sua politica della porta aperta.",
     "oppose"),
    ("Bruxelles, 10 gennaio 2022. Jens Stoltenberg ha detto che la Nato manterrà la sua politica della porta aperta.",
     "support"),
])
def test_the_open_door_in_the_singular_names_the_nato_issues(text, side):
    # the codebook's pattern read "porte?" (port, porte): "porta aperta" named no issue
    sides = rule_sides(text)
    assert {i: sides.get(i) for i in ISSUES} == {i: side for i in ISSUES}
