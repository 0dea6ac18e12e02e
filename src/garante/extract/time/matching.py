"""Finding expressions in a text, and the tense and quoting of the clause around each."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .grammar import Grammar, Rule, _norm


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
                                               or groups.get("bound") or groups.get("this")):
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
    if number and unit and _norm(unit) in g.data.get("ordinal_units", ()) and _norm(number) in g.articles_a \
            and re.match(r"\s+[^\W\d_]", m.string[m.end():m.end() + 2]):
        return False  # "a second round": an ordinal, not a second of time
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


def _end(m: re.Match, text: str, g: Grammar) -> int:
    """Where the expression ends: a full month name's dot is the sentence's ("entro il 2 giugno.")."""
    end = m.end()
    if text[end - 1] == "." and m.groupdict().get("month") and m.end("month") == end - 1 \
            and _norm(m.group("month")) in g.full_months:
        return end - 1
    return end


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
                    found.append((m.start(), _end(m, text, g), order, rule, m.groupdict()))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for start, end, _, rule, groups in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        out.append(Match(start, end, rule, {k: v for k, v in groups.items() if v is not None}))
    out = [m for m in sorted(out, key=lambda m: m.start) if not _not_time(m, text, g)]
    out = _with_paired_days(out, text, g)
    if g.focus is not None:  # a focus adverb belongs to the expression it stands before ("già lunedì")
        prev_end = 0
        for m in out:
            lo = max(prev_end, m.start - _FOCUS_REACH)
            f = g.focus.search(text, lo, m.start)
            if f:
                m.core, m.start = m.start, f.start()
            prev_end = m.end
    return out


def _with_paired_days(matches: list[Match], text: str, g: Grammar) -> list[Match]:
    """A later day joined to a month and day ("April 24 and 25", "May 3-4"): a date of its own, in that month
    (the language's ``day_pair`` pattern, with a group ``day2``)."""
    pair = g.day_pair
    if pair is None:
        return matches
    out: list[Match] = []
    for k, m in enumerate(matches):
        out.append(m)
        if m.kind != "date" or not m.groups.get("month") or not m.groups.get("day"):
            continue
        p = pair.match(text, m.end)
        nxt = matches[k + 1].start if k + 1 < len(matches) else len(text)
        if p and p.end() <= nxt and int(m.groups["day"]) < int(p.group("day2")) <= 31:
            groups = {**m.groups, "day": p.group("day2")}
            groups.pop("prep", None)
            groups.pop("weekday", None)
            out.append(Match(p.start("day2"), p.end("day2"), m.rule, groups))
    return out


# How far around an expression an idiom may reach ("al più presto possibile"), and an age's cue before it.
_IDIOM_REACH, _AGE_REACH = 24, 64


def _not_time(m: Match, text: str, g: Grammar) -> bool:
    """An expression inside an idiom ("al più presto"), or a count of years that is someone's age."""
    if g.idioms is not None:
        lo = max(0, m.start - _IDIOM_REACH)
        if any(i.start() <= m.start and m.end <= i.end() for i in g.idioms.finditer(text, lo, m.end + _IDIOM_REACH)):
            return True
    if g.ages and m.kind == "duration" and m.groups.get("number") and g.lookup("units", m.groups.get("unit") or "") == "Y":
        start = m.start + len(m.groups.get("prep") or "")  # "una donna [di] 62 anni"
        before = text[max(0, start - _AGE_REACH):start]
        return any((b is None or b.search(before)) and (a is None or a.match(text, m.end)) for b, a in g.ages)
    return False


_QUOTE_OPEN = "«“"
_QUOTE_CLOSE = "»”"


def _inside_quotes(text: str, offset: int) -> bool:
    depth = 0
    straight = 0
    single = 0  # ‘…’: a ‘ opens at a word's start; a ’ closes only where no letter follows ("it’s", "l’Ucraina")
    for i, ch in enumerate(text[:offset]):
        if ch in _QUOTE_OPEN:
            depth += 1
        elif ch in _QUOTE_CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight ^= 1
        elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            single += 1
        elif ch == "’" and single and not (i + 1 < len(text) and text[i + 1].isalnum()):
            single -= 1
    return depth > 0 or straight == 1 or single > 0


_QUOTE_MARKS = re.compile("[" + _QUOTE_OPEN + _QUOTE_CLOSE + "\"‘’]")


def _quote_step(state: tuple[int, int, int], text: str, i: int, lo: int, followed: bool) -> tuple[int, int, int]:
    """``_inside_quotes``'s count after the mark at ``i`` (the text read from ``lo``; ``followed``: a letter
    or digit comes next)."""
    depth, straight, single = state
    ch = text[i]
    if ch in _QUOTE_OPEN:
        return depth + 1, straight, single
    if ch in _QUOTE_CLOSE:
        return max(0, depth - 1), straight, single
    if ch == '"':
        return depth, straight ^ 1, single
    if ch == "‘" and (i == lo or not text[i - 1].isalnum()):
        return depth, straight, single + 1
    if ch == "’" and single and not followed:
        return depth, straight, single - 1
    return state


class QuoteMarks:
    """``_inside_quotes(text[lo:offset], offset - lo)`` for every offset of one sentence [lo, hi), read in one
    pass: the count after each quotation mark, looked up by bisection (a scan of the sentence for every
    expression made one long sentence quadratic)."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo = text, lo
        self.marks: list[int] = []
        self.states: list[tuple[int, int, int]] = []
        state = (0, 0, 0)
        for m in _QUOTE_MARKS.finditer(text, lo, hi):
            i = m.start()
            state = _quote_step(state, text, i, lo, i + 1 < len(text) and text[i + 1].isalnum())
            self.marks.append(i)
            self.states.append(state)

    def inside(self, offset: int) -> bool:
        # the marks before offset - 1 count as in the whole sentence; a mark right before the offset is
        # read as the slice ``_inside_quotes`` gets reads it, with nothing after it
        k = bisect.bisect_left(self.marks, offset - 1)
        state = self.states[k - 1] if k else (0, 0, 0)
        if offset - 1 >= self.lo and k < len(self.marks) and self.marks[k] == offset - 1:
            state = _quote_step(state, self.text, offset - 1, self.lo, False)
        depth, straight, single = state
        return depth > 0 or straight == 1 or single > 0


# What ends a clause inside a sentence: the verb of another clause says nothing about this expression.
_CLAUSE_BREAK = re.compile(r"[,;:()«»“”\"]|\s[–—-]\s")


class Breaks:
    """The clause breaks of one sentence, found once: ``_clause`` by bisection over them (a search of the
    sentence for every expression made one long sentence quadratic)."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.sent = text, (lo, hi)
        found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
        self.starts = [a for a, _ in found]  # (the matches do not overlap: starts and ends both ascend)
        self.ends = [b for _, b in found]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        s0, s1 = self.sent
        k = bisect.bisect_right(self.ends, start)
        lo = self.ends[k - 1] if k else s0
        j = bisect.bisect_left(self.starts, end)
        if j and self.ends[j - 1] > end:  # a break " – " across ``end``: a search from ``end`` reads it otherwise
            nxt = _CLAUSE_BREAK.search(self.text, end, s1)
            return lo, nxt.start() if nxt else s1
        return lo, self.starts[j] if j < len(self.starts) else s1


def _clause(text: str, start: int, end: int, sent: tuple[int, int], breaks: Breaks | None = None) -> tuple[int, int]:
    if breaks is not None and breaks.sent == tuple(sent) and breaks.text is text:
        return breaks.clause(start, end)
    s0, s1 = sent
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, s0, start)), default=s0)
    nxt = _CLAUSE_BREAK.search(text, end, s1)
    return lo, nxt.start() if nxt else s1


@dataclass
class Verbs:
    """The tense cues of one sentence, found once: (start, end, tense) of each verb pattern's match, and
    where deadline and elapsed words stand; sorted copies of them and the sentence's clause breaks
    (``breaks``), so that the work per expression does not grow with the sentence."""
    hits: list[tuple[int, int, str]]
    prospective: list[int]
    elapsed: list[int]
    breaks: Breaks | None = None

    def __post_init__(self) -> None:
        # hits by end (the nearest before an expression) and by start (the nearest after it), with their
        # place in ``hits``: of hits as near, the first in ``hits`` is the one taken
        self._by_end = sorted((b, k, a) for k, (a, b, _) in enumerate(self.hits))
        self._ends = [b for b, _, _ in self._by_end]
        self._by_start = sorted((a, k, b) for k, (a, b, _) in enumerate(self.hits))
        self._starts = [a for a, _, _ in self._by_start]
        self._prospective, self._elapsed = sorted(self.prospective), sorted(self.elapsed)

    @classmethod
    def of(cls, g: Grammar, text: str, lo: int, hi: int) -> "Verbs":
        hits = [(m.start(), m.end(), tense) for tense, patterns in (("past", g.tense_past), ("future", g.tense_future))
                for p in patterns for m in p.finditer(text, lo, hi)]
        return cls(hits, [m.start() for p in g.prospective for m in p.finditer(text, lo, hi)],
                   [m.start() for p in g.elapsed for m in p.finditer(text, lo, hi)], Breaks(text, lo, hi))


def _any_in(xs: list[int], lo: int, hi: int) -> bool:
    """Some x of the sorted ``xs`` with lo <= x < hi."""
    k = bisect.bisect_left(xs, lo)
    return k < len(xs) and xs[k] < hi


def _nearest_before(verbs: Verbs, start: int, lo: int, hi: int) -> tuple[int, list[int]] | None:
    """The distance of the nearest hit in [lo, hi] ending by ``start``, and the places of those as near."""
    k = bisect.bisect_right(verbs._ends, min(start, hi)) - 1
    found: tuple[int, list[int]] | None = None
    while k >= 0 and verbs._ends[k] >= lo:  # (a hit ending before lo starts before it)
        b, place, a = verbs._by_end[k]
        if found is not None and start - b > found[0]:
            break
        if a >= lo:
            found = (start - b, (found[1] if found else []) + [place])
        k -= 1
    return found


def _nearest_after(verbs: Verbs, start: int, end: int, lo: int, hi: int) -> tuple[int, list[int]] | None:
    """The distance of the nearest hit in [lo, hi] starting from ``end``, and the places of those as near
    (one that also ends by ``start``, empty at an empty expression, is as near on either side)."""
    k = bisect.bisect_left(verbs._starts, max(end, lo))
    found: tuple[int, list[int]] | None = None
    while k < len(verbs._starts) and verbs._starts[k] <= hi:  # (a hit starting after hi ends after it)
        a, place, b = verbs._by_start[k]
        if found is not None and a - end > found[0]:
            break
        if b <= hi:
            found = (a - end, (found[1] if found else []) + [place])
        k += 1
    return found


def _nearest_tense(verbs: Verbs, start: int, end: int, lo: int, hi: int) -> str | None:
    """The tense of the hit in [lo, hi], not overlapping the expression, nearest to it (the first in
    ``verbs.hits`` of those as near), by bisection over the sentence's hits."""
    sides = [f for f in (_nearest_before(verbs, start, lo, hi), _nearest_after(verbs, start, end, lo, hi)) if f]
    if not sides:
        return None
    dist = min(d for d, _ in sides)
    return verbs.hits[min(p for d, places in sides if d == dist for p in places)][2]


def _tense(verbs: Verbs, text: str, start: int, end: int, sent: tuple[int, int]) -> str | None:
    """The tense of the expression's clause: a deadline not said to have passed is ahead; else the verb
    nearest to the expression in its own clause, else in its sentence."""
    if prospective(verbs, text, start, end, sent):
        return "future"
    lo, hi = _clause(text, start, end, sent, verbs.breaks)
    return _nearest_tense(verbs, start, end, lo, hi) or _nearest_tense(verbs, start, end, *sent)


def prospective(verbs: Verbs, text: str, start: int, end: int, sent: tuple[int, int]) -> bool:
    """A deadline or plan word in the expression's clause, not said to have passed: it points ahead."""
    lo, hi = _clause(text, start, end, sent, verbs.breaks)
    return _any_in(verbs._prospective, lo, hi) and not _any_in(verbs._elapsed, lo, hi)
