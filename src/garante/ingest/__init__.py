"""Ingest: turn paths (files, folders, JSONL, WARC, stdin) into raw captures.

``read_inputs`` yields ``Capture`` objects or ``IngestError`` objects; it never raises on bad input,
so one bad file never stops a run. Each error names the file and, where it applies, the line or record.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .decode import DecodeError, declared_charset, decode_bytes, decode_report

MAX_BYTES = 20 * 1024 * 1024  # one capture; larger files are refused, not truncated

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jl"}


@dataclass
class Capture:
    """One raw document as the user had it."""
    source: str
    raw: str
    format: str  # text | html
    hints: dict[str, Any] = field(default_factory=dict)  # metadata given by the container (JSONL, WARC)
    container: str = ""  # 'jsonl' / 'warc' when the capture came out of one


@dataclass
class IngestError:
    source: str
    location: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"{where}: {self.message}"


def read_inputs(paths: Iterable[str], max_bytes: int = MAX_BYTES,
                exclude: Iterable[str | Path] = ()) -> Iterator[Capture | IngestError]:
    """``exclude``: files never to read as captures (the store itself when it lies in an input folder)."""
    skip = {Path(e).resolve() for e in exclude}
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            yield from _read_blob("<stdin>", data, max_bytes, suffix="")
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if (f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)
                        and f.resolve() not in skip):
                    yield from _guarded(f, max_bytes)
        elif path.is_file():
            yield from _guarded(path, max_bytes)
        else:
            yield IngestError(str(path), None, "no such file or folder")


def _guarded(path: Path, max_bytes: int) -> Iterator[Capture | IngestError]:
    """read_file, with any unforeseen failure of a reader turned into an error for that file alone."""
    try:
        yield from read_file(path, max_bytes)
    except Exception as e:
        yield IngestError(str(path), None, f"cannot read: {type(e).__name__}: {e}")


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Capture | IngestError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes and not _is_warc(path):
            yield IngestError(source, None, f"file is {size} bytes, over the {max_bytes}-byte limit; skipped")
            return
        if _is_warc(path):
            from .warc import read_warc
            yield from read_warc(path, max_bytes)
            return
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(source, None, f"cannot read: {e.strerror or e}")
        return
    yield from _read_blob(source, data, max_bytes, suffix=_suffix(path))


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def _is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc.gz"))


def _read_blob(source: str, data: bytes, max_bytes: int, suffix: str) -> Iterator[Capture | IngestError]:
    if len(data) > max_bytes:
        yield IngestError(source, None, f"input is {len(data)} bytes, over the {max_bytes}-byte limit; skipped")
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            yield IngestError(source, None, f"truncated or corrupt gzip data: {e}")
            return
        if data.startswith(b"WARC/"):
            from .warc import read_warc_stream
            yield from read_warc_stream(source, io.BytesIO(data), max_bytes)
            return
    if data.startswith(b"WARC/"):
        from .warc import read_warc_stream
        yield from read_warc_stream(source, io.BytesIO(data), max_bytes)
        return
    if suffix in JSONL_SUFFIXES or (suffix == "" and _looks_like_jsonl(data)):
        yield from read_jsonl(source, data, max_bytes)
        return
    if suffix == ".json":
        yield from read_json(source, data, max_bytes)
        return
    if not data.strip():
        yield IngestError(source, None, "empty file: no text to analyse")
        return
    try:
        text, notes = decode_report(data, declared_charset(data))
    except DecodeError as e:
        yield IngestError(source, None, str(e))
        return
    if not text.strip():
        yield IngestError(source, None, "empty file: no text to analyse")
        return
    fmt = "html" if suffix in HTML_SUFFIXES or _looks_like_html(text) else "text"
    if fmt == "html":
        cut = truncated_html(text)
        if cut:
            notes.append(cut)
    # a repaired or partial document is still stored; the message says what was wrong with the file
    yield Capture(source=source, raw=text, format=fmt, hints={"input_notes": notes} if notes else {})
    if notes:
        yield IngestError(source, None, "; ".join(notes) + " (analysed and stored as read)")


def truncated_html(text: str) -> str | None:
    """A message when an HTML page stops before its end (no closing </html> or </body>)."""
    tail = text[-4096:].lower()
    if "</html" in tail or "</body" in tail:
        return None
    last = text.rstrip()[-40:].replace("\n", " ")
    return f"truncated HTML: the page ends without </body> or </html> (last characters: {last!r})"


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def _looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip()[:1]
    return first == b"{"


def read_jsonl(source: str, data: bytes, max_bytes: int) -> Iterator[Capture | IngestError]:
    """One JSON object a line, with ``text`` or ``html`` and optional url, title, published."""
    try:
        text, notes = decode_report(data)
    except DecodeError as e:
        yield IngestError(source, None, str(e))
        return
    if notes:
        yield IngestError(source, None, "; ".join(notes) + " (records read after repair)")
    if not text.strip():
        yield IngestError(source, None, "empty file: no records")
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(source, f"line {lineno}", f"malformed JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(obj, dict):
            yield IngestError(source, f"line {lineno}", "expected a JSON object with 'text' or 'html'")
            continue
        body = obj.get("text")
        fmt = "text"
        if not (isinstance(body, str) and body.strip()):
            body, fmt = obj.get("html"), "html"
        if not (isinstance(body, str) and body.strip()):
            yield IngestError(source, f"line {lineno}", "record has no non-empty 'text' or 'html' field")
            continue
        if len(body.encode("utf-8", "surrogatepass")) > max_bytes:
            yield IngestError(source, f"line {lineno}", f"record over the {max_bytes}-byte limit; skipped")
            continue
        hints = {k: obj[k] for k in ("url", "title", "published", "outlet", "author", "language", "id")
                 if isinstance(obj.get(k), str) and obj[k].strip()}
        name = hints.get("url") or f"{source}#{hints.get('id') or lineno}"
        yield Capture(source=name, raw=body, format=fmt, hints=hints, container="jsonl")


def read_json(source: str, data: bytes, max_bytes: int) -> Iterator[Capture | IngestError]:
    """A JSON file: a list of records (or one record) shaped like the JSON Lines ones; anything else is
    not a capture and is said so, rather than analysed as text."""
    try:
        text, _ = decode_report(data)
        doc = json.loads(text)
    except (DecodeError, json.JSONDecodeError) as e:
        msg = f"malformed JSON: {e.msg} at line {e.lineno} column {e.colno}" if isinstance(e, json.JSONDecodeError) \
            else str(e)
        yield IngestError(source, None, msg)
        return
    records = doc if isinstance(doc, list) else [doc]
    if not any(isinstance(r, dict) and ("text" in r or "html" in r) for r in records):
        yield IngestError(source, None, "a JSON file that holds no captures: expected records with 'text' or "
                                        "'html' (a list of them, or JSON Lines)")
        return
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    for item in read_jsonl(source, lines, max_bytes):
        if isinstance(item, IngestError) and item.location:
            item.location = item.location.replace("line", "record")  # the n-th record of the list
        yield item


def describe(item: Capture | IngestError) -> str:
    return str(item) if isinstance(item, IngestError) else item.source


def is_interactive() -> bool:
    return sys.stderr.isatty() and os.environ.get("CI") != "true"
