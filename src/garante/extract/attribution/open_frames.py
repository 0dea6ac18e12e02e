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


@lru_cache(maxsize=None)
def _hedges(code: str) -> tuple[frozenset, frozenset]:
    data = (langdata.topic(code, "attribution") if code else None) or {}
    return (frozenset(str(x).lower() for x in data.get("hedge_verbs") or []),
            frozenset(str(x).lower() for x in data.get("hedge_passives") or []))


def hedge_frame(doc: Document, cue, lemma: str) -> ParsedFrame | None:
    """"X seemed to waver", "the team appeared paralyzed", "X is expected to win", "it appears that …": the
    writer's hedge, an attribution with no source in PolNeAR's reading; the content is the subject and the
    complement (one span, the cue inside it), or the clause after an expletive subject. Its lemmas are data:
    ``hedge_verbs`` (active) and ``hedge_passives`` (passive, with no agent) of attribution.yaml."""
    if cue.pos != "VERB":
        return None
    active, passive = _hedges(doc_language(doc))
    children = doc.children(cue)
    if lemma in passive:
        if not any(c.dep == "aux:pass" for c in children) or any(c.dep in ("obl:agent", "agent") for c in children):
            return None
    elif lemma not in active:
        return None
    comp = next((c for c in children if c.i > cue.i and (
        c.dep == "xcomp" and c.pos in ("VERB", "AUX", "ADJ") or c.dep == "ccomp")), None)
    subject = next((c for c in children if c.dep in ("nsubj", "nsubj:pass") and c.i < cue.i), None)
    if comp is None or subject is None or subject.feat("PronType") in ("Rel", "Int"):
        return None  # ("a rule that seems to matter": what the relative clause says of its noun)
    if subject.pos == "PRON" and subject.text.lower() == "it" and comp.dep == "ccomp":
        return ParsedFrame(cue, "hedge", subtree(doc, comp), None)  # "it appears that …"
    if comp.dep != "xcomp":
        return None
    own = subtree(doc, subject)
    rest = subtree(doc, comp)
    return ParsedFrame(cue, "hedge", doc.tokens[own[0].i:rest[-1].i + 1], None)
