"""The learned attribution scorer (extract/attribution/scorer.py) and the candidates it judges: frames a
language does not keep by default, weak cues, and (Italian) verbs of saying whose subject is left out.
Hand-written parses (UD v2) of sentences written for these tests, as in test_attribution.py."""
from __future__ import annotations

import json

import pytest

from garante.extract.attribution.scorer import AttributionScorer, shipped
from garante.pipeline import Context

from test_attribution import parsed

KEEP_ALL = Context(options={"attribution_scorer": AttributionScorer({"weights": {"bias": 5.0},
                                                                     "thresholds": {"*": 0.5}})})
KEEP_NONE = Context(options={"attribution_scorer": AttributionScorer({"weights": {"bias": -5.0},
                                                                      "thresholds": {"*": 0.5}})})

DROPPED = ("Giorgia Meloni è arrivata a Bruxelles. Ha ribadito il piano dell'Italia di inviare truppe.", """
Giorgia Giorgia PROPN 4 nsubj
Meloni Meloni PROPN 1 flat:name
è essere AUX 4 aux
arrivata arrivare VERB 0 root
a a ADP 6 case
Bruxelles Bruxelles PROPN 4 obl
. . PUNCT 4 punct

Ha avere AUX 2 aux Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
ribadito ribadire VERB 0 root Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part
il il DET 4 det
piano piano NOUN 2 obj Number=Sing
dell' di ADP 6 case
Italia Italia PROPN 4 nmod
di di ADP 8 mark
inviare inviare VERB 2 xcomp VerbForm=Inf
truppe truppa NOUN 8 obj Number=Plur
. . PUNCT 2 punct
""")


def test_a_dropped_subject_is_the_person_last_named_as_subject_and_the_object_keeps_its_infinitive():
    doc = parsed("it", *DROPPED, ctx=KEEP_ALL)
    st = next(s for s in doc.statements if s.rule == "parse-object")
    assert st.speaker_name == "Giorgia Meloni" and st.attrs["speaker_resolution"] == "dropped-subject"
    assert st.content == "il piano dell'Italia di inviare truppe"
    assert st.attrs["p_attribution"] > 0.99


def test_a_candidate_the_scorer_rejects_makes_no_statement():
    doc = parsed("it", *DROPPED, ctx=KEEP_NONE)
    assert [s for s in doc.statements if s.rule.startswith("parse-")] == []


def test_without_a_scorer_a_frame_left_out_by_default_stays_out():
    doc = parsed("it", *DROPPED, ctx=Context(options={"attribution_scorer": None}))
    assert [s for s in doc.statements if s.rule.startswith("parse-")] == []


def test_a_gerund_that_sums_up_the_quote_just_reported_is_no_statement_of_its_own():
    doc = parsed("it", "«La Nato si avvicina», ha detto Peskov, ribadendo la posizione della Russia.", """
« « PUNCT 4 punct
La il DET 3 det
Nato Nato PROPN 4 nsubj
si si PRON 4 expl
avvicina avvicinare VERB 8 ccomp
» » PUNCT 4 punct
, , PUNCT 4 punct
ha avere AUX 8 aux
detto dire VERB 0 root VerbForm=Part
Peskov Peskov PROPN 8 nsubj
, , PUNCT 11 punct
ribadendo ribadire VERB 8 advcl VerbForm=Ger
la il DET 13 det
posizione posizione NOUN 11 obj Number=Sing
della di ADP 15 case
Russia Russia PROPN 13 nmod
. . PUNCT 8 punct
""", ctx=KEEP_ALL)
    assert [s.content for s in doc.statements] == ["La Nato si avvicina"]


def test_the_shipped_scorer_was_trained_on_our_corpus_and_keeps_thresholds_per_language():
    scorer = shipped()
    assert scorer is not None
    assert "eval/corpus train" in scorer.meta["train"] and scorer.meta["threshold_from"] == "eval/corpus dev"
    assert set(scorer.thresholds) >= {"it", "en", "*"} and scorer.thresholds["*"] > 1  # no other language
    assert "bias" in scorer.weights


def test_a_broken_model_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "scorer.json"
    bad.write_text(json.dumps({"weights": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="scorer.json"):
        AttributionScorer.load(bad)


def test_a_language_the_scorer_keeps_nothing_of_makes_no_candidates():
    scorer = AttributionScorer({"weights": {"bias": 5.0}, "thresholds": {"it": 0.5, "*": 1.01}})
    assert scorer.active("it") and not scorer.active("en")
    doc = parsed("it", *DROPPED, ctx=Context(options={"attribution_scorer": AttributionScorer(
        {"weights": {"bias": 5.0}, "thresholds": {"en": 0.5, "*": 1.01}})}))
    assert [s for s in doc.statements if s.rule.startswith("parse-")] == []
