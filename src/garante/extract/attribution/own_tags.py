"""A quotation with a tag of its own, whatever the tag's verb (``own_tag``): right after it, in its sentence, a
clause whose finite verb has a person as subject and says nothing of its own ("«…», ha scherzato il presidente
X", "“…,” Mr. X shrugged", "«…», sorride X"), or, right before it, the clause a colon ends ("X, …, ha
ironizzato: «…»"). That person speaks, not the speaker the text went on from: only a quotation with no tag
of its own continues the last speaker. A pronoun subject ("“…,” she went on", "«…», ha ribattuto lei") is the
source, standing for the last speaker where the gender allows, else for the last person of its gender named
before (``_pronoun_person``); a tag that splits one quotation ("“…,” he continued, “…”") tags its first part.
Read off the parse; no verb list."""
from __future__ import annotations

import re

from ...document import Span
from .base import Cue, _Build, _eligible, _is_media, _words
from .colon import colon_subject, extent
from .frames import SUBJECT
from .pronouns import in_quotation
from .lexicon import attribution_lexicon
from .sides import speaker_side
from .sources import describe, phrase
from .speakers import mention_gender, named_in_role, speaker_gender

CONTENT = ("ccomp", "xcomp", "csubj")  # a clause of the tag's own: what it says, not a tag
OBJECT = ("obj", "iobj", "nmod", "obl")  # a noun after the verb the parse may take the postverbal subject for
_TAIL = re.compile(r"\s*,?\s*")
_SPLIT = re.compile(r"\s*,?\s*(?:[^\W\d_][\w.'’-]*\s+){1,3}[^\W\d_][\w'’-]*\s*,\s*")  # ", he went on, " before a quote


def own_tag(build: _Build, a: int, b: int, s_hi: int, last=None) -> tuple[Span, Cue, tuple[int, int]] | None:
    """The quotation ``a``..``b`` (its marks included), in a sentence that ends at ``s_hi``: (the person, the
    tag's verb as a cue, the tag's clause) where a clause of its own tags it, right after it or right before its
    colon; else None. A tag whose subject is "he" or "she" ("“…,” she went on") gives the pronoun as the
    source, standing for ``last``'s speaker (the statement the quotation would go on from) where the gender
    allows, else for the last person of that gender named before (``_pronoun_person``)."""
    doc, text, lex = build.doc, build.text, build.lex
    if doc is None or not doc.tokens or b <= a or text[a] not in lex.opening + lex.either \
            or text[b - 1] not in lex.closing + lex.either:
        return None
    return _tag_after(build, b, s_hi, a, last) or _tag_before(build, a)


def _finite(doc, verb) -> bool:
    return verb.pos == "VERB" and (verb.feat("VerbForm") == "Fin" or any(
        c.dep.startswith("aux") and c.feat("VerbForm") == "Fin" for c in doc.children(verb)))


def _cue(doc, verb) -> Cue:
    start = min([verb.start] + [c.start for c in doc.children(verb) if c.dep.startswith("aux") and c.i < verb.i])
    return Cue(start, verb.end, verb.lemma, "tag", "speech", doc.text[start:verb.end])


def _person(build: _Build, region: tuple[int, int] | None, verb) -> Span | None:
    """The one person named in ``region`` (a name, or an office the entity layer reads as a person), not an
    outlet and not the verb's own words."""
    if region is None:
        return None
    people = [m for m in build.mentions.starting_through(region[0], region[1])
              if m.end <= region[1] and m.label == "PER" and _eligible(m) and not _is_media(m, build.kb)]
    if not people:
        return None
    return max(people, key=lambda m: (m.end - m.start, -m.start))  # (the whole "presidente X", else the name)


def _tag_after(build: _Build, b: int, s_hi: int, a: int | None = None, last_statement=None) -> tuple[Span, Cue, tuple[int, int]] | None:
    """", <verb> <subject>" or ", <subject> <verb>" right after the quotation, up to the sentence's end."""
    doc, text = build.doc, build.text
    end = _tag_end(build, b, s_hi)
    if end is None:
        return None  # (another quotation in the clause: its words, not a tag)
    toks = [t for t in doc.tokens_in(b + _TAIL.match(text[b:end]).end(), end) if t.pos != "PUNCT"]
    if not toks:
        return None
    verb = next((t for t in toks if t.pos == "VERB"), None)
    if verb is None or not _finite(doc, verb) or verb.sent != toks[0].sent:
        return None
    kids = doc.children(verb)
    if any(c.dep in CONTENT and b <= c.start < end for c in kids) \
            or any(t.pos == "SCONJ" or t.dep == "mark" for t in toks if t.i > verb.i):
        return None  # ("«…», Putin ha spiegato che …": a clause of its own)
    subject = next((c for c in kids if c.dep in SUBJECT and c.start >= b), None)
    if not _clause_opens_tag(doc, [t for t in toks if t.i < verb.i], subject, verb):
        return None
    if subject is not None:
        speaker = _subject_person(build, subject, verb, a, last_statement)
    else:  # (a postverbal subject the parse took for an object: the last noun of the clause, a person)
        speaker = _object_person(build, kids, verb, end, a, last_statement)
    if speaker is None:
        said = build.lex.verb.match(text, verb.start, verb.end + 12)
        speech = said is not None and build.lex.form_of(said)[2] == "speech"
        speaker = _described(build, subject if subject is not None else _postverbal(doc, verb, kids, end), (b, end),
                             any_noun=speech)
    if speaker is None or _about_someone_else(build, kids, verb, speaker):
        return None
    return speaker, _cue(doc, verb), (b, end)


def _tag_end(build: _Build, b: int, s_hi: int) -> int | None:
    """Where the clause after the quotation that ends at ``b`` ends (its sentence's end, a line break, or the
    next quotation the tag splits off: "“…,” he went on, “…”"); None where another quotation stands in it."""
    text, lex = build.text, build.lex
    found = build.sentences.first_covering(b - 1)  # (a quotation of several sentences: the one it closes in)
    end = max(s_hi, found[1]) if found is not None else s_hi
    nl = text.find("\n", b, s_hi)
    if nl >= 0:
        end = nl
    tail = text[b:end]
    opens = next((i for i, c in enumerate(tail) if c in lex.opening + lex.either), -1)
    if opens > 0 and _SPLIT.fullmatch(tail[:opens]):  # "“…,” he went on, “…”": the tag splits one quotation
        end, tail = b + opens, tail[:opens]
    return end if _terms_only(tail, lex) else None


def _clause_opens_tag(doc, before: list, subject, verb) -> bool:
    """Whether the tag's words ``before`` its verb are only its subject (where it stands before the verb:
    "“…,” Mr. X shrugged") and the verb's auxiliaries."""
    if subject is not None and subject.i < verb.i:
        span = doc.subtree(subject)
        lo, hi = min(t.start for t in span), max(t.end for t in span)
        return not any(not (lo <= t.start < hi) and not _aux_of(t, verb) for t in before)
    return not any(not _aux_of(t, verb) for t in before)


def _subject_person(build: _Build, subject, verb, a: int | None, last_statement) -> Span | None:
    """The person the tag's subject names, before or after its verb ("“…,” Mr. X shrugged", "«…», sorride X"),
    or stands for as a pronoun ("“…,” she went on", "«…», ha proseguito lei")."""
    span = build.doc.subtree(subject)
    speaker = _person(build, (min(t.start for t in span), max(t.end for t in span)), verb)
    if speaker is None and subject.dep == "nsubj":
        speaker = _pronoun_person(build, subject, a, last_statement)
    return speaker


def _object_person(build: _Build, kids: list, verb, end: int, a: int | None, last_statement) -> Span | None:
    """The person the last object of the tag's verb names where it closes the clause, a postverbal subject the
    parse took for an object ("«…», ha condiviso la sua previsione il presidente X", "«…», ha ribattuto lei")."""
    objects = [c for c in kids if c.dep in OBJECT and c.i > verb.i]
    if not objects:
        return None
    span = build.doc.subtree(objects[-1])
    lo, hi = min(t.start for t in span), max(t.end for t in span)
    if build.text[hi:end].strip(" ,.;!?"):
        return None
    speaker = _person(build, (lo, hi), verb)
    if speaker is None and hi - lo == len(objects[-1].text):
        speaker = _pronoun_person(build, objects[-1], a, last_statement)  # "«…», ha ribattuto lei"
    return speaker


def _about_someone_else(build: _Build, kids: list, verb, speaker: Span) -> bool:
    """Whether an object of the tag's verb names someone other than the speaker: what the verb is about
    ("«…», X ha incontrato Y"), no tag."""
    doc = build.doc
    for c in kids:
        if c.dep in ("obj", "iobj") and c.i > verb.i and not (c.start <= speaker.start < max(t.end for t in doc.subtree(c))):
            sub = doc.subtree(c)
            if any(_eligible(m) for m in build.mentions.starting_through(min(t.start for t in sub),
                                                                       max(t.end for t in sub))):
                return True
    return False


def _postverbal(doc, verb, kids, end: int):
    """The noun right after a tag's verb that the parse took for its object where the subject stands after the
    verb ("«…», ha aggiunto il neurochirurgo in pensione"): the first object after the verb, where all that
    follows it up to ``end`` is its modifiers or the verb's adjuncts (no second object, no clause)."""
    first = next((c for c in kids if c.dep in ("obj", "nsubj") and c.i > verb.i), None)
    if first is None or first.pos != "NOUN":
        return None
    rest = [c for c in kids if c.i > first.i and c.start < end and c.pos != "PUNCT"]
    return first if all(c.dep in ("obl", "nmod", "advmod") for c in rest) else None


def _described(build: _Build, head, region: tuple[int, int], any_noun: bool = False) -> Span | None:
    """A definite description as the tag's subject ("“…,” the retired surgeon told reporters", "«…», ha aggiunto
    il neurochirurgo", "“…,” the agency said"): the person the article named with that noun before (an
    apposition, a title: ``named_in_role``), not the speaker the text went on from; else, for a private
    occupation ("l'analista") or an organisation's noun ("the agency"), or a capitalised word ("the
    Republican"), the source as the parse's sources read a subject (``sources.describe``); else None (an office
    no one was named in: the speaker the text goes on from, as after a trailing tag). Only a singular word with
    a definite article, inside the tag; any noun as the subject of a verb of saying (``any_noun``), else a noun
    the lexicon lists as a speaker's."""
    doc = build.doc
    if head is None or head.pos not in ("NOUN", "PROPN") or head.feat("Number") == "Plur" \
            or not (region[0] <= head.start < region[1]) or not any(
                c.dep == "det" and (c.feat("Definite") == "Def" or c.feat("PronType") == "Art" and
                                    c.feat("Definite") != "Ind") for c in doc.children(head)):
        return None
    parsed = attribution_lexicon(doc.meta.get("language"))
    if parsed is None:
        return None
    lemma = head.lemma.lower()
    people = [m for m in doc.layer("mention") if m.label == "PER"]
    named = named_in_role(doc, head, people, max(0, head.start - 6000)) if head.pos == "NOUN" else None
    if named is not None:  # the person the article named with the noun before ("Gerald Pruitt, a former governor")
        lo, hi = phrase(doc, head)
        if not (region[0] <= lo and hi <= region[1]):
            return None
        return Span(lo, hi, "mention", "PER", {"entity_id": named.attrs.get("entity_id"), "kind": "person",
                                               "name": named.attrs.get("name") or named.text_of(doc),
                                               "resolution": "article-role"})
    if head.pos == "NOUN" and lemma not in parsed.private_nouns and lemma not in parsed.organisation_nouns:
        return None  # (an office or a role no one was named in: as a trailing tag's, the speaker the text goes on
        # from, whom it may well describe)
    source = describe(doc, head, build.mentions, doc.layer("ner"), parsed, lambda _: None, any_noun=any_noun)
    if source is None or source.kind not in ("person", "anonymous", "organisation") \
            or not (region[0] <= source.start and source.end <= region[1]):
        return None
    label = "ORG" if source.kind == "organisation" else "PER"
    return Span(source.start, source.end, "mention", label, {"entity_id": source.entity_id, "name": source.name,
                                                             "resolution": source.resolution, "kind": source.kind})


def _pronoun_person(build: _Build, pronoun, a: int | None, last, reach: int = 600) -> Span | None:
    """"he" or "she" as the subject of a quotation's own tag (the quotation opening at ``a``): the pronoun as a
    source, standing for the speaker of ``last`` (the statement the quotation would go on from) when that is a
    person the gender allows, else for the last person of that gender named in the ``reach`` characters
    before the quotation, outside quotations; None where neither is there, the pronoun has no gender, the word
    is no pronoun, or the quotation's start is not known."""
    if a is None or pronoun.pos != "PRON":
        return None
    parsed = attribution_lexicon(build.doc.meta.get("language"))
    word = pronoun.text.lower()  # (a subject pronoun of a person: "he", "lei"; not "esso")
    want = parsed.pronouns.get(word) if parsed is not None and word in build.lex.pronouns else None
    if want not in ("m", "f"):
        return None
    who = None
    if last is not None and last.speaker_name and last.attrs.get("speaker_kind") in (None, "person") \
            and speaker_gender(build.doc, build.kb, last) in (None, want):
        who = (last.speaker_entity_id, last.speaker_name)
    else:
        named = [m for m in build.mentions.overlapping(max(0, a - reach), a) if m.end <= a and m.label == "PER"
                 and _eligible(m) and mention_gender(build.kb, m) == want and not in_quotation(build.text, m.start)]
        if named:
            who = (named[-1].attrs.get("entity_id"), named[-1].attrs.get("name") or build.text[named[-1].start:named[-1].end])
    if who is None:
        return None
    return Span(pronoun.start, pronoun.end, "mention", "PER", {"entity_id": who[0], "name": who[1],
                                                               "resolution": "pronoun"})


def _terms_only(tail: str, lex, most: int = 3) -> bool:
    """The quotation marks of the clause after the quotation, if any, set off a term of a few words ("ha
    condiviso la sua «scoperta» X"), not a quotation of its own."""
    marks = [i for i, c in enumerate(tail) if c in lex.opening + lex.closing + lex.either]
    if len(marks) % 2:
        return False
    return all(_words(tail[i + 1:j]) <= most for i, j in zip(marks[::2], marks[1::2]))


def _aux_of(t, verb) -> bool:
    """An auxiliary, a negation or an adverb of the verb, between the quotation and it."""
    return t.head == verb.i and (t.dep.startswith(("aux", "advmod", "expl")) or t.pos in ("ADV", "PART"))


def _tag_before(build: _Build, a: int) -> tuple[Span, Cue, tuple[int, int]] | None:
    """"<subject> <verb>: «…»": the person the parse gives as subject of the clause the colon ends, whose verb
    has no clause of its own before the colon."""
    doc, text = build.doc, build.text
    at = a - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    if at < 0 or text[at] != ":":
        return None
    subject = colon_subject(doc, at)
    if subject is None or subject.is_root:
        return None
    verb = doc.tokens[subject.head]
    if not _finite(doc, verb) or verb.start > at:
        return None
    if any(c.dep in CONTENT and c.start < at for c in doc.children(verb) if c.i > verb.i):
        return None
    region = extent(doc, subject)
    speaker = _person(build, region, verb)
    return (speaker, _cue(doc, verb), (region[0], at)) if speaker is not None else None


def crossed_speaker(build: _Build, last, a: int, s_lo: int) -> Span | None:
    """A quotation that would go on from ``last`` (a statement) at ``a``, its sentence opening at ``s_lo``: the
    person who, in a sentence between the two, is the subject of a verb of saying ("X ha risposto con un
    messaggio su Telegram. «…»"), the last such, when that is someone else than ``last``'s speaker; else None
    (a continuation never crosses another speaker's verb of saying)."""
    doc, text, lex = build.doc, build.text, build.lex
    if doc is None or not doc.tokens or last is None or last.content_end >= s_lo:
        return None
    for verb in reversed(doc.tokens_in(last.content_end, s_lo)):
        if verb.pos != "VERB" or not _finite(doc, verb) or verb.start < last.content_end \
                or in_quotation(text, verb.start) or not _main(doc, verb):
            continue
        at = min([verb.start] + [c.start for c in doc.children(verb) if c.dep.startswith("aux") and c.i < verb.i])
        said = lex.verb.match(text, at, verb.end) or lex.verb.match(text, verb.start, verb.end + 12)
        if said is None or lex.form_of(said)[2] != "speech":
            continue
        subject = next((c for c in doc.children(verb) if c.dep in SUBJECT), None)
        if subject is None:
            continue
        span = doc.subtree(subject)
        lo, hi = min(t.start for t in span), max(t.end for t in span)
        if lo < last.content_end:
            continue
        person = _person(build, (lo, hi), verb)
        if person is None:
            return None  # (the last verb of saying is a body's, or someone's the layer does not name)
        same = person.attrs.get("entity_id") is not None and person.attrs.get("entity_id") == last.speaker_entity_id \
            or (person.attrs.get("name") or text[person.start:person.end]) == last.speaker_name
        if same or last.speaker_entity_id and speaker_side(
                build.kb, person.attrs.get("entity_id"), doc.meta.get("published"))[0] == last.speaker_entity_id:
            return None  # (the state or body the last statement gave speaks through its leader: it goes on)
        return person
    return None


def _main(doc, verb) -> bool:
    """The verb of a sentence's main clause (its root, or a clause coordinated with it), not one of a relative
    or a subordinate clause ("a word Russia says")."""
    for _ in range(3):
        if verb.is_root:
            return True
        if verb.dep not in ("conj", "parataxis"):
            return False
        verb = doc.tokens[verb.head]
    return False
