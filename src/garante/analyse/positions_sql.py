"""Positions from the database (SQLite or PostgreSQL) without loading every stance into Python:
``positions_sql(store)`` returns exactly what ``positions(store)`` returns.

The database does the joins, resolves each stance's date, expands it into the actors it counts for
(the speaker, the state or organisation spoken for) and sorts the result by actor, issue and date, in
one query. Python reads that stream one cell (actor, level, issue) at a time, as tuples, and applies
the rules of ``positions.py`` to it (``_fold``; the tests hold the two equal). Memory is that of one
cell, plus the output (with ``evidence=False``, no evidence lists).

Earlier the rules ran as window functions over a materialised table: four sorts of every stance row
and a second pass for the evidence, three times slower than loading everything into Python. One sort
is the least the rules need (each cell's evidence in date order), and a day's rule is sequential.
"""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any, Iterator

from .positions import COLLECTIVE_TYPES, _position, authority_sql, fold, outlet_sql, tentative_cells, tentative_evidence
from .positions import _ref as _row_ref

LEVELS = ("person", "state")

# a stance row of each actor it counts for: role 0 its speaker (a person), role 1 the state or
# organisation spoken for, or the speaker itself when that is one ("Russia said ...")
_ROLES = """
WITH base AS (
  SELECT s.id AS stance_id, s.issue, s.stance, s.confidence * {authority} AS confidence, st.id AS statement_id, st.document_id,
         d.source, d.outlet,
         COALESCE(CASE WHEN SUBSTR(st.date, 1, 1) IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') THEN st.date END, NULLIF(d.published, ''), '') AS at,
         st.speaker_entity_id AS speaker_id, st.on_behalf_of_id AS behalf_id,
         COALESCE(NULLIF(sp.name, ''), st.speaker_name) AS speaker, sp.type AS speaker_type,
         COALESCE(NULLIF(bo.name, ''), st.on_behalf_of_name) AS actor_state
  FROM stances s JOIN statements st ON st.id = s.statement_id JOIN documents d ON d.id = st.document_id
  LEFT JOIN entities sp ON sp.id = st.speaker_entity_id LEFT JOIN entities bo ON bo.id = st.on_behalf_of_id
  WHERE NOT ({outlet})
),
keyed AS (
  SELECT base.*,
         COALESCE(NULLIF(speaker_id, ''), CASE WHEN speaker <> '' THEN 'name:' || speaker END) AS pid,
         COALESCE(NULLIF(behalf_id, ''), CASE WHEN actor_state <> '' THEN 'name:' || actor_state END) AS sid0
  FROM base
)
SELECT * FROM (
SELECT 0 AS role, pid AS actor, issue, at, document_id, statement_id, stance_id, stance, confidence, outlet,
       source, speaker_id AS actor_id, speaker AS actor_name
FROM keyed
WHERE pid IS NOT NULL
  AND pid <> COALESCE(CASE WHEN sid0 IS NULL AND speaker_type IN ({collective}) THEN pid ELSE sid0 END, '')
  AND CASE WHEN speaker <> '' AND speaker = actor_state THEN 1 ELSE 0 END = 0
UNION ALL
SELECT 1, COALESCE(sid0, pid), issue, at, document_id, statement_id, stance_id, stance, confidence, outlet, source,
       CASE WHEN sid0 IS NULL THEN speaker_id ELSE behalf_id END,
       CASE WHEN sid0 IS NULL THEN speaker ELSE actor_state END
FROM keyed
WHERE sid0 IS NOT NULL OR (pid IS NOT NULL AND speaker_type IN ({collective}))
) roles
ORDER BY role, actor{c}, issue{c}, at{c}, document_id, statement_id, stance_id
"""
# the stream's columns
ROLE, ACTOR, ISSUE, WHEN, DOCUMENT, STATEMENT, STANCE_ID, STANCE, CONFIDENCE, OUTLET, SOURCE, ACTOR_ID, ACTOR_NAME = range(13)
_CELL = itemgetter(ROLE, ACTOR, ISSUE)
_WHEN = itemgetter(WHEN)


def _sql(store) -> str:
    collective = ", ".join(f"'{t}'" for t in sorted(COLLECTIVE_TYPES))
    c = ' COLLATE "C"' if store.dialect == "postgres" else ""  # Python's order of strings
    return _ROLES.format(collective=collective, c=c, authority=authority_sql(store.dialect),
                         outlet=outlet_sql(store.dialect))


BATCH = 10_000  # rows fetched at a time


def _stream(store) -> Iterator[tuple]:
    if store.dialect == "postgres":
        yield from _stream_postgres(store)
        return
    cur = store.execute(_sql(store))
    while batch := cur.fetchmany(BATCH):
        yield from batch


def _stream_postgres(store) -> Iterator[tuple]:
    """Through a server-side cursor: a plain one brings the whole result into the client at once.
    (The server's default work_mem stays: a sort in 256 MB took twice the time of one merging 4 MB
    runs from disk, the rows' many equal leading keys making every comparison a walk in memory.)"""
    with store.conn.transaction():
        with store.conn.cursor(name="garante_positions") as cur:
            cur.itersize = BATCH
            cur.execute(_sql(store))
            yield from cur


def _ref(r: tuple) -> dict[str, Any]:
    return {"date": r[WHEN] or None, "statement_id": r[STATEMENT], "document_id": r[DOCUMENT],
            "source": r[SOURCE], "outlet": r[OUTLET], "stance": r[STANCE]}


def positions_sql(store, evidence: bool = True) -> list[dict[str, Any]]:
    """``positions(store)``, streamed from the database. ``evidence=False`` leaves out the evidence
    lists (and the changes' before/after lists): the summary a store of millions of stances can afford."""
    out: dict[tuple, dict[str, Any]] = {}
    earliest: dict[str, tuple] = {}  # actor -> (order of its earliest row, {id, name}) as positions() names it
    refs: dict[int, dict[str, Any]] = {}  # one evidence reference per stance, shared by its two levels

    def ref(r: tuple) -> dict[str, Any]:
        return refs.get(r[STANCE_ID]) or refs.setdefault(r[STANCE_ID], _ref(r))
    for (role, actor, issue), cell in groupby(_stream(store), key=_CELL):
        rows = list(cell)
        first = rows[0]
        order = (first[WHEN], first[DOCUMENT], first[STATEMENT], first[STANCE_ID], role)
        if actor not in earliest or order < earliest[actor][0]:
            earliest[actor] = (order, {"id": first[ACTOR_ID], "name": first[ACTOR_NAME]})
        p = {"actor": None, "actor_level": LEVELS[role], "issue": issue, **_fold(rows, ref if evidence else None),
             "statements": len({r[STATEMENT] for r in rows}), "outlets": len({r[OUTLET] or r[SOURCE] for r in rows}),
             "first_evidence": _ref(first), "last_evidence": _ref(rows[-1])}
        if evidence:
            p["evidence"] = [ref(r) for r in rows]
        p["changes"] = p.pop("changes")
        out[(role, actor, issue)] = p
    for (_, actor, _), p in out.items():
        p["actor"] = dict(earliest[actor][1])
    _tentative(store, out, earliest, evidence)

    def order(key):
        role, actor, issue = key
        return (role, (earliest[actor][1]["name"] or "").casefold(), actor, issue)
    return [out[k] for k in sorted(out, key=order)]


def _tentative(store, out: dict[tuple, dict[str, Any]], earliest: dict[str, tuple], evidence: bool) -> None:
    """The cells of the tentative stances that no stance speaks to (positions.py's rule), added to ``out``;
    their evidence is read into Python (the statements that hold any, not every stance)."""
    rows = tentative_evidence(store)
    if not rows:
        return
    actor_of = {actor: name for actor, (_, name) in earliest.items()}
    have = {(LEVELS[role], actor, issue) for role, actor, issue in out}
    refs = {id(r): _row_ref(r) for r in rows}
    for (level, actor, issue), ev in tentative_cells(rows, have, actor_of).items():
        if actor not in earliest:
            earliest[actor] = (None, actor_of[actor])
        p = _position(dict(actor_of[actor]), level, issue, ev, refs, True)
        if not evidence:
            del p["evidence"]
            for c in p["changes"]:
                c["before"], c["after"] = [], []
        out[(LEVELS.index(level), actor, issue)] = p


def _fold(rows: list[tuple], ref) -> dict[str, Any]:
    """The current stance, since when, and the changes of one cell's rows (in date order): the rules
    of ``positions.fold``, on the stream's tuples; ``ref`` makes the changes' references (the
    evidence's own, shared: None leaves the lists empty)."""
    return fold(rows, _WHEN, itemgetter(STANCE), itemgetter(CONFIDENCE), ref)
