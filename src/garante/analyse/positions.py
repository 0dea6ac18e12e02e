"""Positions: stances aggregated per actor and issue over time. (Minimal: the stance issue extends it.)"""
from __future__ import annotations

from typing import Any

from ..store import Store


def positions(store: Store) -> list[dict[str, Any]]:
    rows = store.query("""
        SELECT st.on_behalf_of_id AS actor_id, st.on_behalf_of_name AS actor, s.issue, s.stance,
               st.date, d.published, st.id AS statement_id
        FROM stances s JOIN statements st ON st.id = s.statement_id JOIN documents d ON d.id = st.document_id
        WHERE st.on_behalf_of_id IS NOT NULL
        ORDER BY COALESCE(st.date, d.published, ''), st.id""")
    current: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        key = (r["actor_id"], r["issue"])
        cur = current.setdefault(key, {"actor": {"id": r["actor_id"], "name": r["actor"]}, "issue": r["issue"],
                                       "stance": r["stance"], "statements": 0,
                                       "first_evidence": r["date"] or r["published"]})
        cur["stance"] = r["stance"]
        cur["statements"] += 1
        cur["last_evidence"] = r["date"] or r["published"]
    return list(current.values())
