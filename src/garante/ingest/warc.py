"""WARC and WARC.gz archives of crawled pages.

Records are found by ``records.split_records`` (which checks each Content-Length against the next
record boundary and resynchronises on the next ``WARC/1.x`` header, reporting what it skipped); each
record's HTTP headers, chunking and content encoding are read by warcio. Each response or resource
record with an HTML or text payload becomes one capture. Compressed archives are inflated in bounded
slices, and one that stops inside a gzip member is reported.
"""
from __future__ import annotations

import io
import re
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from . import Capture, IngestError, truncated_html
from .decode import DecodeError, declared_charset, decode_report
from .records import Problem, RawRecord, split_records
from .stream import open_maybe_gzip

PAGE_TYPES = ("html", "text", "xml")


def read_warc(path: Path, max_bytes: int) -> Iterator[Capture | IngestError]:
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield IngestError(str(path), None, f"cannot read: {e.strerror or e}")
        return
    with fh:
        yield from read_warc_stream(str(path), fh, max_bytes)


def read_warc_stream(source: str, fh: BinaryIO, max_bytes: int) -> Iterator[Capture | IngestError]:
    src, gz = open_maybe_gzip(fh)
    n = 0
    try:
        for item in split_records(src, max_bytes):
            n += 1
            where = f"record {n}"
            if isinstance(item, Problem):
                if item.fatal and gz and src.cut:
                    break  # reported below, as the compressed archive's fault
                yield IngestError(source, where, item.message)
                continue
            yield from _raw_items(source, item, where, max_bytes)
    except (OSError, EOFError, zlib.error) as e:
        yield IngestError(source, f"record {n + 1}", f"truncated or corrupt WARC data: {e}; the records before it "
                                                     "were read")
        return
    if gz and src.cut:
        yield IngestError(source, f"record {max(n, 1)}", "truncated archive: the last gzip member is cut short; "
                                                         "the records before it were read")
    elif gz and src.garbage:
        yield IngestError(source, None, "bytes after the last gzip member are not gzip data; ignored")


def _raw_items(source: str, raw: RawRecord, where: str, max_bytes: int) -> Iterator[Capture | IngestError]:
    if raw.block is None:
        if _header(raw.header, "WARC-Type") in ("response", "resource") and _is_page(raw.head):
            url = _header(raw.header, "WARC-Target-URI") or f"{source}#{where.replace(' ', '')}"
            yield IngestError(source, where, f"record over the {max_bytes}-byte limit ({url}); skipped")
        return
    from warcio.archiveiterator import ArchiveIterator
    try:
        record = next(iter(ArchiveIterator(io.BytesIO(raw.header + raw.block + b"\r\n\r\n"))))
    except Exception as e:  # warcio fails in many ways on a garbled header
        yield IngestError(source, where, f"corrupt WARC record header ({type(e).__name__}: {e}); skipped")
        return
    yield from _record_items(source, record, where, max_bytes)


def _header(header: bytes, name: str) -> str:
    m = re.search(rb"(?im)^" + re.escape(name.encode()) + rb":[ \t]*(.*?)[ \t]*\r?$", header)
    return m.group(1).decode("utf-8", "replace") if m else ""


def _is_page(head: bytes) -> bool:
    """Whether a block's HTTP headers (or its first bytes) say it holds a page, not an image or video."""
    m = re.search(rb"(?im)^content-type:[ \t]*([^\r\n]*)", head)
    return m is None or any(t.encode() in m.group(1).lower() for t in PAGE_TYPES)


def _record_items(source: str, record, where: str, max_bytes: int) -> Iterator[Capture | IngestError]:
    length = record.rec_headers.get_header("Content-Length") or ""
    if record.rec_type is None or not length.strip().isdigit():
        yield IngestError(source, where, "incomplete record header (no WARC-Type or Content-Length): the archive "
                                         "is cut short or garbled here; the records before it were read")
        return
    if record.rec_type not in ("response", "resource"):
        return
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{where.replace(' ', '')}"
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
             record.rec_headers.get_header("Content-Type")) or ""
    if ctype and not any(t in ctype.lower() for t in PAGE_TYPES):
        return
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as e:
        yield IngestError(source, where, f"unreadable record ({url}): {type(e).__name__}: {e}")
        return
    if getattr(record.raw_stream, "limit", 0):
        yield IngestError(source, where, f"truncated record ({url}): the archive ends inside it; skipped")
        return
    if len(data) > max_bytes:
        yield IngestError(source, where, f"record over the {max_bytes}-byte limit ({url}); skipped")
        return
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:\-]+)", ctype, re.IGNORECASE)
    try:
        text, notes = decode_report(data, charset.group(1) if charset else declared_charset(data))
    except DecodeError as e:
        yield IngestError(source, where, f"{e} ({url})")
        return
    if not text.strip():
        yield IngestError(source, where, f"empty record ({url})")
        return
    fmt = "html" if "html" in ctype.lower() or "<" in text[:2000] else "text"
    if fmt == "html" and (cut := truncated_html(text)):
        notes.append(cut)
    hints: dict = {"url": url}
    date = record.rec_headers.get_header("WARC-Date")
    if date:
        hints["capture_date"] = date[:10]
    if notes:
        hints["input_notes"] = notes
    yield Capture(source=url, raw=text, format=fmt, hints=hints, container="warc")
    if notes:
        yield IngestError(source, where, f"{'; '.join(notes)} ({url}; analysed and stored as read)")
