"""Who a parsed frame's source is: a linked mention (person, organisation, state), a named entity the
knowledge base does not know, a description (a group, an anonymous source) or a pronoun's antecedent."""
from __future__ import annotations

from dataclasses import dataclass

from ...document import Document, Span
from ..ordered import Ordered
from .base import dateline_end
from .frames import definite_before, subtree
from .lexicon import AttributionLexicon

KIND_OF_LABEL = {"PER": "person", "ORG": "organisation", "GPE": "state", "LOC": "state"}
# what a source phrase keeps: its head's modifiers, not a relative clause or an apposition after a comma
NOT_SOURCE = ("acl:relcl", "relcl", "acl", "appos", "parataxis", "punct", "advcl", "conj", "cc", "case")
# what stands before a source's head but belongs to the clause: "E, a sorpresa, anche il portavoce …"
DETACHED = ("advmod", "cc", "mark", "punct", "discourse", "obl", "nmod", "advcl")


@dataclass
class Source:
    start: int
    end: int
    name: str
    kind: str  # person | organisation | state | group | anonymous
    entity_id: str | None = None
    resolution: str = "parse"
    head: tuple[int, int] | None = None  # offsets of the source's head word
    behalf: Span | None = None  # a state or organisation named inside a description ("a senior US official")
    gender: str | None = None  # of a pronoun source: 'm', 'f', 'p'


def phrase(doc: Document, head) -> tuple[int, int]:
    """The source phrase: the head with its modifiers, and the rest of a name the parse split
    ("Mr." and "Obama" both read as subjects)."""
    toks = subtree(doc, head, skip=NOT_SOURCE)
    edge, right = _left_edge(doc, head), _right_edge(doc, head)
    toks = [t for t in toks if edge <= t.i < right]
    second = second_subject(doc, head, toks[-1])
    if second is not None:  # "An advisor to Ukraine's President Volodymyr Zelensky": the parse's second subject
        toks += subtree(doc, second, skip=NOT_SOURCE)
    while len(toks) > 1 and toks[0].pos in ("PUNCT", "CCONJ") and toks[0] is not head:
        toks = toks[1:]  # ", Ukrainian and Polish foreign ministers"
    while len(toks) > 1 and toks[-1].pos == "PUNCT" and toks[-1].text not in "”\"»’)":
        toks = toks[:-1]  # "un funzionario da Wilmington, Delaware,"
    last = toks[-1]
    while head.pos == "PROPN" and last.i + 1 < len(doc.tokens) and doc.tokens[last.i + 1].pos == "PROPN" \
            and doc.tokens[last.i + 1].sent == head.sent:
        last = doc.tokens[last.i + 1]
    return toks[0].start, last.end


def _right_edge(doc: Document, head) -> int:
    """The index a source phrase ends before: a prepositional phrase the parse hung on the head that commas
    set off on both sides is the clause's adjunct ("Petrenko, on his Telegram channel, said …": where he said
    it, not who he is)."""
    edge = len(doc.tokens)
    if head.feat("Number") == "Plur":
        return edge  # ("Other unions, including X and Y, have …": the members a group's noun counts)
    for c in doc.children(head):
        if c.i <= head.i or c.dep not in ("nmod", "obl"):
            continue
        sub = [t for t in subtree(doc, c) if t.pos != "PUNCT"]
        first, last = sub[0].i, sub[-1].i
        if first > 0 and doc.tokens[first - 1].text == "," and doc.tokens[first].dep == "case" \
                and last + 1 < len(doc.tokens) and doc.tokens[last + 1].text == "," and first - 1 > head.i:
            edge = min(edge, first - 1)
    return edge


def second_subject(doc: Document, head, last):
    """The subject the parse gave the verb beside a noun subject, where a preposition right after the noun's
    phrase leads to it ("An advisor to Ukraine's President Volodymyr Zelensky has said": "to … Zelensky" is
    the advisor's modifier, not a second speaker), or None."""
    nxt = doc.tokens[last.i + 1] if last.i + 1 < len(doc.tokens) else None
    if head.pos != "NOUN" or head.is_root or nxt is None or nxt.dep != "case" or not head.dep.startswith("nsubj"):
        return None
    tok = nxt
    for _ in range(4):
        if tok.is_root:
            return None
        tok = doc.tokens[tok.head]
        if tok.head == head.head and tok.i > head.i:
            return tok if tok.dep.startswith("nsubj") else None
    return None


def _left_edge(doc: Document, head) -> int:
    """The index a source phrase starts at or after: past the adverbials, conjunctions and fronted adjuncts
    the parse hung on its head ("E, a sorpresa, anche il portavoce …"); a possessive stays ("Russia's")."""
    edge = 0
    for c in doc.children(head):
        if c.i < head.i and (c.dep in DETACHED and (c.dep not in ("nmod", "obl") or _governed(doc, c))):
            edge = max(edge, subtree(doc, c)[-1].i + 1)
    return edge


def _governed(doc: Document, tok) -> bool:
    return any(c.dep == "case" for c in doc.children(tok))


def _indefinite(doc: Document, head) -> bool:
    return any(c.dep == "det" and c.feat("Definite") == "Ind" for c in doc.children(head))


def _covering(doc: Document, mentions: Ordered, a: int, b: int, head) -> Span | None:
    """The speaker-like mention that covers the source's head word (not one nested in a description)."""
    inside = [m for m in mentions.overlapping(a - 1, b + 1) if m.label in KIND_OF_LABEL and a <= m.end and m.start <= b
              and not (m.label == "GPE" and m.attrs.get("resolution") == "adjective")]
    covering = next((m for m in inside if m.start <= head.start and head.end <= m.end), None)
    if covering is not None and covering.attrs.get("resolution") == "coreference" and _indefinite(doc, head):
        covering = None  # "An advisor to … has said": a new person, not the adviser named before
    if covering is not None or head.pos != "PROPN":
        return covering
    return next((m for m in inside if m.label == "PER"), None)  # "Mr. Obama" with "Mr." as the head


def describe(doc: Document, head, mentions: list[Span], ner: list[Span], lex: AttributionLexicon,
             antecedent, any_noun: bool = False) -> Source | None:
    """The Source a head token names; ``antecedent(token)`` resolves a pronoun (or None). ``any_noun``:
    the cue is a verb of saying whose subject speaks whatever noun it is ("the former president said",
    "an architect who said"), not only a noun the lexicon lists as a speaker."""
    source = _describe(doc, head, mentions, ner, lex, antecedent, any_noun)
    if source is not None:
        source.head = (head.start, head.end)
    return source


def _describe(doc: Document, head, mentions: list[Span], ner: list[Span], lex: AttributionLexicon,
              antecedent, any_noun: bool = False) -> Source | None:
    a, b = phrase(doc, head)
    m = _covering(doc, mentions, a, b, head) or _named_beside(doc, head, mentions, a, b, lex) \
        or _name_after_title(doc, head, mentions, b, lex)
    if m is not None:
        return Source(m.start, m.end, m.attrs.get("name") or m.text_of(doc), KIND_OF_LABEL[m.label],
                      m.attrs.get("entity_id"), m.attrs.get("resolution") or "mention")
    if head.lemma.lower() in lex.of_quantifiers and head.pos in ("PRON", "ADJ", "DET", "NUM"):
        return _quantified(doc, head, lex, any_noun, a, b, mentions)
    if head.pos == "PRON":
        if head.text.lower() not in lex.pronouns:
            return None
        return antecedent(head)
    text = doc.text[a:b]
    if head.pos == "PROPN" and head.lemma.lower() in lex.speakers.epithets and not any(n.start <= head.start < n.end
                                                                                 and n.label != "NORP" for n in ner) \
            and _definite_title(doc, head):
        # "the Secretary said", "the Russian Vice Minister of Foreign Affairs said": an office in capitals, no name;
        # a party's member ("the Republican said": the recogniser's NORP, a group's word, names no one)
        return Source(a, b, text, noun_kind(doc, head, lex), resolution="description", behalf=_behalf(mentions, a, b))
    if head.pos == "PROPN":
        label = next((n.label for n in ner if n.start <= head.start < n.end), "PER")
        return Source(a, b, text, KIND_OF_LABEL.get(label, "person"), resolution="name")
    issuer = _issuer(doc, head, mentions, lex) if head.lemma.lower() in lex.speakers.document_nouns else None
    if issuer is not None:  # "the declaration said": NATO, whose declaration the article named
        return Source(issuer.start, issuer.end, issuer.attrs.get("name") or issuer.text_of(doc),
                      KIND_OF_LABEL[issuer.label], issuer.attrs.get("entity_id"), "issuer")
    side = _side(doc, head, mentions, lex, a, b) if head.pos == "NOUN" else None
    if side is not None:
        return side
    if head.pos != "NOUN" or not (any_noun or speaker_noun(head, lex)):
        return None  # "the plan says", "la strada verso la pace passa": not a speaker
    kind = noun_kind(doc, head, lex)
    behalf = _behalf(mentions, a, b) or placed_side(doc, head, mentions, lex, a, b) \
        or (_earlier_side(doc, head, mentions) if kind == "group" else None)
    if behalf is not None and behalf.label != "ORG" \
            and (head.lemma.lower() in lex.private_nouns or head.text.lower() in lex.private_nouns):
        behalf = None  # "a Russian analyst said", "esperti ucraini": a nationality, no side ("an expert at the
        # Russian defence ministry" keeps the body he works for)
    return Source(a, b, text, kind, resolution="description", behalf=behalf)


def _definite_title(doc: Document, head) -> bool:
    """A definite article before an office in capitals, on its head or on a word of the title before it that the
    parse made its compound ("the Russian Deputy Prime Minister": "the" hung on "Deputy")."""
    return definite_before(doc, head) or any(
        c.dep == "compound" and c.i < head.i and definite_before(doc, c) for c in doc.children(head))


def _quantified(doc: Document, head, lex: AttributionLexicon, any_noun: bool, a: int, b: int,
                mentions: Ordered) -> Source | None:
    """"Some argue …", "many of its members say …", "all of the envoys agreed …": a group of speakers, named by
    the noun after "of" where there is one (a noun that can speak, or any noun after a verb of saying)."""
    of = next((c for c in doc.children(head) if c.dep in ("nmod", "obl") and c.i > head.i
               and any(x.dep == "case" and x.lemma.lower() == "of" for x in doc.children(c))), None)
    if of is None:
        if head.lemma.lower() not in lex.quantifiers:
            return None
    elif of.pos == "NOUN":
        if not (any_noun or speaker_noun(of, lex)):
            return None
    elif of.pos != "PROPN":
        return None  # "many of whom", "some of them": who they are is said elsewhere
    return Source(a, b, doc.text[a:b], "group", resolution="description", behalf=_behalf(mentions, a, b))


def _side(doc: Document, head, mentions: Ordered, lex: AttributionLexicon, a: int, b: int) -> Source | None:
    """"The Ukrainian side stated", "la parte russa ha ribadito": a side of a negotiation named by its state
    is that state speaking."""
    if head.lemma.lower() not in lex.side_nouns or head.feat("Number") == "Plur":
        return None
    states = [m for m in mentions.starting_through(a, b) if m.end <= b and m.label == "GPE" and _linked(m)]
    if len(states) != 1:
        return None
    m = states[0]
    return Source(m.start, m.end, m.attrs.get("name") or m.text_of(doc), "state", m.attrs.get("entity_id"), "side")


def _behalf(mentions: Ordered, a: int, b: int) -> Span | None:
    """The side a description speaks for: the first state or organisation named in it that the knowledge base
    knows, so that a nationality beats an unlinked body ("un portavoce del ministero degli Esteri turco":
    Turkey); else the first named; else the person it is described by ("un consigliere del presidente
    Zelensky": Ukraine, through his affiliation)."""
    inside = [x for x in mentions.starting_through(a, b) if x.end <= b]
    sides = [x for x in inside if x.label in ("GPE", "ORG")]
    known = [x for x in sides if _linked(x)]
    people = [x for x in inside if x.label == "PER" and _linked(x)]
    return (known or sides or people or [None])[0]


def placed_side(doc: Document, head, mentions: Ordered, lex: AttributionLexicon, a: int, b: int) -> Span | None:
    """The place a source noun of ``placed_source_nouns`` is put in by a preposition of its phrase ("sources at the
    Pentagon", "officials in Kyiv", "fonti al Cremlino"): the first place named in the phrase, whose government
    (``sides.place_side``: a seat's state or body, a capital's state) the source speaks for; None for other nouns
    ("a diplomat in Moscow" is a guest there)."""
    if common_lemma(head, lex) not in lex.placed_nouns:
        return None
    return next((m for m in mentions.starting_through(a, b) if m.end <= b and m.label == "LOC" and _linked(m)
                 and _after_preposition(doc, m)), None)


def _after_preposition(doc: Document, m: Span) -> bool:
    """Whether the name at ``m`` hangs on a preposition ("at the Pentagon", "a Kiev", "al Cremlino")."""
    tok = doc.root(m.start, m.end)
    return tok is not None and any(c.dep == "case" for c in doc.children(tok))


def _earlier_side(doc: Document, head, mentions: Ordered, reach: int = 3000) -> Span | None:
    """The side a definite group description names no side of stands for: the one state or organisation named in
    the phrase of the same noun earlier in the article ("Leaders of the Group of Seven issued … the leaders said":
    the G7; "i ministri degli Esteri dell'UE … i ministri hanno ribadito": the EU). A phrase naming two sides
    ("leaders of France and Germany") gives none: the group speaks for neither alone."""
    if not definite_before(doc, head):
        return None
    number = head.feat("Number")  # "i ministri" is not "il ministro della Difesa danese" named before
    for tok in _same_noun_before(doc, head, reach):
        if tok.feat("Number") != number:
            continue
        a, b = phrase(doc, tok)
        named = {m.attrs["entity_id"]: m for m in mentions.starting_through(a, b)
                 if m.end <= b and m.label in ("ORG", "GPE") and _linked(m)}
        if named:
            return next(iter(named.values())) if len(named) == 1 else None
    return None


def _linked(m: Span) -> bool:
    eid = m.attrs.get("entity_id")
    return bool(eid) and not eid.startswith("x:")


def _issuer(doc: Document, head, mentions: Ordered, lex: AttributionLexicon, reach: int = 3000) -> Span | None:
    """Who issued the document a noun names ("the NATO declaration", "il comunicato del G7", "the final
    declaration of the NATO summit"): the organisation (else the state) named in its phrase, or in the phrase of
    the same noun earlier in the article ("… in the summit's declaration. … the declaration said")."""
    for tok in [head, *_same_noun_before(doc, head, reach)]:
        a, b = phrase(doc, tok)
        named = [m for m in mentions.starting_through(a, b) if m.end <= b and m.label in ("ORG", "GPE")
                 and m.attrs.get("entity_id")]
        if named:
            return min(named, key=lambda m: (m.label != "ORG", m.start))
    return None


def _same_noun_before(doc: Document, head, reach: int) -> list:
    """The tokens of ``head``'s lemma in the ``reach`` tokens before it, nearest first."""
    return [t for t in reversed(doc.tokens[max(0, head.i - reach):head.i]) if t.lemma == head.lemma]


def speaker_noun(head, lex: AttributionLexicon) -> bool:
    """A common noun that can speak: a person's role, a group of people, an organisation, a study."""
    lemma = head.lemma.lower()
    return lemma in lex.anonymous_nouns or lemma in lex.organisation_nouns or lemma in lex.group_nouns


def _named_beside(doc: Document, head, mentions: list[Span], a: int, b: int, lex: AttributionLexicon) -> Span | None:
    """"Il presidente ucraino Volodymyr Zelensky": a person named in apposition to the role noun
    (not one governed by a preposition: "an aide to Trump" is not Trump); an office in capitals the parse read as
    a proper noun too ("said Deputy Prime Minister and Minister of Digital Transformation Mykhailo Fedorov")."""
    if head.pos != "NOUN" and not (head.pos == "PROPN" and head.lemma.lower() in lex.speakers.epithets):
        return None
    for m in mentions.starting_through(a, b):
        if m.label != "PER" or not m.end <= b:
            continue
        root = doc.root(m.start, m.end)
        if root is not None and _attached_to(doc, root, lex) == head.i \
                and root.dep in ("appos", "flat", "flat:name", "compound", "nmod") and not _governed(doc, root):
            return m
    return None


def _name_after_title(doc: Document, head, mentions: Ordered, b: int, lex: AttributionLexicon) -> Span | None:
    """The person named at the end of a long office title that the source phrase stops short of ("said Deputy
    Prime Minister and Minister of Digital Transformation Mykhailo Fedorov", "ha detto il ministro degli Esteri
    e della Cooperazione Internazionale Antonio Tajani"): the first person named after the phrase, inside what
    the office governs, with no verb between, not right after a conjunction ("the minister and Olaf Scholz"),
    not governed by a preposition ("an aide to President Zelensky"), and no other person's office between
    ("il portavoce del presidente Zelensky")."""
    if head.pos not in ("NOUN", "PROPN") or head.lemma.lower() not in lex.speakers.epithets:
        return None
    m = next((x for x in mentions.starting_through(b, b + 200) if x.label == "PER"), None)
    if m is None or m.attrs.get("resolution") in ("role", "coreference"):
        return None
    root = doc.root(m.start, m.end)
    governed = {t.i for t in subtree(doc, head)}
    if root is None or root.i not in governed or root.sent != head.sent or _governed(doc, root):
        return None
    between = [t for t in doc.tokens[head.i + 1:root.i] if t.start >= b and t.end <= m.start]
    if not between or between[-1].pos in ("CCONJ", "PUNCT") or any(
            t.i not in governed or t.pos in ("VERB", "AUX", "PRON", "SCONJ")
            or (t.lemma.lower() in lex.speakers.epithets and t.dep.split(":")[0] in ("nmod", "obl")
                and _governed(doc, t))
            for t in between):
        return None
    return m


def _attached_to(doc: Document, name, lex: AttributionLexicon) -> int:
    """The token a person's name stands in apposition to: its head, or where the parse hung the name on the
    institution a role names ("il portavoce del Cremlino Dmitri Peskov", "la presidente del Consiglio Giorgia
    Meloni"), the role that institution depends on; never a person's role ("il portavoce del presidente Zelensky")."""
    owner = doc.tokens[name.head]
    if name.dep.startswith("flat") and not owner.is_root and owner.dep == "nmod" \
            and (owner.lemma.lower() in lex.organisation_nouns or owner.pos == "PROPN"):
        return owner.head
    return name.head


def noun_kind(doc: Document, head, lex: AttributionLexicon) -> str:
    """An unnamed source: an organisation ("the company"), a group ("European leaders", "i leader
    europei"), or anonymous ("a senior official", "sources", "some officials", "fonti del Cremlino")."""
    lemma = common_lemma(head, lex)
    dets = [c for c in doc.children(head) if c.dep in ("det", "nummod", "amod")]
    plural = head.feat("Number") == "Plur" or any(d.feat("Number") == "Plur" for d in dets if d.dep == "det")
    indefinite = bool({d.text.lower() for d in dets} & lex.indefinite)
    if lemma in lex.organisation_nouns and not plural and not indefinite:
        return "organisation"
    if plural and (lemma in lex.anonymous_plural or (indefinite and lemma in lex.anonymous_nouns)):
        return "anonymous"
    return "group" if plural else "anonymous"


def source_nouns(lex: AttributionLexicon) -> frozenset[str]:
    """The nouns that name an unnamed source or a group of them ("fonte", "official", "leader")."""
    return lex.anonymous_nouns | lex.anonymous_plural | lex.group_nouns | lex.organisation_nouns


def common_lemma(tok, lex: AttributionLexicon) -> str:
    """The lemma of a noun, lowercased; for a plural the parse left as written (a capitalised word opening a
    sentence, read as a name: "Fonti", "Officials") the singular that the language's ``plural_endings`` give,
    where it is one of its source nouns."""
    lemma = tok.lemma.lower()
    nouns = source_nouns(lex)
    if lemma in nouns or lemma != tok.text.lower():
        return lemma
    for plural, singular in lex.plural_endings:
        if lemma.endswith(plural) and lemma[:len(lemma) - len(plural)] + singular in nouns:
            return lemma[:len(lemma) - len(plural)] + singular
    return lemma


def opening_noun(doc: Document, tok, lex: AttributionLexicon) -> bool:
    """Whether ``tok`` is a source noun written with a capital only because it opens its sentence ("Fonti
    diplomatiche riferiscono", "Funzionari ucraini hanno spiegato", "Officials said"), which the parse tags
    as a name: nothing but punctuation before it in its sentence, and no name after it that it titles
    ("Ministro Rossi")."""
    if not tok.text[:1].isupper() or tok.pos not in ("PROPN", "NOUN") \
            or common_lemma(tok, lex) not in source_nouns(lex):
        return False
    before = [t for t in doc.tokens[max(0, tok.i - 12):tok.i] if t.sent == tok.sent]
    if any(t.pos != "PUNCT" for t in before) and not _after_dateline(doc, tok, before):
        return False
    return not any(c.dep in ("flat", "flat:name", "appos") and c.pos == "PROPN" for c in doc.children(tok))


def _after_dateline(doc: Document, tok, before: list) -> bool:
    """Whether the words before ``tok`` in its sentence are the article's dateline ("ROMA, 3 marzo 2025 -")."""
    return bool(before) and before[-1].pos == "PUNCT" \
        and dateline_end(doc.text, before[0].start, tok.start) >= before[-1].end


def dropped_subject(doc: Document, cue, mentions: Ordered, window: int = 400) -> Source | None:
    """The source of a finite verb of saying with no subject in a language that drops it ("Meloni è
    arrivata a Roma. Ha ribadito il rifiuto…"): the person (singular verb) or the person, organisation
    or state (plural) last named as a subject in the ``window`` characters before it. A participle that
    agrees with the subject ("si è detta", "è intervenuto") leaves out a person of the other gender."""
    person, number = agreement(doc, cue)
    if person != "3":
        return None
    gender = subject_gender(doc, cue)
    labels = ("PER",) if number == "Sing" else ("PER", "ORG", "GPE")
    lo = max(0, cue.start - window)
    if number == "Plur":  # ("Entrambi i leader hanno affermato …": a plural noun, named by no mention, is nearer)
        nouns = [t for t in doc.tokens[max(0, cue.i - 120):cue.i] if t.start >= lo and t.pos == "NOUN"
                 and t.feat("Number") == "Plur" and t.dep.startswith("nsubj") and not quoted(doc, t)]
        lo = max([lo] + [t.end for t in nouns])
    for m in reversed(mentions.overlapping(lo, cue.start)):
        if m.end > cue.start or m.label not in labels or m.attrs.get("resolution") == "adjective":
            continue
        if gender is not None and m.label == "PER" and number == "Sing" \
                and (m.attrs.get("gender") or gender) != gender:
            continue
        root = doc.root(m.start, m.end)
        if root is not None and is_subject(doc, root) and not quoted(doc, root):
            if m.label == "PER" and number == "Plur":  # "hanno detto": two persons named together, not one
                from .unnamed import coordinated, coordination_span  # (here: unnamed imports this module)
                pair = coordinated(doc, m.start, m.end)
                if pair is None:
                    continue
                a, b = coordination_span(doc, *pair)
                return Source(a, b, doc.text[a:b], "group", None, "dropped-subject")
            return Source(m.start, m.end, m.attrs.get("name") or m.text_of(doc), KIND_OF_LABEL[m.label],
                          m.attrs.get("entity_id"), "dropped-subject")
    return None


def subject_gender(doc: Document, verb) -> str | None:
    """The gender of a verb's subject its form tells: a participle with the auxiliary "essere", which
    agrees with the subject ("si è detta", "è stata chiara" is the adjective's), 'f' or 'm'; else None
    (with "avere" the participle does not agree: "ha detto")."""
    words = [verb] + [c for c in doc.children(verb) if c.dep == "xcomp" and c.pos == "ADJ"]
    if verb.dep in ("xcomp", "advcl") and not verb.is_root:  # ("si è detta convinta che": "detta")
        words.append(doc.tokens[verb.head])
    for t in words:
        aux = [c for c in doc.children(t) if c.dep in ("aux", "aux:pass", "cop")]
        reflexive = any(c.dep.startswith("expl") and c.lemma.lower() == "si" for c in doc.children(t))
        if any(c.dep == "aux:pass" for c in aux) and not reflexive:
            continue  # ("è stata annunciata la tregua": a passive's participle agrees with what was done)
        if t.feat("Gender") and (t.feat("VerbForm") == "Part" or t.pos == "ADJ") \
                and any(c.lemma.lower() == "essere" for c in aux) and t.feat("Number") == "Sing":
            return {"Fem": "f", "Masc": "m"}.get(t.feat("Gender"))
    return None


def is_subject(doc: Document, tok) -> bool:
    """A subject, the head of a sentence without a verb ("Più prudente il ministro della Difesa Guido
    Crosetto."), or a name in apposition to either ("il ministro della Difesa Guido Crosetto")."""
    for _ in range(3):
        if tok.dep.startswith("nsubj") or (tok.is_root and tok.pos in ("NOUN", "PROPN")):
            return True
        if tok.dep not in ("appos", "flat", "flat:name", "nmod", "compound") or tok.is_root:
            return False
        tok = doc.tokens[tok.head]
    return False


def quoted(doc: Document, tok) -> bool:
    """Inside a quotation opened earlier in its sentence (the person a speaker talks about)."""
    depth = 0
    for t in doc.tokens[max(0, tok.i - 80):tok.i]:
        if t.sent != tok.sent:
            continue
        if t.text in "«“":
            depth += 1
        elif t.text in "»”" and depth:
            depth -= 1
    return depth > 0


def agreement(doc: Document, cue) -> tuple[str | None, str | None]:
    """Person and number of a verb, read off it or its auxiliary ("ha ribadito")."""
    for t in [cue, *(c for c in doc.children(cue) if c.dep in ("aux", "aux:pass"))]:
        if t.feat("Person"):
            return t.feat("Person"), t.feat("Number")
    return None, None


# what a written source mention leaves out: the clauses hung on its head (a relative clause, a participle,
# an aside); its appositions and the title or determiner before it stay ("the Post", "Sen. X (D-Ohio), the
# party's whip": the noun phrase as the sentence writes it)
NOT_WRITTEN = ("acl:relcl", "relcl", "acl", "parataxis", "advcl", "dep", "discourse")
NAME_PARTS = ("flat", "flat:name", "compound", "appos", "nmod")


def written_phrase(doc: Document, a: int, b: int) -> tuple[int, int] | None:
    """The whole noun phrase a source mention [a, b) heads in its sentence, as written: its determiner,
    titles, modifiers, a possessive's "'s" and appositions, not the clauses hung on it; None where the
    mention is no noun phrase of the parse (a pronoun stays as it is)."""
    head = doc.root(a, b)
    if head is None or head.pos not in ("PROPN", "NOUN"):
        return None
    opening = after_dateline(doc, head)  # ("LONDON, March 3 - X said": not the parse's apposition)
    head = _phrase_head(doc, head, opening)
    toks = _with_split_subjects(doc, _contiguous(_phrase_tokens(doc, head), head), head)
    toks = [t for t in toks if t.start >= opening]
    while len(toks) > 1 and toks[0] is not head and (toks[0].pos in ("PUNCT", "CCONJ", "ADP", "SCONJ")):
        toks = toks[1:]  # (the preposition of "according to X", "by X")
    while len(toks) > 1 and toks[-1] is not head and _open_edge(toks):
        toks = toks[:-1]
    return (_left_in_sentences_before(doc, toks[0]) or toks)[0].start, toks[-1].end


def _left_in_sentences_before(doc: Document, first) -> list:
    """The words that open the phrase where the parse ended a sentence inside it ("LONDON, March 3, 2025 -
    German Chancellor | Friedrich | Merz said", "Il consigliere presidenziale Mykhailo | Podolyak ha
    precisato"): the words of the sentences right before the one ``first`` opens, from a dateline's end or
    their start, while all are words of a noun phrase in the same paragraph (no verb, no punctuation: no
    sentence of its own ends so: ``_title_words``); [] where there are none."""
    words = []
    while first.i > 0 and doc.tokens[first.i - 1].sent != first.sent and len(words) < 12:
        before = doc.tokens[first.i - 1]
        start = _sentence_first(doc, before).start
        opening = after_dateline(doc, before)
        rest = [t for t in doc.tokens[:first.i] if t.sent == before.sent and t.start >= opening]
        if not rest or "\n" in doc.text[rest[0].start:first.start] \
                or not _title_words(rest, named=_one_mention(doc, rest[-1], first)):
            break
        words = rest + words
        if opening > start:
            break  # (the dateline's sentence: what follows it opens the phrase)
        first = rest[0]
    return words


def _title_words(toks: list, named: bool) -> bool:
    """Words of a noun phrase; unless they run into the name after them (``named``: one mention), no proper
    noun the lemmatiser knows as a common word ("Meanwhile | X said": an adverb the tagger took for a name)."""
    return all(t.pos in ("PROPN", "NOUN", "ADJ", "DET") and (named or t.pos != "PROPN" or not t.lemma.islower())
               for t in toks)


def _one_mention(doc: Document, a, b) -> bool:
    return any(m.start <= a.start and b.end <= m.end for m in doc.layer("mention"))


def _sentence_first(doc: Document, tok):
    """The first token of the parse's sentence of ``tok``."""
    while tok.i > 0 and doc.tokens[tok.i - 1].sent == tok.sent:
        tok = doc.tokens[tok.i - 1]
    return tok


def _phrase_head(doc: Document, head, opening: int):
    """The head of the phrase a name is part of ("Gov. Mike Pence"), in its sentence after the dateline."""
    while head.dep in NAME_PARTS and not head.is_root:
        up = doc.tokens[head.head]
        if up.sent != head.sent or not _nominal(doc, up) or up.start < opening:
            break
        head = up
    return head


def _nominal(doc: Document, tok) -> bool:
    """A noun, or an adjective with a determiner of its own: a noun the tagger read as an adjective ("il
    quotidiano britannico X")."""
    return tok.pos in ("PROPN", "NOUN") or tok.pos == "ADJ" and any(c.dep == "det" for c in doc.children(tok))


def _with_split_subjects(doc: Document, toks: list, head) -> list:
    """One phrase the parse made two subjects of one verb, side by side: the subject right after the phrase
    ("Il presidente francese | Emmanuel Macron") or right before it ("Il ministro della Difesa britannico |
    John Healey") joins it."""
    if head.is_root or not head.dep.startswith("nsubj"):
        return toks
    nxt = doc.tokens[toks[-1].i + 1] if toks[-1].i + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.dep == head.dep and nxt.head == head.head:
        toks = toks + _contiguous(_phrase_tokens(doc, nxt), nxt)
    before = [c for c in doc.children(doc.tokens[head.head]) if c.dep == head.dep and c.i < toks[0].i]
    if before:
        run = _contiguous(_phrase_tokens(doc, before[-1]), before[-1])
        toks = run + toks if run[-1].i == toks[0].i - 1 else toks
    return toks


def _phrase_tokens(doc: Document, head) -> list:
    """``head`` and what it governs as part of its noun phrase, in text order: not the clauses hung on the head
    (a lone word the parse took for one stays: "Il presidente finlandese X", an adjective read as a clause),
    nor, anywhere in the phrase, an adjunct of the verb the parse hung on the subject (``_verbs_adjunct``)."""
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in doc.children(tok) if not _verbs_adjunct(doc, tok, c)
                 and not (tok is head and _clause(doc, c))]
    return sorted(out, key=lambda t: t.i)


def _clause(doc: Document, tok) -> bool:
    return tok.dep in NOT_WRITTEN and (tok.pos in ("VERB", "AUX") or bool(doc.children(tok)))


def _verbs_adjunct(doc: Document, parent, tok) -> bool:
    """A word after ``parent`` that tells when or where-to the verb happened, not who speaks: an expression of
    time ("Lavrov mercoledì", "X on Friday"), or a prepositional phrase of a common noun on a name ("Lavrov
    all'agenzia Tass", "X in un'intervista"): a name takes no such modifier, a title does ("il portavoce
    del Cremlino", "l'ambasciatore a Roma") and so does a name's own words ("Corriere della Sera")."""
    if tok.i < parent.i or tok.dep in ("compound", "det", "case", "punct"):
        return False
    if in_timex(doc, tok):
        return True
    return parent.pos == "PROPN" and tok.pos == "NOUN" and tok.dep.startswith(("nmod", "obl")) \
        and any(c.dep == "case" for c in doc.children(tok)) \
        and _in_mention(doc, parent) and not _in_mention(doc, tok)  # ("Fonti della presidenza": no name)


def _in_mention(doc: Document, tok) -> bool:
    return any(m.start <= tok.start < m.end for m in doc.layer("mention"))


def in_timex(doc: Document, tok, dated: bool = False) -> bool:
    """The token lies inside an expression of time the temporal tagger found; ``dated``: one that names a
    day or a part of one ("oggi", "Tuesday"), not a reference to the past or the present ("recently",
    "already": PolNeAR's cue keeps those in its verb group, "has recently said")."""
    return any(not dated or str(x.attrs.get("value") or "")[:1].isdigit()
               for x in doc.ordered_layer("timex").covering(tok.start))


def after_dateline(doc: Document, tok) -> int:
    """Where a dateline opening the sentence of ``tok`` ends, up to ``tok`` (its sentence's start where there
    is none)."""
    return dateline_end(doc.text, _sentence_first(doc, tok).start, tok.start)


def _contiguous(toks: list, head) -> list:
    """The run of ``toks`` around ``head`` with no token of the text left out between them."""
    at = toks.index(head)
    lo, hi = at, at
    while lo > 0 and toks[lo - 1].i == toks[lo].i - 1:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].i == toks[hi].i + 1:
        hi += 1
    return toks[lo:hi + 1]


def _open_edge(toks: list) -> bool:
    """The phrase's last token is punctuation or a conjunction that closes nothing it opened."""
    last = toks[-1]
    if last.pos == "CCONJ":
        return True
    if last.pos != "PUNCT":
        return False
    return not (last.text == ")" and any(t.text == "(" for t in toks))


# what stands before a cue's verb and belongs to its verb group ("has also said", "did not deny", "was quoted")
CUE_GROUP = ("aux", "aux:pass", "advmod", "cop")


def cue_group(doc: Document, a: int, b: int) -> tuple[int, int] | None:
    """The cue [a, b) with the auxiliaries, negation and adverbs that stand right before its verb and hang on
    it ("has also called for", "did not immediately respond", "are concerned"), as written; None where there
    are none."""
    toks = doc.tokens_in(a, b)
    verb = doc.root(a, b)
    if verb is None or verb.pos not in ("VERB", "AUX", "ADJ"):
        return None  # (an adjective's copula too: "are concerned that …")
    start = toks[0]  # ("ha dichiarato": "non" before the auxiliary hangs on the participle)
    while start.i > 0:
        prev = doc.tokens[start.i - 1]
        if prev.sent != verb.sent or prev.head != verb.i or prev.dep not in CUE_GROUP \
                or prev.dep == "advmod" and prev.pos not in ("ADV", "PART") or prev.lemma.lower().startswith("wh") \
                or prev.lemma.lower() == "how" or in_timex(doc, prev, dated=True):
            break  # ("Peskov oggi ha precisato": the day is no part of the verb group)
        start = prev
    return (start.start, b) if start is not toks[0] else None
