"""Who introduces a quotation with a colon, read off the parse: the subject of the clause that ends at the
colon ("Zelensky respinge la proposta di Putin e rilancia: «…»" is Zelensky's, not Putin's, the name
nearest the colon)."""
from __future__ import annotations

from ...document import Document
from .frames import SUBJECT

MAX_STEPS = 8  # heads climbed from the colon: a clause of a long sentence is a few steps deep at most


def colon_subject(doc: Document, colon_at: int):
    """The subject token of the nearest clause before the colon at ``colon_at`` that has one, or None (no
    parse, no subject before the colon, or a pronoun: the rules resolve those)."""
    colon = doc.token_at(colon_at) if doc.tokens else None
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    # the clause the colon's punctuation hangs on, where the parse hangs it before the colon; else the word before it
    tok = doc.tokens[colon.head] if colon.head < colon.i else doc.tokens[colon.i - 1]
    for _ in range(MAX_STEPS):
        if tok.sent != colon.sent:
            return None
        subj = next((c for c in doc.children(tok) if c.dep in SUBJECT + ("nsubj:pass",) and c.i < colon.i), None)
        if subj is not None:
            return None if subj.pos == "PRON" else subj
        if tok.is_root or tok.head > colon.i:
            return None
        tok = doc.tokens[tok.head]
    return None


def extent(doc: Document, subj) -> tuple[int, int] | None:
    """The subject's phrase up to the colon, without a relative clause that may name someone else."""
    limit = next((t.i for t in doc.subtree(subj) if t.text == ":"), len(doc.tokens))
    toks = [t for t in doc.subtree(subj) if t.i < limit]
    toks = [t for t in toks if not _in_clause(doc, t, subj)]
    return (min(t.start for t in toks), max(t.end for t in toks)) if toks else None


def _in_clause(doc: Document, tok, top) -> bool:
    """Whether a relative or other clause inside the subject holds ``tok`` ("il leader che ha ricevuto X")."""
    while tok.i != top.i and not tok.is_root:
        if tok.dep.startswith(("acl", "relcl", "advcl", "ccomp", "parataxis")):
            return True
        tok = doc.tokens[tok.head]
    return False
