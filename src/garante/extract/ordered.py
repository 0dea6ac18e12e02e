"""Spans in text order, looked up by bisection: the work of a lookup does not grow with the document.

The statement rules ask, for each cue, quote or frame, which mentions start in a window, which one
covers an offset, which sentence holds a position. A scan over the whole document per question made
the analysis quadratic in the document's length (issue 16); these answer the same questions, with the
same results in the same order, from the sorted starts.
"""
from __future__ import annotations

import bisect
from functools import cached_property
from itertools import accumulate
from typing import Any, Callable, Iterable


class Ordered(list):
    """A list of items sorted by start (a stable sort: the caller's order among equal starts is kept),
    still usable as the plain list it was, with lookups by position. ``start`` and ``end`` read an
    item's offsets (attributes of spans by default; ``Ordered.of_pairs`` for (start, end) tuples)."""

    def __init__(self, items: Iterable[Any] = (), start: Callable[[Any], int] = lambda s: s.start,
                 end: Callable[[Any], int] = lambda s: s.end) -> None:
        super().__init__(sorted(items, key=start))
        self.starts = [start(x) for x in self]
        self.ends = [end(x) for x in self]
        # the largest end up to each item: the first item that reaches past an offset, by bisection
        self.reach = list(accumulate(self.ends, max))

    @classmethod
    def of_pairs(cls, pairs: Iterable[tuple[int, int]]) -> "Ordered":
        return cls(pairs, start=lambda p: p[0], end=lambda p: p[1])

    @cached_property
    def disjoint(self) -> bool:
        """No item starts before an earlier one ends."""
        return all(self.starts[k] >= self.reach[k - 1] for k in range(1, len(self)))

    def indices_starting(self, lo: int, hi: int) -> range:
        """The positions of the items with lo <= start < hi."""
        return range(bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi))

    def starting(self, lo: int, hi: int) -> list:
        """The items with lo <= start < hi, in order."""
        return list.__getitem__(self, slice(bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)))

    def starting_through(self, lo: int, hi: int) -> list:
        """The items with lo <= start <= hi, in order."""
        return list.__getitem__(self, slice(bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, hi)))

    def overlapping(self, lo: int, hi: int) -> list:
        """The items with start < hi and end > lo, in order."""
        first = bisect.bisect_right(self.reach, lo)
        last = bisect.bisect_left(self.starts, hi)
        return [x for k, x in enumerate(list.__getitem__(self, slice(first, last)), first) if self.ends[k] > lo]

    def covering(self, pos: int) -> list:
        """The items with start <= pos < end, in order."""
        first = bisect.bisect_right(self.reach, pos)  # no item before this one ends after pos
        last = bisect.bisect_right(self.starts, pos)
        return [x for k, x in enumerate(list.__getitem__(self, slice(first, last)), first) if self.ends[k] > pos]

    def first_covering(self, pos: int) -> Any | None:
        """The first item (in order) with start <= pos < end, or None."""
        k = bisect.bisect_right(self.reach, pos)
        return self[k] if k < len(self) and self.starts[k] <= pos else None

    def covers(self, pos: int) -> bool:
        return self.first_covering(pos) is not None
