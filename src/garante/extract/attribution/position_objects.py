"""The object of a verb of taking a position with the role the source gives it: "cited the delay [as a
reason to wait]", "defended the envoy [as a decent man]", "dismissed the plan [as a stunt]". The object
frame alone ends at the object, half the words of what was said; the "as"-phrase the parse hangs on the verb
after the object is the position taken. The verbs and markers are data: ``role_verbs`` and
``role_markers`` of ``data/lang/<code>/position_objects.yaml``.

Made only in PolNeAR's reading of every attribution (``find_frames(every_frame=True)`` with no scorer), as
``acts._position`` is: news statements do not take these frames.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import lang as langdata
from ...document import Document
from ...nlp.layer import doc_language
from .frames import ParsedFrame, source_of, subtree, trim

ROLE_DEPS = ("obl", "advcl", "xcomp", "obl:arg")  # where a parse hangs "as a reason", "as being unfair"
ROLE_HEADS = ("NOUN", "PROPN", "ADJ", "NUM", "PRON")  # a role, not a clause ("as he spoke")


@dataclass(frozen=True)
class RoleLexicon:
    verbs: frozenset  # "cite", "defend", "dismiss" …
    markers: frozenset  # "as"
    idioms: frozenset = frozenset()  # heads of fixed adverbials a marker opens, no role: "as usual", "as well"
    naming: frozenset = frozenset()  # "called them reckless gambles": a second object is the name given


@lru_cache(maxsize=None)
def role_lexicon(code: str) -> RoleLexicon | None:
    data = langdata.topic(code, "position_objects") if code else None
    if not data or not data.get("role_verbs"):
        return None
    return RoleLexicon(*(frozenset(str(w).lower() for w in data.get(key) or ())
                         for key in ("role_verbs", "role_markers", "role_idioms", "double_object_naming_verbs")))


def position_object_frame(doc: Document, cue, lemma: str) -> ParsedFrame | None:
    """The object frame of a verb of taking a position this module reads: its object with a role
    ("cited X as Y"), or a naming verb's two objects ("called them reckless gambles")."""
    return role_frame(doc, cue, lemma) or double_object_frame(doc, cue, lemma)


def role_frame(doc: Document, cue, lemma: str) -> ParsedFrame | None:
    """The object and the "as"-phrase after it of a listed verb, or None (no object, no role phrase)."""
    if cue.pos != "VERB":
        return None
    lex = role_lexicon(doc_language(doc))
    if lex is None or lemma not in lex.verbs:
        return None
    obj = next((c for c in doc.children(cue) if c.dep in ("obj", "dobj") and c.i > cue.i), None)
    role = _role_phrase(doc, cue, obj, lex) if obj is not None else None
    if role is None:
        return None
    first, last = subtree(doc, obj)[0].i, subtree(doc, role)[-1].i
    tokens = trim(doc.tokens[first:last + 1])
    return ParsedFrame(cue, "role", tokens, source_of(doc, cue)) if tokens else None


def _role_phrase(doc: Document, cue, obj, lex: RoleLexicon):
    """The verb's first complement after the object opened by a role marker whose head is a noun or an
    adjective ("as a reason"), or a gerund with no subject of its own ("as being unfair"); not a fixed
    adverbial ("ran the talks as usual")."""
    for c in doc.children(cue):
        if c.i <= obj.i or c.dep not in ROLE_DEPS:
            continue
        marker = next((m for m in doc.children(c) if m.dep in ("case", "mark") and m.i < c.i), None)
        if marker is None or marker.text.lower() not in lex.markers or c.lemma.lower() in lex.idioms:
            continue
        if c.pos in ROLE_HEADS or _bare_gerund(doc, c):
            return c
    return None


def _bare_gerund(doc: Document, tok) -> bool:
    return tok.feat("VerbForm") == "Ger" and not any(c.dep.startswith("nsubj") for c in doc.children(tok))


NAME_HEADS = ("NOUN", "ADJ")  # what a name given is ("a trap", "reckless"), not a second person or place


def double_object_frame(doc: Document, cue, lemma: str) -> ParsedFrame | None:
    """"The minister called them reckless gambles", "the envoy called the offer on Saturday a trap": the
    parse reads the name given as a second object, which the naming frame (a name hung as xcomp or "as",
    right after the object: acts._naming) does not take; the content runs from the first object to the name."""
    if cue.pos != "VERB":
        return None
    lex = role_lexicon(doc_language(doc))
    if lex is None or lemma not in lex.naming:
        return None
    objects = [c for c in doc.children(cue) if c.dep in ("obj", "dobj", "iobj") and c.i > cue.i]
    if len(objects) != 2 or objects[1].pos not in NAME_HEADS or objects[1].dep == "iobj":
        return None
    first, last = subtree(doc, objects[0])[0].i, subtree(doc, objects[1])[-1].i
    tokens = trim(doc.tokens[first:last + 1])
    return ParsedFrame(cue, "naming", tokens, source_of(doc, cue)) if tokens else None
