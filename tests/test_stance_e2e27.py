"""scripts/train/stance/e2e.py decides each statement's stances as the pipeline does with the same model, statement
by statement: on what the model reads in the stance step (the rules' stances before the codebook's readings and
the calibration), with the stance step's floor for an issue no cue names and its silencing after the model, then
the readings and the calibration. Before, it decided on the stances the whole pipeline had left (read and
calibrated already), and differed from run_heldout.sh by a stance on each held-out set. Pages of our own."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
# e2e.py scores with the shared scorer (statement matching), which lives beside the checkout, not in it
pytestmark = pytest.mark.skipif(not (ROOT.parent / "shared" / "eval" / "score.py").is_file(),
                                reason="../shared/eval/score.py not present beside the checkout")

PAGES = {
    "en_moscow.txt": ("Moscow, 4 March 2025. Dmitry Peskov said on Tuesday that Russia is ready to sign security "
                      "guarantees for Ukraine. Asked whether Moscow would ever accept European soldiers in Ukraine, "
                      "Sergey Lavrov said that the idea was being discussed. Lavrov added that the sanctions "
                      "must be lifted first."),
    "en_washington.txt": ("Washington, 5 March 2025. Pete Hegseth said that the United States supports firm security "
                          "guarantees for Kyiv. Marco Rubio said that the talks in Riyadh had gone well and that "
                          "Britain will play its part in keeping the peace."),
    "it_roma.txt": ("Roma, 6 marzo 2025. Il ministro degli Esteri Antonio Tajani ha detto che l'Italia non invierà "
                    "soldati in Ucraina, ma che sostiene le garanzie di sicurezza per Kiev."),
}


def _pipeline_stances(folder: Path, model: dict, monkeypatch) -> dict[tuple[str, int], list[tuple]]:
    """(file, statement start) -> the stances the pipeline gives, the stance step running ``model``."""
    from garante.batch import analyze
    from garante.extract import stances
    from garante.extract.stance_model import StanceModel
    from garante.pipeline import Context, Pipeline, default_components
    from garante.store import Store
    docs = []
    monkeypatch.setattr(stances, "_learned_model", lambda ctx: StanceModel(model))
    with Store(str(folder / "p.db")) as store:
        analyze([str(folder / n) for n in PAGES], store,
                pipeline=Pipeline(Context(), default_components() + [lambda doc, ctx: docs.append(doc)]))
    monkeypatch.undo()
    return {(Path(d.source).name, st.content_start):
            sorted((x.issue, x.stance, x.confidence, x.rule) for x in st.stances) for d in docs for st in d.statements}


def _e2e_stances(end, model: dict) -> dict[tuple[str, int], list[tuple]]:
    decided = end.decide(end.probabilities(model), model["threshold_new"], model["threshold_drop"])
    out = {}
    for f, rec in end.records.items():
        for st, k in zip(rec["statements"], end.by_doc.get(rec["store_id"], [])):
            out[f, st["start"]] = sorted((x[0], x[1], round(x[2], 3), x[3]) for x in decided[k])
    return out


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    import e2e
    folder = tmp_path_factory.mktemp("e2e27")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    gold = {"documents": [], "positions": []}
    return folder, e2e.EndToEnd.of_inputs(gold, [str(folder / n) for n in PAGES])


def test_e2e_decides_every_statement_as_the_pipeline_does(pages, tmp_path, monkeypatch):
    import json
    from garante.extract.stance_model import MODEL
    folder, end = pages
    shipped = json.loads(Path(MODEL).read_text(encoding="utf-8"))
    # the shipped model, and one that adds an issue at a P(about) of 0.2 and drops a rule's under 0.5: many more
    # stances the model adds (most without a cue) and drops, each read and calibrated after it
    eager = {**shipped, "threshold_new": 0.2, "threshold_drop": 0.5}
    for n, model in enumerate((shipped, eager)):
        (tmp_path / str(n)).mkdir()
        for name in PAGES:
            (tmp_path / str(n) / name).write_bytes((folder / name).read_bytes())
        ran = _pipeline_stances(tmp_path / str(n), model, monkeypatch)
        assert _e2e_stances(end, model) == ran
    assert any(x[3] == "model" for found in ran.values() for x in found)  # the eager model added stances


def test_what_the_model_reads_is_the_rules_before_the_readings(pages):
    # Peskov's support of the guarantees is read as support of a settlement with Russia after the stance step:
    # the model reads the issue its cue named, and the reading moves the decided stance
    _, end = pages
    peskov = next(item for item in end.items if "dmitry-peskov" in item["actors"])
    assert "western_security_guarantees" in {r[0] for r in peskov["rules"]}
    rules = {r[0]: r for r in peskov["rules"]}
    after = end.after_stance_step([tuple(rules["western_security_guarantees"])], peskov["actors"])
    assert [(x[0], x[1]) for x in after] == [("collective_security_with_russia", "support")]
