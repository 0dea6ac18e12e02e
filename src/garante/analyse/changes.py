"""Changes: actors whose stance on an issue moved, with the statements before and after.

A change of stance rests on stances: a side the actor's own stances took before, and another they take after.
A tentative cell (``tentative: true``, analyse/positions.py: no stance of the actor speaks to the issue, only the
stance model's weaker proposals under its threshold) has a stance at neither end, so a move among its proposals
is no change of stance. Such moves are listed apart (``tentative_changes``, each ``tentative: true``): readings
the analyst may check, never counted, as conflicts.py keeps tentative sides apart. A cell never mixes the two:
any stance of the actor on the issue replaces the proposals (positions.py, and the corrections alike).
"""
from __future__ import annotations

from typing import Any


def changes(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes of stance of the cells with stances, by date, actor and issue."""
    return _moves([p for p in positions if not p.get("tentative")])


def tentative_changes(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The moves of the tentative cells' proposals, listed apart: as ``changes``, each with ``tentative: true``."""
    return [{**c, "tentative": True} for c in _moves([p for p in positions if p.get("tentative")])]


def _moves(positions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for p in positions:
        for c in p.get("changes") or []:
            out.append({"actor": p["actor"], "actor_level": p.get("actor_level"), "issue": p["issue"], **c})
    out.sort(key=lambda c: (c["date"] or "", c["actor"]["name"] or "", c["issue"]))
    return out
