"""The document date, inferred when the page gives none, or to the day when it gives only the month."""
from __future__ import annotations

import calendar
from bisect import bisect_left
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...document import Document
from ..pattern_anchors import fold, gram_filter, present_in, required, text_trigrams
from .clues import count_value, counted_day, day_counts, is_stamp
from .dates import Anchor, _add_months
from .grammar import Grammar, _alternation
from .matching import Match, _inside_quotes
from .normalise import _direction, _number, normalise


@dataclass
class Event:
    id: str
    first: date
    last: date
    matchers: list[re.Pattern]
    place: re.Pattern | None = None  # where it took place ("Vilnius"): with a day count, names it
    # named long after it happened, as the point other times count from ("the invasion", "the mutiny"):
    # it dates a report only with a relative expression in its clause, never by being named
    reference: bool = False
    # (which pages each matcher is tried on is _Scan's: the word sets ``required`` reads from its pattern)


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
        place = e.data.get("place")
        place_re = re.compile(rf"(?<!\w){re.escape(str(place))}(?!\w)", re.I) if place else None
        out.append(Event(e.id, first.first, last.first if last else first.first, pats, place_re,
                         bool(e.data.get("reference"))))
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


class _Scan:
    """Every event name of a list looked for at once. Each matcher is tried only where the text holds a
    string of each set ``required`` gives it ("vertice", "nato" and "washington", not just "washington"),
    told from the strings of all matchers found once per text; a matcher is indexed under its sharpest set,
    so a text's candidates come from the few strings it holds, not from a test of every matcher; a pattern
    shared by several events (the same words for two meetings) is run once. The same hits as running every
    matcher over the text."""

    def __init__(self, events: list[Event]):
        self.events = events
        self.always: list[tuple[int, int]] = []  # (event, matcher) whose sets cannot be told
        self.reqs: dict[tuple[int, int], tuple[frozenset[str], ...]] = {}
        self.by_string: dict[str, list[tuple[int, int]]] = {}
        for e, ev in enumerate(events):
            for k, p in enumerate(ev.matchers):
                sets = required(p.pattern, p.flags)
                if sets is None:
                    self.always.append((e, k))
                    continue
                self.reqs[e, k] = sets
                key = max(sets, key=lambda s: (min(map(len, s)), -len(s)))
                for a in sorted(key):
                    self.by_string.setdefault(a, []).append((e, k))
        self.strings = gram_filter(sorted({a for sets in self.reqs.values() for s in sets for a in s}))

    def hits(self, text: str) -> list[tuple[Event, list[list[int]]]]:
        low = fold(text)
        present = set(present_in(self.strings, low, text_trigrams(low)))
        tried = set(self.always)
        for a in present.intersection(self.by_string):
            tried.update(self.by_string[a])
        runs: dict[re.Pattern, list[int]] = {}
        by_event: dict[int, list[int]] = {}
        for e, k in tried:
            sets = self.reqs.get((e, k))
            if sets is None or all(not s.isdisjoint(present) for s in sets):
                by_event.setdefault(e, []).append(k)
        out = []
        for e in sorted(by_event):
            ev, ks = self.events[e], set(by_event[e])
            starts = []
            for k, p in enumerate(ev.matchers):
                if k not in ks:
                    starts.append([])
                    continue
                found = runs.get(p)
                if found is None:
                    found = runs[p] = [h.start() for h in p.finditer(text)]
                starts.append(list(found))
            if any(starts):
                out.append((ev, starts))
        return out


_SCANS: dict[int, tuple[list[Event], _Scan]] = {}


def _scan(events: list[Event]) -> _Scan:
    hit = _SCANS.get(id(events))
    if hit is None or hit[0] is not events:
        if len(_SCANS) > 64:  # lists made on the fly (a test's one event): never grow without bound
            _SCANS.clear()
        hit = _SCANS[id(events)] = (events, _Scan(events))
    return hit[1]


# (text, events, hits) of the last call: one document asks up to three times. One tuple, read and replaced
# whole, so that a thread never takes another text's hits
_LAST_HITS: tuple = (None, None, None)


def _event_hits(text: str, events: list[Event]) -> list[tuple[Event, list[list[int]]]]:
    """Each event named in the text, with where each of its matchers hits (one pass over the text each)."""
    global _LAST_HITS
    last_text, last_events, last_hits = _LAST_HITS
    if last_text is text and last_events is events:
        return last_hits
    out = _scan(events).hits(text)
    _LAST_HITS = (text, events, out)
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
        # "since the mutiny", "l'anniversario del vertice": the time counted from, not the report's
        by_alias = {pos: evs for pos, evs in by_alias.items() if not _as_reference(text, pos, g)}
        for pos, evs in by_alias.items():
            # readings of one mention ("il vertice di Parigi" names several summits) form one clue; an
            # event named as a point of reference says nothing of when the report was written
            if any(not ev.reference for ev in evs):
                weak.append([(ev.first, ev.last + timedelta(days=MENTION_DAYS)) for ev in evs if not ev.reference])
            for m in sorted(in_sentence, key=lambda m: abs(m.start - pos)):
                windows = [w for ev in evs for w in (_clue_windows(ev, m, g) or [])]
                if windows and _same_clause(doc, m, pos):
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
    # A window of days: the report may be any of them. (Taking the latest weekday the text names in it
    # was right for 1 of 6 such documents of timex_it dev and the corpus train+dev: news names the day
    # of the event, and reports it later.)
    return None


def _clause(doc: Document, tok):
    """The verb that heads the clause of a token (the sentence's root where no verb governs it)."""
    for _ in range(64):
        if tok.pos == "VERB" or tok.head == tok.i:
            return tok
        tok = doc.tokens[tok.head]
    return tok


def _same_clause(doc: Document, m: Match, pos: int) -> bool:
    """Whether the expression and the event named at ``pos`` belong to one clause of the parse ("the summit
    held on Friday"; not "the summit was called over the decision to start talks on Tuesday"). True
    without a parse."""
    if not doc.tokens:
        return True
    t, e = doc.token_at(max(m.start, m.end - 1)), doc.token_at(pos)
    if t is None or e is None:
        return True
    verb = _clause(doc, t)
    # or a clause on the event's name itself ("the Alaska summit, held yesterday")
    return verb.i == _clause(doc, e).i or e.i <= verb.head <= e.i + NAME_TOKENS


# How many tokens an event's name spans at most, from its first ("il vertice NATO di Vilnius").
NAME_TOKENS = 4


# The report's day counted from the start of a war or a meeting stands in the title or the lead.
COUNT_REACH = 1200


def day_counted(doc: Document, g: Grammar, kb, within: Window = (date.min, date.max)) -> tuple[str, str] | None:
    """(day, 'daycount') of a report that counts the day of a war or a meeting in its lead ("Guerra in
    Ucraina, giorno 52", "il secondo giorno del vertice di Vilnius"); the count starts at the event the
    language data names, or at the event its sentence names (by name or place). None when the readings
    disagree or fall outside ``within``."""
    counts = day_counts(g)
    if not counts:
        return None
    listed = _events(kb)
    events = _by_id(listed)
    text = doc.text[:COUNT_REACH]
    for c in counts:
        for hit in c.regex.finditer(text):
            n = count_value(g, hit.group("n"))
            if n is None or _inside_quotes(doc.text, hit.start()):
                continue
            starts = [events[c.start]] if c.start in events else _named_near(doc, hit.start(), listed)
            days = {d for ev in starts if (d := counted_day(ev.first, n, None if c.start else ev.last))
                    and within[0] <= d <= within[1]}
            if len(days) == 1:
                return days.pop().isoformat(), "daycount"
    return None


def _named_near(doc: Document, offset: int, events: list[Event]) -> list[Event]:
    """The events named in the sentence around ``offset``, by a name (the event scan over that part) or by
    their place."""
    s = next((s for s in doc.layer("sentence") if s.start <= offset < s.end), None)
    lo, hi = (s.start, s.end) if s else (offset, min(len(doc.text), offset + 200))
    part = doc.text[lo:hi]
    named = {id(ev) for ev, _ in _scan(events).hits(part)}
    return [ev for ev in events if id(ev) in named or (ev.place is not None and ev.place.search(part))]


_BY_ID: dict[int, tuple[list[Event], dict[str, Event]]] = {}


def _by_id(events: list[Event]) -> dict[str, Event]:
    """The events of a list by their id, built once a list (the last of equal ids wins, as a dict built
    from the list)."""
    hit = _BY_ID.get(id(events))
    if hit is None or hit[0] is not events:
        if len(_BY_ID) > 64:  # lists made on the fly: never grow without bound
            _BY_ID.clear()
        hit = _BY_ID[id(events)] = (events, {ev.id: ev for ev in events})
    return hit[1]


# How far into the body the lead names the event its story is about.
STORY_REACH = 400


def story_event_day(doc: Document, matches: list[Match], g: Grammar, kb) -> str | None:
    """The day of the one dated event of the knowledge base the lead of an undated page names ("Trump e
    Putin si sono incontrati venerdì in Alaska", "the summit in Paris on January 6"): what the story is
    about, and so when its statements were most likely made. Of an event with several readings, the one
    a weekday or a day without its year in the lead agrees with. None where the lead names several
    events, a meeting of several days, or tells of it in the future."""
    lo = doc.body_start
    events = _events(kb)
    # the whole text's hits when inference has just found them, else the lead's alone (cheaper)
    text = doc.text if _LAST_HITS[0] is doc.text else doc.text[:lo + STORY_REACH]
    mentions = _mentions(_event_hits(text, events), lo, lo + STORY_REACH)
    if any(_as_reference(doc.text, pos, g) for pos, _ in mentions):
        return None  # "il primo anniversario dell'invasione", "since the start of the war": another time
    by_pos: dict[int, list[Event]] = {}
    for pos, ev in mentions:
        by_pos.setdefault(pos, []).append(ev)
    if len(by_pos) != 1:
        return None
    pos, readings = next(iter(by_pos.items()))
    if len(readings) > 1:
        lead = [m for m in matches if lo <= m.start < lo + STORY_REACH and not m.quoted]
        readings = [ev for ev in readings if any(_agrees(ev.first, m, g) for m in lead)]
    days = {ev.first for ev in readings if ev.first == ev.last}
    if len(days) != 1 or len(readings) != 1 or _told_ahead(doc, pos):
        return None
    return days.pop().isoformat()


# How far before an event's name the words that make it a point of reference stand.
REFERENCE_REACH = 40


def _as_reference(text: str, pos: int, g: Grammar) -> bool:
    """Whether the event is named as the point another time counts from (an anniversary, "since")."""
    before = text[max(0, pos - REFERENCE_REACH):pos]
    return any(re.search(p, before, re.I) for p in g.data.get("event_as_reference") or [])


def _agrees(day: date, m: Match, g: Grammar) -> bool:
    """A weekday or a day of a month without its year that names ``day``."""
    gr = m.groups
    if m.kind == "weekday" and not _direction(g, gr):
        return g.lookup("weekdays", gr["weekday"]) == day.weekday()
    if m.kind == "date" and not gr.get("year") and gr.get("day") and gr.get("month"):
        return (g.lookup("months", gr["month"]), int(gr["day"])) == (day.month, day.day)
    return False


def _told_ahead(doc: Document, pos: int) -> bool:
    """Whether the parse puts the clause naming the event in the future ("si terrà il vertice")."""
    tok = doc.token_at(pos) if doc.tokens else None
    if tok is None:
        return False
    verb = _clause(doc, tok)
    return "Tense=Fut" in verb.morph or any("Tense=Fut" in c.morph for c in doc.children(verb) if c.dep.startswith("aux"))


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
    report's; a dateline with a clock time ("23 gennaio 2026, 11:28"), or a date said to be today, beats a
    bare one above it (the site's banner)."""
    body = doc.body_start
    today = {w for w, n in (g.data.get("relative_days") or {}).items() if n == 0 and " " not in str(w)}
    text = doc.text
    found = None
    stamps: set[str] = set()
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
        clock = m.end if m.kind == "clock" else _clock_after(matches, m, text)
        if is_stamp(text, m.start, clock or m.end, g, clock is not None):
            stamps.add(value)
        line = text.rfind("\n", 0, m.start) + 1
        is_dateline = m.start < LEAD_REACH and _DATELINE_BEFORE.match(text, line, m.start) \
            and (_DATELINE_AFTER.match(text, m.end) or _weekday_lead(text, m, g, value))
        if found:
            if is_dateline and m.kind == "clock":
                return value, "dateline"
            if value != found[0] and _with_today(text, m, today, loose=False):
                return value, "today"  # "le notizie di oggi 6 marzo 2022" below a site's banner of another day
            continue
        shift = _day_said_before(text, m, g)
        if shift:
            return (date.fromisoformat(value) - timedelta(days=shift)).isoformat(), "relative"
        if month and body <= m.start < body + DATELINE_REACH and m.tense != "future" and not _attributive(m, g):
            return value, "dateline"
        if is_dateline:
            found = (value, "dateline")
        elif _with_today(text, m, today, loose=month is not None):
            return value, "today"
    if not found and len(stamps) == 1:
        return stamps.pop(), "stamp"  # the page's own time stamp, wherever it stands (once, or always the same day)
    return found


def _weekday_lead(text: str, m: Match, g: Grammar, value: str) -> bool:
    """A line that opens on the day with its weekday, its year and a comma ("Venerdì 23 gennaio 2026, la
    capitale …"): a lead that says the day of the report, when the weekday agrees with the date."""
    wd = m.groups.get("weekday")
    return bool(wd) and text.startswith(",", m.end) and date.fromisoformat(value).weekday() == g.lookup("weekdays", wd)


def yearless_day(doc: Document, matches: list[Match], g: Grammar, kb) -> tuple[str, str] | None:
    """(day, 'today+event') of a report that gives its day without the year, next to 'today' or as a
    dateline ("a partire da oggi martedì 11 luglio"), when exactly one year puts that day (and its weekday)
    within a month after the start of an event the text names."""
    events = _events(kb)
    today = {w for w, n in (g.data.get("relative_days") or {}).items() if n == 0 and " " not in str(w)}
    text = doc.text
    for m in matches:
        gr = m.groups
        if m.kind != "date" or m.quoted or gr.get("year") or not gr.get("day") or not gr.get("month"):
            continue
        line = text.rfind("\n", 0, m.start) + 1
        dateline = m.start < LEAD_REACH and _DATELINE_BEFORE.match(text, line, m.start)
        if not (dateline or _with_today(text, m, today, loose=False)):
            continue
        named = [ev for ev, _ in _event_hits(text, events) if not ev.reference]
        days = {d for ev in named for d in _days_in_years(gr, g, ev.first.year, ev.first.year + 1)
                if ev.first <= d <= ev.last + timedelta(days=MENTION_DAYS)}
        return (days.pop().isoformat(), "today+event") if len(days) == 1 else None
    return None


def _days_in_years(gr: dict, g: Grammar, first: int, last: int) -> list[date]:
    """The day and month of ``gr`` in each year from first to last, where its weekday (if named) agrees."""
    month, day = g.lookup("months", gr["month"]), int(gr["day"])
    wd = g.lookup("weekdays", gr["weekday"]) if gr.get("weekday") else None
    out = []
    for y in range(first, last + 1):
        try:
            d = date(y, month, day)
        except (TypeError, ValueError):
            continue
        if wd is None or d.weekday() == wd:
            out.append(d)
    return out


def _attributive(m: Match, g: Grammar) -> bool:
    """A date that complements a noun ("l'incontro di martedì 7 dicembre"): the day of what the noun names."""
    prep = (m.groups.get("prep") or "").strip().lower().replace("’", "'")
    return bool(prep) and (prep in g.attributive or prep.rstrip("'") in {a.rstrip("'") for a in g.attributive})


def _clock_after(matches: list[Match], m: Match, text: str) -> int | None:
    """Where the clock time that follows a date ends ("31.12.2021, 13:30"), when one does."""
    for c in matches:
        if c.kind == "clock" and m.end <= c.start <= m.end + 4 and not text[m.end:c.start].strip(" ,"):
            return c.end
    return None


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
