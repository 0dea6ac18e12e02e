"""Hostile and unlucky input to the readers (issue 16): limits that hold on what is actually read,
WARC and JSON Lines records never lost silently, and every odd file reported by name.

Inputs are built here from sentences written for these tests; each test failed before its fix.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
import zlib
from pathlib import Path

import pytest

from garante.ingest import Capture, IngestError, read_inputs

EN = ("Defence ministers meet in Brussels on guarantees\n"
      "Defence ministers from across the European Union met in Brussels on Tuesday to discuss the security "
      "guarantees Europe could offer Ukraine after a ceasefire.\n")


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Capture)], [i for i in items if isinstance(i, IngestError)]


def gzip_of_repeated(path: Path, unit: bytes, total: int) -> Path:
    """A gzip file that expands to ``total`` bytes, written without holding them in memory."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = unit * (1 << 20 // len(unit))
    with open(path, "wb") as fh:
        for _ in range(total // len(block)):
            fh.write(z.compress(block))
        fh.write(z.flush())
    return path


def peak_memory(fn) -> tuple[object, int]:
    tracemalloc.start()
    try:
        out = fn()
        return out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- 1. compressed input: the limit holds on the decompressed size -------------------------------

@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz", "bomb.gz"])
def test_gzip_expanding_past_the_limit_is_refused_without_reading_it_all(tmp_path, name):
    unit = (json.dumps({"text": EN}) + "\n").encode() if "jsonl" in name else EN.encode()
    path = gzip_of_repeated(tmp_path / name, unit, 200 << 20)  # 200 MB of text in a few hundred KB
    assert path.stat().st_size < 2 << 20
    (caps, errs), peak = peak_memory(lambda: split(read_inputs([str(path)], max_bytes=1 << 20)))
    assert not caps
    (err,) = errs
    assert err.source == str(path) and "decompresses to more than the 1048576-byte limit" in err.message
    assert peak < 8 << 20  # the limit and a slice, not the 200 MB


def test_gzip_under_the_limit_is_read(tmp_path):
    path = tmp_path / "capture.txt.gz"
    path.write_bytes(gzip.compress(EN.encode()))
    (cap,), errs = split(read_inputs([str(path)]))
    assert cap.raw == EN and not errs


def test_truncated_gzip_is_reported(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress((EN * 50).encode())[:-30])
    caps, (err,) = split(read_inputs([str(path)]))
    assert not caps and "truncated or corrupt gzip data" in err.message


def test_warc_gz_record_expanding_past_the_limit_is_skipped_and_the_rest_read(tmp_path):
    big = "<html><body><p>" + "Ministers met again. " * 300_000 + "</p></body></html>"  # ~6 MB, compresses well
    path = write_warc(tmp_path / "crawl.warc.gz", [("https://ex.org/big", big), ("https://ex.org/small", PAGE)],
                      gz=True)
    assert path.stat().st_size < 1 << 20
    (caps, errs), peak = peak_memory(lambda: split(read_inputs([str(path)], max_bytes=1 << 20)))
    assert [c.source for c in caps] == ["https://ex.org/small"]
    (err,) = errs
    assert err.location == "record 1" and "over the 1048576-byte limit (https://ex.org/big)" in err.message
    assert peak < 16 << 20


def test_stdin_is_read_up_to_the_limit_only(monkeypatch):
    class Pipe(io.RawIOBase):
        """A pipe with 256 MB in it, counting what is taken out."""
        given = 0

        def readable(self):
            return True

        def readinto(self, b):
            n = min(len(b), (256 << 20) - self.given)
            b[:n] = b"x" * n
            self.given += n
            return n

    pipe = Pipe()

    class FakeStdin:
        buffer = io.BufferedReader(pipe)
    monkeypatch.setattr("sys.stdin", FakeStdin())
    caps, (err,) = split(read_inputs(["-"], max_bytes=1 << 20))
    assert not caps and err.source == "<stdin>" and "over the 1048576-byte limit" in err.message
    assert pipe.given < 4 << 20  # stopped soon after the limit


# --- 3. WARC records with a wrong Content-Length ---------------------------------------------------

PAGE = "<html><head><title>Talks resume</title></head><body><p>{}</p></body></html>".format(EN)


def write_warc(path: Path, pages: list[tuple[str, str]], gz: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, html in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=http))
    return path


def pages(n: int) -> list[tuple[str, str]]:
    return [(f"https://ex.org/{k}", PAGE.replace("Tuesday", f"day {k}")) for k in range(1, n + 1)]


def with_length(data: bytes, record: int, delta: int) -> bytes:
    """The archive with the Content-Length of record ``record`` (1-based) changed by ``delta``."""
    at = -1
    for _ in range(record):
        at = data.index(b"WARC/1.", at + 1)
    k = data.index(b"Content-Length: ", at) + len(b"Content-Length: ")
    end = data.index(b"\r\n", k)
    return data[:k] + str(int(data[k:end]) + delta).encode() + data[end:]


def regzip_per_record(data: bytes) -> bytes:
    """A plain archive compressed one gzip member per record, as crawlers write them."""
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.", i) and (i == 0 or data[i - 1:i] == b"\n")]
    return b"".join(gzip.compress(data[a:b]) for a, b in zip(starts, starts[1:] + [len(data)]))


@pytest.mark.parametrize("delta", [+400, -40], ids=["too-long", "too-short"])
@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_wrong_content_length_skips_that_record_reports_it_and_reads_the_rest(tmp_path, delta, gz):
    plain = write_warc(tmp_path / "ok.warc", pages(4), gz=False).read_bytes()
    bad = with_length(plain, 2, delta)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(regzip_per_record(bad) if gz else bad)
    caps, errs = split(read_inputs([str(path)]))
    assert [c.source for c in caps] == ["https://ex.org/1", "https://ex.org/3", "https://ex.org/4"]
    assert not any("WARC/1." in c.raw or "WARC-Type" in c.raw for c in caps)
    (err,) = errs
    assert err.source == str(path) and err.location == "record 2"
    assert "Content-Length" in err.message and "bytes skipped" in err.message


def test_content_length_past_the_end_of_the_archive_is_a_truncated_record(tmp_path):
    plain = write_warc(tmp_path / "ok.warc", pages(2), gz=False).read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(with_length(plain, 2, 5000))
    caps, (err,) = split(read_inputs([str(path)]))
    assert [c.source for c in caps] == ["https://ex.org/1"]
    assert err.location == "record 2" and "truncated record" in err.message


def test_huge_content_length_with_a_record_after_it_resynchronises(tmp_path):
    plain = write_warc(tmp_path / "ok.warc", pages(3), gz=False).read_bytes()
    path = tmp_path / "huge.warc"
    path.write_bytes(with_length(plain, 1, 10 ** 12))  # a length no reader could hold
    caps, (err,) = split(read_inputs([str(path)], max_bytes=1 << 20))
    assert [c.source for c in caps] == ["https://ex.org/2", "https://ex.org/3"]
    assert err.location == "record 1" and "does not match the record" in err.message


# --- 4. JSON Lines with Unicode line separators inside strings -------------------------------------

@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_records_holding_unicode_line_separators_are_read_whole(tmp_path, sep):
    records = [{"url": f"https://ex.org/{k}", "text": EN.replace("Tuesday", f"Tuesday{sep}{k}")} for k in range(3)]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    assert sep in path.read_text(encoding="utf-8")
    caps, errs = split(read_inputs([str(path)]))
    assert not errs, [str(e) for e in errs]
    assert [c.raw for c in caps] == [r["text"] for r in records]


def test_jsonl_error_names_the_real_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"text": "Ministers met\u2028again."}, ensure_ascii=False)
    path.write_text(good + "\n" + good + "\n{broken\n", encoding="utf-8")
    caps, (err,) = split(read_inputs([str(path)]))
    assert len(caps) == 2 and err.location == "line 3"


# --- 10. NUL bytes, unreadable folders, FIFOs -------------------------------------------------------

@pytest.mark.parametrize("at", [100, 20_000], ids=["early", "late"])
def test_a_nul_byte_is_refused_wherever_it_is_and_its_place_named(tmp_path, at):
    data = (EN * 200).encode()[:30_000]
    path = tmp_path / "capture.txt"
    path.write_bytes(data[:at] + b"\x00" + data[at:])
    caps, (err,) = split(read_inputs([str(path)]))
    assert not caps and f"a NUL byte at byte {at}" in err.message


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(EN, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(EN.replace("Tuesday", "Friday"), encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root reads any folder: make the listing fail as it would for a user
            real = os.scandir

            def scandir(p="."):
                if Path(p) == locked:
                    raise PermissionError(13, "Permission denied", str(p))
                return real(p)
            monkeypatch.setattr(os, "scandir", scandir)
        caps, errs = split(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert [c.source for c in caps] == [str(tmp_path / "ok" / "a.txt")]
    (err,) = errs
    assert err.source == str(locked) and "cannot read folder" in err.message and "not read" in err.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("inside", [False, True], ids=["named", "in-folder"])
def test_fifo_is_reported_as_a_fifo_and_not_read(tmp_path, inside):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    caps, (err,) = split(read_inputs([str(tmp_path if inside else fifo)]))  # would block if it were opened
    assert err.source == str(fifo) and "FIFO" in err.message and "no such file" not in err.message
    assert [c.source for c in caps] == ([str(tmp_path / "a.txt")] if inside else [])


# --- 10. what the commands print cannot drive the terminal -----------------------------------------

def test_escape_sequences_in_captures_and_file_names_are_not_printed_raw(tmp_path, capsys, monkeypatch):
    import garante.pipeline
    from garante.cli import main
    monkeypatch.setattr(garante.pipeline, "default_components", lambda: [])
    evil = "\x1b]0;owned\x07\x1b[2J"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "capture.txt").write_text(f"Talks {evil}resume in Geneva\n" + EN, encoding="utf-8")
    (tmp_path / "in" / f"bad{evil}.txt").write_bytes(b"\x00binary")
    db = str(tmp_path / "s.db")
    main(["analyze", str(tmp_path / "in"), "--db", db, "--quiet"])
    capsys.readouterr()
    for command in (["list"], ["show", "1"], ["show", "1", "--raw"], ["errors"]):
        assert main(command + ["--db", db]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out, command
        assert "\\x1b" in out, command  # shown, escaped
