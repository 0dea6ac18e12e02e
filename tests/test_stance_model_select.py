"""Choosing the stance model's settings on the end-to-end figure (issue 13): scripts/train/stance/e2e.py
analyses the documents once with the rules alone and re-decides only the stances for each candidate.
Its figures must be the shared scorer's on the real export of a run with that model."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import SEEDS
from conftest import needs_scored_seeds as needs_seeds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))


def exported_figures(gold: dict, tmp_path: Path, model_path: str | None) -> dict:
    """The real thing: the seeds analysed with the model on (or off), exported and scored."""
    import dataset
    import e2e
    from garante.batch import analyze
    from garante.extract.stance_model import load_model
    from garante.pipeline import Context, Pipeline
    from garante.present.export import export
    from garante.store import Store
    options = {"stance_model": False} if model_path is None else {}
    if model_path is not None:
        load_model.cache_clear()
    tmp_path.mkdir(parents=True, exist_ok=True)
    with Store(str(tmp_path / "c.db")) as store:
        analyze([str(SEEDS)], store, pipeline=Pipeline(Context(options=options)))
        out = export(store, tmp_path / "out")
    sc = dataset.scorer()
    pred = sc.load_pred(out["documents"])
    return e2e.brief(sc.score(gold, pred, sc.load_positions(out["positions"]), False))


@needs_seeds
def test_end_to_end_figures_are_the_scorers_on_the_real_export(seeds_e2e, tmp_path):
    from garante.extract.stance_model import MODEL
    gold, e2e = seeds_e2e
    shipped = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    assert e2e.figures(shipped) == exported_figures(gold, tmp_path / "model", str(MODEL))
    assert e2e.figures(None) == exported_figures(gold, tmp_path / "rules", None)


@needs_seeds
def test_a_threshold_that_adds_every_issue_costs_precision_end_to_end(seeds_e2e):
    from garante.extract.stance_model import MODEL
    _, e2e = seeds_e2e
    shipped = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    own = e2e.figures(shipped)
    everything = e2e.figures(shipped, new=0.0, drop=0.0)  # every issue of every statement
    assert everything["stance_precision"][1] > own["stance_precision"][1]
    assert everything["stance_f1"] < own["stance_f1"]
    assert everything["stance_recall"][0] >= own["stance_recall"][0]


@needs_seeds
def test_train_chooses_the_thresholds_with_the_best_end_to_end_figure(seeds_e2e):
    import train
    from garante.extract.stance_model import MODEL
    _, e2e = seeds_e2e
    model = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    news, drops = (0.0, 0.6, 0.99), (0.0, 0.5)
    best = train._best_thresholds(model, {}, [], (0.0, (news, drops)), [], None, train.EndToEndChoice(e2e))
    chosen = best[2]
    figures = {(t, d): e2e.figures(model, t, d) for t in news for d in drops}
    top = max(figures.values(), key=lambda f: (f["stance_f1"], f["positions"]))
    assert chosen["dev_e2e"] == figures[(chosen["threshold_new"], chosen["threshold_drop"])]
    assert (chosen["dev_e2e"]["stance_f1"], chosen["dev_e2e"]["positions"]) == (top["stance_f1"], top["positions"])
    assert chosen["threshold_new"] > 0.0  # adding every issue is never the best on the strict seeds


def test_the_models_decision_is_one_rule_for_rules_and_additions():
    from garante.extract.stance_model import keeps
    assert keeps(True, 0.3, new=0.8, drop=0.05) and not keeps(True, 0.01, new=0.8, drop=0.05)
    assert keeps(False, 0.8, new=0.8, drop=0.05) and not keeps(False, 0.79, new=0.8, drop=0.05)


@needs_seeds
def test_a_guard_set_refuses_the_thresholds_that_cost_it(seeds_e2e):
    import train
    from garante.extract.stance_model import MODEL
    gold, seeds = seeds_e2e
    model = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    strict = seeds.figures(model, new=0.8, drop=0.0)
    seeds.guard("seeds", strict["stance_f1"], strict["positions"])
    assert seeds.holds(strict) and not seeds.holds(seeds.figures(model, new=0.0, drop=0.0))
    # the guard is the dev set itself here: the thresholds that break it are never chosen
    choice = train.EndToEndChoice(seeds, [seeds])
    best = train._best_thresholds(model, {}, [], (0.0, ((0.0, 0.8), (0.0,))), [], None, choice)
    assert best[2]["threshold_new"] == 0.8 and best[0][0] is True



@needs_seeds
def test_positions_under_the_reference_models_are_never_a_sound_choice(seeds_e2e):
    import train
    from garante.extract.stance_model import MODEL
    _, seeds = seeds_e2e
    model = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    log: list = []
    choice = train.EndToEndChoice(seeds, [], least_positions=1.01, log=log)  # more than any model can keep
    best = train._best_thresholds(model, {}, [], (0.0, ((0.6, 0.8), (0.0,))), [], None, choice)
    assert best[0][0] is False
    assert [c["threshold_new"] for c in log] == [0.6, 0.8] and not any(c["ok"] for c in log)
