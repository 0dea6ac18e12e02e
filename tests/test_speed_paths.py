"""The faster paths give what the plain ones gave: the event names' anchors (extract/time/infer.py),
the tokens' look-ups (Document.tokens_in, children), and the parse pass without the English tagger."""
from __future__ import annotations

import re
import sys

import pytest

from conftest import EXAMPLES, SEEDS
from garante.document import Document, Span
from garante.extract.pattern_anchors import required
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
    assert required(ev.matchers[0].pattern, ev.matchers[0].flags), "the matcher has anchors"
    for text, found in (("the İSTANBUL TALKS of 2022", True), ("the Iſtanbul talks", True),
                        ("the Istanbul   talks", True), ("talks in Geneva", False)):
        infer._LAST_HITS = (None, None, None)
        assert bool(infer._event_hits(text, [ev])) is found, text


def test_event_hits_are_those_of_scanning_every_matcher(texts, events):
    assert sum(len(ev.matchers) for ev in events) > 50 \
        and all(required(p.pattern, p.flags) for ev in events for p in ev.matchers), "every event name has anchors"
    named = 0
    for text in texts:
        infer._LAST_HITS = (None, None, None)
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


def _digest(doc) -> tuple:
    """Everything the pipeline adds to a document, comparable."""
    return (doc.meta.get("nlp"), [(t.start, t.end, t.lemma, t.pos, t.morph, t.head, t.dep, t.sent) for t in doc.tokens],
            sorted((s.start, s.end, s.layer, s.label, repr(s.attrs), s.rule) for s in doc.spans),
            [(s.content_start, s.content_end, s.speaker_entity_id, s.on_behalf_of_id, s.date, s.rule,
              [(x.issue, x.stance, x.confidence) for x in s.stances]) for s in doc.statements])


@pytest.fixture(scope="module")
def captures():
    from garante.ingest import Capture, read_inputs
    paths = [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    return [c for c in read_inputs(paths) if isinstance(c, Capture)]


@needs_it
def test_documents_analysed_together_come_out_as_alone(captures):
    from garante.clean import clean
    from garante.nlp.layer import LinguisticLayer
    from garante.pipeline import default_pipeline
    pipe = default_pipeline()
    alone = [_digest(pipe(clean(c))) for c in captures]
    docs = [clean(c) for c in captures]
    left = LinguisticLayer().batch([clean(c) for c in captures], pipe.ctx)
    assert 2 <= len(captures) - len(left), "the sample pages share the models' calls"
    assert left, "a page too short to share them goes alone"
    assert pipe.run_many(docs) == [None] * len(docs)
    assert [_digest(d) for d in docs] == alone


@needs_it
def test_a_group_keeps_each_documents_failure_and_limit(captures):
    from garante.clean import clean
    from garante.pipeline import Context, OverBudget, Pipeline, default_components

    class FailsOnSeoul:  # a component with a bug that one document meets, inside a batch and alone
        name = "fails"

        def batch(self, docs, ctx):
            for d in docs:
                self(d, ctx)
            return []

        def __call__(self, doc, ctx):
            if "Seoul" in doc.text:
                raise ValueError("met Seoul")

    docs = [clean(c) for c in captures]
    docs[0].text += " They met in Seoul."
    limit = sorted(len(d.text) for d in docs)[len(docs) // 2]  # about half the pages are over it
    ctx = Context(options={"max_chars": limit})
    pipe = Pipeline(ctx, default_components()[:2] + [FailsOnSeoul()] + default_components()[2:])
    errors = pipe.run_many(docs)
    assert isinstance(errors[0], ValueError)
    over = [e for d, e in zip(docs, errors) if len(d.text) > limit]
    assert over and all(isinstance(e, OverBudget) for e in over)
    ok = [d for d, e in zip(docs, errors) if e is None]
    assert ok and all(d.statements or d.tokens for d in ok)
    alone = Pipeline(ctx, default_components())
    assert [_digest(d) for d in ok] == [_digest(alone(clean(c))) for c, e in zip(captures, errors) if e is None]
