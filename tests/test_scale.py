"""All cores of one machine: ``analyze --workers N`` gives the store a one-worker run gives."""
from __future__ import annotations

import io

import pytest

from garante.batch import RunReport, analyze
from garante.cli import main
from garante.pipeline import Pipeline
from garante.scale.progress import Progress
from garante.store import Store

from conftest import EXAMPLES, SEEDS


def exported(tmp_path, name: str, workers: int, inputs: list[str]) -> dict[str, bytes]:
    db, out = tmp_path / f"{name}.db", tmp_path / name
    assert main(["analyze", *inputs, "--db", str(db), "--workers", str(workers), "--quiet"]) in (0, 1)
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_two_workers_export_what_one_worker_exports(tmp_path):
    inputs = [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    one = exported(tmp_path, "one", 1, inputs)
    two = exported(tmp_path, "two", 2, inputs)
    assert set(one) == {"documents.jsonl", "positions.json", "positions.csv", "disagreements.json"}
    assert one["documents.jsonl"].count(b"\n") >= 14
    for name in one:
        assert one[name] == two[name], name


class Broken:
    name = "broken"

    def __call__(self, doc, ctx):
        if "poison" in doc.text:
            raise ValueError("cannot parse")


def test_a_failing_document_in_a_worker_is_reported_in_its_place(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        word = "poison" if i == 3 else "prose"
        (corpus / f"{i}.txt").write_text(f"Story {i}\n\nIt has {word} in paragraph {i}.\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        pipe = Pipeline()
        pipe.components.append(Broken())
        report = analyze([str(corpus)], store, pipeline=pipe, workers=2)
        assert report.analysed == 5 and len(report.errors) == 1
        assert "3.txt: analysis failed: ValueError: cannot parse" in report.errors[0]
        # written in input order, as one worker would have
        sources = [r["source"] for r in store.query("SELECT source FROM documents ORDER BY id")]
        assert sources == [str(corpus / f"{i}.txt") for i in (0, 1, 2, 4, 5)]


def test_progress_is_a_bar_on_a_terminal_and_lines_elsewhere(monkeypatch):
    from garante.scale import progress as progress_module
    monkeypatch.setattr(progress_module, "BAR_SECONDS", 0.0)
    monkeypatch.setattr(progress_module, "LINE_SECONDS", 0.0)
    report = RunReport(analysed=30, skipped=10, errors=["x.txt: bad"])
    tty = io.StringIO()
    bar = Progress(tty, terminal=True)
    bar.tick(report, 0.25, "a.txt")
    bar("error: x.txt: bad")
    drawn = tty.getvalue()
    assert drawn.startswith("\r[######") and " 25% " in drawn and "40 documents" in drawn
    assert "1 errors" in drawn and " left" in drawn
    assert "\r\x1b[Kerror: x.txt: bad\n" in drawn  # a message clears the bar and gets its own line
    plain = io.StringIO()
    Progress(plain, terminal=False).tick(report, None, "a.txt")
    line = plain.getvalue()
    assert "\r" not in line and "\x1b" not in line and line.endswith("; last: a.txt\n")


@pytest.mark.parametrize("bad", ["0", "-2", "two"])
def test_workers_must_be_a_positive_number(bad, capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "x", "--db", "x.db", "--workers", bad])
    assert "--workers" in capsys.readouterr().err


def test_spark_engine_without_an_output_folder_says_what_it_needs(tmp_path, capsys):
    assert main(["analyze", str(EXAMPLES), "--db", str(tmp_path / "s.db"), "--engine", "spark"]) == 2
    assert "--out DIR" in capsys.readouterr().err


def test_the_same_content_twice_in_flight_is_analysed_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        text = "Story\n\nThe same story, told twice.\n" if i in (1, 3) else f"Story {i}\n\nParagraph {i} of prose.\n"
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = analyze([str(corpus)], store, workers=2)
        assert (report.analysed, report.skipped) == (4, 1)
        # the first copy is the one stored, as with one worker
        assert str(corpus / "1.txt") in [r["source"] for r in store.query("SELECT source FROM documents")]


class Interrupt:
    name = "interrupt"

    def __call__(self, doc, ctx):
        if "stop here" in doc.text:
            raise KeyboardInterrupt


def test_ctrl_c_inside_a_worker_stops_the_run_and_the_rerun_finishes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(6):
        word = "stop here" if i == 4 else "go on"
        (corpus / f"{i}.txt").write_text(f"Story {i}\n\nWe {word} in paragraph {i}.\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        pipe = Pipeline()
        pipe.components.append(Interrupt())
        with pytest.raises(KeyboardInterrupt):
            analyze([str(corpus)], store, pipeline=pipe, workers=2)
        assert store.stats()["documents"] == 4  # those before the interrupted one, in order
    with Store(tmp_path / "s.db") as store:
        report = analyze([str(corpus)], store, workers=2)
        assert (report.analysed, report.skipped) == (2, 4)


class DieInWorkers:
    """A component that kills any process but the one that built it: every worker dies on its first
    document, as if killed or out of memory."""
    name = "die"

    def __init__(self):
        import os
        self.parent = os.getpid()

    def __call__(self, doc, ctx) -> None:
        import os
        if os.getpid() != self.parent:
            os._exit(1)


def test_workers_that_die_leave_the_run_to_this_process(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"{i}.txt").write_text(f"Story {i}\n\nParagraph {i} of prose.\n", encoding="utf-8")
    pipe = Pipeline()
    pipe.components.append(DieInWorkers())
    with Store(tmp_path / "s.db") as store:
        report = analyze([str(corpus)], store, pipeline=pipe, workers=2)
        assert report.analysed == 5 and report.ok
    assert "worker processes died" in capsys.readouterr().err
