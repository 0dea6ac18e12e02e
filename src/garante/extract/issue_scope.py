"""The scope of an issue on the parse: where a cue of the issue names something the statement does not
take a side on (the codebook's ``scope``, ``codebook.IssueScope``).

- framed: the cue's phrase is what another act is done to ("troops to enforce a ceasefire", "Moscow
  violated the truce", "un meccanismo di monitoraggio della tregua"): the truce is the setting, not asked for;
- after: the cue's phrase is the time or case of another issue the statement names ("the force would deploy
  only after a ceasefire", "garanzie in caso di tregua", "post-ceasefire arrangements");
- elsewhere: a place or party of another conflict in the cue's phrase or its clause ("a truce in Gaza");
- another meeting: the parse gives the meeting a participant outside the issue's parties ("a summit between
  Putin and Trump", "Orban will meet Putin", said by Trump "we cancelled the meeting with Putin");
- circumstance (any issue, the language's ``circumstance`` words in ``stance.yaml``): a preposition of
  circumstance introduces the cue's phrase ("amid the sanctions", "nonostante le sanzioni"): the issue is the
  setting in which something else happens, not what a side is taken on.

Each reading takes the cue's phrase on the parse (``phrase``), found once for all of them. Without tokens nothing
is out of scope.
"""
from __future__ import annotations

from typing import NamedTuple

from ..document import Document

# a cue word that only modifies a noun ("ceasefire monitoring", "post-ceasefire arrangements"): the noun heads the phrase
_MODIFIER = ("compound", "amod", "flat", "fixed")
# the words that introduce a phrase or a clause ("after", "dopo", "once")
_INTRO = ("case", "mark", "amod", "advmod")
# the relations by which a phrase is what its governor is done to, or when it is done
_GOVERNED = ("obj", "obl", "nmod", "nsubj", "compound", "acl", "xcomp", "iobj")
# the relations of what a meeting is with, or who holds it
_PARTICIPANT = ("nmod", "obl", "obj", "conj", "appos", "flat", "compound", "nsubj", "iobj")


def _dep(tok) -> str:
    return tok.dep.split(":")[0]


def _says(tok, words: frozenset[str]) -> bool:
    """Whether the token's form or lemma is one of ``words`` (a word ending in "*": any word it begins)."""
    starts = _beginnings(words)
    for form in (tok.text.lower(), tok.lemma.lower()):
        if form in words or (starts and form.startswith(starts)):
            return True
    return False


# The beginnings ("negozi" of "negozi*") of each word list, gathered once a list (a token's form was tried
# against every word of the list in turn).
_BEGINNINGS: dict[frozenset[str], tuple[str, ...]] = {}


def _beginnings(words) -> tuple[str, ...]:
    starts = _BEGINNINGS.get(words) if isinstance(words, frozenset) else None
    if starts is None:
        starts = tuple(w[:-1] for w in words if w.endswith("*"))
        if isinstance(words, frozenset):
            if len(_BEGINNINGS) > 512:  # lists made on the fly: never grow without bound
                _BEGINNINGS.clear()
            _BEGINNINGS[words] = starts
    return starts


class Phrase(NamedTuple):
    """A cue on the parse: its tokens (and their indices), its root, the noun that heads the phrase (the root,
    or the noun it modifies: "ceasefire monitoring"), and where the cue ends (a document offset)."""
    toks: list
    ids: set
    root: object
    head: object
    end: int


def phrase(doc: Document, start: int, end: int) -> Phrase | None:
    """The cue at [start, end) (document offsets) on the parse, or None where the parse has no tokens there."""
    if not doc.tokens:
        return None
    toks = doc.tokens_in(start, end)
    root = doc.root(start, end)
    if not toks or root is None:
        return None
    head, seen = root, 0
    while not head.is_root and _dep(head) in _MODIFIER and seen < 4:
        head, seen = doc.tokens[head.head], seen + 1
    return Phrase(toks, {t.i for t in toks}, root, head, end)


def framing(doc: Document, found: Phrase | None, framed_by: frozenset[str], framed_after: frozenset[str]) -> str | None:
    """'framed' where the cue (``phrase``) is what an act of ``framed_by`` is done to, 'after' where a word of
    ``framed_after`` introduces or governs its phrase, else None."""
    if found is None or not (framed_by or framed_after):
        return None
    toks, ids, root, head, end = found
    intro = [k for t in (*toks, head) for k in doc.children(t) if k.i not in ids and _dep(k) in _INTRO]
    if any(_says(k, framed_after) for k in intro):
        return "after"
    if not head.is_root and _dep(head) in _GOVERNED:
        gov = doc.tokens[head.head]
        if _says(gov, framed_by):
            return "framed"
        if _says(gov, framed_after):
            return "after"
        # the cue names what a noun is of ("un accordo di cessate il fuoco", "the terms of a truce"): that noun's
        # phrase may be the time or case ("in attesa di un accordo di tregua", "nel quadro di un accordo di ...")
        if _dep(head) == "nmod" and gov.pos == "NOUN" and not gov.is_root:
            if any(_dep(k) == "case" and _says(k, framed_after) for k in doc.children(gov)):
                return "after"
            if _dep(gov) in _GOVERNED and _says(doc.tokens[gov.head], framed_after):
                return "after"
    # the cue as the modifier of an act named after it: "a ceasefire monitoring mechanism" (its own form only:
    # "a ceasefire monitored by the UN" still asks for the ceasefire)
    for t in toks:
        for k in doc.children(t):
            if k.i not in ids and k.start >= end and _dep(k) in ("acl", "compound", "nmod") \
                    and (k.pos == "NOUN" or k.text.lower().endswith("ing")) and _says(k, framed_by):
                return "framed"
    return None


def _introducer(doc: Document, tok) -> str:
    """The words of a preposition that introduces ``tok``'s phrase, with its fixed parts ("in spite of"), lowercased."""
    for k in doc.children(tok):
        if _dep(k) == "case":
            return " ".join([k.text.lower()] + [f.text.lower() for f in doc.children(k) if _dep(f) == "fixed"])
    return ""


def circumstantial(doc: Document, found: Phrase | None, words: frozenset[str]) -> bool:
    """Whether a preposition of circumstance (one of ``words``, a word or a fixed phrase: "amid", "despite",
    "in spite of", "nonostante") introduces the phrase of the cue (``phrase``) or of the
    noun it modifies ("despite the ceasefire deal"): the issue is the setting of what the clause tells."""
    if found is None or not words:
        return False
    head = found.head
    if head.is_root or _dep(head) not in ("obl", "nmod", "advcl"):
        return False
    intro = _introducer(doc, head)
    if intro and intro in words:
        return True
    # a phrase the parse builds round a noun ("in [spite] of", "a [dispetto] delle", "in [mezzo] alle"), whether
    # it hangs the cue on that noun or beside it: the two words before the cue's preposition and that preposition
    # (its lemma: "delle" is "di")
    case = next((k for k in doc.children(head) if _dep(k) == "case"), None)
    if case is None or case.i < 2 or doc.tokens[case.i - 1].pos != "NOUN":
        return False
    before = doc.tokens[case.i - 2], doc.tokens[case.i - 1]
    if _dep(before[0]) != "case" or before[0].head != before[1].i:
        return False
    return f"{before[0].text.lower()} {before[1].text.lower()} {case.lemma.lower()}" in words


def _near(doc: Document, tok) -> list:
    """``tok`` and the words that name the same thing with it ("Israele e Hamas", "Middle East")."""
    return [tok] + [k for k in doc.children(tok) if _dep(k) in ("conj", "flat", "compound", "amod", "nmod")]


def elsewhere(doc: Document, found: Phrase | None, places: frozenset[str]) -> bool:
    """Whether a word of ``places`` (another conflict) is a dependent of the cue's phrase (``phrase``), or of
    the verb whose object or subject the phrase is ("reach a truce in Gaza")."""
    if found is None or not places:
        return False
    toks, ids, root, head, _ = found
    cands = [k for t in (*toks, head) for k in doc.children(t) if k.i not in ids]
    if not head.is_root and _dep(head) in ("obj", "nsubj", "obl"):
        cands += [k for k in doc.children(doc.tokens[head.head]) if k.i not in ids and _dep(k) in ("obl", "nmod")]
    return any(_says(w, places) for k in cands for w in _near(doc, k))


def _linked(doc: Document, words) -> list[str]:
    mentions = [m for m in doc.layer("mention") if (m.attrs.get("entity_id") or "x:").split(":")[0] != "x"]
    out: list[str] = []
    for w in words:
        linked = next((m.attrs["entity_id"] for m in mentions if m.start <= w.start < m.end), None)
        if linked is not None and linked not in out:
            out.append(linked)
    return out


def another_meeting(doc: Document, found: Phrase | None, parties: frozenset[str], state_of, speaker: str | None) -> bool:
    """Whether the meeting a cue (``phrase``) names is not one between the leaders of ``parties``: the
    parse gives it a participant of another state (the names in the cue, those it is with or between, the
    subject of its verb of meeting); where it names one party's leader alone, the one who meets him (the
    subject of the verb it depends on, else the speaker: ``speaker``, a state) is of another state.
    ``state_of``: the state an entity speaks for (None: unknown)."""
    if found is None or not parties:
        return False
    toks, ids, root, head, _ = found
    words = list(toks)
    for t in (*toks, head):
        for k in doc.children(t):
            if k.i in ids or _dep(k) not in _PARTICIPANT:
                continue
            words.append(k)
            words += [c for c in doc.children(k) if _dep(c) in ("conj", "flat", "appos")]
    states = {state_of(e) for e in _linked(doc, words)} - {None}
    if parties <= states:
        return False  # the pair is named ("a summit of Putin, Zelensky and Trump" included)
    if states - parties:
        return True
    if len(states) != 1:
        return False  # no leader named ("the two presidents"): nothing to tell
    # one party's leader alone ("a meeting with Putin"): who meets him
    other = None
    if not head.is_root and _dep(head) in ("obj", "obl", "nmod", "xcomp"):
        subjects = [k for k in doc.children(doc.tokens[head.head]) if _dep(k) == "nsubj"]
        linked = _linked(doc, subjects)
        if linked:
            other = state_of(linked[0])
    if other is None:
        other = speaker
    return other is not None and other not in parties
