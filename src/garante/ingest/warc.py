"""WARC and WARC.gz archives of crawled pages, through warcio."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Iterator

from . import Capture, IngestError
from .decode import DecodeError, decode_bytes


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
    try:
        for record in ArchiveIterator(fh):
            n += 1
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#record{n}"
            where = f"record {n}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else
                     record.rec_headers.get_header("Content-Type")) or ""
            if ctype and not any(t in ctype.lower() for t in ("html", "text", "xml")):
                continue
            try:
                data = record.content_stream().read(max_bytes + 1)
            except Exception as e:
                yield IngestError(source, where, f"truncated or unreadable record: {e}")
                return
            if len(data) > max_bytes:
                yield IngestError(source, where, f"record over the {max_bytes}-byte limit; skipped")
                continue
            try:
                text = decode_bytes(data)
            except DecodeError as e:
                yield IngestError(source, where, str(e))
                continue
            if not text.strip():
                yield IngestError(source, where, "empty record")
                continue
            fmt = "html" if "<" in text[:2000] else "text"
            hints = {"url": url}
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                hints["capture_date"] = date[:10]
            yield Capture(source=url, raw=text, format=fmt, hints=hints, container="warc")
    except ArchiveLoadFailed as e:
        yield IngestError(source, f"record {n + 1}", f"not a valid WARC record: {e.msg if hasattr(e, 'msg') else e}")
    except (EOFError, OSError, ValueError) as e:
        yield IngestError(source, f"record {n + 1}", f"truncated or corrupt WARC data: {e}")
