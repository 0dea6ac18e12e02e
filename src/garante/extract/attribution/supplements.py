"""Supplements the writer adds after a reported content (PolNeAR's reading of every attribution only).

A non-restrictive relative clause set off by a comma at the end of a reported clause or object ("X said the
plan would fail, which surprised no one"; "X praised the mayor, who has led the city since 2010") is the
writer's aside: supplements are not at issue and are the writer's own, not part of what the source is reported
to say or do. The content ends before the comma. Only where the rest of the content is that relative clause
alone, outside any quotation (a quoted supplement is the speaker's words)."""
from __future__ import annotations

from ...document import Document
from .frames import RELATIVE
from .lexicon import AttributionLexicon
from .merge import CLOSE, OPEN, shorten

NOMINAL = ("NOUN", "PROPN")  # a content that is a noun phrase: the object of an act ("praised the mayor")
CLAUSAL = ("nsubj", "nsubj:pass", "cop", "aux", "aux:pass", "csubj")  # a noun predicate is a clause ("he is the anchor")
_STEPS = 3  # from the relative word up to the head of its clause ("whose leaders said" -> said)


def _relative_clause(doc: Document, word):
    """The head of the relative clause ``word`` opens, or None."""
    t = word
    for _ in range(_STEPS):
        if t.dep in RELATIVE:
            return t
        if t.is_root or t.head == t.i:
            return None
        t = doc.tokens[t.head]
    return t if t.dep in RELATIVE else None


def _balanced(text: str) -> bool:
    """No quotation left open in ``text``."""
    straight = text.count('"')
    curly = sum(text.count(q) for q in OPEN if q != '"') - sum(text.count(q) for q in CLOSE if q != '"')
    return straight % 2 == 0 and curly <= 0


def cut_supplements(doc: Document, lex: AttributionLexicon) -> None:
    """End every indirect or mixed content before a closing supplement (see the module's docstring)."""
    if not lex.supplement_openers or not doc.tokens:
        return
    for st in doc.statements:
        if st.kind == "direct" or st.content_start is None or st.content_end is None:
            continue
        toks = doc.tokens_in(st.content_start, st.content_end)
        inside = {t.i for t in toks}
        for k, comma in enumerate(toks[:-1]):
            if comma.text != "," or k < 2:
                continue
            word = toks[k + 1]
            if word.text.lower() not in lex.supplement_openers:
                continue
            clause = _relative_clause(doc, word)
            if clause is None or clause.head not in inside or clause.head >= comma.i:
                continue
            root = doc.root(st.content_start, comma.start)
            if root is None or root.pos not in NOMINAL or any(c.dep in CLAUSAL for c in doc.children(root)):
                continue  # (a reported clause's own relative is as often the source's words: "said X, which …")
            rest = doc.text[comma.start:st.content_end]
            if any(q in rest for q in OPEN + CLOSE) or not _balanced(doc.text[st.content_start:comma.start]):
                continue
            governed = {t.i for t in doc.subtree(clause)}
            if any(t.i not in governed and t.pos != "PUNCT" for t in toks[k + 1:]):
                continue
            end = comma.start
            while end > st.content_start and doc.text[end - 1].isspace():
                end -= 1
            shorten(doc, st, end)
            break


PREDICATES = ("VERB", "AUX", "ADJ", "NOUN", "PROPN")
SUBJECTS = ("nsubj", "nsubj:pass", "csubj", "expl")


def cut_according_tails(doc: Document) -> None:
    """"A would rise by 20 percent, according to X, more than twice what …": an "according to" after a comma
    that follows its sentence's whole main clause (the root and its subject before the phrase) reports that
    clause; what comes after the source (an apposition, a relative clause on the source, a comparison) is the
    writer's. The rules' parenthetical reading of the phrase ("The talks, according to X, will resume") takes
    the sentence around it; where the clause is complete before it, the content ends at the phrase."""
    if not doc.tokens:
        return
    for st in doc.statements:
        if not st.rule.startswith("according-parenthetical") or st.cue_start is None \
                or not st.content_start < st.cue_start < st.content_end:
            continue
        cue = doc.token_at(st.cue_start)
        if cue is None:
            continue
        root = next((t for t in doc.tokens_in(st.content_start, st.cue_start) if t.is_root and t.sent == cue.sent), None)
        if root is None or root.pos not in PREDICATES \
                or not any(c.dep in SUBJECTS and c.i < root.i for c in doc.children(root)):
            continue
        end = st.cue_start
        while end > st.content_start and (doc.text[end - 1].isspace() or doc.text[end - 1] in ",;—–-("):
            end -= 1
        if len(doc.text[st.content_start:end].split()) >= 3 and _balanced(doc.text[st.content_start:end]):
            shorten(doc, st, end)
