"""The document date, inferred when the page gives none, or to the day when it gives only the month."""
from __future__ import annotations

import calendar
from bisect import bisect_left
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...document import Document
from .dates import Anchor, _add_months
from .grammar import Grammar, _alternation
from .matching import Match
from .normalise import _direction, _number, normalise




@dataclass
class Event:
    id: str
    first: date
    last: date
    matchers: list[re.Pattern]


_EVENTS: dict[int, tuple[Any, list[Event]]] = {}


def _events(kb) -> list[Event]:
    cached = _EVENTS.get(id(kb))
    if cached and cached[0] is kb:
        return cached[1]
    out = []
    for e in getattr(kb, "entities", {}).values():
        if e.type != "EVENT" or not e.data.get("date"):
            continue
        first = Anchor.parse(str(e.data["date"]))
        if first is None or first.precision != "day":
            continue
        last = Anchor.parse(str(e.data.get("end") or e.data["date"]))
        pats = [re.compile(rf"(?<!\w){_alternation([a])}(?!\w)", re.I) for a in [*e.aliases] if a]
        pats += [re.compile(t, re.I) for t in e.data.get("triggers") or []]
        out.append(Event(e.id, first.first, last.first if last else first.first, pats))
    _EVENTS[id(kb)] = (kb, out)
    return out


Window = tuple[date, date]


def _intersect(a: Window, b: Window) -> Window | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


# How long after a dated event a report that names it, without saying when, is assumed to appear: a weak
# clue, used only to choose among readings the strong clues leave open.
MENTION_DAYS = 30


def _clue_windows(ev: Event, m: Match, g: Grammar) -> list[Window] | None:
    """Where the document date lies, given that the expression ``m`` dates the event ``ev``; None when the
    expression cannot be about this event."""
    k, gr = m.kind, m.groups
    one = timedelta(days=1)
    if k == "relday":
        n = g.lookup("relative_days", gr["relday"]) if gr.get("relday") else 0
        return [(ev.first - n * one, ev.last - n * one)]
    if k == "ago":
        n = _number(g, gr["number"])
        unit = g.lookup("units", gr["unit"])
        if n is None or unit not in ("D", "W"):
            return None
        days = n * (7 if unit == "W" else 1)
        return [(ev.first + days * one, ev.last + days * one)]
    if k == "period" and _direction(g, gr) == "last":
        unit = g.lookup("units", gr["unit"])
        if unit == "W":
            monday = ev.first - timedelta(days=ev.first.weekday())
            return [(monday + 7 * one, monday + 13 * one)]
        if unit == "M":
            y, mo = _add_months(ev.first.year, ev.first.month, 1)
            return [(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]))]
        return None
    if k == "weekday" and m.tense != "future":
        wd = g.lookup("weekdays", gr["weekday"])
        days = [ev.first + i * one for i in range((ev.last - ev.first).days + 1)]
        hits = [d for d in days if d.weekday() == wd]
        if not hits:
            return None
        start = 1 if _direction(g, gr) == "last" else 0
        if _direction(g, gr) == "next":
            return None
        return [(d + start * one, d + (7 if start else 6) * one) for d in hits]
    return None


_CLUE_KINDS = {"relday", "ago", "period", "weekday"}  # the kinds _clue_windows reads


def _event_hits(text: str, events: list[Event]) -> list[tuple[Event, list[list[int]]]]:
    """Each event named in the text, with where each of its matchers hits (one pass over the text each)."""
    out = []
    for ev in events:
        starts = [[h.start() for h in p.finditer(text)] for p in ev.matchers]
        if any(starts):
            out.append((ev, starts))
    return out


def _mentions(found: list[tuple[Event, list[list[int]]]], lo: int, hi: int) -> list[tuple[int, Event]]:
    """(position, event) of each event named in text[lo:hi]: its first matcher that hits there, first hit."""
    out = []
    for ev, starts in found:
        for hits in starts:
            i = bisect_left(hits, lo)
            if i < len(hits) and hits[i] < hi:
                out.append((hits[i], ev))
                break
    return out


def infer_published(doc: Document, matches: list[Match], g: Grammar, kb,
                    within: Window = (date.min, date.max)) -> tuple[str, str] | None:
    """(value, rule) of the document date the text implies, or None when the clues are missing, too loose,
    or disagree; ``within``: where it must lie (the header's month)."""
    events = _events(kb)
    if not events or not any(m.kind in _CLUE_KINDS for m in matches):
        return None  # no expression could date an event: nothing to look for
    text = doc.text
    strong: list[list[Window]] = []   # each clue: the windows it allows (one per reading of the event)
    weak: list[list[Window]] = []
    found = _event_hits(text, events)
    for s in doc.layer("sentence") if found else ():
        mentions = _mentions(found, s.start, s.end)
        if not mentions:
            continue
        in_sentence = [m for m in matches if s.start <= m.start < s.end and not m.quoted]
        by_alias: dict[int, list[Event]] = {}
        for pos, ev in mentions:
            by_alias.setdefault(pos, []).append(ev)
        for pos, evs in by_alias.items():
            # readings of one mention ("il vertice di Parigi" names several summits) form one clue
            weak.append([(ev.first, ev.last + timedelta(days=MENTION_DAYS)) for ev in evs])
            for m in sorted(in_sentence, key=lambda m: abs(m.start - pos)):
                windows = [w for ev in evs for w in (_clue_windows(ev, m, g) or [])]
                if windows:
                    strong.append(windows)
                    break
    if not strong:
        return None
    solutions: list[Window] = [within]
    for clue in strong:
        solutions = [w for s in solutions for c in clue if (w := _intersect(s, c))]
        if not solutions:
            return None  # the strong clues disagree
    if len(solutions) > 1:
        for clue in weak:
            kept = [s for s in solutions if any(_intersect(s, c) for c in clue)]
            if kept:
                solutions = kept
    solutions = sorted(set(solutions))
    if len(solutions) != 1:
        return None
    lo, hi = solutions[0]
    if not all(any(_intersect((lo, hi), c) for c in clue) for clue in weak):
        return None  # an event named elsewhere in the text points to another time
    if lo == hi:
        return lo.isoformat(), "event+relative"
    if (hi - lo).days > 6:
        return None
    # News names the days of the week it reports on; the latest such day inside the window is the day
    # of the report (Italian and English reports say "ieri"/"yesterday" for the day before).
    days = []
    for m in matches:
        if m.kind == "weekday" and not m.quoted and m.tense != "future" and not _direction(g, m.groups):
            wd = g.lookup("weekdays", m.groups["weekday"])
            days += [lo + timedelta(days=i) for i in range((hi - lo).days + 1)
                     if (lo + timedelta(days=i)).weekday() == wd]
    if not days:
        return None
    return max(days).isoformat(), "event+weekday"


# How far into the body a dateline stands ("Parigi, 27 mar. (askanews) –").
DATELINE_REACH = 200
# How close a date stands to "oggi"/"today" to be the day of the report ("oggi, venerdì 16 maggio").
TODAY_REACH = 30


def day_of_month(doc: Document, matches: list[Match], g: Grammar) -> tuple[str, str] | None:
    """The day of a document whose page gives only the month, when the text names it: a dateline, a date
    near the start of the body, or a date given together with 'today'; it must fall in that month."""
    return stated_day(doc, matches, g, str(doc.meta["published"])[:7])


# How far into the text a dateline may stand when the page gives no date (after a title and standfirst).
LEAD_REACH = 1200
# A dateline: the date opens its line, after a place name and a comma at most ("Parigi, 6 gennaio 2026 –",
# "(Di martedì 11 luglio 2023)", "02/03/2022 ore 08.31"), and a dash, a bracket or the line's end follows.
_DATELINE_BEFORE = re.compile(r"[\s(]*(?:[^\W\d_][\w'’.()]*(?:\s+[^\W\d_][\w'’.()]*){0,3},\s*)?\Z")
_DATELINE_AFTER = re.compile(r"\s*(?:[–—-]|\)|\n|\Z)|\s+\w{1,4}\s+\d")


def stated_day(doc: Document, matches: list[Match], g: Grammar, month: str | None) -> tuple[str, str] | None:
    """(day, rule) of the report as its text states it. With the header's month: a date of that month at
    the body's start or next to 'today'. Without one: a date that spells its year, as a dateline or next
    to 'today'. A date right after another relative day ("domani 22 luglio") is that many days from the
    report's; a dateline with a clock time ("23 gennaio 2026, 11:28") beats a bare one above it (the
    site's banner)."""
    body = doc.body_start
    today = {w for w, n in (g.data.get("relative_days") or {}).items() if n == 0 and " " not in str(w)}
    text = doc.text
    found = None
    for m in matches:
        dated = m.kind in ("date", "numeric", "iso") or (m.kind == "clock" and ("day" in m.groups or "a" in m.groups))
        if not dated or m.quoted or (month is None and not m.groups.get("year")):
            continue
        if m.groups.get("prep") and " ".join(m.groups["prep"].lower().replace("’", "'").split()) in g.since:
            continue  # "dal 6 agosto ad oggi": the day a span starts, not the report's
        reading = normalise(m, g, Anchor.parse(month) if month else None)
        value = reading.get("value")
        if not value or len(value) != 10 or (month and value[:7] != month):
            continue
        line = text.rfind("\n", 0, m.start) + 1
        is_dateline = m.start < LEAD_REACH and _DATELINE_BEFORE.match(text, line, m.start) \
            and _DATELINE_AFTER.match(text, m.end)
        if found:
            if is_dateline and m.kind == "clock":
                return value, "dateline"
            continue
        shift = _day_said_before(text, m, g)
        if shift:
            return (date.fromisoformat(value) - timedelta(days=shift)).isoformat(), "relative"
        if month and body <= m.start < body + DATELINE_REACH and m.tense != "future":
            return value, "dateline"
        if is_dateline:
            found = (value, "dateline")
        elif _with_today(text, m, today, loose=month is not None):
            return value, "today"
    return found


# How close before a date a relative day names it ("domani 22 luglio", "ieri, 21 luglio").
RELDAY_REACH = 16


def _day_said_before(text: str, m: Match, g: Grammar) -> int | None:
    """How many days from the report's the date is, when a relative day word stands right before it."""
    before = text[max(0, m.start - RELDAY_REACH):m.start].lower().replace("’", "'")
    for word, n in (g.data.get("relative_days") or {}).items():
        if n and " " not in str(word) and re.search(rf"(?<!\w){re.escape(str(word))}[\s,]*\Z", before):
            return n
    return None


def _with_today(text: str, m: Match, today: set[str], loose: bool) -> bool:
    """'today' stands right before the date ("oggi, 16 maggio 2025"); with the header's month to check
    the date against, anywhere near it."""
    if loose:
        near = text[max(0, m.start - TODAY_REACH):m.end + TODAY_REACH].lower()
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", near) for w in today)
    before = text[max(0, m.start - TODAY_REACH):m.start].lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}[\s,:(–—-]*\Z", before) for w in today)
