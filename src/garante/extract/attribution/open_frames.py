"""Frames of verbs no list names, made only where every attribution is asked for (PolNeAR's reading,
``Context(options={"attribution_frames": "all"})``): a verb whose subject can speak or think and whose
complement is a clause opened by a complementizer ("X conceded that …", "the campaign disputed whether …",
"she groused that …"). Cognition, perception and speech verbs the lexicon lacks take this frame; a bare
complement ("we know it works") is left out: on PolNeAR train it is an attribution a quarter of the time,
against two thirds with the complementizer. The complementizers are data: ``open_clause_marks`` of
``data/lang/<code>/attribution.yaml`` (none: no frame)."""
from __future__ import annotations

from functools import lru_cache

from ... import lang as langdata
from ...document import Document
from ...nlp.layer import doc_language
from .frames import CLAUSE, ParsedFrame, source_of, subtree

NOMINAL = ("PROPN", "NOUN", "PRON")


@lru_cache(maxsize=None)
def _marks(code: str) -> frozenset:
    data = langdata.topic(code, "attribution") if code else None
    return frozenset(str(x).lower() for x in (data or {}).get("open_clause_marks") or [])


def open_clause_frame(doc: Document, cue) -> ParsedFrame | None:
    """The clause a verb no list names reports, or None: its complement clause after it, opened by one of the
    language's complementizers, and a subject that is a name, a noun or a pronoun (the source)."""
    if cue.pos != "VERB":
        return None
    marks = _marks(doc_language(doc))
    if not marks:
        return None
    clause = next((c for c in doc.children(cue) if c.dep in CLAUSE and c.i > cue.i and any(
        m.dep == "mark" and m.text.lower() in marks for m in doc.children(c))), None)
    if clause is None:
        return None
    source = source_of(doc, cue)
    if source is None or source.pos not in NOMINAL:
        return None
    return ParsedFrame(cue, "clause", subtree(doc, clause), source, weak=True, open=True)
