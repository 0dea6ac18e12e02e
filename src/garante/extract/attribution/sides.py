"""The side a speaker speaks for (``on_behalf_of``): one owner for every path that gives a statement its
speaker (the rules of ``statements.py``, the parse's frames in ``merge.py``, the renames of ``speakers.py``,
and the last pass ``statements.described_sides``).

Whether the speaker is a news outlet or agency is decided here too, once, and recorded on the statement
(``attrs['source_kind'] == OUTLET``, ``mark_source``) where it is built or merged (``merge.label_kinds``, which
passes over the rules' statements and the parse's) and where a later pass renames the speaker
(``speakers.py``, ``unnamed.py``); what comes after reads the record (``is_outlet``: the stance step).

The knowledge base first: the state or organisation the speaker's entry speaks for at the date
(``KnowledgeBase.affiliation``). Then, for a person it does not know (an ``x:`` id), the state or body the
entity linker read in a description the article gives him ("Oleg Petrenko, portavoce del ministero degli
Esteri ucraino", "China's UN envoy Li Xiaoming": the mention's ``of``, ``entities.stated_affiliation``).
"""
from __future__ import annotations

from ...document import Statement
from ..entities import MEDIA_KINDS, stated_affiliation

KNOWLEDGE_BASE = "knowledge base"
OUTLET = "outlet"  # attrs['source_kind'] of a statement whose speaker is one of them
# attrs['source_kind'] of a statement whose speaker is an independent body (``KnowledgeBase.independent``: a think
# tank, an NGO): it comments, it is no party, so it holds no position (analyse/positions.py reads the key)
INDEPENDENT = "independent"
DESCRIPTION = "description beside the name"


def speaker_side(kb, entity_id: str | None, when: str | None = None,
                 mentions=None) -> tuple[str | None, str | None]:
    """(side id, where it was read: ``KNOWLEDGE_BASE`` or ``DESCRIPTION``), or (None, None). The description
    is read only with ``mentions`` (the document's mention layer)."""
    if kb is None or not entity_id:
        return None, None
    side = kb.affiliation(entity_id, when)
    if side is not None:
        return side, KNOWLEDGE_BASE
    if not entity_id.startswith("x:") or mentions is None:
        return None, None
    side = stated_affiliation(kb, entity_id, mentions)
    return (side, DESCRIPTION) if side is not None else (None, None)


def is_media(kb, entity_id: str | None) -> bool:
    """Whether the knowledge base lists ``entity_id`` as a news outlet or agency (``kind: outlet|agency``)."""
    e = kb.get(entity_id) if kb is not None and entity_id else None
    return e is not None and e.data.get("kind") in MEDIA_KINDS


def mark_source(st: Statement, kb) -> None:
    """Records whether the statement's speaker is a news outlet or agency (``is_media``): ``attrs['source_kind']``
    is ``OUTLET`` then, ``INDEPENDENT`` for a think tank or NGO (``KnowledgeBase.independent``), absent otherwise.
    Called wherever a statement gets or changes its speaker; it also puts a side given without ``set_side`` through
    its rule (an outlet is the side of its own reports only)."""
    if is_media(kb, st.speaker_entity_id):
        st.attrs["source_kind"] = OUTLET
    elif kb is not None and st.speaker_entity_id and kb.independent(st.speaker_entity_id):
        st.attrs["source_kind"] = INDEPENDENT
    else:
        st.attrs.pop("source_kind", None)
    if is_media(kb, st.on_behalf_of_id):
        set_side(st, kb, st.on_behalf_of_id)


def is_outlet(st: Statement) -> bool:
    """Whether ``mark_source`` recorded the statement's speaker as a news outlet or agency."""
    return st.attrs.get("source_kind") == OUTLET


def side_name(kb, side: str | None) -> str | None:
    """The knowledge base's name of a side, else its id."""
    if side is None:
        return None
    e = kb.get(side) if kb is not None else None
    return e.name if e is not None else side


def place_side(kb, entity_id: str | None) -> str | None:
    """The side a source placed at ``entity_id`` speaks for: a seat's body followed up to its state, or to the EU or
    NATO ("at the Pentagon": the US; "inside the Commission": the EU); a place the state (or body) it stands for,
    or whose capital it is ("in Kyiv": Ukraine; "a Bruxelles": the EU); None for any other place ("in Kharkiv")."""
    e = kb.get(entity_id) if kb is not None and entity_id else None
    if e is None:
        return None
    if e.type != "LOC":
        return kb.side(e.id)
    if e.data.get("stands_for"):
        return e.data["stands_for"]
    return next((s.id for s in kb.entities.values() if s.type == "GPE" and s.data.get("capital") == e.id), None)


def set_side(st: Statement, kb, side: str | None) -> None:
    """Gives ``st`` this side (None: none). A news outlet or agency is the side of its own reports only: someone
    else's statement made on behalf of one (its correspondent, its editor) speaks for no one (the corpus GUIDE:
    journalists -> none)."""
    if side != st.speaker_entity_id and is_media(kb, side):
        side = None
    st.on_behalf_of_id, st.on_behalf_of_name = side, side_name(kb, side)


PAST = "office of the past"  # attrs['on_behalf_of_from'] of a side ``past_sides`` took away or chose


def past_sides(doc, kb, words) -> None:
    """The sides of speakers the article presents by an office of the past (the corpus GUIDE, section 3: a
    former leader, minister or envoy speaking in a private capacity speaks for no one; the CODEBOOK: the side
    is the one spoken for at that date): a description whose head the parse modifies by a word of
    ``words.past_modifiers`` ("l'ex ministra tedesca", "a former US envoy", "il già ministro") names no side,
    and a known person whose office named nearest before his statement is a past one ("former NATO Secretary
    General X", the mention's ``private``) speaks for the office he holds at the statement's date, not the one
    named (Norway's finance ministry in 2025). An office the text says he held then ("l'allora
    premier X disse", ``words.then_modifiers``) is the side of his words, whatever the article's date."""
    if not doc.tokens or not words.past_modifiers:
        return
    named = None
    for st in doc.statements:
        if st.speaker_start is None:
            continue
        if st.speaker_entity_id is None:
            head = doc.root(st.speaker_start, st.speaker_end)
            if st.on_behalf_of_id is not None and head is not None and _in_past(doc, head, words.past_modifiers):
                set_side(st, kb, None)
                st.attrs["on_behalf_of_from"] = PAST
            continue
        if kb is None or st.speaker_entity_id.startswith("x:"):
            continue
        named = _offices_named(doc) if named is None else named
        m = _office_before(named.get(st.speaker_entity_id, ()), st.speaker_start)
        side = _named_office_side(doc, kb, st, m, words.then_modifiers) if m is not None else st.on_behalf_of_id
        if side != st.on_behalf_of_id:
            set_side(st, kb, side)
            st.attrs["on_behalf_of_from"] = PAST


def _named_office_side(doc, kb, st: Statement, m, then_modifiers: frozenset[str]) -> str | None:
    """The side of a known person's words given the office ``m`` names him by: that of the offices he holds at the
    date where ``m`` is a past one; that office's side where the text says he held it then; else the one he has."""
    if m.attrs.get("private"):  # (the office held at the date, even one the text wrongly calls past: GUIDE.md,
        # "l'ex presidente Trump" about 2025 events)
        return kb.affiliation(st.speaker_entity_id, _when(doc, st))
    if _held_then(doc, m, then_modifiers):
        e = kb.get(st.speaker_entity_id)
        of = m.attrs.get("of") or next((r.of for r in (e.roles if e else ()) if r.role == m.attrs["role"] and r.of),
                                       None)
        return kb.side(of) if of else st.on_behalf_of_id
    return st.on_behalf_of_id


def _held_then(doc, m, then_modifiers: frozenset[str]) -> bool:
    """Whether the office before the name ``m`` is one the text says was held then: a word of
    ``then_modifiers`` after an article or before a hyphen ("the then prime minister", "l'allora premier",
    "then-Chancellor"), among the few words of the title right before the name (a "then" that begins a clause,
    "and then Chancellor X said", is a step in time, not a title)."""
    first = doc.token_at(m.start)
    if first is None:
        return False
    words = [t for t in doc.tokens[max(0, first.i - 6):first.i] if t.sent == first.sent]
    for k, t in enumerate(words):
        if t.text.lower() in then_modifiers:
            before, after = words[k - 1] if k else None, words[k + 1] if k + 1 < len(words) else None
            return (before is not None and before.pos == "DET") or (after is not None and after.text in "-‐")
    return False


def _in_past(doc, head, past_modifiers: frozenset[str]) -> bool:
    """Whether the parse hangs a word of ``past_modifiers`` before ``head`` on it ("ex" of "l'ex ministra",
    "former" of "Britain's former defence secretary"): the office it names is no longer held."""
    return any(c.i < head.i and c.text.lower().rstrip("-") in past_modifiers for c in doc.children(head))


def _offices_named(doc) -> dict[str, list]:
    """The mentions that give a known person an office ("l'ex cancelliere Olaf Scholz": role, and ``private``
    where a past modifier puts it in the past), by entity id, in text order."""
    out: dict[str, list] = {}
    for m in doc.layer("mention"):
        if m.attrs.get("role") and m.attrs.get("entity_id"):
            out.setdefault(m.attrs["entity_id"], []).append(m)
    return out


def _office_before(mentions, at: int):
    """The person's mention with an office nearest before ``at``, else his first, else None."""
    before = [m for m in mentions if m.start <= at]
    return before[-1] if before else (mentions[0] if mentions else None)


def _when(doc, st: Statement) -> str | None:
    """The statement's date where it is one, else the article's."""
    return st.date if st.date and st.date[:1].isdigit() else doc.meta.get("published")
