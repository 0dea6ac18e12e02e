"""Analysis time linear in a document's length (issue 16): the rules look spans up by bisection instead
of scanning the whole document for each cue, quote or statement. These tests check that the lookups
give what the scans gave, on the spans of real analysed articles (timing is benchmarks/bench_length.py's
business, not a test's)."""
from __future__ import annotations

from pathlib import Path

import pytest

from garante import analyse_text
from garante.extract.ordered import Ordered
from garante.extract.statements import find_quotes, lexicon
from garante.extract.stances import statement_windows
from garante.extract.timex import date_at

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def docs():
    return [analyse_text((EXAMPLES / name).read_text(encoding="utf-8"))
            for name in ("it_2025-09_parigi.txt", "en_2025-08_white_house.txt")]


def windows(doc):
    """Every window of the text a rule may ask about, at word-ish steps, with empty and reversed ones."""
    n = len(doc.text)
    points = sorted({0, n, *range(0, n, 37), *(s.start for s in doc.spans[:200]), *(s.end for s in doc.spans[:200])})
    return [(a, b) for a in points[::3] for b in (a - 5, a, a + 1, a + 40, a + 300)]


@pytest.mark.parametrize("layer", ["mention", "timex", "sentence", "zone"])
def test_ordered_lookups_equal_scans(docs, layer):
    assert any(doc.layer(layer) for doc in docs), layer
    for doc in docs:
        spans = doc.layer(layer)
        index = Ordered(spans)
        assert list(index) == spans  # the layer's order kept
        for lo, hi in windows(doc):
            assert index.starting(lo, hi) == [s for s in spans if lo <= s.start < hi]
            assert index.starting_through(lo, hi) == [s for s in spans if lo <= s.start <= hi]
            assert index.overlapping(lo, hi) == [s for s in spans if s.start < hi and s.end > lo]
            assert index.covering(lo) == [s for s in spans if s.start <= lo < s.end]
            assert index.first_covering(lo) == next((s for s in spans if s.start <= lo < s.end), None)
            assert list(index.indices_starting(lo, hi)) == [k for k, s in enumerate(spans) if lo <= s.start < hi]


def test_overlapping_spans_are_looked_up_as_scanned():
    # nested and crossing spans (mentions inside longer names, quotes in quotes)
    pairs = [(0, 50), (3, 8), (5, 30), (5, 6), (12, 12), (20, 60), (31, 33), (55, 56)]
    index = Ordered.of_pairs(pairs)
    in_order = sorted(pairs, key=lambda p: p[0])  # by start, the given order kept among equal starts
    assert not index.disjoint and Ordered.of_pairs([(0, 3), (3, 9), (12, 20)]).disjoint
    for pos in range(-2, 64):
        assert index.covering(pos) == [p for p in in_order if p[0] <= pos < p[1]]
        assert index.first_covering(pos) == next((p for p in in_order if p[0] <= pos < p[1]), None)
        for width in (0, 1, 7, 40):
            assert index.overlapping(pos, pos + width) == [p for p in in_order if p[0] < pos + width and p[1] > pos]


QUOTES = ("Il ministro ha detto: «Non firmeremo “nessun accordo” senza l'Europa», poi ha aggiunto che «il piano "
          "resta “sul tavolo”, come ‘ultima’ opzione». Un «titolo senza chiusura e un “altro\n\n"
          "Nel secondo paragrafo: \"Siamo pronti\", ha detto Peskov, \"ma non a ogni costo\". L'«accordo» c'è.")


def test_quote_parents_are_the_nearest_enclosing_quote():
    for text, lang in [(QUOTES, "it")] + [((EXAMPLES / f).read_text(encoding="utf-8"), f[:2])
                                           for f in ("it_2025-09_parigi.txt", "en_2025-08_white_house.txt")]:
        quotes = find_quotes(text, 0, len(text), lexicon(lang))
        assert any(q.parent is not None for q in quotes) or text is not QUOTES  # (ours has quotes in quotes)
        for i, q in enumerate(quotes):  # the definition: the nearest earlier quote that holds it
            parent = next((j for j in range(i - 1, -1, -1)
                           if quotes[j].open < q.open and q.close <= quotes[j].close), None)
            assert q.parent == parent
            assert q.depth == (0 if parent is None else quotes[parent].depth + 1)


def test_dating_with_the_ordered_layers_equals_dating_by_scan(docs):
    for doc in docs:
        layers = (Ordered(doc.layer("sentence")), Ordered(doc.layer("timex")))
        assert doc.statements
        for st in doc.statements:
            for a, b in ((st.content_start, st.content_end), (st.cue_start or 0, st.cue_end or 0)):
                assert date_at(doc, a, b, layers) == date_at(doc, a, b)


def test_stance_windows_equal_a_scan_over_every_sentence(docs):
    for doc in docs:
        sentences = [(s.start, s.end) for s in doc.layer("sentence")]
        starts = sorted(st.content_start for st in doc.statements)
        expected = []
        for st in doc.statements:  # the scan the windows were made with before
            start, end = st.content_start, st.content_end
            ws, we = start, end
            for a, b in sentences:
                if b > start and a < end:
                    ws, we = min(ws, a), max(we, b)
            if "?" in doc.text[max(start, end - 3):end + 2]:
                we = next((max(we, b) for a, b in sentences if we - 1 <= a <= we + 3),
                          max(we, min(len(doc.text), end + 40)))
            nxt = [s for s in starts if s >= end]
            we = nxt[0] if nxt and nxt[0] < we else we
            before = [a for a, b in sentences if b <= ws]
            prev = max(before) if before and "\n\n" not in doc.text[max(before):ws] else ws
            expected.append((prev, ws, we))
        assert statement_windows(doc) == expected
