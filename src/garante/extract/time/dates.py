"""Calendar arithmetic: Easter, months, ISO weeks, the reference date (Anchor) and the choice among
the readings of a partial date."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta




def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


@dataclass(frozen=True)
class Anchor:
    """The reference date: a day, month or year (``first`` is its first day)."""
    first: date
    precision: str  # day | month | year

    @property
    def last(self) -> date:
        if self.precision == "day":
            return self.first
        if self.precision == "month":
            return self.first.replace(day=calendar.monthrange(self.first.year, self.first.month)[1])
        return self.first.replace(month=12, day=31)

    @property
    def middle(self) -> date:
        return self.first + (self.last - self.first) / 2

    @classmethod
    def parse(cls, value: str | None, precision: str | None = None) -> "Anchor | None":
        if not value or not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value[:10]):
            return None
        parts = [int(p) for p in value[:10].split("-")]
        prec = {1: "year", 2: "month", 3: "day"}[len(parts)]
        if precision in ("month", "year") and {"day": 3, "month": 2, "year": 1}[precision] < len(parts):
            prec, parts = precision, parts[:{"month": 2, "year": 1}[precision]]
        first = _safe_date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        return cls(first, prec) if first else None


def _fmt(d: date, precision: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


# Within this many days of the reference date, the nearest reading of a day stands against the tense.
MONTH_SLACK_DAYS = 30


def _choose(candidates: list[date], anchor: Anchor, direction: str | None, tense: str | None,
            granularity: str = "day") -> date:
    """One of several readings of a partial date (one per year): the closest to the anchor, unless a
    modifier ('scorso', 'next') or the tense of the clause sets the direction."""
    def key(d: date) -> tuple:
        return (d.year, d.month) if granularity == "month" else (d,)

    a_first = key(anchor.first)
    a_last = key(anchor.last)
    if direction == "last":
        past = [c for c in candidates if key(c) < a_first]
        if past:
            return max(past)
    if direction == "next":
        future = [c for c in candidates if key(c) > a_last]
        if future:
            return min(future)
    inside = [c for c in candidates if a_first <= key(c) <= a_last]
    if inside and anchor.precision != "day":
        return inside[0]
    mid = anchor.middle
    best = min(candidates, key=lambda c: (abs((c - mid).days), c > mid))
    # a tense contradicting the closest reading wins, unless that reading is within a month of the anchor
    # (a date that close is the one meant: the governing verb may be another clause's, or a plan's)
    slack = timedelta(days=0 if granularity == "month" else MONTH_SLACK_DAYS)
    if tense == "past" and key(best) > a_last and best > anchor.last + slack:
        past = [c for c in candidates if key(c) <= a_last]
        best = max(past) if past else best
    elif tense == "future" and key(best) < a_first and best < anchor.first - slack:
        future = [c for c in candidates if key(c) >= a_first]
        best = min(future) if future else best
    return best
