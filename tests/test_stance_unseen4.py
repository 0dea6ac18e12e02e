"""Stance readings kept because they held on corpus documents nobody had read when they were written
(issue 13, the twelfth session's transfer check), each on sentences of our own writing.

An issue's ``side_by`` says the side some actors always take on it: Moscow names the sanctions on Russia,
NATO's expansion, Western troops and arms for Kyiv only as grievances, a truce or a leaders' summit only on
its conditions.
Where the rules read such a statement as support only weakly (the issue named, a generic word of support),
the side is the codebook's; a side the content spells out stays, and the same words from another actor keep
their reading. Rules alone (no learned model)."""
from __future__ import annotations

import pytest

from garante import analyse_text
from garante.codebook import Codebook
from garante.document import Stance
from garante.extract.stance_readings import weak_sides
from garante.lang import DataFileError

from helpers import RULES


def readings(text: str) -> dict[str, tuple[str, str]]:
    """Per issue, the side and speaker's actor of the statements of ``text``."""
    doc = analyse_text(text, ctx=RULES)
    return {s.issue: (s.stance, st.on_behalf_of_id) for st in doc.statements for s in st.stances}


@pytest.mark.parametrize("text, issue", [
    ("Moscow, 3 March 2025. Sergei Lavrov said on Monday that the Western sanctions were hurting European "
     "households far more than Russian ones.", "sanctions_on_russia"),
    ("Moscow, 3 March 2025. Dmitry Peskov said that the eastward expansion of NATO had continued for thirty years.",
     "nato_eastward_expansion"),
    ("Mosca, 3 marzo 2025. Il ministro degli Esteri russo Sergei Lavrov ha detto lunedì che le sanzioni "
     "occidentali colpiscono le famiglie europee più di quelle russe.", "sanctions_on_russia"),
])
def test_moscow_naming_what_it_opposes_is_opposition(text, issue):
    assert readings(text)[issue] == ("oppose", "russia")


@pytest.mark.parametrize("text, issue", [
    ("Berlin, 3 March 2025. Olaf Scholz said on Monday that the Western sanctions were hurting Russian "
     "households far more than German ones.", "sanctions_on_russia"),
    ("Brussels, 3 March 2025. Mark Rutte said that the eastward expansion of NATO had continued for thirty years.",
     "nato_eastward_expansion"),
])
def test_the_same_words_from_another_actor_keep_their_reading(text, issue):
    side, actor = readings(text)[issue]
    assert side == "support" and actor != "russia"


def test_a_side_the_content_spells_out_stays():
    # "never accept" says the side itself: the reading comes from the negation, not from who speaks
    doc = analyse_text("Moscow, 3 March 2025. Sergei Lavrov said on Monday that Moscow would never accept "
                       "new sanctions.", ctx=RULES)
    found = [s for st in doc.statements for s in st.stances if s.issue == "sanctions_on_russia"]
    assert found and found[0].stance == "oppose" and "side_by" not in found[0].attrs


@pytest.mark.parametrize("what, issue", [
    ("was studying the American idea of a thirty-day truce", "ceasefire"),
    ("had received the proposal of a meeting between Putin and Zelensky", "leaders_summit"),
])
def test_moscow_speaks_of_a_truce_or_a_summit_on_its_conditions(what, issue):
    # named with no side of its own, Moscow's truce or summit is one it ties to its terms; Kyiv's stays support
    moscow = readings(f"Moscow, 3 March 2025. Dmitry Peskov said on Monday that the Kremlin {what}.")
    kyiv = readings(f"Kyiv, 3 March 2025. Andrii Sybiha said on Monday that Ukraine {what}.")
    assert moscow[issue] == ("conditional", "russia") and kyiv[issue][0] == "support"


def test_only_weak_support_of_the_named_actors_turns():
    sides = Codebook.load().weak_sides
    assert any("russia" in who and side == "oppose" for who, side in sides["sanctions_on_russia"])
    assert "western_security_guarantees" not in sides
    weak, strong = Stance("sanctions_on_russia", "support", rule="named"), Stance("sanctions_on_russia", "support",
                                                                                  rule="double-negative")
    other = Stance("western_security_guarantees", "support", rule="named")
    out = weak_sides([weak, strong, other], {"russia", "sergey_lavrov"}, sides)
    assert [s.stance for s in out] == ["oppose", "support", "support"]
    assert weak.attrs["side_by"] == ["russia"]
    assert weak_sides([Stance("sanctions_on_russia", "support", rule="named")], {"germany"}, sides)[0].stance \
        == "support"


@pytest.mark.parametrize("value", ["russia", "[{actors: [russia], side: support}]", "[{side: oppose}]"])
def test_a_bad_side_by_is_a_clear_error_naming_the_file(tmp_path, value):
    f = tmp_path / "mine.yaml"
    f.write_text(f"issues:\n  - id: a\n    proposition: x\n    cues: {{en: ['x']}}\n    side_by: {value}\n",
                 encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        Codebook.load([f])
    assert f"{f}:2:" in str(e.value) and "side_by must be a list" in str(e.value)
