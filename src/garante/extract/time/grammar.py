"""The rules of a language, compiled from its data file (``data/lang/<code>/time.yaml``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ... import lang
from ..first_chars import gated


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
    idioms: re.Pattern | None = None  # phrases with a time word that name no time ("al più presto")
    ages: tuple[tuple[re.Pattern | None, re.Pattern | None], ...] = ()  # (before, after): a count of years is an age
    since: frozenset[str] = frozenset()  # prepositions that open a span from a date ("dal 6 agosto")
    extent_tail: re.Pattern | None = None  # what ends a match outside its TimeML extent ("ora italiana")
    day_pair: re.Pattern | None = None  # a later day of the same month after a date ("April 24 [and 25]")

    @property
    def articles_a(self) -> frozenset[str]:
        """The indefinite articles that count one unit ("a", "un")."""
        return frozenset(str(w) for w, n in (self.data.get("numbers") or {}).items() if n == 1 and not str(w).isdigit()
                         and len(str(w)) <= 3)

    def lookup(self, table: str, word: str) -> Any:
        return self.data.get(table, {}).get(_norm(word))


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split()).rstrip(".")


def _alternation(words) -> str:
    """A regex alternation of words, longest first, with ' matching either apostrophe.

    Written as a tree of the words' shared beginnings ("d(?:a(?:l(?:l(?:a|e|o))?)?|el...)"), which matches
    what the flat alternation of the words longest first matched, in the same order: at a branch the
    next character decides (siblings never match the same one), and a longer word is tried before a word
    it continues. The regex engine tries the flat list word by word at every position (sixty prepositions
    before each word of a page); the tree reads each character once."""
    words = {str(w) for w in words}
    tree: dict = {}
    for w in words:
        node = tree
        for token in _tokens(w):
            node = node.setdefault(token, {})
        node[""] = {}
    if not [t for t in tree if t] or not _disjoint(tree):
        return _flat_alternation(words)
    return _branches(tree)


def _flat_alternation(words) -> str:
    out = []
    # longest first, then alphabetical: the same pattern whatever order the set gives the words in
    for w in sorted({str(w) for w in words}, key=lambda w: (-len(w), w)):
        out.append(r"\s+".join(re.escape(part).replace("'", "['’]") for part in w.split()))
    return "|".join(out) or r"(?!x)x"


_APOSTROPHE, _SPACE = "['’]", r"\s+"
_SAMPLES = {_APOSTROPHE: "'’", _SPACE: " "}


def _tokens(word: str) -> list[str]:
    """A word as the pieces of its pattern: one character each (ASCII in lower case: the patterns ignore
    case), either apostrophe for ', and \\s+ between its parts."""
    out = []
    for i, part in enumerate(word.split()):
        if i:
            out.append(_SPACE)
        out += [_APOSTROPHE if ch == "'" else re.escape(ch.lower() if ch.isascii() else ch) for ch in part]
    return out


def _disjoint(tree: dict) -> bool:
    """No two siblings of the tree match a same character (case ignored): else the flat alternation."""
    siblings = [t for t in tree if t]
    for i, a in enumerate(siblings):
        for b in siblings[i + 1:]:
            if any(re.fullmatch(a, ch, re.I) for ch in _SAMPLES.get(b, b.replace("\\", ""))) \
                    or any(re.fullmatch(b, ch, re.I) for ch in _SAMPLES.get(a, a.replace("\\", ""))):
                return False
    return all(_disjoint(sub) for sub in tree.values())


def _branches(node: dict) -> str:
    kids = [token + _branches(sub) for token, sub in sorted(node.items()) if token]
    if not kids:
        return ""
    body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(kids) == 1 else body + "?"  # greedy: the longer words first


def _prep_pattern(preps: list[str]) -> str:
    spaced = [p for p in preps if not p.endswith("'")]
    elided = [p[:-1] for p in preps if p.endswith("'")]
    parts = []
    if spaced:
        parts.append(f"(?:{_alternation(spaced)})\\s+")
    if elided:
        parts.append(f"(?:{_alternation(elided)})['’]")
    return f"(?P<prep>{'|'.join(parts)})?" if parts else ""


def _normalised_tables(data: dict) -> dict:
    """The data with the keys of its word tables as Grammar.lookup looks them up ("jeden Tag" → "jeden tag")."""
    return {k: {_norm(str(w)): v for w, v in t.items()} if isinstance(t, dict) else t for k, t in data.items()}


class TimeDataError(lang.DataFileError):
    pass


@lru_cache(maxsize=None)
def grammar(code: str | None) -> Grammar:
    code = (code or "en")[:2].lower()
    data = _normalised_tables(lang.topic(code, "time") or {})
    where = f"{lang.LANG_DIR / code / 'time.yaml'}"  # named in the errors a bad data file raises
    months = data.get("months") or {}
    bounds = _bounds(data, where)
    rules = _rules(data, _pieces(data, bounds), where)
    past, future, prospective, elapsed = _tense_patterns(data, where)
    longest: dict[int, str] = {}  # each month's longest name
    for w, n in months.items():
        if len(w) > len(longest.get(n, "")):
            longest[n] = w
    words = [*months, *(data.get("weekdays") or {}), *(data.get("relative_days") or {}),
             *(data.get("named_days") or {}), *(data.get("units") or {}),
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
                   _normed(data, "attributive"), frozenset(longest.values()), keywords,
                   focus_re, lead_words, _normed(data, "ambiguous_months"),
                   frozenset(articles), _normed(data, "forward"), classes,
                   *_not_time(data, where), _normed(data, "since_prepositions"),
                   re.compile(data["extent_tail"], re.I) if data.get("extent_tail") else None,
                   re.compile(data["day_pair"], re.I) if data.get("day_pair") else None)


def _normed(data: dict, key: str) -> frozenset[str]:
    return frozenset(_norm(w) for w in data.get(key) or [])


def _bounds(data: dict, where: str) -> list[tuple[re.Pattern, str]]:
    """The patterns of the bounds ("before", "early", "at least") with the TIMEX3 mod each gives."""
    try:
        return [(re.compile(b["pattern"], re.I), b["mod"]) for b in data.get("bounds") or []]
    except (KeyError, TypeError, re.error) as e:
        raise TimeDataError(f"{where}: bad entry under 'bounds': {e}") from e


def _pieces(data: dict, bounds: list[tuple[re.Pattern, str]]) -> dict[str, str]:
    """The named groups the rules' patterns write as {placeholders}, from the language's word tables."""
    months = data.get("months") or {}
    weekdays = data.get("weekdays") or {}
    return {
        "prep": _prep_pattern(list(data.get("prepositions") or [])),
        "month": f"(?P<month>{_alternation(months)})",
        "weekday": f"(?P<weekday>{_alternation(weekdays)})",
        "weekday2": f"(?P<weekday2>{_alternation(weekdays)})",
        "month2": f"(?P<month2>{_alternation(months)})",
        "day": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:°|º|st|nd|rd|th)?(?!\d)",
        "year": r"(?P<year>(?:19|20)\d\d)(?!\d)",
        "mod": f"(?P<mod>{_alternation(data.get('modifiers') or {})})",
        "mod_after": f"(?P<mod_after>{_alternation(data.get('modifiers') or {})})",
        "relday": f"(?P<relday>{_alternation(data.get('relative_days') or {})})",
        "number": f"(?P<number>\\d{{1,3}}|{_alternation(data.get('numbers') or {})})",
        "number2": f"(?P<number2>\\d{{1,3}}|{_alternation(data.get('numbers') or {})})",
        "unit": f"(?P<unit>{_alternation(data.get('units') or {})})",
        "this": f"(?P<this>{_alternation(data.get('this') or [])})",
        "bound": f"(?P<bound>{'|'.join(f'(?:{b.pattern})' for b, _ in bounds) or '(?!x)x'})",
        "named": f"(?P<named>{_alternation(data.get('named_days') or {})})",
        "part": f"(?P<part>{_alternation(data.get('parts_of_day') or [])})",
        "ordinal": f"(?P<ordinal>{_alternation(data.get('ordinals') or {})})",
        "season": f"(?P<season>{_alternation(data.get('seasons') or {})})",
        "ref": f"(?P<ref>{_alternation(data.get('references') or {})})",
        "setword": f"(?P<setword>{_alternation(data.get('set_words') or {})})",
        "dmod": f"(?P<dmod>{_alternation(data.get('duration_mods') or {})})",
        "tz": f"(?P<tz>{_alternation(data.get('timezones') or [])})",
    }


def _rules(data: dict, pieces: dict[str, str], where: str) -> list[Rule]:
    rules = []
    for i, r in enumerate(data.get("rules") or []):
        try:
            body = re.sub(r"\{(\w+)\}", lambda m: pieces[m.group(1)], r["pattern"])
            # a rule marked after_range matches only right after "15-" ("il 15-17 marzo"), where others may not
            before = r"(?<=\d[-–])" if r.get("after_range") else r"(?<![\w/.$€£#-])"
            regex = gated(re.compile(rf"{before}(?:{body})(?!\w)", re.I))  # same matches, fewer positions tried
            rules.append(Rule(r["name"], r["kind"], regex, tuple(r.get("requires") or ()),
                              tuple(r.get("capitalized") or ()), tuple(r.get("full_names") or ()),
                              _needed(r["pattern"]) | frozenset(r.get("needs") or ())))
        except KeyError as e:
            raise TimeDataError(f"{where}: rule {i + 1} ({r.get('name')!r}): unknown key or placeholder {e}") from e
        except re.error as e:
            raise TimeDataError(f"{where}: rule {i + 1} ({r.get('name')!r}): bad pattern: {e}") from e
    return rules


def _tense_patterns(data: dict, where: str) -> tuple[list[re.Pattern], ...]:
    """The past, future, prospective and elapsed patterns of the language's 'tense' table."""
    tense = data.get("tense") or {}
    try:
        return tuple([re.compile(p, re.I) for p in tense.get(k, [])]
                     for k in ("past", "future", "prospective", "elapsed"))
    except re.error as e:
        raise TimeDataError(f"{where}: bad pattern under 'tense': {e}") from e


def _not_time(data: dict, where: str) -> tuple[re.Pattern | None, tuple]:
    """The idioms and the age contexts of a language, compiled."""
    idioms = data.get("idioms") or []
    idioms_re = re.compile(rf"(?<!\w)(?:{_alternation(idioms)})(?!\w)", re.I) if idioms else None
    try:
        ages = tuple((re.compile(a["before"]) if a.get("before") else None,
                      re.compile(a["after"]) if a.get("after") else None) for a in data.get("ages") or [])
    except (AttributeError, TypeError, re.error) as e:
        raise TimeDataError(f"{where}: bad entry under 'ages': {e}") from e
    return idioms_re, ages
