"""The time rules' first-character gate (extract/first_chars.py): the same matches, fewer positions tried."""
import re

import pytest

from garante.extract.first_chars import first_class, gated
from garante.extract.time.grammar import grammar
from garante.extract.time.matching import find

# sentences of our own, each with time expressions the rules read (with and without a preposition)
TEXTS = {
    "it": ["Il ministro ha detto che entro il 3 marzo la bozza sarà pronta, e che dal 2024 nulla è cambiato.",
           "ENTRO IL 12 GIUGNO 2025 le delegazioni torneranno a Ginevra; l'incontro di lunedì è alle 10:30.",
           "Tre settimane fa, nell'estate del 2023, i colloqui erano fermi da due anni e mezzo."],
    "en": ["The envoy said on Tuesday that by March 3 the draft would be ready, as it was in 2024.",
           "ON 12 JUNE 2025 the delegations met again; the talks of last week began at 10:30 a.m.",
           "Three weeks ago, in the summer of 2023, the negotiations had stalled for two and a half years."],
}


def _plain(rule_regex: re.Pattern) -> re.Pattern:
    """The rule's pattern as it was before the gate."""
    pattern = rule_regex.pattern
    assert pattern.startswith("(?=[") and pattern.endswith(")")
    return re.compile(pattern[pattern.index("(?:") + 3:-1], rule_regex.flags)


@pytest.mark.parametrize("code", ["it", "en"])
def test_every_rule_is_gated_and_matches_as_before(code):
    g = grammar(code)
    fired = 0
    for rule in g.rules:
        plain = _plain(rule.regex)
        for text in TEXTS[code]:
            old = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)] == old
            fired += bool(old)
    assert fired >= 10  # the texts do make the rules fire


def test_gated_rules_find_prepositions_and_upper_case():
    found = {(m.groups.get("prep"), m.groups.get("day"), m.groups.get("month"))
             for m in find(TEXTS["it"][1], grammar("it"))}
    assert ("ENTRO IL ", "12", "GIUGNO") in found
    found = {(m.groups.get("prep"), m.groups.get("day"), m.groups.get("month"))
             for m in find(TEXTS["it"][0], grammar("it"))}
    assert ("entro il ", "3", "marzo") in found


def test_first_class_reads_optional_groups_and_case():
    cls = re.compile(first_class(re.compile(r"(?<!\w)(?:(?:in|on)\s+)?\d+", re.I)), re.I)
    assert all(cls.match(c) for c in "ioIO7")
    assert not any(cls.match(c) for c in "xa ")
    # a pattern that may consume nothing first: an optional item, then another
    cls = re.compile(first_class(re.compile(r"(?:x|)y")))
    assert cls.match("x") and cls.match("y") and not cls.match("z")


@pytest.mark.parametrize("pattern", [r"a?", r".x", r"[^x]y", r"(a)?\1b", r"(?i:ab)c", r"(?i)abc"])
def test_patterns_whose_first_character_cannot_be_told_stay_as_they_are(pattern):
    regex = re.compile(pattern)
    assert gated(regex) is regex


def test_gated_keeps_groups_and_spans():
    regex = re.compile(r"(?P<prep>(?:dal|entro)\s+)?(?P<year>(?:19|20)\d\d)", re.I)
    g = gated(regex)
    assert g is not regex and g.groupindex == regex.groupindex
    text = "Dal 2022 a oggi, e forse entro 2030: 1999x"
    assert [(m.span(), m.groups()) for m in g.finditer(text)] == [(m.span(), m.groups()) for m in regex.finditer(text)]
    assert [m.group(0) for m in g.finditer(text)] == ["Dal 2022", "entro 2030", "1999"]


# the word lists the time grammars are written with, as a tree of shared beginnings (grammar._alternation)
from garante import lang as _lang  # noqa: E402
from garante.extract.time.grammar import _alternation, _flat_alternation  # noqa: E402


def _word_lists(code):
    data = _lang.topic(code, "time") or {}
    for key, value in data.items():
        if isinstance(value, (list, dict)) and value and all(isinstance(w, (str, int)) for w in value):
            yield key, [str(w) for w in value]


@pytest.mark.parametrize("code", ["it", "en", "fr", "de", "es"])
def test_word_tree_matches_as_the_flat_alternation(code):
    lists = list(_word_lists(code))
    assert len(lists) >= 5
    for key, words in lists:
        tree = re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.I)
        flat = re.compile(rf"(?<!\w)(?:{_flat_alternation(words)})(?!\w)", re.I)
        # every word, alone, in capitals, glued to the next, and followed by a longer word of the list
        sample = " ".join(words) + " | " + " ".join(w.upper() for w in words) + " | " + "".join(words) \
            + " | " + " ".join(a + " " + b for a, b in zip(words, sorted(words, key=len, reverse=True))) \
            + " " + " ".join(TEXTS.get(code, []))
        assert [(m.span(), m.group(0)) for m in tree.finditer(sample)] == \
            [(m.span(), m.group(0)) for m in flat.finditer(sample)], key
        # inside a pattern that needs more after the word: the same backtracking to a shorter word
        tail = re.compile(rf"(?:{_alternation(words)})\s+\d", re.I)
        tail_flat = re.compile(rf"(?:{_flat_alternation(words)})\s+\d", re.I)
        bare, bare_flat = re.compile(_alternation(words), re.I), re.compile(_flat_alternation(words), re.I)
        assert [m.span() for m in bare.finditer(sample)] == [m.span() for m in bare_flat.finditer(sample)], key
        probe = " ".join(w + " 1" for w in words)
        assert [m.span() for m in tail.finditer(probe)] == [m.span() for m in tail_flat.finditer(probe)], key


def test_word_tree_shape_and_its_limits():
    words = ["a", "ad", "a partire dal", "al", "alla", "l'"]
    assert _alternation(words) == r"(?:a(?:\s+partire\s+dal|d|l(?:la)?)?|l['’])"
    regex = re.compile(rf"(?:{_alternation(words)})\s+(\d+)", re.I)
    # alone, the longest word first (as the flat alternation, longest first); then the longest that lets the
    # rest match
    assert [re.match(_alternation(words), t, re.I).group(0) for t in ("alla x", "a partire dal", "adx", "a x")] \
        == ["alla", "a partire dal", "ad", "a"]
    assert regex.match("alla 3").group(0) == "alla 3"
    assert regex.match("A  PARTIRE   DAL 3").group(0) == "A  PARTIRE   DAL 3"
    assert re.fullmatch(_alternation(words), "l’", re.I) and re.fullmatch(_alternation(words), "L'", re.I)
    # an empty word: optional, as in the flat alternation; none at all: matches nothing
    assert re.fullmatch(rf"x(?:{_alternation(['', 'y'])})", "x") and re.fullmatch(rf"x(?:{_alternation(['', 'y'])})", "xy")
    assert _alternation([]) == _alternation([""]) == r"(?!x)x"
    # siblings that match a same character (case folded, or an apostrophe either way): the flat alternation
    # (words of one length come in the set's order: compared as sets of alternatives)
    for words in (["k", "\u212a"], ["dell'", "dell’a"]):
        assert "(?:" not in _alternation(words)
        assert sorted(_alternation(words).split("|")) == sorted(_flat_alternation(words).split("|"))
