"""The faster paths give what the plain ones gave: the event names' anchors (extract/time/infer.py),
the tokens' look-ups (Document.tokens_in, children), and the parse pass without the English tagger."""
from __future__ import annotations

import re
import sys

import pytest

from conftest import EXAMPLES, SEEDS
from garante.document import Document, Span
from garante.extract.time import infer
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


def test_an_event_named_in_other_letters_is_found():
    """Under re.IGNORECASE "İ" matches "i" and "ſ" matches "s": the anchors must see those letters too."""
    from datetime import date
    ev = infer.Event("x:istanbul-talks", date(2022, 3, 29), date(2022, 3, 29),
                     [re.compile(r"(?<!\w)Istanbul\s+talks(?!\w)", re.I)])
    assert ev.anchors[0], "the matcher has anchors"
    for text, found in (("the İSTANBUL TALKS of 2022", True), ("the Iſtanbul talks", True),
                        ("the Istanbul   talks", True), ("talks in Geneva", False)):
        infer._LAST_HITS[:] = [None, None, None]
        assert bool(infer._event_hits(text, [ev])) is found, text


def test_event_hits_are_those_of_scanning_every_matcher(texts, events):
    assert sum(map(len, (ev.anchors for ev in events))) > 50 and all(a for ev in events for a in ev.anchors), \
        "every event name has anchors"
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
