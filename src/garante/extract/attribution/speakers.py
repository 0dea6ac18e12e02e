"""Speakers as the article knows them: a surname alone is the person the article named in full with
that surname ("Clinton said" after "Hillary Clinton" is Hillary, never Bill of the knowledge base)."""
from __future__ import annotations

import re

from ...document import Document, Statement
from ..gender import kb_gender, name_gender
from .frames import definite_before
from .lexicon import SpeakerLexicon
from .sides import mark_source, set_side, speaker_side

# mentions that do not name the person by a name the knowledge base knows: an office, a description, a word
# the model alone took for a name ("General" of "Secretary General")
NOT_NAMES = ("role", "coreference", "unlinked")

_TITLE = re.compile(r"[^\W\d_]+\.?(?=\s*$)")  # the word right before a name (a courtesy title: "Mrs.", "signora")


def _surname(name: str) -> str:
    return name.split()[-1].strip(".,").lower() if name.split() else ""


def full_names(doc: Document) -> dict[str, list[tuple[int, str, str | None]]]:
    """Surname -> [(offset, full name, entity id)] of the people the article names with two words or more
    (not a role ending in another person's name: "consigliere di Zelensky" is Podolyak, no one called Zelensky)."""
    out: dict[str, list[tuple[int, str, str | None]]] = {}
    people = [m for m in doc.layer("mention") if m.label == "PER"]
    ends = {(m.end, m.attrs.get("entity_id")) for m in people if m.attrs.get("resolution") not in NOT_NAMES}
    for m in people:
        written = m.text_of(doc)
        if len(written.split()) < 2 or _ends_in_other_name(m, ends):
            continue
        name = m.attrs.get("name") or written
        out.setdefault(_surname(written), []).append((m.start, name, m.attrs.get("entity_id")))
    return out


def _ends_in_other_name(m, ends: set) -> bool:
    return m.attrs.get("resolution") in ("role", "coreference") \
        and any(end == m.end and eid != m.attrs.get("entity_id") for end, eid in ends)


def resolve_surnames(doc: Document, kb, words: SpeakerLexicon) -> None:
    """Give a speaker named by surname alone the person of that surname the article named in full
    (the nearest before it, else the first after it), unless a title of ``words.titles`` says otherwise
    ("Mrs. Clinton" is not the "Bill Clinton" named before)."""
    names = full_names(doc)
    for st in doc.statements:
        written = doc.text[st.speaker_start:st.speaker_end] if st.speaker_start is not None else ""
        if not st.speaker_name or len(written.split()) != 1 or not written[:1].isupper():
            continue
        found = names.get(_surname(written))
        if not found or st.attrs.get("speaker_kind") not in (None, "person"):
            continue
        title = _TITLE.findall(doc.text[max(0, st.speaker_start - 16):st.speaker_start])
        gender = words.titles.get(title[-1].lower().rstrip(".")) if title else None
        if gender is not None:  # the people of that surname the title allows, those of its gender first
            of = lambda f: kb_gender(kb, f[2]) or name_gender(f[1], doc.meta.get("language"))  # noqa: E731
            allowed = [f for f in found if of(f) in (None, gender)]
            found = [f for f in allowed if of(f) == gender] or allowed
            if not found:
                continue
        before = [f for f in found if f[0] < st.speaker_start]
        _, name, eid = before[-1] if before else found[0]
        if (eid or name) != (st.speaker_entity_id or st.speaker_name):
            _rename(st, name, eid, kb)


def mention_gender(kb, m) -> str | None:
    """The gender of a person mention: the one the entity linker found (``attrs["gender"]``: the knowledge
    base, the first name, a title or role noun), else the knowledge base's."""
    return m.attrs.get("gender") or kb_gender(kb, m.attrs.get("entity_id"))


def speaker_gender(doc, kb, st) -> str | None:
    """The gender of a statement's speaker: the knowledge base's, else that of the mention where his name
    is written, else that of his first name."""
    g = kb_gender(kb, st.speaker_entity_id)
    if g is not None or st.attrs.get("speaker_kind") not in (None, "person"):
        return g
    m = speaker_mention(doc, st)
    if m is not None and m.attrs.get("gender"):
        return m.attrs["gender"]
    return name_gender(st.speaker_name, doc.meta.get("language"))


def speaker_mention(doc, st):
    """The person mention where the statement's speaker is written, or None."""
    if st.speaker_start is None:
        return None
    return next((m for m in doc.layer("mention") if m.label == "PER" and m.start == st.speaker_start), None)


def _rename(st: Statement, name: str, eid: str | None, kb) -> None:
    st.speaker_name, st.speaker_entity_id = name, eid
    st.attrs["speaker_resolution"] = "article-name"
    mark_source(st, kb)
    set_side(st, kb, speaker_side(kb, eid, st.date)[0])


# between a role and the name beside it: a comma, a parenthesis that spells out an acronym ("il presidente
# dell'Ispi (Istituto per gli studi di politica internazionale), Giampiero Massolo")
_BESIDE = re.compile(r"\s*(?:\([^()]{0,120}\))?\s*,?\s*")
_ARTICLE_AFTER = r"(?:\w{1,3}['’]?\s*)?"
_AFTER_NAME = re.compile(r"\s*,\s*" + _ARTICLE_AFTER)  # "Giampiero Massolo, il presidente dell'Ispi"
# the same, as the second of two coordinated appositions ("Matteo Zuppi, arcivescovo di Bologna e presidente …")
_AFTER_NAME_COORD = re.compile(r"\s*,\s*(?:[^\W\d][^,.;:!?()«»“”\"\n]{0,70}?\s(?:e|ed|and)\s+)?" + _ARTICLE_AFTER)
# what may stand between an office noun and the name of its body written in full ("presidente della Conferenza
# episcopale italiana (Cei)"), for the short name of a later description ("il presidente della Cei")
_TO_SHORT_NAME = r"\b[^.;:!?«»“”\"\n]{0,80}?[\s(]"


def resolve_roles(doc: Document, kb, words: SpeakerLexicon) -> None:
    """A speaker named by a role resolves first to the person the article already named in that role: an office
    the mentions resolved to its holder (at the date, or today on an undated page) is the person named before with
    that office ("il segretario generale della Nato Jens Stoltenberg … il segretario generale della Nato ha
    detto": Stoltenberg, not Rutte); a definite description is the person named beside the same words before
    ("il presidente dell'Ispi, Giampiero Massolo, … secondo il presidente dell'Ispi"); failing that, a definite
    description whose noun is one of the language's epithets (``words``: "the 70-year-old leader said") is the
    person who spoke in the statement right before it (``_epithet_of``); a definite document with no name in it
    ("the document states", "the statement said") speaks for whoever spoke right before it, a person, a body or a
    state (``_issuer_of``). With no words (``NO_SPEAKER_WORDS``), only the article's own names resolve."""
    people = [m for m in doc.layer("mention") if m.label == "PER"]
    ordered = sorted(doc.statements, key=lambda s: s.content_start)
    for k, st in enumerate(ordered):
        if st.speaker_start is None:
            continue
        how = st.attrs.get("speaker_resolution")
        found = _office_named_before(doc, st, people, ordered[:k], kb) if how in ("role", "coreference") \
            else _named_beside(doc, st, people) or _named_with_description(doc, st, people) \
            if how == "description" else None
        if found is None and how == "description":
            _description_from_context(doc, st, ordered[:k], people, words, kb)
        elif found is None and how == "coreference":
            # an epithet that names no office (``plain``) the linker took for the last office holder named ("…, ha
            # affermato il funzionario" after "Ryabkov ha osservato che Washington, sotto Trump, …"): the person
            # quoted right before it, if any
            others = [m for m in people if (m.start, m.end) != (st.speaker_start, st.speaker_end)]
            before = _epithet_of(doc, st, ordered[:k], others, words, kb, plain=True)
            if before is not None and before.speaker_entity_id != st.speaker_entity_id:
                _reassign(doc, st, before.speaker_name, before.speaker_entity_id, "epithet", "person", kb)
        elif found is not None and (found.attrs.get("entity_id") or found.text_of(doc)) != st.speaker_entity_id:
            _reassign(doc, st, found.attrs.get("name") or found.text_of(doc), found.attrs.get("entity_id"),
                      "article-role", "person", kb)


def _description_from_context(doc: Document, st: Statement, earlier: list[Statement], people: list,
                              words: SpeakerLexicon, kb) -> None:
    """A description no earlier words name: a body by the body last named with its noun; a person's epithet
    or a document by the statement right before it (see resolve_roles)."""
    if st.attrs.get("speaker_kind") == "organisation":
        body = _body_named_before(doc, st)
        if body is not None:
            _reassign(doc, st, body.attrs.get("name") or body.text_of(doc), body.attrs.get("entity_id"),
                      "article-body", None, kb)
        return
    if not words.epithets:
        return
    before, how = _epithet_of(doc, st, earlier, people, words, kb), "epithet"
    if before is None and words.document_nouns:
        before, how = _issuer_of(doc, st, earlier, words.document_nouns), "issuer"
    if before is not None:
        _reassign(doc, st, before.speaker_name, before.speaker_entity_id, how,
                  before.attrs.get("speaker_kind") or "person", kb)
        return
    named = _epithet_named_before(doc, st, earlier, people, words, kb)
    if named is not None:
        _reassign(doc, st, named.attrs.get("name") or named.text_of(doc), named.attrs.get("entity_id"), "epithet",
                  "person", kb)


def _reassign(doc: Document, st: Statement, name, entity_id, how: str, kind: str | None, kb) -> None:
    """Gives ``st`` this speaker (and ``kind``, unless None), saying how, and the quotations that only went on
    with its old speaker's words go on with the new one."""
    old = st.speaker_name
    _rename(st, name, entity_id, kb)
    st.attrs["speaker_resolution"] = how
    if kind is not None:
        st.attrs["speaker_kind"] = kind
    _pass_on(doc, st, old, kb)


def _epithet_of(doc: Document, st: Statement, earlier: list[Statement], people: list, words: SpeakerLexicon,
                kb=None, reach: int = 1500, plain: bool = False) -> Statement | None:
    """The statement whose speaker a definite description with no name in it names again ("the 70-year-old
    leader said", "According to the diplomat"): the one right before it, where a person the article names
    speaks, within ``reach`` characters; None where that one is no named person (a source of its own, "a senior
    official … The official said", stays the description), where the noun's gender is not the person's ("la
    presidente" after a man), or where the description names a side the person does not speak for ("the French
    diplomat" after a Russian). ``plain``: only an epithet that names no office ("the official")."""
    head = _epithet_head(doc, st, people, words.plain_epithets if plain else words.epithets)
    if head is None:
        return None
    prev = _statement_before(doc, st, earlier, ("person",), reach)
    return prev if prev is not None and _fits_epithet(doc, kb, st, head, prev.speaker_entity_id, words) else None


def _epithet_head(doc: Document, st: Statement, people: list, epithets: frozenset[str]):
    """The head noun of a definite description with no name in it that is an epithet ("the diplomat"); None
    for any other speaker, or one with a number ("the 70-year-old")."""
    head = _definite_noun(doc, st, people)
    if head is None or head.lemma.lower() not in epithets or any(c.dep == "nummod" for c in doc.children(head)):
        return None
    return head


def _fits_epithet(doc: Document, kb, st: Statement, head, entity_id: str | None, words: SpeakerLexicon) -> bool:
    """The person may be the one the epithet ``head`` names: of its grammatical gender (where the kb knows the
    person's) and of the side the description names, if any; a description of the past (a modifier of
    ``words.past_modifiers``: "the former Fox News presenter", "the former Dutch prime minister") names no side the
    person speaks for now."""
    gender = {"Masc": "m", "Fem": "f"}.get(head.feat("Gender") or "")
    if gender is not None and kb_gender(kb, entity_id) not in (None, gender):
        return False
    if head.lemma.lower() in words.professions and not _described_as(doc, head, entity_id):
        return False  # "l'esperto", "the analyst": a profession is the person only where the article called them so
    if any(c.dep == "amod" and c.lemma.lower() in words.past_modifiers for c in doc.children(head)):
        return True
    return _same_side(doc, kb, st.speaker_start, st.speaker_end, entity_id, st.date)


def _described_as(doc: Document, head, entity_id: str | None, reach: int = 6) -> bool:
    """The article named the person with the noun of ``head`` before it, within ``reach`` words of a mention of
    theirs ("Mario Rossi, analista dell'Ispi, …", "l'esperto di difesa Mario Rossi")."""
    if entity_id is None:
        return False
    words = {head.lemma.lower(), head.text.lower()}  # (the model may lemmatise the earlier one wrongly)
    spots = [m for m in doc.layer("mention") if m.attrs.get("entity_id") == entity_id and m.end <= head.start]
    for t in doc.tokens[:head.i]:
        if t.lemma.lower() not in words and t.text.lower() not in words:
            continue
        near = doc.tokens[max(0, t.i - reach)].start, doc.tokens[min(len(doc.tokens) - 1, t.i + reach)].end
        if any(near[0] <= m.start and m.end <= near[1] for m in spots):
            return True
    return False


def _same_side(doc: Document, kb, a: int, b: int, entity_id: str | None, date: str | None) -> bool:
    """The person speaks for a side the words a..b name ("the French diplomat": France), or they name none."""
    if kb is None:
        return True
    sides = {kb.affiliation(m.attrs["entity_id"], date) for m in doc.layer("mention")
             if a <= m.start < b and m.label in ("GPE", "ORG") and m.attrs.get("entity_id")}
    return not sides - {None} or kb.affiliation(entity_id, date) in sides


def _epithet_named_before(doc: Document, st: Statement, earlier: list[Statement], people: list,
                          words: SpeakerLexicon, kb, reach: int = 600):
    """An epithet where no person spoke right before it ("Come affermato da X, Kiev ha ribadito … Il
    rappresentante ucraino ha sottolineato …"): the one person the sentence before it (and its own, up to the
    epithet) names, outside quotations, of the epithet's gender and side; None where it names two people or
    none, or where the statement right before is an unnamed source's (its own words go on: "a senior official
    said … The official added")."""
    head = _epithet_head(doc, st, people, words.epithets)
    if head is None:
        return None
    prev = next((p for p in reversed(earlier) if p.content_end <= st.content_start), None)
    if prev is not None and st.speaker_start - prev.content_end <= reach \
            and prev.attrs.get("speaker_kind") in ("anonymous", "group"):
        return None
    lo = next((t.start for t in doc.tokens[max(0, head.i - 150):head.i] if t.sent >= head.sent - 1), head.start)
    lo = max(lo, st.speaker_start - reach)
    if _paragraph_breaks(doc.text, lo, st.speaker_start) > 1:
        return None
    from .pronouns import in_quotation  # (pronouns imports this module)
    found = [m for m in people if lo <= m.start and m.end <= st.speaker_start and m.attrs.get("entity_id")
             and m.attrs.get("resolution") not in ("adjective", "role", "coreference")
             and not in_quotation(doc.text, m.start)]
    if len({m.attrs["entity_id"] for m in found}) != 1:
        return None
    m = found[-1]
    return m if _fits_epithet(doc, kb, st, head, m.attrs["entity_id"], words) else None


def _body_named_before(doc: Document, st: Statement, reach: int = 6000):
    """"The coalition said", "the ministry added": a definite body with no name in it is the body the article
    last named with that noun in its name ("the Coalition of the Willing", "the Russian Foreign Ministry")."""
    head = _definite_noun(doc, st, doc.layer("mention"))
    if head is None:
        return None
    word = re.compile(r"\b" + re.escape(head.text.lower()) + r"\b")
    named = [m for m in doc.layer("mention") if m.label == "ORG" and m.attrs.get("entity_id")
             and st.speaker_start - reach <= m.start and m.end <= st.speaker_start
             and (word.search(m.text_of(doc).lower()) or word.search((m.attrs.get("name") or "").lower()))]
    return named[-1] if named else None


def _issuer_of(doc: Document, st: Statement, earlier: list[Statement], documents: frozenset[str],
               reach: int = 1500) -> Statement | None:
    """The statement whose speaker issued the document a definite description with no name in it names ("“…,”
    the document states", "The statement added that …"): the one right before it, in the same or the previous
    paragraph, where a person, a body or a state the knowledge base knows speaks; else None."""
    head = _definite_noun(doc, st, doc.layer("mention"))
    if head is None or head.lemma.lower() not in documents:
        return None
    return _statement_before(doc, st, earlier, ("person", "organisation", "state"), reach)


def _statement_before(doc: Document, st: Statement, earlier: list[Statement], kinds: tuple[str, ...],
                      reach: int) -> Statement | None:
    """The statement right before ``st`` (its content ended, its speaker named before ``st``'s), where a
    speaker of one of ``kinds`` the knowledge base knows speaks within ``reach`` characters, in the same or the
    previous paragraph; else None."""
    prev = next((p for p in reversed(earlier) if p.content_end <= st.content_start
                 and p.speaker_start is not None and p.speaker_start < st.speaker_start), None)
    if prev is None or st.speaker_start - prev.content_end > reach or prev.attrs.get("speaker_kind") not in kinds \
            or not prev.speaker_entity_id or _paragraph_breaks(doc.text, prev.content_end, st.speaker_start) > 1:
        return None
    return prev


def _definite_noun(doc: Document, st: Statement, mentions):
    """The head of a speaker phrase that is a definite singular noun with none of ``mentions`` in it ("the
    diplomat", "the document", "la coalizione"; an office in capitals the sources took for no name, "the
    Secretary"), or None."""
    head = doc.root(st.speaker_start, st.speaker_end)
    if head is None or head.pos not in ("NOUN", "PROPN") or head.feat("Number") == "Plur" \
            or not definite_before(doc, head) \
            or any(st.speaker_start <= m.start < st.speaker_end for m in mentions):
        return None
    return head


def _paragraph_breaks(text: str, a: int, b: int) -> int:
    """How many paragraph breaks (a line break with only spaces before the next line) lie between a and b."""
    return len(re.findall(r"\n[ \t]*\n|\n(?=\S)", text[a:b])) if b > a else 0


def went_on_from(doc: Document, st: Statement):
    """The statements right after ``st``, in text order, that took their speaker from the one before (the
    quotations of a string of them), up to the first that did not: those a correction of ``st`` carries."""
    for nxt in sorted((s for s in doc.statements if s.content_start >= st.content_end), key=lambda s: s.content_start):
        if nxt.attrs.get("speaker_resolution") != "previous-speaker":
            return
        yield nxt


def _pass_on(doc: Document, st: Statement, old: str | None, kb) -> None:
    """The quotations right after it that only went on with the role's words go on with the one named (of the
    kind ``st`` now has)."""
    for nxt in went_on_from(doc, st):
        if nxt.speaker_name != old:
            return
        _rename(nxt, st.speaker_name, st.speaker_entity_id, kb)
        nxt.attrs["speaker_resolution"] = "previous-speaker"
        nxt.attrs["speaker_kind"] = st.attrs.get("speaker_kind") or "person"


def _office_named_before(doc: Document, st: Statement, people: list, earlier: list[Statement], kb=None):
    """The person named before in the office a role names: of those, the last who spoke or was the subject of a
    sentence ("Trump hosted Zelensky, and the president said …": Trump), else the last named. A bare office the
    linker already gave the last holder named ("coreference": "the president", no state in it) is weighed the
    same way, among the holders of the linked person's gender."""
    role = next((m for m in people if m.start == st.speaker_start and m.end == st.speaker_end), None)
    if role is None or not role.attrs.get("role"):
        return None
    if role.attrs.get("resolution") == "coreference":
        from .pronouns import in_quotation  # (pronouns imports this module)
        if role.attrs.get("of") or role.attrs.get("description") or in_quotation(doc.text, role.start) \
                or kb is None:
            return None  # (a speaker's own "the president" is whoever the speaker means)
        holder = _holder_in_sentence(doc, role, people, kb, st.date or doc.meta.get("date"))
        if holder is not None:
            return holder
        gender = kb_gender(kb, role.attrs.get("entity_id"))
        hi = _modifiers_end(doc, role)  # the words right after it that qualify it ("il leader fallito ucraino")
        people = [m for m in people if kb_gender(kb, m.attrs.get("entity_id")) == gender
                  and _same_side(doc, kb, role.start, hi, m.attrs.get("entity_id"), st.date)]
    named = [m for m in people if m.end <= st.speaker_start and m.attrs.get("resolution") not in NOT_NAMES
             and m.attrs.get("role") == role.attrs["role"] and m.attrs.get("entity_id")
             and role.attrs.get("of") in (None, m.attrs.get("of"))]
    if not named:
        return None
    first = {}
    for m in named:
        first.setdefault(m.attrs["entity_id"], m)
    acting = [(m.start, m) for m in named if _main_subject(doc, m)]
    acting += [(p.speaker_start, first[p.speaker_entity_id]) for p in earlier
               if p.speaker_entity_id in first and p.speaker_start is not None and p.speaker_start < st.speaker_start]
    return max(acting, key=lambda x: x[0])[1] if acting else named[-1]


def _holder_in_sentence(doc: Document, role, people: list, kb, date: str | None):
    """A bare office ("the president") right after its holder's name in the same sentence ("a meeting at
    Trump's resort, where the president said"): the one person named before it in its sentence who holds that
    office at the date (the knowledge base's roles), else None. The nearest antecedent of the sentence wins over
    a holder of the same title named earlier in the article (the other country's president)."""
    sent = next((s for s in doc.sentences() if s.start <= role.start < s.end), None)
    if sent is None:
        return None
    office = role.attrs.get("role")
    holders = [m for m in people if sent.start <= m.start and m.end <= role.start and m.attrs.get("entity_id")
               and m.attrs.get("resolution") not in NOT_NAMES
               and any(r.role == office for r in kb.roles_at(m.attrs["entity_id"], date))]
    # (two holders there, "Trump welcomed Zelensky, where the president said": the one acting, as before)
    return holders[-1] if len({m.attrs["entity_id"] for m in holders}) == 1 else None


def _modifiers_end(doc: Document, m, most: int = 3) -> int:
    """Where the adjectives and nouns right after a mention that its head governs end (up to ``most`` words)."""
    head = doc.root(m.start, m.end)
    if head is None:
        return m.end
    inside = {t.i for t in doc.subtree(head)}
    end, k = m.end, head.i + 1
    while k < len(doc.tokens) and k - head.i <= most and k in inside \
            and (doc.tokens[k].pos in ("ADJ", "NOUN", "PROPN") or doc.tokens[k].dep in ("amod", "acl")):
        end = max(end, doc.tokens[k].end)
        k += 1
    return end


def _main_subject(doc: Document, m) -> bool:
    """The mention is the subject of its sentence's main verb."""
    root = doc.root(m.start, m.end)
    return root is not None and root.dep.startswith("nsubj") and doc.tokens[root.head].is_root


def _named_beside(doc: Document, st: Statement, people: list):
    """The person a description names in apposition right after it, before the cue and the content ("Trump's
    special envoy, Steve Witkoff, explained that …", "The spokesperson Jane Roe later disputed it: “…”"): the
    parse took the role for the subject and left the name beside it; a singular role only, and never a name the
    content opens ("According to the official, Putin wants …" is the official's)."""
    head = doc.root(st.speaker_start, st.speaker_end)
    if head is None or head.pos != "NOUN" or head.feat("Number") == "Plur":
        return None
    limits = [x for x in (st.cue_start, st.content_start) if x is not None and x >= st.speaker_end]
    if not limits:
        return None
    limit = min(limits)
    return next((m for m in people if st.speaker_end <= m.start and m.end <= limit
                 and m.attrs.get("resolution") not in ("role", "adjective")
                 and _BESIDE.fullmatch(doc.text[st.speaker_end:m.start])), None)


def _named_with_description(doc: Document, st: Statement, people: list, reach: int = 6000):
    """The person named right after (or right before) the same role words earlier in the article."""
    head = doc.root(st.speaker_start, st.speaker_end)
    # (an office written with a capital, "the Secretary", "the Foreign Minister", may be parsed a proper noun)
    if head is None or head.pos not in ("NOUN", "PROPN") or head.feat("Number") == "Plur" \
            or any(c.dep == "nummod" for c in doc.children(head)) or not definite_before(doc, head):
        return None
    words = doc.text[head.start:st.speaker_end]
    if len(words.split()) < 2:
        return named_in_role(doc, head, people, max(0, st.speaker_start - reach))  # "l'ambasciatore"
    lo = max(0, st.speaker_start - reach)
    low, wanted = doc.text.lower(), words.lower()  # lowered once, not at every step back
    at = low.rfind(wanted, lo, st.speaker_end)  # (from the description itself: "The head of X, Rustem Umerov,")
    while at >= 0:
        end = at + len(words)
        after = next((m for m in people if m.start >= end and _BESIDE.fullmatch(doc.text[end:m.start])), None)
        before = next((m for m in people if m.end <= at and _AFTER_NAME.fullmatch(doc.text[m.end:at])), None)
        if after is not None or before is not None:
            return after or before
        at = low.rfind(wanted, lo, at)
    return _named_with_short_form(doc, st, head, words, people, lo)


def _named_with_short_form(doc: Document, st: Statement, head, words: str, people: list, lo: int):
    """A description whose body is a short name ("il presidente della Cei") where the article presented the
    person with the same office noun and the body's full name, the short one beside it ("Matteo Zuppi, arcivescovo
    di Bologna e presidente della Conferenza episcopale italiana (Cei)"): the person named right before or after
    that presentation, the nearest one."""
    parts = words.split()
    short = parts[-1].strip("'’")
    if len(parts) < 3 or not short[:1].isupper() or len(short) < 2:
        return None
    pattern = re.compile(re.escape(parts[0]) + _TO_SHORT_NAME + re.escape(short) + r"\b", re.IGNORECASE)
    found = None
    for mt in pattern.finditer(doc.text, lo, st.speaker_start):
        if doc.text[mt.end() - len(short):mt.end()] != short:  # the short name as written, capitals and all
            continue
        at, end = mt.start(), mt.end()
        end += len(re.match(r"\)?", doc.text[end:]).group(0))
        after = next((m for m in people if m.start >= end and _BESIDE.fullmatch(doc.text[end:m.start])), None)
        before = next((m for m in people if m.end <= at and _AFTER_NAME_COORD.fullmatch(doc.text[m.end:at])), None)
        found = after or before or found
    return found


def named_in_role(doc: Document, head, people: list, lo: int):
    """A role noun alone ("l'ambasciatore", "the envoy"): the person last named in apposition to the same noun
    before it ("L'ambasciatore ucraino a Roma, Yaroslav Melnyk, …"), not one a preposition governs ("il
    portavoce di Zelensky" is not Zelensky)."""
    lemma = head.lemma.lower()
    for m in reversed([m for m in people if lo <= m.start and m.end <= head.start]):
        name = doc.root(m.start, m.end)
        if name is None or name.is_root or any(c.dep == "case" for c in doc.children(name)):
            continue
        other = doc.tokens[name.head]
        # (an apposition the parse read as a conjunct: a comma right before the name)
        comma_before = doc.text[max(0, m.start - 40):m.start].rstrip().endswith(",")
        beside = name.dep.startswith(("appos", "nmod", "flat", "compound")) or name.dep == "conj" and comma_before
        if beside and other.lemma.lower() == lemma or _role_before(doc, name, m, lemma):
            return m
        if any(c.i < name.i and c.dep in ("compound", "flat", "flat:name") and c.lemma.lower() == lemma
               and c.text[:1].isupper() for c in doc.children(name)):
            return m  # the role as the name's title ("Secretary of State Marco Rubio … the Secretary")
        if any(c.i < name.i and c.dep in ("compound", "nmod:desc") and any(
                x.dep in ("amod", "compound") and x.lemma.lower() == lemma and x.text[:1].isupper()
                for x in doc.children(c)) for c in doc.children(name)):
            return m  # a word of the name's title ("Republican senator Tom Harlow … the Republican")
        role = next((c for c in doc.children(name) if c.dep == "appos" and c.lemma.lower() == lemma), None)
        if role is not None:
            return m  # "Yaroslav Melnyk, l'ambasciatore ucraino, …"
    return None


def role_subject(doc: Document, verb_at: int, reach: int = 6000, subject=None):
    """The person a tag's role noun alone names ("«…», ha detto ancora l'ambasciatore", "the envoy said"):
    the verb's subject (or the noun after it the parse took for an object; or ``subject``, a token), a
    definite singular noun, as ``named_in_role`` finds it; None without a parse."""
    verb = doc.token_at(verb_at) if doc.tokens and subject is None else None
    if verb is None and subject is None:
        return None
    noun = subject if subject is not None and subject.pos == "NOUN" else None if subject is not None else next(
        (c for c in doc.children(verb) if c.dep in ("nsubj", "obj") and c.pos == "NOUN"
         and (c.dep == "nsubj" or c.i > verb.i)), None)
    if noun is None or noun.feat("Number") == "Plur" or not any(
            c.dep == "det" and c.feat("Definite") == "Def" for c in doc.children(noun)):
        return None
    people = [m for m in doc.layer("mention") if m.label == "PER"]
    return named_in_role(doc, noun, people, max(0, noun.start - reach))


def _role_before(doc: Document, name, m, lemma: str) -> bool:
    """The role's phrase stands right before the name, a comma between ("L'ambasciatore ucraino a Roma, Yaroslav
    Melnyk, …"), however the parse hung the two."""
    for i in range(name.i - 1, -1, -1):  # (back through the sentence, without copying the tokens before it)
        t = doc.tokens[i]
        if t.sent != name.sent:
            return False
        if t.pos == "NOUN" and t.lemma.lower() == lemma:
            end = max(x.end for x in doc.subtree(t) if x.end <= m.start and x.pos != "PUNCT")
            return re.fullmatch(r"\s*,\s*", doc.text[end:m.start]) is not None
    return False
