"""Listed verbs of saying, the last round (twenty-ninth session, PolNeAR issue 12), on sentences written for these
tests: "said A and that B" is one report in PolNeAR's reading (every attribution: merge.join_coordinated_complements),
two statements of one cue in the news' reading, as before; a quotation going on after its tag goes on from the
quotation before the tag, not from a parse frame of another verb inside the tag's sentence (merge._part_before)."""
from __future__ import annotations

from conftest import LEAD_EN
from garante.pipeline import Context, analyse_text

EVERY = Context(options={"attribution_frames": "all"})
PARAGRAPH = ("The port's director, Oleh Marchenko, said the grain terminal would reopen next week and that the "
             "insurers had agreed to cover the ships again.")


def _analyse(paragraph: str, ctx: Context):
    capture = " date 2025-09-05 WORLD\nSecurity guarantees debate goes on\n\n" + LEAD_EN + "\n\n" + paragraph + "\n"
    return analyse_text(capture, source="test.txt", ctx=ctx)


def _of_cue(doc, cue: str):
    return [st for st in doc.statements if st.cue == cue and "grain terminal" in doc.text[st.cue_start:st.cue_start + 200]]


def test_said_a_and_that_b_is_one_report_in_every_attributions_reading():
    said = _of_cue(_analyse(PARAGRAPH, EVERY), "said")
    assert [st.content for st in said] == [
        "the grain terminal would reopen next week and that the insurers had agreed to cover the ships again"]
    assert said[0].speaker_name == "Oleh Marchenko"


def test_said_a_and_that_b_stays_two_statements_in_the_news_reading():
    said = _of_cue(_analyse(PARAGRAPH, Context()), "said")
    assert [st.content for st in said] == ["the grain terminal would reopen next week",
                                           "the insurers had agreed to cover the ships again"]


def test_two_cues_each_with_a_clause_are_not_joined():
    doc = _analyse("Oleh Marchenko said the grain terminal would reopen next week, and Anna Koval said that the "
                   "insurers had agreed to cover the ships again.", EVERY)
    contents = sorted(st.content for st in doc.statements if st.cue == "said")
    assert contents == ["the grain terminal would reopen next week", "the insurers had agreed to cover the ships again"]


def test_a_quotation_goes_on_from_the_quotation_not_from_a_frame_inside_its_tag():
    paragraph = ("“The talks are over,” the mayor, Olena Hrytsenko, said of the meeting in Geneva, which she believed "
                 "had failed for good. “We are going home now.”")
    for ctx in (EVERY, Context()):
        doc = _analyse(paragraph, ctx)
        first = next(i for i, st in enumerate(doc.statements) if st.content == "The talks are over")
        rest = next(st for st in doc.statements if st.content == "We are going home now")
        assert rest.attrs.get("continues") == first
