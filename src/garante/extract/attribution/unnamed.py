"""Speakers the rules named by a word inside the source phrase rather than by the phrase itself:

- a state or organisation that only qualifies an unnamed person ("A former US ambassador has urged",
  "ha riferito un rappresentante del Consiglio di sicurezza Usa", "secondo fonti di Kiev") is the side
  that person speaks for, not the speaker: the speaker is the description, ``anonymous``;
- a source noun that opens its sentence, capitalised and so read as a person's name ("Fonti di governo hanno
  spiegato", "Funzionari ucraini …"), is the description it is: anonymous (or a group), for the side it names;
- one of two sources joined by "and" ("come annunciato da Medinsky e Umerov", "secondo quanto fanno
  sapere Londra e Washington") is one half of a ``group`` speaker."""
from __future__ import annotations

from ...document import Document, Statement
from .lexicon import AttributionLexicon
from .sides import mark_source, place_side, set_side
from .base import speaker_mentions
from .sources import _behalf, common_lemma, noun_kind, opening_noun, phrase, placed_side

MODIFIER = ("compound", "nmod", "amod", "flat", "flat:name", "nmod:poss", "nummod")
JOINERS = {"e", "ed", "and", "&"}
NAMED_KINDS = ("state", "organisation")


def unnamed_speakers(doc: Document, lex: AttributionLexicon, kb=None) -> None:
    """Rewrite, in place, the speakers of ``doc.statements`` that are a word of a description or one
    side of a coordination (nothing without a parse; ``kb`` places the sources a seat or capital places)."""
    if not doc.tokens:
        return
    for st in doc.statements:
        if st.speaker_start is None or st.attrs.get("speaker_resolution") in ("description", "label"):
            continue
        word = doc.root(st.speaker_start, st.speaker_end)
        if word is None:
            continue
        if _misread_name(doc, st, word, lex):
            _unname(doc, st, word, lex, kb)
            continue
        if st.attrs.get("speaker_kind") in NAMED_KINDS:
            role = _role_noun(doc, word, lex)
            if role is not None:
                _describe(doc, st, role, lex)
                continue
        pair = _coordination(doc, word, st)
        if pair is not None:
            _group(doc, st, *pair)


def _role_noun(doc: Document, word, lex: AttributionLexicon):
    """The noun of a person's role (singular, or a plural that stays anonymous: "sources", "fonti")
    that ``word`` qualifies, up to three modifier steps away ("rappresentante del Consiglio nazionale di
    sicurezza Usa"), or None."""
    tok = word
    for _ in range(3):
        if tok.is_root or tok.dep not in MODIFIER:
            return None
        tok = doc.tokens[tok.head]
        if tok.pos != "NOUN" and not opening_noun(doc, tok, lex):  # ("Fonti del Cremlino hanno detto")
            return None
        lemma = common_lemma(tok, lex)
        if lemma in lex.anonymous_nouns and lemma not in lex.organisation_nouns:
            return tok if noun_kind(doc, tok, lex) == "anonymous" else None
    return None


def _describe(doc: Document, st: Statement, role, lex: AttributionLexicon) -> None:
    a, b = phrase(doc, role)
    comma = doc.text.find(",", role.end, b)
    b = comma if comma > 0 else b  # "other NATO members, including the U.S.": the members
    side_id, side_name = st.speaker_entity_id, st.speaker_name
    st.speaker_name, st.speaker_entity_id = doc.text[a:b], None
    st.speaker_start, st.speaker_end = a, b
    st.attrs["speaker_kind"] = "anonymous"
    mark_source(st, None)  # (a phrase, no entity: no outlet)
    st.attrs["speaker_resolution"] = "description"
    if side_id is not None and st.on_behalf_of_id is None:
        st.on_behalf_of_id, st.on_behalf_of_name = side_id, side_name


def _misread_name(doc: Document, st: Statement, word, lex: AttributionLexicon) -> bool:
    """Whether the person speaking is a source noun opening the sentence that the parse (and the entity
    linker after it) read as a name ("Fonti diplomatiche", "Funzionari ucraini"; sources.opening_noun)."""
    return st.attrs.get("speaker_kind") == "person" and not _known(st.speaker_entity_id) \
        and doc.token_at(st.speaker_start) is word and opening_noun(doc, word, lex)


def _known(entity_id: str | None) -> bool:
    return entity_id is not None and not entity_id.startswith("x:")


def _unname(doc: Document, st: Statement, noun, lex: AttributionLexicon, kb=None) -> None:
    """The speaker becomes the source phrase of ``noun``, anonymous or a group (``noun_kind``), for the state or
    body named in it ("Funzionari ucraini": Ukraine; none for a private occupation: "Esperti russi"), or for the
    government seated where it is placed ("Fonti al Cremlino", "Funzionari a Kiev"; ``_placed``)."""
    a, b = phrase(doc, noun)
    inside = _behalf(speaker_mentions(doc), a, b)
    side = inside.attrs.get("entity_id") if inside is not None and inside.label != "PER" else None
    if common_lemma(noun, lex) in lex.private_nouns:
        side = None
    placed = _placed(doc, noun, lex, kb, a, b) if side is None else None
    st.speaker_name, st.speaker_entity_id = doc.text[a:b], None
    st.speaker_start, st.speaker_end = a, b
    st.attrs["speaker_kind"] = noun_kind(doc, noun, lex)
    mark_source(st, None)  # (a phrase, no entity: no outlet)
    st.attrs["speaker_resolution"] = "description"
    st.on_behalf_of_id, st.on_behalf_of_name = (side, inside.attrs.get("name")) if side else (None, None)
    if placed is not None:
        set_side(st, kb, placed)


def _placed(doc: Document, noun, lex: AttributionLexicon, kb, a: int, b: int) -> str | None:
    """The side of the seat or capital a preposition places the source noun in (sources.placed_side), or None."""
    place = placed_side(doc, noun, speaker_mentions(doc), lex, a, b) if kb is not None else None
    return place_side(kb, place.attrs.get("entity_id")) if place is not None else None


def _coordination(doc: Document, word, st: Statement):
    """(first, last) of the "X e Y" the speaker's name is one side of, where the pair is what the cue
    reports: the subject of a plural verb, or named right after the cue ("secondo X e Y", "come annunciato
    da X e Y"); "Kiev e Mosca non sono pronte, ha detto Erdogan" stays Erdogan's."""
    pair = coordinated(doc, st.speaker_start, st.speaker_end)
    if pair is None or st.cue_start is None:
        return None
    after_cue = 0 <= pair[0].start - (st.cue_end or st.cue_start) <= 40
    return pair if after_cue or _number(doc, st.cue_start) == "Plur" else None


def coordinated(doc: Document, start: int, end: int):
    """(first, last) head tokens of the two names joined by "and" / "e" of which the name at start..end
    is one ("Britain and France", "Vladimir Medinsky e Rustem Umerov"), or None."""
    name = doc.tokens_in(start, end)
    ids = {t.i for t in name}
    joined = next((t for t in name if t.dep == "conj" and t.head not in ids and not t.is_root), None)
    if joined is not None:
        first, last = _name_head(doc, doc.tokens[joined.head]), joined
    else:
        last = next((c for t in name for c in doc.children(t) if c.dep == "conj" and c.i not in ids), None)
        first = name[0] if name else None
    if first is None or last is None or first.pos != "PROPN" or last.pos != "PROPN" or last.i <= first.i:
        return None
    between = doc.tokens[_name_end(doc, first) + 1:last.i]
    if len(between) != 1 or between[0].text.lower() not in JOINERS:
        return None
    return first, last


def coordination_span(doc: Document, first, last) -> tuple[int, int]:
    return doc.tokens[_name_start(doc, first)].start, doc.tokens[_name_end(doc, last)].end


def _name_start(doc: Document, head) -> int:
    """Index of the first word of a name whose head is its last ("United States", "Keir Starmer")."""
    start = head.i
    while start > 0 and doc.tokens[start - 1].head == head.i and doc.tokens[start - 1].pos == "PROPN" \
            and doc.tokens[start - 1].dep in ("compound", "flat", "flat:name", "nmod"):
        start -= 1
    return start


def _name_head(doc: Document, tok):
    """The first word of the name ``tok`` belongs to ("Medinsky" → "Vladimir")."""
    return doc.tokens[tok.head] if tok.dep in ("flat", "flat:name") and not tok.is_root else tok


def _name_end(doc: Document, head) -> int:
    """Index of the last token of a name ("Vladimir Medinsky": the flat parts after its head)."""
    end = head.i
    while end + 1 < len(doc.tokens) and doc.tokens[end + 1].head == head.i \
            and doc.tokens[end + 1].dep in ("flat", "flat:name", "compound"):
        end += 1
    return end


def _number(doc: Document, cue_start: int) -> str | None:
    """The grammatical number of the cue verb (or of its auxiliary: "hanno detto")."""
    cue = doc.token_at(cue_start)
    if cue is None:
        return None
    for t in [cue, *(c for c in doc.children(cue) if c.dep in ("aux", "aux:pass"))]:
        if t.feat("Number"):
            return t.feat("Number")
    return None


def _group(doc: Document, st: Statement, first, last) -> None:
    a, b = coordination_span(doc, first, last)
    st.speaker_name, st.speaker_entity_id = doc.text[a:b], None
    st.speaker_start, st.speaker_end = a, b
    st.attrs["speaker_kind"] = "group"
    mark_source(st, None)  # (a phrase, no entity: no outlet)
    st.attrs["speaker_resolution"] = "coordination"
    st.on_behalf_of_id = st.on_behalf_of_name = None
