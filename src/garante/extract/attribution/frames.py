"""Attribution frames on the dependency parse: a cue token, the token heading its source and the
tokens of its content (Universal Dependencies v2 relations)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...document import Document
from ...nlp.layer import doc_language
from .clause_bounds import clause_with_conjuncts, fronted_clause
from .lexicon import AttributionLexicon, attribution_lexicon

SUBJECT = ("nsubj", "nsubj:outer")
AGENT = ("obl:agent", "agent")  # "agent" is the ClearNLP label of a passive's "by"
CLAUSE = ("ccomp",)
RELATIVE = ("acl:relcl", "relcl", "acl")
CARRIES_SUBJECT = ("conj", "xcomp", "advcl")  # "… and said", "went on to say", "…, saying that"
BOUNDARY = {"punct", "cc"}


@dataclass
class ParsedFrame:
    cue: object  # the cue Token
    frame: str  # clause | parenthetical | xcomp | object | noun | noun-infinitive | adjective | according
    content: list = field(default_factory=list)  # tokens of the content
    source: object | None = None  # the Token heading the source, if the sentence names it
    lemma: str = ""  # the cue's lemma as the lexicon knows it
    weak: bool = False  # a cue of the broad lexicon (attribution_wordnet.yaml), kept only in a reporting frame
    unlisted: bool = False  # a verb no list names, with a subject and a "that"-clause: a candidate only
    open: bool = False  # a verb no list names, in PolNeAR's reading of every attribution (open_frames.py)


def subtree(doc: Document, tok, skip: tuple[str, ...] = ()) -> list:
    """A token and all its descendants, in text order; children whose relation is in ``skip`` are left out
    (``Document.governed``: walked once per token while the parse stands, a new list each call)."""
    return doc.governed(tok, tuple(skip))


def trim(tokens: list) -> list:
    """Drop punctuation and conjunctions at both edges of a span (quotation marks stay: they tell the kind)."""
    while tokens and (tokens[0].dep in BOUNDARY and tokens[0].text not in "“\"«‘"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep in BOUNDARY and tokens[-1].text not in "”\"»’"):
        tokens = tokens[:-1]
    return tokens


def without(tokens: list, removed: list, head=None) -> list:
    """The tokens of a span less another span's, cut to one contiguous run: the one that holds ``head`` where
    given ("A rose 20 percent, according to X, more than …": the clause, not the words after the phrase), else
    the longest."""
    gone = {t.i for t in removed}
    runs, run = [], []
    for t in tokens:
        if t.i in gone:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(t)
    if run:
        runs.append(run)
    held = [r for r in runs if head is not None and any(t.i == head.i for t in r)]
    return held[0] if held else max(runs, key=len) if runs else []


def _child(doc: Document, tok, deps: tuple[str, ...]):
    return next((c for c in doc.children(tok) if c.dep in deps), None)


def marked_clause(doc: Document, cue, marks):
    """The complement clause after ``cue`` that a complementizer of ``marks`` opens ("… that …"), or None."""
    return next((c for c in doc.children(cue) if c.dep in CLAUSE and c.i > cue.i
                 and any(m.dep == "mark" and m.text.lower() in marks for m in doc.children(c))), None)


def source_of(doc: Document, cue):
    """The token heading the cue's source: its subject, a passive's agent, or the subject it shares."""
    temporal = False
    for step in range(3):
        # (the verb a temporal infinitive hangs on may be passive: "è stato accolto …, prima di ribadire che")
        subj = _child(doc, cue, SUBJECT + ("nsubj:pass",) if temporal else SUBJECT)
        for aux in (c for c in doc.children(cue) if c.dep in ("aux", "aux:pass", "cop") and subj is None):
            subj = _child(doc, aux, SUBJECT)  # a subject the parser hung on the auxiliary
        if subj is not None and subj.feat("PronType") == "Rel" and cue.dep in RELATIVE and not cue.is_root:
            return doc.tokens[cue.head]  # "an architect who said …": the noun the relative pronoun stands for
        if subj is not None:
            return subj
        agent = _child(doc, cue, AGENT) if step == 0 else None  # ("…, citato dalla Tass, sottolineando che":
        if agent is not None:                                    # not the agent of the clause it hangs on)
            return _child(doc, agent, ("pobj",)) if agent.pos == "ADP" else agent
        if cue.dep in RELATIVE and not cue.is_root:
            return doc.tokens[cue.head]  # "officials who said …", "fonti vicine al Cremlino che dicono"
        if cue.dep not in CARRIES_SUBJECT or cue.is_root:
            return None
        if _clefted(doc, cue):
            return doc.tokens[cue.head]  # "È stato il ministro X a dire che …": the noun the cleft puts first
        temporal = cue.feat("VerbForm") == "Inf" and cue.dep == "advcl" and _temporal_mark(doc, cue)
        if cue.feat("VerbForm") == "Inf" and cue.dep != "xcomp" and not finite_aux(doc, cue) and not temporal:
            return None  # "per assicurare che …": a purpose, not the subject's words ("prima di ribadire che …" are)
        cue = _governing_verb(doc, cue)
    return None


def _temporal_mark(doc: Document, cue) -> bool:
    """An infinitive that a mark of time opens ("prima di ribadire che …", attribution.yaml
    temporal_infinitive_marks): it tells what the subject of the clause it hangs on went on to say."""
    lex = attribution_lexicon(doc_language(doc))
    return lex is not None and any(c.dep == "mark" and c.text.lower() in lex.temporal_marks for c in doc.children(cue))


def finite_aux(doc: Document, cue) -> bool:
    """An infinitive with a finite auxiliary of its own is a finite predicate ("… but did not suggest that …",
    "… e potrebbe dire che …": do-support or a modal), a conjunct sharing its subject, not a purpose clause."""
    return any(c.dep == "aux" and c.feat("VerbForm") == "Fin" and c.i < cue.i for c in doc.children(cue))


def definite_before(doc: Document, head) -> bool:
    """Whether a definite article stands before ``head`` as its determiner ("the diplomat", "la coalizione")."""
    return any(c.dep == "det" and c.feat("Definite") == "Def" and c.i < head.i for c in doc.children(head))


def _governing_verb(doc: Document, cue):
    """The verb whose subject ``cue`` shares: its head, or, for a gerund the parse hung on the clause another
    verb reports, that verb ("Lavrov said the border would stay open, insisting that …": Lavrov, not the border;
    "ha detto che la Russia non cederà, precisando che …": not Russia). A gerund adjunct takes the subject of
    the sentence's main clause, never of a complement or relative clause inside it ("ha criticato i droni che
    l'Iran ha fornito alla Russia, affermando che …": not Iran)."""
    head = doc.tokens[cue.head]
    if not _gerund_adjunct(cue):
        return head
    for _ in range(3):
        if head.is_root or head.dep not in CLAUSE + RELATIVE:
            return head
        head = doc.tokens[head.head]
        if head.dep.split(":")[0] in ("obj", "obl", "nsubj") and head.pos in ("NOUN", "PROPN") and not head.is_root:
            head = doc.tokens[head.head]  # (a relative clause's noun: the verb it belongs to)
    return head


def _clefted(doc: Document, cue) -> bool:
    """The infinitive of a cleft sentence ("È lo stesso presidente ad affermare che …", "È stato Sikorski a dire"):
    the infinitive with its "a" hangs on a noun that a copula makes the predicate."""
    head = doc.tokens[cue.head]
    return cue.dep == "xcomp" and cue.feat("VerbForm") == "Inf" and head.pos in ("NOUN", "PROPN") \
        and any(c.dep == "mark" and c.lemma.lower() == "a" for c in doc.children(cue)) \
        and any(c.dep == "cop" for c in doc.children(head)) and not any(c.dep in SUBJECT for c in doc.children(head))


def inverted_subject(doc: Document, cue):
    """The noun after a parenthetical cue that the parser took for its object ("“…”, afferma una fonte"): a
    verb whose words are the quotation has no object, so the noun is the subject put after it."""
    if _child(doc, cue, SUBJECT) is not None:
        return None
    nouns = [c for c in doc.children(cue) if c.dep == "obj" and c.i > cue.i and c.pos == "NOUN"]
    noun = nouns[-1] if nouns else None  # (the last: an article "un’" the tokenizer left whole reads as a noun too)
    if noun is None or any(c.dep == "det" and c.feat("Definite") == "Def" for c in doc.children(noun)):
        return None  # "…, ha detto la viceministra": someone named before, as the rules find
    return noun


def conjunction_subject(doc: Document, cue):
    """The subject the parser hung on a subordinating conjunction it read as a preposition ("dopo che il
    presidente Zelensky si è dichiarato disponibile": "presidente" as an oblique of "dopo che")."""
    for c in doc.children(cue):
        if c.dep == "obl" and c.i < cue.i and c.pos in ("NOUN", "PROPN") and any(
                k.dep == "case" and any(f.dep == "fixed" and f.pos == "SCONJ" for f in doc.children(k))
                for k in doc.children(c)):
            return c
    return None


def content_of(doc: Document, cue, frames: set[str]) -> tuple[str, list]:
    """(frame, content tokens) of a verb cue, or ('', [])."""
    if "clause" in frames:
        for c in doc.children(cue):
            if c.dep in CLAUSE or (c.dep == "parataxis" and c.i > cue.i and _introduced(doc, c)):
                return "clause", clause_with_conjuncts(doc, cue, c)
        if cue.dep == "parataxis" and not cue.is_root and not _after_colon(doc, doc.tokens[cue.head], cue):
            # "“…,” he said" / "…, she said, …" (a clause after a colon is what the words before it announce)
            content = without(subtree(doc, doc.tokens[cue.head]), subtree(doc, cue))
            if any(t.pos in ("VERB", "AUX") or t.text in OPENING + CLOSING + EITHER for t in content):
                return "parenthetical", content  # (not a dateline the parse hung the cue on: "LONDON, March 3 -")
        inserted = _inserted(doc, cue)
        if inserted:
            return "parenthetical", inserted
        quote = adjacent_quote(doc, cue)
        if quote:
            return "quote", quote
        fronted = fronted_clause(doc, cue)
        if fronted:
            return "clause", fronted
    if "predicate" in frames:
        content = predicate(doc, cue)
        if content:
            return "predicate", content
    x = _child(doc, cue, ("xcomp",)) if "xcomp" in frames else None
    o = _child(doc, cue, ("obj", "dobj")) if "object" in frames else None
    if x is not None and x.pos in ("VERB", "AUX") and (o is None or x.i < o.i):
        return "xcomp", subtree(doc, x)
    if o is not None and o.pos in ("NOUN", "PROPN"):
        return "object", _with_complement(doc, cue, subtree(doc, o))
    if x is not None and x.pos in ("VERB", "AUX"):
        return "xcomp", subtree(doc, x)
    if "oblique" in frames:  # "referring to the annexation", "si è detto contrario all'invio"
        o = next((c for c in doc.children(cue) if c.dep == "obl" and c.i > cue.i), None)
        if o is not None and o.pos in ("NOUN", "PROPN"):
            return "oblique", [t for t in subtree(doc, o) if not (t.head == o.i and t.dep == "case")]
    return "", []


def misread_complement(doc: Document, cue, frames: set[str], lex: AttributionLexicon) -> tuple[str, list]:
    """Complements the parse hung on the verb under another relation, or that its frames do not name:
    - an indirect question ("questioned whether the plan would work", "discussed how the rules could
      change", "was pressed on why the plan leaves out fathers"): a complement clause, or an adverbial clause
      opened by an interrogative that no adverbial clause opens ("whether", "how", "why", not "if"/"when":
      ``adverbial_interrogatives``), is what a listed verb reports, whichever frames it has;
    - the infinitive of a verb whose frame it is ("vowed last month to take …", "sought to ease …") that the
      parse read as an adverbial clause of purpose, with no subject of its own and its infinitive particle
      right before it (a preposition, "per"/"for", opens a purpose)."""
    for c in doc.children(cue):
        if c.i <= cue.i or c.dep not in ("ccomp", "advcl") or c.sent != cue.sent:
            continue
        tokens = subtree(doc, c)
        first = tokens[0]
        if first.dep in ("case", "mark") and first.pos in ("ADP", "SCONJ") and len(tokens) > 1 \
                and first.text.lower() not in lex.interrogatives and first.text.lower() not in MARKS:
            first = tokens[1]  # "pressed the minister on why …", "asked about how …": after the verb's preposition
        opener = first.text.lower()
        if opener in lex.interrogatives and (c.dep == "ccomp" or opener not in lex.adverbial_interrogatives) \
                and first.i > cue.i:
            return "clause", subtree(doc, c)
    if "xcomp" in frames and _child(doc, cue, ("xcomp",)) is None:
        for c in doc.children(cue):
            if c.i > cue.i and c.dep == "advcl" and c.pos == "VERB" and c.feat("VerbForm") == "Inf" \
                    and _child(doc, c, SUBJECT) is None \
                    and any(m.dep == "mark" and m.pos == "PART" and m.i == c.i - 1 for m in doc.children(c)):
                return "xcomp", subtree(doc, c)
    return "", []


def predicate(doc: Document, cue) -> list:
    """"Zelensky si è dichiarato disponibile a un incontro", "si dice contraria all'invio di truppe": a
    reflexive verb of saying with a predicative adjective says what the adjective and its complements say
    (the complements the parse hung on the verb after the adjective included)."""
    if not any(c.dep.startswith("expl") for c in doc.children(cue)):
        return []
    # (an adjective the tagger read as a bare noun, with no article: "si è detto contrario all'invio")
    adj = next((c for c in doc.children(cue) if c.dep == "xcomp" and c.i > cue.i and (c.pos == "ADJ" or c.pos == "NOUN"
                and not any(d.dep == "det" for d in doc.children(c)))), None)
    if adj is None:
        return []
    out = subtree(doc, adj)
    for c in doc.children(cue):
        rest = subtree(doc, c)
        if c.dep in ("obl", "advmod", "nmod", "advcl", "ccomp") and rest[0].i == out[-1].i + 1:
            out += rest
    return out


def _with_complement(doc: Document, cue, obj: list) -> list:
    """The object and the infinitive right after it that the parse hung on the verb ("ha ribadito il
    rifiuto dell'Italia [di inviare truppe]", "criticized the plan [to send troops]")."""
    x = next((c for c in doc.children(cue) if c.dep in ("xcomp", "acl") and c.i > obj[-1].i), None)
    if x is None:
        return obj
    rest = subtree(doc, x)
    return obj + rest if rest[0].i == obj[-1].i + 1 else obj


OPENING, CLOSING, EITHER = "“«‘", "”»’", "\""


def adjacent_quote(doc: Document, cue) -> list:
    """"“…?” Clinton said." / "He said: “…”": the quotation right before the reporting clause (up to a
    comma) or right after its colon, when the parse left it outside the cue's clause."""
    own = subtree(doc, cue)
    first, last = own[0].i, own[-1].i
    while last > first and doc.tokens[last].dep == "punct" and doc.tokens[last].text in ".":
        last -= 1
    before = doc.tokens[first - 1] if first > 0 and not _inside_reported(doc, cue) else None
    if before is not None and before.text in CLOSING + EITHER and before.sent == cue.sent - 1 or \
            before is not None and before.text in CLOSING + EITHER and before.sent == cue.sent:
        opening = _match_back(doc, before.i)
        if opening is not None:
            return doc.tokens[opening:before.i + 1]
    after = doc.tokens[last + 1:last + 3]
    if len(after) == 2 and after[0].text == ":" and after[1].text in OPENING + EITHER:
        closing = _match_forward(doc, after[1].i)
        if closing is not None:
            return doc.tokens[after[1].i:closing + 1]
    return []


def _gerund_adjunct(cue) -> bool:
    """A gerund or participle set beside a clause ("…, commenting on the news"): it shares the subject of the
    sentence's main clause."""
    return cue.dep == "advcl" and cue.feat("VerbForm") in ("Ger", "Part")


def _inside_reported(doc: Document, cue) -> bool:
    """A gerund adjunct the parse hung on a reported or relative clause ("X stated that it is time “to …”,
    commenting on …"): a quotation right before it is part of what that clause reports, not its own words."""
    return _gerund_adjunct(cue) and not cue.is_root and doc.tokens[cue.head].dep in CLAUSE + RELATIVE


def _match_back(doc: Document, close_i: int, limit: int = 200):
    for i in range(close_i - 1, max(-1, close_i - limit), -1):
        if doc.tokens[i].text in OPENING + EITHER:
            return i
        if doc.tokens[i].text in CLOSING:
            return None
    return None


def _match_forward(doc: Document, open_i: int, limit: int = 200):
    for i in range(open_i + 1, min(len(doc.tokens), open_i + limit)):
        if doc.tokens[i].text in CLOSING + EITHER:
            return i
        if doc.tokens[i].text in OPENING:
            return None
    return None


def _introduced(doc: Document, clause) -> bool:
    """A clause after the cue is what it reports only when a colon or a quotation mark opens it
    ("ha detto: «…»"); a parataxis after a comma is another sentence run on."""
    first = subtree(doc, clause)[0]
    prev = doc.tokens[first.i - 1] if first.i > 0 else None
    return first.text in OPENING + EITHER or (prev is not None and prev.text in ":" + OPENING + EITHER)


def _after_colon(doc: Document, cue, clause) -> bool:
    """The clause comes right after the cue's colon ("X è stato netto: «…»"), not after a comma (a tag
    "…, ha affermato Lavrov" is a parataxis too)."""
    gap = doc.tokens[cue.i + 1:subtree(doc, clause)[0].i + 1]
    return any(t.text == ":" for t in gap) and all(t.pos == "PUNCT" for t in gap[:-1])


def _inserted(doc: Document, cue) -> list:
    """"Climate change, Mr. Obama often says, is …": a cue with its own subject set off by commas inside
    a sentence reports the whole sentence (the insertion included, as the rule path and PolNeAR have it)."""
    own = subtree(doc, cue)
    if _child(doc, cue, SUBJECT) is None or len(own) > 8:
        return []
    sentence = [t for t in doc.tokens_in(own[0].start - 300, own[-1].end + 600) if t.sent == cue.sent]
    before = [t for t in sentence if t.i < own[0].i]
    after = [t for t in sentence if t.i > own[-1].i]
    if not before or not after or before[-1].text != "," or after[0].text not in ",;":
        return []
    if len([t for t in before if t.pos not in ("PUNCT",)]) < 2 or len(after) < 3:
        return []
    return sentence


def noun_frame(doc: Document, cue, every: bool = False) -> ParsedFrame | None:
    """"the claim by X that …", "X's insistence that …", "la dichiarazione di X secondo cui …"; with a light
    verb, "X made the point that …", "X had a clear message: …", "X ha espresso il timore che …"."""
    clause = next((c for c in doc.children(cue) if c.dep in ("ccomp", "acl") and c.pos in ("VERB", "AUX", "ADJ")
                   and any(m.dep == "mark" for m in doc.children(c))), None)
    light = _light_verb(doc, cue)
    if light is not None:
        return _light_frame(doc, cue, light, clause)
    if clause is None and every:  # (PolNeAR's reading only: our corpus lists few of these)
        clause = _stray_clause(doc, cue)
        if clause is None:
            return _copular_frame(doc, cue)
    if clause is None:
        return None
    source = _child(doc, cue, ("nmod:poss", "poss"))
    if source is None:
        by = [c for c in doc.children(cue) if c.dep == "nmod" and c.i < clause.i]
        source = by[0] if by else None
    if source is None:
        return None
    # an infinitive ("the decision to impose sanctions", "NATO's promise not to expand") is a frame of its own,
    # which a language keeps or not (`frames:`): what the noun is for more often than what was said
    kind = "noun-infinitive" if clause.feat("VerbForm") == "Inf" else "noun"
    if kind == "noun" and source.pos == "PRON" and not _finite_clause(doc, clause):
        return None  # "his claim that …" reports; "his plan for cutting the budget" does not
    return ParsedFrame(cue, kind, subtree(doc, clause), source)


def _stray_clause(doc: Document, cue):
    """"Politifact seized on Trump's claim that there were …": a "that"-clause right after the noun that the
    parse hung on the verb of the sentence (or read as a sentence of its own) is still the noun's complement;
    its complementizer follows the noun with nothing between them."""
    nxt = doc.tokens[cue.i + 1] if cue.i + 1 < len(doc.tokens) else None
    if nxt is None or nxt.dep != "mark" or nxt.pos != "SCONJ" or nxt.text.lower() not in MARKS or nxt.sent != cue.sent:
        return None
    head = doc.tokens[nxt.head]
    finite = _finite_clause(doc, head)
    if head.dep in ("cop", "aux", "aux:pass") and not head.is_root:
        head = doc.tokens[head.head]  # (a complementizer the parse hung on the clause's copula: "that there have been …")
    if head.i <= cue.i or head.pos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") or not (finite or _finite_clause(doc, head)):
        return None
    return None if any(t.i == cue.i for t in subtree(doc, head)) else head


COPULAR_SUBJECT = ("nsubj:outer", "nsubj")


def _copular_frame(doc: Document, cue) -> ParsedFrame | None:
    """"The senator's answer was that the plan costs too much", "la posizione di Roma è che …": a noun of
    saying whose predicate, after a copula, is a "that"-clause says what the clause says (the parse makes
    the clause the head, the noun its outer subject and the copula its own)."""
    if cue.dep not in COPULAR_SUBJECT or cue.is_root:
        return None
    head = doc.tokens[cue.head]
    cop = next((c for c in doc.children(head) if c.dep == "cop" and cue.i < c.i < head.i), None)
    mark = next((c for c in doc.children(head) if c.dep == "mark" and c.text.lower() in MARKS), None)
    if cop is None or mark is None or not cop.i < mark.i < head.i or not _finite_clause(doc, head):
        return None
    source = _child(doc, cue, ("nmod:poss", "poss")) or next(
        (c for c in doc.children(cue) if c.dep == "nmod" and c.i > cue.i), None)
    if source is None:
        return None
    content = [t for t in subtree(doc, head) if t.i >= mark.i]
    return ParsedFrame(cue, "noun", content, source)


MARKS = {"che", "that"}


def _finite_clause(doc: Document, head) -> bool:
    """A clause with a finite verb, auxiliary or copula (a "that"-clause), not a gerund or participle."""
    return head.feat("VerbForm") == "Fin" or any(
        c.dep in ("aux", "aux:pass", "cop") and c.feat("VerbForm") == "Fin" for c in doc.children(head))


def _light_verb(doc: Document, cue):
    """The verb a noun of saying is the object of, where the language lists it as light ("made the point")."""
    if cue.dep not in ("obj", "dobj") or cue.is_root:
        return None
    verb = doc.tokens[cue.head]
    lex = attribution_lexicon(doc_language(doc) or None)
    if lex is None or verb.pos != "VERB":
        return None
    from . import _repairs  # (a lemma the model cut at the wrong letter: "expressed" -> "expresse")
    lemma = verb.lemma.lower()
    return verb if lemma in lex.light_verbs or not lex.verb_frames(lemma) and any(
        x in lex.light_verbs for x in _repairs(lemma)) else None


def _light_frame(doc: Document, noun, verb, clause) -> ParsedFrame | None:
    """The light verb's subject is the source; the noun's clause, or what follows the verb's colon, the content."""
    if clause is None:  # (a parse may read the complement clause as a relative one: its "that" is still a mark)
        clause = next((c for c in doc.children(noun) if c.dep.startswith("acl") and c.pos in ("VERB", "AUX", "ADJ")
                       and any(m.dep == "mark" for m in doc.children(c))), None)
    if clause is None:  # "made the point that …" with the clause hung on the verb, or "had a message: …"
        clause = next((c for c in doc.children(verb) if c.i > noun.i and (
            c.dep == "ccomp" and any(m.dep == "mark" for m in doc.children(c))
            or c.dep == "parataxis" and _after_colon(doc, noun, c))), None)
    source = source_of(doc, verb)
    if clause is None or source is None:
        return None
    return ParsedFrame(noun, "light", subtree(doc, clause), source)


def adjective_frame(doc: Document, cue) -> ParsedFrame | None:
    """"X was explicit that …", "X made clear that …", "X si è detto convinto che …", and after a colon
    "X was clear: …", "X è stato netto: «…»" (the parse's parataxis)."""
    clause = _child(doc, cue, ("ccomp",)) or next(
        (c for c in doc.children(cue) if c.dep == "parataxis" and c.i > cue.i and _after_colon(doc, cue, c)), None)
    if clause is None:
        return None
    return ParsedFrame(cue, "adjective", subtree(doc, clause), source_of(doc, cue))


def according_frames(doc: Document, tokens: list, phrases, every: bool = False) -> list[ParsedFrame]:
    """"according to X, …", "secondo X …", "a detta di X": X is the source, the clause it modifies the content.
    ``every`` (PolNeAR's reading): a phrase inside its sentence after a clause that is whole before it ("A rose
    20 percent, according to X, more than …") reports that clause, not the longer words after it."""
    out = []
    low = [t.text.lower() for t in tokens]
    by_first = _by_first_word(tuple(phrases))
    for k in range(len(tokens)):
        for phrase in by_first.get(low[k], ()) if by_first is not None else phrases:
            n = len(phrase)
            if tuple(low[k:k + n]) != phrase or k + n >= len(tokens):
                continue
            if phrase == ("per",) and (k > 0 and tokens[k - 1].text not in _OPENERS):
                continue  # "per" is "for" unless it opens the sentence or an aside ("Per X, …"), not after a quote
            source = _according_source(doc, tokens[k], tokens[k + n])
            if source is None or source.pos not in ("PROPN", "NOUN", "PRON"):
                continue
            if phrase == ("per",) and k > 0 and not _comma_after(doc, source):
                continue  # ", per la Cina, …": an aside stands apart; "garanzie per Kiev" is "for"
            verb = _clause_head(doc, doc.tokens[source.head])
            if verb.i == source.i or verb.pos not in ("VERB", "AUX", "ADJ", "NOUN"):
                continue
            verb = _sentence_clause(doc, tokens, verb, tokens[k], subtree(doc, source))
            if every:
                verb = _edge_root(doc, tokens, verb, tokens[k], subtree(doc, source))
            whole = every and not any(c.dep in CORE and c.i > source.i for c in doc.children(verb))
            content = without(subtree(doc, verb), subtree(doc, source) + tokens[k:k + n], verb if whole else None)
            if content:
                out.append(ParsedFrame(tokens[k], "according", content, source))
    return out


@lru_cache(maxsize=16)
def _by_first_word(phrases: tuple) -> dict[str, list] | None:
    """The phrases by their first word, each word's in their order (a sentence's words are then matched
    only against the phrases that open with them); None where a phrase is empty (it matches anywhere)."""
    if not all(phrases):
        return None
    by_first: dict[str, list] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return by_first


_OPENERS = {",", "(", "—", "–", "-", ";", ":"}
# a verb's core complements: one after an "according to" phrase makes the words after the phrase part of its clause
# ("X said, according to Y, that …")
CORE = ("ccomp", "xcomp", "obj", "iobj", "csubj", "nsubj", "nsubj:pass", "cop")
# where the parser may hang a phrase that closes or opens its sentence: a last conjunct, a subordinate or
# relative clause ("the level reached when the recession began, according to X"); not a clause after a comma
# (parataxis: often a statement of its own, "…, the office said, …")
_CLIMB = ("conj", "advcl", "acl")


def _sentence_clause(doc: Document, sentence: list, verb, first, source: list):
    """A phrase set off by a comma at either end of its sentence ("…, according to the poll.", "According to
    X, …") reports the whole sentence, not only the last conjunct or subordinate clause the parser hung it on
    ("Trump had 37 percent, Clinton 36 and Bloomberg 13, according to the poll")."""
    if not _at_sentence_edge(doc, sentence, first, source):
        return verb
    top = verb
    while not top.is_root and top.dep.split(":")[0] in _CLIMB and doc.tokens[top.head].sent == top.sent:
        top = doc.tokens[top.head]
    return top if top.pos in ("VERB", "AUX", "ADJ") or any(c.dep == "cop" for c in doc.children(top)) else verb


def _edge_root(doc: Document, sentence: list, verb, first, source: list):
    """PolNeAR's reading: a phrase at its sentence's edge ("…, according to the filings.") reports the sentence's
    main clause even where the parser hung it inside an object's relative clause or a noun ("spends money on
    ads that attack X, according to …"); not across a clause set off after a comma. (Where the clause holds a
    statement of its own, "A said B, according to X", the frame overlaps it and makes none: merge.py.)"""
    if not _at_sentence_edge(doc, sentence, first, source):
        return verb
    top = verb
    while not top.is_root and top.dep != "parataxis" and doc.tokens[top.head].sent == top.sent:
        top = doc.tokens[top.head]
    if top.i == first.i or top.i in {t.i for t in source} or top.pos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return verb
    return top


def _at_sentence_edge(doc: Document, sentence: list, first, source: list) -> bool:
    """The phrase from ``first`` to the end of ``source`` closes its sentence after a comma or opens it before one."""
    words = [t for t in sentence if t.pos != "PUNCT"]
    last = max(t.i for t in source)
    before = doc.tokens[first.i - 1] if first.i > 0 else None
    after = doc.tokens[last + 1] if last + 1 < len(doc.tokens) else None
    closes = words[-1].i == last and before is not None and before.text == ","
    opens = words[0].i == first.i and after is not None and after.text == ","
    return closes or opens


def _clause_head(doc: Document, node):
    """The clause a phrase hung on one of its nouns belongs to ("such a meeting, according to him, can be
    possible only after …": the whole clause, not "such a meeting"); a noun heading no clause stays."""
    top = node
    for _ in range(3):
        if top.pos not in ("NOUN", "PROPN") or top.is_root or top.dep.split(":")[0] not in ("nsubj", "obj", "obl"):
            break
        top = doc.tokens[top.head]
    return top if top.pos in ("VERB", "AUX", "ADJ") else node


def _comma_after(doc: Document, node) -> bool:
    """The phrase of ``node`` is followed by a comma (the parser may hang that comma on it)."""
    last = max(t.i for t in subtree(doc, node) if t.dep != "punct" or t.i == node.i)
    return last + 1 < len(doc.tokens) and doc.tokens[last + 1].text == ","


def _according_source(doc: Document, first, after):
    """The nominal the phrase introduces: the head "according" marks (UD), else the first word after it."""
    if first.dep in ("case", "mark") and not first.is_root:
        return doc.tokens[first.head]
    node = after
    while node.dep in ("det", "amod", "compound", "flat", "nummod") and not node.is_root:
        node = doc.tokens[node.head]
    return node
