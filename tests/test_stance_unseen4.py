"""Stance readings kept because they held on corpus documents nobody had read when they were written
(issue 13, the twelfth session's transfer check), each on sentences of our own writing.

An issue's ``opposed_by`` actors speak of it only against it: Moscow names the sanctions on Russia, NATO's
expansion, Western troops and arms for Kyiv as grievances. Where the rules read such a statement as support
only weakly (the issue named, a generic word of support), the side is opposition; a side the content
spells out stays, and the same words from another actor keep their reading. Rules alone (no learned model)."""
from __future__ import annotations

import pytest

from garante import analyse_text
from garante.codebook import Codebook
from garante.document import Stance
from garante.extract.stance_readings import oppose_weak
from garante.lang import DataFileError
from garante.pipeline import Context

RULES = Context(options={"stance_model": False})


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
    assert found and found[0].stance == "oppose" and "opposed_by" not in found[0].attrs


def test_only_weak_support_of_the_named_actors_turns():
    opposed = Codebook.load().opposed_by
    assert {"russia"} <= opposed["sanctions_on_russia"] and "ceasefire" not in opposed
    weak, strong = Stance("sanctions_on_russia", "support", rule="named"), Stance("sanctions_on_russia", "support",
                                                                                  rule="double-negative")
    other = Stance("ceasefire", "support", rule="named")
    out = oppose_weak([weak, strong, other], {"russia", "sergey_lavrov"}, opposed)
    assert [s.stance for s in out] == ["oppose", "support", "support"]
    assert weak.attrs["opposed_by"] == ["russia"]
    assert oppose_weak([Stance("sanctions_on_russia", "support", rule="named")], {"germany"}, opposed)[0].stance \
        == "support"


def test_a_bad_opposed_by_is_a_clear_error_naming_the_file(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']}\n    opposed_by: russia\n",
                 encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        Codebook.load([f])
    assert f"{f}:2:" in str(e.value) and "opposed_by must be a list" in str(e.value)
