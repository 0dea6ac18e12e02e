"""Sources the page's layout gives (issue 12, twenty-eighth session): a quotation signed after a dash whose
paragraph opens with the wrong quotation mark, and a transcript quoted over paragraphs, each turn opening
with a quotation mark before its speaker's label in capitals. Sentences written for these tests."""
from __future__ import annotations

from conftest import LEAD_EN
from garante.extract.attribution.layout import _speaker_label, transcript_labels
from garante.extract.statements import lexicon
from garante.pipeline import Context, analyse_text

CTX = Context(options={"attribution_frames": "all"})


def _analyse(paragraphs: list[str]):
    capture = (" date 2025-09-05 WORLD\nSecurity guarantees debate goes on\n\n" + LEAD_EN + "\n\n"
               + "\n\n".join(paragraphs) + "\n")
    return analyse_text(capture, source="test.txt", ctx=CTX)


def test_a_signed_quotation_that_opens_with_a_closing_mark_is_still_its_signers():
    doc = _analyse(["Readers wrote to us after the summit about what a ceasefire would mean for them and their "
                    "families, and many of them answered within the day.",
                    "”Nobody asked us. The line they drew on the map runs through my village and my cousins live "
                    "on the other side of it now.” ― Olena Marchuk",
                    "The talks resume in Geneva on Monday, diplomats said."])
    signed = [s for s in doc.statements if s.rule == "signed"]
    assert [s.speaker_name for s in signed] == ["Olena Marchuk"]
    assert signed[0].content.startswith("Nobody asked us. The line they drew")


TRANSCRIPT = [
    "On Sunday's programme the foreign minister, Anna Kowalczyk, was asked about the guarantees. Partial "
    "transcript as follows:",
    "\"BRENNAN: Let me start with the news of the week. The allies met in Paris and could not agree on who "
    "would send troops. Will your country send any?",
    "\"KOWALCZYK: We have said from the start that we will do our part. But no soldier of ours will go without "
    "an American guarantee behind him.",
    "\"BRENNAN: So the answer today is no?",
    "\"KOWALCZYK: The answer today is that we are ready, and that readiness needs a partner.\"",
]


def test_each_turn_of_a_quoted_transcript_is_its_labels_speaker_from_the_label_on():
    doc = _analyse(TRANSCRIPT)
    turns = {s.content.split(".")[0]: s for s in doc.statements if s.rule == "continuation"}
    host = turns["Let me start with the news of the week"]
    guest = turns["We have said from the start that we will do our part"]
    assert doc.text[host.speaker_start:host.speaker_end] == "BRENNAN"
    assert doc.text[guest.speaker_start:guest.speaker_end] == "KOWALCZYK"
    assert not any(s.content.startswith(("BRENNAN", "KOWALCZYK")) for s in doc.statements)


def test_only_labels_in_capitals_that_open_two_paragraphs_are_a_transcripts_speakers():
    text = "\n\n".join(TRANSCRIPT + ["CORRECTION: An earlier version misspelt the minister's name."])
    starts, paragraphs = 0, []
    for para in text.split("\n\n"):
        paragraphs.append(type("Z", (), {"start": starts, "end": starts + len(para)})())
        starts += len(para) + 2
    assert transcript_labels(text, paragraphs, lexicon("en")) == {"BRENNAN", "KOWALCZYK"}


def test_a_quotation_opening_with_a_name_and_a_colon_is_no_label_unless_a_transcript_repeats_it():
    lex = lexicon("en")
    text = "“Kowalczyk: the real question” is the title of her new book, out next week."
    assert _speaker_label(text, 0, len(text), lex, None, _NoMentions(), None) is None
    text = "\"KOWALCZYK: The answer today is that we are ready.\""
    kind, who, start = _speaker_label(text, 0, len(text), lex, None, _NoMentions(), None, frozenset({"KOWALCZYK"}))
    assert (kind, who[1], text[start:start + 10]) == ("speaker", "Kowalczyk", "The answer")


class _NoMentions:
    def starting(self, lo, hi):
        return []


def test_a_reporter_a_role_labels_once_is_no_transcripts_speaker_under_the_short_label():
    paras = ["MARTA VOSS, HOST: The talks in Geneva ended without a deal.",
             "TOMAS BRANDT, BYLINE: The Russian delegation left first.",
             "BRANDT: The deputy minister told reporters the talks were useful.",
             "BRANDT: The American side said little about the guarantees.",
             "ORLOV: We were heard.", "ORLOV: We will come back."]
    text = "\n\n".join(paras)
    starts, paragraphs = 0, []
    for para in paras:
        paragraphs.append(type("Z", (), {"start": starts, "end": starts + len(para)})())
        starts += len(para) + 2
    assert transcript_labels(text, paragraphs, lexicon("en")) == {"ORLOV"}
