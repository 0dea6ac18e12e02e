"""Bounded reading: limits hold on the bytes actually read, not on the size a file claims.

A gzip member of a few hundred kilobytes can expand to gigabytes, so compressed input is inflated
in slices with ``max_length`` and stops at the caller's cap; a pipe or stdin is read up to the cap.
"""
from __future__ import annotations

import zlib
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
SLICE = 1 << 16


class TooLarge(Exception):
    """The input holds more than the limit allows; ``read`` says how much was read before stopping."""

    def __init__(self, read: int, limit: int):
        super().__init__(f"more than {limit} bytes")
        self.read, self.limit = read, limit


class Inflater:
    """A file-like ``read(n)`` over gzip data (one or several members), never holding more than
    ``n`` bytes of output at once. ``cut``: the data stopped inside a member; ``garbage``: bytes after
    the last member that are not gzip."""

    def __init__(self, fh: BinaryIO):
        self.fh = fh
        self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.pending = b""  # compressed bytes not yet given to the decompressor
        self.cut = self.garbage = self.done = False

    def read(self, n: int = SLICE) -> bytes:
        out = bytearray()
        while len(out) < n and not self.done:
            if self.d.eof:
                rest = self.d.unused_data + self.pending
                self.pending = b""
                if not rest:
                    rest = self.fh.read(SLICE)
                    if not rest:
                        self.done = True
                        break
                if not rest.startswith(GZIP_MAGIC[:len(rest)]):
                    self.garbage = bool(rest.strip(b"\x00\r\n\t "))  # zero padding after members is common
                    self.done = True
                    break
                self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.pending = rest
            src = self.d.unconsumed_tail or self.pending or self.fh.read(SLICE)
            self.pending = b""
            if not src:
                tail = self.d.decompress(b"", n - len(out))  # output zlib still holds
                if tail or self.d.eof:
                    out += tail
                    continue
                self.cut = self.done = True  # the input ended inside a member
                break
            out += self.d.decompress(src, n - len(out))
        return bytes(out)


def open_maybe_gzip(fh: BinaryIO) -> tuple[BinaryIO | Inflater, bool]:
    """``fh`` itself, or an Inflater over it when it starts with the gzip magic; and which."""
    head = fh.read(2)
    fh.seek(0)
    if head == GZIP_MAGIC:
        return Inflater(fh), True
    return fh, False


def read_capped(fh, limit: int) -> bytes:
    """All of ``fh`` (plain or an Inflater), raising TooLarge as soon as it passes ``limit`` bytes."""
    out = bytearray()
    while chunk := fh.read(min(SLICE * 16, limit + 1 - len(out))):
        out += chunk
        if len(out) > limit:
            raise TooLarge(len(out), limit)
    return bytes(out)
