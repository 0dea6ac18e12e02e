"""Who a pronoun source is: "he"/"she" the last person of that gender named as a subject (or speaking) before
it, "they"/"we" a group or the organisation or state named before, "it"/"esso" an organisation, state or
document named as a subject in its sentence or the one before, never a person."""
from __future__ import annotations

from ...document import Document, Span, Statement
from ..ordered import Ordered
from .lexicon import AttributionLexicon
from .sources import KIND_OF_LABEL, Source, describe, is_subject, quoted, speaker_noun
from .speakers import mention_gender, speaker_gender
from .unnamed import coordinated, coordination_span

GENDER_PRONOUN = {"m", "f"}
NEUTER = "n"  # "it", "esso": an organisation or state, never a person


def antecedent(doc: Document, pronoun, lex: AttributionLexicon, mentions: list[Span], kb) -> Source | None:
    """A pronoun source: the nearest person of its gender (he, she) or organisation/state (they, we) named
    in the 600 characters before, or the speaker of the last statement; "it" is an organisation or state
    (``_neuter_antecedent``); a person named further back (``_distant_person``)."""
    want = lex.pronouns.get(pronoun.text.lower())
    if pronoun.text.lower() in lex.first_persons and in_quotation(doc.text, pronoun.start):
        return None  # ("“We believe that …,” she said": the quoted speaker talking, no statement of its own)
    if want == NEUTER:
        return _neuter_antecedent(doc, pronoun, mentions, lex)
    labels = ("PER",) if want in GENDER_PRONOUN else ("ORG", "GPE", "PER") if want == "p" else ()
    if not labels:
        return None
    earlier = [m for m in mentions if m.end <= pronoun.start and m.label in labels
               and pronoun.start - m.end < 600 and m.attrs.get("resolution") != "adjective"
               and mention_gender(kb, m) in (None, want if want in GENDER_PRONOUN else None)]
    last = max(doc.statements, key=lambda s: s.content_start if s.content_start < pronoun.start else -1,
               default=None)
    if want == "p":
        group = _coordinated_before(doc, pronoun, mentions) or _plural_before(doc, pronoun, lex, mentions)
        if group is not None:  # "Britain and France presented a plan. They said …": both, not the nearer one
            return group
        earlier = [m for m in earlier if m.label != "GPE"]  # a state named in passing is "it", not "they"
    if earlier:
        # the last one named as a subject, else the nearest ("Zelensky harangued the crowd alongside President
        # Nauseda: “…,” he said": Zelensky)
        subjects = [m for m in earlier[-4:] if want in GENDER_PRONOUN and _named_subject_of(doc, m, pronoun)]
        before = _speaking_on(doc, pronoun, want, kb) if not subjects and want in GENDER_PRONOUN else None
        if before is not None:  # (no subject: the speaker goes on, "he expects Clinton to recover. “…,” he said")
            return Source(pronoun.start, pronoun.end, before.speaker_name, "person", before.speaker_entity_id,
                          "pronoun", gender=want)
        m = (subjects or earlier)[-1]
        group = _group_of(doc, m, mentions, lex) if want == "p" else None
        if group is not None:  # "warnings from NATO foreign ministers … they said": the ministers, not NATO
            return Source(pronoun.start, pronoun.end, group.name, group.kind, group.entity_id, "pronoun",
                          behalf=group.behalf, gender=want)
        if want in GENDER_PRONOUN or m.label != "PER":
            return Source(pronoun.start, pronoun.end, m.attrs.get("name") or m.text_of(doc),
                          KIND_OF_LABEL[m.label], m.attrs.get("entity_id"), "pronoun", gender=want)
    if last is not None and last.speaker_name and last.content_start < pronoun.start \
            and not (want == "p" and last.attrs.get("speaker_kind") == "person") \
            and not (want in GENDER_PRONOUN and last.attrs.get("speaker_kind") in ("group", "organisation", "state")) \
            and speaker_gender(doc, kb, last) in (None, want if want in GENDER_PRONOUN else None):
        return Source(pronoun.start, pronoun.end, last.speaker_name,
                      last.attrs.get("speaker_kind") or "person", last.speaker_entity_id, "pronoun", gender=want)
    if want == "p":  # "They said …" with no group named before: an unnamed group, never one person
        return Source(pronoun.start, pronoun.end, pronoun.text, "group", None, "pronoun", gender=want)
    return _distant_person(doc, pronoun, want, mentions, kb) if not earlier else None


def _group_of(doc: Document, m: Span, mentions: Ordered, lex: AttributionLexicon) -> Source | None:
    """The plural noun of speakers an organisation or state mention modifies ("NATO foreign ministers",
    "the ministers of the EU"): the group a plural pronoun stands for, described."""
    root = doc.root(m.start, m.end)
    if root is None or root.head == root.i or not root.dep.startswith(("compound", "nmod", "amod")):
        return None
    head = doc.tokens[root.head]
    if head.pos != "NOUN" or head.feat("Number") != "Plur" or not speaker_noun(head, lex) \
            or in_quotation(doc.text, head.start):
        return None
    return describe(doc, head, mentions, doc.layer("ner"), lex, lambda _: None, any_noun=True)


def _plural_before(doc: Document, pronoun, lex: AttributionLexicon, mentions: Ordered) -> Source | None:
    """"Officials told Reuters … They warned …": the last of the sources a plural pronoun can stand for in its
    sentence or the one before: a plural noun of speakers that is a subject, an organisation or state that is a
    sentence's subject, or the source of a statement that is not one person."""
    lo = _window_start(doc, pronoun)
    found = [(m.start, m) for m in mentions.overlapping(lo, pronoun.start) if m.end <= pronoun.start
             and m.label in ("ORG", "GPE") and m.attrs.get("resolution") != "adjective" and _free_subject(doc, m)]
    found += [(t.start, t) for t in doc.tokens[max(0, pronoun.i - 200):pronoun.i] if t.start >= lo
              and t.pos == "NOUN" and t.feat("Number") == "Plur" and speaker_noun(t, lex) and is_subject(doc, t)
              and not quoted(doc, t) and not in_quotation(doc.text, t.start) and not _reported(doc, t)]
    found += [(st.cue_start, st) for st in doc.statements if st.cue_start is not None
              and lo <= st.cue_start < pronoun.start and st.speaker_name
              and st.attrs.get("speaker_kind") in ("group", "anonymous", "organisation", "state")]
    if not found:
        return None
    last = max(found, key=lambda x: x[0])[1]
    if isinstance(last, Statement):
        return Source(pronoun.start, pronoun.end, last.speaker_name, last.attrs["speaker_kind"],
                      last.speaker_entity_id, "pronoun", gender="p")
    if isinstance(last, Span):
        return Source(pronoun.start, pronoun.end, last.attrs.get("name") or last.text_of(doc),
                      KIND_OF_LABEL[last.label], last.attrs.get("entity_id"), "pronoun", gender="p")
    noun = describe(doc, last, mentions, doc.layer("ner"), lex, lambda _: None, any_noun=True)
    if noun is None:
        return None
    return Source(pronoun.start, pronoun.end, noun.name, noun.kind, noun.entity_id, "pronoun",
                  behalf=noun.behalf, gender="p")


def _reported(doc: Document, t) -> bool:
    """The word is inside what a statement reports ("The two leaders said about 30 countries had been invited.
    They also said …": the countries are what the leaders spoke of, not who speaks next)."""
    return any(st.content_start <= t.start < st.content_end and st.cue_start is not None
               and not st.content_start <= st.cue_start < st.content_end for st in doc.statements)


def _speaking_on(doc: Document, pronoun, want: str, kb, reach: int = 600) -> Statement | None:
    """The statement that ends last before the pronoun, just before it, if a person of its gender made it."""
    last = max((st for st in doc.statements if st.content_end <= pronoun.start), key=lambda st: st.content_end,
               default=None)
    if last is None or not last.speaker_name or last.attrs.get("speaker_kind") != "person" \
            or pronoun.start - last.content_end >= reach or speaker_gender(doc, kb, last) not in (None, want):
        return None
    return last


def _neuter_antecedent(doc: Document, pronoun, mentions: Ordered, lex: AttributionLexicon) -> Source | None:
    """"The Kremlin rejected the plan. It said …": "it" speaks for the organisation or state last named as a
    subject (not inside a quotation) in its sentence or the one before, or last speaking there; a document
    named as a subject after them ("The statement also referenced the gains it said …"); never a person."""
    lo = _window_start(doc, pronoun)
    subjects = [m for m in mentions.overlapping(lo, pronoun.start) if m.end <= pronoun.start
                and m.label in ("ORG", "GPE") and m.attrs.get("resolution") != "adjective"
                and _free_subject(doc, m, clauses=True)]
    # (a quotation's speaker is where its tag writes him: "“…,” the embassy said" has no cue of its own)
    speaking = [st for st in doc.statements if _said_at(st) is not None and lo <= _said_at(st) < pronoun.start
                and st.attrs.get("speaker_kind") in ("organisation", "state")]
    documents = [t for t in doc.tokens[max(0, pronoun.i - 200):pronoun.i] if t.start >= lo
                 and t.lemma.lower() in lex.speakers.document_nouns and is_subject(doc, t)
                 and not in_quotation(doc.text, t.start)]
    if documents and all(m.start < documents[-1].start for m in subjects) \
            and all(_said_at(st) < documents[-1].start for st in speaking):  # "The declaration … It says"
        return describe(doc, documents[-1], mentions, doc.layer("ner"), lex, lambda _: None, any_noun=True)
    # an organisation the text names by its noun as a subject ("The campaign is defending the ads. It says …")
    bodies = [t for t in doc.tokens[max(0, pronoun.i - 200):pronoun.i] if t.start >= lo and t.pos == "NOUN"
              and t.lemma.lower() in lex.organisation_nouns and t.feat("Number") != "Plur"
              and not any(m.start <= t.start < m.end for m in subjects)
              and _free_subject(doc, Span(t.start, t.end, "token", ""), clauses=True)]
    last = max([(m.start, m) for m in subjects] + [(_said_at(st), st) for st in speaking]
               + [(t.start, t) for t in bodies], key=lambda x: x[0], default=None)
    if last is None:
        return None
    if not isinstance(last[1], (Span, Statement)):
        body = describe(doc, last[1], mentions, doc.layer("ner"), lex, lambda _: None, any_noun=True)
        return Source(pronoun.start, pronoun.end, body.name, body.kind, body.entity_id, "pronoun",
                      behalf=body.behalf, gender=NEUTER) if body is not None else None
    if isinstance(last[1], Statement):
        st = last[1]
        return Source(pronoun.start, pronoun.end, st.speaker_name, st.attrs["speaker_kind"], st.speaker_entity_id,
                      "pronoun", gender=NEUTER)
    m = last[1]
    return Source(pronoun.start, pronoun.end, m.attrs.get("name") or m.text_of(doc), KIND_OF_LABEL[m.label],
                  m.attrs.get("entity_id"), "pronoun", gender=NEUTER)


def _said_at(st: Statement) -> int | None:
    """Where a statement's tag stands: its cue, else its written speaker."""
    return st.cue_start if st.cue_start is not None else st.speaker_start


def _window_start(doc: Document, pronoun, reach: int = 200) -> int:
    """Where the sentence before the pronoun's starts, a quotation of several sentences counting as one."""
    before = doc.tokens[max(0, pronoun.i - reach):pronoun.i + 1]
    firsts = {}
    for t in before:
        firsts.setdefault(t.sent, t)
    sent = pronoun.sent
    while sent - 1 in firsts and in_quotation(doc.text, firsts[sent].start):
        sent -= 1
    first = firsts.get(sent - 1) or firsts.get(sent) or pronoun
    return first.start


def _free_subject(doc: Document, m: Span, clauses: bool = False) -> bool:
    """The subject of a sentence's main verb, outside quotations (not the subject of a clause inside it);
    ``clauses``: or of a clause joined to the main verb or set beside it ("Although the agency did not name
    him, it said …", "Many share the fears, but the coalition wants …")."""
    root = doc.root(m.start, m.end)
    if root is None or not root.dep.startswith("nsubj") or quoted(doc, root) or in_quotation(doc.text, m.start):
        return False
    verb = doc.tokens[root.head]
    return verb.is_root or clauses and verb.dep in ("conj", "advcl") and doc.tokens[verb.head].is_root


def in_quotation(text: str, at: int) -> bool:
    """Inside a quotation opened earlier in its paragraph (a quotation may run over several sentences)."""
    para = text[text.rfind("\n", 0, at) + 1:at]
    return para.count('"') % 2 == 1 or sum(para.count(c) for c in "“«") > sum(para.count(c) for c in "”»")


def _speaker_at(doc: Document, m: Span) -> bool:
    return any(st.speaker_start == m.start and st.speaker_end == m.end for st in doc.statements)


def _distant_person(doc: Document, pronoun, want: str, mentions: Ordered, kb, reach: int = 3000) -> Source | None:
    """"he"/"she" with no person named in the 600 characters before: the last person of that gender named
    as a subject or speaking in the ``reach`` characters before (the paragraphs between name no one)."""
    if want not in GENDER_PRONOUN:
        return None
    for m in reversed(mentions.overlapping(max(0, pronoun.start - reach), pronoun.start - 600)):
        if m.label != "PER" or m.attrs.get("resolution") == "adjective":
            continue
        if mention_gender(kb, m) not in (None, want):
            continue
        root = doc.root(m.start, m.end)
        if root is not None and (is_subject(doc, root) or _speaker_at(doc, m)) and not in_quotation(doc.text, m.start):
            return Source(pronoun.start, pronoun.end, m.attrs.get("name") or m.text_of(doc), "person",
                          m.attrs.get("entity_id"), "pronoun", gender=want)
    return None


def _named_subject_of(doc: Document, m: Span, pronoun) -> bool:
    """The mention is a subject in the pronoun's sentence or the one before it (not a possessive of the subject:
    "Donald Trump's America was …")."""
    root = doc.root(m.start, m.end)
    return root is not None and pronoun.sent - root.sent <= 1 and is_subject(doc, root) \
        and not any(t.dep == "nmod:poss" and not m.start <= doc.tokens[t.head].start < m.end
                    for t in doc.tokens_in(m.start, m.end))


def _coordinated_before(doc: Document, pronoun, mentions: Ordered) -> Source | None:
    """The group a plural pronoun names: the last source named before it, in the 600 characters
    before, when it is one of two names joined by "and" / "e"."""
    near = [m for m in mentions.overlapping(max(0, pronoun.start - 600), pronoun.start)
            if m.end <= pronoun.start and m.label in ("PER", "ORG", "GPE") and m.attrs.get("resolution") != "adjective"]
    pair = coordinated(doc, near[-1].start, near[-1].end) if near else None
    if pair is None:
        return None
    a, b = coordination_span(doc, *pair)
    return Source(pronoun.start, pronoun.end, doc.text[a:b], "group", None, "pronoun", gender="p")
