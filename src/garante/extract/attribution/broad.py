"""Weak cues from the broad lexicon (``data/lang/<code>/attribution_wordnet.yaml``, derived from open
wordnets by ``scripts/attribution/derive_lexicon.py``): verbs of communication and cognition that take a
"that"-clause ("X reckoned that …", "X ha lasciato intendere che …"). Many of them also mean something
else, so one reports only in a reporting frame over the parse: a clausal complement opened by a
complementizer ("that", "che") or a quotation introduced by a colon, and a nominal subject."""
from __future__ import annotations

from ...document import Document
from .frames import CLAUSE, OPENING, EITHER, ParsedFrame, source_of, subtree

NOMINAL = ("NOUN", "PROPN", "PRON")
NEGATION = ("neg",)


def broad_frame(doc: Document, cue) -> ParsedFrame | None:
    """The reporting frame of a weak cue token, or None where its frame is not one."""
    if any(c.dep in NEGATION or c.feat("Polarity") == "Neg" for c in doc.children(cue)):
        return None  # "did not know that …" reports no claim of the subject's
    content = _complement(doc, cue)  # (a clause it interrupts or a quotation beside it: 2 right of 8, PolNeAR dev)
    if not content:
        return None
    source = source_of(doc, cue)
    if source is None or source.pos not in NOMINAL:
        return None
    return ParsedFrame(cue, "clause", content, source, weak=True)


def _complement(doc: Document, cue) -> list:
    for c in doc.children(cue):
        if c.dep not in CLAUSE or c.i < cue.i:
            continue
        tokens = subtree(doc, c)
        if any(m.dep == "mark" and m.pos == "SCONJ" and m.i == tokens[0].i for m in doc.children(c)):
            return tokens  # "… that the talks would resume"
        before = doc.tokens[tokens[0].i - 1] if tokens[0].i > 0 else None
        if tokens[0].text in OPENING + EITHER and before is not None and before.text == ":":
            return tokens  # "… : “…”"
    return []
