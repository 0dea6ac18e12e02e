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
    assert (kind, who[1], text[start:start + 10]) == ("turn", "Kowalczyk", "The answer")


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


def _only(doc, rule: str):
    found = [s for s in doc.statements if s.rule == rule]
    assert len(found) == 1, [(s.rule, s.content) for s in doc.statements]
    return found[0]


def test_a_quotation_a_verb_of_saying_reports_after_the_subject_is_the_content_not_the_verb_phrase():
    told = _only(_analyse(["Mark Devlin did not mention his rivals by name in Dayton, but told his supporters, "
                           "“our country deserves a better deal than this one. Why would we sign it?”"]),
                 "subject-quote")  # (the quotation whole, past the sentence it opens in)
    assert (told.speaker_name, told.content) == ("Mark Devlin", "our country deserves a better deal than this "
                                                                "one. Why would we sign it?")
    telling = _only(_analyse(["Jane Holloway is telling voters at a diner in Concord that “I need every one of you "
                              "tomorrow.”"]), "subject-quote")
    assert telling.content.startswith("I need every one of you tomorrow")


def test_a_verb_of_saying_inside_a_clause_of_the_object_leaves_the_subjects_sentence_whole():
    st = _only(_analyse(["The Tax Fairness Project backs a set of rules that would stop firms that tell “one "
                         "country it is a corporation and another it is a partnership.”"]), "subject-quote")
    assert st.content.startswith("backs a set of rules")


def test_a_quotation_a_colon_introduces_before_its_trailing_tag_is_the_content_without_the_introduction():
    st = _only(_analyse(["Senator Jane Holloway scolded the witness: “The evidence is almost unanimous against the "
                         "three pills you called miracles,” she said."]), "trailing")
    assert st.speaker_name == "Jane Holloway"
    assert st.content.startswith("The evidence is almost unanimous")


def test_a_turn_of_a_plain_transcript_whose_label_no_list_knows_is_one_statement_of_the_label():
    doc = _analyse(["On Sunday the governor was asked about the candidate. Partial transcript as follows:",
                    "TAPPER: Do you trust him on this? Many voters seem skeptical of the message.",
                    "FALLIN: Well, I think he is trying to reach people. I think that has been part of his message "
                    "all week.",
                    "TAPPER: Thank you, Governor.",
                    "FALLIN: Thank you for having me on the show."])
    turns = [(doc.text[s.speaker_start:s.speaker_end], s.content) for s in doc.statements if s.rule == "label"]
    assert ("FALLIN", "Well, I think he is trying to reach people. I think that has been part of his message "
                      "all week") in turns
    assert len([t for t in turns if t[0] == "FALLIN"]) == 2


def test_a_poll_or_a_report_a_label_names_is_the_source_of_the_words_after_it():
    doc = _analyse(["Poll: Voters increasingly see the senator as the likely winner in March.",
                    "Geneva: the talks resume on Monday after a week of consultations in the capitals."])
    (st,) = [s for s in doc.statements if s.rule == "label"]
    assert (doc.text[st.speaker_start:st.speaker_end], st.content) == (
        "Poll", "Voters increasingly see the senator as the likely winner in March")
