"""Conflicts: issues on which actors currently stand on opposite sides.

A conflict rests on stances. A tentative cell (``tentative: true``, analyse/positions.py: no stance of the actor
speaks to the issue, only the stance model's weaker proposals under its threshold) is no actor's stated side, so
it neither makes a side of a conflict nor completes one: an issue is in conflict where at least one actor is for
it and one against it by their own stances. On such an issue the tentative actors are listed apart, under
``tentative``, on the side the proposals lean to: whom the analyst may check, never counted.
"""
from __future__ import annotations

from typing import Any

SIDES = ("support", "oppose", "conditional")  # neutral takes no side


def conflicts(positions: list[dict[str, Any]], level: str = "state") -> list[dict[str, Any]]:
    """Per issue where actors of ``level`` stand for and against it by their stances: {issue, support, oppose,
    conditional (the actors' names), tentative: {support, oppose, conditional}} (the names of the tentative
    cells, listed apart and not counted), by issue."""
    firm, weak = _sides(positions, level)
    out = []
    for issue, sides in sorted(firm.items()):
        if sides.get("support") and sides.get("oppose"):
            out.append({"issue": issue, **{s: sorted(sides.get(s, [])) for s in SIDES},
                        "tentative": {s: sorted(weak.get(issue, {}).get(s, [])) for s in SIDES}})
    return out


def _sides(positions: list[dict[str, Any]], level: str
           ) -> tuple[dict[str, dict[str, list[str]]], dict[str, dict[str, list[str]]]]:
    """The actors' names per issue and side, of the cells with stances and of the tentative cells apart."""
    firm: dict[str, dict[str, list[str]]] = {}
    weak: dict[str, dict[str, list[str]]] = {}
    for p in positions:
        if p.get("actor_level", "state") != level or p.get("stance") not in SIDES:
            continue
        found = weak if p.get("tentative") else firm
        found.setdefault(p["issue"], {}).setdefault(p["stance"], []).append(p["actor"]["name"])
    return firm, weak
