"""Positions computed by the database (SQLite or PostgreSQL): the rules of ``positions.py`` as window
functions, so that a store of millions of stances is aggregated where it lies instead of being loaded
into Python. ``positions_sql(store)`` returns exactly what ``positions(store)`` returns.

The cells (actor, level, issue) with their current stance, since, counts, first and last evidence and
changes come from one query; only the evidence lists (references, never texts) are streamed, and only
when asked for.
"""
from __future__ import annotations

from itertools import groupby
from typing import Any, Iterator

from .positions import COLLECTIVE_TYPES, WEAK, _ORDER

_ROWS = """
base AS (
  SELECT s.id AS stance_id, s.issue, s.stance, COALESCE(CAST(s.confidence AS DOUBLE PRECISION), 0) AS confidence,
         st.id AS statement_id, st.document_id, d.source, d.outlet,
         COALESCE(CASE WHEN SUBSTR(st.date, 1, 1) IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') THEN st.date END, NULLIF(d.published, ''), '') AS at,
         st.speaker_entity_id AS speaker_id, st.on_behalf_of_id AS behalf_id,
         COALESCE(NULLIF(sp.name, ''), st.speaker_name) AS speaker, sp.type AS speaker_type,
         COALESCE(NULLIF(bo.name, ''), st.on_behalf_of_name) AS actor_state
  FROM stances s JOIN statements st ON st.id = s.statement_id JOIN documents d ON d.id = st.document_id
  LEFT JOIN entities sp ON sp.id = st.speaker_entity_id LEFT JOIN entities bo ON bo.id = st.on_behalf_of_id
),
keyed AS (
  SELECT base.*,
         COALESCE(NULLIF(speaker_id, ''), CASE WHEN speaker <> '' THEN 'name:' || speaker END) AS pid,
         COALESCE(NULLIF(behalf_id, ''), CASE WHEN actor_state <> '' THEN 'name:' || actor_state END) AS sid0
  FROM base
),
roles AS MATERIALIZED (
  SELECT 'person' AS level, 0 AS role, pid AS actor, speaker_id AS actor_id, speaker AS actor_name, keyed.*
  FROM keyed
  WHERE pid IS NOT NULL
    AND pid <> COALESCE(CASE WHEN sid0 IS NULL AND speaker_type IN ({collective}) THEN pid ELSE sid0 END, '')
    AND CASE WHEN speaker <> '' AND speaker = actor_state THEN 1 ELSE 0 END = 0
  UNION ALL
  SELECT 'state', 1, COALESCE(sid0, pid),
         CASE WHEN sid0 IS NULL THEN speaker_id ELSE behalf_id END,
         CASE WHEN sid0 IS NULL THEN speaker ELSE actor_state END, keyed.*
  FROM keyed
  WHERE sid0 IS NOT NULL OR (pid IS NOT NULL AND speaker_type IN ({collective}))
)"""

_CELLS = """
WITH {rows},
grp AS (
  SELECT level, actor, issue, at, stance, SUM(confidence) AS weight FROM roles
  GROUP BY level, actor, issue, at, stance
),
pick AS (
  SELECT grp.*, ROW_NUMBER() OVER (PARTITION BY level, actor, issue, at ORDER BY
           CASE WHEN stance = 'neutral' THEN 1 ELSE 0 END, ROUND(CAST(weight AS NUMERIC), 6) DESC,
           {order} DESC) AS rn
  FROM grp
),
flagged AS (
  SELECT level, actor, issue, at, stance, ROUND(CAST(weight AS NUMERIC), 6) < {weak} AS weak,
         MAX(CASE WHEN stance <> 'neutral' THEN 1 ELSE 0 END) OVER (PARTITION BY level, actor, issue
             ORDER BY at{c} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS sided_before,
         MAX(CASE WHEN stance <> 'neutral' AND ROUND(CAST(weight AS NUMERIC), 6) >= {weak} THEN 1 ELSE 0 END)
             OVER (PARTITION BY level, actor, issue ORDER BY at{c}
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS held_before
  FROM pick WHERE rn = 1
),
seq AS (
  SELECT level, actor, issue, at, stance,
         LAG(stance) OVER (PARTITION BY level, actor, issue ORDER BY at{c}) AS prev,
         LAG(at) OVER (PARTITION BY level, actor, issue ORDER BY at{c}) AS prev_at,
         CASE WHEN LEAD(at) OVER (PARTITION BY level, actor, issue ORDER BY at{c}) IS NULL THEN 1 ELSE 0 END
           AS is_last
  FROM flagged WHERE (stance <> 'neutral' OR COALESCE(sided_before, 0) = 0)
    AND (stance = 'neutral' OR NOT weak OR COALESCE(held_before, 0) = 0)
),
ends AS (
  SELECT level, actor, issue, statement_id, document_id, source, outlet, stance, at, stance_id, role,
         actor_id, actor_name, ROW_NUMBER() OVER w AS rank,
         LAST_VALUE(statement_id) OVER w AS last_statement_id, LAST_VALUE(document_id) OVER w AS last_document_id,
         LAST_VALUE(source) OVER w AS last_source, LAST_VALUE(outlet) OVER w AS last_outlet,
         LAST_VALUE(stance) OVER w AS last_stance, LAST_VALUE(at) OVER w AS last_at
  FROM roles
  WINDOW w AS (PARTITION BY level, actor, issue ORDER BY at{c}, document_id, statement_id, stance_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT 'cell' AS what, level, actor, issue, COUNT(DISTINCT statement_id) AS n_statements,
       COUNT(DISTINCT COALESCE(NULLIF(outlet, ''), source)) AS n_outlets,
       CAST(NULL AS TEXT) AS stance, CAST(NULL AS TEXT) AS at, CAST(NULL AS TEXT) AS prev,
       CAST(NULL AS TEXT) AS prev_at, CAST(NULL AS BIGINT) AS statement_id, CAST(NULL AS BIGINT) AS document_id,
       CAST(NULL AS TEXT) AS source, CAST(NULL AS TEXT) AS outlet, CAST(NULL AS BIGINT) AS stance_id,
       CAST(NULL AS INTEGER) AS role, CAST(NULL AS TEXT) AS actor_id, CAST(NULL AS TEXT) AS actor_name
  FROM roles GROUP BY level, actor, issue
UNION ALL
-- a step's is_last rides in n_statements
SELECT 'step', level, actor, issue, is_last, NULL, stance, at, prev, prev_at, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL FROM seq
  WHERE is_last = 1 OR prev IS NULL OR prev <> stance
UNION ALL
SELECT 'first', level, actor, issue, NULL, NULL, stance, at, NULL, NULL, statement_id, document_id, source, outlet,
       stance_id, role, actor_id, actor_name
  FROM ends WHERE rank = 1
UNION ALL
SELECT 'last', level, actor, issue, NULL, NULL, last_stance, last_at, NULL, NULL, last_statement_id,
       last_document_id, last_source, last_outlet, NULL, NULL, NULL, NULL
  FROM ends WHERE rank = 1
"""

_EVIDENCE = """
WITH {rows}
SELECT level, actor, issue, at, statement_id, document_id, source, outlet, stance FROM roles
ORDER BY level, actor, issue, at{c}, document_id, statement_id, stance_id
"""


def _sql(store, template: str) -> str:
    collective = ", ".join(f"'{t}'" for t in sorted(COLLECTIVE_TYPES))
    order = "CASE stance " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in _ORDER.items()) + " ELSE 0 END"
    c = ' COLLATE "C"' if store.dialect == "postgres" else ""
    rows = _ROWS.format(collective=collective)
    return template.format(rows=rows, order=order, c=c, weak=WEAK)


def _ref(r: dict[str, Any]) -> dict[str, Any]:
    return {"date": r["at"] or None, "statement_id": r["statement_id"], "document_id": r["document_id"],
            "source": r["source"], "outlet": r["outlet"], "stance": r["stance"]}


def _cells(store) -> tuple[dict[tuple, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The cells, and each actor's id and name as its earliest evidence gives them (the first row of
    each of its cells, the earliest of those)."""
    cells: dict[tuple, dict[str, Any]] = {}
    earliest: dict[str, tuple] = {}
    for r in store.query(_sql(store, _CELLS)):
        cell = cells.setdefault((r["level"], r["actor"], r["issue"]), {"steps": []})
        if r["what"] == "cell":
            cell.update(statements=r["n_statements"], outlets=r["n_outlets"])
        elif r["what"] == "step":
            cell["steps"].append(r)
        else:
            cell[r["what"]] = _ref(r)
        if r["what"] == "first":
            order = (r["at"], r["document_id"], r["statement_id"], r["stance_id"], r["role"])
            if r["actor"] not in earliest or order < earliest[r["actor"]][0]:
                earliest[r["actor"]] = (order, {"id": r["actor_id"], "name": r["actor_name"]})
    return cells, {actor: name for actor, (_, name) in earliest.items()}


def _position(key: tuple, cell: dict[str, Any], actor: dict[str, Any]) -> dict[str, Any]:
    level, _, issue = key
    steps = sorted(cell["steps"], key=lambda s: s["at"])
    turns = [s for s in steps if s["prev"] is None or s["prev"] != s["stance"]]
    current = next(s for s in steps if s["n_statements"] == 1)  # a step's is_last
    return {
        "actor": dict(actor), "actor_level": level, "issue": issue, "stance": current["stance"],
        "since": turns[-1]["at"] or None,
        "statements": cell["statements"], "outlets": cell["outlets"],
        "first_evidence": cell["first"], "last_evidence": cell["last"],
        "evidence": [],
        "changes": [{"from": s["prev"], "to": s["stance"], "date": s["at"] or None,
                     "before": s["prev_at"], "after": s["at"]} for s in turns if s["prev"] is not None],
    }


def positions_sql(store, evidence: bool = True) -> list[dict[str, Any]]:
    """``positions(store)``, computed in SQL. ``evidence=False`` leaves out the evidence lists (and the
    changes' before/after lists): the summary a store of millions of stances can afford."""
    cells, names = _cells(store)
    out = {key: _position(key, cell, names[key[1]]) for key, cell in cells.items()}
    if evidence:
        _attach_evidence(store, out)
    else:
        for p in out.values():
            del p["evidence"]
            for c in p["changes"]:
                c["before"], c["after"] = [], []

    def order(key):
        level, actor, issue = key
        return (level != "person", (names[actor]["name"] or "").casefold(), actor, issue)
    return [out[k] for k in sorted(out, key=order)]


def _stream(store) -> Iterator[dict[str, Any]]:
    cur = store.execute(_sql(store, _EVIDENCE))
    cols = [d[0] for d in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield dict(zip(cols, row))


def _attach_evidence(store, out: dict[tuple, dict[str, Any]]) -> None:
    shared: dict[tuple, dict[str, Any]] = {}  # one reference per statement and stance, as positions() has
    for key, rows in groupby(_stream(store), key=lambda r: (r["level"], r["actor"], r["issue"])):
        p = out[key]
        by_date: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            ref = _ref(r)
            ref = shared.setdefault(tuple(ref.values()), ref)
            p["evidence"].append(ref)
            by_date.setdefault(r["at"], []).append(ref)
        for c in p["changes"]:
            c["before"], c["after"] = list(by_date[c["before"]]), list(by_date[c["after"]])
