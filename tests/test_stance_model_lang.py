"""Per-language thresholds of the learned stance model (fifteenth session): a model file may give
``threshold_new`` / ``threshold_drop`` as a dict by language code with a "*" default; files with one
number keep working. Sentences are our own."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from garante.document import Document, Span, Statement
from garante.extract import stance_model as sm
from garante.extract.stance_model import StanceModel, by_language, load_model
from garante.extract.stances import StanceClassifier
from garante.pipeline import Context
from conftest import needs_scored_seeds

ROOT = Path(__file__).resolve().parents[1]
TROOPS = "foreign_troops_in_ukraine"
# the same claim in each language: a rule reads a rejection of foreign troops in both
SENTENCES = {
    "en": ("Lavrov said Moscow rejects any Western troops in Ukraine.", "Moscow rejects any Western troops in Ukraine"),
    "it": ("Lavrov ha detto che Mosca respinge qualsiasi invio di truppe occidentali in Ucraina.",
           "Mosca respinge qualsiasi invio di truppe occidentali in Ucraina"),
}


def one_statement(lang: str) -> Document:
    text, content = SENTENCES[lang]
    doc = Document(source=f"{lang}.txt", raw=text, text=text, meta={"language": lang, "published": "2025-09-05"})
    doc.add(Span(0, len(text), "sentence", component="test", rule="test"))
    a = text.index(content)
    doc.statements.append(Statement(a, a + len(content), content, "indirect", speaker_name="Lavrov",
                                    on_behalf_of_id="russia", on_behalf_of_name="russia"))
    return doc


def shipped() -> dict:
    model = load_model()
    if model is None:
        pytest.skip("no stance model installed")
    return {"about": model.about, "classes": model.classes, "side": model.side, "meta": model.meta}


def troops_stances(monkeypatch, model: StanceModel, lang: str) -> list:
    monkeypatch.setattr(sm, "load_model", lambda *a, **k: model)
    doc = one_statement(lang)
    StanceClassifier()(doc, Context())
    return [s for s in doc.statements[0].stances if s.issue == TROOPS]


def test_a_file_with_one_number_per_threshold_still_loads_and_serves_every_language(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({**shipped(), "threshold_new": 0.8, "threshold_drop": 0.1}), encoding="utf-8")
    model = StanceModel.load(path)
    assert model.thresholds("it") == model.thresholds("en") == model.thresholds(None) == (0.8, 0.1)
    # older still: no threshold_drop at all
    path.write_text(json.dumps({**shipped(), "threshold_new": 0.7}), encoding="utf-8")
    assert StanceModel.load(path).thresholds("en") == (0.7, 0.0)


def test_a_dict_by_language_falls_back_on_its_star_entry():
    assert by_language({"it": 0.8, "en": 0.5, "*": 0.9}, "it") == 0.8
    assert by_language({"it": 0.8, "en": 0.5, "*": 0.9}, "en") == 0.5
    assert by_language({"it": 0.8, "en": 0.5, "*": 0.9}, "de") == 0.9
    assert by_language({"it": 0.8}, "fr", 0.0) == 0.0
    assert by_language(0.6, "it") == 0.6


@pytest.mark.parametrize("dropped", ["it", "en"])
def test_the_drop_threshold_of_the_documents_language_applies(monkeypatch, dropped):
    """The same rejection in an Italian and an English document: the language whose drop threshold is
    above any P(about) loses the rules' stance, the other keeps it."""
    kept = "en" if dropped == "it" else "it"
    model = StanceModel({**shipped(), "threshold_new": 1.01,
                         "threshold_drop": {dropped: 1.01, kept: 0.0, "*": 0.0}})
    assert troops_stances(monkeypatch, model, dropped) == []
    [stance] = troops_stances(monkeypatch, model, kept)
    assert stance.stance == "oppose" and stance.rule != "model" and "p_about" in stance.attrs


def test_the_new_threshold_of_the_documents_language_applies(monkeypatch):
    """threshold_new 0 in one language adds every issue the model weighs there; 1.01 in the other adds none."""
    model = StanceModel({**shipped(), "threshold_new": {"it": 0.0, "en": 1.01, "*": 1.01}, "threshold_drop": 0.0})
    added = {}
    for lang in ("it", "en"):
        monkeypatch.setattr(sm, "load_model", lambda *a, **k: model)
        doc = one_statement(lang)
        StanceClassifier()(doc, Context())
        added[lang] = [s for s in doc.statements[0].stances if s.rule == "model"]
    assert added["it"] and not added["en"]


def test_the_training_scripts_decide_per_language_as_the_model_does():
    sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
    import train
    probs = [("oppose", 0.3, None), ("oppose", 0.3, None), (None, 0.6, "support"), (None, 0.6, "support")]
    langs = ["it", "en", "it", "en"]
    new, drop = {"it": 0.5, "en": 0.9, "*": 0.9}, {"it": 0.4, "en": 0.1, "*": 0.1}
    assert train.decided(probs, new, drop, langs) == [None, "oppose", "support", None]
    # one number each: the same for every language, as before
    assert train.decided(probs, 0.5, 0.1, langs) == ["oppose", "oppose", "support", "support"]


def test_language_copies_only_of_the_features_that_are_not_words():
    feats = {"bias": 1.0, "rule:oppose": 1.0, "ceasefire|w:tregua": 1.0, "pw:truppe": 1.0, "root.lemma=respingere": 1.0,
             "gov.neg": 1.0}
    got = sm.with_lang_copies(feats, "it")
    assert {k for k in got if k not in feats} == {"it@bias", "it@rule:oppose", "it@gov.neg"}
    assert all(got[k] == v for k, v in feats.items())


def test_a_model_with_language_copies_reads_the_copy_of_the_documents_language():
    base = {"about": {"bias": 0.0, "it@bias": 3.0, "en@bias": -3.0}, "classes": ["support", "oppose"],
            "side": {"bias": [0.0, 0.0], "en@bias": [2.0, -2.0]}, "threshold_new": 0.5}
    plain = StanceModel(base)
    copies = StanceModel({**base, "lang_copies": True})
    assert plain.p_about({"bias": 1.0}, "it") == plain.p_about({"bias": 1.0}, "en") == 0.5
    assert copies.p_about({"bias": 1.0}, "it") > 0.9 > 0.1 > copies.p_about({"bias": 1.0}, "en")
    assert copies.p_about({"bias": 1.0}) == 0.5  # no language: the shared weights alone
    assert copies.p_side({"bias": 1.0}, "en")["support"] > 0.9
    assert copies.p_side({"bias": 1.0}, "it")["support"] == 0.5


def test_a_stance_only_the_embedding_pass_proposed_is_not_dropped_by_the_model():
    """The model's drop threshold was chosen without the opt-in embedding pass: a stance whose issue
    only that pass proposed stays whatever P(about) the model gives it."""
    from garante.codebook import Codebook
    from garante.document import Stance
    from garante.extract import stance_features as sf
    from garante.extract.stances import lexicon
    text, content = SENTENCES["en"]
    doc = one_statement("en")
    st = doc.statements[0]
    proposed = Stance("ukraine_neutrality", "oppose", 0.4, None, None, "stances", "embedding+rejection", {})
    ruled = Stance(TROOPS, "oppose", 0.8, None, None, "stances", "rejection", {})
    view = sf.StatementView(doc, st, (0, len(text)), "en", [proposed, ruled])
    codebook = Codebook.load()
    sf.doc_topics([view], codebook)
    model = StanceModel({**shipped(), "threshold_new": 1.01, "threshold_drop": {"en": 1.01, "*": 1.01}})
    got = {(s.issue, s.rule) for s in model.stances(view, codebook, lexicon("en"))}
    assert got == {("ukraine_neutrality", "embedding+rejection")}


def test_given_language_thresholds_keep_the_single_pair_as_the_default():
    sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
    import train
    model, settings = train.fixed_language_thresholds({"about": {}}, {"threshold_new": 0.8, "threshold_drop": 0.1},
                                                      ["it=0.7,0.05", "en=0.5,0.3"])
    assert model["threshold_new"] == {"*": 0.8, "it": 0.7, "en": 0.5}
    assert model["threshold_drop"] == {"*": 0.1, "it": 0.05, "en": 0.3}
    assert StanceModel({**shipped(), **{k: model[k] for k in ("threshold_new", "threshold_drop")}}).thresholds("de") == (0.8, 0.1)


@needs_scored_seeds
def test_per_language_thresholds_never_score_under_the_single_pair(seeds_e2e):
    """train.per_language starts from the grid's single pair and moves a language's pair only where the
    whole set's end-to-end figure rises (the seeds stand in for dev here, with no guard)."""
    sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
    import train
    _, e2e = seeds_e2e
    single = {**shipped(), "threshold_new": 0.8, "threshold_drop": 0.1}
    out, settings = train.per_language(single, {"threshold_new": 0.8, "threshold_drop": 0.1},
                                       train.EndToEndChoice(e2e), ((0.5, 0.8, 0.95), (0.0, 0.1, 0.3)))
    before, after = e2e.figures(single), e2e.figures(out)
    assert (after["stance_f1"], after["positions"]) >= (before["stance_f1"], before["positions"])
    assert settings["per_language"]["dev_e2e"] == after
    assert settings["per_language"]["single"] == [0.8, 0.1]
