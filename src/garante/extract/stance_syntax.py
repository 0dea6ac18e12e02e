"""The scope of a negation from the parse (``Document.tokens``): a "non" inside a purpose, adverbial or
relative clause ("necessarie affinché la Russia non ci attacchi", "paesi che non inviano truppe"), or in
a coordinated clause that does not hold the issue's cue, negates that clause, not the predicate that
names the issue. Without tokens nothing is ruled out."""
from __future__ import annotations

from functools import lru_cache

from .. import lang as langdata
from ..document import Document

# clauses that modify a predicate or a noun; a complement clause ("ha detto che non ...") is what was said
_BOUNDARY = ("advcl", "acl")


@lru_cache(maxsize=None)
def words(code: str | None, key: str) -> frozenset[str]:
    """A list of words of the language's ``stance.yaml`` (``key``: ``negator_words``, ``restrictors``,
    ``contrast_words`` ...), lower-cased, read once per language; a language with no stance file reads English's."""
    data = langdata.topic(code, "stance") or langdata.topic("en", "stance")
    return frozenset(str(x).lower() for x in data.get(key) or [])


def _words(doc: Document, key: str) -> frozenset[str]:
    """The word list ``key`` of the document's language (``words``)."""
    return words(doc.meta.get("language"), key)


def _clause_of(doc: Document, tok):
    """The head of the adverbial or relative clause ``tok`` sits in, or None (main clause)."""
    seen = 0
    while not tok.is_root and seen < 40:
        if tok.dep.split(":")[0] in _BOUNDARY:
            return tok
        tok, seen = doc.tokens[tok.head], seen + 1
    return None


def _inside(doc: Document, tok, top) -> bool:
    """Whether ``tok`` lies anywhere in what ``top`` heads."""
    return _governed(doc, tok, top, aside=())


def _subject_of(doc: Document, tok, pred) -> bool:
    """Whether ``tok`` lies in the subject of ``pred``."""
    seen = 0
    while not tok.is_root and seen < 40:
        parent = doc.tokens[tok.head]
        if parent.i == pred.i:
            return tok.dep.split(":")[0] in ("nsubj", "csubj")
        tok, seen = parent, seen + 1
    return False


def negation_elsewhere(doc: Document, neg_start: int, cue_start: int, cue_end: int, across: bool = True) -> bool:
    """Whether the negation at ``neg_start`` lies in a subordinate clause that does not contain the
    issue's cue (document offsets), or, with ``across``, in another coordinated clause than the cue's."""
    if not doc.tokens:
        return False
    neg = doc.token_at(neg_start)
    cue = doc.root(cue_start, cue_end)
    if neg is None or cue is None or neg.sent != cue.sent:
        return False
    # a negation that a main verb opens ("has no intention of …", "sees no reason to …") negates that verb's clause
    pred = neg if neg.is_root or neg.pos == "VERB" else doc.tokens[neg.head]
    if pred.dep.split(":")[0] == "conj" and not pred.is_root and not _inside(doc, cue, pred) \
            and not _subject_of(doc, cue, doc.tokens[pred.head]) and _joined(doc, pred):
        # "ruled out U.S. troops and does not see [membership] as feasible": the other conjunct's; but
        # "sanctions have not worked and will never work": the conjuncts share the subject
        return True
    if across and _other_conjunct(doc, neg, pred, cue):
        return True
    clause = _clause_of(doc, pred)
    if clause is not None and not _inside(doc, cue, clause):
        return True
    return _content_clause(doc, pred, cue)


def _joined(doc: Document, conj) -> bool:
    """Whether a conjunct is joined to its head by a conjunction or a punctuation mark of its own; a conjunct with
    neither is a parse that hangs a complement clause's verb on the main verb ("ha dichiarato che contingenti
    stranieri non possono ...", the subject read as an adjective), not a clause beside the cue's."""
    return any(k.dep.split(":")[0] in ("cc", "punct") and k.i < conj.i for k in doc.children(conj))


def negation_in_modifier(doc: Document, neg_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the negation at ``neg_start`` lies in an adverbial or relative clause (``_BOUNDARY``) that does not
    contain the issue's cue ("l'unica garanzia che non può essere tradita"): only the clause types the dependency
    labels name, none of the coordination readings of ``negation_elsewhere``, which a bad parse can make up."""
    if not doc.tokens:
        return False
    neg, cue = doc.token_at(neg_start), doc.root(cue_start, cue_end)
    if neg is None or cue is None or neg.sent != cue.sent:
        return False
    pred = neg if neg.is_root or neg.pos == "VERB" else doc.tokens[neg.head]
    clause = _clause_of(doc, pred)
    return clause is not None and not _inside(doc, cue, clause)


# the relations by which a content word holds the cue ("wants guarantees", "guarantees are needed")
_HELD = ("obj", "nsubj", "obl", "iobj")


def _content_clause(doc: Document, pred, cue) -> bool:
    """Whether the negated predicate heads (or lies in) a complement clause that is the content of a demand,
    guarantee or condition (``content_heads``) outside which the cue stands: the clause completes the cue
    itself ("guarantee that Russia does not attack again") or the verb that holds the cue as its object or
    subject, where the parser hangs a noun's clause on the verb ("wants guarantees that NATO will not
    expand"); the cue is what is asked for, and the negation is part of what it is to contain."""
    heads, tok, seen = _words(doc, "content_heads"), pred, 0
    while not tok.is_root and seen < 6:
        if tok.dep.split(":")[0] == "ccomp":
            top = doc.tokens[tok.head]
            if _inside(doc, cue, tok):
                return False
            if cue.i == top.i:
                return top.lemma.lower() in heads
            if not cue.is_root and cue.head == top.i and cue.dep.split(":")[0] in _HELD:
                return top.lemma.lower() in heads or cue.lemma.lower() in heads
            return False
        if tok.dep.split(":")[0] not in ("conj", "xcomp"):
            return False
        tok, seen = doc.tokens[tok.head], seen + 1
    return False


# what makes a conjunct a clause of its own, which a negation of the other conjunct does not reach
_OWN_CLAUSE = ("nsubj", "csubj", "aux", "cop", "expl")


def _own_clause(doc: Document, conj) -> bool:
    """Whether a conjunct is a clause of its own (its own subject, auxiliary or copula: "must not be naive
    and must keep sending weapons"), not joined by "or" / "né", which a negation distributes over."""
    kids = doc.children(conj)
    return any(k.dep.split(":")[0] in _OWN_CLAUSE for k in kids) and \
        not any(k.dep.split(":")[0] == "cc" and k.lemma.lower() in _words(doc, "disjunctions") for k in kids)


def _other_conjunct(doc: Document, neg, pred, cue) -> bool:
    """Whether the negated predicate and the cue lie in different coordinated clauses: the cue in a
    conjunct of the negated clause that has its own subject or auxiliary ("Russia and China cannot guarantee
    our security, and a mechanism like Article 5 is needed"), or the negation in a clause completing a
    conjunct that leaves the cue out ("must provide most military aid and recognise that the old borders are
    not realistic")."""
    seen, tok = 0, cue
    while not tok.is_root and seen < 40:
        parent = doc.tokens[tok.head]
        if parent.i == pred.i:
            if tok.dep.split(":")[0] == "conj" and tok.i != neg.i and _own_clause(doc, tok):
                return True
            break
        tok, seen = parent, seen + 1
    tok, seen = pred, 0
    while not tok.is_root and seen < 6 and tok.dep.split(":")[0] in ("ccomp", "xcomp"):
        tok, seen = doc.tokens[tok.head], seen + 1
        if tok.dep.split(":")[0] == "conj" and not tok.is_root and not _inside(doc, cue, tok) \
                and not _subject_of(doc, cue, doc.tokens[tok.head]):
            return True
    return False


# words that take no side themselves: their head is what they negate or oppose ("against aggression")
_FUNCTION_POS = frozenset({"ADP", "ADV", "PART", "DET", "AUX", "CCONJ", "SCONJ", "PRON"})


def _predicate(doc: Document, tok):
    """What a rejection word says something of: the word itself (a verb, a noun, a predicative
    adjective), its head where it is a function word or a noun's adjective ("una pericolosa
    illusione"), and the verb it completes ("definito inaccettabile", "considers it a threat")."""
    if tok.pos in _FUNCTION_POS and not tok.is_root:
        tok = doc.tokens[tok.head]
    if tok.dep.split(":")[0] == "amod" and not tok.is_root:
        tok = doc.tokens[tok.head]
        if tok.dep.split(":")[0] in ("flat", "fixed", "compound") and not tok.is_root:
            tok = doc.tokens[tok.head]  # a name's or a compound's part: the whole is what it modifies
    seen = 0
    while tok.dep.split(":")[0] == "xcomp" and not tok.is_root and seen < 3:
        tok, seen = doc.tokens[tok.head], seen + 1
    return tok


def _in_conjunct(doc: Document, tok, top) -> bool:
    """Whether ``tok`` lies in a conjunct coordinated with ``top`` ("opposes short truces and remains
    firm on [the withdrawal]")."""
    seen = 0
    while not tok.is_root and seen < 40:
        parent = doc.tokens[tok.head]
        if parent.i == top.i:
            return tok.dep.split(":")[0] == "conj"
        tok, seen = parent, seen + 1
    return False


# relations of a clause set beside a word, not what the word is said of ("to prevent new aggression,
# ensuring long-term security")
_ASIDE = frozenset({"advcl", "parataxis", "conj", "list", "dislocated", "vocative", "discourse"})


def _governed(doc: Document, tok, top, aside=("conj",)) -> bool:
    """Whether ``tok`` is ``top`` or lies in what ``top`` heads, not in a dependent of ``top`` in a relation of
    ``aside``: a conjunct coordinated with it ("opposes short truces and remains firm on [the withdrawal]"), or
    a clause set beside it (``_ASIDE``)."""
    seen = 0
    while seen < 40:
        if tok.i == top.i:
            return True
        if tok.is_root:
            return False
        parent = doc.tokens[tok.head]
        if parent.i == top.i and tok.dep.split(":")[0] in aside:
            return False
        tok, seen = parent, seen + 1
    return False


def _argument(doc: Document, tok, top) -> bool:
    """Whether ``tok`` lies in what ``top`` heads, not in a clause or conjunct set beside it; ``top`` itself only
    where it is the sentence's root (a loaded word that is the cue's own root is not said of it)."""
    return (tok.i != top.i or top.is_root) and _governed(doc, tok, top, _ASIDE)


def rejection_elsewhere(doc: Document, rej_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the rejection word at ``rej_start`` bears on something other than the issue's cue: it
    lies in another sentence ("Putin's refusal to end the war" after a call for a ceasefire), the cue
    is in a conjunct coordinated with it, or it is a preposition or a noun heading a phrase beside the
    predicate that leaves the cue out ("defence against aggression", "in opposition to aggression",
    "given Putin's refusal to end the war"). Where the parse says less than that, the rejection stands: an
    adjective's noun ("condizioni inaccettabili, tra cui il ritiro") or a misparsed long sentence
    must not lose it."""
    pair = _rejection_and_cue(doc, rej_start, cue_start, cue_end)
    if pair is None:
        return False
    rej, cue = pair
    if rej.sent != cue.sent:
        return True
    pred = _predicate(doc, rej)
    if _in_conjunct(doc, cue, pred) or _beside_cue(doc, rej, cue):
        return True
    if rej.pos == "NOUN" and pred.i == rej.i and rej.dep.split(":")[0] in _MODIFIERS and not _predicative(doc, rej) \
            and not _subject_of(doc, cue, doc.tokens[rej.head]):
        return not _governed(doc, cue, rej)  # "stands with Ukraine in opposition to Russian aggression"
    return rej.pos in _FUNCTION_POS and not _governed(doc, cue, pred)


def _beside_cue(doc: Document, rej, cue) -> bool:
    """Whether the rejection noun is another item listed beside the cue ("uno status neutrale e il rifiuto
    di aderire alla Nato") or a restatement of it that names its own object ("the neutral status, the
    refusal of NATO countries to accept it"): the refusal is of that object, not of the cue."""
    if rej.pos != "NOUN" or rej.is_root or _governed(doc, cue, rej, aside=()):
        return False
    dep = rej.dep.split(":")[0]
    if dep == "conj":
        return _in_conjunct(doc, rej, cue)
    return dep == "appos" and rej.head == cue.i and any(k.dep.split(":")[0] == "acl" for k in doc.children(rej))


# a noun in these relations is a phrase beside the predicate: a rejection it names bears on its own object
_MODIFIERS = ("obl", "advmod")
# unless it is what the object is taken for ("sees the build-up as a direct threat", "la considera come una
# minaccia") or what the subject is said to be among ("l'allargamento è tra le cause profonde del conflitto"):
# its preposition one of the language's ``predicative_cases``


def _predicative(doc: Document, tok) -> bool:
    cases = _words(doc, "predicative_cases")
    return any(k.dep.split(":")[0] == "case" and k.lemma.lower() in cases for k in doc.children(tok))


def _rejection_and_cue(doc: Document, rej_start: int, cue_start: int, cue_end: int):
    """The rejection word's token and the cue's root, or None where the document has no parse of them."""
    if not doc.tokens:
        return None
    rej = doc.token_at(rej_start)
    cue = doc.root(cue_start, cue_end)
    return None if rej is None or cue is None else (rej, cue)


def negated(doc: Document, rej_start: int) -> bool:
    """Whether the rejection word at ``rej_start`` is itself negated ("non è inaccettabile", "does not
    think [the proposals] are unacceptable", "we do not consider it a threat"): a double negative. The
    negation sits on the word's predicate or on the verb whose complement that predicate is."""
    if not doc.tokens:
        return False
    rej = doc.token_at(rej_start)
    if rej is None or rej.pos in _FUNCTION_POS or rej.dep.split(":")[0] == "amod":
        return False  # "not a mere ceasefire": the negation is on the noun it modifies, not on the word
    tok, seen, negators = _predicate(doc, rej), 0, _words(doc, "negator_words")
    while seen < 3:
        if any(k.lemma.lower() in negators or k.feat("Polarity") == "Neg" for k in doc.children(tok)
               if k.i != rej.i and k.dep.split(":")[0] in ("advmod", "neg", "aux", "det")):
            return True
        if tok.is_root or tok.dep.split(":")[0] not in ("ccomp", "xcomp", "csubj"):
            return False
        tok, seen = doc.tokens[tok.head], seen + 1
    return False


_SUBJECTS = ("nsubj", "csubj")
_VERBAL = frozenset({"VERB", "AUX"})


def subject_within(doc: Document, cue_start: int, cue_end: int, span_start: int, span_end: int) -> bool:
    """Whether the subject of the verb the cue at [cue_start, cue_end) depends on lies in the span
    ("[the US] will not put troops on the ground", "[gli Stati Uniti] non invieranno le proprie truppe").
    Without tokens: False."""
    if not doc.tokens:
        return False
    tok = doc.root(cue_start, cue_end)
    seen = 0
    while tok is not None and seen < 6:
        subjects = [k for k in doc.children(tok) if k.dep.split(":")[0] in _SUBJECTS]
        if subjects:
            return any(span_start <= k.start < span_end for k in subjects)
        dep = tok.dep.split(":")[0]
        controlled = dep in ("xcomp", "conj") or (dep == "ccomp" and tok.feat("VerbForm") == "Inf")
        if tok.is_root or (tok.pos in _VERBAL and not controlled):
            return False  # a finite verb with no subject of its own: not the span's
        tok, seen = doc.tokens[tok.head], seen + 1
    return False


def said_of(doc: Document, rej_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the word at ``rej_start`` is said of the cue: the cue lies in what the word's predicate
    heads ("[NATO's] invasion", "[the deployment] would be an invasion"), not beside it ("sanctions in
    case of a Russian invasion"). Without tokens: True."""
    pair = _rejection_and_cue(doc, rej_start, cue_start, cue_end)
    if pair is None:
        return True
    rej, cue = pair
    pred = _predicate(doc, rej)
    if pred.i == rej.i and rej.dep.split(":")[0] in ("obj", "xcomp") and not rej.is_root \
            and doc.tokens[rej.head].pos in _VERBAL:
        pred = doc.tokens[rej.head]  # "sending troops would mean an invasion": said of the verb's subject
    return rej.sent == cue.sent and _argument(doc, cue, pred)


def rejects_a_negation(doc: Document, rej_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the rejection word at ``rej_start`` is said of a negated clause that holds the cue ("è
    assurdo che non ci sia un calendario per l'adesione": a double negative). Without tokens: False."""
    pair = _rejection_and_cue(doc, rej_start, cue_start, cue_end)
    if pair is None or pair[0].sent != pair[1].sent:
        return False
    rej, cue = pair
    pred = _predicate(doc, rej)
    heads = {pred.i} | ({pred.head} if pred.dep.split(":")[0] == "conj" and not pred.is_root else set())
    tok, seen, negators = cue, 0, _words(doc, "negator_words")
    while not tok.is_root and seen < 40:
        parent = doc.tokens[tok.head]
        if parent.i in heads:
            return tok.dep.split(":")[0] in ("csubj", "ccomp") and any(
                k.lemma.lower() in negators or k.feat("Polarity") == "Neg" for k in doc.children(tok)
                if k.dep.split(":")[0] in ("advmod", "neg", "det"))
        tok, seen = parent, seen + 1
    return False


def conditions(doc: Document, mark_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the condition clause whose "if" / "se" is at ``mark_start`` conditions the clause that
    holds the cue: the predicate it modifies heads the cue ("we would send troops if …"), not another
    clause beside it ("membership would have been best, but if the G7 keeps its word it is a success")
    or one deep inside the cue's clause ("guarantees such that the answer would be military if
    attacked"). Where the parse does not read the clause as a condition, or there is none: True."""
    if not doc.tokens:
        return True
    mark, cue = doc.token_at(mark_start), doc.root(cue_start, cue_end)
    if mark is None or cue is None:
        return True
    if mark.sent != cue.sent:
        return False
    verb = doc.tokens[mark.head]
    if mark.is_root or verb.is_root or verb.dep.split(":")[0] != "advcl":
        return True
    modified, seen = doc.tokens[verb.head], 0
    while modified.dep.split(":")[0] == "conj" and not modified.is_root and mark.i > modified.i and seen < 5:
        # "would only cease fire and begin talks if …": a condition after a coordination is on all of
        # it; one before its clause ("…, and if the talks fail, they will meet again") only on that one
        modified, seen = doc.tokens[modified.head], seen + 1
    return _inside(doc, cue, modified)


def harm_trigger(doc: Document, mark_start: int, harms) -> bool:
    """Whether the condition clause whose "if" / "se" is at ``mark_start`` has a verb of harm for predicate
    ("if Russia attacks again", "se la Russia attaccasse di nuovo"): the event that sets off what the clause
    promises (a guarantee, aid, sanctions), not a condition on the speaker's side; ``harms``: the stems of
    ``harm`` in stance.yaml. A negated one ("if Russia does not attack") is a condition. Without tokens: False."""
    if not doc.tokens or not harms:
        return False
    mark = doc.token_at(mark_start)
    if mark is None or mark.is_root:
        return False
    verb = doc.tokens[mark.head]
    return verb.pos == "VERB" and verb.lemma.lower().startswith(tuple(harms)) and not _plainly_negated(doc, verb)


def takes_content(doc: Document, word_start: int, content_start: int, content_end: int,
                  own_conjunct: bool = False) -> bool:
    """Whether the reporting clause's word at ``word_start`` is said of the statement's content: the
    content's root lies in what the word's predicate heads, with no clause of another subject between
    ("ha respinto questa offerta", "criticised the leaders for not wanting …"; not "the President made
    the threat as the coalition announced [plans]", nor "Peskov said it was not in their interests,
    after Macron said [the option was on the table]"). With ``own_conjunct`` (the issue named in the content
    itself), not one said of a predicate coordinated with the content's ("blocked the aid and called for Ukraine
    to cease fighting"); where the content only refers back to the issue, the first conjunct may name it
    ("rejected the truce and said it was a trap"). Without the parse: True."""
    if not doc.tokens:
        return True
    word, root = doc.token_at(word_start), doc.root(content_start, content_end)
    if word is None or root is None:
        return True
    if word.sent != root.sent:
        return False
    pred, tok, seen = _predicate(doc, word), root, 0
    if pred.head == root.i and pred.dep.split(":")[0] == "parataxis":
        return True  # "“…”, ha denunciato Peskov": the reporting clause after the quote hangs on it
    while seen < 40:
        if tok.i == pred.i:
            return True
        if tok.is_root:
            return False
        if tok.i != root.i and tok.pos in _VERBAL and any(k.dep.split(":")[0] in _SUBJECTS for k in doc.children(tok)):
            return False  # another speaker's clause
        if own_conjunct and tok.pos in _VERBAL and tok.dep.split(":")[0] == "conj":
            return False  # a predicate coordinated with the word's own heads the content
        tok, seen = doc.tokens[tok.head], seen + 1
    return False


def negates_an_act_against(doc: Document, neg_start: int, word_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the negation at ``neg_start`` bears on a verb of acting against something (the rejection
    word at ``word_start``) that heads the cue: a double negative ("non permetterà a nessuno di vietare
    la politica delle porte aperte", "Moscow cannot block Ukraine's membership"). A negated wish for a
    bad thing is not one ("we do not want an escalation"): the word must be a verb. Without tokens: False."""
    if not doc.tokens:
        return False
    neg, word, cue = doc.token_at(neg_start), doc.token_at(word_start), doc.root(cue_start, cue_end)
    if neg is None or word is None or cue is None or word.pos != "VERB" or not (neg.sent == word.sent == cue.sent):
        return False
    negated_pred = neg if neg.is_root else doc.tokens[neg.head]
    return _completes(doc, word, negated_pred) and _governed(doc, cue, word)


def _completes(doc: Document, tok, top) -> bool:
    """Whether ``tok`` is ``top`` or hangs on it as a complement ("non permetterà a nessuno di vietare"), not
    as a clause set beside it: a conjunct, or a participle or gerund with no "to" / "di" ("would never join
    the alliance, condemning NATO's expansion")."""
    seen = 0
    while tok.i != top.i:
        dep = tok.dep.split(":")[0]
        bare = dep in ("advcl", "acl") and not any(k.dep.split(":")[0] == "mark" for k in doc.children(tok))
        if tok.is_root or seen > 6 or bare or dep in ("conj", "parataxis", "list"):
            return False  # (an infinitive the parse hangs elsewhere, "a nessuno di chiudere la porta", still completes)
        tok, seen = doc.tokens[tok.head], seen + 1
    return True


def _refusal(tok, refusals: frozenset[str]) -> bool:
    """Whether the verb is one of refusing; a lemma the lemmatiser spelled past the infinitive
    ("respingeree") still is."""
    lemma = tok.lemma.lower()
    return lemma in refusals or any(lemma.startswith(r) and len(lemma) - len(r) <= 2 for r in refusals)


def refuses(doc: Document, word_start: int, refusals: frozenset[str]) -> bool:
    """Whether the word at ``word_start`` is one of refusing (``refusals``: "rejected", "ha respinto"), not
    another word of the rejection list ("threatened", "criticised"). Without tokens: True."""
    if not doc.tokens:
        return True
    tok = doc.token_at(word_start)
    return tok is not None and _refusal(tok, refusals)


# who does what a verb says: its subject, or the agent of its passive ("respinta da Mosca")
_ACTORS = ("nsubj", "obl:agent")


def rejecting_actor(doc: Document, rej_start: int, own, refusals: frozenset[str]) -> bool:
    """Whether the verb of refusing (a lemma of ``refusals``) at ``rej_start`` has for subject (or agent)
    a name the knowledge base links to an actor that ``own`` says is not the speaker's side. A pronoun,
    a common noun or a name not linked says nothing: the rejection stays the speaker's."""
    rej = doc.token_at(rej_start)
    if rej is not None and rej.pos == "NOUN" and _refusal(rej, refusals):
        return _refused_by_another(doc, rej, own)  # "Russia's refusal to agree to a truce"
    if rej is None or rej.pos != "VERB" or not _refusal(rej, refusals) or rej.dep == "acl:relcl":
        return False  # "the halt to expansion, which NATO rejected": what was refused is the antecedent
    if rej.dep.split(":")[0] == "xcomp" and not rej.is_root \
            and doc.tokens[rej.head].lemma.lower() in _words(doc, "content_heads"):
        return False  # "the United States commit to refuse the admission": a refusal promised or asked for, not reported
    return _acted_by_another(doc, rej, own)


def _acted_by_another(doc: Document, verb, own) -> bool:
    """Whether the subject (or agent) of ``verb``, or of the verb that controls it, is a name the knowledge base
    links to an actor that ``own`` says is not the speaker's side; a pronoun, a common noun or a name not linked
    says nothing."""
    actors = [k for k in doc.children(verb) if k.dep in _ACTORS]
    if not actors and verb.dep.split(":")[0] == "xcomp" and not verb.is_root:
        # "la parte russa ha continuato a respingere la proposta": the controlling verb's subject
        actors = [k for k in doc.children(doc.tokens[verb.head]) if k.dep in _ACTORS]
    if not actors:
        return False
    mentions = [m for m in doc.layer("mention") if (m.attrs.get("entity_id") or "x:").split(":")[0] != "x"]
    for tok in actors:
        # the subject's head word, or the adjective that makes it an actor ("la parte russa")
        words = [tok] + [k for k in doc.children(tok) if k.dep.split(":")[0] == "amod"]
        linked = next((m.attrs["entity_id"] for w in words for m in mentions if m.start <= w.start < m.end), None)
        if linked is None or own(linked):
            return False
    return True


def wanting_actor(doc: Document, word_start: int, own, wants: frozenset[str]) -> bool:
    """Whether the word at ``word_start`` is a verb of wanting or aiming (a lemma of ``wants``) whose subject is
    another side's actor (``_acted_by_another``): "Brussels wants to send more weapons", said in Budapest, reports
    what Brussels wants, not a side of the speaker's."""
    verb = _wanting_verb(doc, word_start, wants)
    return verb is not None and _acted_by_another(doc, verb, own)


def _wanting_verb(doc: Document, word_start: int, wants: frozenset[str]):
    """The verb whose subject wants, where the word at ``word_start`` is a verb of wanting (a lemma of
    ``wants``): the word itself, or its verb where the parse makes a modal an auxiliary ("Bruxelles vuole
    mandare"). None otherwise, and without the parse."""
    tok = doc.token_at(word_start) if doc.tokens else None
    if tok is None or tok.pos not in ("VERB", "AUX") or tok.lemma.lower() not in wants:
        return None
    return doc.tokens[tok.head] if tok.dep.split(":")[0] == "aux" else tok


# who a noun of refusing is of: its possessor ("Russia's refusal"), or a name that completes it ("il rifiuto della Russia")
_HOLDERS = ("nmod:poss", "nmod")


def _refused_by_another(doc: Document, rej, own) -> bool:
    """Whether a noun of refusing ("refusal", "rifiuto") is said to be another side's: its possessor or the name
    completing it is linked to an actor that ``own`` says is not the speaker's, and it is reported, not asked for
    (not a predicate nominal, not the object of a demand). A noun with no such holder says nothing."""
    kids = doc.children(rej)
    if any(k.dep.split(":")[0] == "cop" for k in kids) or (
            rej.dep.split(":")[0] == "obj" and doc.tokens[rej.head].lemma.lower() in _words(doc, "content_heads")):
        return False  # what is asked for ("one of the points should be Kyiv's rejection of NATO"), not reported
    holders = [k for k in kids if k.dep in _HOLDERS and k.start < rej.start or
               k.dep == "nmod" and any(c.dep.split(":")[0] == "case" and c.lemma.lower() in ("di", "da", "of", "by")
                                       for c in doc.children(k))]
    if not holders:
        return False
    mentions = [m for m in doc.layer("mention") if (m.attrs.get("entity_id") or "x:").split(":")[0] != "x"]
    for tok in holders[:1]:
        linked = next((m.attrs["entity_id"] for m in mentions if m.start <= tok.start < m.end), None)
        if linked is None or own(linked):
            return False
    return True


def describes(doc: Document, word_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the word at ``word_start`` is an adjective or participle of the cue's own noun ("the scrapped
    Istanbul agreement", "le sanzioni revocate"): it says what became of the thing, it does not ask for it.
    Without tokens: False."""
    if not doc.tokens:
        return False
    word, cue = doc.token_at(word_start), doc.root(cue_start, cue_end)
    return word is not None and cue is not None and not word.is_root and word.dep.split(":")[0] == "amod" \
        and word.head == cue.i


def heads_cue(doc: Document, word_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the cue lies in what the word at ``word_start`` heads (through the noun it modifies, for an
    adjective or a function word): "to prevent a NATO presence", "a ban on long-range strikes"; not "to
    prevent new aggression, ensuring long-term security". Without the parse: True."""
    pair = _rejection_and_cue(doc, word_start, cue_start, cue_end)
    if pair is None:
        return True
    word, cue = pair
    if word.sent != cue.sent:
        return False
    if (word.pos in _FUNCTION_POS or word.dep.split(":")[0] == "amod") and not word.is_root:
        word = doc.tokens[word.head]
    return _argument(doc, cue, word)


# the relations by which what a word of curtailing acts on hangs from it: its object, a noun's complement, the
# clause it completes ("stop [sending arms]"), a relative clause of its object ("la disponibilità [a inviare]")
_CURTAILED = frozenset({"obj", "nmod", "obl", "xcomp", "acl", "compound", "flat", "fixed"})


def curtails(doc: Document, word_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the issue's cue is what the word of curtailing at ``word_start`` acts on: the way up from the
    cue's root to the word passes only through objects, complements and completed clauses (``_CURTAILED``), an
    oblique only with a preposition of ``curtailed_cases`` ("cut funding for [weapons deliveries]"); not "cut
    Russia off from [SWIFT]", "freeze the war with [guarantees]", nor a conjunct. Without the parse: True."""
    pair = _rejection_and_cue(doc, word_start, cue_start, cue_end)
    if pair is None:
        return True
    word, cue = pair
    if word.sent != cue.sent:
        return False
    if word.pos in _FUNCTION_POS and not word.is_root:
        word = doc.tokens[word.head]
    cases, tok, seen = _words(doc, "curtailed_cases"), cue, 0
    while tok.i != word.i and not tok.is_root and seen < 12:
        rel = tok.dep.split(":")[0]
        completed = rel == "ccomp" and tok.head == word.i  # "non smetterà di [fornire armi]"
        if (rel not in _CURTAILED and not completed) or (rel == "obl" and not _marked_by(doc, tok, cases)):
            return False
        tok, seen = doc.tokens[tok.head], seen + 1
    return tok.i == word.i


def curtailed_with(doc: Document, word_start: int, cue_start: int, cue_end: int, case: str) -> bool:
    """Whether, for a noun of curtailing found with its preposition ``case`` ("the withdrawal of"), the cue lies
    under the noun's dependent that this preposition marks: in "the withdrawal of Russian troops to the 1991
    borders" the borders, marked by "to", are where the troops go, not what is withdrawn. Without the parse: True."""
    pair = _rejection_and_cue(doc, word_start, cue_start, cue_end)
    if pair is None or case.lower() not in _words(doc, "curtailed_cases"):
        return True
    word, tok, seen = pair[0], pair[1], 0
    while not tok.is_root and tok.head != word.i and seen < 12:
        tok, seen = doc.tokens[tok.head], seen + 1
    return tok.head != word.i or tok.i == word.i or _marked_by(doc, tok, frozenset({case.lower()}))


def _marked_by(doc: Document, tok, cases: frozenset[str]) -> bool:
    """Whether ``tok`` has a preposition of ``cases`` (by its form or its lemma)."""
    return any(k.dep.split(":")[0] == "case" and (k.text.lower().replace("’", "'") in cases or k.lemma.lower() in cases)
               for k in doc.children(tok))


# where a rejection word's own object hangs: "to repel Russian attacks", "condemned the escalation"
_OBJECTS = ("obj", "obl", "nmod", "iobj")


def harm_object(doc: Document, word_start: int, span: tuple[int, int] | None, harms) -> bool:
    """Whether the rejection word at ``word_start`` has for object a harm (``harms``: lemma stems per
    language, "attack", "aggression", "escalation") that leaves out the issue's cue at ``span`` (document
    offsets; None where the issue is only referred to): what it rejects is the harm ("deter further
    aggression", "respingere gli attacchi russi"), not the issue. Without the parse: False."""
    if not doc.tokens:
        return False
    word = doc.token_at(word_start)
    if word is None:
        return False
    harms_of = [k for k in doc.children(word) if k.dep.split(":")[0] in _OBJECTS and _harm(k, harms)]
    if not harms_of:
        return False
    cue = doc.root(*span) if span is not None else None
    if cue is None or cue.sent != word.sent:
        return True
    return not _argument(doc, cue, word)  # the issue another thing the word is said of, beside the harm: it stands


def _harm(tok, harms) -> bool:
    lemma = tok.lemma.lower()
    return tok.pos in ("NOUN", "PROPN") and any(lemma.startswith(h) for h in harms)


@lru_cache(maxsize=None)
def _plain_negators(code: str | None) -> frozenset[str]:
    return words(code, "negator_words") - words(code, "describing_negators")


def _plain_negator(doc: Document, tok) -> bool:
    """A "not" / "non" / "never" that negates (not one of "not only", "non solo"): one of the language's
    ``negator_words`` less its ``describing_negators`` ("no": "there is no truce"), not followed by one of its
    ``restrictors``."""
    plain = _plain_negators(doc.meta.get("language"))
    if tok.lemma.lower() not in plain and doc.text[tok.start:tok.end].lower() not in plain:
        return False
    nxt = doc.tokens[tok.i + 1] if tok.i + 1 < len(doc.tokens) else None
    return nxt is None or doc.text[nxt.start:nxt.end].lower() not in _words(doc, "restrictors")


def _plainly_negated(doc: Document, tok) -> bool:
    """Whether a plain negator ("not", "non", not "not only") modifies ``tok``."""
    return any(k.dep.split(":")[0] in ("advmod", "neg") and _plain_negator(doc, k) for k in doc.children(tok))


def _contrastive(doc: Document, conj) -> bool:
    """Whether the conjunct ``conj`` is joined by a contrastive "but" / "ma" ("not a truce, but [a peace]")."""
    contrast = _words(doc, "contrast_words")
    return any(k.dep.split(":")[0] == "cc" and k.lemma.lower() in contrast for k in doc.children(conj))


def _corrected(doc: Document, cue, top) -> bool:
    """Whether the cue is the alternative a contrastive negation puts in place of what it negates: a
    conjunct joined by "but" / "ma" on the way from the cue up to ``top`` ("not a truce, but [a peace]")."""
    tok, seen = cue, 0
    while tok.i != top.i and not tok.is_root and seen < 40:
        if tok.dep.split(":")[0] == "conj" and _contrastive(doc, tok):
            return True
        tok, seen = doc.tokens[tok.head], seen + 1
    return False


def negated_support(doc: Document, word_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the word of support at ``word_start`` (a verb or a predicative adjective) carries a negator,
    itself or through the auxiliary and copula it takes ("is not seeking a truce", "non chiede una tregua",
    "is not necessary"), and the issue's cue lies in what it heads, not as the alternative put in its place
    ("not a truce, but a peace"): asked for is the contrary. "Not only" restricts; it does not negate.
    Without the parse: False."""
    pair = _rejection_and_cue(doc, word_start, cue_start, cue_end)
    if pair is None:
        return False
    word, cue = pair
    if word.sent != cue.sent or word.pos not in ("VERB", "ADJ") or word.dep.split(":")[0] == "amod":
        return False
    pred = _predicate(doc, word)
    if not _argument(doc, cue, pred) or _corrected(doc, cue, pred) or _success_word(doc, pred):
        return False  # (a negated "riuscire" / "manage" over it: the act failed, it was not turned down)
    return _plainly_negated(doc, pred) and not _asked_instead(doc, pred) \
        and not (_subject_of(doc, cue, pred) and _corrects(doc, pred, cue))


def _asked_instead(doc: Document, pred) -> bool:
    """Whether the next sentence corrects the negated predicate with the same one unnegated ("We are not asking
    for X. We are asking for Y."): the negation picks out the form of what is asked, not a refusal of it."""
    i = pred.i
    while i < len(doc.tokens) and doc.tokens[i].sent == pred.sent:
        i += 1
    if i >= len(doc.tokens):
        return False
    nxt = doc.tokens[i].sent
    for tok in doc.tokens[i:i + 60]:
        if tok.sent != nxt:
            break
        if tok.pos == pred.pos and tok.lemma.lower() == pred.lemma.lower():
            return not _plainly_negated(doc, tok)
    return False


def negated_noun(doc: Document, cue_start: int, cue_end: int) -> int | None:
    """Where a "not" / "non" stands that negates the issue's noun itself, an alternative turned down ("serve
    una pace duratura e non un cessate il fuoco", "weapons, not troops"): the negator's offset, or None."""
    if not doc.tokens:
        return None
    cue = doc.root(cue_start, cue_end)
    if cue is None or not _nominal(doc, cue):
        return None
    neg = next((k for k in doc.children(cue) if k.dep.split(":")[0] in ("advmod", "neg") and k.start < cue.start
                and _plain_negator(doc, k)), None)
    return None if neg is None else neg.start


def _nominal(doc: Document, tok) -> bool:
    """A noun, or a word the tagger took for a verb that heads a determiner before it, which only a noun does
    ("non un immediato cessate il fuoco": "cessate" tagged as a verb, "un" its determiner)."""
    if tok.pos in ("NOUN", "PROPN"):
        return True
    return tok.pos == "VERB" and any(k.dep.split(":")[0] == "det" and k.start < tok.start for k in doc.children(tok))


def noun_phrase(doc: Document, start: int, end: int) -> bool:
    """Whether the span (a statement's content) is a noun phrase, not a clause: the object of its reporting
    verb ("rejected [a proposal for an immediate truce]"). Without the parse: False."""
    if not doc.tokens:
        return False
    root = doc.root(start, end)
    if root is None:
        return False
    form = root.feat("VerbForm")
    if root.pos in _VERBAL and (form == "Ger" or form == "Part" and root.feat("Tense") == "Pres") \
            and root.dep.split(":")[0] != "advcl":
        # a gerund with no subject of its own is the object of the verb it completes ("ruled out [sending
        # troops to Ukraine]"), a phrase as a noun's is
        return not any(k.dep.split(":")[0] in _SUBJECTS for k in doc.children(root))
    return root.pos in ("NOUN", "PROPN")


def corrected_alternative(doc: Document, cue_start: int, cue_end: int) -> tuple[int, int] | None:
    """The span of what a contrastive "but" / "ma" puts in place of the issue's negated noun ("not a
    temporary truce, but [a full ceasefire]"): the conjunct of the noun joined by it, or None."""
    if not doc.tokens:
        return None
    cue = doc.root(cue_start, cue_end)
    if cue is None:
        return None
    for k in doc.children(cue):
        if k.dep.split(":")[0] == "conj" and _contrastive(doc, k):
            span = doc.subtree(k)
            return span[0].start, span[-1].end
    return None


def corrected_predicate(doc: Document, neg_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the negation at ``neg_start`` is a correction of what is said of the issue, not a refusal of it:
    the issue's cue is the subject of the negated predicate and a "but" / "ma" conjunct of that predicate says
    how it should be instead ("the ceasefire must not be temporary, but immediate and full", "guarantees should
    not be backed by NATO, but by European troops"). Without the parse: False."""
    pair = _rejection_and_cue(doc, neg_start, cue_start, cue_end)
    if pair is None:
        return False
    neg, cue = pair
    pred = doc.tokens[neg.head] if neg.pos in _FUNCTION_POS and not neg.is_root else neg
    if neg.sent != cue.sent or not _subject_of(doc, cue, pred) or not _plainly_negated(doc, pred):
        return False
    return _corrects(doc, pred, cue) or _likened(doc, pred)


def _likened(doc: Document, pred) -> bool:
    """Whether the negated predicate likens its subject to something else (``likeness``: "must not resemble the
    Budapest memorandum", "non devono sembrare simili ai vecchi trattati", "must not be like Minsk"): the
    negation says what the issue must not be like, not that it must not be."""
    like = _words(doc, "likeness")
    if pred.lemma.lower() in like:
        return True
    return any((k.dep.split(":")[0] == "xcomp" and k.lemma.lower() in like)
               or (k.dep.split(":")[0] == "case" and k.lemma.lower() in like) for k in doc.children(pred))


def _corrects(doc: Document, pred, cue) -> bool:
    """Whether a "but" / "ma" conjunct in what ``pred`` heads, outside its subject ``cue``, corrects how the
    subject is or is done: a copular predicate ("must not be temporary, but immediate") or a phrase with a
    preposition of its own ("not backed by NATO, but by European troops"); not a clause that replaces the act
    ("relief must not be granted, but more pressure applied")."""
    copular = any(k.dep.split(":")[0] == "cop" for k in doc.children(pred))
    for k in doc.subtree(pred):
        if k.dep.split(":")[0] != "conj" or k.i == cue.i or _subject_of(doc, k, pred):
            continue
        if _contrastive(doc, k) and (copular or any(c.dep.split(":")[0] == "case" for c in doc.children(k))):
            return True
    return False


def _success_word(doc: Document, tok) -> bool:
    """Whether ``tok`` is a verb or adjective of succeeding or being able (``success_words``: "riuscire",
    "manage", "in grado", "able")."""
    return tok.lemma.lower() in _words(doc, "success_words") \
        or doc.text[tok.start:tok.end].lower() in _words(doc, "success_words")


def failed_success(doc: Document, neg_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the negation at ``neg_start`` negates a verb or adjective of succeeding or being able that heads
    the issue's cue ("l'Ue non è riuscita ad [approvare le sanzioni]", "Congress did not manage to [pass the
    aid]", "was not able to [agree a truce]"): the act failed or could not be done, which is no refusal of it by
    its subject; the negation says nothing against the issue. Without the parse: False."""
    pair = _rejection_and_cue(doc, neg_start, cue_start, cue_end)
    if pair is None:
        return False
    neg, cue = pair
    if neg.sent != cue.sent:
        return False
    pred = neg if neg.is_root or neg.pos not in _FUNCTION_POS else doc.tokens[neg.head]
    return _success_word(doc, pred) and cue.i != pred.i and _governed(doc, cue, pred)


def ceases(doc: Document, word_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the predicate of ending after the issue's cue (a match of ``cessation`` at ``word_start``: "must stop",
    "vanno revocate") has the cue for its subject, or is a relative clause of the cue's noun ("the flow of weapons to
    Kyiv must stop", "le sanzioni, che vanno revocate"), not a predicate of another subject with an object of its own
    ("calls for a ceasefire and has not yet said when it will stop the killing"). Without the parse: True."""
    pair = _rejection_and_cue(doc, word_start, cue_start, cue_end)
    if pair is None:
        return True
    verb, cue = pair
    seen = 0
    while verb.pos in _FUNCTION_POS and not verb.is_root and seen < 3:
        verb, seen = doc.tokens[verb.head], seen + 1  # the modal or auxiliary: the verb it is said with
    if verb.sent != cue.sent:
        return False
    if verb.dep.split(":")[0] in ("acl", "advcl") and not verb.is_root and verb.head == cue.i:
        return True
    return _subject_of(doc, cue, verb)


# --- judgements (issue 13, twenty-ninth session): what the speaker says the issue IS or DOES. The cue's phrase is
# the subject of a predicate that evaluates it ("the guarantees are worthless", "le sanzioni danneggiano l'Europa",
# "neutrality would invite an attack"): the evaluation is the side, not the naming of the issue.

# the relations by which the cue's words hang inside the subject's phrase: "[the sanctions on Russia]",
# "[sending European troops into Ukraine] would be", "[the weapons sent to Kyiv]"
_IN_SUBJECT = frozenset({"nmod", "amod", "compound", "flat", "obj", "obl", "acl", "appos"})


def subject_predicate(doc: Document, cue_start: int, cue_end: int):
    """The predicate whose subject is the cue's phrase (climbing at most three modifiers up from the cue's root),
    outside the cue's own words, and the subject's head word; None without the parse or where the cue is no
    subject's part."""
    if not doc.tokens:
        return None
    tok = doc.root(cue_start, cue_end)
    for _ in range(4):
        if tok is None or tok.is_root:
            return None
        base = tok.dep.split(":")[0]
        if base in _SUBJECTS:
            pred = doc.tokens[tok.head]
            return None if cue_start <= pred.start < cue_end else (pred, tok)
        if base not in _IN_SUBJECT:
            return None
        tok = doc.tokens[tok.head]
    return None


def _linked_in(doc: Document, top) -> list[str]:
    """The actors the knowledge base links to names inside what ``top`` heads (in text order)."""
    inside = {t.i for t in doc.subtree(top)}
    return [m.attrs["entity_id"] for m in doc.layer("mention")
            if (m.attrs.get("entity_id") or "x:").split(":")[0] != "x"
            and (t := doc.token_at(m.start)) is not None and t.i in inside]


def _named_value(doc: Document, noun, own) -> str | None:
    """How a predicate noun or adjective judges its subject: "bad" or "good" by its word, the adjectives it takes
    ("empty promises", "parole vuote") or the thing a piece of it is made of ("un pezzo di carta"); a favour
    ("a gift", "an invitation", "un regalo") by whom or what it goes to: a harm or another side's actor is bad,
    the speaker's own side good."""
    bad, good = _words(doc, "judgement_bad"), _words(doc, "judgement_good")
    kids = doc.children(noun)
    said = [noun] + [k for k in kids if k.dep.split(":")[0] == "amod"]
    if noun.lemma.lower() in _words(doc, "partitive_nouns"):
        said += [k for k in kids if k.dep.split(":")[0] == "nmod"]
    lemmas = {t.lemma.lower() for t in said} | {doc.text[t.start:t.end].lower() for t in said}
    if lemmas & bad:
        return "bad"
    if noun.lemma.lower() in _words(doc, "favour_words"):
        return _favoured(doc, [k for k in kids if k.dep.split(":")[0] in ("nmod", "obl")], own)
    return "good" if lemmas & good else None


def _favoured(doc: Document, takers: list, own) -> str | None:
    """Whether a favour goes to harm ("an open door for the next offensive", "invite another attack") or to another
    side ("a gift to the Russian army"), "bad", or to the speaker's own side, "good"; None where it cannot tell."""
    harms = _words(doc, "harm") | _words(doc, "judgement_bad")
    for taker in takers:
        if _harm(taker, harms) or taker.lemma.lower() in harms:
            return "bad"
        linked = _linked_in(doc, taker)
        if linked and own is not None:
            return "good" if own(linked[0]) else "bad"
    return None


def _harmed(doc: Document, verb, aimed_at) -> str:
    """A verb of harming said of the issue: "good" where what it harms is an actor the issue is aimed at
    (``aimed_at``: "the sanctions are hurting the Russian economy"), else "bad" ("hurt European households")."""
    objects = [k for k in doc.children(verb) if k.dep.split(":")[0] == "obj"]
    return "good" if any(aimed_at(e) for o in objects for e in _linked_in(doc, o)) else "bad"


def _copular(doc: Document, pred, kids) -> bool:
    """Whether ``pred`` is a nominal or adjectival predicate: it takes a copula, or a form of "be" that the parser
    calls its auxiliary ("sono carta straccia")."""
    return any(k.dep.split(":")[0] == "cop" for k in kids) or (pred.pos in ("NOUN", "ADJ") and any(
        k.dep.split(":")[0] == "aux" and k.lemma.lower() in _words(doc, "copula_lemmas") for k in kids))


def judgement(doc: Document, cue_start: int, cue_end: int, own=None, aimed_at=lambda entity_id: False):
    """What the predicate of which the cue's phrase is the subject says of it: ("bad" | "good", whether a negation
    of the predicate turns it, "non sono fallite", offset of the word that says so, offset of the subject's first
    word); None where the predicate does not judge ("have not worked", "achieved nothing": bad, not negated).
    ``own``: whether an actor is the speaker's side (or None); ``aimed_at``: whether it is one the issue is aimed
    at."""
    found = subject_predicate(doc, cue_start, cue_end)
    if found is None:
        return None
    pred, subject = found
    kids, lemma = doc.children(pred), pred.lemma.lower()
    negated = _plainly_negated(doc, pred)
    if lemma in _words(doc, "failing_verbs"):
        value, word = "bad", pred
    elif lemma in _words(doc, "working_verbs"):  # "non valgono nulla": one negation, however said
        nothing = any(k.dep.split(":")[0] == "obj" and k.lemma.lower() in _words(doc, "nothing_words") for k in kids)
        value, word, negated = ("bad" if nothing or negated else "good"), pred, False
    elif lemma in _words(doc, "harming_verbs"):
        value, word = _harmed(doc, pred, aimed_at), pred
    elif lemma in _words(doc, "favour_words") and pred.pos == "VERB":  # "would invite another attack"
        value, word = _favoured(doc, [k for k in kids if k.dep.split(":")[0] in ("obj", "obl")], own), pred
    elif _copular(doc, pred, kids):
        value, word = _named_value(doc, pred, own), pred
    elif lemma in _words(doc, "judging_verbs") | _words(doc, "copula_lemmas"):
        # "si sono rivelate un fallimento", "sarebbe una follia" (the copula parsed as the verb)
        word = next((k for k in kids if k.dep.split(":")[0] in ("xcomp", "obj", "obl") and k.pos in ("NOUN", "ADJ")),
                    None)
        value = _named_value(doc, word, own) if word is not None else None
        negated = negated or (word is not None and _plainly_negated(doc, word))
    else:
        return None
    if value is None:
        return None
    return value, negated, word.start, min(t.start for t in doc.subtree(subject))


def claim_rejected(doc: Document, cue_start: int, cue_end: int) -> int | None:
    """Where the cue lies inside a claim or accusation ("accusations that its forces violated the truce", "le
    accuse di aver fornito munizioni") that a verb of rejecting or denying has for object: the offset of that verb.
    What is turned down is the claim, not the issue. None without the parse or where there is no such claim."""
    if not doc.tokens:
        return None
    tok, claims, deniers = doc.root(cue_start, cue_end), _words(doc, "claim_nouns"), _words(doc, "denying_verbs")
    for _ in range(6):
        if tok is None or tok.is_root:
            return None
        head = doc.tokens[tok.head]
        if tok.lemma.lower() in claims and tok.pos == "NOUN" and head.lemma.lower() in deniers \
                and tok.dep.split(":")[0] in ("obj", "nsubj"):
            return head.start
        # "Belgrade rejects claims that ...", the noun parsed as a verb whose subject is the verb of rejecting
        denier = next((k for k in doc.children(tok) if k.dep.split(":")[0] == "nsubj" and k.pos == "VERB"
                       and k.lemma.lower() in deniers), None) if tok.lemma.lower() in claims else None
        if denier is not None:
            return denier.start
        tok = head
    return None


def indefinite_group(doc: Document, word_start: int, wants: frozenset[str]) -> bool:
    """Whether the verb of wanting at ``word_start`` has for subject a group named only by a word of some
    (``indefinite_words``: "some Europeans want", "diversi governi vogliono"): never the speaker himself, whose
    aim it then is not."""
    verb = _wanting_verb(doc, word_start, wants)
    if verb is None:
        return False
    some = _words(doc, "indefinite_words")
    return any(k.dep.split(":")[0] == "nsubj" and k.pos in ("NOUN", "PROPN")
               and any(d.lemma.lower() in some and d.dep.split(":")[0] in ("det", "amod", "nummod")
                       for d in doc.children(k))
               for k in doc.children(verb))


def possessive_of_cue(doc: Document, poss_start: int, cue_start: int, cue_end: int) -> bool:
    """Whether the possessive at ``poss_start`` determines a word of the cue itself ("fermare [la sua avanzata verso
    i confini]": the advance is the issue, the possessive its actor's), not a noun of its own before the cue ("its
    ambition of [joining NATO]"). Without the parse: False."""
    tok = doc.token_at(poss_start) if doc.tokens else None
    if tok is None or tok.is_root or tok.dep.split(":")[0] not in ("det", "nmod"):
        return False
    head = doc.tokens[tok.head]
    return cue_start <= head.start < cue_end
