"""The sixteenth session's attribution scorer work: the candidate classes a scorer may be trained on
("gloss": a gerund with an object beside a reported statement; "unlisted": a verb no list names, with its
subject and a "that"-clause), the features that describe a candidate's shape, a scorer file that names
its classes, and the trainer's rounds left out. Hand-written parses (UD v2) of sentences written for
these tests, as in test_attribution.py."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from garante.extract.attribution.scorer import AttributionScorer, shipped
from garante.pipeline import Context

from test_attribution import parsed

ROOT = Path(__file__).resolve().parents[1]


def scorer(weights: dict, candidates=(), threshold: float = 0.5) -> Context:
    return Context(options={"attribution_scorer": AttributionScorer(
        {"weights": weights, "thresholds": {"*": threshold}, "candidates": list(candidates)})})


GERUND = ("«Non ci ritireremo», ha detto Bianchi, ribadendo con forza l'appoggio del governo.", """
« « PUNCT 4 punct
Non non ADV 4 advmod
ci ci PRON 4 expl
ritireremo ritirare VERB 8 ccomp
» » PUNCT 4 punct
, , PUNCT 4 punct
ha avere AUX 8 aux
detto dire VERB 0 root VerbForm=Part
Bianchi Bianchi PROPN 8 nsubj
, , PUNCT 11 punct
ribadendo ribadire VERB 8 advcl VerbForm=Ger
con con ADP 13 case
forza forza NOUN 11 obl
l' il DET 15 det
appoggio appoggio NOUN 11 obj Number=Sing
del di ADP 17 case
governo governo NOUN 15 nmod
. . PUNCT 8 punct
""")


def _gerund_statements(ctx):
    doc = parsed("it", *GERUND, ctx=ctx)
    return [s for s in doc.statements if s.rule == "parse-object"]


def test_a_gerund_beside_a_reported_quote_is_a_candidate_only_for_a_scorer_trained_on_them():
    keep_all = {"bias": 5.0}
    assert _gerund_statements(scorer(keep_all)) == []  # (the shipped classes: the gloss is dropped by rule)
    [st] = _gerund_statements(scorer(keep_all, ("gloss",)))
    assert st.content.endswith("l'appoggio del governo") and st.speaker_name == "Bianchi"
    assert st.attrs["p_attribution"] > 0.99


def test_the_scorer_keeps_or_drops_a_gerund_by_its_features():
    # kept: a model that trusts a gerund whose object is a noun of position; dropped: one that does not
    keeps = {"bias": -3.0, "x_gloss": 1.0, "x_head=it:appoggio": 4.0}
    drops = {"bias": -3.0, "x_gloss": -1.0, "x_head=it:appoggio": 1.0}
    assert len(_gerund_statements(scorer(keeps, ("gloss",)))) == 1
    assert _gerund_statements(scorer(drops, ("gloss",))) == []


UNLISTED = ("La ministra Verdi deplora che il vertice di Parigi sia finito senza un accordo.", """
La il DET 2 det
ministra ministro NOUN 4 nsubj Gender=Fem
Verdi Verdi PROPN 2 flat:name
deplora deplorare VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
che che SCONJ 11 mark
il il DET 7 det
vertice vertice NOUN 11 nsubj
di di ADP 9 case
Parigi Parigi PROPN 7 nmod
sia essere AUX 11 aux Mood=Sub|VerbForm=Fin
finito finire VERB 4 ccomp VerbForm=Part
senza senza ADP 14 case
un uno DET 14 det
accordo accordo NOUN 11 obl
. . PUNCT 4 punct
""")


def test_a_verb_no_list_names_with_a_that_clause_is_a_candidate_of_its_own_class():
    seen = []

    class Recorder:
        candidates = ("unlisted",)

        def keep(self, feats, lang):
            seen.append(feats)
            return True, 0.9

    doc = parsed("it", *UNLISTED, ctx=Context(options={"attribution_scorer": Recorder()}))
    st = next(s for s in doc.statements if s.rule.startswith("parse-"))
    assert st.content.startswith("il vertice di Parigi") and st.attrs["p_attribution"] == 0.9
    assert seen and seen[0]["x_unlisted=True"] == 1.0 and seen[0]["lemma=it:deplorare"] == 1.0
    assert seen[0]["x_fin=True"] == 1.0 and seen[0]["x_src_pos=NOUN"] == 1.0
    # a scorer not trained on the class never sees it; one trained on it may drop it
    doc = parsed("it", *UNLISTED, ctx=scorer({"bias": 5.0}))
    assert not [s for s in doc.statements if s.rule.startswith("parse-")]
    doc = parsed("it", *UNLISTED, ctx=scorer({"bias": 5.0, "x_unlisted=True": -10.0}, ("unlisted",)))
    assert not [s for s in doc.statements if s.rule.startswith("parse-")]


def test_a_manner_adverb_on_the_cue_is_a_feature():
    seen = []

    class Recorder:
        candidates = ("gloss",)

        def keep(self, feats, lang):
            seen.append(feats)
            return True, 0.5

    parsed("it", *GERUND, ctx=Context(options={"attribution_scorer": Recorder()}))
    assert seen and "x_gloss" in seen[0] and "x_head=it:appoggio" in seen[0] and "x_headpos=NOUN" in seen[0]


def test_a_scorer_file_with_its_classes_loads(tmp_path):
    path = tmp_path / "scorer.json"
    path.write_text(json.dumps({"weights": {"bias": -1.0, "x_gloss": 0.5}, "thresholds": {"it": 0.4, "*": 1.01},
                                "candidates": ["gloss", "unlisted"], "meta": {"excluded_rounds": ["sixteenth"]}}))
    model = AttributionScorer.load(path)
    assert model.candidates == {"gloss", "unlisted"} and model.active("it") and not model.active("en")
    assert shipped() is None or shipped().candidates <= {"gloss", "unlisted"}


def _trainer():
    spec = importlib.util.spec_from_file_location("train_scorer", ROOT / "scripts" / "attribution" / "train_scorer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_trainer_leaves_excluded_rounds_out_and_never_takes_the_round_being_annotated():
    t = _trainer()
    # (NEVER names the session's unseen round: the sixteenth then, the seventeenth now)
    table = [("it", 1, 316, "older"), ("it", 852, 1073, "fifteenth"), ("it", 1074, 1200, sorted(t.NEVER - {None})[0])]
    doc = lambda n: {"file": f"it_{n}.txt", "cands": []}  # noqa: E731
    data = {"it/train": [doc(5), doc(900), doc(1100)], "it/dev": [doc(7), doc(901)], "en/train": [], "en/dev": []}
    groups = t.split_groups(data, {"fifteenth"}, table)
    files = {k: sorted(d["file"] for d in v) for k, v in groups.items()}
    assert files == {"it/train": ["it_5.txt"], "it/older": ["it_5.txt"], "it/dev": ["it_7.txt"],
                     "it/check": ["it_900.txt", "it_901.txt"]}
    assert t.round_of("it_2000.txt", table) in t.NEVER  # a round rounds.tsv does not name is never read


def test_a_language_may_keep_a_model_of_its_own():
    model = AttributionScorer({"weights": {"bias": 3.0}, "thresholds": {"it": 0.5, "en": 0.5, "*": 1.01},
                               "languages": {"it": {"weights": {"bias": -3.0}, "threshold": 0.4}}})
    feats = {"bias": 1.0, "lang=it": 1.0}
    assert model.keep(feats, "en")[0] and not model.keep(feats, "it")[0]
    assert model.threshold("it") == 0.4 and model.active("it")


def test_the_shipped_file_keeps_the_italian_weights_and_scores_english():
    model = shipped()
    assert model is not None and model.active("en") and "it" in model.languages
    assert "x_gloss" not in model.weights and not model.candidates  # (classes not trained on stay unmade)


def test_the_ceiling_counts_what_no_scorer_can_reach_and_each_class_share():
    t = _trainer()
    cand = lambda y, gid, feats: {"y": y, "gold_id": gid, "kind": "person", "speaker_ok": bool(y),  # noqa: E731
                                  "feats": {"bias": 1.0, **feats}}
    doc = {"g": 5, "tp0": 2, "sp0": 2, "p0": 3,
           "cands": [cand(1, "g3", {}), cand(0, None, {}), cand(1, "g4", {"x_gloss": 1.0}),
                     cand(1, "g4", {"x_unlisted=True": 1.0}), cand(0, None, {"x_unlisted=True": 1.0})]}
    fig = t.ceiling({"it/check": [doc]})["it/check"]
    assert (fig["gold"], fig["default"], fig["by_candidates"], fig["never_reached"]) == (5, 2, 2, 1)
    assert fig["r_oracle"] == 0.8 and fig["classes"] == {"default": {"candidates": 2, "right": 1},
                                                         "gloss": {"candidates": 1, "right": 1},
                                                         "unlisted": {"candidates": 2, "right": 1}}
