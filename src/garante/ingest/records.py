"""WARC records found by their own boundaries, so that a wrong Content-Length loses nothing silently.

A record is a header (``WARC/1.x`` line and fields up to a blank line) and a block of Content-Length
bytes, then a blank line and the next ``WARC/`` header or the end. When that boundary is not where the
length says, the length is wrong: the record is skipped, reported, and reading resumes at the next
``WARC/1.x`` header line. Memory holds one record at most (its block up to the caller's limit).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

HEADER_END = re.compile(rb"\r?\n\r?\n")
NEXT_HEADER = re.compile(rb"\nWARC/1\.\d\r?\n")
LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$")
MAX_HEADER = 64 * 1024
SLICE = 1 << 16


@dataclass
class RawRecord:
    offset: int  # where the record starts in the (uncompressed) archive
    header: bytes
    block: bytes | None  # None: over the limit, skipped unread
    length: int
    head: bytes = b""  # the first bytes of a block skipped unread (its HTTP headers)


@dataclass
class Problem:
    offset: int
    message: str
    fatal: bool = False  # the archive ends here


class Buffer:
    """A window over a stream: bytes from ``pos`` (their offset in the stream) on."""

    def __init__(self, src):
        self.src, self.buf, self.pos, self.eof = src, bytearray(), 0, False

    def fill(self, n: int) -> bool:
        """At least ``n`` bytes in the window, unless the stream ends first (then False)."""
        while len(self.buf) < n and not self.eof:
            chunk = self.src.read(max(SLICE, n - len(self.buf)))
            if chunk:
                self.buf += chunk
            else:
                self.eof = True
        return len(self.buf) >= n

    def drop(self, n: int) -> None:
        del self.buf[:n]
        self.pos += n

    def skip_blank(self) -> None:
        while self.fill(1) and self.buf[:1] in (b"\r", b"\n", b" ", b"\t"):
            k = len(self.buf) - len(self.buf.lstrip(b"\r\n \t"))
            self.drop(k)

    def find_header(self, start: int, stop: int | None = None) -> int | None:
        """The offset (in the window) of the next ``WARC/1.x`` header line at or after ``start`` (and
        before ``stop``), reading on and dropping what is passed: skipping a huge block keeps memory flat."""
        while True:
            m = NEXT_HEADER.search(self.buf, max(0, start - 1))
            if m and (stop is None or m.start() + 1 <= stop):
                return m.start() + 1
            if self.eof or (stop is not None and len(self.buf) >= stop + 16):
                return None
            k = max(0, len(self.buf) - 16)  # searched: the header is not there
            self.drop(k)
            start, stop = max(0, start - k), (None if stop is None else stop - k)
            self.fill(len(self.buf) + SLICE)

    def skip_to(self, offset: int) -> None:
        """Drops bytes until the window starts at stream offset ``offset`` (or the stream ends)."""
        while self.pos < offset:
            if not self.buf and not self.fill(1):
                return
            self.drop(min(offset - self.pos, len(self.buf)))


def split_records(src, max_bytes: int) -> Iterator[RawRecord | Problem]:
    buf = Buffer(src)
    while True:
        buf.skip_blank()
        if not buf.fill(1):
            return
        start = buf.pos
        header_end = _header_end(buf)
        if header_end is None:
            if buf.eof:
                yield Problem(start, "incomplete record header: the archive is cut short or garbled here; "
                                     "the records before it were read", fatal=True)
                return
            yield from _resync(buf, 1, start, "not a valid WARC record: no end of header within "
                                              f"{MAX_HEADER} bytes")
            continue
        header = bytes(buf.buf[:header_end])
        if not header.startswith(b"WARC/"):
            yield from _resync(buf, 0, start, f"not a valid WARC record: starts with {header[:20]!r}")
            continue
        m = LENGTH.search(header)
        if not m:
            yield from _resync(buf, 1, start, "incomplete record header (no Content-Length)")
            continue
        length = int(m.group(1))
        yield from _block(buf, start, header, header_end, length, max_bytes)


def _header_end(buf: Buffer) -> int | None:
    size = 1024
    while True:
        m = HEADER_END.search(buf.buf, 0, MAX_HEADER)
        if m:
            return m.end()
        if buf.eof or len(buf.buf) >= MAX_HEADER or not buf.fill(len(buf.buf) + size):
            m = HEADER_END.search(buf.buf, 0, MAX_HEADER)
            return m.end() if m else None


def _block(buf: Buffer, start: int, header: bytes, header_end: int, length: int,
           max_bytes: int) -> Iterator[RawRecord | Problem]:
    end = header_end + length
    if length > max_bytes + MAX_HEADER:  # too big to hold: skipped, watching for a header inside it
        buf.fill(header_end + 8192)
        head = bytes(buf.buf[header_end:header_end + 8192])
        inner = buf.find_header(header_end, end)
        if inner is not None:
            yield _mismatch(buf, start, length, inner)
            return
        yield RawRecord(start, header, None, length, head)
        buf.skip_to(start + end)
        if not _boundary_ok(buf, 0):
            yield from _resync(buf, 0, start, f"Content-Length {length} does not end at a record boundary")
        return
    buf.fill(end + 64)
    if _boundary_ok(buf, end, header_end):
        yield RawRecord(start, header, bytes(buf.buf[header_end:end]), length)
        buf.drop(end)
        return
    cut = buf.eof and len(buf.buf) < end
    inner = buf.find_header(header_end)
    if inner is None:
        what = "the archive ends inside it" if cut else "no record boundary where its Content-Length ends"
        yield Problem(start, f"truncated record: {what}; skipped", fatal=True)
        buf.drop(len(buf.buf))
        return
    yield _mismatch(buf, start, length, inner)


def _mismatch(buf: Buffer, start: int, length: int, inner: int) -> Problem:
    at = buf.pos + inner
    problem = Problem(start, f"Content-Length {length} does not match the record (the next WARC header is at "
                             f"byte {at}); {at - start} bytes skipped, reading resumes there")
    buf.drop(inner)
    return problem


def _boundary_ok(buf: Buffer, end: int, block_start: int = 0) -> bool:
    """After the block: a blank line, then the next header or the end of the archive. Something else
    after the blank line is the next record's own fault, unless a header inside the block shows that
    the length ran past it."""
    buf.fill(end + 64)
    if len(buf.buf) < end:
        return False
    after = bytes(buf.buf[end:end + 64])
    rest = after.lstrip(b"\r\n")
    if after and after[:1] not in (b"\r", b"\n"):
        return False
    if rest.startswith(b"WARC/") or not rest.strip(b"\r\n\t \x00"):
        return True
    return after.startswith((b"\r\n\r\n", b"\n\n")) and not NEXT_HEADER.search(buf.buf, block_start, end)


def _resync(buf: Buffer, start_at: int, start: int, why: str) -> Iterator[Problem]:
    inner = buf.find_header(start_at)
    if inner is None:
        yield Problem(start, f"{why}; no WARC header follows, the rest of the archive is skipped", fatal=True)
        buf.drop(len(buf.buf))
        return
    at = buf.pos + inner
    yield Problem(start, f"{why}; {at - start} bytes skipped, reading resumes at the next WARC header "
                         f"(byte {at})")
    buf.drop(inner)
