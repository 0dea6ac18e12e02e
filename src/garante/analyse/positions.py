"""Positions: stances aggregated per actor and issue over time.

Each statement's stances count for its speaker (``actor_level: person``) and for the state or
organisation the speaker spoke for (``actor_level: state``). The stance at a date is the balance of
the evidence up to that date: the side with the most summed confidence, each statement's confidence
doubled for every ``HALF_LIFE`` months it came after the cell's first (recent evidence counts more;
a tie goes to the side taken most recently, then 'oppose' before 'conditional' before 'support');
neutral only while no side was taken. So a change needs evidence: one misread statement, or a weak one
(a cue named with no polarity, a low-confidence stance the model added), does not flip what several
statements said; statements that agree, across days, outlets and speakers, add up. Undated evidence
counts as older than any dated one (and as old as the first); a relative date ("FUTURE_REF") is no
date, the publication's counts.

Rows keep the first and last evidence, since when the current stance holds, the number of statements
and outlets, and the changes of stance (with the statements before and after). Persons come first and
states last in the list, so that a reader that keeps the last row per actor name and issue sees the
state-level row. A speaker that is itself a state or organisation (``Russia said ...``) counts at the
state level only. A news outlet or agency that a statement has as its speaker (``attrs.source_kind``,
``extract/attribution/sides.py``: "the Financial Times reported that ...") holds no position: it reports,
it is no party (its statements and their stances stay in the statement lists); nor does a think tank or NGO
(``source_kind: independent``, knowledge base ``kind: think_tank|ngo``): it comments, it is no party.

A cell that no stance of its actor speaks to takes the statements' tentative stances (``attrs.tentative_stances``:
the stance model's proposals under its threshold, ``data/positions.yaml`` ``tentative_floor``), by the same rules,
and says ``tentative: true``: an actor whose only word on an issue the model read with less certainty gets that
side, marked as such, not an empty cell. Any stance of the actor on the issue replaces them.
"""
from __future__ import annotations

import json
from itertools import groupby
from operator import itemgetter
from typing import Any, Callable, Iterable

from ..extract.authority import settings as authority_settings
from ..store import Store

_ORDER = {"oppose": 3, "conditional": 2, "support": 1, "neutral": 0}
# entity types of the knowledge base that speak as a state or organisation, not as a person
COLLECTIVE_TYPES = {"GPE", "ORG", "NORP", "state", "organisation", "organization"}
# months after which a statement counts twice as much as the cell's first (positions_sql.py the same).
# 24, not 6: on the annotated corpus (rules + shipped model, 2026-12-05) positions were train 108 -> 112 of
# 143, dev 66 -> 68 of 97, seeds and held-out sets unchanged; a faster doubling let one misread recent
# statement outweigh what several earlier ones said more often than it caught a real change
HALF_LIFE = 24
MAX_DOUBLINGS = 60


def _dated(date: str | None) -> str | None:
    """A calendar date (``2025-03``, ``2025-W10``...), or None for none or a relative one (``PRESENT_REF``)."""
    return date if date and "0" <= date[:1] <= "9" else None


def authority_sql(dialect: str) -> str:
    """The SQL expression of a stance's weight in positions: ``authority_weight`` (data/positions.yaml)
    for a statement whose speaker holds an office that speaks for the actor (``attrs.authority``), else 1;
    times ``unnamed_weight`` for a statement whose speaker the article does not name (no entity).
    Shared with positions_sql, so that both paths weigh alike."""
    s = authority_settings()
    w, u = float(s["weight"]), float(s["unnamed"])
    return (f"(CASE WHEN {attrs_has_sql(dialect, 'authority')} THEN {w!r} ELSE 1.0 END"
            f" * CASE WHEN COALESCE(st.speaker_entity_id, '') = '' THEN {u!r} ELSE 1.0 END)")


def outlet_sql(dialect: str) -> str:
    """The SQL condition of a statement whose speaker is a news outlet or agency, or an independent body
    (``attrs.source_kind``: ``sides.mark_source`` writes the key only then, so its presence tells, however the
    JSON is spaced).
    Shared with positions_sql."""
    return attrs_has_sql(dialect, "source_kind")


def attrs_has_sql(dialect: str, key: str) -> str:
    """The SQL condition of a statement whose ``attrs`` JSON holds ``key`` (the writers put a key there only
    when it has a value, so its presence tells)."""
    mark = f"'\"{key}\":'"
    return f"strpos(st.attrs, {mark}) > 0" if dialect == "postgres" else f"instr(st.attrs, {mark}) > 0"


def _weighted(r: dict[str, Any]) -> float:
    return float(r["confidence"] or 0) * float(r.get("weight") or 1)


def evidence(store: Store) -> list[dict[str, Any]]:
    """Every stance with its statement, actor and document, oldest first."""
    cur = store.execute(f"""
        SELECT s.issue, s.stance, s.confidence, s.rule, s.evidence_start, s.evidence_end,
               st.id, st.content, st.kind, st.date, st.speaker_entity_id, st.speaker_name,
               st.on_behalf_of_id, st.on_behalf_of_name, st.document_id, {authority_sql(store.dialect)},
               CASE WHEN {outlet_sql(store.dialect)} THEN 1 ELSE 0 END
        FROM stances s JOIN statements st ON st.id = s.statement_id
        ORDER BY st.id, s.id""")
    return _rows(store, cur.fetchall())


def tentative_evidence(store: Store, statement_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """The statements' tentative stances (``attrs.tentative_stances``) as evidence rows like ``evidence``'s,
    ``stance_rule`` "tentative" (no evidence span: the statement), oldest first. ``statement_ids``: of these
    statements only (an analyst's corrections redo a few), with only their documents and entities read."""
    if statement_ids is None:
        found = _tentative_statements(store, "")
        return _rows(store, found) if found else []
    ids, found = sorted(set(statement_ids)), []
    for chunk in range(0, len(ids), 500):  # under SQLite's limit on parameters
        part = ids[chunk:chunk + 500]
        found += _tentative_statements(store, f" AND st.id IN ({', '.join('?' for _ in part)})", part)
    return _rows(store, found, narrow=True) if found else []


def _tentative_statements(store: Store, where: str, params: list | None = None) -> list[tuple]:
    """(stance, statement) tuples of the tentative stances of the statements that hold any (and ``where``)."""
    cur = store.execute(f"""
        SELECT st.attrs, st.id, st.content, st.kind, st.date, st.speaker_entity_id, st.speaker_name,
               st.on_behalf_of_id, st.on_behalf_of_name, st.document_id, {authority_sql(store.dialect)},
               CASE WHEN {outlet_sql(store.dialect)} THEN 1 ELSE 0 END
        FROM statements st WHERE {attrs_has_sql(store.dialect, "tentative_stances")}{where}
        ORDER BY st.id""", params or ())
    return [(issue, stance, confidence, "tentative", None, None) + tuple(r[1:])
            for r in cur.fetchall() for issue, stance, confidence in json.loads(r[0]).get("tentative_stances") or []]


def _lookups(store: Store, found: list[tuple], narrow: bool) -> tuple[dict, dict]:
    """The documents' fields and the entities' names and types the (stance, statement) tuples ``found`` need:
    of theirs only (``narrow``), else of every document and entity, read once (cheaper than once a row)."""
    doc_sql = "SELECT id, source, title, outlet, published, url FROM documents"
    ent_sql = "SELECT id, name, type FROM entities"
    if not narrow:
        docs, ents = store.execute(doc_sql).fetchall(), store.execute(ent_sql).fetchall()
    else:
        doc_ids = sorted({r[14] for r in found})
        ent_ids = sorted({e for r in found for e in (r[10], r[12]) if e})
        docs, ents = _by_ids(store, doc_sql, doc_ids), _by_ids(store, ent_sql, ent_ids)
    return {r[0]: r[1:] for r in docs}, {r[0]: {"name": r[1], "type": r[2]} for r in ents}


def _by_ids(store: Store, sql: str, ids: list) -> list[tuple]:
    out = []
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        out += store.execute(f"{sql} WHERE id IN ({', '.join('?' for _ in part)})", part).fetchall()
    return out


def _rows(store: Store, found: list[tuple], narrow: bool = False) -> list[dict[str, Any]]:
    """Evidence rows of (stance, statement) tuples, with their documents' and entities' fields (``_lookups``)."""
    # the documents' fields are read once per document, not once per stance: their rows hold the
    # article text, which SQLite would walk past for every stance
    docs, entities = _lookups(store, found, narrow)
    rows = []
    for (issue, stance, confidence, rule, ev_start, ev_end, sid, content, kind, date, speaker_id, speaker_name,
         behalf_id, behalf_name, doc_id, weight, outlet_speaker) in found:
        d = docs.get(doc_id)
        if d is None:
            continue
        source, title, outlet, published, url = d
        speaker = entities.get(speaker_id) or {}
        state = entities.get(behalf_id) or {}
        rows.append({
            "issue": issue, "stance": stance, "confidence": confidence, "weight": weight, "stance_rule": rule,
            "evidence_start": ev_start, "evidence_end": ev_end, "statement_id": sid, "content": content,
            "kind": kind, "date": date, "speaker_entity_id": speaker_id, "speaker_name": speaker_name,
            "on_behalf_of_id": behalf_id, "on_behalf_of_name": behalf_name, "document_id": doc_id,
            "source": source, "title": title, "outlet": outlet, "published": published, "url": url,
            "when": _dated(date) or published or "",
            "speaker": speaker.get("name") or speaker_name, "speaker_type": speaker.get("type"),
            "actor_state": state.get("name") or behalf_name, "outlet_speaker": bool(outlet_speaker)})
    rows.sort(key=lambda r: (r["when"], r["document_id"], r["statement_id"]))
    return rows


def fold(rows: list, when: Callable, stance: Callable, confidence: Callable,
         ref: Callable | None) -> dict[str, Any]:
    """The current stance, since when, and the changes of one cell's evidence rows (in date order),
    whatever the rows are (dicts here, tuples in positions_sql): ``when``, ``stance``, ``confidence``
    read a row; ``ref`` makes a change's before/after references (None: no lists)."""
    current = None
    changes = []
    before: list = []  # the evidence of the date before
    since: str | None = None
    totals: dict[str, float] = {}
    seen: dict[str, str] = {}
    weighted = zip(rows, _weights([when(r) for r in rows], [confidence(r) for r in rows]))
    for day, same_date in groupby(weighted, key=lambda rw: when(rw[0])):
        group = []
        for r, w in same_date:
            totals[stance(r)] = totals.get(stance(r), 0.0) + w
            seen[stance(r)] = day
            group.append(r)
        side = _balance(totals, seen)
        if current is not None and side != current:
            changes.append({"from": current, "to": side, "date": day or None,
                            "before": [ref(r) for r in before] if ref else [],
                            "after": [ref(r) for r in group] if ref else []})
        if side != current:
            since = day or None
        current, before = side, group
    return {"stance": current, "since": since, "changes": changes}


def _month(when: str) -> int | None:
    """Months since year 0 of a calendar date (mid-year where it gives no month), None for undated."""
    if not when[:1].isdigit():
        return None
    month = int(when[5:7]) if when[5:7].isdigit() else 7
    return int(when[:4]) * 12 + month - 1


def _weights(whens: list[str], confidences: list) -> list[float]:
    """Each row's confidence, doubled every ``HALF_LIFE`` months after the first dated row."""
    months = [_month(w) for w in whens]
    first = min((m for m in months if m is not None), default=None)
    out = []
    for c, m in zip(confidences, months):
        k = (m - first) // HALF_LIFE if m is not None and first is not None else 0
        out.append(float(c or 0) * (1 << min(k, MAX_DOUBLINGS)))
    return out


def _balance(totals: dict[str, float], seen: dict[str, str]) -> str:
    """The side with the most summed confidence so far (neutral only when no side was taken); a tie goes
    to the side taken most recently (``seen``: the last date of each)."""
    return max(totals, key=lambda k: (k != "neutral", round(totals[k], 6), seen[k], _ORDER.get(k, 0)))


def _ref(r: dict[str, Any]) -> dict[str, Any]:
    return {"date": r["when"] or None, "statement_id": r["statement_id"], "document_id": r["document_id"],
            "source": r["source"], "outlet": r["outlet"], "stance": r["stance"]}


def _position(actor: dict[str, Any], level: str, issue: str, rows: list[dict[str, Any]],
              refs: dict[int, dict[str, Any]], tentative: bool = False) -> dict[str, Any]:
    """``refs``: each row's reference (``_ref``) by ``id(row)``, made once for both levels."""
    walk = fold(rows, itemgetter("when"), itemgetter("stance"), _weighted, _ref)
    out = {
        "actor": actor, "actor_level": level, "issue": issue, "stance": walk["stance"], "since": walk["since"],
        "statements": len(set(map(itemgetter("statement_id"), rows))),
        "outlets": len({r["outlet"] or r["source"] for r in rows}),
        "first_evidence": dict(refs[id(rows[0])]), "last_evidence": dict(refs[id(rows[-1])]),
        "evidence": [refs[id(r)] for r in rows],
        "changes": walk["changes"],
    }
    if tentative:
        out["tentative"] = True
    return out


def _cells(rows: list[dict[str, Any]], actor_of: dict[str, dict[str, Any]]
           ) -> tuple[dict[tuple[str, str], list[dict[str, Any]]], dict[tuple[str, str], list[dict[str, Any]]]]:
    """The rows of each (actor key, issue) cell, persons and states apart; ``actor_of`` gets each actor
    key's {id, name} from its first row (one it already has stays)."""
    persons: dict[tuple[str, str], list[dict[str, Any]]] = {}
    states: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        if r.get("outlet_speaker"):
            continue  # an outlet reports: no party, no position
        pid, sid, speaker_is_state = actor_keys(r)
        if pid:
            if pid not in actor_of:
                actor_of[pid] = {"id": r["speaker_entity_id"], "name": r["speaker"]}
            persons.setdefault((pid, r["issue"]), []).append(r)
        if sid:
            if sid not in actor_of:
                actor_of[sid] = ({"id": r["speaker_entity_id"], "name": r["speaker"]} if speaker_is_state
                                 else {"id": r["on_behalf_of_id"], "name": r["actor_state"]})
            states.setdefault((sid, r["issue"]), []).append(r)
    return persons, states


def actor_keys(r: dict[str, Any]) -> tuple[str | None, str | None, bool]:
    """The keys of the actors an evidence row counts for (an entity id, else ``name:`` and the name): its
    speaker's at the person level (None where the speaker is the state or speaks as it), the state's or
    organisation's it spoke for, and whether that one is the speaker itself ("Russia said ..."). The cells of
    ``corrections`` are keyed by the same."""
    pid = r["speaker_entity_id"] or (f"name:{r['speaker']}" if r["speaker"] else None)
    sid = r["on_behalf_of_id"] or (f"name:{r['actor_state']}" if r["actor_state"] else None)
    if sid is None and pid and r.get("speaker_type") in COLLECTIVE_TYPES:
        return None, pid, True
    if pid == sid or (r["speaker"] and r["speaker"] == r["actor_state"]):
        pid = None
    return pid, sid, False


def tentative_cells(rows: list[dict[str, Any]], have: set[tuple[str, str, str]],
                    actor_of: dict[str, dict[str, Any]]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """The cells (level, actor key, issue) of the tentative evidence ``rows`` that ``have`` (the cells of the
    stances) lacks, with their rows; ``actor_of`` as ``_cells``. Only for an actor the knowledge base knows
    (no ``x:`` id, not a bare name): weak evidence does not put on the map a name it cannot place."""
    persons, states = _cells([r for r in rows if _known(r["speaker_entity_id"]) or _known(r["on_behalf_of_id"])],
                             actor_of)
    out = {}
    for level, cells in (("person", persons), ("state", states)):
        for (a, issue), ev in cells.items():
            if (level, a, issue) not in have and _known(a):
                out[level, a, issue] = ev
    return out


def _known(key: str | None) -> bool:
    """Whether an actor key (an entity id, else ``name:`` and the name) is a knowledge base entity."""
    return bool(key) and not key.startswith(("name:", "x:"))


def positions(store: Store, rows: list[dict[str, Any]] | None = None,
              tentative: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One row per actor and issue: {actor: {id, name}, actor_level, issue, stance, ...}. ``tentative``: the
    tentative evidence (``tentative_evidence``; None: the store's, none without a store)."""
    rows = evidence(store) if rows is None else rows
    if tentative is None:
        tentative = tentative_evidence(store) if store is not None else []
    actor_of: dict[str, dict[str, Any]] = {}
    persons, states = _cells(rows, actor_of)
    have = {("person", a, i) for a, i in persons} | {("state", a, i) for a, i in states}
    weak = tentative_cells(tentative, have, actor_of)
    for (level, a, issue), ev in weak.items():
        (persons if level == "person" else states)[a, issue] = ev

    def order(item):
        (a, issue), _ = item
        return ((actor_of[a]["name"] or "").casefold(), a, issue)
    # the evidence lists of a person's row and its state's row share the references (same statement,
    # same issue); first/last evidence and changes get their own
    refs = {id(r): _ref(r) for r in rows}
    refs.update({id(r): _ref(r) for ev in weak.values() for r in ev})
    out = [_position(actor_of[a], "person", issue, ev, refs, ("person", a, issue) in weak)
           for (a, issue), ev in sorted(persons.items(), key=order)]
    out += [_position(actor_of[a], "state", issue, ev, refs, ("state", a, issue) in weak)
            for (a, issue), ev in sorted(states.items(), key=order)]
    return out


def disagreements(store: Store, rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Cells where the persons who speak for one state or organisation take different sides on an issue
    (two ministers, a president and his spokesman): each speaker's own current stance, not one balance
    that hides them. [{actor, issue, speakers: [{name, stance, statements, last_date}]}], one per cell
    with at least two speakers on different sides (neutral counts as no side)."""
    rows = evidence(store) if rows is None else rows
    cells: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for r in rows:
        state = r["actor_state"]
        speaker = r["speaker"]
        if state and speaker and speaker != state:
            cells.setdefault((state, r["issue"]), {}).setdefault(speaker, []).append(r)
    out = []
    for (state, issue), by_speaker in sorted(cells.items()):
        speakers = []
        for name, ev in sorted(by_speaker.items()):
            walk = fold(ev, itemgetter("when"), itemgetter("stance"), itemgetter("confidence"), None)
            speakers.append({"name": name, "stance": walk["stance"], "statements": len(ev),
                             "last_date": ev[-1]["when"] or None})
        if len({x["stance"] for x in speakers} - {"neutral", None}) > 1:
            out.append({"actor": state, "issue": issue, "speakers": speakers})
    return out


def positions_rows_for_csv(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows for positions.csv."""
    out = []
    for p in rows:
        out.append({
            "actor": p["actor"]["name"], "actor_id": p["actor"]["id"] or "", "actor_level": p["actor_level"],
            "issue": p["issue"], "stance": p["stance"], "since": p.get("since") or "",
            "statements": p["statements"], "outlets": p["outlets"],
            "first_date": p["first_evidence"]["date"] or "", "first_statement": p["first_evidence"]["statement_id"],
            "last_date": p["last_evidence"]["date"] or "", "last_statement": p["last_evidence"]["statement_id"],
            "changes": "; ".join(f"{c['from']}->{c['to']} ({c['date'] or 'undated'})" for c in p["changes"]),
            "tentative": "yes" if p.get("tentative") else "",  # only tentative stances speak to the cell
        })
    return out
