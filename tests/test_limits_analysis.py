"""Work per document is bounded (issue 16): a document whose text is over the analysis limit, or
whose analysis runs past the time budget, is stopped and reported with its file; the run goes on
and stores the others. (The budget is set to 0 here so that it is always exceeded: no timing.)"""
from __future__ import annotations

import time

import pytest

from garante.batch import analyze
from garante.document import Document
from garante.pipeline import Context, OverBudget, Pipeline
from garante.store import Store

EN = ("Defence ministers meet in Brussels on guarantees\n"
      "Defence ministers from across the European Union met in Brussels on Tuesday to discuss the security "
      "guarantees Europe could offer Ukraine after a ceasefire.\n")


class Recorder:
    def __init__(self, name: str, ran: list):
        self.name, self.ran = name, ran

    def __call__(self, doc, ctx):
        self.ran.append(self.name)


def test_time_budget_stops_a_document_between_components():
    ran = []
    pipeline = Pipeline(Context(options={"time_budget": 0}), components=[Recorder("first", ran), Recorder("second", ran)])
    with pytest.raises(OverBudget, match="stopped before second: over the 0 s budget"):
        pipeline(Document(source="x", raw=EN, format="text", text=EN))
    assert ran == ["first"]


def test_over_budget_documents_are_reported_and_the_run_goes_on(tmp_path):
    (tmp_path / "a_long.txt").write_text(EN * 20, encoding="utf-8")
    (tmp_path / "b_short.txt").write_text(EN, encoding="utf-8")
    pipeline = Pipeline(Context(options={"max_chars": 1000}), components=[])
    with Store(str(tmp_path / "s.db")) as store:
        report = analyze([str(tmp_path / "a_long.txt"), str(tmp_path / "b_short.txt")], store, pipeline=pipeline)
        assert report.analysed == 1
        (err,) = report.errors
        assert err.startswith(str(tmp_path / "a_long.txt")) and "over the 1000-character analysis limit" in err
        assert [r["source"] for r in store.query("SELECT source FROM documents")] == [str(tmp_path / "b_short.txt")]
        (logged,) = store.query("SELECT source, message FROM ingest_errors")
        assert logged["source"] == str(tmp_path / "a_long.txt") and "OverBudget" in logged["message"]


class SlowOn:
    """A component that takes ``seconds`` on documents whose text has ``word``: one slow document."""
    name = "slow"

    def __init__(self, word: str, seconds: float):
        self.word, self.seconds = word, seconds

    def __call__(self, doc, ctx):
        if self.word in doc.text:
            time.sleep(self.seconds)


def test_the_time_budget_is_each_documents_own_in_a_run(tmp_path):
    # a run analyses documents in groups (scale.pool.GROUP): a slow one must not use up the budget of the
    # others analysed with it; it alone is reported, and the run goes on
    (tmp_path / "a_slow.txt").write_text(EN.replace("Tuesday", "Tuesday, after a long night"), encoding="utf-8")
    for name in ("b", "c", "d"):
        (tmp_path / f"{name}.txt").write_text(EN.replace("Brussels", f"Brussels ({name})"), encoding="utf-8")
    ran = []
    pipeline = Pipeline(Context(options={"time_budget": 0.3}), components=[SlowOn("long night", 0.6), Recorder("second", ran)])
    with Store(str(tmp_path / "s.db")) as store:
        report = analyze([str(tmp_path)], store, pipeline=pipeline)
        (err,) = report.errors
        assert err.startswith(str(tmp_path / "a_slow.txt")) and "stopped before second: over the 0.3 s budget" in err
        assert report.analysed == 3 and len(ran) == 3
        assert sorted(r["source"].rsplit("/", 1)[1] for r in store.query("SELECT source FROM documents")) == \
            ["b.txt", "c.txt", "d.txt"]
