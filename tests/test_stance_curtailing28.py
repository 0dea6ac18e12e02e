"""Cutting, reducing, freezing, pausing, withdrawing or ending what an issue proposes (issue 13, twenty-eighth
session): a verb or noun before the issue's cue that acts on it ("halt its military aid", "congelerà le
forniture di armi", "an end to arms shipments") opposes the issue (rule ``curtailing``); negated ("will not
reduce") it supports it (``curtailing-negated``); said of something else ("stop Russian missile strikes", "cut
off Russian banks from SWIFT", "help end the war") it takes no side against the issue. Sentences of our own,
through the whole pipeline (the stance model off) so that the real parser decides. Before the rule these read
as support."""
from __future__ import annotations

from pathlib import Path

import pytest

from garante.pipeline import analyse_text
from helpers import RULES, rule_stances

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
it_parser = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
AID = "military_aid_to_ukraine"


@pytest.mark.parametrize("text,issue", [
    ("The Polish president said Warsaw would freeze its weapons deliveries to Kyiv.", AID),
    ("A Kremlin aide said Moscow wants an end to arms shipments to Kyiv.", AID),
    ("The German finance minister said Berlin would reduce its military support for Ukraine next year.", AID),
    ("Vance said the United States would end its support for a European backstop in Ukraine.", "us_backstop"),
    pytest.param("Il ministro polacco ha detto che Varsavia congelerà le forniture di armi a Kiev.", AID,
                 marks=it_parser),
    pytest.param("Il portavoce ha detto che Mosca vuole la fine delle forniture di armi a Kiev.", AID, marks=it_parser),
    pytest.param("Il ministro della Difesa tedesco ha detto che Berlino ridurrà il sostegno militare all'Ucraina.",
                 AID, marks=it_parser),
])
def test_curtailing_the_issue_opposes_it(text, issue):
    assert rule_stances(text)[issue] == ("oppose", "curtailing")


@pytest.mark.parametrize("text", [
    "The Dutch defence minister said the Netherlands will not reduce its military assistance to Ukraine.",
    "Starmer said Britain would never cut its military support for Kyiv.",
    pytest.param("Il ministro olandese ha detto che i Paesi Bassi non taglieranno gli aiuti militari all'Ucraina.",
                 marks=it_parser),
    pytest.param("Meloni ha detto che l'Italia non smetterà di fornire armi all'Ucraina.", marks=it_parser),
])
def test_a_negated_curtailing_keeps_the_issue_going(text):
    assert rule_stances(text)[AID] == ("support", "curtailing-negated")


def test_an_ended_aid_of_the_speakers_own_is_an_end_to_it_an_aim_of_its_own_is_not():
    assert rule_stances("Rutte said the allies would halt their arms deliveries to Ukraine.")[AID] == \
        ("oppose", "ending")  # the possessive names the aid itself
    got = rule_stances("Scholz said Ukraine will suspend its ambition of joining NATO in return for Western "
                       "security guarantees.")
    assert got["ukraine_nato_membership"][0] == "support"  # an aim of its own, suspended in a bargain


def test_no_more_inside_a_cue_that_opens_with_its_verb():
    assert rule_stances("Orbán said Europe should send no more weapons to Kyiv.")[AID] == ("oppose", "no-more")


@pytest.mark.parametrize("text,issue,side", [
    # what is stopped or ended is the harm or the war, not the issue
    ("Zelensky said more air defence systems are needed to stop Russian attacks on cities.", AID, "support"),
    ("Zelensky said European peacekeepers could help end the war.", "foreign_troops_in_ukraine", "support"),
    # cut off from: what is acted on is the banks, the issue is where they are cut off from
    ("The French president said Europe must cut off Russian banks from SWIFT.", "sanctions_on_russia", "support"),
    # the stop-verb is the issue's own cue
    ("The Kremlin demanded that Ukrainian forces withdraw from the Donbas.", "territorial_withdrawal", "support"),
    pytest.param("Zelensky ha chiesto il ritiro delle truppe russe da tutti i territori occupati.",
                 "territorial_withdrawal", "oppose", marks=it_parser),
])
def test_a_stop_word_said_of_something_else_does_not_turn_the_issue(text, issue, side):
    got = rule_stances(text)
    assert got[issue][0] == side and not got[issue][1].startswith("curtailing"), got


def test_no_issue_for_an_end_to_something_the_codebook_does_not_name():
    assert rule_stances("The UN secretary general called for an end to the blockade of Ukrainian grain ports.") == {}


def test_the_curtailing_stance_keeps_its_evidence_from_the_verb_to_the_cue():
    text = "The Polish president said Warsaw would freeze its weapons deliveries to Kyiv."
    doc = analyse_text(text, ctx=RULES)
    stance = next(s for st in doc.statements for s in st.stances if s.issue == AID)
    evidence = text[stance.evidence_start:stance.evidence_end]
    assert evidence.startswith("freeze") and "weapons deliveries" in evidence


def test_the_check_set_is_in_the_written_format_and_kept_out_of_training():
    import sys
    sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
    import written
    from garante.codebook import Codebook
    folder = ROOT / "eval" / "stance" / "stopaid"
    rows = [r for f in sorted(folder.glob("*.jsonl")) for r in written.read(f, set(Codebook.load().issues))]
    assert len(rows) >= 40 and {r["note"].split(":")[0] for r in rows} == {"flip", "keep"}
    assert not any(p.parent == folder for p in written.default_files())


@pytest.mark.parametrize("text", [
    "Trump said he would cut off military aid to Kyiv unless Zelensky signs the deal.",
    "Vance said Washington will halt military aid to Kyiv if Zelensky refuses the plan.",
    pytest.param("Il presidente ha detto che sospenderà gli aiuti militari a Kiev se Zelensky rifiuta il piano.",
                 marks=it_parser),
])
def test_an_end_put_to_the_issue_under_a_condition_is_conditional(text):
    assert rule_stances(text)[AID] == ("conditional", "if-clause")


def test_a_threat_to_cut_it_off_stays_the_threat():
    got = rule_stances("Trump threatened to cut off military aid to Kyiv unless Zelensky signs the deal.")
    assert got[AID][0] == "oppose"


def test_a_word_whose_look_ahead_reads_the_cue_still_curtails_it():
    # "end" counts only before what it ends ("end military …", not "at the end of"): the search reaches into the
    # cue so that its look-ahead can see the cue's first word, and keeps the words that end before the cue
    assert rule_stances("The senator said Washington should end military aid to Kyiv next year.")[AID] \
        == ("oppose", "curtailing")
