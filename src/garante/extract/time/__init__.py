"""Time expressions as TIMEX3 (DATE, TIME, DURATION, SET), and the date of the document.

HeidelTime's approach: the rules are language data (``data/lang/<code>/time.yaml``: patterns over month,
weekday, unit and other word lists); each rule's *kind* names how a match is normalised (``normalise``).
Relative and partial expressions ("venerdì", "il 10 gennaio", "la scorsa settimana") are resolved
against the reference date (the document date, or the year the sentence has just spelled out) and the
tense of the clause around them: the verb that governs the expression in the parse when the document has
tokens, else the nearest verb pattern in its clause, then its sentence; a deadline or plan word points
forward whatever the verb. Spans cover the phrase statement dating reads ("on Friday", "già lunedì");
``attrs['timeml_extent']`` holds the TimeML extent and ``attrs['timeml_value']`` the TIMEX3 value of a time
of day (``value`` stays the day).

When the page gives no date, the document date is inferred from dated events of the knowledge base
mentioned with relative expressions, the day of the war or of a meeting counted in the lead, or the
page's own time stamp; when it gives only the month, the day comes from a dateline or a date given with
"today" (``infer``). A wrong day is worse than none: where nothing fixes the day, it stays unknown.

    dates       calendar arithmetic, the reference date (Anchor)
    grammar     a language's rules compiled from its data file
    matching    finding expressions; tense and quoting of their clause
    normalise   a match → TIMEX3 type, value, mod
    infer       the document date
    clues       day counts ("giorno 52" of the war) and the page's time stamp, as language data
    tagger      the component (TimeTagger)
    dating      the date of a statement (date_at)
"""
from .dates import Anchor, easter
from .dating import date_at
from .grammar import Grammar, TimeDataError, grammar
from .infer import day_of_month, infer_published
from .matching import Match, find
from .normalise import normalise
from .tagger import TimeTagger, timeml_start

__all__ = ["Anchor", "Grammar", "Match", "TimeDataError", "TimeTagger", "date_at", "day_of_month", "easter",
           "find", "grammar", "infer_published", "normalise", "timeml_start"]
