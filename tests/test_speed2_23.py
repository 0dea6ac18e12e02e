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
