"""A demonstrative for the object of a verb of saying is no content (issue 12): in "Macron announced this
during a press conference" or "Putin said this to a Brazilian newspaper" what was said is in the sentences
before; the rest of the clause is where and when, not what. The verb's own clause reports it ("said this
is a mistake": "this" is the subject of a clause) and a verb of naming takes a predicate ("described this as
a betrayal") stay, and so does a content that runs on into something reported ("said this on Monday, adding that …").
The demonstratives are language data (``demonstrative_objects`` in
``data/lang/<code>/attribution.yaml``), the naming verbs the ``naming_verbs`` of the same file."""
from __future__ import annotations

from ...document import Document
from ...nlp.layer import doc_language
from .lexicon import attribution_lexicon

_QUOTES = "\"“”«»"


def drop_demonstrative_objects(doc: Document) -> None:
    lex = attribution_lexicon(doc_language(doc) or None)
    if lex is None or not lex.demonstrative_objects or not doc.tokens or not doc.statements:
        return
    saying = lex.speech | lex.cognition
    keep = [not (_demonstrative_object(doc, st, lex) and not _runs_on(doc, st, saying)) for st in doc.statements]
    doc.keep_statements(keep)


def _demonstrative_object(doc: Document, st, lex) -> bool:
    if st.cue_end is None or st.kind == "direct" or st.cue_end > st.content_start:
        return False
    cue, first = doc.token_at(st.cue_end - 1), doc.token_at(st.content_start)
    if cue is None or first is None or first.text.lower() not in lex.demonstrative_objects \
            or cue.lemma.lower() in lex.naming_verbs:
        return False
    if first.dep == "obj" and first.head == cue.i:  # "announced this during …"
        return True
    head = doc.tokens[first.head] if first.dep == "det" else None  # "said this position as …", not "rejects
    # this ceasefire": the noun is one of those that stand for words said (``demonstrative_heads``)
    return head is not None and head.dep == "obj" and head.head == cue.i and head.i == first.i + 1 \
        and head.lemma.lower() in lex.demonstrative_heads


def _runs_on(doc: Document, st, saying) -> bool:
    """The content goes on past the demonstrative and its adjuncts into something reported ("said this on
    Monday, adding that …", a quotation): then it is no bare pointer back."""
    if any(q in st.content for q in _QUOTES):
        return True
    return any(t.lemma.lower() in saying for t in doc.tokens_in(st.content_start, st.content_end)[1:])
