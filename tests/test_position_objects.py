"""Objects of verbs of taking a position with the role the source gives them (issue 12, twenty-ninth session):
in PolNeAR's reading of every attribution, "cited X as Y", "defended X as Y", "dismissed X as Y" report the
object and its "as"-phrase together (``attribution/position_objects.py``); news statements do not take the
frame. Sentences written for these tests."""
from __future__ import annotations

from conftest import LEAD_EN
from garante.extract.attribution.position_objects import role_lexicon
from garante.pipeline import Context, analyse_text

EVERY = Context(options={"attribution_frames": "all"})


def _analyse(paragraph: str, ctx: Context | None = None):
    capture = " date 2025-09-05 WORLD\nSecurity guarantees debate goes on\n\n" + LEAD_EN + "\n\n" + paragraph + "\n"
    return analyse_text(capture, source="test.txt", ctx=ctx or EVERY)


def _roles(doc):
    return [s for s in doc.statements if s.rule == "parse-role"]


def test_the_object_and_its_role_are_one_position():
    doc = _analyse("The Finnish minister cited the slow delivery of shells as the main reason for the new fund.")
    (st,) = _roles(doc)
    assert st.content == "the slow delivery of shells as the main reason for the new fund"
    assert st.speaker_name == "The Finnish minister"


def test_a_role_given_by_a_gerund_with_no_subject_of_its_own():
    doc = _analyse("The senator defended the decision as being necessary for the safety of the troops.")
    (st,) = _roles(doc)
    assert st.content == "the decision as being necessary for the safety of the troops"


def test_an_as_clause_is_no_role():
    doc = _analyse("The chancellor backed the plan in Brussels, as she had promised in May.")
    assert _roles(doc) == []


def test_a_verb_not_listed_gives_no_role():
    assert "cite" in role_lexicon("en").verbs and "see" not in role_lexicon("en").verbs
    doc = _analyse("The admiral watched the convoy as a precaution against mines.")
    assert _roles(doc) == []


def test_news_statements_do_not_take_the_frame():
    doc = _analyse("The Finnish minister cited the slow delivery of shells as the main reason for the new fund.",
                   Context())
    assert _roles(doc) == []


def test_a_fixed_adverbial_is_no_role():
    doc = _analyse("The Polish envoy presented the plan as usual to the allies in Brussels.")
    assert _roles(doc) == []
    doc = _analyse("The Polish envoy presented the plan as a first step to the allies in Brussels.")
    (st,) = _roles(doc)
    assert st.content.startswith("the plan as a first step")


def _naming(doc):
    return [s for s in doc.statements if s.rule == "parse-naming"]


def test_a_name_read_as_a_second_object_is_given_with_the_first():
    doc = _analyse("The Latvian envoy called the Russian offer on Saturday a trap.")
    assert [s.content for s in _naming(doc)] == ["the Russian offer on Saturday a trap"]
    doc = _analyse("The Estonian minister called them reckless gambles with the security of Europe.")
    assert [s.content for s in _naming(doc)] == ["them reckless gambles"]
    doc = _analyse("The Estonian minister called them reckless gambles with the security of Europe.", Context())
    assert _naming(doc) == []  # (news statements: the rules report a naming verb with a quotation only)

