"""Speaker authority: whether a statement's speaker holds, at its date, an office that speaks for the
state or organisation the statement is made on behalf of (``data/positions.yaml``). Sets
``statement.attrs['authority']`` to that office; positions weigh such statements more (analyse/positions.py)."""
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
    return {"roles": set(data.get("authorised_roles") or []), "weight": float(data.get("authority_weight", 1))}


class SpeakerAuthority:
    name = "authority"

    def __call__(self, doc: Document, ctx) -> None:
        roles = settings()["roles"]
        kb = ctx.kb
        for st in doc.statements:
            if not st.speaker_entity_id or not st.on_behalf_of_id or st.speaker_entity_id == st.on_behalf_of_id:
                continue
            when = st.date if st.date and st.date[:1].isdigit() else doc.meta.get("published")
            office = next((r.role for r in kb.roles_at(st.speaker_entity_id, when)
                           if r.role in roles and (r.of == st.on_behalf_of_id or kb.top(r.of) == st.on_behalf_of_id)),
                          None)
            if office:
                st.attrs["authority"] = office
