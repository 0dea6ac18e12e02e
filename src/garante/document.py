"""The one document object that flows through the pipeline.

Like spaCy's Doc: a text (the cleaned article) and stand-off annotations over it. Every span carries
character offsets into ``Document.text`` and its provenance (component and rule). ``Document.to_raw``
maps any offset of the cleaned text back to the exact character of the original capture.
"""
from __future__ import annotations

import bisect
import hashlib
from operator import attrgetter
from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple


@dataclass
class Span:
    """A stand-off annotation over ``Document.text``.

    layer: what kind of annotation ('zone', 'sentence', 'mention', 'timex', 'cue', ...).
    label: its type within the layer ('title', 'body', 'PER', 'DATE', ...).
    attrs: layer-specific data (entity_id, value, resolution ...), JSON-serialisable.
    """
    start: int
    end: int
    layer: str
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    component: str = ""
    rule: str = ""
    confidence: float = 1.0

    def text_of(self, doc: "Document") -> str:
        return doc.text[self.start:self.end]


@dataclass
class Stance:
    issue: str
    stance: str  # support | oppose | conditional | neutral
    confidence: float = 1.0
    evidence_start: int | None = None
    evidence_end: int | None = None
    component: str = ""
    rule: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Statement:
    """Who said what: the quote or reported clause, with its speaker and date.

    Offsets are into ``Document.text``. ``speaker_entity_id`` / ``on_behalf_of_id`` are knowledge-base
    ids (or ids of discovered entities); the names are kept for readability and for entities the
    knowledge base does not know.
    """
    content_start: int
    content_end: int
    content: str
    kind: str  # direct | indirect | mixed
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_name: str | None = None
    speaker_entity_id: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    on_behalf_of_id: str | None = None
    on_behalf_of_name: str | None = None
    addressee_id: str | None = None
    addressee_name: str | None = None
    channel: str | None = None
    cited_source: str | None = None
    date: str | None = None
    date_source: str | None = None  # 'expression' | 'document' | None
    parent: int | None = None  # index of the statement that reports this one (quote in a quote)
    confidence: float = 1.0
    component: str = ""
    rule: str = ""
    stances: list[Stance] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Segment:
    """A run of cleaned text copied from the raw capture: text[text_start:text_start+length]
    came from raw[raw_start:raw_start+length] (raw_start None where the source cannot be located)."""
    text_start: int
    raw_start: int | None
    length: int


@dataclass
class LineLabel:
    """How the cleaner classified one line (or block) of the raw capture."""
    raw_start: int
    raw_end: int
    label: str  # title | standfirst | dateline | byline | caption | body | subheading | furniture | header
    reason: str = ""


class _TokenIndex(NamedTuple):
    """What Document._index caches: built for ``count`` tokens, their starts, children by head, and the
    subtrees ``governed`` has walked (by token index and the relations left out)."""
    count: int
    starts: list[int]
    child_ids: dict[int, list[int]]
    child_tokens: dict[int, list[Any]]
    subtrees: dict[tuple[int, tuple[str, ...]], list[Any]]


_position = attrgetter("i")  # a token's place in the document


@dataclass
class Document:
    source: str
    raw: str
    format: str = "text"  # text | html | jsonl | warc
    text: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    lines: list[LineLabel] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    tokens: list = field(default_factory=list)  # garante.nlp.Token, in text order
    _token_index: _TokenIndex | tuple = field(default=(), init=False, repr=False, compare=False)
    _layers: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    # filled by the store
    id: int | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.raw)

    # --- annotations -------------------------------------------------------------------------
    def add(self, span: Span) -> Span:
        self.spans.append(span)
        return span

    def drop_layer(self, name: str) -> None:
        """Removes every span of one layer (a component that redoes its work)."""
        self.spans[:] = [s for s in self.spans if s.layer != name]
        self._layers = {}

    def keep_statements(self, keep: list[bool]) -> None:
        """Keeps the statements whose flag is true (one flag per statement, in order); a kept statement's
        ``parent`` follows its reporting statement to its new index, or is None where that one was dropped."""
        if all(keep):
            return
        new_index, kept = {}, []
        for i, (st, k) in enumerate(zip(self.statements, keep)):
            if k:
                new_index[i] = len(kept)
                kept.append(st)
        for st in kept:
            st.parent = new_index.get(st.parent) if st.parent is not None else None
        self.statements = kept

    def layer(self, name: str) -> list[Span]:
        """The spans of one layer in text order (a new list: callers may change it). Sorted once per
        change of the span list, not on every call: components ask for layers once per statement."""
        return list(self._sorted_layer(name))

    def ordered_layer(self, name: str):
        """``layer(name)`` as an ``Ordered`` (looked up by bisection), built once per change of the span list:
        for a question asked once per token or statement."""
        self._sorted_layer(name)
        key = ("ordered", name)
        if key not in self._layers:
            from .extract.ordered import Ordered  # (extract imports this module)
            self._layers[key] = Ordered(self._layers.get(name, ()))
        return self._layers[key]

    def _sorted_layer(self, name: str) -> list[Span] | tuple:
        """``layer``'s own sorted list, not a copy (for reading only)."""
        key = (id(self.spans), len(self.spans))
        if self._layers.get("__key__") != key:
            self._layers = {"__key__": key}
            for s in self.spans:
                self._layers.setdefault(s.layer, []).append(s)
            for spans in self._layers.values():
                if isinstance(spans, list):
                    spans.sort(key=lambda s: (s.start, s.end))
        return self._layers.get(name, ())

    def zone_of(self, offset: int) -> str | None:
        for z in self.spans:
            if z.layer == "zone" and z.start <= offset < z.end:
                return z.label
        return None

    @property
    def body_start(self) -> int:
        """Offset where the article proper begins (after title and standfirst)."""
        # the first zone that is not the title: read in order, not filtered whole (a live blog has a zone
        # per entry, and statements ask for this once each)
        return next((z.start for z in self._sorted_layer("zone") if z.label not in ("title",)), 0)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def sentences(self) -> Iterator[Span]:
        return iter(self.layer("sentence"))

    # --- tokens (the linguistic layer) ----------------------------------------------------------
    def tokens_in(self, start: int, end: int) -> list:
        """The tokens that lie inside [start, end) (a sentence, a quote, any span's offsets)."""
        starts = self._index().starts
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)  # starts are in text order
        return [t for t in self.tokens[i:j] if t.end <= end]

    def token_at(self, offset: int):
        """The token covering a character offset, or None."""
        starts = self._index().starts
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return self.tokens[i]
        return None

    def root(self, start: int, end: int):
        """The syntactic root of a span: its first token whose head lies outside it."""
        inside = self.tokens_in(start, end)
        ids = {t.i for t in inside}
        return next((t for t in inside if t.head not in ids or t.is_root), None)

    def children(self, token) -> list:
        """The tokens whose head is ``token``, in text order (same parsed sentence only)."""
        return list(self._index().child_tokens.get(token.i, ()))

    def subtree(self, token) -> list:
        """``token`` and everything it governs, in text order."""
        kids = self._index().child_ids
        out, todo = [], [token.i]
        while todo:
            i = todo.pop()
            out.append(i)
            todo.extend(kids.get(i, ()))
        return [self.tokens[i] for i in sorted(set(out))]

    def heads_changed(self) -> None:
        """Tokens' heads were moved after the parse: the children index is rebuilt on the next read."""
        self._token_index = ()

    def _index(self) -> "_TokenIndex":
        """Token starts (for bisection) and children by head (indices, and the tokens themselves: the
        parse readers ask for children tens of thousands of times a document), rebuilt when the tokens
        change."""
        index = self._token_index
        if not index or index.count != len(self.tokens):
            kids: dict[int, list[int]] = {}
            for t in self.tokens:
                if t.head != t.i:
                    kids.setdefault(t.head, []).append(t.i)
            tokens = self.tokens
            index = self._token_index = _TokenIndex(
                len(tokens), [t.start for t in tokens], kids,
                {h: [tokens[i] for i in ids] for h, ids in kids.items()}, {})
        return index

    def governed(self, token, skip: tuple[str, ...] = ()) -> list:
        """``token`` and all its descendants, in text order, less the children of ``token`` itself whose
        relation is in ``skip`` (and what they govern); walked once per token and ``skip`` while the tokens
        stand (the readers of attribution frames ask for the cue's and its clause's up to six times each),
        a new list each call."""
        index = self._index()
        key = (token.i, skip)
        found = index.subtrees.get(key)
        if found is None:
            kids = index.child_tokens
            found = [token]
            stack = [c for c in kids.get(token.i, ()) if c.dep not in skip] if skip else list(kids.get(token.i, ()))
            while stack:
                t = stack.pop()
                found.append(t)
                more = kids.get(t.i)
                if more:
                    stack.extend(more)
            found.sort(key=_position)
            index.subtrees[key] = found
        return list(found)

    # --- provenance --------------------------------------------------------------------------
    def to_raw(self, offset: int) -> int | None:
        """Offset in ``raw`` of the character at ``offset`` in ``text`` (None if not traceable)."""
        if not self.segments:
            return None
        starts = [s.text_start for s in self.segments]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        seg = self.segments[i]
        if seg.raw_start is None or offset >= seg.text_start + seg.length:
            return None
        return seg.raw_start + (offset - seg.text_start)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        a = self.to_raw(start)
        b = self.to_raw(end - 1) if end > start else a
        if a is None or b is None:
            return None
        return a, b + 1


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class TextBuilder:
    """Builds a cleaned text from pieces of the raw capture, recording where each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def add(self, piece: str, raw_start: int | None) -> tuple[int, int]:
        start = self.length
        if piece:
            self.parts.append(piece)
            self.segments.append(Segment(start, raw_start, len(piece)))
            self.length += len(piece)
        return start, self.length

    def add_separator(self, sep: str = "\n\n") -> None:
        if self.length:
            self.parts.append(sep)
            self.segments.append(Segment(self.length, None, len(sep)))
            self.length += len(sep)

    def text(self) -> str:
        return "".join(self.parts)
