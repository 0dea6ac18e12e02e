"""A compiled pattern that tries a position only where a match can start: the same matches, found sooner.

Python's ``re`` skips ahead to where a match can begin only when the pattern starts with a literal or a
character set it can read without case folding; a case-insensitive pattern that opens with an optional
group ("{prep}" of the time rules: sixty prepositions) is tried at every position of the text, each of its
alternatives in turn. ``gated`` reads, from the parsed pattern, every character a match's first consumed
character can be, and puts a lookahead of that set before the pattern: ``(?=[...])(?:pattern)``. The
lookahead only refuses positions where the pattern itself could consume no first character, so every match,
its span and its groups are the same; where the set cannot be told exactly (a dot, a negated set, a
back-reference, a pattern that can match the empty string, flags set inside it) the pattern is kept as is."""
from __future__ import annotations

import re
from re import _constants as C  # noqa: the parser's opcodes (Python 3.11+)
from re import _parser as P  # noqa

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(op for op in (getattr(C, n, None) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)
_ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)


class _Unknown(Exception):
    """The first characters of a piece cannot be told (the pattern stays as it is)."""


def _first(items) -> tuple[set, bool]:
    """The class members a sequence's first consumed character can be, and whether it can consume none."""
    out: set = set()
    for op, av in items:
        first, empty = _first_of(op, av)
        out |= first
        if not empty:
            return out, False
    return out, True


def _first_of(op, av) -> tuple[set, bool]:
    if op is C.LITERAL:
        return {("literal", av)}, False
    if op is C.IN:
        members = set()
        for o, a in av:
            if o is C.LITERAL:
                members.add(("literal", a))
            elif o is C.RANGE:
                members.add(("range", tuple(a)))
            elif o is C.CATEGORY and a in _CATEGORIES:
                members.add(("category", a))
            else:  # a negated set, or what a parse of a str pattern does not give
                raise _Unknown
        return members, False
    if op is C.BRANCH:
        out, empty = set(), False
        for alternative in av[1]:
            first, e = _first(alternative)
            out |= first
            empty |= e
        return out, empty
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:  # (?i:...), (?-i:...): another case folding inside
            raise _Unknown
        return _first(sub)
    if op in _REPEATS:
        low, _high, sub = av
        first, empty = _first(sub)
        return first, empty or low == 0
    if op in _ZERO_WIDTH:  # a lookaround, ^, \b: consume nothing, the next item's character comes first
        return set(), True
    if getattr(C, "ATOMIC_GROUP", None) is op:
        return _first(av)
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


def _member(kind: str, value) -> str:
    if kind == "literal":
        return f"\\U{value:08x}"
    if kind == "range":
        return f"\\U{value[0]:08x}-\\U{value[1]:08x}"
    return _CATEGORIES[value]


_ANCHORS = (C.AT_BEGINNING, C.AT_BEGINNING_STRING)


def first_class(regex: re.Pattern) -> str | None:
    """A character class (``[...]``) of every character a match of ``regex`` can start with, read with the
    pattern's own flags; None where it cannot be told, or where a match can be empty."""
    return first_class_of(regex.pattern, regex.flags)


def first_class_of(pattern: str, flags: int = 0) -> str | None:
    """``first_class`` of a pattern not yet compiled (``pattern`` read with ``flags``). None also for a
    pattern anchored at the text's start: the engine tries it at one position only, and a lookahead put
    before the anchor would make it try them all."""
    if not isinstance(pattern, str) or flags & (re.VERBOSE | re.LOCALE):
        return None
    try:
        parsed = P.parse(pattern, flags)
        if parsed.state.flags & (re.VERBOSE | re.LOCALE):  # (?x) written inside the pattern
            return None
        if len(parsed) and parsed[0][0] is C.AT and parsed[0][1] in _ANCHORS:
            return None
        first, empty = _first(parsed)
    except (_Unknown, re.error, TypeError, ValueError):
        return None
    if empty or not first:
        return None
    return "[" + "".join(_member(k, v) for k, v in sorted(first, key=repr)) + "]"


def gated(regex: re.Pattern) -> re.Pattern:
    """``regex`` with a lookahead of its first characters before it (same matches), or ``regex`` itself."""
    cls = first_class(regex)
    if cls is None:
        return regex
    try:
        out = re.compile(f"(?={cls})(?:{regex.pattern})", regex.flags)
    except re.error:  # e.g. flags written at the pattern's start, which may stand nowhere else
        return regex
    return out if out.groupindex == regex.groupindex and out.groups == regex.groups else regex
