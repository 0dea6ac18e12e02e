"""Dating a statement from the time expressions around it."""
from __future__ import annotations


import re

from ...document import Document, Span
from .dates import Anchor, _fmt

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _usable(span: Span, published: Anchor | None, doc: Document | None = None, start: int = 0, end: int = 0) -> bool:
    a = span.attrs
    if span.label not in ("DATE", "TIME") or not a.get("value") or a.get("quoted") or a.get("attributive"):
        return False
    if span.label == "TIME" and a.get("precision") != "day":
        return False  # a day with its part ("said Tuesday night", "ha detto ieri sera") dates the verb as the
        # day alone does; a clock time alone does not name the day
    if a.get("precision") == "week":
        return False
    if a.get("precision") != "day" and not (a.get("relative") and a.get("expression") in ("month", "period", "ago")) \
            and not (a.get("precision") in ("month", "year") and doc is not None and dates_the_verb(doc, span, start, end)):
        return False  # absolute months and years ("nel 2022") tell what is talked about, not when
    if published is not None and after_page(a["value"], _fmt(published.first, published.precision)):
        return False  # said before it was reported
    return True


def after_page(value: str, published: str | None) -> bool:
    """Whether a date (``2025-03-20``, ``2025-03`` …) lies after a page's own date, at the coarser of the two
    precisions: what the page reports cannot have been said after it."""
    if not published or not published[:1].isdigit():
        return False
    n = min(len(published), len(value))
    return value[:n] > published[:n]


def date_at(doc: Document, start: int, end: int, layers: tuple | None = None) -> tuple[str | None, str | None]:
    """The date of the event told in doc.text[start:end]: (value, source) where source is
    'expression' (a time expression governs it), 'document' (fell back to the document date) or 'story'.

    A time expression governs the span when it sits in the same sentence, outside quotation marks and not
    as the complement of a noun ("l'incontro del 2 dicembre"), is not later than the document date, and
    is a day (or a relative month or year); among several, the one inside ``start:end`` and nearest to it.
    Without one, the document date; on a page with no date, the day its lead tells its story on, when it
    spells one out, or else the day of the event its lead names (``meta['story_day']``; source 'story'). (A date told in the sentences before, about the same speaker, is the
    statements component's business: it knows who is speaking.)

    ``layers``: the document's (sentences, time expressions) as ``Ordered`` spans, for a caller that dates
    many statements of one document: looked up by bisection, not scanned for each.
    """
    published = Anchor.parse(doc.meta.get("published"), doc.meta.get("published_precision"))
    if layers is None:
        timexes = doc.layer("timex")
        sentences = doc.layer("sentence")
        covering = [s for s in sentences if s.start < max(end, start + 1) and start < s.end]
    else:
        sentences, timexes = layers
        covering = sentences.overlapping(start, max(end, start + 1))
    lo = min([start] + [s.start for s in covering])
    hi = max([end] + [s.end for s in covering])
    near = timexes if layers is None else timexes.starting(lo, hi)
    cands = [t for t in near if lo <= t.start < hi and _usable(t, published, doc, start, end)
             and not (doc.tokens and not start <= t.start < end and in_said_clause(doc, t, start, end))]
    if cands:
        def distance(t: Span) -> tuple:
            inside = start <= t.start < end
            return (not inside, 0 if inside else min(abs(t.start - end), abs(t.end - start)), t.start)
        return min(cands, key=distance).attrs["value"], "expression"
    if published is not None and published.precision in ("month", "year"):
        day = _day_in_month(doc, _lead(doc, timexes, layers, LEAD), published)
        if day:
            return day, "story"
    if published is not None:
        lead = [t for t in _lead(doc, timexes, layers, LEAD_TOLD)
                if t.attrs.get("expression") == "date" or not in_modifier_clause(doc, t)]
        told = _told_day(lead, published, doc.text)
        return (told, "lead") if told else (doc.meta["published"], "document")
    story = _story_day(_lead(doc, timexes, layers, LEAD)) or doc.meta.get("story_day")
    return (story, "story") if story else (None, None)


# How far into the body the lead tells the day of its story.
LEAD = 1200
# How far into the body of a dated page the lead tells the day before it ("said on Sunday"), and how many
# days before the publication that day may be.
LEAD_TOLD = 600
TOLD_DAYS = 7
TOLD_KINDS = ("relday", "weekday")  # "ieri", "on Sunday": a date in full ("on 11 May") is often background
# ... unless it is the day right before the page's ("talks in Berlin on December 14" on a page of the 15th):
# a report published the morning after tells the day before by its date as often as by "yesterday"
TOLD_DATE_DAYS = 1


def _lead(doc: Document, timexes, layers, reach: int) -> list[Span]:
    """The time expressions of the body's first ``reach`` characters (by bisection with ``layers``)."""
    if layers is not None:
        return list(timexes.starting(doc.body_start, doc.body_start + reach))
    return [t for t in timexes if doc.body_start <= t.start < doc.body_start + reach]


def _told_day(lead: list[Span], published: Anchor, text: str = "") -> str | None:
    """On a page dated to the day, the day before it its lead tells the occasion on ("U.S. and Ukrainian
    representatives said on Sunday that …", "ieri a Parigi …"): the statements the article goes on to report
    without a time of their own were made then, not on the day of publication. The one past day, within
    TOLD_DAYS, that the lead's relative days name outside quotations; None where they name several or none.
    A date in full counts when it is the day right before the page's, also in a clause that modifies a noun
    ("a framework signed on January 6"), unless a span of days runs from it to the page's own day ("il 17 e
    18 febbraio")."""
    if published.precision != "day":
        return None
    days = set()
    for t in lead:
        a = t.attrs
        value = a.get("value") or ""
        if t.label not in ("DATE", "TIME") or a.get("precision") != "day" or a.get("quoted") \
                or a.get("attributive") or a.get("expression") not in (*TOLD_KINDS, "date") or a.get("tense") == "future" \
                or not DAY.fullmatch(value):
            continue
        if a.get("expression") == "date":
            if _runs_to(t, lead, _fmt(published.first, "day"), text):
                return None
            day = Anchor.parse(value)
            if day is None or not 0 < (published.first - day.first).days <= TOLD_DATE_DAYS:
                continue
        days.add(value)
    if len(days) != 1:
        return None
    day = Anchor.parse(days.pop())
    if day is None or not (0 < (published.first - day.first).days <= TOLD_DAYS):
        return None
    return _fmt(day.first, "day")


# What joins the first day of a span to its last ("il 17 e 18 febbraio", "March 3-4", "3 and 4 March").
SPAN_JOIN = re.compile(r"\s*(?:[-–—]|\s(?:e|and|to|al|fino al)\s)\s*\Z")


def _runs_to(t: Span, lead: list[Span], day: str, text: str) -> bool:
    """Whether the expression right after ``t``, joined to it as the end of a span of days, names ``day``."""
    nxt = next((u for u in lead if u.start >= t.end), None)
    return nxt is not None and nxt.attrs.get("value") == day and nxt.start - t.end <= 12 \
        and SPAN_JOIN.match(" " + text[t.end:nxt.start] + " ") is not None


def _day_in_month(doc: Document, lead: list[Span], published: Anchor) -> str | None:
    """On a page dated to the month, the one day of that month its lead spells out in full, outside
    quotations and not ahead of the clause ("… met African leaders on 17 June", a page of 2023-06); where
    it spells none, the day of the event it names (``meta['story_day']``) if in that month; else None."""
    month = _fmt(published.first, published.precision)
    days = {t.attrs["value"] for t in lead if t.label == "DATE"
            and t.attrs.get("precision") == "day" and t.attrs.get("expression") == "date"
            and not t.attrs.get("quoted") and t.attrs.get("tense") != "future"
            and DAY.fullmatch(t.attrs.get("value") or "") and t.attrs["value"].startswith(month)}
    if len(days) == 1:
        return days.pop()
    if not days and str(doc.meta.get("story_day") or "").startswith(month):
        return doc.meta["story_day"]
    return None


def _story_day(lead: list[Span]) -> str | None:
    """The day the lead of an undated page tells its story on ("Le delegazioni si sono incontrate a
    Istanbul il 16 maggio 2025"): the one calendar day its expressions spell out in full, outside
    quotations and not ahead of the clause (a day without its year counts when the text spells the year
    out only after it: ``tagger._year_told_after``); None when they spell several (a chronology) or none."""
    days = {t.attrs["value"] for t in lead if t.label == "DATE" and t.attrs.get("precision") == "day"
            and (not t.attrs.get("relative") or t.attrs.get("year_after")) and not t.attrs.get("quoted") and t.attrs.get("tense") != "future"
            and DAY.fullmatch(t.attrs.get("value") or "")}
    return days.pop() if len(days) == 1 else None


# How a time expression hangs on the verb it dates: an oblique ("In September 2022, X announced", "said in
# 2021 that"), a bare noun of time ("said last year"), an adverb.
VERB_TIME_DEPS = ("obl", "obl:tmod", "obl:npmod", "nmod:tmod", "advmod")
# How many words after the verb its time may stand ("said in 2021", "ha detto nel marzo 2022").
VERB_REACH = 3


def dates_the_verb(doc: Document, timex: Span, start: int, end: int) -> bool:
    """Whether a month or a year is the time of a verb of the reporting frame ``start:end`` itself ("In
    September 2022, Zelensky announced that …", "Putin said in 2021 that …"): it then tells when the words
    were said, as a day does; a month or year anywhere else ("the 2022 decision", "talks in 2022" inside what
    is said, "a draft drawn up in March 2022" inside the frame's object) tells what is talked about."""
    if not doc.tokens:
        return False
    root = doc.root(timex.start, timex.end)
    if root is None or root.is_root or root.dep not in VERB_TIME_DEPS:
        return False
    head = doc.tokens[root.head]
    frame = doc.root(start, end)  # the verb of the frame itself, not one of a clause inside it ("un accordo
    # delineato nel marzo 2022")
    # before the verb ("In September 2022, X announced") or right after it ("said in 2021 that"): one further
    # on, past the verb's object, is as often a misread modifier of that object ("apre a un negoziato sulla
    # base di una bozza … nel marzo del 2022")
    return head.pos in ("VERB", "AUX") and frame is not None and head.i == frame.i \
        and (root.i < head.i or root.i - head.i <= VERB_REACH)


SAID_CLAUSES = ("ccomp",)


def in_said_clause(doc: Document, timex: Span, start: int, end: int) -> bool:
    """A time expression outside the reporting frame ``start:end`` inside a clause that a verb of the frame
    takes as its complement ("He noted that the talks of June 2 …", "ha detto che il 2 giugno …"): it dates
    what is said, not the saying."""
    tok = doc.token_at(timex.start)
    for _ in range(12):
        if tok is None or tok.is_root:
            return False
        head = doc.tokens[tok.head]
        if tok.dep in SAID_CLAUSES and start <= head.start < end and head.pos in ("VERB", "AUX"):
            return True
        tok = head
    return False


MODIFIER_CLAUSES = ("acl", "acl:relcl")


def in_modifier_clause(doc: Document, timex: Span) -> bool:
    """A time expression inside a clause that modifies a noun ("le sanzioni annunciate ieri dagli Usa",
    "the talks that began on Monday") dates that noun's event, not the scene its sentence sets."""
    tok = doc.token_at(timex.start)
    for _ in range(12):  # a path to the root is short; a malformed parse must not loop
        if tok is None or tok.is_root:
            return False
        if tok.dep in MODIFIER_CLAUSES:
            return True
        tok = doc.tokens[tok.head]
    return False
