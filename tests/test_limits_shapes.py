"""Work per document bounded for shapes articles seldom have (benchmarks/bench_shapes.py): a trailing tag's
marks are looked for in the tail of the sentence a tag can reach, not in the whole sentence for each cue
(a sentence of thousands of words without punctuation took time quadratic in its length). The lookup must
give the marks the whole scan gave, up to where the reading stops."""
from __future__ import annotations

import random

import pytest

from garante.extract.attribution.base import _words
from garante.extract.attribution.placement import _MARK, _REACH, _marks_last_first

MARKS = [",", ",”", "»,", " –", " —", "”", ",“", "’,", " -", ",,", "\","]
WORDS = ["il", "ministro", "ha", "detto", "che", "the", "guarantees", "l'Ucraina", "2025", "12,5", "Kyiv's",
         "sicurezza", "x", "è", "straordinariamente", "—", "3"]


def read(marks, before: str) -> list[tuple]:
    """The marks ``_tag_placement`` reads, in order: up to the first with more than _REACH words after it."""
    out = []
    for m in marks:
        if _words(before[m.end():]) > _REACH:
            break
        out.append((m.span(), m.group(1)))
    return out


def sentence_before_cue(rng: random.Random, every: int, length: int) -> str:
    """Words of our own with a mark every ``every`` words (or at random), as the text before a cue."""
    out = []
    for k in range(length):
        out.append(rng.choice(WORDS))
        if every and k % every == every - 1 or not every and rng.random() < 0.1:
            out.append(rng.choice(MARKS))
    return " ".join(out) + rng.choice(["", " ", ", ", "” "])


@pytest.mark.parametrize("every", [0, 1, 2, 5, 17, 18, 19, 20, 23, 30, 60])
def test_tail_marks_read_as_the_whole_scan(every):
    rng = random.Random(every)
    for length in (0, 1, 5, 18, 19, 22, 23, 24, 30, 60, 200, 1500):
        for _ in range(8):
            before = sentence_before_cue(rng, every, length)
            whole = list(_MARK.finditer(before))[::-1]
            assert read(_marks_last_first(before), before) == read(whole, before), before


def test_a_long_run_without_words_is_scanned_back_far_enough():
    # numbers are no words: the tail grows until it holds enough words, or is the whole text
    before = "Il ministro, " + " ".join(str(n) for n in range(3000)) + ", "
    whole = list(_MARK.finditer(before))[::-1]
    assert read(_marks_last_first(before), before) == read(whole, before)
    assert [m.start() for m in _marks_last_first(before)][-1] == before.index(",")


def test_a_long_sentence_is_not_scanned_whole():
    before = " ".join(["parola"] * 20000) + ", "
    tail = _marks_last_first(before)
    assert [m.start() for m in tail] == [len(before) - 2]
    assert tail[0].pos > len(before) - 1000  # the scan began in the tail


def test_role_index_answers_as_the_scan_over_mentions():
    # entities._stated_of / stated_independent read an index of an ordered mention list, built once, where
    # they scanned every mention for each statement (statements x mentions on a long page)
    from garante.document import Span
    from garante.extract.entities import _stated_of, stated_independent
    from garante.extract.ordered import Ordered

    class KB:  # only what the two functions read: an independent body, and what a body is part of
        def independent(self, of):
            return of == "org:think_tank"

        def top(self, of):
            return of

    spans = [Span(0, 5, "mention", "PER", {"entity_id": "x:anna_verdi"}),
             Span(10, 20, "mention", "PER", {"entity_id": "x:anna_verdi", "of": "org:think_tank"}),
             Span(30, 40, "mention", "PER", {"entity_id": "x:anna_verdi", "of": "ukraine"}),
             Span(50, 60, "mention", "PER", {"entity_id": "x:oleg_petrenko", "private": True}),
             Span(70, 80, "mention", "GPE", {"of": "russia"}),
             Span(90, 99, "mention", "PER", {"entity_id": "x:mark_bell", "of": ""})]
    ids = ["x:anna_verdi", "x:oleg_petrenko", "x:mark_bell", "x:nobody", None]
    ordered = Ordered(spans)
    for entity_id in ids:
        assert _stated_of(entity_id, ordered) == _stated_of(entity_id, list(spans))
        assert stated_independent(KB(), entity_id, ordered) == stated_independent(KB(), entity_id, list(spans))
    assert _stated_of("x:anna_verdi", ordered) == "org:think_tank"  # the first role phrase, not the last
    assert stated_independent(KB(), "x:oleg_petrenko", ordered) and not stated_independent(KB(), "x:mark_bell", ordered)
    ordered.append(Span(100, 110, "mention", "PER", {"entity_id": "x:mark_bell", "of": "italy"}))
    assert _stated_of("x:mark_bell", ordered) == "italy"  # a list grown since is indexed again
