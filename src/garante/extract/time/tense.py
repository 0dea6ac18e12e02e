"""The tense of the clause a time expression belongs to, read off the dependency parse.

The expression's governing predicate is found by walking up its heads: a verb, or a noun or adjective
with a copula ("the dividend is payable Dec. 15"). Its tense comes from its auxiliaries and its own
features (UD Tense, VerbForm, Mood): 'past', 'future', 'present', or None where the parse says nothing
(no predicate within a few heads). An infinitive or a participle without auxiliary takes the tense of
the clause above it, except under a past verb, whose infinitive may lie after it ("agreed to run
through June", "declined to comment Friday"): there it says nothing. A perfect reads as past, a perfect
progressive too ("have been searching since ..."); a past perfect is told apart (parsed_pluperfect) so that
"until" does not carry its time past the document's date.
"""
from __future__ import annotations

_VERBAL = ("VERB", "AUX")
_AUX_DEPS = ("aux", "aux:pass", "aux:tense", "cop")
_MAX_HEADS = 6
NO_TENSE = ""  # the parse was read and says the expression has no tense to go by (not None: no verdict)
_NOMINAL = ("NOUN", "PROPN")
_NOUN_MODIFIER = ("compound", "amod")  # prenominal: "the Feb. 23 accord"


def parsed_tense(doc, start: int, end: int, future_aux: frozenset[str] = frozenset()) -> str | None:
    """The tense of the predicate that governs doc.text[start:end] in the parse (past, future, present),
    NO_TENSE where the parse says there is none to go by, None where it gives no verdict. ``future_aux``: the language's auxiliaries of the future
    whose features do not say so ("will", "'ll")."""
    t = _top_token(doc, start, end)
    if t is None:
        return None
    head = doc.tokens[t.head]
    if t.dep == "nmod:poss" or (t.head != t.i and head.pos in _NOMINAL and t.dep in _NOUN_MODIFIER
                                and not any(k.dep == "cop" for k in _children(doc, head))):
        return NO_TENSE  # it dates the noun's event, not the verb's ("Wednesday's ruling", "the Feb. 23 accord")
    under_past = False
    for t, auxes in _predicates(doc, t, start, end):
        tense = _predicate_tense(t, auxes, future_aux)
        if tense is not None:
            return NO_TENSE if under_past and tense == "past" else tense
        under_past = under_past or _non_finite(t)
    return None


def _predicates(doc, t, start: int, end: int):
    """The verbal predicates above token t, outside doc.text[start:end], nearest first, with their auxiliaries."""
    tokens = doc.tokens
    for _ in range(_MAX_HEADS):
        if t.head == t.i:
            return
        t = tokens[t.head]
        if start <= t.start < end:
            continue
        auxes = [k for k in _children(doc, t) if k.dep in _AUX_DEPS]
        if t.pos in _VERBAL or any(k.dep == "cop" for k in auxes):
            yield t, auxes


def parsed_pluperfect(doc, start: int, end: int, perfect_aux: frozenset[str]) -> bool:
    """Whether the predicate governing doc.text[start:end] is a past perfect ("Until Monday, they had not
    named a suspect"): a time before a past time, which no "until" or "by" carries past the document's date.
    ``perfect_aux``: the lemmas of the language's perfect auxiliaries ("have")."""
    t = _top_token(doc, start, end)
    governing = next(_predicates(doc, t, start, end), None) if t is not None else None
    if governing is None:
        return False
    verb, auxes = governing
    return _past_participle(verb) and any(k.dep.startswith("aux") and "Tense=Past" in k.morph and "VerbForm=Fin"
                                          in k.morph and k.lemma.lower() in perfect_aux for k in auxes)


def _top_token(doc, start: int, end: int):
    """The token of doc.text[start:end] whose head lies outside it (the first one, else the first token)."""
    tokens = doc.tokens
    inside = doc.tokens_in(start, end) if hasattr(doc, "tokens_in") else \
        [t for t in tokens if start <= t.start < end]
    if not inside:
        return None
    return next((x for x in inside if not (start <= tokens[x.head].start < end)), inside[0])


def _children(doc, t) -> list:
    return doc.children(t) if hasattr(doc, "children") else [x for x in doc.tokens if x.head == t.i]


def _non_finite(t) -> bool:
    return t.feat("VerbForm") in ("Inf", "Ger", "Part") if hasattr(t, "feat") else "VerbForm=Fin" not in t.morph


def _predicate_tense(verb, auxes, future_aux: frozenset[str]) -> str | None:
    """past, future, present, or None for an infinitive, gerund or bare participle."""
    if any(t.lemma.lower() in future_aux or t.text.lower() in future_aux or "Tense=Fut" in t.morph
           for t in auxes) or "Tense=Fut" in verb.morph:
        return "future"
    if "VerbForm=Part" in verb.morph and "Tense=Past" in verb.morph and (not auxes or any(t.dep == "aux" for t in auxes)):
        return "past"  # a perfect ("ha detto", "has been extended") or a bare participle ("the injunction issued Thursday")
    if any(_past_participle(t) for t in auxes):
        return "past"  # a perfect progressive or copula ("have been searching since the Oct. 3 raid", "has been president")
    for t in [*auxes, verb]:
        if "VerbForm=Part" in t.morph or "VerbForm=Inf" in t.morph or "VerbForm=Ger" in t.morph:
            continue
        if "Tense=Past" in t.morph or "Tense=Imp" in t.morph:
            return "past"
        if "Tense=Pres" in t.morph or "Mood=Cnd" in t.morph:
            return "present"
    return None


def _past_participle(t) -> bool:
    return "VerbForm=Part" in t.morph and "Tense=Past" in t.morph
