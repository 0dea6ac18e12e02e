"""Speaker authority: whether a statement's speaker holds, at its date, an office that speaks for the
state or organisation the statement is made on behalf of (``data/positions.yaml``). Sets
``statement.attrs['authority']`` to that office; positions weigh such statements more (analyse/positions.py).
A speaker known in offices of several states or organisations speaks for the one of the office the
article names beside him (``stated_office``), as the corpus guide has it ("in the role the text gives")."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..document import Document

DATA = Path(__file__).resolve().parents[1] / "data" / "positions.yaml"


@lru_cache(maxsize=1)
def settings() -> dict:
    with DATA.open(encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    return {"roles": set(data.get("authorised_roles") or []), "weight": float(data.get("authority_weight", 1)),
            "unnamed": float(data.get("unnamed_weight", 1)), "tentative": float(data.get("tentative_floor", 1))}


def offices_named(doc: Document) -> dict[str, list]:
    """The mentions that name a person's office beside him ("il leader della Lega Matteo Salvini"), by the
    person's entity id, in the document's order of spans: read once per document, not once per statement."""
    out: dict[str, list] = {}
    for m in doc.spans:
        if m.attrs.get("role") and m.attrs.get("entity_id"):
            out.setdefault(m.attrs["entity_id"], []).append(m)
    return out


def stated_office(kb, st, named_by_person: dict[str, list]) -> tuple[str, str | None] | None:
    """The state or organisation a speaker speaks for in the role the article gives him, where the
    knowledge base knows him in offices of several (Salvini: deputy prime minister of Italy and leader of
    the Lega; Stoltenberg: NATO until 2024, Norway after): (side, office) of the office named beside his
    mention nearest before the statement (else the first after it): "il leader della Lega Matteo Salvini"
    speaks for the Lega, "il vicepremier Matteo Salvini" for Italy. None where the article names no office
    of his (the office held at the statement's date decides)."""
    e = kb.get(st.speaker_entity_id)
    if e is None or e.type != "PER" or len({kb.top(r.of) for r in e.roles if r.of}) < 2:
        return None
    at = st.speaker_start if st.speaker_start is not None else st.content_start
    named = named_by_person.get(e.id, [])
    before = [m for m in named if m.start <= at]
    m = before[-1] if before else (named[0] if named else None)
    if m is None or m.attrs.get("private"):  # "former NATO Secretary General X": an office he no longer holds
        return None  # (attribution/sides.past_sides gives him the side of an office he holds at the date)
    of = m.attrs.get("of") or next((r.of for r in e.roles if r.role == m.attrs["role"] and r.of), None)
    return (kb.top(of) or of, m.attrs["role"]) if of else None


def _held_office(doc: Document, kb, st, roles: set[str]) -> str | None:
    """The authorised office the speaker holds, at the statement's date, in the actor it speaks for."""
    if not st.speaker_entity_id or not st.on_behalf_of_id or st.speaker_entity_id == st.on_behalf_of_id:
        return None
    when = st.date if st.date and st.date[:1].isdigit() else doc.meta.get("published")
    return next((r.role for r in kb.roles_at(st.speaker_entity_id, when)
                 if r.role in roles and (r.of == st.on_behalf_of_id or kb.top(r.of) == st.on_behalf_of_id)), None)


class SpeakerAuthority:
    name = "authority"

    def __call__(self, doc: Document, ctx) -> None:
        roles = settings()["roles"]
        kb = ctx.kb
        named = offices_named(doc) if doc.statements else {}
        for st in doc.statements:
            stated = stated_office(kb, st, named) if st.speaker_entity_id else None
            side = kb.get(stated[0]) if stated else None
            if side is not None and side.id != st.on_behalf_of_id:
                st.on_behalf_of_id, st.on_behalf_of_name = side.id, side.name
                st.attrs["on_behalf_of_from"] = "office named in the article"
            office = stated[1] if stated else _held_office(doc, kb, st, roles)
            if office in roles:
                st.attrs["authority"] = office
