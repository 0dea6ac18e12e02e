"""Corrected positions kept up to date one correction at a time.

Recomputing every position an analyst's corrections touch costs about a second on 10,000 documents
(a state's cell on an issue holds thousands of statements), and it used to be paid again for each
new correction, so reads slowed to a crawl under a stream of corrections. Here a new speaker or
stance correction redoes only its own statement's rows and the actor–issue cells they count in, by
the same rules as ``corrections.correct``; a deleted correction, a merge or a change to the
documents falls back to the full computation.
"""
from __future__ import annotations

import bisect
from typing import Any

from .. import corrections as corr

Row = dict[str, Any]


def order(r: Row) -> tuple:
    return (r["when"], r["document_id"], r["statement_id"])


def position_order(p: Row) -> tuple:
    return (p["actor_level"] != "person",) + corr._cell_of(p)[1:]


def _one_level(level: str, r: Row) -> Row:
    """A row of a cell made to count at ``level`` only: the same rows also count for the speakers (or
    the states) of the cell, whose positions have not changed and need not be computed."""
    if level == "state":
        return {**r, "speaker_entity_id": None, "speaker": None} if r["on_behalf_of_id"] or r["actor_state"] else r
    return {**r, "on_behalf_of_id": None, "actor_state": None}


def _same_rows(a: list[Row], b: list[Row]) -> bool:
    """The same rows for the positions' rules: equal, but for the mark ``corrected`` (the statement's
    rows made again by a correction carry it, False where it changed nothing; positions do not read it)."""
    strip = lambda r: {k: v for k, v in r.items() if k != "corrected"} if "corrected" in r else r
    return len(a) == len(b) and all(x == y or strip(x) == strip(y) for x, y in zip(a, b))


def _put(by_cell: dict[tuple, list[Row]], cells: set, sids: set, rows: list[Row]) -> None:
    """Each of ``cells``' rows without those of the statements ``sids``, and with their new ``rows`` put in
    place (a cell's rows stay in order: the few new ones are inserted)."""
    for cell in cells:
        kept = [r for r in by_cell.get(cell, []) if r["statement_id"] not in sids]
        for r in rows:
            if cell in corr._cells(r):
                bisect.insort(kept, r, key=order)
        by_cell[cell] = kept


class CorrectedPositions:
    """``rows``, ``changed``, positions by cell: the result of ``corrections.correct`` for the
    corrections ``c`` over the machine's evidence of ``machine_key``."""

    def __init__(self, machine_key: tuple, c: corr.Corrections, rows: list[Row], changed: set, positions: list[Row]):
        self.machine_key = machine_key
        self.ids = {r["id"] for r in c.records}
        self.merges = dict(c.merges)
        self._rows, self.changed = rows, set(changed)
        self.by_sid: dict[int, list[Row]] = {}
        for r in rows:
            self.by_sid.setdefault(r["statement_id"], []).append(r)
        self.by_cell = corr.rows_by_cell(rows)
        self.cells = {corr._cell_of(p): p for p in positions}
        self.narrowed: dict[tuple[str, int], tuple[Row, Row]] = {}  # (level, id(row)) -> (row, its _one_level)
        # the corrected tentative evidence, by statement and by cell: read at the first new correction
        self.weak_by_sid: dict[int, list[Row]] | None = None
        self.weak_by_cell: dict[tuple[str, str, str], list[Row]] = {}

    def can_apply(self, machine_key: tuple, c: corr.Corrections) -> bool:
        """Whether ``c`` is these corrections plus new speaker or stance corrections only."""
        ids = {r["id"] for r in c.records}
        new = [r for r in c.records if r["id"] not in self.ids]
        return (machine_key == self.machine_key and self.ids <= ids and c.merges == self.merges
                and all(r["target"] in ("statement", "stance") for r in new))

    def apply(self, store, c: corr.Corrections, machine_by_sid: dict[int, list[Row]]) -> None:
        new = [r for r in c.records if r["id"] not in self.ids]
        keys = {(r["content_hash"], r["content_start"], r["content_end"]) for r in new}
        sub = corr.Corrections(speakers={k: v for k, v in c.speakers.items() if k in keys},
                               stances={k: v for k, v in c.stances.items() if k in keys},
                               merges=c.merges, names=c.names, records=new)
        sids = set()
        for key in keys:
            sids |= {r["id"] for r in store.query(
                """SELECT st.id FROM statements st JOIN documents d ON d.id = st.document_id
                   WHERE d.content_hash = ? AND st.content_start = ? AND st.content_end = ?""", key)}
        machine = sorted((r for sid in sids for r in machine_by_sid.get(sid, [])), key=order)
        fixed, changed = corr.corrected_evidence(store, sub, machine)
        weak_old, weak_fixed, weak_changed = self._redo_weak(store, c, sub, sids)
        old = [r for sid in sids for r in self.by_sid.pop(sid, [])]
        for r in fixed:
            self.by_sid.setdefault(r["statement_id"], []).append(r)
        touched = {cell for r in old + fixed + weak_old + weak_fixed for cell in corr._cells(r)}
        before = {cell: (self.by_cell.get(cell, []), self.weak_by_cell.get(cell, [])) for cell in touched}
        _put(self.by_cell, touched, sids, fixed)
        _put(self.weak_by_cell, touched, sids, weak_fixed)
        was_changed = self.changed
        self.changed = {(s, i) for s, i in self.changed if s not in sids} | changed | weak_changed
        self._rows = None  # all rows in order: sorted again only when asked for
        for r in old:  # (their narrowed copies are not needed again)
            for level in ("state", "person"):
                self.narrowed.pop((level, id(r)), None)
        # a cell whose rows (tentative ones too) and corrected marks are what they were keeps its position
        # (a stance corrected on one issue leaves the statement's other issues as they were): only its
        # evidence is marked
        same = {cell for cell in touched if _same_rows(self.by_cell[cell], before[cell][0])
                and _same_rows(self.weak_by_cell[cell], before[cell][1]) and all(
                    ((sid, cell[2]) in was_changed) == ((sid, cell[2]) in self.changed) for sid in sids)}
        self._recompute(store, touched - same)
        for cell in same & set(self.cells):
            self._mark(cell, self.cells[cell], own=False)
        self.ids |= {r["id"] for r in new}

    def _redo_weak(self, store, c: corr.Corrections, sub: corr.Corrections, sids: set
                   ) -> tuple[list[Row], list[Row], set]:
        """The tentative evidence of the statements ``sids`` as it was and as ``sub`` (their corrections)
        corrects it, and the pairs it changed; the rows by statement put in place. The first time, every
        statement's is read, corrected as these corrections stood before ``c``'s new ones."""
        from ...analyse.positions import tentative_evidence
        if self.weak_by_sid is None:
            rows, _ = corr.corrected_tentative(store, corr.restricted(c, self.ids))
            self.weak_by_sid = {}
            for r in rows:
                self.weak_by_sid.setdefault(r["statement_id"], []).append(r)
            self.weak_by_cell = corr.rows_by_cell(rows)
        fixed, changed = corr.corrected_tentative(store, sub, tentative_evidence(store, sids))
        old = [r for sid in sids for r in self.weak_by_sid.pop(sid, [])]
        for r in fixed:
            self.weak_by_sid.setdefault(r["statement_id"], []).append(r)
        return old, fixed, changed

    def _recompute(self, store, touched: set) -> None:
        from ...analyse.positions import positions
        for cell in touched:
            self.cells.pop(cell, None)
            rows = self.by_cell.get(cell, [])
            if not rows:  # only tentative evidence, if any, speaks to the cell (a stance of it replaces them)
                found = [p for p in positions(store, [], self.weak_by_cell.get(cell, []))
                         if corr._cell_of(p) == cell]
            else:
                found = [p for p in positions(store, self._narrow(cell[0], rows), [])
                         if corr._cell_of(p) == cell]
            if not found and rows:  # a row the narrowing does not fit (a state speaking for another)
                found = [p for p in positions(store, rows, []) if corr._cell_of(p) == cell]
            for p in found:
                self._mark(cell, p, own=True)

    def _mark(self, cell: tuple, p: Row, own: bool) -> None:
        """The cell's position with each piece of evidence marked ``corrected`` or not. ``own``: references
        just computed for this cell, marked in place; else (a cell kept as it was, whose references the
        machine's positions may share with its other level's cell) on copies, unless marked already."""
        marks = [(e["statement_id"], p["issue"]) in self.changed for e in p["evidence"]]
        evidence = p["evidence"]
        if own:
            for e, m in zip(evidence, marks):
                e["corrected"] = m
        elif any(e.get("corrected") != m for e, m in zip(evidence, marks)):
            evidence = [{**e, "corrected": m} for e, m in zip(evidence, marks)]
        self.cells[cell] = {**p, "evidence": evidence, "corrected": any(marks)}

    def _narrow(self, level: str, rows: list[Row]) -> list[Row]:
        """``_one_level`` of each row, made once per row (a big cell is recomputed for many corrections)."""
        out = []
        for r in rows:
            hit = self.narrowed.get((level, id(r)))
            if hit is None:
                hit = self.narrowed[(level, id(r))] = (r, _one_level(level, r))  # (the row kept: its id stays its own)
            out.append(hit[1])
        return out

    def rows(self) -> list[Row]:
        """Every corrected evidence row, oldest first."""
        if self._rows is None:
            self._rows = sorted((r for group in self.by_sid.values() for r in group), key=order)
        return self._rows

    def result(self) -> tuple[list[Row] | None, set, list[Row]]:
        """As ``corrections.correct`` returns it, the rows left to ``rows()``."""
        return None, set(self.changed), sorted(self.cells.values(), key=position_order)
