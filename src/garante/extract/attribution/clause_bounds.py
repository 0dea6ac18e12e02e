"""Where the content of a rule's "X said …" ends, read off the parse of its cue: the rules run the content
to the sentence's end; the parse knows where the reported clause stops."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...document import Document, Statement

if TYPE_CHECKING:  # (frames.py reads the clauses this module bounds)
    from .frames import ParsedFrame


def subtree(doc: Document, tok) -> list:
    """A token and all its descendants, in text order (as ``frames.subtree``)."""
    return doc.governed(tok, ())


def cut_at_second_predicate(doc: Document, st: Statement, frame: ParsedFrame, span: tuple) -> None:
    """A rule's "X said …" whose content runs past the parse's clause of the same cue into a second predicate
    of the speaker ("X said the plan was ready [and called for a vote]", "… [, but X did not say when]"): the
    predicate is coordinated with the cue, not inside what was said; the content ends with the clause."""
    if frame.frame != "clause" or not st.rule.startswith("leading") or st.cue_start != frame.cue.start:
        return
    a, b = span[0], span[1]
    if not (st.content_start <= a < b < st.content_end):
        return
    second = _first_word_after(doc, b, st.content_end)
    if second is not None and _coordinated_with(doc, second, frame.cue):
        from .merge import shorten  # (merge reads the frames this module makes)
        shorten(doc, st, b)


def _first_word_after(doc: Document, a: int, b: int):
    """The first token in ``[a, b)`` that is no punctuation."""
    return next((t for t in doc.tokens_in(a, b) if t.pos != "PUNCT"), None)


def _coordinated_with(doc: Document, tok, cue) -> bool:
    """``tok`` opens a predicate of the speaker coordinated with the cue: the first word of a verb hung on the
    cue as ``conj`` whose subject is the cue's (none of its own, or the same words). A conjunct with a subject
    of its own ("said the talks failed, but the envoy stayed") is as often a second clause of what was said,
    the parse having hung it on the cue."""
    for c in doc.children(cue):
        if c.dep == "conj" and c.pos in ("VERB", "AUX") and c.i >= tok.i \
                and next(t for t in subtree(doc, c) if t.pos != "PUNCT").i == tok.i:
            return _same_subject(doc, c, cue)
    return False


def _same_subject(doc: Document, conjunct, cue) -> bool:
    """No subject of its own, or the cue's named again ("Cook said …, but Cook did not say when"; a pronoun
    may as well stand for someone inside what was said: "he claimed that X started it and he ended it")."""
    subject = next((c for c in doc.children(conjunct) if c.dep.startswith("nsubj")), None)
    if subject is None:
        return True
    return subject.pos != "PRON" and _subject_words(doc, conjunct) == _subject_words(doc, cue)


def _subject_words(doc: Document, verb) -> list[str]:
    subject = next((c for c in doc.children(verb) if c.dep.startswith("nsubj")), None)
    return [t.text.lower() for t in subtree(doc, subject)] if subject is not None else []


COMPLEMENTIZERS = ("that", "che")
OPEN_QUOTES, CLOSE_QUOTES = "“«", "”»"


def clause_with_conjuncts(doc: Document, cue, clause) -> list:
    """The tokens of a cue's complement clause, with the clauses the parse hung on the cue that go on with it:
    after it, a conjunct opened by a complementizer ("said the talks failed and that a new round …") or
    inside a quotation the clause opens ("said, “The talks failed, and we will not go back”"); before the
    cue, a clause coordinated with it ("The talks failed, but a new round is planned, an aide said")."""
    tokens = subtree(doc, clause)
    for c in doc.children(cue):
        if c.dep not in ("conj", "advcl", "parataxis") or c.i <= tokens[-1].i:
            continue
        more = subtree(doc, c)
        if not _adjoins(doc, tokens, more):
            break
        if _goes_on(doc, cue, clause, tokens, c, more):
            tokens = tokens + doc.tokens[tokens[-1].i + 1:more[0].i] + more
    return tokens


def _goes_on(doc: Document, cue, clause, tokens: list, c, more: list) -> bool:
    words = [t for t in more if t.pos not in ("PUNCT", "CCONJ")]
    if not words:
        return False
    if clause.i > cue.i:  # after the cue: a second "that"-clause, or the rest of an open quotation
        return c.dep == "conj" and (words[0].text.lower() in COMPLEMENTIZERS and words[0].dep == "mark"
                                    or _quote_open(doc, tokens))
    # before the cue: a coordinated clause ("…, but …") that ends where the cue's subject starts
    subject = next((s for s in doc.children(cue) if s.dep.startswith("nsubj")), None)
    opens_with_conjunction = any(t.pos == "CCONJ" for t in more[:3])
    return subject is not None and more[-1].i < subject.i and opens_with_conjunction


def _adjoins(doc: Document, tokens: list, more: list) -> bool:
    """Only punctuation and conjunctions between the two spans."""
    return all(t.pos in ("PUNCT", "CCONJ") for t in doc.tokens[tokens[-1].i + 1:more[0].i])


def _quote_open(doc: Document, tokens: list) -> bool:
    text = "".join(t.text for t in tokens)
    return sum(text.count(q) for q in OPEN_QUOTES) > sum(text.count(q) for q in CLOSE_QUOTES)
