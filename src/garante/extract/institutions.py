"""Institutions named by a common noun ("la polizia", "il governo", "il ministero della difesa", "l'esercito
nigeriano"): mentions typed ORG, read off the parse after the entity linker has done its work.

The language's ``institutions.yaml`` lists the nouns that, made definite by an article, name an institution
(``nouns``), and the nouns that do so only with one of their modifiers ("la protezione civile", "la guardia
costiera": ``with_modifier``). The mention is the noun without its article (KIND's convention), with the adjectives
the parse hangs on it right after it ("la polizia locale", "il governo cinese") and an "of" complement that
names no one ("il ministero degli Esteri", "il consiglio dei ministri"); a complement that is a name of its own
stays out ("la procura di Milano": the procura, and Milano). The institution is an entity of its own
(``x:<slug>``, resolution ``institution``). Only where no mention of the linker overlaps the phrase: a body with a
state's adjective the knowledge base knows is the linker's ("il governo cinese": China acting, rule
``state-body``; "la polizia russa" keeps its adjective's mention, and the passive agent "dal voto del parlamento
russo" would otherwise make Russia speak)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, Span
from ..lang import topic
from .ordered import Ordered

ZONES = ("title", "standfirst", "body", "subheading")
# the resolution of an institution's mention: a name for the entity layer, no one for attribution
# (``attribution.base.speaker_mentions`` leaves such mentions out)
INSTITUTION = "institution"
COMPLEMENT_DEPS = {"nmod"}
ADJECTIVE_DEPS = {"amod"}


@dataclass(frozen=True)
class InstitutionWords:
    nouns: frozenset[str]  # lemmas that name an institution when definite
    with_modifier: dict  # lemma → the modifiers' lemmas that make it one
    named_by_complement: frozenset[str]  # lemmas whose "of" complement is part of the name
    definite: frozenset[str]  # articles and articled prepositions that make a noun definite
    of_words: frozenset[str]  # the lemmas of the preposition of a naming complement ("di")
    capitalised: frozenset[str] = frozenset()  # institutions named by a capitalised word ("il Governo", "Senato")


@lru_cache(maxsize=None)
def institution_words(code: str | None) -> InstitutionWords:
    data = topic(code, "institutions") or {}
    low = lambda key: frozenset(str(w).lower() for w in data.get(key) or [])  # noqa: E731
    with_modifier = {str(k).lower(): frozenset(str(w).lower() for w in v)
                     for k, v in (data.get("with_modifier") or {}).items()}
    return InstitutionWords(low("nouns"), with_modifier, low("named_by_complement") | frozenset(with_modifier),
                            low("definite"), low("of_words"), low("capitalised"))


def mark_institutions(doc: Document, code: str | None) -> None:
    """Adds a mention (layer ``mention``, rule ``institution``) for each institution named by a common noun
    that no mention covers yet."""
    words = institution_words(code)
    if not (words.nouns or words.with_modifier) or not doc.tokens:
        return
    mentions, zones = Ordered(doc.layer("mention")), _zones(doc)
    added_end = -1  # the institutions' own phrases do not overlap either (tokens come in text order)
    for t in doc.tokens:
        if t.start < added_end or not _institution_head(doc, t, words):
            continue
        last = _extent_end(doc, t, words, mentions)
        if mentions.overlapping(t.start, last.end) or not _in_one_zone(zones, t.start, last.end):
            continue
        doc.add(_mention(doc, t, last))
        added_end = last.end


def mark_named_institutions(doc: Document, code: str | None) -> None:
    """Adds a mention (rule ``institution-name``) for each institution the model named with a capitalised word of
    the language's ``capitalised`` list ("il Governo", "il Governo Draghi", "il presidente del Senato", "il
    presidente del Consiglio dei ministri") that the linker left out: a government word alone, or the body inside
    an office phrase, whose mention stays the office's (its holder, its role). Not where the word qualifies another
    noun with a bare "of" ("crisi di Governo", "capi di Stato")."""
    words = institution_words(code)
    if not words.capitalised or not doc.tokens:
        return
    mentions, zones = Ordered(doc.layer("mention")), _zones(doc)
    for name in doc.layer("ner"):
        head = _capitalised_head(doc, name, words)
        if head is None:
            continue
        end = _name_end(doc, name, head, mentions)
        if end is not None and _office_or_free(mentions, head.start, end) and _in_one_zone(zones, head.start, end):
            doc.add(_span(doc, head.start, end, "institution-name"))


def _capitalised_head(doc: Document, name: Span, words: InstitutionWords):
    """The first word of a model's ORG name past its article, where it is a capitalised institution word made
    definite or standing on its own (not a bare "of" complement: "di Governo")."""
    toks = [t for t in doc.tokens_in(name.start, name.end) if t.pos != "DET"]
    if name.label != "ORG" or not toks:
        return None
    head = toks[0]
    if not head.text[:1].isupper() or not {head.text.lower(), head.lemma.lower()} & words.capitalised:
        return None
    bare_of = any(c.i < head.i and c.dep == "case" and c.lemma.lower() in words.of_words for c in doc.children(head))
    return None if bare_of and not _made_definite(doc, head, words) else head


def _name_end(doc: Document, name: Span, head, mentions: Ordered) -> int | None:
    """The end of the model's name; the institution word alone where a person's mention follows it inside the
    name (the government of a premier: "Governo [Draghi]"); None where another mention starts inside (the words
    are a longer name's: "Stato Libero di Baviera")."""
    inside = [m for m in mentions.overlapping(head.start, name.end) if m.start > head.start]
    if not inside:
        return name.end
    first = min(inside, key=lambda m: m.start)
    nxt = doc.tokens[head.i + 1] if head.i + 1 < len(doc.tokens) else None
    return head.end if first.label == "PER" and nxt is not None and first.start == nxt.start else None


def _office_or_free(mentions: Ordered, a: int, b: int) -> bool:
    """No mention overlaps a..b, or only an office phrase's that holds it ("presidente del Senato")."""
    return all(m.attrs.get("resolution") == "role" and m.start <= a and b <= m.end
               for m in mentions.overlapping(a, b))


def _institution_head(doc: Document, t, words: InstitutionWords) -> bool:
    """A lower-case singular common noun of the list, made definite by its article or articled preposition,
    with no adjective before it ("il pubblico ministero" is a magistrate, "il primo governo" one of several;
    "i governi" are several)."""
    if t.pos != "NOUN" or not t.text[:1].islower() or t.feat("Number") == "Plur":
        return False
    lemma = t.lemma.lower()
    if lemma not in words.nouns and lemma not in words.with_modifier:
        return False
    if any(c.i < t.i and c.dep == "amod" for c in doc.children(t)) or not _made_definite(doc, t, words):
        return False
    needed = words.with_modifier.get(lemma)
    return needed is None or any(c.lemma.lower() in needed for c in _right_dependents(doc, t))


def _extent_end(doc: Document, head, words: InstitutionWords, mentions: Ordered):
    """The last token of the institution's name: the adjectives right after ``head``, then its naming
    complements (each with its own adjectives and complements), in one unbroken run of right dependents."""
    end = head
    for c in _right_dependents(doc, head):
        if _first_of(doc, c).i != end.i + 1:
            break
        if _adjective(doc, c):
            end = c
        elif c.dep in COMPLEMENT_DEPS and head.lemma.lower() in words.named_by_complement \
                and _naming_complement(doc, c, words, mentions):
            end = _extent_end(doc, c, words, mentions)
        else:
            break
    return end


def _right_dependents(doc: Document, head) -> list:
    """The words that hang on ``head`` after it, and an adjective right after it that the parse hung on the word
    ``head`` depends on but that agrees with ``head`` in gender and number ("un portavoce dell'esercito
    nigeriano", "militari della guardia costiera": the usual attachment slip of a phrase's adjective)."""
    kids = [c for c in doc.children(head) if c.i > head.i]
    nxt = doc.tokens[head.i + 1] if head.i + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.head == head.head != head.i and nxt.dep == "amod" and nxt.pos == "ADJ" \
            and all(nxt.feat(f) == head.feat(f) is not None for f in ("Gender", "Number")):
        kids.insert(0, nxt)
    return kids


def _adjective(doc: Document, c) -> bool:
    """A lower-case word right after the noun that modifies it with no preposition: an adjective ("locale",
    "cinese"), or a nationality the parse reads as a noun ("il governo iracheno": nmod)."""
    if not c.text[:1].islower() or not c.text.isalpha():
        return False
    if c.dep in ADJECTIVE_DEPS:
        return c.pos == "ADJ"
    return c.dep in COMPLEMENT_DEPS and c.pos in ("ADJ", "NOUN") and not doc.children(c)


def _first_of(doc: Document, c):
    """The first word of ``c``'s phrase (its preposition and article before it)."""
    return min(doc.subtree(c), key=lambda k: k.i)


def _naming_complement(doc: Document, c, words: InstitutionWords, mentions: Ordered) -> bool:
    """"degli Esteri", "dei ministri", "del fuoco": an "of" complement that names what the institution is for;
    a complement that is a name of someone or somewhere (a mention of its own) is not part of it."""
    case = [k for k in doc.children(c) if k.dep == "case" and k.i < c.i]
    if not case or case[0].lemma.lower() not in words.of_words:
        return False
    return c.pos in ("NOUN", "PROPN") and not mentions.overlapping(c.start, c.end)


def _zones(doc: Document) -> Ordered:
    """The article's zones (title, standfirst, body, subheadings) as (start, end) pairs."""
    return Ordered.of_pairs((z.start, z.end) for z in doc.layer("zone") if z.label in ZONES)


def _made_definite(doc: Document, t, words: InstitutionWords) -> bool:
    """Whether an article or an articled preposition of ``words.definite`` stands before ``t`` and hangs on it."""
    return any(c.i < t.i and c.dep in ("det", "case") and c.text.lower().rstrip("'’") in words.definite
               for c in doc.children(t))


def _in_one_zone(zones: Ordered, a: int, b: int) -> bool:
    return any(z[0] <= a and b <= z[1] for z in zones.overlapping(a, b))


def _mention(doc: Document, head, last) -> Span:
    """The mention of the institution head..last, an entity of its own."""
    return _span(doc, head.start, last.end, "institution")


def _span(doc: Document, a: int, b: int, rule: str) -> Span:
    text = doc.text[a:b]
    attrs = {"entity_id": f"x:{_slug(text)}", "name": text, "resolution": INSTITUTION}
    return Span(a, b, "mention", "ORG", attrs, component="entities", rule=rule)


def _slug(text: str) -> str:
    from .entities import slug
    return slug(text)
