"""The date of a statement that gives none of its own: the day of the event just told about its speaker, or its
speaker's previous statement on the same occasion (``_context_date``)."""
from __future__ import annotations

import bisect
import re

from ...document import Document, Span, Statement
from ..ordered import Ordered
from ..time.dating import after_page, in_modifier_clause


DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _is_day(value: str | None) -> bool:
    """A calendar day ("2025-02-20"), not a reference ("FUTURE_REF" has ten characters too)."""
    return bool(value) and DAY.match(value) is not None


def _context_date(doc: Document, st: Statement, statements: list[Statement], sentences, mentions, timexes: Ordered,
                  zone_of):
    """A statement with no date of its own takes the date of the event just told about its speaker
    ("Mercoledì Putin ha ringraziato Kim… «…», ha detto Putin"), or its speaker's previous statement."""
    if not st.speaker_entity_id and not st.speaker_name:
        return None
    prev = statements[-1] if statements else None
    # the same speaker going on speaks on the same occasion ("Ieri Tajani ha detto… Ha aggiunto…")
    if prev is not None and prev.speaker_name == st.speaker_name and prev.date_source in ("expression", "context"):
        return prev.date, "context"
    if st.rule == "label":
        # an interview or a transcript: the occasion the introduction dates ("We spoke on Tuesday")
        for t in reversed(timexes.starting(-1, st.content_start + 1)):  # (one that starts later ends later)
            value = t.attrs.get("value")
            if t.end <= st.content_start and _is_day(value) and _told_past(doc, t):
                return value, "context"
    # sentences and mentions are in order: found by bisection, so the work per statement does not
    # grow with the document (issue 16)
    idx = bisect.bisect_right(sentences, (st.content_start, float("inf"))) - 1
    if idx < 0 or not sentences[idx][0] <= st.content_start < sentences[idx][1]:
        return None
    for j in range(idx - 1, max(-1, idx - 3), -1):
        a, b = sentences[j]
        if zone_of(a) != "body":
            break
        inside = mentions.starting(a, b)
        # only a sentence about the speaker dates what he says next: one that tells, with nobody named in it,
        # the event he answers ("On January 6 in Paris, participants … signed a declaration. Zakharova said
        # …", "Just a day earlier, 26 nations had pledged …") does not date his answer, which is the report's
        # (dev, nineteenth session: statement dates all_read 0.890 → 0.920, older 0.766 → 0.780, all_check
        # unchanged; it took the day in 13 statements of the read half, all wrongly) ...
        about = any(m.attrs.get("entity_id") == st.speaker_entity_id and st.speaker_entity_id for m in inside)
        # ... unless it sets the scene of his words: right before them in the same paragraph, with nobody
        # named in it, it tells by the report's own clock ("oggi", "on Tuesday": a day counted from the page's,
        # not a calendar date nor one counted from another event) what happened then ("Oggi il Cremlino ha
        # raffreddato le attese. «…», ha dichiarato il portavoce")
        scene = j == idx - 1 and "\n" not in doc.text[a:st.content_start] \
            and not any(m.label == "PER" for m in inside)
        if not (about or scene):
            continue
        for t in timexes.starting(a, b):
            value = t.attrs.get("value")
            if a <= t.start < b and _is_day(value) and _told_past(doc, t) \
                    and (about or (t.attrs.get("expression") in _CLOCK_DAYS and not in_modifier_clause(doc, t))):
                return value, "context"
    return None


# Days told by the report's own clock: counted from the page's day ("ieri", "oggi") or named by the weekday.
_CLOCK_DAYS = ("relday", "weekday", "night")


def _told_past(doc: Document, t: Span) -> bool:
    """A day that can date what a speaker said: not quoted, not told in the future tense ("will be held on
    June 15", "if the war ends tomorrow") and not after the page's own date."""
    a = t.attrs
    return not (a.get("quoted") or a.get("tense") == "future"
                or after_page(a["value"], str(doc.meta.get("published") or "")))
