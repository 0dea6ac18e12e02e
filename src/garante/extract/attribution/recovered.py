"""Frames the parse misreads, recovered (issue 12): a listed cue whose content the parse does not give as
its complement. Each recovery names its frame (and so its statement's rule, ``parse-<frame>``):

- ``verb-as-noun`` (``-xcomp``, ``-object``): a verb's present third person that the tagger read as a plural
  noun ("The poll shows that …", "Trump charges that …", "… and plans to cut taxes"); it is read as the verb
  when it heads a complement of its own and has a subject (its own, the noun the tagger joined to it, or the
  verb it is conjoined to);
- ``according`` (a relative one): "Secondo quanto riferito da fonti diplomatiche, il viaggio …": the parse
  takes the relative pronoun for the source of "secondo"; the passive's agent is, the clause the phrase
  opens the content (kept as the parse's other "according" frames are: for an unnamed source);
- ``comment-clause``: "As the minister said, the talks will resume" / "…, as she said" / "…, come ha
  ricordato il portavoce": a cue of saying in a comment clause the parse hung on the clause it reports (an
  adverbial clause); the content is that clause.

Language knowledge is data, in ``data/lang/<code>/recovered.yaml``; a language without the file gets none.
"""
from __future__ import annotations

from functools import lru_cache

from ... import lang as langdata
from ...document import Document
from ...nlp.layer import doc_language
from .frames import AGENT, CLAUSE, SUBJECT, ParsedFrame, content_of, source_of, subtree, trim, without
from .lexicon import AttributionLexicon

NOUN_SUBJECT = ("compound",)  # the noun the tagger joined to a verb it read as a noun ("Another slide shows")
REPORTED = ("ccomp", "acl", "acl:relcl")  # where a verb-as-noun's "that"-clause hangs
HUNG_SPEAKER = ("appos", "parataxis")  # how the parse hangs a closing cue's speaker on the content's last noun
MIN_CONTENT = 3  # tokens of a comment clause's content, punctuation left out


@lru_cache(maxsize=None)
def _data(code: str) -> dict:
    data = langdata.topic(code, "recovered") if code else None
    return {k: frozenset(str(x).lower() for x in v) for k, v in (data or {}).items() if isinstance(v, list)}


def recovered_frame(doc: Document, t, lemma: str, lex: AttributionLexicon) -> ParsedFrame | None:
    """The frame of cue token ``t`` that a misparse hides, or None."""
    if t.pos != "NOUN" and t.pos != "VERB":
        return None  # (asked of every token of a document: the language's data only where it can matter)
    data = _data((doc_language(doc) or "")[:2])
    if not data:
        return None
    if t.pos == "NOUN":
        return verb_as_noun(doc, t, lemma, lex, data)
    if t.pos == "VERB" and t.dep == "advcl" and not t.is_root:
        return comment_clause(doc, t, lemma, lex, data)
    if t.pos == "VERB" and t.dep == "acl:relcl" and not t.is_root:
        return according_relative(doc, t, lemma, lex, data)
    return medium_clause(doc, t, lemma, lex, data) if t.pos == "VERB" else None


def verb_as_noun(doc: Document, t, lemma: str, lex: AttributionLexicon, data: dict) -> ParsedFrame | None:
    frames = lex.verb_frames(lemma) or ({"clause"} if lemma in lex.broad_verbs else set())
    low = t.text.lower()
    if not frames or low == lemma or not any(low.endswith(e) for e in data.get("verb_noun_endings", ())):
        return None
    if t.dep not in ("ROOT", "conj", "parataxis") and not t.is_root:
        return None  # a noun in a phrase ("the plans of the government") stays a noun
    source = _noun_verb_source(doc, t)
    if source is None:
        return None
    if "clause" in frames:
        clause = next((c for c in doc.children(t) if c.i > t.i and c.dep in REPORTED and _that_clause(doc, c)), None)
        if clause is not None:
            content = [x for x in subtree(doc, clause) if not (x.head == clause.i and x.dep == "mark")]
            return ParsedFrame(t, "verb-as-noun", content, source, weak=not lex.verb_frames(lemma))
    kind, content = content_of(doc, t, frames - {"clause"})
    if kind in ("xcomp", "object") and content and content[0].i > t.i:
        return ParsedFrame(t, f"verb-as-noun-{kind}", content, source)
    return None


def _is_report(doc: Document, head, lex: AttributionLexicon) -> bool:
    """The clause commented on is a report of its own ("X said …", "this was stated by X"): a verb that takes
    a reported clause, with its speaker named (a subject, or a passive's agent)."""
    lemma = head.lemma.lower()
    if head.pos not in ("VERB", "AUX") or "clause" not in lex.verb_frames(lemma) and lemma not in lex.broad_verbs:
        return False
    return any(c.dep in SUBJECT + AGENT for c in doc.children(head))


def _that_clause(doc: Document, clause) -> bool:
    """A finite clause of its own: a subject and a subordinating "that" (or a clausal complement the parse
    labelled as one)."""
    if not any(c.dep in SUBJECT + ("nsubj:pass", "expl") for c in doc.children(clause)):
        return False
    return clause.dep == "ccomp" or any(c.dep == "mark" and c.pos == "SCONJ" for c in doc.children(clause))


def _noun_verb_source(doc: Document, t):
    """The subject of a verb the tagger read as a noun: its own, the noun before it the parse compounded with
    it, or the subject of the verb it is conjoined to."""
    subj = next((c for c in doc.children(t) if c.dep in SUBJECT and c.i < t.i), None)
    if subj is not None:
        return subj
    nouns = [c for c in doc.children(t) if c.dep in NOUN_SUBJECT and c.i < t.i and c.pos in ("NOUN", "PROPN")]
    if nouns:
        return nouns[-1]
    if t.dep == "conj" and not t.is_root and doc.tokens[t.head].pos in ("VERB", "AUX"):
        return source_of(doc, doc.tokens[t.head])
    return None


def comment_clause(doc: Document, t, lemma: str, lex: AttributionLexicon, data: dict) -> ParsedFrame | None:
    if "clause" not in lex.verb_frames(lemma):
        return None
    marks = [c for c in doc.children(t) if c.dep == "mark"]
    if len(marks) != 1 or marks[0].lemma.lower() not in data.get("comment_markers", ()):
        return None
    mark = marks[0]
    own = subtree(doc, t)
    words = [x for x in own if x.pos != "PUNCT"]
    if words[0].i != mark.i or mark.i + 1 >= len(doc.tokens) \
            or doc.tokens[mark.i + 1].text.lower() in data.get("comment_marker_blockers", ()):
        return None  # "as soon as", "just as": not a comment clause opening with the subordinator
    if any(c.dep in CLAUSE + ("xcomp",) for c in doc.children(t)):
        return None  # "as he said that …": the cue reports something of its own
    source = next((c for c in doc.children(t) if c.dep in SUBJECT), None)
    objects = [c for c in doc.children(t) if c.dep in ("obj", "dobj")]
    if objects and (source is not None or objects[0].i < t.i or objects[0].pos not in ("NOUN", "PROPN")):
        return None  # "as he said it"; but "come ha spiegato Tajani": a comment clause reports nothing of its
    source = source or (objects[0] if objects else None)  # own, so the noun after the cue is its subject
    if source is None or source.pos == "PRON" and source.lemma.lower() in ("it", "which", "what"):
        return None  # "as expected", "as it says", "as reported by X" (an outlet passing news on): no one speaking
    head = doc.tokens[t.head]
    if head.sent != t.sent or head.pos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return None
    content = trim(without(subtree(doc, head), own))
    if len([x for x in content if x.pos != "PUNCT"]) < MIN_CONTENT \
            or not any(x.pos in ("VERB", "AUX") or x.dep == "cop" for x in content):
        return None
    rest = [x for x in subtree(doc, head) if x.pos != "PUNCT" and not words[0].i <= x.i <= words[-1].i]
    if not (rest[-1].i < words[0].i or rest[0].i > words[-1].i) or _is_report(doc, head, lex):
        return None  # a comment clause inside its clause ("their desire, as they said, to reach …"), or on a
        # clause that is itself a report ("Mr. X said …, as officials noted"): the words are not the commenter's
    return ParsedFrame(t, "comment-clause", content, source)


def according_relative(doc: Document, t, lemma: str, lex: AttributionLexicon, data: dict) -> ParsedFrame | None:
    """"secondo quanto riferito da X, …": cue ``t`` in a relative clause on one of the language's
    ``according_relatives`` ("quanto"), which an ``according_markers`` word ("secondo") governs; the cue's
    agent is the source, the clause the phrase hangs on the content."""
    if "clause" not in lex.verb_frames(lemma):
        return None
    pronoun = doc.tokens[t.head]
    if pronoun.text.lower() not in data.get("according_relatives", ()) or pronoun.is_root or not any(
            c.dep == "case" and c.text.lower() in data.get("according_markers", ()) for c in doc.children(pronoun)):
        return None
    source = next((c for c in doc.children(t) if c.dep in AGENT or c.dep == "obl" and any(
        k.dep == "case" and k.text.lower() in data.get("agent_cases", ()) for k in doc.children(c))), None)
    head = doc.tokens[pronoun.head]
    if source is None or head.sent != t.sent or head.pos not in ("VERB", "AUX", "ADJ"):
        return None
    content = trim(without(subtree(doc, head), subtree(doc, pronoun)))
    if len([x for x in content if x.pos != "PUNCT"]) < MIN_CONTENT:
        return None
    return ParsedFrame(t, "according", content, source)


def medium_clause(doc: Document, t, lemma: str, lex: AttributionLexicon, data: dict) -> ParsedFrame | None:
    """"X said in a statement that …": cue ``t`` with no clausal complement of its own and a phrase after it
    on one of the language's ``medium_nouns``, in whose words the parse hung a clause that a ``medium_marks``
    word opens and that has a subject of its own (not the relative pronoun: "in a statement that was read
    out" is a relative clause); that clause is the content."""
    if "clause" not in lex.verb_frames(lemma) or any(c.dep in CLAUSE for c in doc.children(t)):
        return None
    for phrase in doc.children(t):
        if phrase.dep != "obl" or phrase.i < t.i or phrase.lemma.lower() not in data.get("medium_nouns", ()):
            continue
        clause = next((x for x in subtree(doc, phrase) if x.dep in REPORTED and x.sent == t.sent
                       and _opened_by_mark(doc, x, data)), None)
        if clause is not None:
            return ParsedFrame(t, "medium-clause", subtree(doc, clause)[1:], source_of(doc, t))
    return None


def _opened_by_mark(doc: Document, clause, data: dict) -> bool:
    """The clause's first word is a ``medium_marks`` word ("that", whatever relation the parse gave it) and
    a subject of its own stands after it."""
    words = subtree(doc, clause)
    first = words[0]
    if first.text.lower() not in data.get("medium_marks", ()) or first.head != clause.i:
        return False
    return any(c.dep in SUBJECT + ("nsubj:pass", "expl") and c.i > first.i for c in doc.children(clause))


def trailing_appositive(doc: Document, t, content: list):
    """"…, a senior US official, who spoke on condition of anonymity, said.": a cue closing its sentence with
    no subject of its own, whose speaker the parse hung on the last noun of the clause it reports, as an
    apposition (or a parataxis) set off by a comma that runs up to the cue: (that noun, the content without
    it), else None."""
    if not content or content[-1].i > t.i or any(c.dep in SUBJECT + AGENT for c in doc.children(t)):
        return None
    inside = {x.i for x in content}
    for x in reversed(content):
        if x.dep not in HUNG_SPEAKER or x.pos not in ("NOUN", "PROPN") or doc.tokens[x.head].i not in inside \
                or any(c.dep in SUBJECT + ("cop",) for c in doc.children(x)):
            continue  # (a noun with a subject or copula of its own is a clause: "…, the reason is X, he said")
        own = [y for y in subtree(doc, x) if y.pos != "PUNCT"]  # (the parse may give it the commas around it)
        before, after = doc.tokens[own[0].i - 1], doc.tokens[own[-1].i + 1:t.i]
        if before.text != "," or any(y.pos != "PUNCT" for y in after):
            return None
        rest = trim([y for y in content if y.i < before.i])
        return (x, rest) if rest else None
    return None
