"""Time expressions normalised to TIMEX3-style values, and the date of the document.

HeidelTime's approach: the rules are language data (``data/lang/<code>/time.yaml``: patterns over month,
weekday and other word lists); each rule's *kind* names how a match is normalised. Relative and partial
expressions ("venerdì", "il 10 gennaio", "la scorsa settimana") are resolved against the reference date
(the document date) and the tense of the clause around them: the verb of the expression's own clause
first, else the nearest in the sentence; a deadline word in the clause ("whether Thursday was still a
deadline") points forward whatever the verb. A focus adverb before an expression is part of it ("già
lunedì", "as early as Monday"). "The same day" / "lo stesso giorno" takes the day of the nearest dated
expression just before it, when there is one close enough.

When the page gives no date, the document date is inferred first, from dated events of the knowledge
base mentioned together with relative expressions ("il vertice in Alaska della scorsa settimana"), and
only when the clues agree on one day.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .. import lang
from ..document import Document, Span

# -------------------------------------------------------------------------------------------------
# Calendar arithmetic


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
    # a tense contradicting the closest reading wins, unless that reading is within days of the anchor
    # (the verb nearest to the expression may belong to another clause)
    slack = timedelta(days=0 if granularity == "month" else 7)
    if tense == "past" and key(best) > a_last and best > anchor.last + slack:
        past = [c for c in candidates if key(c) <= a_last]
        best = max(past) if past else best
    elif tense == "future" and key(best) < a_first and best < anchor.first - slack:
        future = [c for c in candidates if key(c) >= a_first]
        best = min(future) if future else best
    return best


# -------------------------------------------------------------------------------------------------
# Rules: compiled from the language data


@dataclass
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    requires: tuple[str, ...] = ()
    capitalized: tuple[str, ...] = ()
    full_names: tuple[str, ...] = ()
    needs: frozenset[str] = frozenset()  # word lists the rule cannot match without (a cheap gate)


# Which keyword class each placeholder needs in the text ('digit' for numbers written in figures).
_PLACEHOLDER_CLASS = {"month": "months", "weekday": "weekdays", "relday": "relative_days", "unit": "units",
                      "named": "named_days", "season": "seasons", "ref": "references", "setword": "set_words",
                      "part": "parts_of_day", "day": "digit", "year": "digit", "decade": "digit",
                      "century": "digit", "hour": "digit", "this": "this"}
_OPTIONAL_GROUP = re.compile(r"\(\?:[^()]*\)[?*]|\([^()]*\|[^()]*\)")


def _first_words(data: dict, words: list) -> dict[str, frozenset[str]]:
    """The last word of each keyword (lower case, apostrophes split off; the head, and rarer than "il" or
    "the" of "il futuro", "the past") → the keyword classes it stands for."""
    out: dict[str, set[str]] = {}
    def add(phrase, cls: str) -> None:
        found = re.findall(r"\w+", str(phrase).lower())
        if found:
            out.setdefault(found[-1], set()).add(cls)
    for w in words:
        add(w, "")
    for cls in (set(_PLACEHOLDER_CLASS.values()) - {"digit"}) | {"keywords"}:
        for w in data.get(cls) or []:
            add(w, cls)
    return {k: frozenset(v - {""}) for k, v in out.items()}


def _needed(pattern: str) -> frozenset[str]:
    """The keyword classes a rule pattern cannot match without: its placeholders outside optional
    groups and alternations (conservative: fewer needs only make the gate let more through)."""
    prev = None
    while prev != pattern:
        prev, pattern = pattern, _OPTIONAL_GROUP.sub("", pattern)
    names = set(re.findall(r"\{(\w+)\}", pattern))
    return frozenset(_PLACEHOLDER_CLASS[n] for n in names if n in _PLACEHOLDER_CLASS)


@dataclass
class Grammar:
    code: str
    data: dict[str, Any]
    rules: list[Rule]
    bounds: list[tuple[re.Pattern, str]]
    tense_past: list[re.Pattern]
    tense_future: list[re.Pattern]
    prospective: list[re.Pattern]
    elapsed: list[re.Pattern]
    attributive: frozenset[str]
    full_months: frozenset[str] = field(default_factory=frozenset)
    keywords: re.Pattern | None = None  # a word every expression contains: the rules run only near one
    focus: re.Pattern | None = None  # a focus adverb right before an expression ("già lunedì")
    lead_words: frozenset[str] = frozenset()  # prepositions and focus adverbs: outside a TimeML extent
    ambiguous_months: frozenset[str] = frozenset()  # "may", "march": months only with more context
    articles: frozenset[str] = frozenset()
    forward: frozenset[str] = frozenset()  # "until Tuesday": ahead of the clause's time
    key_words: dict[str, frozenset[str]] = field(default_factory=dict)  # last word of a keyword → its classes

    def lookup(self, table: str, word: str) -> Any:
        return self.data.get(table, {}).get(_norm(word))


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words) -> str:
    """A regex alternation of words, longest first, with ' matching either apostrophe."""
    out = []
    for w in sorted({str(w) for w in words}, key=len, reverse=True):
        out.append(r"\s+".join(re.escape(part).replace("'", "['’]") for part in w.split()))
    return "|".join(out) or r"(?!x)x"


def _prep_pattern(preps: list[str]) -> str:
    spaced = [p for p in preps if not p.endswith("'")]
    elided = [p[:-1] for p in preps if p.endswith("'")]
    parts = []
    if spaced:
        parts.append(f"(?:{_alternation(spaced)})\\s+")
    if elided:
        parts.append(f"(?:{_alternation(elided)})['’]")
    return f"(?P<prep>{'|'.join(parts)})?" if parts else ""


class TimeDataError(lang.DataFileError):
    pass


@lru_cache(maxsize=None)
def grammar(code: str | None) -> Grammar:
    code = (code or "en")[:2].lower()
    data = lang.topic(code, "time") or {}
    where = f"{lang.LANG_DIR / code / 'time.yaml'}"
    months = data.get("months") or {}
    weekdays = data.get("weekdays") or {}
    bounds_data = data.get("bounds") or []
    try:
        bounds = [(re.compile(b["pattern"], re.I), b["mod"]) for b in bounds_data]
    except (KeyError, TypeError, re.error) as e:
        raise TimeDataError(f"{where}: bad entry under 'bounds': {e}") from e
    named = data.get("named_days") or {}
    pieces = {
        "prep": _prep_pattern(list(data.get("prepositions") or [])),
        "month": f"(?P<month>{_alternation(months)})",
        "weekday": f"(?P<weekday>{_alternation(weekdays)})",
        "weekday2": f"(?P<weekday2>{_alternation(weekdays)})",
        "day": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:°|º|st|nd|rd|th)?(?!\d)",
        "year": r"(?P<year>(?:19|20)\d\d)(?!\d)",
        "mod": f"(?P<mod>{_alternation(data.get('modifiers') or {})})",
        "mod_after": f"(?P<mod_after>{_alternation(data.get('modifiers') or {})})",
        "relday": f"(?P<relday>{_alternation(data.get('relative_days') or {})})",
        "number": f"(?P<number>\\d{{1,3}}|{_alternation(data.get('numbers') or {})})",
        "unit": f"(?P<unit>{_alternation(data.get('units') or {})})",
        "this": f"(?P<this>{_alternation(data.get('this') or [])})",
        "bound": f"(?P<bound>{'|'.join(f'(?:{b.pattern})' for b, _ in bounds) or '(?!x)x'})",
        "named": f"(?P<named>{_alternation(named)})",
        "part": f"(?P<part>{_alternation(data.get('parts_of_day') or [])})",
        "ordinal": f"(?P<ordinal>{_alternation(data.get('ordinals') or {})})",
        "season": f"(?P<season>{_alternation(data.get('seasons') or {})})",
        "ref": f"(?P<ref>{_alternation(data.get('references') or {})})",
        "setword": f"(?P<setword>{_alternation(data.get('set_words') or {})})",
        "dmod": f"(?P<dmod>{_alternation(data.get('duration_mods') or {})})",
        "tz": f"(?P<tz>{_alternation(data.get('timezones') or [])})",
    }
    rules = []
    for i, r in enumerate(data.get("rules") or []):
        try:
            body = re.sub(r"\{(\w+)\}", lambda m: pieces[m.group(1)], r["pattern"])
            regex = re.compile(rf"(?<![\w/.$€£#-])(?:{body})(?!\w)", re.I)
            rules.append(Rule(r["name"], r["kind"], regex, tuple(r.get("requires") or ()),
                              tuple(r.get("capitalized") or ()), tuple(r.get("full_names") or ()),
                              _needed(r["pattern"]) | frozenset(r.get("needs") or ())))
        except KeyError as e:
            raise TimeDataError(f"{where}: rule {i + 1} ({r.get('name')!r}): unknown key or placeholder {e}") from e
        except re.error as e:
            raise TimeDataError(f"{where}: rule {i + 1} ({r.get('name')!r}): bad pattern: {e}") from e
    tense = data.get("tense") or {}
    try:
        past = [re.compile(p, re.I) for p in tense.get("past", [])]
        future = [re.compile(p, re.I) for p in tense.get("future", [])]
        prospective = [re.compile(p, re.I) for p in tense.get("prospective", [])]
        elapsed = [re.compile(p, re.I) for p in tense.get("elapsed", [])]
    except re.error as e:
        raise TimeDataError(f"{where}: bad pattern under 'tense': {e}") from e
    longest: dict[int, str] = {}
    for w, n in months.items():
        if len(w) > len(longest.get(n, "")):
            longest[n] = w
    words = [*months, *weekdays, *(data.get("relative_days") or {}), *named, *(data.get("units") or {}),
             *(data.get("seasons") or {}), *(data.get("references") or {}), *(data.get("set_words") or {}),
             *(data.get("parts_of_day") or []), *(data.get("keywords") or [])]
    keywords = re.compile(rf"\d|(?<!\w)(?:{_alternation(words)})(?!\w)", re.I)
    classes = _first_words(data, words)
    focus = data.get("focus") or []
    focus_re = re.compile(rf"(?<![\w])(?:{_alternation(focus)})\s+\Z", re.I) if focus else None
    articles = {_norm(a) for a in data.get("articles") or []}
    preps = {_norm(p) for p in data.get("prepositions") or []}
    lead_words = frozenset(w for p in preps for w in p.split() if w not in articles) \
        | {_norm(w) for w in data.get("outside_extent") or []}
    return Grammar(code, data, rules, bounds, past, future, prospective, elapsed,
                   frozenset(_norm(a) for a in data.get("attributive") or []), frozenset(longest.values()), keywords,
                   focus_re, lead_words, frozenset(_norm(m) for m in data.get("ambiguous_months") or []),
                   frozenset(articles), frozenset(_norm(w) for w in data.get("forward") or []), classes)


# -------------------------------------------------------------------------------------------------
# Matching


@dataclass
class Match:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str]
    tense: str | None = None
    quoted: bool = False
    core: int | None = None  # where the expression starts when a focus adverb stands before it


    @property
    def kind(self) -> str:
        return self.rule.kind


def _acceptable(rule: Rule, m: re.Match, g: Grammar) -> bool:
    groups = m.groupdict()
    for name in rule.capitalized:
        word = groups.get(name)
        if word and not word[0].isupper():
            return False
    if "prep" in rule.requires and not groups.get("prep"):
        return False
    if "prep_or_mod" in rule.requires and not (groups.get("prep") or groups.get("mod") or groups.get("mod_after")
                                               or groups.get("bound")):
        return False
    if "mod" in rule.requires and not (groups.get("mod") or groups.get("mod_after")):
        return False
    if groups.get("month") and groups.get("day") is None and groups.get("year") is None:
        name = _norm(groups["month"])
        if name not in g.full_months:
            return False  # a bare abbreviation ("il mar", "il set") is a word, not a month
        if name in g.ambiguous_months and not (groups.get("prep") or groups.get("mod") or groups.get("this")
                                               or groups.get("bound")):
            return False  # "May" and "March" alone are as often a verb or a noun
    number, unit = groups.get("number"), groups.get("unit")
    if number and unit and _norm(number) in ("a", "an", "un", "une", "ein", "eine") and _norm(unit).endswith("s") \
            and g.code in ("en", "fr"):
        return False  # "a years-old feud"
    return True


# How far before and after a keyword an expression may reach ("a partire dall'inizio del" ... "scorso").
_REACH_BEFORE, _REACH_AFTER = 48, 64
_FOCUS_REACH = 24


_WORD = re.compile(r"\w+")


def _windows(text: str, g: Grammar) -> dict[str, list[tuple[int, int]]]:
    """Stretches of text around the words time expressions are made of, per keyword class ('' for any
    keyword): one pass over the words, a set look-up each. A rule scans only the stretches of a class it
    needs ("3 marzo" is looked for near month names, not near every figure)."""
    out: dict[str, list[list[int]]] = {}
    for w in _WORD.finditer(text):
        word = w.group(0)
        classes = g.key_words.get(word.lower())
        if classes is None:
            if not word[0].isdigit():
                continue
            classes = _DIGIT
        lo, hi = max(0, w.start() - _REACH_BEFORE), min(len(text), w.end() + _REACH_AFTER)
        for cls in ("", *classes):
            spans = out.setdefault(cls, [])
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = hi
            else:
                spans.append([lo, hi])
    return {cls: [(lo, hi) for lo, hi in spans] for cls, spans in out.items()}


_DIGIT = frozenset({"digit"})


def find(text: str, g: Grammar) -> list[Match]:
    """All rule matches, overlaps resolved in favour of the longest (then the earliest rule)."""
    found: list[tuple[int, int, int, Rule, dict]] = []
    windows = _windows(text, g)
    size = {cls: sum(hi - lo for lo, hi in spans) for cls, spans in windows.items()}
    for order, rule in enumerate(g.rules):
        if not rule.needs <= windows.keys():
            continue
        cls = min(rule.needs, key=size.__getitem__) if rule.needs else ""
        for lo, hi in windows.get(cls, ()):
            for m in rule.regex.finditer(text, lo, hi):
                if m.end() > m.start() and _acceptable(rule, m, g):
                    found.append((m.start(), m.end(), order, rule, m.groupdict()))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for start, end, _, rule, groups in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(Match(start, end, rule, {k: v for k, v in groups.items() if v is not None}))
    out.sort(key=lambda m: m.start)
    if g.focus is not None:  # a focus adverb belongs to the expression it stands before ("già lunedì")
        prev_end = 0
        for m in out:
            lo = max(prev_end, m.start - _FOCUS_REACH)
            f = g.focus.search(text, lo, m.start)
            if f:
                m.core, m.start = m.start, f.start()
            prev_end = m.end
    return out


_QUOTE_OPEN = "«“"
_QUOTE_CLOSE = "»”"


def _inside_quotes(text: str, offset: int) -> bool:
    depth = 0
    straight = 0
    for ch in text[:offset]:
        if ch in _QUOTE_OPEN:
            depth += 1
        elif ch in _QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight ^= 1
    return depth > 0 or straight == 1


# What ends a clause inside a sentence: the verb of another clause says nothing about this expression.
_CLAUSE_BREAK = re.compile(r"[,;:()«»“”\"]|\s[–—-]\s")


def _clause(text: str, start: int, end: int, sent: tuple[int, int]) -> tuple[int, int]:
    s0, s1 = sent
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, s0, start)), default=s0)
    nxt = _CLAUSE_BREAK.search(text, end, s1)
    return lo, nxt.start() if nxt else s1


@dataclass
class Verbs:
    """The tense cues of one sentence, found once: (start, end, tense) of each verb pattern's match, and
    where deadline and elapsed words stand."""
    hits: list[tuple[int, int, str]]
    prospective: list[int]
    elapsed: list[int]

    @classmethod
    def of(cls, g: Grammar, text: str, lo: int, hi: int) -> "Verbs":
        hits = [(m.start(), m.end(), tense) for tense, patterns in (("past", g.tense_past), ("future", g.tense_future))
                for p in patterns for m in p.finditer(text, lo, hi)]
        return cls(hits, [m.start() for p in g.prospective for m in p.finditer(text, lo, hi)],
                   [m.start() for p in g.elapsed for m in p.finditer(text, lo, hi)])


def _nearest_tense(verbs: Verbs, start: int, end: int, lo: int, hi: int) -> str | None:
    best: tuple[int, str] | None = None
    for a, b, tense in verbs.hits:
        if a < lo or b > hi or (a < end and start < b):
            continue
        dist = start - b if b <= start else a - end
        if best is None or dist < best[0]:
            best = (dist, tense)
    return best[1] if best else None


def _tense(verbs: Verbs, text: str, start: int, end: int, sent: tuple[int, int]) -> str | None:
    """The tense of the expression's clause: a deadline not said to have passed is ahead; else the verb
    nearest to the expression in its own clause, else in its sentence."""
    lo, hi = _clause(text, start, end, sent)
    if any(lo <= x < hi for x in verbs.prospective) and not any(lo <= x < hi for x in verbs.elapsed):
        return "future"
    return _nearest_tense(verbs, start, end, lo, hi) or _nearest_tense(verbs, start, end, *sent)


# -------------------------------------------------------------------------------------------------
# Normalisation


def _direction(g: Grammar, groups: dict) -> str | None:
    for key in ("mod", "mod_after"):
        if groups.get(key):
            return g.lookup("modifiers", groups[key])
    return None


def _bound(g: Grammar, groups: dict) -> str | None:
    b = groups.get("bound")
    if not b:
        return None
    for regex, mod in g.bounds:
        if regex.fullmatch(b) or regex.match(b):
            return mod
    return None


def _number(g: Grammar, word: str) -> int | None:
    if word.isdigit():
        return int(word)
    n = g.lookup("numbers", word)
    return n if isinstance(n, int) else None


def _part_code(g: Grammar, word: str) -> str | None:
    """The TIMEX3 code of a part of the day (MO, AF, EV, NI); None where the language lists no codes."""
    parts = g.data.get("parts_of_day")
    return parts.get(_norm(word)) if isinstance(parts, dict) else None


def _weekday_date(wd: int, anchor: Anchor, direction: str | None, tense: str | None) -> date:
    d = anchor.first
    back = (d.weekday() - wd) % 7
    ahead = (wd - d.weekday()) % 7
    if direction == "last":
        return d - timedelta(days=back or 7)
    if direction == "next":
        return d + timedelta(days=ahead or 7)
    if tense == "future":
        return d + timedelta(days=ahead)
    if tense is None and ahead < back:
        return d + timedelta(days=ahead)  # no tense to go by: the nearer one ("the vote is Saturday")
    return d - timedelta(days=back)


def _named_date(spec: str, year: int) -> date | None:
    spec = str(spec)
    if spec.startswith("easter"):
        offset = int(spec[6:] or 0)
        return easter(year) + timedelta(days=offset)
    parts = [int(x) for x in spec.split("-")]
    if len(parts) == 3:  # month-n-weekday: the n-th such weekday of the month (Thanksgiving: 11-4-3)
        first = date(year, parts[0], 1)
        return first + timedelta(days=(parts[2] - first.weekday()) % 7 + 7 * (parts[1] - 1))
    return _safe_date(year, parts[0], parts[1])


def normalise(m: Match, g: Grammar, anchor: Anchor | None) -> dict[str, Any]:
    """The TIMEX3-style reading of one match: label, value (None when unresolvable), precision."""
    k, gr = m.kind, m.groups
    out: dict[str, Any] = {"label": "DATE", "value": None, "precision": None, "expression": k}
    direction = _direction(g, gr)
    mod = _bound(g, gr)
    if mod:
        out["mod"] = mod

    def done(d: date | None, precision: str, relative: bool = False) -> dict:
        if d is not None:
            out["value"], out["precision"] = _fmt(d, precision), precision
        if relative:
            out["relative"] = True
        return out

    if k in ("iso", "date", "numeric"):
        if k == "iso":
            y, mo, dd = int(gr["year"]), int(gr["mon"]), int(gr["day"])
        elif k == "numeric":
            a, b = int(gr["a"]), int(gr["b"])
            y = int(gr["year"]) + (2000 if len(gr["year"]) == 2 else 0)
            day_first = g.data.get("numeric_order", "dmy") == "dmy"
            if a > 12 or (b <= 12 and day_first):
                dd, mo = a, b
            else:
                mo, dd = a, b
        else:
            mo, dd = g.lookup("months", gr["month"]), int(gr["day"])
            y = int(gr["year"]) if gr.get("year") else None
        if y is not None:
            return done(_safe_date(y, mo, dd), "day")
        if anchor is None:
            return done(None, "day", True)
        cands = [c for c in (_safe_date(anchor.first.year + i, mo, dd) for i in (-1, 0, 1)) if c]
        return done(_choose(cands, anchor, direction, m.tense) if cands else None, "day", True)
    if k == "month":
        mo = g.lookup("months", gr["month"])
        if gr.get("year"):
            return done(date(int(gr["year"]), mo, 1), "month")
        if anchor is None:
            return done(None, "month", True)
        cands = [date(anchor.first.year + i, mo, 1) for i in (-1, 0, 1)]
        return done(_choose(cands, anchor, direction, m.tense, "month"), "month", True)
    if k == "year":
        return done(date(int(gr["year"]), 1, 1), "year")
    if k == "named":
        spec = g.lookup("named_days", gr["named"])
        if gr.get("year"):
            return done(_named_date(spec, int(gr["year"])), "day")
        if anchor is None:
            return done(None, "day", True)
        cands = [c for c in (_named_date(spec, anchor.first.year + i) for i in (-1, 0, 1)) if c]
        return done(_choose(cands, anchor, direction, m.tense), "day", True)
    if k in ("weekday", "night"):
        wd = g.lookup("weekdays", gr["weekday"])
        if gr.get("part"):
            out["part_of_day"] = _part_code(g, gr["part"])
        if k == "night":
            out["part_of_day"] = "NI"
        if anchor is None or anchor.precision != "day":
            return done(None, "day", True)
        return done(_weekday_date(wd, anchor, direction, m.tense), "day", True)
    if k == "relday":  # "ieri", "ieri sera", "nel pomeriggio" (of the document's day)
        n = g.lookup("relative_days", gr["relday"]) if gr.get("relday") else 0
        part = gr.get("part") or None
        code = _part_code(g, part) if part else g.lookup("relative_parts", gr.get("relday") or "")
        if code:
            out["part_of_day"] = code
        if anchor is None or anchor.precision != "day":
            return done(None, "day", True)
        return done(anchor.first + timedelta(days=n), "day", True)
    if k in ("period", "ago", "ahead"):
        return _relative_period(m, g, anchor, direction, out, done)
    if k == "same_day":  # resolved against the expression before it, by the tagger
        out.update(precision="day", relative=True)
        return out
    if k == "next_day":  # resolved by the tagger against the day told just before, else the anchor
        shift = gr.get("shift") or gr.get("shift2") or ""
        n = _number(g, gr["number"]) if gr.get("number") else 1
        out["shift"] = (n or 1) * (-1 if _norm(shift) in g.data.get("backward_words", ()) else 1)
        if anchor is not None and anchor.precision == "day":
            return done(anchor.first + timedelta(days=out["shift"]), "day", True)
        out["relative"] = True
        return out
    if k == "ref":
        out.update(value=g.lookup("references", gr["ref"]) or "PRESENT_REF", precision="ref", relative=True)
        return out
    if k in ("future_ref", "past_ref"):
        out.update(value="FUTURE_REF" if k == "future_ref" else "PAST_REF", precision="ref", relative=True)
        return out
    if k == "set":
        out["label"] = "SET"
        if gr.get("setword"):
            out["value"] = g.lookup("set_words", gr["setword"])
        elif gr.get("weekday"):
            out["value"] = f"XXXX-WXX-{g.lookup('weekdays', gr['weekday']) + 1}"
        else:
            out["value"] = _period(g.lookup("units", gr["unit"]), 1)
        return out
    if k == "duration":
        return _duration(m, g, out)
    if k in ("decade", "century", "quarter", "season", "weekend", "clock"):
        return _calendar_unit(m, g, anchor, direction, out)
    return out


def _period(unit: str | None, n: int | None) -> str | None:
    """The ISO 8601 duration of n units ('X' when the number is vague)."""
    if unit is None:
        return None
    q = "X" if n is None else n
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "F": (2, "W")}
    if unit in scale:
        k, u = scale[unit]
        return f"P{'X' if n is None else n * k}{u}"
    if unit in ("H", "MIN", "S"):
        return f"PT{q}{unit[0]}"
    return f"P{q}{unit}"


def _duration(m: Match, g: Grammar, out: dict) -> dict:
    gr = m.groups
    out["label"] = "DURATION"
    if gr.get("plural"):
        unit, n = g.lookup("units", gr["plural"]), None
    else:
        unit = g.lookup("units", gr["unit"])
        n = _number(g, gr["number"]) if gr.get("number") else 1
    out["value"] = _period(unit, n)
    if gr.get("dmod"):
        out["mod"] = g.lookup("duration_mods", gr["dmod"])
    return out


def _relative_period(m: Match, g: Grammar, anchor: Anchor | None, direction, out: dict, done) -> dict:
    """'last week', 'this year', 'three days ago', 'year-end': a calendar unit counted from the anchor."""
    k, gr = m.kind, m.groups
    if gr.get("yearend"):
        out["mod"] = "END"
        return done(anchor.first.replace(month=1, day=1), "year", True) if anchor else done(None, "year", True)
    unit = g.lookup("units", gr["unit"])
    if gr.get("dmod"):
        out["mod"] = g.lookup("duration_mods", gr["dmod"])
    if k in ("ago", "ahead"):
        n = _number(g, gr["number"])
        if n is None:  # "several years ago", "tra qualche giorno"
            out.update(value="PAST_REF" if k == "ago" else "FUTURE_REF", precision="ref", relative=True)
            return out
        if unit in ("H", "MIN", "S"):
            return done(None, "day", True)
        n = -n if k == "ago" else n
    else:
        n = {"last": -1, "next": 1}.get(direction, 0)
    unit, n = {"DE": ("Y", n * 10), "CE": ("Y", n * 100), "F": ("W", n * 2)}.get(unit, (unit, n))
    if unit not in ("D", "W", "M", "Y", "Q"):
        out["relative"] = True
        return out
    need = {"D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}[unit]
    if anchor is None or ["year", "month", "day"].index(anchor.precision) < ["year", "month", "day"].index(need):
        out["relative"] = True
        out["precision"] = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[unit]
        return out
    d = anchor.first
    if unit == "D":
        return done(d + timedelta(days=n), "day", True)
    if unit == "W":
        out.update(value=_week(d + timedelta(weeks=n)), precision="week", relative=True)
        return out
    if unit == "Q":
        y, mo = _add_months(d.year, d.month, 3 * n)
        out.update(value=f"{y}-Q{(mo - 1) // 3 + 1}", precision="quarter", relative=True)
        return out
    if unit == "M":
        y, mo = _add_months(d.year, d.month, n)
        return done(date(y, mo, 1), "month", True)
    return done(date(d.year + n, 1, 1), "year", True)


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _calendar_unit(m: Match, g: Grammar, anchor: Anchor | None, direction, out: dict) -> dict:
    """Decades, centuries, quarters, seasons, weekends and clock times."""
    k, gr = m.kind, m.groups
    year = int(gr["year"]) if gr.get("year") else (anchor.first.year if anchor else None)
    if k == "decade":
        d = gr["decade"]
        word = g.lookup("decade_words", d)  # "gli anni Novanta"
        d = f"19{word}0" if word is not None else d
        out.update(value=(d if len(d) == 4 else ("20" if int(d) < 30 else "19") + d)[:3], precision="decade")
    elif k == "century":
        out.update(value=f"{int(gr['century']) - 1:02d}", precision="century")
    elif k == "quarter":
        q = g.lookup("ordinals", gr["ordinal"])
        out.update(value=f"{year}-Q{q}" if year and isinstance(q, int) else None, precision="quarter",
                   relative=not gr.get("year"))
    elif k == "season":
        out.update(value=_season(g.lookup("seasons", gr["season"]), year, anchor, direction, m.tense,
                                 bool(gr.get("year"))), precision="season", relative=not gr.get("year"))
    elif k == "weekend":
        if anchor is not None and anchor.precision == "day":
            shift = {"last": -1, "next": 1}.get(direction, 0)
            if direction is None and m.tense != "future" and anchor.first.weekday() < 4:
                shift = -1  # "over the weekend", told early in the week: the one just past
            out["value"] = _week(anchor.first + timedelta(weeks=shift)) + "-WE"
        out.update(precision="week", relative=True)
    elif k == "clock":
        out.update(_clock(m, g, anchor))
    return out


def _season(code: str, year: int | None, anchor: Anchor | None, direction, tense, explicit: bool) -> str | None:
    """'last summer', 'this winter', 'in the spring': the season's year (a winter is the year of its December)."""
    if year is None or code is None:
        return None
    if explicit or anchor is None:
        return f"{year}-{code}"
    def bounds(y: int) -> tuple[date, date]:
        first, last = SEASON_MONTHS[code]
        ly, lm = _add_months(y, last, 0)
        return date(y, first, 1), date(ly, lm, calendar.monthrange(ly, lm)[1])
    a = anchor.first
    years = [year - 1, year, year + 1]
    if direction == "last" or (direction is None and tense == "past"):
        past = [y for y in years if bounds(y)[1 if direction == "last" else 0] < a]
        return f"{max(past)}-{code}" if past else None
    if direction == "next" or (direction is None and tense == "future"):
        ahead = [y for y in years if bounds(y)[0 if direction == "next" else 1] > a]
        return f"{min(ahead)}-{code}" if ahead else None
    inside = [y for y in years if bounds(y)[0] <= a <= bounds(y)[1]]
    return f"{(inside or [year])[0]}-{code}"


def _clock(m: Match, g: Grammar, anchor: Anchor | None) -> dict:
    gr = m.groups
    if gr.get("noon"):
        hh, mm = int((g.data.get("noon_words") or {}).get(_norm(gr["noon"]), 12)), 0
    else:
        hh, mm = int(gr["hour"]), int(gr.get("minute") or 0)
        ampm = (gr.get("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    wd_word = gr.get("weekday") or gr.get("weekday2")
    day = None
    if anchor is not None and anchor.precision == "day":
        day = anchor.first
        if wd_word:
            day = _weekday_date(g.lookup("weekdays", wd_word), anchor, _direction(g, gr), m.tense)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return {"label": "TIME", "value": day.isoformat() if day else None, "timeml_value": f"{prefix}T{hh:02d}:{mm:02d}",
            "precision": "day" if day else None, "relative": True, "date": day.isoformat() if day else None}


# -------------------------------------------------------------------------------------------------
# The document date, inferred when the page does not give it


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
    if k == "relday":  # "ieri", "ieri sera", "nel pomeriggio" (of the document's day)
        n = g.lookup("relative_days", gr["relday"]) if gr.get("relday") else 0
        part = gr.get("part") or None
        code = _part_code(g, part) if part else g.lookup("relative_parts", gr.get("relday") or "")
        if code:
            out["part_of_day"] = code
        return [(ev.first - n * one, ev.last - n * one)]
    if k in ("ago", "ahead"):
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


def infer_published(doc: Document, matches: list[Match], g: Grammar, kb) -> tuple[str, str] | None:
    """(value, rule) of the document date the text implies, or None when the clues are missing, too loose,
    or disagree."""
    events = _events(kb)
    if not events:
        return None
    text = doc.text
    strong: list[list[Window]] = []   # each clue: the windows it allows (one per reading of the event)
    weak: list[list[Window]] = []
    for s in doc.layer("sentence"):
        mentions: list[tuple[int, Event]] = []
        for ev in events:
            for p in ev.matchers:
                hit = p.search(text, s.start, s.end)
                if hit:
                    mentions.append((hit.start(), ev))
                    break
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
    solutions: list[Window] = [(date.min, date.max)]
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
    """The day of a document whose page gives only the month, when the text names it: a dateline at the
    start of the body, or a date given together with 'today'; it must fall in that month."""
    month = str(doc.meta["published"])[:7]
    body = doc.body_start
    today = {w for w, n in (g.data.get("relative_days") or {}).items() if n == 0 and " " not in str(w)}
    for m in matches:
        if m.kind not in ("date", "numeric", "iso") or m.quoted:
            continue
        reading = normalise(m, g, Anchor.parse(month))
        value = reading.get("value")
        if not value or len(value) != 10 or value[:7] != month:
            continue
        if body <= m.start < body + DATELINE_REACH:
            return value, "dateline"
        near = doc.text[max(0, m.start - TODAY_REACH):m.end + TODAY_REACH].lower()
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", near) for w in today):
            return value, "today"
    return None


# -------------------------------------------------------------------------------------------------
# The component


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
        matches = find(text, g)
        _set_tenses(doc, matches, g)
        if not doc.meta.get("published") and ctx is not None:
            found = infer_published(doc, matches, g, ctx.kb)
            if found:
                doc.meta["published"], rule = found
                doc.meta["published_precision"] = "day"
                doc.meta["published_source"] = f"inferred:{rule}"
        elif doc.meta.get("published_precision") == "month":
            found = day_of_month(doc, matches, g)
            if found:
                doc.meta["published"], rule = found
                doc.meta["published_precision"] = "day"
                doc.meta["published_source"] = f"inferred:{rule}"
        anchor = Anchor.parse(doc.meta.get("published"), doc.meta.get("published_precision"))
        last_day: tuple[int, str] | None = None  # (end, value) of the last expression naming a day
        story_year: tuple[int, int] | None = None  # (end, year) of the last expression that spells its year
        for m in matches:
            reading = normalise(m, g, _narrative_anchor(m, g, text, story_year, anchor))
            if m.groups.get("year") and reading.get("value"):
                story_year = (m.end, reading["value"])
            if m.kind == "same_day" and last_day and m.start - last_day[0] <= SAME_DAY_REACH:
                reading.update(value=last_day[1], antecedent=last_day[0])
            if m.kind == "next_day" and last_day and m.start - last_day[0] <= SAME_DAY_REACH:
                day = date.fromisoformat(last_day[1]) + timedelta(days=reading["shift"])
                reading.update(value=day.isoformat(), precision="day", antecedent=last_day[0])
            _time_of_day(reading)
            if reading.get("date") and reading["label"] in ("DATE", "TIME"):
                last_day = (m.end, reading["date"])
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
        lo = timeml_start(text, m.start if m.core is None else m.core, m.end, g)
        if lo != m.start:
            attrs["timeml_extent"] = [lo, m.end]
        return Span(m.start, m.end, "timex", label, attrs, component=self.name, rule=m.rule.name)


# How far a year spelled out carries to the partial dates after it in a chronology ("Marzo 2022, … - Il
# 16 marzo"): within its sentence, this many characters, and forwards in the calendar.
STORY_REACH = 240
_PARTIAL = ("date", "month", "named")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


def _narrative_anchor(m: Match, g: Grammar, text: str, story: tuple[int, str] | None, anchor: Anchor | None):
    """The reference time for a partial date: the year of the date the sentence has just spelled out,
    when the partial date comes later in that year; otherwise the document date."""
    if m.kind not in _PARTIAL or m.groups.get("year") or story is None:
        return anchor
    end, value = story
    if m.start - end > STORY_REACH or _SENTENCE_END.search(text, end, m.start):
        return anchor
    year, month = int(value[:4]), int(value[5:7]) if len(value) >= 7 and value[4] == "-" else 1
    here_month = g.lookup("months", m.groups["month"]) if m.groups.get("month") else None
    if anchor is not None and anchor.first.year == year:
        return anchor
    if here_month is not None and here_month < month:
        return anchor
    return Anchor(date(year, 1, 1), "year")


def _time_of_day(reading: dict) -> None:
    """A day with a part of the day is a TIME ('Friday afternoon': TIMEX3 value 2013-03-22TAF). Its
    'value' stays the day, which is what dating a statement needs; 'timeml_value' is the TIMEX3 value."""
    value = reading.get("value")
    if reading.get("label") == "DATE" and reading.get("precision") == "day" and value:
        reading["date"] = value
        if reading.get("part_of_day"):
            reading.update(label="TIME", timeml_value=f"{value}T{reading['part_of_day']}")


_LEAD_WORD = re.compile(r"[\w]+['’]|[\w]+(?:\s+|(?=['’]))")


def timeml_start(text: str, start: int, end: int, g: Grammar) -> int:
    """Where the TimeML extent of the phrase text[start:end] begins: after its prepositions and focus
    adverbs ("on Friday" → "Friday", "nel 2022" → "2022", "già lunedì" → "lunedì"); articles stay
    ("the last week", "il 10 gennaio")."""
    pos = start
    while pos < end:
        m = _LEAD_WORD.match(text, pos, end)
        if not m or m.end() >= end:
            return pos
        word = _norm(m.group(0).strip().rstrip("'’"))
        elided = m.group(0).rstrip().endswith(("'", "’"))
        lead = word in g.lead_words or (elided and word + "'" in g.lead_words)
        if not lead and word in g.articles and not g.data.get("articles_before_names", True):
            nxt = text[m.end():m.end() + 1]
            lead = nxt.isdigit() or nxt.isupper()  # "the Aug. 7 bombings", "the 1996 Olympics"
        if not lead:
            return pos
        pos = m.end()
    return pos


_VERBAL = ("VERB", "AUX")
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo"}


def _parsed_tense(tokens, start: int, end: int) -> str | None:
    """The tense of the verb that governs the expression in the dependency parse: past, future or None
    (present, infinitive, or no verb within a few heads)."""
    inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
    if not inside:
        return None
    i = next((j for j in inside if not (start <= tokens[tokens[j].head].start < end)), inside[0])
    for _ in range(6):
        t = tokens[i]
        if t.pos in _VERBAL and not (start <= t.start < end):
            return _verb_tense(tokens, i)
        if t.head == i:
            return None
        i = t.head
    return None


def _verb_tense(tokens, i: int) -> str | None:
    verb = tokens[i]
    auxes = [t for t in tokens if t.head == i and t.dep in ("aux", "aux:pass", "aux:tense")]
    for t in auxes:
        if t.lemma.lower() in _FUTURE_AUX or "Tense=Fut" in t.morph:
            return "future"
    for t in [*auxes, verb]:
        if "Tense=Fut" in t.morph:
            return "future"
        if "Tense=Past" in t.morph and "VerbForm=Part" not in t.morph:
            return "past"
        if "Tense=Imp" in t.morph:
            return "past"
    if "VerbForm=Part" in verb.morph and "Tense=Past" in verb.morph and auxes:
        return "past"  # "ha detto", "has said", "è stato"
    return None


def _set_tenses(doc: Document, matches: list[Match], g: Grammar) -> None:
    """The tense and quoting of each match's clause: from the parse when the document has one (the verb
    governing the expression), else from verb patterns near it."""
    text = doc.text
    tokens = getattr(doc, "tokens", None) or []
    sentences = [(s.start, s.end) for s in doc.layer("sentence")] or [(0, len(text))]
    verbs: dict[tuple[int, int], Verbs] = {}
    si = 0
    for m in matches:
        while si < len(sentences) - 1 and sentences[si][1] <= m.start:
            si += 1
        sent = sentences[si] if sentences[si][0] <= m.start < sentences[si][1] else (m.start, m.end)
        if sent not in verbs:
            verbs[sent] = Verbs.of(g, text, *sent)
        m.tense = (_parsed_tense(tokens, m.start, m.end) if tokens else None) or _tense(verbs[sent], text, m.start,
                                                                                         m.end, sent)
        m.quoted = _inside_quotes(text[sent[0]:m.start], m.start - sent[0])
        prep = m.groups.get("prep")
        if prep and set(_norm(prep).split()) & g.forward:
            m.tense = "future"


# -------------------------------------------------------------------------------------------------
# Dating a statement

def _usable(span: Span, published: Anchor | None) -> bool:
    a = span.attrs
    if span.label != "DATE" or not a.get("value") or a.get("quoted") or a.get("attributive"):
        return False
    if a.get("precision") == "week":
        return False
    if a.get("precision") != "day" and not (a.get("relative") and a.get("expression") in ("month", "period", "ago")):
        return False  # absolute months and years ("nel 2022") tell what is talked about, not when
    if published is not None:
        pub = _fmt(published.first, published.precision)
        n = min(len(pub), len(a["value"]))
        if a["value"][:n] > pub[:n]:
            return False  # said before it was reported
    return True


def date_at(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """The date of the event told in doc.text[start:end]: (value, source) where source is
    'expression' (a time expression governs it) or 'document' (fell back to the document date).

    A time expression governs the span when it sits in the same sentence, outside quotation marks and not
    as the complement of a noun ("l'incontro del 2 dicembre"), is not later than the document date, and
    is a day (or a relative month or year); among several, the one inside ``start:end`` and nearest to it.
    Without one, the document date. (A date told in the sentences before, about the same speaker, is the
    statements component's business: it knows who is speaking.)
    """
    published = Anchor.parse(doc.meta.get("published"), doc.meta.get("published_precision"))
    timexes = doc.layer("timex")
    sentences = doc.layer("sentence")
    covering = [s for s in sentences if s.start < max(end, start + 1) and start < s.end]
    lo = min([start] + [s.start for s in covering])
    hi = max([end] + [s.end for s in covering])
    cands = [t for t in timexes if lo <= t.start < hi and _usable(t, published)]
    if cands:
        def distance(t: Span) -> tuple:
            inside = start <= t.start < end
            return (not inside, 0 if inside else min(abs(t.start - end), abs(t.end - start)), t.start)
        return min(cands, key=distance).attrs["value"], "expression"
    if published is not None:
        return doc.meta["published"], "document"
    return None, None
