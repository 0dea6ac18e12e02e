"""Reported speech that goes on with no verb of saying (issue 12): Italian news reports the rest of what a
speaker said in the conditional ("Lavrov ha detto che Mosca non accetterà truppe della Nato. Il Cremlino
sarebbe comunque pronto a discutere di …"), the mood that tells the reader the words are another's. A sentence
whose finite verb is in one of the language's ``reported_moods`` (``data/lang/<code>/recovered.yaml``), with no
statement of its own, right after a sentence of the same paragraph that holds a statement, is a statement of
that statement's speaker (rule ``reported-conditional``). A language without the data (English: "would" is no
mood) gets none."""
from __future__ import annotations

from ...document import Document, Statement
from ...nlp.layer import doc_language
from .merge import part_of
from .recovered import _data

VERB_HEADS = ("aux", "aux:pass", "cop")  # where the finite verb of a clause with a participle or adjective stands
CONFIDENCE = 0.6


def reported_conditionals(doc: Document) -> None:
    """Appends to ``doc.statements`` the conditional sentences that go on from a statement before them."""
    data = _data((doc_language(doc) or "")[:2])
    if not doc.tokens or not data.get("reported_moods"):
        return
    sentences = list(doc.layer("sentence"))
    paragraphs = [z for z in doc.layer("zone") if z.label == "body"]
    for before, here in zip(sentences, sentences[1:]):
        if not _same_paragraph(paragraphs, before.start, here.end) or _said(doc, here.start, here.end):
            continue
        prev = _statement_ending_in(doc, before.start, before.end)
        span = _conditional_clause(doc, here.start, here.end, data) if prev is not None else None
        if span is not None:
            doc.statements.append(_going_on(doc, prev, *span))


def _same_paragraph(paragraphs, a: int, b: int) -> bool:
    return any(z.start <= a and b <= z.end for z in paragraphs)


def _said(doc: Document, a: int, b: int) -> bool:
    """Whether a statement's content or cue is already in [a, b)."""
    return any(st.content_start < b and a < st.content_end
               or st.cue_start is not None and a <= st.cue_start < b for st in doc.statements)


def _statement_ending_in(doc: Document, a: int, b: int) -> Statement | None:
    """The last top-level statement with a speaker whose content ends in [a, b]: the words the next sentence
    may go on from."""
    found = [st for st in doc.statements if a < st.content_end <= b and st.speaker_name and st.parent is None]
    return max(found, key=lambda st: st.content_end) if found else None


def _conditional_clause(doc: Document, a: int, b: int, data: dict) -> tuple[int, int] | None:
    """The sentence [a, b) less its closing punctuation, where its main verb is finite in a reported mood,
    third person, not one of the blocked verbs, and the sentence is no question."""
    tokens = doc.tokens_in(a, b)
    roots = [t for t in tokens if t.is_root]
    if len(roots) != 1 or doc.text[a:b].rstrip().endswith("?"):
        return None
    root = roots[0]
    finite = [root] + [c for c in doc.children(root) if c.dep in VERB_HEADS]
    mood = next((t for t in finite if (t.feat("Mood") or "").lower() in data["reported_moods"]), None)
    if mood is None or mood.feat("Person") != "3" or \
            any(t.lemma.lower() in data.get("reported_mood_blockers", ()) for t in finite):
        return None
    words = [t for t in tokens if t.pos != "PUNCT"]
    return (words[0].start, words[-1].end) if len(words) >= 3 else None


def _going_on(doc: Document, prev: Statement, a: int, b: int) -> Statement:
    st = part_of(doc, prev, a, b, rule="reported-conditional", cue="", cue_start=None, cue_end=None,
                 confidence=min(prev.confidence, CONFIDENCE), parent=None)
    for key in ("continues", "source_span", "cue_span"):
        st.attrs.pop(key, None)
    st.attrs["speaker_resolution"] = "previous-speaker"
    return st
