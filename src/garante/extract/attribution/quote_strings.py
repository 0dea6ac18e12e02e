"""A string of quotations of one speaker with no cue of their own, going on from the last statement
("Questa «è una nuova fase …», mentre «sull'invio di armi l'Italia ha già dato»"), is one statement per
quotation, as the annotated corpus lists them (eval/corpus/GUIDE.md §2): the content is cut after each
quotation that a short joining phrase, with no verb of saying and no one named in it, links to the next.
Quotations a cue reports stay one statement (measured on the corpus: annotators list them as one claim)."""
from __future__ import annotations

import re

from ...document import Document, Statement
from ..ordered import Ordered
from .merge import part_of, shorten

QUOTATION = re.compile(r"[“«\"]([^“”«»\"\n]+)[”»\"]")
MIN_WORDS = 4  # a shorter quotation is a term the writer marks ("la «coalizione dei volenterosi»")
MAX_GAP_WORDS = 6  # a longer stretch between two quotations is the writer's own sentence
WORD = re.compile(r"[^\W\d_]+")


def split_quote_strings(doc: Document, cue_forms: dict) -> None:
    """Cut every statement whose content is two or more quotations joined by short phrases.
    ``cue_forms``: the verb forms that report speech (a tag between the quotations keeps them one)."""
    cueless = [st for st in doc.statements if not st.cue]  # quotations a cue reports are its one claim, as
    if not cueless:                                          # annotated ("ha definito «…» una «…»")
        return
    mentions = Ordered([m for m in doc.layer("mention") if m.label in ("PER", "ORG", "GPE")])
    for st in cueless:
        cuts = _cuts(doc.text, st, cue_forms, mentions)
        if not cuts:
            continue
        bounds = [st.content_start, *cuts, st.content_end]
        parts = [(_start(doc.text, a), b) for a, b in zip(bounds, bounds[1:])]
        first, rest = parts[0], parts[1:]
        for a, b in rest:
            doc.statements.append(part_of(doc, st, a, b, rule=st.rule.split("+")[0] + "+quote-string"))
        shorten(doc, st, first[1])


def _cuts(text: str, st: Statement, cue_forms: dict, mentions: Ordered) -> list[int]:
    """The offsets right after each quotation that the next one continues."""
    a, b = st.content_start, st.content_end
    a -= a > 0 and text[a - 1] in "“«\""  # a direct statement's content lies inside its marks
    b += b < len(text) and text[b] in "”»\""
    quotes = [m for m in QUOTATION.finditer(text, a, b) if len(WORD.findall(m.group(1))) >= MIN_WORDS]
    cuts = []
    for q, nxt in zip(quotes, quotes[1:]):
        words = [w.lower() for w in WORD.findall(text[q.end():nxt.start()])]
        if len(words) > MAX_GAP_WORDS or any(w in cue_forms for w in words) \
                or mentions.starting(q.end(), nxt.start()):
            continue  # the writer's own words, a tag, or someone else who may speak
        if st.content_start < q.end() < st.content_end:
            cuts.append(q.end())
    return cuts


def _start(text: str, a: int) -> int:
    """The next part starts after the punctuation that joins it, with the words that carry its quotation
    ("ed è arrivato il momento «…»", "mentre «…»")."""
    rest = text[a:]
    m = re.match(r"[\s,;:.]*", rest)
    return a + (m.end() if m else 0)
