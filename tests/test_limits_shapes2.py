"""Work per document bounded (benchmarks/bench_shapes.py): the time tagger reads each sentence's clause
breaks, quotation marks and tense verbs once, and answers for each expression by bisection (a scan of the
sentence for every expression made one long unpunctuated sentence quadratic); a live blog's statements
read the body's start, the speaker mention's label and the timex at a token from an index, not by a scan
of every zone, mention or timex. Each fast answer must be the plain scan's, on texts of our own."""
from __future__ import annotations

import random

import pytest

from garante.document import Document, Span, Statement
from garante.extract.attribution.merge import label_kinds
from garante.extract.attribution.sources import in_timex
from garante.extract.time.matching import (Breaks, QuoteMarks, Verbs, _any_in, _clause, _inside_quotes,
                                           _nearest_tense)

QUOTED = [
    "«Le garanzie “non sono ‘negoziabili’ oggi”», ha detto l’ambasciatore il 3 marzo.",
    "He said “we’ll meet on ‘Tuesday’ in Geneva” and the minister’s aide added \"by Friday\" too.",
    "‘Domani’ e l’11 marzo: «entro giugno» dice l’inviato, “poi ‘luglio’”.",
    "Il portavoce ’ ha detto ‘ oggi « ieri » ” domani \" lunedì ’90 ‘x’y’ fine’.",
    "“Unclosed ‘single and «double since 2022",
]
BROKEN = [
    "Il ministro, che ieri ha detto – lo ha ripetuto oggi – che entro giugno; poi (forse) a luglio.",
    "Talks - - on Friday - and later: “by May”, he said \"soon\" — or not.",
    "a - b - c -- d – e — f, g; h: i (j) k « l » m “ n ” o",
    "nessuna pausa in questa lunga frase senza punteggiatura fino alla fine",
]


def _sentences():
    """Each text alone, and after a prefix: a sentence that does not start at offset 0."""
    for text in QUOTED + BROKEN:
        yield text, 0, len(text)
        prefixed = "Titolo «aperto.\n\n" + text + " Dopo."
        yield prefixed, 17, 17 + len(text)


@pytest.mark.parametrize("text,lo,hi", list(_sentences()))
def test_quote_marks_answer_as_the_scan_at_every_offset(text, lo, hi):
    marks = QuoteMarks(text, lo, hi)
    for offset in range(lo, hi + 1):
        assert marks.inside(offset) == _inside_quotes(text[lo:offset], offset - lo), (text, offset)


def test_quote_marks_are_not_all_outside():
    text = QUOTED[0]
    marks = QuoteMarks(text, 0, len(text))
    answers = {marks.inside(k) for k in range(len(text))}
    assert answers == {True, False}
    assert marks.inside(text.index("negoziabili"))  # inside ‘…’ inside “…” inside «…»
    assert not marks.inside(text.index("il 3 marzo"))


@pytest.mark.parametrize("text,lo,hi", list(_sentences()))
def test_clause_breaks_answer_as_the_search_for_every_span(text, lo, hi):
    breaks = Breaks(text, lo, hi)
    for start in range(lo, hi):
        for end in range(start + 1, min(hi, start + 12) + 1):
            fast = _clause(text, start, end, (lo, hi), breaks)
            assert fast == _clause(text, start, end, (lo, hi)), (text, start, end)


def test_a_break_across_the_end_is_read_as_the_search_reads_it():
    # " - - ": the scan reads " - " at 5; a search from 7 (inside it) reads " - " at 7, which the scan passed
    text = "Talks - - on Friday"
    breaks = Breaks(text, 0, len(text))
    assert breaks.clause(0, 7) == _clause(text, 0, 7, (0, len(text))) == (0, 7)


def _nearest_by_scan(verbs: Verbs, start: int, end: int, lo: int, hi: int):
    """The plain reference: every hit of the sentence read for each expression."""
    best = None
    for a, b, tense in verbs.hits:
        if a < lo or b > hi or (a < end and start < b):
            continue
        dist = start - b if b <= start else a - end
        if best is None or dist < best[0]:
            best = (dist, tense)
    return best[1] if best else None


@pytest.mark.parametrize("seed", range(12))
def test_nearest_tense_is_the_scans(seed):
    rng = random.Random(seed)
    size = rng.choice([30, 80, 400])
    hits = []
    for _ in range(rng.randint(0, 40)):
        a = rng.randrange(size)
        hits.append((a, a + rng.randint(1, 8), rng.choice(["past", "future", "present"])))
    verbs = Verbs(hits, [], [])
    for _ in range(400):
        lo = rng.randrange(size)
        hi = rng.randint(lo, size + 8)
        start = rng.randint(max(0, lo - 3), hi)
        end = start + rng.randint(0, 10)
        assert _nearest_tense(verbs, start, end, lo, hi) == _nearest_by_scan(verbs, start, end, lo, hi), \
            (hits, start, end, lo, hi)


def test_of_hits_as_near_the_first_listed_is_taken():
    # two verbs end as near before the expression, and one starts as near after it: the first listed wins
    verbs = Verbs([(20, 24, "future"), (2, 8, "past"), (4, 8, "present")], [], [])
    assert _nearest_tense(verbs, 10, 18, 0, 30) == "future"
    verbs = Verbs([(2, 8, "past"), (20, 24, "future"), (4, 8, "present")], [], [])
    assert _nearest_tense(verbs, 10, 18, 0, 30) == "past"


def test_any_in_is_a_range_test():
    xs = sorted([3, 9, 9, 15])
    for lo in range(0, 18):
        for hi in range(lo, 18):
            assert _any_in(xs, lo, hi) == any(lo <= x < hi for x in xs)


def _live_blog(entries: int) -> Document:
    """A page of our own: a title, then one zone, sentence and speaker mention per entry, a timex in some."""
    text, spans = "Garanzie: la giornata\n\n", []
    spans.append(Span(0, 21, "zone", "title"))
    for k in range(entries):
        entry = f"10:{k % 60:02d} — Anna Rossi ha detto che il vertice si terrà il {1 + k % 28} marzo ({k})."
        a = len(text)
        spans.append(Span(a, a + len(entry), "zone", "body"))
        spans.append(Span(a + 8, a + 18, "mention", "PER" if k % 3 else "ORG"))
        spans.append(Span(a + 8, a + 18, "mention", "GPE"))  # a second reading of the same words
        day = entry.index(" il ") + 4
        spans.append(Span(a + day, a + day + 8, "timex", "DATE", attrs={"value": "2025-03-01" if k % 2 else "PRESENT_REF"}))
        text += entry + "\n\n"
    return Document(source="blog", raw=text, text=text, spans=spans)


def test_body_start_is_the_first_zone_not_a_title():
    doc = _live_blog(30)
    zones = [z for z in doc.layer("zone") if z.label not in ("title",)]
    assert doc.body_start == zones[0].start == 23
    doc.spans.insert(0, Span(0, 21, "zone", "title"))  # (a changed span list is read again)
    assert doc.body_start == 23
    assert Document(source="x", raw="t", text="t").body_start == 0


def test_speaker_kind_is_the_first_mentions_label_at_its_offsets():
    doc = _live_blog(30)
    for m in doc.layer("mention")[::2]:
        doc.statements.append(Statement(content_start=m.end + 10, content_end=m.end + 40, content="…", kind="indirect",
                                        speaker_name="Anna Rossi", speaker_start=m.start, speaker_end=m.end))
    doc.statements.append(Statement(content_start=0, content_end=5, content="…", kind="indirect",
                                    speaker_name="Nessuno", speaker_start=1, speaker_end=3))
    label_kinds(doc, None)
    mentions = doc.layer("mention")
    kinds = {"PER": "person", "ORG": "organisation"}
    for st in doc.statements[:-1]:
        first = next(m.label for m in mentions if (m.start, m.end) == (st.speaker_start, st.speaker_end))
        assert st.attrs["speaker_kind"] == kinds[first]
    assert {st.attrs["speaker_kind"] for st in doc.statements} == {"person", "organisation"}
    assert doc.statements[-1].attrs["speaker_kind"] == "person"  # no mention there: a person


class _Tok:
    def __init__(self, start: int) -> None:
        self.start = start


def test_in_timex_is_the_scans_at_every_offset():
    doc = _live_blog(12)
    doc.spans.append(Span(30, 60, "timex", "DURATION", attrs={"value": "P1D"}))  # overlapping others
    timexes = doc.layer("timex")
    for offset in range(len(doc.text)):
        for dated in (False, True):
            scan = any(x.start <= offset < x.end and (not dated or str(x.attrs.get("value") or "")[:1].isdigit())
                       for x in timexes)
            assert in_timex(doc, _Tok(offset), dated) == scan, (offset, dated)
    assert any(in_timex(doc, _Tok(k), True) for k in range(len(doc.text)))
