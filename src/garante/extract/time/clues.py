"""Two more clues to the day of a report, as language data (``time.yaml``): the day of a war or a meeting
counted from its start ("Guerra in Ucraina, giorno 52", "il secondo giorno del vertice di Vilnius"), and
the page's own time stamp ("Telegiornale 31.12.2021, 13:30", "Posted Feb 12, 2025 11:41 AM")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .grammar import Grammar, TimeDataError, _alternation, _norm


@dataclass(frozen=True)
class DayCount:
    regex: re.Pattern
    start: str | None  # the knowledge base's event the count starts at; None: the event the sentence names


@dataclass(frozen=True)
class StampData:
    labels: re.Pattern | None   # "Pubblicato il", "Posted": the date after it is the page's
    short_line: re.Pattern      # what may stand before a stamp on its line ("Telegiornale")
    clock_after: re.Pattern     # the clock time that makes a bare date a stamp, up to the line's end
    line_end: re.Pattern        # what may follow a stamp's clock on its line (a zone, a count of views)


_COUNTS: dict[str, tuple[DayCount, ...]] = {}
_STAMPS: dict[str, StampData] = {}


def day_counts(g: Grammar) -> tuple[DayCount, ...]:
    if g.code in _COUNTS:
        return _COUNTS[g.code]
    out = []
    for i, entry in enumerate(g.data.get("day_counts") or []):
        try:
            for p in entry["patterns"]:
                out.append(DayCount(re.compile(p, re.I), entry.get("from")))
        except (KeyError, TypeError, re.error) as e:
            raise TimeDataError(f"time.yaml ({g.code}): day_counts entry {i + 1}: {e}") from e
    _COUNTS[g.code] = tuple(out)
    return _COUNTS[g.code]


def count_value(g: Grammar, word: str) -> int | None:
    """The number a day count spells: figures ("89", "89esimo", "52°"), an ordinal of the language's
    list ("quinto", "second"), or an ordinal made from a number word ("ventiquattresimo": ventiquattro)."""
    word = _norm(word)
    digits = re.match(r"(\d{1,4})", word)
    if digits:
        return int(digits.group(1))
    n = (g.data.get("day_ordinals") or {}).get(word)
    if isinstance(n, int):
        return n
    numbers = g.data.get("numbers") or {}
    for suffix in g.data.get("ordinal_suffixes") or []:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for end in ("", "o", "e", "i", "a"):
                if isinstance(numbers.get(stem + end), int):
                    return numbers[stem + end]
    return None


def stamp_data(g: Grammar) -> StampData:
    if g.code in _STAMPS:
        return _STAMPS[g.code]
    labels = g.data.get("stamp_labels") or []
    _STAMPS[g.code] = StampData(
        re.compile(rf"(?<!\w)(?:{_alternation(labels)})[\s:,–-]*\Z", re.I) if labels else None,
        re.compile(r"[ \t(]*(?:[^\W\d_][\w'’.]*[ \t]+){0,2}\Z"),
        re.compile(r"[,\s]*(?:\w{1,4}\.?\s+)?\d{1,2}[:.]\d{2}" + _LINE_END, re.I),
        re.compile(_LINE_END, re.I))
    return _STAMPS[g.code]


# After a stamp's clock time: a zone or am/pm, a count of views, then the line's end.
_LINE_END = r"(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?(?:\s+\d+)?[ \t]*(?:\n|\Z)"


# How far before a date its label may stand ("Posted Feb 12", "Pubblicato il 3 marzo").
LABEL_REACH = 40


def is_stamp(text: str, start: int, end: int, g: Grammar, clocked: bool) -> bool:
    """Whether the date at text[start:end] is the page's time stamp: after a label of the language, or
    alone on its line with a clock time (inside text[start:end] when ``clocked``, else right after it)
    and at most two words before it."""
    data = stamp_data(g)
    label = data.labels.search(text[max(0, start - LABEL_REACH):start]) if data.labels is not None else None
    if label and label.group(0)[0].isupper():
        return True  # "Posted Feb 12, 2025"; not the verb of a sentence ("Moscow published on 17 December 2021")
    line = text.rfind("\n", 0, start) + 1
    if not data.short_line.fullmatch(text, line, start):
        return False
    tail = data.line_end if clocked else data.clock_after
    return tail.match(text, end) is not None


def counted_day(first: date, n: int, last: date | None = None) -> date | None:
    """Day n of what began on ``first`` (day 1 is the first), within its last day when it has one."""
    if n < 1:
        return None
    day = first + timedelta(days=n - 1)
    return day if last is None or day <= last else None
