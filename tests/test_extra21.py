"""Stances the gold does not give (issue 13, precision): a verb of confirming in the reporting clause only says
that a fact is so, it is not a word of support for what the statement names ("frame_saying" in stance.yaml);
the own forces of either side ("Ukrainian military forces") are not foreign troops in Ukraine. Sentences written
for this test."""
from garante.pipeline import analyse_text

from conftest import LEAD_EN, LEAD_IT


def _stances(text: str, lead: str = LEAD_EN) -> list[tuple[str, str, str]]:
    return [(x.issue, x.stance, x.rule) for s in analyse_text(lead + text).statements for x in s.stances]


def test_confirmed_that_in_the_reporting_clause_is_no_frame_support():
    got = _stances("The Kremlin confirmed that the two delegations held a trilateral meeting in Geneva on Tuesday.")
    assert not [x for x in got if x[2] == "frame-support"]


def test_confirmed_that_a_truce_was_spoken_of_is_no_frame_support():
    got = _stances("Peskov confirmed that the leaders had spoken about a ceasefire on Sunday.")
    assert not [x for x in got if x[0] == "ceasefire" and x[2] == "frame-support"]


def test_ha_confermato_che_is_no_frame_support():
    got = _stances("Il Cremlino ha confermato che le delegazioni si sono incontrate a Ginevra per un vertice "
                   "trilaterale.", LEAD_IT)
    assert not [x for x in got if x[2] == "frame-support"]


def test_a_word_of_support_after_confirmed_in_the_frame_still_counts():
    from garante.extract.stances import _frame_support, lexicon
    text = "The minister confirmed and welcomed"
    m = _frame_support(text, 0, len(text), lexicon("en"))
    assert m is not None and m.group(0).lower() == "welcomed"


def test_ukrainian_military_forces_are_not_foreign_troops():
    got = _stances("The minister said the plan would let Russia and NATO set the size of Ukrainian military forces.")
    assert "foreign_troops_in_ukraine" not in [x[0] for x in got]


def test_western_military_forces_are_still_foreign_troops():
    got = _stances("The minister said Western military forces should be deployed in Ukraine after the war.")
    assert ("foreign_troops_in_ukraine", "support") in [x[:2] for x in got]


# "as part of a ceasefire plan" frames another demand: the truce is its setting, no side taken on it, even where the
# statement names no other issue by a cue (``part`` / ``parte`` in the ceasefire scope's framed_by)

def test_a_demand_as_part_of_a_ceasefire_plan_takes_no_side_on_the_ceasefire():
    got = _stances("Putin wants the two towns still under Kyiv's control as part of a ceasefire plan, Zelensky said.")
    assert "ceasefire" not in [x[0] for x in got]


def test_a_say_demanded_as_part_of_any_truce_deal_takes_no_side_on_the_truce():
    got = _stances("Moscow will insist on a say over the new border as part of any truce deal, the minister said.")
    assert "ceasefire" not in [x[0] for x in got]


def test_come_parte_di_una_tregua_takes_no_side_on_the_truce():
    got = _stances("Putin vuole le due città ancora sotto il controllo di Kiev come parte di una tregua, ha detto "
                   "Zelensky.", LEAD_IT)
    assert "ceasefire" not in [x[0] for x in got]


def test_a_ceasefire_wanted_outright_is_still_support():
    got = _stances("The minister said Russia wants a ceasefire before any talks.")
    assert ("ceasefire", "support") in [x[:2] for x in got]
