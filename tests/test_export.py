"""The exports on a real SQLite store: statements with their evidence, and analysts' corrections applied."""
from __future__ import annotations

import csv
import json

from garante.batch import analyze
from garante.pipeline import Context
from garante.present import corrections
from garante.present.export import export
from garante.store import Store

CAPTURE = """ date 2025-09-05 MONDO
Il Cremlino respinge le truppe straniere

La diplomazia internazionale continua a discutere delle garanzie di sicurezza per l'Ucraina mentre proseguono i combattimenti.

“Non accetteremo truppe straniere in Ucraina, in nessun caso”, ha dichiarato il portavoce del Cremlino Dmitry Peskov.

Il presidente francese Emmanuel Macron ha detto che la coalizione è pronta a schierare truppe in Ucraina dopo il cessate il fuoco.
"""


def _export(store, tmp_path):
    paths = export(store, tmp_path / "out")
    docs = [json.loads(line) for line in paths["documents"].read_text(encoding="utf-8").splitlines()]
    positions = json.loads(paths["positions"].read_text(encoding="utf-8"))
    return docs, positions, paths


def test_export_carries_statements_and_applies_corrections(tmp_path):
    src = tmp_path / "capture.txt"
    src.write_text(CAPTURE, encoding="utf-8")
    ctx = Context()
    with Store(str(tmp_path / "g.db")) as store:
        assert analyze([str(src)], store, ctx).ok
        docs, positions, paths = _export(store, tmp_path)
        (doc,) = docs
        peskov = next(s for s in doc["statements"] if s["speaker"]["name"] == "Dmitry Peskov")
        assert peskov["kind"] == "direct" and peskov["on_behalf_of"]["name"] == "Russia"
        assert peskov["cue"] == "ha dichiarato" and peskov["cue_class"] == "speech"
        assert doc["text"][peskov["start"]:peskov["end"]] == peskov["content"]
        # the exact characters of the cue and of the source mention as the sentence writes them
        for span in (peskov["cue_span"], peskov["source_span"]):
            assert doc["text"][span["start"]:span["end"]] == span["text"]
        assert peskov["cue_span"]["text"] == "ha dichiarato"
        assert peskov["source_span"]["text"] == "il portavoce del Cremlino Dmitry Peskov"
        assert doc["text"].endswith(doc["body"])
        raw = src.read_text(encoding="utf-8")
        assert raw[peskov["raw_span"][0]:peskov["raw_span"][1]] == peskov["content"]
        state_rows = {(p["actor"]["name"], p["issue"]): p["stance"] for p in positions if p["actor_level"] == "state"}
        assert state_rows[("Russia", "foreign_troops_in_ukraine")] == "oppose"
        assert state_rows[("France", "foreign_troops_in_ukraine")] == "support"
        assert list(csv.DictReader(open(paths["positions_csv"], encoding="utf-8")))

        # an analyst says the French statement was Starmer's: the export follows the correction
        st_id = store.query("SELECT id FROM statements WHERE speaker_name = 'Emmanuel Macron'")[0]["id"]
        corrections.correct_speaker(store, st_id, "keir-starmer", kb=ctx.kb)
        docs, positions, _ = _export(store, tmp_path)
        fixed = next(s for s in docs[0]["statements"] if "coalizione" in s["content"])
        assert fixed["speaker"]["name"] == "Keir Starmer"
        assert fixed["on_behalf_of"]["name"] == "United Kingdom"
        assert "speaker" in fixed["corrected"]
        state_rows = {(p["actor"]["name"], p["issue"]): p["stance"] for p in positions if p["actor_level"] == "state"}
        assert state_rows[("United Kingdom", "foreign_troops_in_ukraine")] == "support"
        assert ("France", "foreign_troops_in_ukraine") not in state_rows
