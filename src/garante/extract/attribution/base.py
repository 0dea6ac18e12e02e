"""What every family of the rule-based statements shares: the shapes (a ``Cue``, a ``Frame``, a cue in its
sentence ``_Site``, a paragraph ``_Para``, what the statements of one document are built with ``_Build``) and
the small word, span and mention tests they all read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from ...document import Document, Span
from ..institutions import INSTITUTION
from ..ordered import Ordered
from .language import Lexicon
from .sides import is_media


COMPONENT = "statements"
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_SPEAKER_RANK = {"PER": 3, "ORG": 2, "GPE": 1}


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# "Roma, 3 marzo 2025 - ", "Kyiv, March 3 (Reuters) - ", "CAMBRIDGE, Mass., Dec. 11 (UPI) — ", "LONDON (AP) — ": a
# place in capitals or title case (a few words), what follows it after commas (a state, a date), an agency in
# brackets, and a dash
_DATELINE_AT = re.compile(r"\s*[A-ZÀ-Ý][^\W\d_]*\.?(?:[ '’-][A-ZÀ-Ý][^\W\d_]*\.?){0,3}"
                          r"(?:\s*,\s*[^,;:!?«»“”\"()\n–—]{1,20}?){0,3}(?:\s*\([^()\n]{2,30}\))?(?:\s+-|\s*[–—])\s*")


def dateline_end(text: str, a: int, limit: int) -> int:
    """Where a dateline that opens the text at ``a`` ends (before ``limit``), else ``a``: a place and a date with
    its day or year, or an agency in brackets, or a place in capitals, then a dash and a capital or a quotation
    mark ("Roma, 3 marzo - ", "WASHINGTON — "); not a word and a dash alone ("Mosca - «…»", an aside)."""
    m = _DATELINE_AT.match(text, a, limit)
    if m is None or not re.match(r"[A-ZÀ-Ý«“\"‘]", text[m.end():m.end() + 1]):
        return a
    place = re.match(r"\s*([^\W\d_]+)", m.group(0)).group(1)
    return m.end() if re.search(r"\d|\(", m.group(0)) or len(place) >= 3 and place.isupper() else a


@dataclass
class Cue:
    start: int
    end: int
    lemma: str
    tense: str
    category: str  # speech | act | according | passive | backward
    text: str


@dataclass
class Frame:
    """A statement in the making: content span, the cue, where to look for the speaker."""
    content_start: int
    content_end: int
    cue: Cue | None
    rule: str
    speaker_region: tuple[int, int] | None = None
    speaker_after: tuple[int, int] | None = None  # inverted order: cue then speaker
    inherit: str | None = None  # 'previous' | 'governing'
    depth: int = 0
    quote_parent: int | None = None  # index of the enclosing quote (nested statement)
    frame_span: tuple[int, int] | None = None  # the reporting clause, for the date
    sentence: tuple[int, int] = (0, 0)
    open_ended: bool = False  # a quote with no closing mark in its paragraph
    fixed: tuple | None = None  # (entity id, name, start, end) of a speaker given by a label ("A:", "RYABKOV:")
    adjacent: bool = True  # the speaker before the cue stands next to it (not so before a colon)
    joined: bool = False  # a verb a bare conjunction joins to the one before ("… e lamenta che"): that one's speaker


def _sentence_bounds(text: str, sentences: Ordered, pos: int, lo: int, hi: int) -> tuple[int, int]:
    found = sentences.first_covering(pos)
    if found is not None:
        a, b = found
        return max(a, lo), min(b, hi)
    # no sentence layer here: cut the paragraph at sentence punctuation
    a = lo
    for m in re.finditer(r"[.!?…]\s+(?=[A-ZÀ-Ý“«\"‘])", text[lo:pos]):
        a = lo + m.end()
    m = re.search(r"[.!?…]\s+(?=[A-ZÀ-Ý“«\"‘])", text[pos:hi])
    return a, (pos + m.start() + 1 if m else hi)


def _iter(patterns: list[re.Pattern], text: str, lo: int, hi: int):
    for p in patterns:
        yield from p.finditer(text, lo, hi)


class _Para(NamedTuple):
    """A paragraph (``lo:hi``) of the text at one depth of quotation, with the layers its frames read."""
    text: str
    lo: int
    hi: int
    lex: Lexicon
    sentences: Any
    mentions: Any
    depth: int
    quote_parent: int | None


def _clip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,:;—–-":
        a += 1
    while b > a and text[b - 1] in " \t\n,:;.—–-":
        b -= 1
    return a, b


_SENTENCE_END = re.compile(r"[.!?…][”»\"’]?\s+")


@dataclass(frozen=True)
class _Site:
    """A cue in its sentence (``s_lo:s_hi``) of the paragraph that starts at ``lo``, with the layers its
    frames read."""
    text: str
    cue: Cue
    mode: str
    s_lo: int
    s_hi: int
    lo: int
    lex: Lexicon
    quotes: Any
    mentions: Any
    timexes: Any


def _tokens(text: str, a: int, b: int):
    for m in re.finditer(r"[\w'’.-]+", text[a:b]):
        yield a + m.start(), m.group(0).strip(".").lower()


def speaker_mentions(doc: Document) -> Ordered:
    """The mentions attribution reads sources and sides from: all but an institution named by a common noun ("il
    governo", "la polizia": a mention for the names layer, but it names no one, so the rules read it as the
    description it was before those mentions existed)."""
    return Ordered([m for m in doc.layer("mention") if m.attrs.get("resolution") != INSTITUTION])


def _eligible(m: Span) -> bool:
    """A mention that can speak: a person, an organisation, a state named as such (not an adjective)."""
    if m.label not in _SPEAKER_RANK:
        return False
    if m.label == "GPE" and m.attrs.get("resolution") == "adjective":
        return False
    return True


def _media_kind(m: Span, kb) -> str | None:
    """The knowledge base's kind of a mention's entity (agency, outlet, journalist, platform), if any."""
    e = kb.get(m.attrs.get("entity_id")) if kb is not None else None
    return e.data.get("kind") if e else None


def _is_platform(m: Span, kb) -> bool:
    """Telegram, X, Truth Social: where something was said ("wrote on Telegram"), never who said it."""
    return _media_kind(m, kb) == "platform"


def _is_media(m: Span, kb) -> bool:
    """A mention of a news outlet or agency (the one test: ``sides.is_media``)."""
    return is_media(kb, m.attrs.get("entity_id"))


class _Build(NamedTuple):
    """What the statements of one document's frames are built with: the document, its text as the frames
    read it, the lexicon, mentions, knowledge base, sentences, time expressions and the frames themselves
    (by the offsets of their cues), with the zones, the asides that cite a paper and what dates read."""
    doc: Document
    text: str
    lex: Lexicon
    mentions: Ordered
    kb: Any
    sentences: Ordered
    timexes: Ordered
    frames: list
    by_cue: Ordered
    zone_of: Any
    asides: list
    dating: tuple


_SKIP = object()  # a frame that makes no statement of its own
