"""WARC and WARC.gz archives of crawled pages, through warcio.

Each response or resource record with an HTML or text payload becomes one capture. A record cut short
(the archive ends inside it) is reported and skipped; the records before it are kept. warcio stops
silently at a truncated gzip member, so compressed archives are also checked for a clean end.
"""
from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from . import Capture, IngestError, truncated_html
from .decode import DecodeError, declared_charset, decode_report


def read_warc(path: Path, max_bytes: int) -> Iterator[Capture | IngestError]:
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield IngestError(str(path), None, f"cannot read: {e.strerror or e}")
        return
    with fh:
        yield from read_warc_stream(str(path), fh, max_bytes)


def read_warc_stream(source: str, fh: BinaryIO, max_bytes: int) -> Iterator[Capture | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    last_end = 0  # where the last complete record ends (uncompressed archives)
    try:
        records = ArchiveIterator(fh)
        for record in records:
            n += 1
            items = list(_record_items(source, record, n, max_bytes))
            yield from items
            if any(isinstance(i, IngestError) and i.message.startswith(("truncated record", "incomplete"))
                   for i in items):
                return
            records.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0):  # a record we skipped (not a page) was cut short
                yield IngestError(source, f"record {n}", "truncated record: the archive ends inside it")
                return
            last_end = records.get_record_offset() + records.get_record_length()
    except ArchiveLoadFailed as e:
        yield IngestError(source, f"record {n + 1}", f"not a valid WARC record: {getattr(e, 'msg', e)}")
        return
    except (EOFError, OSError, ValueError, zlib.error) as e:
        yield IngestError(source, f"record {n + 1}", f"truncated or corrupt WARC data: {e}")
        return
    except Exception as e:  # warcio fails in many ways on a cut or garbled header
        yield IngestError(source, f"record {n + 1}", f"corrupt WARC record header ({type(e).__name__}: {e}); "
                                                     "the records before it were read")
        return
    if _gzip_cut_short(fh):
        yield IngestError(source, f"record {n + 1}", "truncated archive: the last gzip member is cut short; "
                                                     "the records before it were read")
    elif (left := _bytes_after(fh, last_end)):
        # warcio ends quietly on a record whose header is cut short
        yield IngestError(source, f"record {n + 1}", f"truncated archive: {left} bytes after the last complete "
                                                     "record are not a whole record; the records before it were read")


def _record_items(source: str, record, n: int, max_bytes: int) -> Iterator[Capture | IngestError]:
    where = f"record {n}"
    length = record.rec_headers.get_header("Content-Length") or ""
    if record.rec_type is None or not length.strip().isdigit():
        yield IngestError(source, where, "incomplete record header (no WARC-Type or Content-Length): the archive "
                                         "is cut short or garbled here; the records before it were read")
        return
    if record.rec_type not in ("response", "resource"):
        return
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{n}"
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
             record.rec_headers.get_header("Content-Type")) or ""
    if ctype and not any(t in ctype.lower() for t in ("html", "text", "xml")):
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


def _bytes_after(fh: BinaryIO, end: int) -> int:
    """Non-blank bytes left in an uncompressed archive after offset ``end``."""
    try:
        fh.seek(0)
        if fh.read(2) == b"\x1f\x8b":
            return 0
        fh.seek(end)
        return len(fh.read().strip())
    except (OSError, ValueError):
        return 0


def _gzip_cut_short(fh: BinaryIO) -> bool:
    """True when a gzip-compressed archive stops inside a member (checked by a streaming decompression)."""
    try:
        fh.seek(0)
        if fh.read(2) != b"\x1f\x8b":
            return False
        fh.seek(0)
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = False
        while chunk := fh.read(1 << 20):
            while chunk:
                if d.eof:  # the previous member ended: the next one starts here
                    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                d.decompress(chunk)
                pending = not d.eof
                chunk = d.unused_data if d.eof else b""
        return pending
    except (OSError, zlib.error, ValueError):
        return True
