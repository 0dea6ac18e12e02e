"""A rejected demand to stop something, and stopping named inside the issue's own cue (issue 13,
twenty-eighth session, second round). Turning down the other side's demand to halt, lift or freeze what an
issue proposes keeps it going: support (rule ``refused-ending`` / ``refused-curtailing``); turning down a
demand *for* the issue still opposes it. A cue that spells the stopping itself ("freeze its enlargement") is an
inverted cue; a Russian pull-out is the opposite of Kyiv ceding land (an inverted cue of
``territorial_withdrawal``). Sentences of our own, through the whole pipeline (the stance model off)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import rule_stances

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
it_parser = pytest.mark.skipif(not HAS_IT_PARSER, reason="Italian parser not installed")
AID, NATO, LAND = "military_aid_to_ukraine", "nato_eastward_expansion", "territorial_withdrawal"


@pytest.mark.parametrize("text,issue", [
    ("The Canadian foreign minister rejected the Russian demand to suspend weapons deliveries to Kyiv.", AID),
    ("Brussels dismissed Moscow's demand that the sanctions be lifted first.", "sanctions_on_russia"),
    pytest.param("Berlino ha respinto la richiesta russa di sospendere gli aiuti militari all'Ucraina.",
                 AID, marks=it_parser),
])
def test_rejecting_a_demand_to_stop_the_issue_supports_it(text, issue):
    side, rule = rule_stances(text)[issue]
    assert side == "support" and rule.startswith("refused-")


@pytest.mark.parametrize("text", [
    "The Finnish president said Helsinki rejects the Kremlin's demand to stop weapons deliveries to Kyiv.",
    pytest.param("La premier ha detto che Roma respinge la richiesta di Mosca di fermare le forniture di armi a Kiev.",
                 marks=it_parser),
])
def test_a_refusal_inside_the_content_keeps_the_issue_going(text):
    assert rule_stances(text)[AID] == ("support", "refused-ending")


def test_a_refusal_of_something_else_leaves_the_stop_alone():
    # the refusal is a conjunct of its own: the speaker still wants the deliveries stopped
    found = rule_stances("The senator said Washington must stop arms deliveries to Kyiv and reject Zelensky's demands.")
    assert found[AID] == ("oppose", "ending")


@pytest.mark.parametrize("text,issue", [
    ("The Estonian prime minister rejected the Kremlin's demand for a neutral Ukraine.", "ukraine_neutrality"),
    ("Budapest rejected the call from Brussels to keep sending weapons to Kyiv.", AID),
])
def test_rejecting_a_demand_for_the_issue_still_opposes_it(text, issue):
    assert rule_stances(text)[issue][0] == "oppose"


def test_a_threat_to_cut_is_no_refusal():
    # the threat is the frame's opposition, not a rejected demand
    assert rule_stances("Moscow threatened to halt gas deliveries unless Kyiv stops weapons deliveries to Ukraine."
                        ).get(AID, ("oppose",))[0] != "support"


@pytest.mark.parametrize("text,side", [
    ("A retired American general said the alliance should freeze its enlargement for now.", "oppose"),
    ("The Lithuanian president said NATO must not halt its enlargement.", "support"),
])
def test_stopping_named_in_the_cue_itself(text, side):
    assert rule_stances(text)[NATO][0] == side


@it_parser
def test_stopping_its_own_enlargement_in_italian():
    assert rule_stances("Il ministro lettone ha detto che la Nato deve congelare il suo allargamento.")[NATO][0] == "oppose"


@pytest.mark.parametrize("text", [
    "The commissioner said the EU should freeze its enlargement until reforms are done.",
    pytest.param("Il commissario ha detto che l'Ue deve fermare il suo allargamento.", marks=it_parser),
])
def test_another_bloc_stopping_its_enlargement_is_not_the_issue(text):
    assert NATO not in rule_stances(text)


def test_a_russian_pullout_opposes_kyiv_ceding_land():
    found = rule_stances("Kyiv's envoy said any settlement must begin with the withdrawal of Russian troops.")
    assert found[LAND][0] == "oppose"


def test_a_destination_is_not_what_is_withdrawn():
    # "to the 1991 borders" is where the troops go: the withdrawal does not curtail the borders
    found = rule_stances("Zelensky said Kyiv wants the withdrawal of Russian troops to the 1991 borders.")
    assert found[LAND][0] == "oppose"


def test_the_check_set_stays_out_of_the_training_folder():
    folder = ROOT / "eval" / "stance" / "stance2"
    rows = [json.loads(x) for f in sorted(folder.glob("*.jsonl")) for x in f.read_text().splitlines() if x.strip()]
    assert len(rows) >= 40 and all({"issue", "stance", "note", "text"} <= set(r) for r in rows)
    assert not list((ROOT / "eval" / "stance" / "written").glob("stance2*"))


def test_the_evidence_runs_from_the_refusal_to_the_cue():
    from garante.pipeline import analyse_text
    from helpers import RULES
    text = "The Swedish foreign minister rejected the Kremlin's demand to halt arms deliveries to Ukraine."
    doc = analyse_text(text, ctx=RULES)
    stance = next(s for st in doc.statements for s in st.stances if s.issue == AID)
    assert stance.rule == "refused-ending"
    assert doc.text[stance.evidence_start:stance.evidence_end] == \
        "rejected the Kremlin's demand to halt arms deliveries to Ukraine"
