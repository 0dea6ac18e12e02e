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


def set_side(st: Statement, kb, side: str | None) -> None:
    """Gives ``st`` this side (None: none). A news outlet or agency is the side of its own reports only: someone
    else's statement made on behalf of one (its correspondent, its editor) speaks for no one (the corpus GUIDE:
    journalists -> none)."""
    if side != st.speaker_entity_id and is_media(kb, side):
        side = None
    st.on_behalf_of_id, st.on_behalf_of_name = side, side_name(kb, side)
