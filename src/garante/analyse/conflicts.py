"""Conflicts: issues on which actors currently stand on opposite sides."""
from __future__ import annotations

from typing import Any


def conflicts(positions: list[dict[str, Any]], level: str = "state") -> list[dict[str, Any]]:
    """Per issue, the actors for and against it (and those with conditions), where both sides exist."""
    by_issue: dict[str, dict[str, list[str]]] = {}
    for p in positions:
        if p.get("actor_level", "state") != level or not p.get("stance"):
            continue
        sides = by_issue.setdefault(p["issue"], {})
        sides.setdefault(p["stance"], []).append(p["actor"]["name"])
    out = []
    for issue, sides in sorted(by_issue.items()):
        if sides.get("support") and sides.get("oppose"):
            out.append({"issue": issue, "support": sorted(sides["support"]), "oppose": sorted(sides["oppose"]),
                        "conditional": sorted(sides.get("conditional", []))})
    return out
