"""The component: time expressions as spans of layer 'timex', with TimeML extents and values."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ...document import Document, Span
from .dates import Anchor, _fmt
from .grammar import Grammar, _norm, grammar
from .matching import Match, QuoteMarks, Verbs, _tense, find, prospective
from .normalise import normalise
from .tense import parsed_pluperfect, parsed_tense
from .infer import day_counted, day_of_month, infer_published, stated_day, story_event_day, yearless_day


# How far back "the same day" looks for the day it refers to (about a paragraph); beyond, it stays unresolved.
SAME_DAY_REACH = 600


class TimeTagger:
    """Adds layer 'timex' (DATE, TIME, DURATION, SET) and fills doc.meta['published'] when it can be inferred.

    A span covers the phrase statement dating reads ("on Friday", "già lunedì"); attrs['timeml_extent'] is
    the TIMEX3 extent by the TimeML guidelines (no preposition, no focus adverb) when it differs."""
    name = "time"

    def __call__(self, doc: Document, ctx) -> None:
        g = grammar(doc.meta.get("language"))
        text = doc.text
        matches = _outside_names(doc, find(text, g), g)
        _set_tenses(doc, matches, g)
        _document_date(doc, matches, g, ctx)
        story = _Story(g, text, Anchor.parse(doc.meta.get("published"), doc.meta.get("published_precision")))
        readings = [(m, story.read(m)) for m in matches]
        if story.anchor is None:
            _year_told_after(readings, g)
        readings = _of_a_year_told_after(readings, text)
        _day_around(readings, text, g)
        _clock_before_day(readings, text)
        for m, reading in readings:
            doc.add(self._span(m, g, reading, text))

    def _span(self, m: Match, g: Grammar, reading: dict, text: str) -> Span:
        label = reading.pop("label")
        attrs = {k: v for k, v in reading.items() if v is not None}
        attrs["value"] = reading["value"]
        prep = m.groups.get("prep")
        if prep and _norm(prep.rstrip("'’")) in g.attributive | {a.rstrip("'") for a in g.attributive}:
            attrs["attributive"] = True
        if m.tense:
            attrs["tense"] = m.tense
        if m.quoted:
            attrs["quoted"] = True
        lo = timeml_start(text, m.start if m.core is None else m.core, m.end, g, _dmod_inside(m, g))
        tail = g.extent_tail.search(text, lo, m.end) if g.extent_tail is not None else None
        hi = tail.start() if tail else m.end  # "alle 21 [ora italiana]"
        if (lo, hi) != (m.start, m.end):
            attrs["timeml_extent"] = [lo, hi]
        return Span(m.start, m.end, "timex", label, attrs, component=self.name, rule=m.rule.name)


_PRECISION = ["year", "month", "day"]


# How far back "the quarter" finds the quarter it repeats, and "a year earlier" the quarter it compares with.
QUARTER_REACH, COMPARE_REACH = 1500, 300
_YEAR_BEFORE = {"ago", "shifted", "period", "year_ago"}


def _story_quarter(m: Match, reading: dict, reference: Anchor | None, last: tuple[int, str] | None):
    """Reads a quarter told again off the last one named ("the quarter", "the latest period"), and a year
    before it as that quarter a year before ("up from $4 a year earlier", "the year-ago quarter"); returns
    the last quarter named, this one included."""
    value = reading.get("value")
    if last and m.kind == "quarter_ref" and m.start - last[0] <= QUARTER_REACH:
        reading["value"] = value = last[1]
    elif last and m.kind in _YEAR_BEFORE and reading.get("precision") == "year" and value and reference \
            and m.start - last[0] <= COMPARE_REACH and value == str(reference.first.year - 1):
        year, q = last[1].split("-")
        reading.update(value=f"{int(year) - 1}-{q}", precision="quarter")
        return last
    if reading.get("precision") == "quarter" and value and re.fullmatch(r"\d{4}-Q[1-4]", value):
        return (m.end, value)
    return last


# The expressions that set the time a story tells about: calendar names, not counts from another time
# ("up from $4 a year ago ... from $3 a year earlier": both from the same time).
_TELLING = {"date", "numeric", "iso", "month", "year", "named", "weekday", "relday", "season", "night"}


def _document_date(doc: Document, matches: list[Match], g: Grammar, ctx) -> None:
    """The document's date (to the day) from its text, where the page gives none or only the month."""
    month = None
    if not doc.meta.get("published"):
        found = stated_day(doc, matches, g, None) or (
            ctx and (yearless_day(doc, matches, g, ctx.kb) or day_counted(doc, g, ctx.kb)
                     or infer_published(doc, matches, g, ctx.kb)))
    elif doc.meta.get("published_precision") == "month" and (month := Anchor.parse(str(doc.meta["published"])[:7])):
        within = (month.first, month.last)
        found = day_of_month(doc, matches, g) or (
            ctx and (day_counted(doc, g, ctx.kb, within) or infer_published(doc, matches, g, ctx.kb, within)))
    else:
        return
    if found:
        doc.meta["published"], rule = found
        doc.meta["published_precision"] = "day"
        doc.meta["published_source"] = f"inferred:{rule}"
    elif ctx and not doc.meta.get("published") and (story := story_event_day(doc, matches, g, ctx.kb)):
        doc.meta["story_day"] = story  # not the page's date: the day of the event its lead tells about


class _Story:
    """What the text has told so far, read expression by expression: the reference time of each."""

    def __init__(self, g: Grammar, text: str, anchor: Anchor | None):
        self.g, self.text, self.anchor = g, text, anchor
        self.last_day: tuple[int, str] | None = None  # (end, value) of the last expression naming a day
        self.story_year: tuple[int, int] | None = None  # (end, year) of the last expression spelling its year
        self.told: tuple[int, Anchor] | None = None  # (end, time) of the last day, month or year told
        self.quarter: tuple[int, str] | None = None  # (end, value) of the last quarter named

    def read(self, m: Match) -> dict:
        told = self.told if self.told and m.start - self.told[0] <= SAME_DAY_REACH else None
        reference = _narrative_anchor(m, self.g, self.text, self.story_year, self.anchor)
        if m.kind == "shifted" and told:
            reference = told[1]  # "a year later": after the time just told
        reading = normalise(m, self.g, reference)
        if m.kind == "same_period" and told and reading["precision"] \
                and _PRECISION.index(told[1].precision) >= _PRECISION.index(reading["precision"]):
            reading["value"] = _fmt(told[1].first, reading["precision"])  # "that year": the one just told
        self.quarter = _story_quarter(m, reading, reference, self.quarter)
        if m.groups.get("year") and reading.get("value"):
            self.story_year = (m.end, reading["value"])
        if reading["label"] == "DATE" and reading.get("precision") in _PRECISION and m.kind in _TELLING \
                and reading.get("value"):
            self.told = (m.end, Anchor.parse(reading["value"], reading["precision"]))
        if m.kind == "same_day" and _told_after_day(told, self.last_day):
            _day_in_period(reading, told[1])
        elif self.last_day:
            _on_the_day_before(m, reading, self.last_day, self.text)
        _time_of_day(reading)
        if reading.get("date") and reading["label"] in ("DATE", "TIME"):
            self.last_day = (m.end, reading["date"])
        return reading


_YEAR_AFTER_GAP = re.compile(r"\s*,?\s*\Z")


def _of_a_year_told_after(readings: list[tuple[Match, dict]], text: str) -> list[tuple[Match, dict]]:
    """A month or a day followed by the year it falls in, said relatively ("July last year", "il 23 dicembre
    dello scorso anno", "nel gennaio del prossimo anno"): one expression, in that year."""
    out: list[tuple[Match, dict]] = []
    for m, reading in readings:
        if out and m.kind == "period" and reading.get("precision") == "year" and reading.get("value"):
            prev, before = out[-1]
            value = before.get("value") or ""
            if prev.kind in ("month", "date") and not prev.groups.get("year") and len(value) in (7, 10) \
                    and _YEAR_AFTER_GAP.match(text, prev.end, m.start) and not before.get("timeml_value"):
                value = reading["value"] + value[4:]
                before.update(value=value, date=value if len(value) == 10 else None)
                prev.end = m.end
                continue
        out.append((m, reading))
    return out


def _day_around(readings: list[tuple[Match, dict]], text: str, g: Grammar) -> None:
    """A day counted from the day named right after ("the day before last Tuesday", "the day after Christmas"):
    one expression, that day shifted."""
    around = g.data.get("day_around") or {}
    if not around:
        return
    before = re.compile(around["pattern"] + r"\Z", re.I)
    for m, reading in readings:
        value = reading.get("value") or ""
        if reading.get("label") != "DATE" or reading.get("precision") != "day" or len(value) != 10 or m.core is not None:
            continue
        prep = m.groups.get("prep") or ""
        core = m.start + len(prep)
        found = before.search(text, max(0, core - 40), core)
        shift = found and around["shifts"].get(_norm(found.group("dir")))
        if shift:
            day = (date.fromisoformat(value) + timedelta(days=shift)).isoformat()
            reading.update(value=day, date=day)
            m.start = found.start()


def _clock_before_day(readings: list[tuple[Match, dict]], text: str) -> None:
    """A clock time right before the day it belongs to ("at 10:35 a.m. (0735 GMT) Friday") is on that day, and
    so is one a parenthesis restates with its day ("at 4 in the morning (4 a.m. EDT Thursday)")."""
    for (m, reading), (nxt, after) in zip(readings, readings[1:]):
        restated = nxt.kind == "clock" and bool(_OWN_DAY & nxt.groups.keys()) and _restates(reading, after) \
            and _OPENS_PARENTHESIS.match(text, m.end, nxt.start) is not None
        if m.kind == "clock" and reading.get("date") and not _OWN_DAY & m.groups.keys() and after.get("date") \
                and after.get("precision") == "day" and (nxt.kind != "clock" or restated) \
                and nxt.start - m.end <= CLOCK_REACH and not _SENTENCE_END.search(text, m.end, nxt.start):
            clock = reading["timeml_value"].partition("T")[2]
            reading.update(value=after["date"], date=after["date"], timeml_value=f"{after['date']}T{clock}")


_OPENS_PARENTHESIS = re.compile(r"\s*\(\s*\Z")


def _restates(reading: dict, after: dict) -> bool:
    """Whether two clock times say the same hour: the second restates the first, where a different hour is
    the time in another zone ("17:45 ora locale (3:45 di domani, ora dell'Alaska)"), perhaps on another day."""
    clock = (reading.get("timeml_value") or "").partition("T")[2]
    return bool(clock) and clock == (after.get("timeml_value") or "").partition("T")[2]


# How close a clock time follows the day it belongs to ("ieri alle 9", "yesterday at 9 a.m.").
CLOCK_REACH = 24


def _on_the_day_before(m: Match, reading: dict, last_day: tuple[int, str], text: str) -> None:
    """Anaphoric days resolved against the day told just before: "the same day", "the day after", and a
    clock time right after a day ("ieri alle 9")."""
    end, value = last_day
    if m.kind == "same_day" and m.start - end <= SAME_DAY_REACH:
        reading.update(value=value, antecedent=end)
    elif m.kind == "next_day" and m.start - end <= SAME_DAY_REACH:
        day = date.fromisoformat(value) + timedelta(days=reading["shift"])
        reading.update(value=day.isoformat(), precision="day", antecedent=end)
    elif m.kind == "clock" and reading.get("date") and not _OWN_DAY & m.groups.keys() \
            and m.start - end <= CLOCK_REACH and not _SENTENCE_END.search(text, end, m.start):
        clock = reading["timeml_value"].partition("T")[2]
        reading.update(value=value, date=value, timeml_value=f"{value}T{clock}", antecedent=end)


def _told_after_day(told: tuple[int, Anchor] | None, last_day: tuple[int, str] | None) -> bool:
    """Whether the time told last is a month, told after the last day named ("… killed last October. His
    name was crossed out that same day": the day lies in that October, not on the day named before it)."""
    return told is not None and told[1].precision == "month" and (last_day is None or told[0] > last_day[0])


def _day_in_period(reading: dict, month: Anchor) -> None:
    """A day of a month told, which day unsaid: the month as its date, TIMEX3 value YYYY-MM-XX."""
    value = _fmt(month.first, "month")
    reading.update(value=value, precision="month", timeml_value=f"{value}-XX")


_OWN_DAY = {"weekday", "weekday2", "month", "a", "relday"}  # "le 3:45 di domani" keeps its own day


# How far a year spelled out carries to the partial dates after it in a chronology ("Marzo 2022, … - Il
# 16 marzo"): within its sentence, this many characters, and forwards in the calendar.
STORY_REACH = 240
# On a page with no date of its own, the year the text last spelled out carries further, across sentences: it
# is the only year its partial dates can take ("On July 30, 2025, … . On August 4, Trump said …"); the
# page's date, where it has one, stays the reference beyond the sentence.
UNDATED_STORY_REACH = 1500
_PARTIAL = ("date", "month", "named")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _narrative_anchor(m: Match, g: Grammar, text: str, story: tuple[int, str] | None, anchor: Anchor | None):
    """The reference time for a partial date: the year of the date the sentence has just spelled out,
    when the partial date comes later in that year; otherwise the document date. On an undated page, the
    year spelled out last within UNDATED_STORY_REACH characters before, in any sentence."""
    if m.kind not in _PARTIAL or m.groups.get("year") or story is None:
        return anchor
    end, value = story
    told = _YEAR_MONTH.match(value)
    if not told:
        return anchor
    if anchor is None:
        if m.start - end > UNDATED_STORY_REACH:
            return None
    elif m.start - end > STORY_REACH or _SENTENCE_END.search(text, end, m.start):
        return anchor
    year, month = int(told[1]), int(told[2] or 1)  # a season, week or quarter ("2025-SP") counts from January
    here_month = g.lookup("months", m.groups["month"]) if m.groups.get("month") else None
    if anchor is not None and anchor.first.year == year:
        return anchor
    if anchor is not None and anchor.precision in ("day", "month") and here_month == anchor.first.month:
        return anchor  # a day of the page's own month ("… stilata nel marzo 2022, … il 17 giugno" on a page of June)
    if here_month is not None and here_month < month:
        return anchor
    return Anchor(date(year, 1, 1), "year")


_MONTH_OF_YEAR = re.compile(r"\d{4}-\d{2}")


def _year_told_after(readings: list[tuple[Match, dict]], g: Grammar) -> None:
    """On a page with no date of its own, a partial date told before the text spells out any year ("… on
    December 3 following a meeting … Launched in August 2025, the program …") takes the first year spelled
    out after it with its month or day ("in August 2025"), within UNDATED_STORY_REACH: the only year the page
    gives it; left unread, it dates nothing. A year alone after it ("the Founding Act in 1997", "since 2014")
    is the story's background, not its time, and gives none."""
    years = [(m.start, reading["value"][:4]) for m, reading in readings
             if m.groups.get("year") and _MONTH_OF_YEAR.match(reading.get("value") or "")]
    if not years:
        return
    first = years[0][0]
    for k, (m, reading) in enumerate(readings):
        if m.start >= first:
            return
        if m.kind not in _PARTIAL or m.groups.get("year") or reading.get("value"):
            continue
        year = next((y for start, y in years if 0 < start - m.start <= UNDATED_STORY_REACH), None)
        if year is None:
            continue
        again = normalise(m, g, Anchor(date(int(year), 1, 1), "year"))
        if again.get("value"):
            again["year_after"] = True  # a day the lead may tell its story on (dating._story_day)
            _time_of_day(again)
            readings[k] = (m, again)


def _time_of_day(reading: dict) -> None:
    """A day with a part of the day is a TIME ('Friday afternoon': TIMEX3 value 2013-03-22TAF). Its
    'value' stays the day, which is what dating a statement needs; 'timeml_value' is the TIMEX3 value."""
    value = reading.get("value")
    if reading.get("label") == "DATE" and reading.get("precision") == "day" and value:
        reading["date"] = value
        if reading.get("part_of_day"):
            reading.update(label="TIME", timeml_value=f"{value}T{reading['part_of_day']}")


def _dmod_inside(m: Match, g: Grammar) -> str | None:
    """The match's duration modifier where it belongs to the TimeML extent: not an approximation
    ("about [two weeks]"), which stands outside."""
    dmod = m.groups.get("dmod")
    outside = {_norm(w) for w in g.data.get("outside_extent") or ()}
    return dmod if dmod and _norm(dmod) not in outside else None


_LEAD_WORD = re.compile(r"[\w]+['’]|[\w]+(?:\s+|(?=['’]))")


def timeml_start(text: str, start: int, end: int, g: Grammar, dmod: str | None = None) -> int:
    """Where the TimeML extent of the phrase text[start:end] begins: after its prepositions and focus
    adverbs ("on Friday" → "Friday", "nel 2022" → "2022", "già lunedì" → "lunedì"); articles stay
    ("the last week", "il 10 gennaio"), and so does the duration modifier ``dmod`` the match holds, whose
    first word may be a preposition ("[at least 72 hours]", "[up to two weeks]")."""
    pos = start
    while pos < end:
        if dmod and _norm(text[pos:pos + len(dmod)]) == _norm(dmod):
            return pos
        m = _LEAD_WORD.match(text, pos, end)
        if not m or m.end() >= end:
            return pos
        word = _norm(m.group(0).strip().rstrip("'’"))
        elided = m.group(0).rstrip().endswith(("'", "’"))
        lead = word in g.lead_words or (elided and word + "'" in g.lead_words)
        if lead and g.lookup("units", word) and not text[m.end():m.end() + 1].isdigit():
            lead = False  # "nelle [ore precedenti]": a time noun, not the "ore" before a clock time
        if not lead and word in g.articles and not g.data.get("articles_before_names", True):
            nxt = text[m.end():m.end() + 1]
            lead = nxt.isdigit() or nxt.isupper() or _modified_date(text, m.end(), g) or _glued_bound(text, m.end(), g)
        if not lead:
            return pos
        pos = m.end()
    return pos


_YEAR_ALONE = re.compile(r"\d{4}(?![\w'’])")


def _glued_bound(text: str, pos: int, g: Grammar) -> bool:
    """A bound joined to a year by a hyphen follows ("the [post-1959] exodus"): the article stays out, as
    before the year itself (a decade keeps its own: "[the mid-1980s]")."""
    return any((b := p.match(text, pos)) and b.group(0).endswith("-") and _YEAR_ALONE.match(text, b.end())
               for p, _ in g.bounds)


_MODIFIED_DATE = re.compile(r"(\w+)\s+\d{1,2}\s+([^\W\d_]+)")


def _modified_date(text: str, pos: int, g: Grammar) -> bool:
    """A modifier, a day and a month follow ("lo [scorso 22 luglio]"): the article stays out, as before a date."""
    m = _MODIFIED_DATE.match(text, pos, pos + 40)
    return bool(m) and g.lookup("modifiers", m.group(1)) is not None and g.lookup("months", m.group(2)) is not None


def _outside_names(doc: Document, matches: list[Match], g: Grammar) -> list[Match]:
    """Drops a count of units written as a name, its unit capitalised inside a sentence ("CBS's 60 Minutes",
    "the Six-Day War"): a title, not a duration. Only in a language that writes its units in lower case
    (not German's "zwei Stunden")."""
    if not g.data.get("capitalised_unit_is_a_name"):
        return matches
    starts = {s.start for s in doc.layer("sentence")}
    out = []
    for m in matches:
        unit = m.groups.get("unit") or ""
        at = doc.text.rfind(unit, m.start, m.end) if unit and m.kind == "duration" else -1
        if at > m.start and at not in starts and unit[:1].isupper():
            continue
        out.append(m)
    return out


def _set_tenses(doc: Document, matches: list[Match], g: Grammar) -> None:
    """The tense and quoting of each match's clause: from the parse when the document has one (the verb
    governing the expression), else from verb patterns near it."""
    text = doc.text
    tokens = getattr(doc, "tokens", None) or []
    future_aux = frozenset(str(w).lower() for w in (g.data.get("tense") or {}).get("future_auxiliaries") or ())
    perfect_aux = frozenset(str(w).lower() for w in (g.data.get("tense") or {}).get("perfect_auxiliaries") or ())
    sentences = [(s.start, s.end) for s in doc.layer("sentence")] or [(0, len(text))]
    verbs: dict[tuple[int, int], Verbs] = {}
    quotes: dict[tuple[int, int], QuoteMarks] = {}
    si = 0
    for m in matches:
        while si < len(sentences) - 1 and sentences[si][1] <= m.start:
            si += 1
        sent = sentences[si] if sentences[si][0] <= m.start < sentences[si][1] else (m.start, m.end)
        if sent not in verbs:
            verbs[sent] = Verbs.of(g, text, *sent)
            quotes[sent] = QuoteMarks(text, *sent)
        if tokens and not prospective(verbs[sent], text, m.start, m.end, sent):
            m.tense = parsed_tense(doc, m.start, m.end, future_aux)
            # no verdict from the parse: the verb patterns of the sentence. A present predicate stands: a past
            # verb elsewhere in the sentence is another clause's ("had not signed ... when parliament meets in May")
            if m.tense is None:
                m.tense = _tense(verbs[sent], text, m.start, m.end, sent)
            m.tense = m.tense or None
        else:
            m.tense = _tense(verbs[sent], text, m.start, m.end, sent)
        m.quoted = quotes[sent].inside(m.start)
        prep = m.groups.get("prep")
        if prep and set(_norm(prep).split()) & g.forward and not (
                tokens and perfect_aux and parsed_pluperfect(doc, m.start, m.end, perfect_aux)):
            m.tense = "future"  # "until Friday" is ahead, unless a past perfect puts it before a past time
