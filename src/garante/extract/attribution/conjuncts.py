"""One statement per content span with its own cue (eval/corpus/GUIDE.md §2): a content that runs on into
a second verb of saying of the same speaker ("Il Cremlino ha dichiarato di essere contrario all'invio di
truppe e ha respinto l'idea di un incontro", "ha ribadito che …, ma sottolineato che …", "di restare
preoccupato … e di auspicare che …") is cut at the conjunction; the second verb's words become a
statement of their own, with the same speaker and date."""
from __future__ import annotations

from ...document import Document, Statement
from .frames import EITHER, OPENING, SUBJECT
from .lexicon import AttributionLexicon
from .merge import part_of, shorten

MIN_TOKENS = 3  # each part keeps at least this many words: shorter is a list, not two claims
LEADING = {"mark", "punct"}  # "che", ":" and commas do not open the second content (a quotation mark does)


def split_conjoined(doc: Document, lex: AttributionLexicon, forms: dict | None = None) -> None:
    """Cut every statement whose content holds a coordinated verb of saying of its speaker."""
    if not doc.tokens:
        return
    for st in list(doc.statements):
        while True:
            second = _split_one(doc, st, lex, forms or {})
            if second is None:
                break
            doc.statements.append(second)
            st = second  # "ha detto X, ribadito Y e aggiunto Z": cut the rest again


def _split_one(doc: Document, st: Statement, lex: AttributionLexicon, forms: dict) -> Statement | None:
    toks = doc.tokens_in(st.content_start, st.content_end)
    if len(toks) < 2 * MIN_TOKENS + 2 or st.cue_start is None:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        cc = _conjunction(doc, st, t, inside, lex, forms)
        if cc is None:
            continue
        first = [u for u in toks if u.i < cc.i and u.dep != "punct"]
        rest = [u for u in toks if u.i > t.i]
        while rest and (rest[0].dep in LEADING or rest[0].pos == "SCONJ") and rest[0].text not in OPENING + EITHER:
            rest = rest[1:]
        if len(first) < MIN_TOKENS or len([u for u in rest if u.dep != "punct"]) < MIN_TOKENS:
            continue
        return _cut(doc, st, t, cc, rest[0].start)
    return None


def _conjunction(doc: Document, st: Statement, t, inside: set[int], lex: AttributionLexicon, forms: dict):
    """The "e"/"ma" before ``t`` when ``t`` is a verb of saying joined to the statement's cue, or to the
    bare complement it reports ("di restare …  e di auspicare"), and says its words without a subject
    of its own; else None."""
    if t.dep != "conj" or t.pos not in ("VERB", "AUX") or t.is_root or not _is_cue(doc, t, lex, forms):
        return None
    if any(c.dep in SUBJECT for c in doc.children(t)):
        return None  # "… e Putin ha risposto": another speaker
    head = doc.tokens[t.head]
    if _at_cue(st, head):
        if t.feat("VerbForm") not in ("Fin", "Part"):
            return None
    elif head.i not in inside or head.is_root or not _at_cue(st, doc.tokens[head.head]):
        return None
    elif not _cue_tense(doc, st, t, head) and (any(c.dep in SUBJECT for c in doc.children(head))
                                                or _lemma(doc, t, forms) not in lex.speech | lex.cognition):
        return None  # ("che Putin ha mentito e ha minacciato …", "di ritirarsi e di rifiutare …": one claim)
    return next((c for c in doc.children(t) if c.dep == "cc" and c.i < t.i and c.i in inside), None)


def _cue_tense(doc: Document, st: Statement, t, head) -> bool:
    """``t`` is in the cue's compound tense, which the clause it was hung on is not: the parse joined the
    cue's second verb to the reported clause ("ha affermato che … sono … e ha spiegato", "ha ribadito che
    … adotterà … ma sottolineato", where the bare participle shares the cue's auxiliary)."""
    cue = doc.token_at(st.cue_end - 1)
    if cue is None or cue.feat("VerbForm") != "Part" or t.feat("VerbForm") != "Part" or head.feat("VerbForm") == "Part":
        return False
    return any(c.dep == "aux" for c in doc.children(cue))  # (a reflexive's "è" for the cue's "ha" included)


def _at_cue(st: Statement, tok) -> bool:
    return st.cue_start <= tok.start < max(st.cue_end or 0, st.cue_start + 1)


def _is_cue(doc: Document, t, lex: AttributionLexicon, forms: dict) -> bool:
    """A reporting verb of the rules' tables or the parse's lexicon; a verb of thinking only with a clause
    ("e considera l’espansione della Nato una delle cause": a view, not a statement)."""
    lemma = _lemma(doc, t, forms)
    if t.text.lower() in forms or lemma in lex.speech:
        return True
    frames = lex.verb_frames(lemma)
    if frames == {"clause"}:
        return any(c.dep in ("ccomp", "xcomp") and c.pos in ("VERB", "AUX") for c in doc.children(t))
    return bool(frames)


def _lemma(doc: Document, t, forms: dict) -> str:
    lemma = t.lemma.lower()
    if t.text.lower() in forms:  # the rules' tables, for a form the model lemmatised wrongly ("preteso")
        lemma = forms[t.text.lower()][0]
    if any(c.dep.startswith("expl") for c in doc.children(t)) and lemma.endswith("e"):
        lemma = lemma[:-1] + "si"  # "si è impegnato": impegnarsi
    return lemma


def _cut(doc: Document, st: Statement, verb, cc, start: int) -> Statement:
    end = st.content_end
    shorten(doc, st, len(doc.text[:cc.start].rstrip(" ,;")))
    cue_start = min([c.start for c in doc.children(verb) if c.dep.startswith("aux") and c.i < verb.i] + [verb.start])
    second = part_of(doc, st, start, end, cue=doc.text[cue_start:verb.end], cue_start=cue_start,
                     cue_end=verb.end, rule="conjunct")
    second.attrs["cue_lemma"] = verb.lemma.lower()
    return second
