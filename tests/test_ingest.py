"""Ingest: files, folders, JSONL, WARC, stdin; bad input gets one clear message and never harms the store.

Every run here goes into a real SQLite file. Captures are sentences written for these tests.
"""
from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from garante.batch import analyze
from garante.cli import main
from garante.clean import clean
from garante.ingest import Capture, IngestError, read_inputs
from garante.pipeline import Pipeline
from garante.store import Store

CLEAN_DATA = Path(__file__).parent / "data" / "clean"

IT = ("Vertice a Bruxelles sulle garanzie per Kiev\n"
      "I ministri della Difesa dell'Unione si sono riuniti martedì a Bruxelles per discutere delle garanzie di "
      "sicurezza che l'Europa è pronta a offrire all'Ucraina.\n"
      "Secondo fonti diplomatiche, la riunione è durata più di tre ore e si è chiusa con l'impegno a rivedersi "
      "entro la fine del mese.\n"
      "Il ministro ha detto che la città è pronta a collaborare, però servono garanzie più solide.\n")
EN = ("Defence ministers meet in Brussels on guarantees\n"
      "Defence ministers from across the European Union met in Brussels on Tuesday to discuss the security "
      "guarantees Europe could offer Ukraine after a ceasefire.\n"
      "The meeting lasted more than three hours and ended with a pledge to meet again before the end of the "
      "month, two diplomats said.\n")
RU = ("Песков заявил, что гарантии безопасности должны учитывать интересы России.\n"
      "Переговоры продолжатся на следующей неделе в Стамбуле, сообщили в Кремле.\n")


def clean_only() -> Pipeline:
    """The real cleaner and store, without the extraction layers (tested elsewhere)."""
    return Pipeline(components=[])


def split(items):
    caps = [i for i in items if isinstance(i, Capture)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return caps, errs


def snapshot(db: Path) -> dict:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT id, content_hash, source, raw, text, title, published, outlet, segments "
                       "FROM documents ORDER BY id").fetchall()
    spans = con.execute("SELECT document_id, COUNT(*) FROM spans GROUP BY document_id ORDER BY 1").fetchall()
    con.close()
    return {"documents": rows, "spans": spans}


# --- one message per bad input, naming the file (and line or record) ------------------------------

def write_warc(path: Path, pages: list[tuple[str, str]], gz: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": "2025-03-03T10:00:00Z"}))
    return path


def page(n: int) -> str:
    return (f"<!DOCTYPE html><html><head><title>Talks in Brussels, day {n}</title></head><body><article>"
            f"<h1>Talks in Brussels, day {n}</h1><p>On day {n} of the talks, the ministers discussed air defence, "
            "training missions and the monitoring of a future ceasefire line in eastern Ukraine.</p>"
            "<p>A joint statement is expected at the end of the week, according to two officials.</p>"
            "</article></body></html>")


PAGES = [(f"https://news.example/brussels/{n}", page(n)) for n in range(1, 4)]


def bad_binary(d: Path):
    (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return "photo.txt", None, "binary data"


def bad_empty(d: Path):
    (d / "empty.txt").write_bytes(b"")
    return "empty.txt", None, "empty file"


def bad_blank(d: Path):
    (d / "blank.txt").write_bytes(b" \n\n\t\n")
    return "blank.txt", None, "empty file"


def bad_truncated_html(d: Path):
    (d / "cut.html").write_text(page(1)[:260], encoding="utf-8")
    return "cut.html", None, "truncated HTML"


def bad_jsonl_line(d: Path):
    good = json.dumps({"text": EN, "url": "https://news.example/en/1"})
    (d / "feed.jsonl").write_text(good + "\n{\"text\": \"unterminated\n", encoding="utf-8")
    return "feed.jsonl", "line 2", "malformed JSON"


def bad_jsonl_record(d: Path):
    (d / "feed2.jsonl").write_text(json.dumps({"title": "No body here"}) + "\n", encoding="utf-8")
    return "feed2.jsonl", "line 1", "no non-empty 'text' or 'html'"


def bad_warc_cut(d: Path):
    data = write_warc(d / "full.warc", PAGES, gz=False).read_bytes()
    (d / "full.warc").unlink()
    third = data.rfind(b"WARC/1.")
    (d / "cut.warc").write_bytes(data[:third + 120])  # the third record's header is cut short
    return "cut.warc", "record 3", "the records before it were read"


def bad_warc_gz_cut(d: Path):
    data = write_warc(d / "full.warc.gz", PAGES, gz=True).read_bytes()
    (d / "full.warc.gz").unlink()
    (d / "cut.warc.gz").write_bytes(data[:int(len(data) * 0.85)])  # inside the third record's gzip member
    return "cut.warc.gz", "record 3", "the records before it were read"


def bad_warc_garbled(d: Path):
    data = write_warc(d / "full.warc", PAGES, gz=False).read_bytes()
    (d / "full.warc").unlink()
    second = data.find(b"WARC/1.", 10)
    (d / "garbled.warc").write_bytes(data[:second] + b"GARBAGE" + data[second + 7:])
    return "garbled.warc", "record 2", "not a valid WARC record"


def bad_latin1(d: Path):
    (d / "latin1.txt").write_bytes(IT.encode("latin-1"))
    return "latin1.txt", None, "not UTF-8; decoded as cp1252"


def bad_cp1252(d: Path):
    text = IT + "«Non è il momento», ha detto il ministro – l’accordo vale 5 € al giorno.\n"
    (d / "windows.txt").write_bytes(text.replace("«", "“").replace("»", "”").encode("cp1252"))
    return "windows.txt", None, "not UTF-8; decoded as cp1252"


def bad_cp1251(d: Path):
    (d / "russian.txt").write_bytes(RU.encode("cp1251"))
    return "russian.txt", None, "not UTF-8; decoded as cp1251"


def bad_mixed(d: Path):
    lines = IT.encode("utf-8").split(b"\n")
    lines[2] = lines[2].decode("utf-8").encode("cp1252")
    (d / "mixed.txt").write_bytes(b"\n".join(lines))
    return "mixed.txt", None, "mixed encodings: line 3 not UTF-8"


def bad_utf16_without_bom(d: Path):
    (d / "utf16.txt").write_bytes(EN.encode("utf-16-le"))
    return "utf16.txt", None, "no byte-order mark; read as utf-16-le"


BAD = [bad_binary, bad_empty, bad_blank, bad_truncated_html, bad_jsonl_line, bad_jsonl_record, bad_warc_cut,
       bad_warc_gz_cut, bad_warc_garbled, bad_latin1, bad_cp1252, bad_cp1251, bad_mixed, bad_utf16_without_bom]


@pytest.mark.parametrize("make", BAD, ids=lambda f: f.__name__[4:])
def test_bad_input_gets_one_message_naming_file_and_place(tmp_path, make):
    name, where, words = make(tmp_path)
    _, errs = split(list(read_inputs([str(tmp_path / name)])))
    assert len(errs) == 1, [str(e) for e in errs]
    err = errs[0]
    assert err.source == str(tmp_path / name)
    assert err.location == where
    assert words in err.message
    assert str(err).startswith(f"{tmp_path / name}:{where + ':' if where else ''} ")


def test_over_the_size_limit_is_refused_with_the_limit_named(tmp_path):
    (tmp_path / "big.txt").write_text(EN * 20, encoding="utf-8")
    caps, errs = split(list(read_inputs([str(tmp_path / "big.txt")], max_bytes=1000)))
    assert not caps
    (err,) = errs
    assert "over the 1000-byte limit" in err.message and err.source.endswith("big.txt")


@pytest.mark.parametrize("text,encoding", [(IT, "latin-1"), (IT, "cp1252"), (RU, "cp1251"), (EN, "utf-16"),
                                           (IT, "utf-8-sig"), (IT, "utf-16-be")])
def test_encodings_are_detected_and_decoded(tmp_path, text, encoding):
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (tmp_path / "capture.txt").write_bytes(data)
    caps, errs = split(list(read_inputs([str(tmp_path / "capture.txt")])))
    assert caps[0].raw == text
    if encoding.startswith("utf"):  # a byte-order mark says it all: nothing to report
        assert not errs


def test_mixed_encodings_repaired_line_by_line(tmp_path):
    bad_mixed(tmp_path)
    (cap,), _ = split(list(read_inputs([str(tmp_path / "mixed.txt")])))
    assert cap.raw == IT
    assert "però servono garanzie più solide" in cap.raw


def test_mojibake_repaired_and_reported(tmp_path):
    text = IT.encode("utf-8").decode("cp1252", "replace").encode("utf-8")
    (tmp_path / "moji.txt").write_bytes(text)
    (cap,), (err,) = split(list(read_inputs([str(tmp_path / "moji.txt")])))
    assert "più solide" in cap.raw and "Ã" not in cap.raw
    assert "mojibake" in err.message


def test_mojibake_read_as_latin_1_is_repaired_too():
    from garante.ingest.decode import repair_mojibake
    # "’" and "“ ”" as UTF-8 bytes read as latin-1: "â" and two C1 controls (cp1252 would show "â€™")
    text = "per l\u00e2\u0080\u0099Italia e l\u00e2\u0080\u009cEuropa\u00e2\u0080\u009d; il château"
    assert repair_mojibake(text) == ("per l’Italia e l“Europa”; il château", [1])


def test_missing_path_is_reported(tmp_path):
    (err,) = list(read_inputs([str(tmp_path / "nowhere.txt")]))
    assert isinstance(err, IngestError) and "no such file" in err.message


# --- the store survives bad batches ---------------------------------------------------------------

def test_bad_batch_through_the_cli_keeps_the_store_intact(tmp_path, capsys, monkeypatch):
    import garante.pipeline
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [])  # cleaning and store only
    db = tmp_path / "store.db"
    good = tmp_path / "good"
    good.mkdir()
    for f in ("it_portale_riad.txt", "en_broadsheet_g7_agreement.txt"):
        (good / f).write_bytes((CLEAN_DATA / f).read_bytes())
    assert main(["analyze", str(good), "--db", str(db), "--quiet"]) == 0
    before = snapshot(db)
    assert len(before["documents"]) == 2

    bad = tmp_path / "bad"
    bad.mkdir()
    made = [make(bad) for make in BAD]
    # a good file after the bad ones is still read
    (bad / "zz_good.txt").write_text(EN.replace("Tuesday", "Friday"), encoding="utf-8")
    capsys.readouterr()
    rc = main(["analyze", str(bad), str(good), "--db", str(db)])
    out, err = capsys.readouterr()
    assert rc == 1
    for name, where, words in made:
        named = [ln for ln in err.splitlines() if f"{bad / name}:" in ln]
        assert len(named) == 1, (name, named)
        assert words in named[0] and (where is None or f":{where}:" in named[0])
    # one line per bad input: an unreadable one failed, one read after a repair (encoding, mojibake) was stored
    assert ", 8 failed, 6 read after a repair" in out

    after = snapshot(db)
    assert after["documents"][:2] == before["documents"]  # nothing stored before was lost or changed
    assert after["spans"][:2] == before["spans"]
    sources = [r[2] for r in after["documents"][2:]]
    # readable captures of the bad batch were stored as read, each once
    assert str(bad / "zz_good.txt") in sources and str(bad / "latin1.txt") in sources
    assert str(bad / "photo.txt") not in sources and str(bad / "empty.txt") not in sources
    assert len(sources) == len(set(sources))
    with Store(str(db)) as store:
        assert store.stats()["ingest_errors"] == len(BAD)
        assert store.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"

    assert main(["errors", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    assert f"{bad / 'feed.jsonl'}:line 2: malformed JSON" in listed


def test_same_content_is_stored_once(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "copy_of_a.txt").write_text(EN, encoding="utf-8")
    db = tmp_path / "s.db"
    with Store(str(db)) as store:
        first = analyze([str(tmp_path)], store, pipeline=clean_only())
        second = analyze([str(tmp_path)], store, pipeline=clean_only())
        assert (first.analysed, first.skipped) == (1, 1)
        assert (second.analysed, second.skipped) == (0, 2)
        assert store.stats()["documents"] == 1


class InterruptOn:
    """A component that stops the run (as Ctrl-C would) when it meets a document from ``source``."""
    name = "interrupt"

    def __init__(self, source: str):
        self.source = source

    def __call__(self, doc, ctx):
        if doc.source == self.source:
            raise KeyboardInterrupt


def test_interrupted_run_resumes_where_it_stopped(tmp_path):
    from garante.scale.pool import GROUP
    folder = tmp_path / "in"
    folder.mkdir()
    n = 2 * GROUP + 2
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(EN.replace("Tuesday", f"day {i}"), encoding="utf-8")
    stop = GROUP + 2  # inside the second group of captures analysed together
    db = tmp_path / "s.db"
    with Store(str(db)) as store:
        with pytest.raises(KeyboardInterrupt):
            analyze([str(folder)], store, pipeline=Pipeline(components=[InterruptOn(str(folder / f"{stop:02d}.txt"))]))
        # the groups finished before the interruption are kept; the interrupted group is not half-stored
        assert [r["source"] for r in store.query("SELECT source FROM documents ORDER BY id")] == \
            [str(folder / f"{i:02d}.txt") for i in range(GROUP)]
    with Store(str(db)) as store:  # a new process, as the user would run it
        report = analyze([str(folder)], store, pipeline=clean_only())
        assert (report.analysed, report.skipped, report.errors) == (n - GROUP, GROUP, [])
        assert store.stats()["documents"] == n
        assert store.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"


def test_interrupt_through_the_cli_says_how_to_resume(tmp_path, capsys, monkeypatch):
    from garante.scale.pool import GROUP
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(GROUP):
        (folder / f"a{i}.txt").write_text(EN.replace("Tuesday", f"day {i}"), encoding="utf-8")
    (folder / "b.txt").write_text(IT, encoding="utf-8")
    import garante.pipeline
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [InterruptOn(str(folder / "b.txt"))])
    db = tmp_path / "s.db"
    assert main(["analyze", str(folder), "--db", str(db)]) == 130
    assert "run the same command again" in capsys.readouterr().err
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [])
    assert main(["analyze", str(folder), "--db", str(db)]) == 0
    assert f"1 analysed, {GROUP} already stored, 0 failed" in capsys.readouterr().out


def test_captures_analysed_in_groups_are_stored_as_one_at_a_time(tmp_path, monkeypatch):
    """analyze gives the models GROUP captures at once (Pipeline.run_many): the store's rows must be those
    of a run that analyses them one at a time, on real captures of the sample corpus."""
    import garante.scale.pool as pool
    from garante.present.export import export
    inputs = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    exports = []
    for group in (pool.GROUP, 1):
        monkeypatch.setattr(pool, "GROUP", group)
        with Store(str(tmp_path / f"g{group}.db")) as store:
            report = analyze(inputs, store)
            assert report.ok and report.analysed == len(inputs)
            export(store, tmp_path / f"out{group}")
        exports.append((tmp_path / f"out{group}" / "documents.jsonl").read_text(encoding="utf-8"))
    assert exports[0] == exports[1]
    assert json.loads(exports[0].splitlines()[0])["statements"]  # real analyses, not empty ones


def test_analysis_bug_on_one_document_is_reported_and_the_run_goes_on(tmp_path):
    class Broken:
        name = "broken"

        def __call__(self, doc, ctx):
            if "Brussels" in doc.text and "Tuesday" in doc.text:
                raise ValueError("cannot handle this document")

    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(IT, encoding="utf-8")
    with Store(str(tmp_path / "s.db")) as store:
        report = analyze([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store,
                         pipeline=Pipeline(components=[Broken()]))
        assert report.analysed == 1 and len(report.errors) == 1
        assert report.errors[0].startswith(f"{tmp_path / 'a.txt'}: analysis failed: ValueError")
        assert store.stats()["documents"] == 1


def test_progress_is_shown_on_long_runs(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text(EN.replace("Tuesday", f"day {i}"), encoding="utf-8")
    lines: list[str] = []
    with Store(str(tmp_path / "s.db")) as store:
        analyze([str(folder)], store, pipeline=clean_only(), progress=lines.append)
    assert any(ln.startswith("25 read: 25 analysed") and "documents/s" in ln for ln in lines), lines


# --- formats --------------------------------------------------------------------------------------

class FakeStdin:
    """What ``sys.stdin`` is when bytes are piped into the command."""

    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_dash(tmp_path, capsys, monkeypatch):
    import garante.pipeline
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [])  # cleaning and store only
    db = tmp_path / "s.db"
    monkeypatch.setattr(sys, "stdin", FakeStdin(EN.encode("utf-8")))
    assert main(["analyze", "-", "--db", str(db), "--quiet"]) == 0
    with Store(str(db)) as store:
        (row,) = store.query("SELECT source, title, language FROM documents")
    assert row == {"source": "<stdin>", "title": "Defence ministers meet in Brussels on guarantees",
                   "language": "en"}
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    capsys.readouterr()
    assert main(["analyze", "-", "--db", str(db), "--quiet"]) == 1
    assert "<stdin>: empty file" in capsys.readouterr().err


def test_cli_entry_point_reads_stdin(tmp_path):
    """The installed command, as a shell pipeline runs it (the full default pipeline)."""
    garante = Path(sys.executable).parent / "garante"
    run = subprocess.run([str(garante), "analyze", "-", "--db", str(tmp_path / "s.db"), "--quiet"],
                         input=b"\x00\x01binary\x00", capture_output=True, timeout=300)
    assert run.returncode == 1
    assert run.stderr.decode().strip() == "error: <stdin>: binary data, not text (a NUL byte at byte 0); skipped"


def test_jsonl_fields(tmp_path):
    records = [
        {"text": EN, "url": "https://news.example/en/brussels", "title": "Ministers weigh guarantees",
         "published": "2025-03-04T09:30:00Z", "id": "r1"},
        {"html": page(7), "title": "Day seven", "published": "2025-03"},
        {"text": IT},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    caps, errs = split(list(read_inputs([str(path)])))
    assert not errs and len(caps) == 3
    docs = [clean(c) for c in caps]
    assert caps[0].source == "https://news.example/en/brussels"
    assert docs[0].meta["title"] == "Ministers weigh guarantees" and docs[0].meta["title_source"] == "container"
    assert docs[0].meta["published"] == "2025-03-04" and docs[0].meta["published_source"] == "container"
    assert docs[0].meta["url"] == "https://news.example/en/brussels"
    assert docs[0].meta["outlet"] == "news.example"
    assert caps[1].format == "html" and caps[1].source == f"{path}#2"
    assert docs[1].meta["published"] == "2025-03" and docs[1].meta["published_precision"] == "month"
    assert "On day 7 of the talks" in docs[1].body
    assert caps[2].source == f"{path}#3" and docs[2].meta["language"] == "it"
    assert docs[2].meta["title"] == "Vertice a Bruxelles sulle garanzie per Kiev"


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_records_become_documents(tmp_path, gz):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), PAGES, gz=gz)
    caps, errs = split(list(read_inputs([str(path)])))
    assert not errs
    assert [c.source for c in caps] == [u for u, _ in PAGES]
    assert all(c.format == "html" and c.hints["capture_date"] == "2025-03-03" for c in caps)
    doc = clean(caps[1])
    assert doc.meta["title"] == "Talks in Brussels, day 2"
    assert "On day 2 of the talks" in doc.body and doc.meta["url"] == PAGES[1][0]


def test_sample_warc_script_writes_a_readable_archive(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_sample_warc
    finally:
        sys.path.pop(0)
    out = make_sample_warc.main(tmp_path / "sample.warc.gz")
    caps, errs = split(list(read_inputs([str(out)])))
    assert not errs and len(caps) == 2
    docs = [clean(c) for c in caps]
    assert [d.meta["published"] for d in docs] == ["2025-08-26", "2025-11-23"]
    assert [d.meta["outlet"] for d in docs] == ["The Continental Ledger", "Gazzetta Europea"]
    assert [d.meta["language"] for d in docs] == ["en", "it"]


def test_html_through_trafilatura_with_metadata_and_offsets():
    (cap,) = [c for c in read_inputs([str(EXAMPLES / "en_2023-07_vilnius.html")]) if isinstance(c, Capture)]
    doc = clean(cap)
    m = doc.meta
    assert m["title"] == "G7 leaders pledge long-term security commitments to Ukraine in Vilnius"
    assert (m["published"], m["published_source"]) == ("2023-07-12", "html metadata")
    assert m["outlet"] == "The Continental Ledger" and m["language"] == "en"
    assert doc.body.startswith("Leaders of the Group of Seven issued a joint declaration in Vilnius")
    assert "<" not in doc.text
    mapped = [z for z in doc.layer("zone") if doc.raw_span(z.start, z.end)]
    assert mapped
    for z in mapped:
        a, b = doc.raw_span(z.start, z.end)
        assert doc.raw[a:b] == doc.text[z.start:z.end]


def test_truncated_html_is_still_cleaned_and_stored(tmp_path):
    (tmp_path / "cut.html").write_text(page(4)[:-40], encoding="utf-8")
    (cap,), (err,) = split(list(read_inputs([str(tmp_path / "cut.html")])))
    assert "truncated HTML" in err.message and "analysed and stored as read" in err.message
    doc = clean(cap)
    assert "On day 4 of the talks" in doc.body
    assert doc.meta["input_notes"] and "truncated HTML" in doc.meta["input_notes"][0]


# --- the demo flow: analyze, export, list, show, errors ----------------------------------------------

def test_analyze_export_list_show_errors(tmp_path, capsys, monkeypatch):
    import garante.pipeline
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [])  # cleaning and store only
    db, out = tmp_path / "demo.db", tmp_path / "out"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "riad.txt").write_bytes((CLEAN_DATA / "it_portale_riad.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    assert main(["analyze", str(folder), "--db", str(db)]) == 1
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    (rec,) = [json.loads(ln) for ln in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rec["source"] == str(folder / "riad.txt")
    assert (rec["published"], rec["author"], rec["outlet"], rec["language"]) == \
        ("2025-02-18", "Paolo Santangelo", "Il Notiziario Adriatico", "it")
    assert rec["body"].startswith("Il segretario di Stato Marco Rubio") and "Potrebbe interessarti" not in rec["body"]
    assert json.loads((out / "positions.json").read_text(encoding="utf-8")) == []
    capsys.readouterr()

    assert main(["list", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    assert "2025-02-18" in listed and "Riad, primi colloqui tra Usa e Russia" in listed
    assert main(["show", "1", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "Paolo Santangelo" in shown and "La reazione europea" in shown and "Seguici su" not in shown
    assert main(["show", "1", "--raw", "--db", str(db)]) == 0
    raw = capsys.readouterr().out.splitlines()
    assert "byline      Di Paolo Santangelo" in raw and "subheading  La reazione europea" in raw
    assert main(["errors", "--db", str(db)]) == 0
    assert f"{folder / 'empty.txt'}: empty file" in capsys.readouterr().out
    assert main(["show", "7", "--db", str(db)]) == 2


def test_reading_commands_refuse_a_missing_store(tmp_path, capsys):
    missing = tmp_path / "typo.db"
    for argv in (["list"], ["show", "1"], ["errors"], ["export", "--out", str(tmp_path / "o")]):
        assert main([*argv, "--db", str(missing)]) == 2
        assert "no such store" in capsys.readouterr().err
    assert not missing.exists()


def test_html_paragraph_with_entities_and_inline_markup_maps_back_character_by_character():
    raw = ("<html><head><title>Talks in Geneva</title></head><body><nav>Home</nav><article><h1>Talks in Geneva</h1>\n"
           "<p>&ldquo;We are launching negotiations today,&rdquo; the leaders said in   the <a href=\"/x\">joint "
           "text</a>, which <em>Zelensky</em> welcomed &amp; praised on Wednesday.</p>\n"
           "<p>The second paragraph is plain and long enough to be kept by the extractor without any trouble.</p>"
           "</article></body></html>")
    doc = clean(Capture("talks.html", raw, "html"))
    assert "“We are launching negotiations today,” the leaders said in the joint text, which Zelensky " \
           "welcomed & praised on Wednesday." in doc.text
    for word in ("Zelensky", "launching negotiations", "joint text", "praised on Wednesday."):
        i = doc.text.index(word)
        a, b = doc.raw_span(i, i + len(word))
        assert raw[a:b] == word
    i = doc.text.index("joint text, which")
    a, b = doc.raw_span(i, i + len("joint text, which"))
    assert raw[a:b] == "joint text</a>, which"  # the exact stretch of the page, markup included
    i = doc.text.index("“")
    assert doc.to_raw(i) is None  # a decoded entity is not a character of the page


def test_declared_charset_of_a_page_is_used(tmp_path):
    page_ru = ("<html><head><meta charset=\"windows-1251\"><title>Песков о гарантиях</title></head><body><article>"
               "<p>" + RU.replace("\n", " ") + "</p></article></body></html>")
    (tmp_path / "ru.html").write_bytes(page_ru.encode("cp1251"))
    caps, errs = split(list(read_inputs([str(tmp_path / "ru.html")])))
    assert not errs and caps[0].raw == page_ru
    path = write_warc(tmp_path / "ru.warc", [], gz=False)
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=koi8-r")], protocol="HTTP/1.1")
        body = page_ru.replace('<meta charset="windows-1251">', "")
        writer.write_record(writer.create_warc_record("https://ru.example/1", "response",
                                                      payload=io.BytesIO(body.encode("koi8-r")),
                                                      http_headers=headers))
    caps, errs = split(list(read_inputs([str(path)])))
    assert not errs and caps[0].raw == body


def test_store_inside_the_input_folder_is_not_read_as_a_capture(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    with Store(str(tmp_path / "garante.db")) as store:
        analyze([str(tmp_path)], store, pipeline=clean_only())
        report = analyze([str(tmp_path)], store, pipeline=clean_only())  # the store and its -wal now exist
        assert report.errors == [] and report.skipped == 1


def test_size_limit_from_the_command_line(tmp_path, capsys, monkeypatch):
    import garante.pipeline
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [])
    (tmp_path / "big.txt").write_text(EN * 10, encoding="utf-8")
    (tmp_path / "small.txt").write_text(IT, encoding="utf-8")
    rc = main(["analyze", str(tmp_path / "big.txt"), str(tmp_path / "small.txt"), "--db", str(tmp_path / "s.db"),
               "--max-bytes", "1500"])
    out, err = capsys.readouterr()
    assert rc == 1 and "1 analysed" in out
    assert f"{tmp_path / 'big.txt'}: file is" in err and "over the 1500-byte limit; skipped" in err


def test_json_files_hold_records_or_are_refused(tmp_path):
    records = [{"text": EN, "url": "https://news.example/en/2"}, {"title": "no body"}]
    (tmp_path / "list.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "dark"}), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{\"text\": ", encoding="utf-8")
    caps, errs = split(list(read_inputs([str(tmp_path)])))
    assert [c.source for c in caps] == ["https://news.example/en/2"]
    assert sorted(str(e) for e in errs) == sorted([
        f"{tmp_path / 'broken.json'}: malformed JSON: Expecting value at line 1 column 10",
        f"{tmp_path / 'list.json'}:record 2: record has no non-empty 'text' or 'html' field",
        f"{tmp_path / 'settings.json'}: a JSON file that holds no captures: expected records with 'text' or "
        "'html' (a list of them, or JSON Lines)"])


def test_saved_page_keeps_the_address_it_was_saved_from(tmp_path):
    html = ("<!DOCTYPE html>\n<!-- saved from url=(0047)https://www.gazzettaeuropea.example/esteri/riad -->\n"
            "<html lang=\"it\"><head><title>Riad, Usa e Russia ai colloqui</title></head><body><article>"
            "<h1>Riad, Usa e Russia ai colloqui</h1><p>" + IT.splitlines()[1] + "</p><p>" + IT.splitlines()[2] +
            "</p></article></body></html>")
    (tmp_path / "riad.html").write_text(html, encoding="utf-8")
    (cap,) = list(read_inputs([str(tmp_path / "riad.html")]))
    doc = clean(cap)
    assert doc.meta["url"] == "https://www.gazzettaeuropea.example/esteri/riad"
    assert doc.meta["outlet"] == "gazzettaeuropea.example" and doc.meta["language"] == "it"
