"""Quotations in several parts (issue 12 point 5, twenty-eighth session): a parse frame whose content opens a
quotation of several sentences takes the whole quotation, up to its closing mark; a quotation that runs over
paragraphs (each opening with a quotation mark, only the last closing it) is one statement per part, each part
linked to the first by ``continues`` (in the export too). Sentences written for these tests."""
from __future__ import annotations

from conftest import LEAD_EN
from garante.extract.attribution.merge import quotation_close
from garante.pipeline import Context, analyse_text
from garante.present.export import document_record

EVERY = Context(options={"attribution_frames": "all"})


def _analyse(paragraphs: list[str], ctx: Context | None = None):
    capture = (" date 2025-09-05 WORLD\nSecurity guarantees debate goes on\n\n" + LEAD_EN + "\n\n"
               + "\n\n".join(paragraphs) + "\n")
    return analyse_text(capture, source="test.txt", ctx=ctx or EVERY)


def _starting(doc, words: str):
    return next(i for i, s in enumerate(doc.statements) if s.content.startswith(words))


def test_a_parsed_frame_takes_a_quotation_of_several_sentences_to_its_closing_mark():
    for ctx in (EVERY, Context()):  # (PolNeAR's reading and the news default alike)
        doc = _analyse(["At the rally in Lviv on Saturday, the announcer said, “The convoy has reached the border. "
                        "Who will stop it now?” The crowd cheered.", "The talks resume on Monday."], ctx)
        st = doc.statements[_starting(doc, "The convoy has reached")]
        assert st.content == "The convoy has reached the border. Who will stop it now?"
        assert st.kind == "direct"


def test_the_closing_mark_is_looked_for_in_the_paragraph_only():
    closed = "He said, “We stay. We fight.” Then he left."
    first_sentence = closed.index(" We fight")
    assert quotation_close(closed, closed.index("“"), first_sentence) == closed.index("”") + 1
    assert quotation_close(closed, 0, closed.index(",")) == closed.index(",")  # (no mark left open: as it was)
    left_open = "He said, “We stay. We fight.\n\n“Nobody leaves.”"
    end = left_open.index(" We fight")
    assert quotation_close(left_open, left_open.index("“"), end) == end  # (a link's business, not one span)


def test_past_the_sentence_only_a_quotation_that_opens_the_content_or_runs_on_in_its_words():
    inline = "He said the rules “are set. And we keep them.” Then he left."
    assert quotation_close(inline, 3, inline.index(" And")) == inline.index("”") + 1
    set_off = "He asked three questions, including, “Who pays? Who guards it?” Then he left."
    end = set_off.index(" Who guards")
    assert quotation_close(set_off, 3, end) == end  # (a quotation of its own, not the rest of the object)


QUOTED_OVER_PARAGRAPHS = [
    "“We have asked our allies for three things,” the mayor, Ivan Sadovyi, told reporters after the meeting. "
    "“Air defence, money and time.",
    "“Without those, no agreement on paper will hold for long.",
    "“And we will keep asking until they listen.”",
    "The council meets again on Friday.",
]


def test_a_quotation_over_paragraphs_is_linked_part_by_part_to_its_first_part():
    doc = _analyse(QUOTED_OVER_PARAGRAPHS)
    first = _starting(doc, "We have asked our allies")
    parts = [_starting(doc, w) for w in ("Air defence", "Without those", "And we will keep")]
    assert all(doc.statements[i].speaker_name == "Ivan Sadovyi" for i in parts)
    assert [doc.statements[i].attrs.get("continues") for i in parts] == [first, first, first]
    exported = document_record(doc)["statements"]
    assert [exported[i]["continues"] for i in parts] == [first, first, first]
    assert exported[first]["continues"] is None


def test_a_quotation_in_a_new_paragraph_after_one_that_closed_stays_unlinked():
    closed = list(QUOTED_OVER_PARAGRAPHS)
    closed[0] = closed[0] + "”"  # (the first paragraph closes its quotation: the next one is a new attribution)
    doc = _analyse(closed)
    then = doc.statements[_starting(doc, "Without those")]
    assert then.speaker_name == "Ivan Sadovyi"
    assert then.attrs.get("continues") is None


def test_a_quotation_in_straight_marks_over_two_sentences_is_direct_speech_without_its_marks():
    doc = _analyse(["Asked whether the city was ready, a senior European diplomat said: \"Has anyone here read the "
                    "map? Without a truce, every week brings new losses.\"", "The talks resume on Monday."],
                   Context())
    st = doc.statements[_starting(doc, "Has anyone here read")]
    assert st.content == "Has anyone here read the map? Without a truce, every week brings new losses"
    assert st.kind == "direct"

