"""Changes: actors whose stance on an issue moved, with the statements before and after."""
from __future__ import annotations

from typing import Any


def changes(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for p in positions:
        for c in p.get("changes") or []:
            out.append({"actor": p["actor"], "actor_level": p.get("actor_level"), "issue": p["issue"], **c})
    out.sort(key=lambda c: (c["date"] or "", c["actor"]["name"] or "", c["issue"]))
    return out
