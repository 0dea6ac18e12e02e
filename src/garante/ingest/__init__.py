"""Ingest: turn paths (files, folders, JSONL, WARC, stdin) into raw captures.

``read_inputs`` yields ``Capture`` objects or ``IngestError`` objects; it never raises on bad input,
so one bad file never stops a run. Each error names the file and, where it applies, the line or record.
"""
from __future__ import annotations

import io
import json
import os
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from .decode import DecodeError, declared_charset, decode_bytes, decode_report
from .stream import GZIP_MAGIC, TooLarge, open_maybe_gzip, read_capped

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
    warning: bool = False  # the input was read after a repair (encoding, mojibake): reported, not a failure

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"{where}: {self.message}"


def read_inputs(paths: Iterable[str], max_bytes: int = MAX_BYTES,
                exclude: Iterable[str | Path] = ()) -> Iterator[Capture | IngestError]:
    """``exclude``: files never to read as captures (the store itself when it lies in an input folder)."""
    skip = {Path(e).resolve() for e in exclude}
    for p in paths:
        if p == "-":
            yield from _read_stream("<stdin>", sys.stdin.buffer, max_bytes, suffix="")
            continue
        path = Path(p)
        if path.is_dir():
            yield from _read_folder(path, max_bytes, skip)
        elif path.is_file():
            yield from _guarded(path, max_bytes)
        elif path.exists() or path.is_symlink():
            yield IngestError(str(path), None, _not_regular(path))
        else:
            yield IngestError(str(path), None, "no such file or folder")


def _read_folder(root: Path, max_bytes: int, skip: set[Path]) -> Iterator[Capture | IngestError]:
    """Every file under ``root`` (hidden ones and ``skip`` left out), in path order; a subfolder that
    cannot be listed and anything that is not a regular file are reported, not passed over."""
    problems: list[IngestError] = []

    def unreadable(e: OSError) -> None:
        problems.append(IngestError(e.filename or str(root), None,
                                    f"cannot read folder: {e.strerror or e}; the files in it were not read"))
    files = []
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(folder) / n for n in names if not n.startswith(".")]
    yield from problems
    for f in sorted(files):
        if f.is_file():
            if f.resolve() not in skip:
                yield from _guarded(f, max_bytes)
        elif not f.is_symlink() or f.exists():
            yield IngestError(str(f), None, _not_regular(f))


def _not_regular(path: Path) -> str:
    import stat
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return f"cannot read: {e.strerror or e}"
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"{kind}, not a file: skipped (pipe its content in with - instead)"


def _guarded(path: Path, max_bytes: int) -> Iterator[Capture | IngestError]:
    """read_file, with any unforeseen failure of a reader turned into an error for that file alone."""
    try:
        yield from read_file(path, max_bytes)
    except Exception as e:
        yield IngestError(str(path), None, f"cannot read: {type(e).__name__}: {e}")


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Capture | IngestError]:
    source = str(path)
    try:
        fh = open(path, "rb")
        size = os.fstat(fh.fileno()).st_size
    except OSError as e:
        yield IngestError(source, None, f"cannot read: {e.strerror or e}")
        return
    with fh:
        if size > max_bytes and not _is_warc(path) and fh.read(2) != GZIP_MAGIC:
            yield IngestError(source, None, f"file is {size} bytes, over the {max_bytes}-byte limit; skipped")
            return
        fh.seek(0)
        yield from _read_stream(source, fh, max_bytes, suffix=_suffix(path), warc=_is_warc(path))


def _read_stream(source: str, fh: BinaryIO, max_bytes: int, suffix: str,
                 warc: bool = False) -> Iterator[Capture | IngestError]:
    """One input: a WARC archive is read record by record (each record under the limit); anything else
    is read whole, plain or gzip-compressed, up to ``max_bytes`` of content: the limit holds on what
    the data expands to, not on its compressed size."""
    if not fh.seekable():  # stdin, a pipe: what is read is all there is to read
        try:
            fh = io.BytesIO(read_capped(fh, max_bytes))
        except TooLarge as e:
            yield IngestError(source, None, f"input is over the {e.limit}-byte limit; skipped")
            return
    src, gz = open_maybe_gzip(fh)
    if warc or src.read(5) == b"WARC/":
        fh.seek(0)
        from .warc import read_warc_stream
        yield from read_warc_stream(source, fh, max_bytes)
        return
    fh.seek(0)
    src, gz = open_maybe_gzip(fh)
    try:
        data = read_capped(src, max_bytes)
    except TooLarge as e:
        what = "decompresses to more than" if gz else "is over"
        yield IngestError(source, None, f"input {what} the {e.limit}-byte limit; skipped")
        return
    except (OSError, EOFError, zlib.error) as e:
        yield IngestError(source, None, f"truncated or corrupt gzip data: {e}")
        return
    if gz and src.cut:
        yield IngestError(source, None, "truncated or corrupt gzip data: the compressed data is cut short")
        return
    yield from _read_blob(source, data, max_bytes, suffix)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return Path(name).suffix


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def _read_blob(source: str, data: bytes, max_bytes: int, suffix: str) -> Iterator[Capture | IngestError]:
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
        yield IngestError(source, None, "; ".join(notes) + " (analysed and stored as read)", warning=True)


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
        yield IngestError(source, None, "; ".join(notes) + " (records read after repair)", warning=True)
    if not text.strip():
        yield IngestError(source, None, "empty file: no records")
        return
    for lineno, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is valid inside JSON
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
