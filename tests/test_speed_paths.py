"""The faster paths give what the plain ones gave: the event names' literal gates (extract/time/gate.py),
the tokens' look-ups (Document.tokens_in, children), and the parse pass without the English tagger."""
from __future__ import annotations

import re
import sys

import pytest

from conftest import EXAMPLES, SEEDS
from garante.document import Document, Span
from garante.extract.time import infer
from garante.extract.time.gate import folded, may_match, required_literals
from garante.nlp import available, pipeline
from garante.nlp.layer import PARSE_COMPONENTS, parse_components


@pytest.fixture(scope="module")
def texts():
    """The cleaned texts of the sample corpus and the seeds."""
    from garante.clean import clean
    from garante.ingest import Capture, read_inputs
    paths = [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    return [clean(c).text for c in read_inputs(paths) if isinstance(c, Capture)]


@pytest.fixture(scope="module")
def events():
    from garante.pipeline import Context
    return infer._events(Context().kb)


def test_required_literals_are_the_plain_runs_of_the_top_level():
    assert required_literals(re.compile(r"(?<!\w)Budapest\s+Memorandum(?!\w)", re.I)) == ("memorandum", "budapest")
    # inside an alternative or an optional group a word is not required
    assert required_literals(re.compile(r"(?:bozz[ae]|progett[oi])\s+di\s+(?:trattat[oi]|accord[oi])", re.I)) == ("di",)
    assert required_literals(re.compile(r"(?:Minsk|Kyiv)")) == ()
    assert required_literals(re.compile(r"vertice\s+di\s+Parigi")) == ("vertice", "parigi", "di")
    assert required_literals(re.compile(r"Università\s+di\s+Kyiv")) == ("kyiv", "di")  # ASCII runs only


def test_folding_reaches_every_character_that_matches_an_ascii_letter():
    """Under re.IGNORECASE "ſ" matches "s" and "İ" matches "i": the gate must read those as the letter."""
    letter = re.compile(r"[a-z]", re.I)
    odd = [chr(cp) for cp in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(cp))]
    assert "\u017f" in odd and "\u0130" in odd
    for ch in odd:
        matched = [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.I)]
        assert [folded(ch)] == matched, hex(ord(ch))


def test_a_gate_never_hides_a_match():
    pattern = re.compile(r"(?<!\w)Istanbul(?!\w)", re.I)
    for text in ("colloqui a İSTANBUL ieri", "negoziati di Istanbul", "ISTANBUL"):
        assert pattern.search(text)
        assert may_match(required_literals(pattern), folded(text))
    assert not may_match(required_literals(pattern), folded("colloqui a Ginevra"))


def test_event_hits_are_those_of_scanning_every_matcher(texts, events):
    assert any(ev.gates and any(ev.gates) for ev in events), "the knowledge base's events have gates"
    named = 0
    for text in texts:
        infer._LAST_HITS[:] = [None, None, None]
        got = infer._event_hits(text, events)
        plain = [(ev, starts) for ev in events
                 if any(starts := [[h.start() for h in p.finditer(text)] for p in ev.matchers])]
        assert got == plain
        named += bool(plain)
    assert named, "some sample page names an event"


needs_it = pytest.mark.skipif(not available("it"), reason="the Italian pipeline is not built")


@needs_it
def test_tokens_in_and_children_match_their_definitions(texts):
    from garante.pipeline import default_pipeline
    from garante.clean import clean
    from garante.ingest import Capture, read_inputs
    captures = [c for c in read_inputs([str(EXAMPLES)]) if isinstance(c, Capture)]
    doc = max((default_pipeline()(clean(c)) for c in captures[:4]), key=lambda d: len(d.tokens))
    assert len(doc.tokens) > 100
    for s in doc.layer("sentence") + [Span(0, len(doc.text), "all"), Span(5, 5, "empty")]:
        assert doc.tokens_in(s.start, s.end) == [t for t in doc.tokens if s.start <= t.start and t.end <= s.end]
    for t in doc.tokens:
        assert doc.children(t) == [k for k in doc.tokens if k.head == t.i and k.i != t.i]
    kids = doc.children(doc.tokens[0])
    kids.append("changed")  # a caller may change the list it gets: the next caller must not see it
    assert "changed" not in doc.children(doc.tokens[0])


@pytest.mark.skipif(not available("en"), reason="the English pipeline is not built")
def test_the_parse_pass_without_the_tagger_gives_the_same_tokens():
    nlp = pipeline("en")
    assert "tagger" in nlp.pipe_names and "tagger" not in parse_components(nlp)
    text = ("Foreign ministers said on Tuesday that the coalition would not send troops to Ukraine "
            "before a ceasefire, and the Kremlin rejected the plan.")
    with nlp.select_pipes(enable=parse_components(nlp)):
        without = nlp(text)
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in PARSE_COMPONENTS]):
        tagged = nlp(text)
    attrs = ["LEMMA", "POS", "MORPH", "HEAD", "DEP", "SENT_START"]
    assert (without.to_array(attrs) == tagged.to_array(attrs)).all()
    assert any(t.tag_ for t in tagged) and not any(t.tag_ for t in without)
