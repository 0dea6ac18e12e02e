"""Where the content of a rule's "X said …" ends, read off the parse of its cue: the rules run the content
to the sentence's end; the parse knows where the reported clause stops."""
from __future__ import annotations

from ...document import Document, Statement


def subtree(doc: Document, tok) -> list:
    """A token and all its descendants, in text order (as ``frames.subtree``)."""
    return doc.governed(tok, ())


def cut_second_predicates(doc: Document) -> None:
    """A rule's "X said …" whose content runs on into a second predicate of the speaker ("X said the plan was
    ready [and called for a vote]", "threatened a veto [and asked the senators to …]", "… [, but X did not say when]"):
    that predicate is coordinated with the cue, not inside what was said; the content ends before it (and
    the second predicate's own frame may then make a statement of its own)."""
    for st in doc.statements:
        if st.rule.split("+")[0] != "leading" or st.cue_start is None:
            continue  # (an act's "urged X to A and B", "vowed not to A and B": the conjunct is as often inside)
        cue = doc.token_at(st.cue_start)
        if cue is None or any(c.dep == "xcomp" for c in doc.children(cue)):
            continue
        end = _before_second_predicate(doc, st, cue)
        if end is not None:
            from .merge import shorten  # (merge reads what this module bounds)
            shorten(doc, st, end)


def _before_second_predicate(doc: Document, st: Statement, cue) -> int | None:
    """Where the content ends before the first verb coordinated with the cue that starts inside it."""
    for c in doc.children(cue):
        if c.dep != "conj" or c.pos not in ("VERB", "AUX") or not _same_subject(doc, c, cue):
            continue
        first = next((t for t in subtree(doc, c) if t.pos not in ("PUNCT", "CCONJ")), None)
        if first is None or not (st.content_start < first.start < st.content_end):
            continue
        kept = [t for t in doc.tokens_in(st.content_start, first.start)
                if t.pos not in ("PUNCT", "CCONJ") or t.text in CLOSE_QUOTES + "\"'"]
        return kept[-1].end if kept else None
    return None


def _same_subject(doc: Document, conjunct, cue) -> bool:
    """No subject of its own, or the cue's named again ("Ruiz said …, but Ruiz gave no date"; a pronoun
    may as well stand for someone inside what was said: "he claimed that X started it and he ended it")."""
    subject = next((c for c in doc.children(conjunct) if c.dep.startswith("nsubj")), None)
    if subject is None:
        return True
    return subject.pos != "PRON" and _subject_words(doc, conjunct) == _subject_words(doc, cue)


def _subject_words(doc: Document, verb) -> list[str]:
    subject = next((c for c in doc.children(verb) if c.dep.startswith("nsubj")), None)
    return [t.text.lower() for t in subtree(doc, subject)] if subject is not None else []


COMPLEMENTIZERS = ("that", "che")
CLAUSE_DEPS = ("ccomp",)
OPEN_QUOTES, CLOSE_QUOTES = "“«", "”»"


def clause_with_conjuncts(doc: Document, cue, clause) -> list:
    """The tokens of a cue's complement clause, with the clauses the parse hung on the cue that go on with it:
    after it, a conjunct opened by a complementizer ("said the talks failed and that a new round …") or
    inside a quotation the clause opens ("said, “The talks failed, and we will not go back”"); before the
    cue, a clause coordinated with it ("The talks failed, but a new round is planned, an aide said")."""
    tokens = subtree(doc, clause)
    for c in doc.children(cue):
        if _split_complement(doc, tokens, c):
            tokens = tokens + subtree(doc, c)
            continue
        if c.dep not in ("conj", "advcl", "parataxis") or c.i <= tokens[-1].i:
            continue
        more = subtree(doc, c)
        if not _adjoins(doc, tokens, more):
            break
        if _goes_on(doc, cue, clause, tokens, c, more):
            tokens = tokens + doc.tokens[tokens[-1].i + 1:more[0].i] + more
    return tokens


def _split_complement(doc: Document, tokens: list, c) -> bool:
    """A second complement of the cue right after the first, with no punctuation between or at the first's end:
    the parse split one clause in two ("said they hoped the plan [will work]", "says it shows [that …]"); not a
    clause after a quotation's close or a comma ("“…,” adding that …": a second report)."""
    return c.dep in CLAUSE_DEPS and c.i > tokens[-1].i and tokens[-1].pos != "PUNCT" \
        and subtree(doc, c)[0].i == tokens[-1].i + 1


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


def fronted_clause(doc: Document, cue) -> list:
    """"The school had closed early, a spokesman told reporters": the parse hung the clause before the cue on
    it as an adverbial clause, though nothing subordinates it (no "when", "as", "while"): a finite clause with
    a subject of its own, ending at the comma before the cue's subject, is what the cue reports."""
    subject = next((s for s in doc.children(cue) if s.dep.startswith("nsubj") and s.i < cue.i), None)
    if subject is None:
        return []
    for c in doc.children(cue):
        if c.dep != "advcl" or c.i > subject.i:
            continue
        tokens = subtree(doc, c)
        while tokens and tokens[-1].text == ",":
            tokens = tokens[:-1]  # (the comma before the subject, hung on either)
        between = doc.tokens[tokens[-1].i + 1:subtree(doc, subject)[0].i] if tokens else []
        if [t.text for t in between] == [","] and _main_clause(doc, c):
            return tokens
    return []


def _main_clause(doc: Document, verb) -> bool:
    """A clause that could stand alone: a subject of its own, a finite verb or auxiliary, and no word that
    subordinates it (a "mark", a relative or interrogative adverb: "when", "where")."""
    kids = doc.children(verb)
    finite = verb.feat("VerbForm") == "Fin" or any(k.dep.startswith(("aux", "cop")) and k.feat("VerbForm") == "Fin"
                                                   for k in kids)
    subordinated = any(k.dep == "mark" or k.feat("PronType") in ("Int", "Rel") for k in kids)
    return finite and not subordinated and any(k.dep.startswith("nsubj") for k in kids)


def narrow_to_fronted_clause(doc: Document, st: Statement, frame, span: tuple) -> None:
    """A rule's parenthetical tag ("A, X said, B") whose content runs across the tag, where the parse reads the
    words before the tag as the cue's complement clause and nothing after it as part of that clause (“…,” X
    said on Monday, citing …): the tag ends what was said, the rest is the reporter's."""
    if not st.rule.startswith("parenthetical") or frame.frame != "clause" or st.cue_start != frame.cue.start:
        return
    a, b = span[0], span[1]
    if st.content_start <= a and b <= frame.cue.start and st.content_end > frame.cue.end \
            and _only_adjuncts_after(doc, frame.cue, st.content_end):
        from .merge import shorten  # (merge reads what this module bounds)
        st.content_start = a
        shorten(doc, st, b)


def _only_adjuncts_after(doc: Document, cue, end: int) -> bool:
    """Every word after the cue up to ``end`` belongs to an adjunct of the cue's own act: a time or place
    ("on Monday", "in Kyiv") or a participle sharing its subject ("citing …"), not a clause that goes on
    with what was said ("…, X said, until the plant closed", "…, X said, and still …")."""
    after = [c for c in doc.children(cue) if c.i > cue.i and c.start < end and c.pos != "PUNCT"]
    for c in after:
        participle = c.dep == "advcl" and c.feat("VerbForm") in ("Ger", "Part") \
            and not any(k.dep.startswith(("nsubj", "mark")) for k in doc.children(c))
        if not (participle or c.dep.split(":")[0] in ("obl", "advmod", "iobj", "obj")):
            return False
    return bool(after)
