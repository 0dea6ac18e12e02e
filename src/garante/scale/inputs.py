"""The input files of a run, listed up front: the order every engine keeps (so ids match across
engines) and the byte total that progress and time-left estimates are measured against."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator


def input_files(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Folders expanded as ``read_inputs`` walks them (sorted, hidden entries skipped); other paths
    (files, ``-``, missing ones, URLs) kept as given, for the reader to read or report."""
    skip = {Path(e).resolve() for e in exclude}
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p == "-" or "://" in p or not path.is_dir():
            out.append(p)
            continue
        for f in sorted(path.rglob("*")):
            if (f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)
                    and f.resolve() not in skip):
                out.append(str(f))
    return out


@dataclass
class Reading:
    """How far a run has read: bytes of the input files finished, out of all."""
    files: list[str]
    done_bytes: int = 0
    total_bytes: int = 0

    def __post_init__(self):
        self.total_bytes = sum(_size(f) for f in self.files)

    @property
    def fraction(self) -> float | None:
        return self.done_bytes / self.total_bytes if self.total_bytes else None

    def items(self, max_bytes: int | None = None) -> Iterator:
        """Captures and ingest errors of every file, in order."""
        from ..ingest import read_inputs
        kwargs = {"max_bytes": max_bytes} if max_bytes else {}
        for f in self.files:
            yield from read_inputs([f], **kwargs)
            self.done_bytes += _size(f)


def _size(f: str) -> int:
    try:
        return os.stat(f).st_size if f != "-" else 0
    except OSError:
        return 0
