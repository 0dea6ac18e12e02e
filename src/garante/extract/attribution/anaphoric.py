"""A demonstrative for the object of a verb of saying is no content (issue 12): in "Macron announced this
during a press conference" or "Putin said this to a Brazilian newspaper" what was said is in the sentences
before; the rest of the clause is where and when, not what. The verb's own clause reports it ("said this
is a mistake": "this" is the subject of a clause) and a verb of naming takes a predicate ("described this as
a betrayal") stay, and so does a content that runs on into something reported ("said this on Monday, adding that …").
The demonstratives are language data (``demonstrative_objects`` in
``data/lang/<code>/attribution.yaml``), the naming verbs the ``naming_verbs`` of the same file."""
from __future__ import annotations

from dataclasses import replace

from ...document import Document
from ...nlp.layer import doc_language
from .lexicon import attribution_lexicon

_QUOTES = "\"“”«»"
_REPORTS = {"ccomp", "xcomp", "parataxis", "obj"}


def drop_demonstrative_objects(doc: Document) -> None:
    lex = attribution_lexicon(doc_language(doc) or None)
    if lex is None or not lex.demonstrative_objects or not doc.tokens or not doc.statements:
        return
    saying = lex.speech | lex.cognition
    pointers = [_demonstrative_object(doc, st, lex) and not _runs_on(doc, st, saying) for st in doc.statements]
    keep = [not (p or _pointer_content(doc, st, lex, saying)) for st, p in zip(doc.statements, pointers)]
    said = [_said_before(doc, st) for st, p in zip(doc.statements, pointers) if p]
    doc.keep_statements(keep)
    for st in said:
        if st is None or any(o.content_start < st.content_end and st.content_start < o.content_end
                             for o in doc.statements):
            continue
        at = next((k for k, o in enumerate(doc.statements) if o.content_start > st.content_start), len(doc.statements))
        for o in doc.statements:  # (a statement's parent is an index: those after the new one move by one)
            if o.parent is not None and o.parent >= at:
                o.parent += 1
        doc.statements.insert(at, st)


def _said_before(doc: Document, st):
    """What the demonstrative points back to: the sentence right before the pointer's, when it is the
    writer's own (no statement covers it) and no paragraph but the one before stands between ("… Ukraine
    is not going to withdraw from its territory. Zelenskyy said this during a press conference."): the
    pointer's speaker said it, a statement of its own."""
    if not st.speaker_name or st.cue_start is None:
        return None
    sentences = list(doc.sentences())
    at = next((k for k, z in enumerate(sentences) if z.start <= st.cue_start < z.end), None)
    if not at:
        return None
    prev = sentences[at - 1]
    gap = doc.text[prev.end:sentences[at].start]
    raw = doc.text[prev.start:prev.end]
    body = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    if gap.count("\n") > 2 or len(body.split()) < 5 or body.endswith(("?", ":")) or body[:1] in "-–—•":
        return None
    if any(o.content_start < prev.end and prev.start < o.content_end for o in doc.statements):
        return None
    end = prev.start + lead + len(body.rstrip(" .;"))
    a = prev.start + lead
    quoted = body[:1] in _QUOTES and body.rstrip(" .")[-1:] in _QUOTES
    return replace(st, content_start=a, content_end=end, content=doc.text[a:end],
                   kind="direct" if quoted else "indirect", stances=[], parent=None,
                   rule=(st.rule + "+said-this").lstrip("+"))


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
    # a verb of saying that reports something takes a clause ("adding that …"); one with none is a source's tag
    # ("…, as reported by UNN", "…, Delfi reports"): where the words were read, not more words said
    return any(t.lemma.lower() in saying and any(c.dep.split(":")[0] in _REPORTS for c in doc.children(t))
               for t in doc.tokens_in(st.content_start, st.content_end)[1:])


def _pointer_content(doc: Document, st, lex, saying) -> bool:
    """A content that is itself such a pointer, under a source's tag ("Zelenskyy stated this during a press
    conference, UNN writes", "This is reported by Slovak media", "This was stated on CNN by X"): its main verb
    is one of saying whose object, or passive subject, is the demonstrative, and it reports no clause."""
    if st.kind == "direct" or any(q in st.content for q in _QUOTES):
        return False
    inside = doc.tokens_in(st.content_start, st.content_end)
    if not inside:
        return False
    first, last = inside[0].i, inside[-1].i
    roots = [t for t in inside if t.is_root or not first <= t.head <= last]
    verb = next((t for t in roots if t.pos in ("VERB", "AUX")), None)
    if verb is None or verb.lemma.lower() not in saying:
        return False
    kids = doc.children(verb)
    if any(c.dep.split(":")[0] in ("ccomp", "xcomp", "parataxis") and c.pos in ("VERB", "AUX")
           and st.content_start <= c.start < st.content_end for c in kids):
        return False  # (a clause it reports inside the content; not the tag outside it, "…, UNN writes")
    return any(c.text.lower() in lex.demonstrative_objects and c.dep in ("obj", "nsubj:pass") for c in kids)
