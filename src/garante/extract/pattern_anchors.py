"""Which patterns can match a text at all, told by the literal words every match must contain.

Written for the stance layer, which tries a few hundred codebook cues and stance cues on every
statement's window, most naming words the window does not have; the time layer's event names use it too. Each pattern gets its *anchors*: literal strings (ASCII, lower
case) one of which every match contains ("garanzi" for ``garanzi\\w+ (?:di sicurezza )?vincolant\\w+``);
a pattern none of whose anchors is in the window's folded text cannot match anywhere in it, so it is
not tried. The test is exact: the same matches as trying every pattern (a pattern whose anchors cannot
be told is always tried).
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from re import _casefix, _constants as c, _parser  # type: ignore[attr-defined]
from typing import Sequence, TypeVar

T = TypeVar("T")

# re's IGNORECASE lets "ı" match "i" and "ſ" match "s" (its extra cases); "İ".lower() adds a dot above
_FOLD = {0x0307: None}
for _code, _others in _casefix._EXTRA_CASES.items():
    for _o in (_code, *_others):
        if chr(_code).isascii() and not chr(_o).isascii():
            _FOLD[_o] = chr(_code)


# The characters the mapping changes: a text without them (nearly every one) is only lowered; translating
# it anyway walked it character by character through a dict (a tenth of a millisecond a page, per window).
_FOLDED = re.compile("[" + "".join(re.escape(chr(k)) for k in _FOLD) + "]")


def fold(text: str) -> str:
    """The text as the anchors are written: lower case, re's extra case pairs mapped to ASCII."""
    low = text.lower()
    return low.translate(_FOLD) if _FOLDED.search(low) else low


def trigrams(text: str) -> frozenset[str]:
    """Every run of three characters of ``text``. A string of three characters or more is in ``text`` only
    if each of its own trigrams is there: the set tells, in one pass over the text, most of the hundreds
    of anchors a document lacks, which a search of the whole text apiece found one by one. (Each run joined
    from three shifted copies of the text, in C: a quarter faster than slicing in a Python loop.)"""
    return frozenset(map("".join, zip(text, text[1:], text[2:])))


# (text, its trigrams) of the last text asked: the time and stance layers fold the same text. One tuple,
# read and replaced whole, so that a thread never takes one text's trigrams for another's.
_LAST_TRIGRAMS: list[tuple[str, frozenset[str]]] = [("", frozenset())]


def text_trigrams(text: str) -> frozenset[str]:
    """``trigrams(text)``, kept for the last text asked (a document's folded text is asked by two layers)."""
    last, grams = _LAST_TRIGRAMS[0]
    if last is not text and last != text:
        grams = trigrams(text)
        _LAST_TRIGRAMS[0] = (text, grams)
    return grams


def gram_filter(strings) -> list[tuple[str, frozenset[str] | None]]:
    """Each string with its trigrams (None for a string of two characters, looked for as it is)."""
    return [(a, trigrams(a) if len(a) >= 3 else None) for a in strings]


def present_in(filtered: list[tuple[str, frozenset[str] | None]], text: str, grams: frozenset[str]) -> list[str]:
    """The strings (in their order) that occur in ``text``, whose trigrams are ``grams``: exactly those
    ``a in text`` keeps, the trigrams only sparing the search where one is missing."""
    return [a for a, g in filtered if (g is None or g <= grams) and a in text]


def any_present(filtered: list[tuple[str, frozenset[str] | None]], text: str, grams: frozenset[str]) -> bool:
    """Whether one of the strings occurs in ``text``: ``bool(present_in(...))``, stopping at the first."""
    return any((g is None or g <= grams) and a in text for a, g in filtered)


@lru_cache(maxsize=None)
def anchors(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains; None where they cannot be told."""
    try:
        found = _seq(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unusual construct: always tried
        return None
    return frozenset(found) if found and all(len(a) >= 2 for a in found) else None


def _score(options: set[str] | None) -> int:
    return min((len(a) for a in options), default=0) if options else 0


def _seq(seq) -> set[str] | None:
    """The best anchor set of a sequence: its longest literal run, or a required group's set."""
    best: set[str] | None = None
    run = ""
    for op, av in list(seq) + [(None, None)]:
        if op == c.LITERAL and chr(av).isascii():
            run += chr(av).lower()
            continue
        if run and _score({run}) > _score(best):
            best = {run}
        run = ""
        options = _item(op, av)
        if options and _score(options) > _score(best):
            best = options
    return best


def _item(op, av) -> set[str] | None:
    """Anchors of one required item (a group, an alternation, a repeat at least once), else None."""
    if op == c.SUBPATTERN:
        return _seq(av[-1])
    if op == c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            found = _seq(alt)
            if not found:
                return None  # an alternative with no anchor: the alternation has none
            out |= found
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _seq(av[2])
    return None


@lru_cache(maxsize=None)
def required(pattern: str, flags: int = re.IGNORECASE) -> tuple[frozenset[str], ...] | None:
    """Every anchor set a match of ``pattern`` must satisfy at once (each: one of its strings is in the
    match): each literal run and each required group of the pattern's top-level sequence, and of the
    required groups within it. Sharper than ``anchors`` (its one best set), as exact: a text that lacks
    a string of every option of one set cannot hold a match. None where no set can be told."""
    try:
        found = _required_seq(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unusual construct: always tried
        return None
    found = [s for s in found if s and all(len(a) >= 2 for a in s)]
    return tuple(dict.fromkeys(frozenset(s) for s in found)) or None


def _required_seq(seq) -> list[set[str]]:
    out: list[set[str]] = []
    run = ""
    for op, av in list(seq) + [(None, None)]:
        if op == c.LITERAL and chr(av).isascii():
            run += chr(av).lower()
            continue
        if run:
            out.append({run})
        run = ""
        if op == c.SUBPATTERN:
            out += _required_seq(av[-1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            out += _required_seq(av[2])
        else:
            options = _item(op, av)
            if options:
                out.append(options)
    return out


class Prefilter:
    """Patterns with their anchors, to pick the ones that may match a text."""

    def __init__(self, items: Sequence[T], pattern_of=lambda x: x):
        self.items = list(items)
        self.always: list[int] = []  # patterns whose anchors cannot be told
        self.by_anchor: dict[str, list[int]] = {}  # each anchor looked for once, whatever shares it
        for i, x in enumerate(self.items):
            found = anchors(pattern_of(x).pattern, pattern_of(x).flags)
            if found is None:
                self.always.append(i)
            for a in sorted(found or ()):
                self.by_anchor.setdefault(a, []).append(i)
        self.grams = gram_filter(self.by_anchor)

    def candidates(self, text: str) -> list[T]:
        """The items whose pattern may match somewhere in ``text`` (in their order)."""
        return self.candidates_folded(fold(text))

    def candidates_folded(self, low: str) -> list[T]:
        """The same, for a text already folded (``fold``)."""
        hits = set(self.always)
        by_anchor = self.by_anchor
        for a in self._present():
            if a in low:
                hits.update(by_anchor[a])
        return [self.items[i] for i in sorted(hits)]

    def _present(self):
        """The anchors to look for: inside ``document_scope``, only those the document has at all (its
        windows are parts of it), found once per document; else all."""
        scope = _SCOPE.get()
        if scope is None:
            return self.by_anchor
        text, found = scope
        present = found.get(id(self))
        if present is None:
            grams = found.get(0)
            if grams is None:
                grams = found[0] = text_trigrams(text)  # once per document, for every prefilter
            present = found[id(self)] = present_in(self.grams, text, grams)
        return present


# The folded text of the document being classified, and the anchors each prefilter found in it (under
# the prefilter's id; under 0 the text's trigrams).
_SCOPE: ContextVar[tuple[str, dict] | None] = ContextVar("stance_anchor_scope", default=None)


@contextmanager
def document_scope(text: str):
    """Within it, every text given to a prefilter is a part of ``text`` (a statement's window or content):
    the anchors ``text`` lacks are not looked for again in each part. Anchors are ASCII, and folding maps
    each character on its own, so a part holds no anchor its document lacks: the same candidates."""
    token = _SCOPE.set((fold(text), {}))
    try:
        yield
    finally:
        _SCOPE.reset(token)


_PREFILTERS: dict[int, tuple[object, Prefilter]] = {}


def prefilter(items: Sequence[T], pattern_of=lambda x: x) -> Prefilter:
    """One prefilter per list of patterns (the codebook's cues of a language, a lexicon's class)."""
    key = id(items)
    hit = _PREFILTERS.get(key)
    if hit is None or hit[0] is not items:
        hit = (items, Prefilter(items, pattern_of))
        _PREFILTERS[key] = hit
    return hit[1]


def narrowed(lex: dict[str, list[re.Pattern]], text: str) -> dict[str, list[re.Pattern]]:
    """A lexicon (class -> patterns) with only the patterns that may match ``text``: every anchor of the
    lexicon looked for once."""
    pairs = _LEXICONS.get(id(lex))
    if pairs is None or pairs[0] is not lex:
        flat = [(key, p) for key, pats in lex.items() for p in pats]
        pairs = _LEXICONS[id(lex)] = (lex, Prefilter(flat, lambda kp: kp[1]))
    out: dict[str, list[re.Pattern]] = {key: [] for key in lex}
    for key, p in pairs[1].candidates(text):
        out[key].append(p)
    return out


_LEXICONS: dict[int, tuple[dict, Prefilter]] = {}
