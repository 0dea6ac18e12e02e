"""The scope of a negation from the parse (``Document.tokens``): a "non" inside a purpose, adverbial or
relative clause ("necessarie affinché la Russia non ci attacchi", "paesi che non inviano truppe") negates
that clause, not the predicate that names the issue. Without tokens nothing is ruled out."""
from __future__ import annotations

from ..document import Document

# clauses that modify a predicate or a noun; a complement clause ("ha detto che non ...") is what was said
_BOUNDARY = ("advcl", "acl")


def _clause_of(doc: Document, tok):
    """The head of the adverbial or relative clause ``tok`` sits in, or None (main clause)."""
    seen = 0
    while not tok.is_root and seen < 40:
        if tok.dep.split(":")[0] in _BOUNDARY:
            return tok
        tok, seen = doc.tokens[tok.head], seen + 1
    return None


def _inside(doc: Document, tok, top) -> bool:
    seen = 0
    while seen < 40:
        if tok.i == top.i:
            return True
        if tok.is_root:
            return False
        tok, seen = doc.tokens[tok.head], seen + 1
    return False


def negation_elsewhere(doc: Document, neg_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the negation at ``neg_start`` lies in a subordinate clause that does not contain the
    issue's cue (document offsets)."""
    if not doc.tokens:
        return False
    neg = doc.token_at(neg_start)
    cue = doc.root(cue_start, cue_end)
    if neg is None or cue is None or neg.sent != cue.sent:
        return False
    pred = neg if neg.is_root else doc.tokens[neg.head]
    clause = _clause_of(doc, pred)
    return clause is not None and not _inside(doc, cue, clause)
