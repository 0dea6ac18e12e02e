"""The scope of an issue (the codebook's ``scope``, extract/issue_scope.py): a cue that names only the setting
of another act, the time of another issue, another war or a meeting of another pair of leaders proposes no
stance on its issue. The rules alone (no learned model), on sentences of our own, through the whole pipeline
so that the real parser decides."""
from __future__ import annotations

from pathlib import Path

import pytest

from garante import analyse_text
from garante.codebook import Codebook, check

from helpers import RULES

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
italian = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")


def issues(text: str) -> set[str]:
    doc = analyse_text(text, ctx=RULES)
    return {s.issue for st in doc.statements for s in st.stances}


# --- a truce that is only the setting of another act ---------------------------------------------------------

def test_a_truce_a_force_would_enforce_is_not_asked_for():
    got = issues("The minister said that Britain would send troops to help enforce any future ceasefire.")
    assert "ceasefire" not in got and "foreign_troops_in_ukraine" in got


def test_a_mechanism_that_monitors_a_truce_is_not_the_truce():
    assert "ceasefire" not in issues("The minister said that allies would join a ceasefire monitoring mechanism.")


def test_a_violated_truce_is_blame_not_a_side_on_the_truce():
    assert "ceasefire" not in issues("The spokesman said that the enemy had violated the truce dozens of times.")


@italian
def test_a_force_that_monitors_the_truce_in_italian():
    got = issues("Il ministro ha detto che l'Italia vuole una forza europea per monitorare la tregua.")
    assert "ceasefire" not in got


def test_a_call_for_a_truce_stays():
    assert "ceasefire" in issues("The minister said that Kyiv wants an immediate and unconditional ceasefire.")


def test_a_monitored_truce_is_still_asked_for():
    assert "ceasefire" in issues("The minister said that Kyiv wants a ceasefire monitored by international observers.")


# --- a truce that is the time or case of another issue ---------------------------------------------------------

def test_guarantees_that_apply_in_case_of_a_truce():
    got = issues("The minister said that Europe will give Ukraine firm security guarantees in case of a ceasefire.")
    assert "ceasefire" not in got and "western_security_guarantees" in got


@italian
def test_troops_sent_only_after_the_truce_in_italian():
    got = issues("Il ministro ha detto che i soldati europei saranno schierati in Ucraina solo dopo la tregua.")
    assert "ceasefire" not in got and "foreign_troops_in_ukraine" in got


def test_talks_only_after_a_truce_keep_the_truce_first():
    # no other issue named: the truce first is the issue itself
    assert "ceasefire" in issues("The president said that negotiations can start only after a ceasefire.")


# --- a truce in another war ------------------------------------------------------------------------------------

def test_a_truce_in_another_war():
    assert "ceasefire" not in issues("The minister said that Washington helped reach a truce in Gaza last month.")


@italian
def test_a_truce_in_another_war_in_italian():
    assert "ceasefire" not in issues("Il ministro ha detto che serve subito una tregua tra Israele e Hamas.")


# --- a meeting of another pair of leaders ----------------------------------------------------------------------

def test_a_summit_of_putin_and_another_leader():
    assert "leaders_summit" not in issues("The minister said that the summit between Putin and Trump would take place in Budapest.")


@italian
def test_another_leader_who_meets_putin_in_italian():
    assert "leaders_summit" not in issues("Il ministro ha detto che Orban incontrerà Putin la settimana prossima.")


def test_a_third_leader_speaking_of_his_own_meeting():
    assert "leaders_summit" not in issues("Trump said he had cancelled the meeting with President Putin.")


def test_the_ukrainian_leader_ready_to_meet_putin_stays():
    assert "leaders_summit" in issues("Zelensky said he was ready to meet Putin.")


def test_a_third_leader_asking_for_the_pair_to_meet_stays():
    assert "leaders_summit" in issues("Macron said a meeting between Putin and Zelensky should be held soon.")


# --- the data ---------------------------------------------------------------------------------------------------

def test_the_scope_is_data_of_the_codebook():
    book = Codebook.load()
    assert "enforc*" in book.scopes["ceasefire"].words("framed_by", "en")
    assert "gaza" in book.scopes["ceasefire"].words("elsewhere", "it")
    assert book.scopes["leaders_summit"].parties == frozenset({"russia", "ukraine"})


def test_a_bad_scope_is_a_problem_of_the_file(tmp_path):
    f = tmp_path / "book.yaml"
    f.write_text("issues:\n  - id: talks\n    proposition: Talks should start.\n    cues: {en: [talks]}\n"
                 "    scope: {framed_by: [enforce]}\n")
    problems = check([f])
    assert any("scope" in str(p) for p in problems)
