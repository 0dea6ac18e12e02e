"""Analysts' corrections: kept apart from machine output, applied whenever the store is read.

A correction names what it fixes by what survives re-analysis: the document's content hash and the
statement's character offsets in the cleaned text (entity merges name entity ids). Re-analysing a
document replaces its statements, but the same capture yields the same hash and, for the same
statement, the same offsets, so the correction finds its statement again.

Kinds (``target`` / ``field`` in the ``corrections`` table):
    statement / speaker   new_value = {"id", "name", "on_behalf_of": {"id", "name"}}
    stance    / stance    old_value = {"issue", "stance"}, new_value = {"issue", "stance"} ("none" drops it)
    entity    / merge     old_value = the merged entity id, new_value = the entity it is merged into
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Iterable

from ..store import Store, utcnow

STANCES = ("support", "oppose", "conditional", "neutral")
NO_STANCE = "none"

Key = tuple[str, int, int]  # (content_hash, content_start, content_end)


class CorrectionError(ValueError):
    pass


@dataclass
class Corrections:
    """All corrections of a store, indexed for applying them to rows read from it."""
    speakers: dict[Key, dict[str, Any]] = field(default_factory=dict)
    stances: dict[Key, dict[str, dict[str, Any]]] = field(default_factory=dict)
    merges: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.records)

    def keys(self) -> set[Key]:
        return set(self.speakers) | set(self.stances)

    def resolve(self, entity_id: str | None) -> str | None:
        """The entity ``entity_id`` ends up as after merges (chains followed, cycles cut)."""
        seen = set()
        while entity_id in self.merges and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.merges[entity_id]
        return entity_id

    def statement(self, row: dict[str, Any], content_hash: str) -> dict[str, Any]:
        """A corrected copy of a statement row (columns of ``statements``); ``corrections`` lists
        the ids of the corrections applied, ``corrected`` the fields they changed."""
        out = dict(row)
        out["corrected"] = []
        out["corrections"] = []
        key = (content_hash, row["content_start"], row["content_end"])
        fix = self.speakers.get(key)
        if fix:
            out["machine_speaker"] = {"id": row.get("speaker_entity_id"), "name": row.get("speaker_name")}
            out["speaker_entity_id"] = fix["id"]
            out["speaker_name"] = fix["name"]
            obo = fix.get("on_behalf_of") or {}
            out["on_behalf_of_id"] = obo.get("id")
            out["on_behalf_of_name"] = obo.get("name")
            out["corrected"].append("speaker")
            out["corrections"].append(fix["correction_id"])
        for col, name_col in (("speaker_entity_id", "speaker_name"), ("on_behalf_of_id", "on_behalf_of_name"),
                              ("addressee_id", "addressee_name")):
            eid = out.get(col)
            target = self.resolve(eid)
            if target != eid:
                out[col] = target
                out[name_col] = self.names.get(target, out.get(name_col))
                out["corrected"].append(col.replace("_entity_id", "").replace("_id", ""))
        return out

    def stance_rows(self, key: Key, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Corrected stances of one statement: machine rows (dicts with ``issue`` and ``stance``)
        overridden, dropped or added by stance corrections."""
        fixes = self.stances.get(key, {})
        out = []
        for r in rows:
            fix = fixes.get(r["issue"])
            if fix is None:
                out.append({**r, "corrected": False})
            elif fix["stance"] != NO_STANCE:
                out.append({**r, "stance": fix["stance"], "machine_stance": r["stance"], "corrected": True,
                            "correction_id": fix["correction_id"]})
        have = {r["issue"] for r in rows}
        for issue, fix in fixes.items():
            if issue not in have and fix["stance"] != NO_STANCE:
                out.append({"issue": issue, "stance": fix["stance"], "machine_stance": None, "corrected": True,
                            "correction_id": fix["correction_id"], "evidence_start": None,
                            "evidence_end": None, "confidence": 1.0, "rule": "correction"})
        return out


def load(store: Store) -> Corrections:
    c = Corrections()
    _index(c, store.query("SELECT * FROM corrections ORDER BY id"))
    if c.merges:
        ids = sorted(set(c.merges.values()))
        marks = ", ".join("?" for _ in ids)
        for e in store.query(f"SELECT id, name FROM entities WHERE id IN ({marks})", ids):
            c.names[e["id"]] = e["name"]
    return c


def _index(c: Corrections, rows: list[dict[str, Any]]) -> None:
    """Puts the ``corrections`` table's ``rows`` (oldest first) into ``c``'s look-ups."""
    c.records = rows
    for r in rows:
        try:
            new = json.loads(r["new_value"]) if r["target"] in ("statement", "stance") else r["new_value"]
        except (TypeError, ValueError):
            continue
        if r["target"] == "statement" and r["field"] == "speaker":
            c.speakers[(r["content_hash"], r["content_start"], r["content_end"])] = {**new, "correction_id": r["id"]}
        elif r["target"] == "stance" and r["field"] == "stance":
            key = (r["content_hash"], r["content_start"], r["content_end"])
            c.stances.setdefault(key, {})[new["issue"]] = {"stance": new["stance"], "correction_id": r["id"]}
        elif r["target"] == "entity" and r["field"] == "merge" and r["old_value"] and new:
            c.merges[r["old_value"]] = new


def restricted(c: Corrections, ids: set[int]) -> Corrections:
    """``c`` as it stood with the corrections ``ids`` only (the merges' names kept)."""
    out = Corrections(names=dict(c.names))
    _index(out, [r for r in c.records if r["id"] in ids])
    return out


# --- recording -------------------------------------------------------------------------------

def _statement_key(store: Store, statement_id: int) -> dict[str, Any]:
    rows = store.query("""SELECT st.*, d.content_hash FROM statements st JOIN documents d ON d.id = st.document_id
                          WHERE st.id = ?""", (statement_id,))
    if not rows:
        raise LookupError(f"no statement {statement_id}")
    return rows[0]


def entity_info(store: Store, entity_id: str, kb=None) -> dict[str, Any] | None:
    rows = store.query("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,))
    if rows:
        return rows[0]
    e = kb.get(entity_id) if kb is not None else None
    return {"id": e.id, "name": e.name, "type": e.type} if e else None


def _save(store: Store, row: dict[str, Any]) -> int:
    with store.transaction():
        return store.insert("corrections", {**row, "created_at": utcnow()})


def correct_speaker(store: Store, statement_id: int, entity_id: str, author: str | None = None,
                    note: str | None = None, kb=None) -> int:
    """Records that statement ``statement_id`` was said by ``entity_id``; the actor it speaks for
    follows from the knowledge base at the statement's date (else the speaker itself)."""
    st = _statement_key(store, statement_id)
    ent = entity_info(store, entity_id, kb)
    if ent is None:
        raise LookupError(f"unknown entity {entity_id!r}")
    obo_id = kb.affiliation(entity_id, st.get("date")) if kb is not None else None
    obo_id = obo_id or entity_id
    obo = entity_info(store, obo_id, kb) or {"id": obo_id, "name": obo_id}
    return _save(store, {
        "target": "statement", "content_hash": st["content_hash"], "content_start": st["content_start"],
        "content_end": st["content_end"], "field": "speaker",
        "old_value": json.dumps({"id": st["speaker_entity_id"], "name": st["speaker_name"]}, ensure_ascii=False),
        "new_value": json.dumps({"id": ent["id"], "name": ent["name"],
                                 "on_behalf_of": {"id": obo["id"], "name": obo["name"]}}, ensure_ascii=False),
        "author": author, "note": note})


def correct_stance(store: Store, statement_id: int, issue: str, stance: str, author: str | None = None,
                   note: str | None = None) -> int:
    """Records the stance the statement takes on ``issue`` (``none``: it takes none)."""
    if stance not in STANCES + (NO_STANCE,):
        raise CorrectionError(f"stance must be one of {', '.join(STANCES + (NO_STANCE,))}")
    st = _statement_key(store, statement_id)
    old = store.query("SELECT stance FROM stances WHERE statement_id = ? AND issue = ?", (statement_id, issue))
    return _save(store, {
        "target": "stance", "content_hash": st["content_hash"], "content_start": st["content_start"],
        "content_end": st["content_end"], "field": "stance",
        "old_value": json.dumps({"issue": issue, "stance": old[0]["stance"] if old else None}),
        "new_value": json.dumps({"issue": issue, "stance": stance}),
        "author": author, "note": note})


def merge_entities(store: Store, source_id: str, target_id: str, author: str | None = None,
                   note: str | None = None, kb=None) -> int:
    """Records that ``source_id`` is the same actor as ``target_id``."""
    if source_id == target_id:
        raise CorrectionError("an entity cannot be merged into itself")
    for eid in (source_id, target_id):
        if entity_info(store, eid, kb) is None:
            raise LookupError(f"unknown entity {eid!r}")
    if load(store).resolve(target_id) == source_id:
        raise CorrectionError(f"{target_id!r} is already merged into {source_id!r}")
    return _save(store, {"target": "entity", "content_hash": None, "content_start": None, "content_end": None,
                         "field": "merge", "old_value": source_id, "new_value": target_id,
                         "author": author, "note": note})


def delete(store: Store, correction_id: int) -> bool:
    with store.transaction():
        found = store.query("SELECT id FROM corrections WHERE id = ?", (correction_id,))
        store.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
    return bool(found)


# --- applying to exports and positions -------------------------------------------------------

def apply_corrections(store: Store, records: list[dict[str, Any]],
                      corrections: Corrections | None = None) -> list[dict[str, Any]]:
    """Applies corrections to ``documents.jsonl`` records (``export.document_record``), in place.
    Corrected statements get ``"corrected": [fields]``."""
    c = corrections if corrections is not None else load(store)
    if not c:
        return records
    hashes = {}
    ids = [r["id"] for r in records if r.get("id") is not None]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join("?" for _ in part)
        for row in store.query(f"SELECT id, content_hash FROM documents WHERE id IN ({marks})", part):
            hashes[row["id"]] = row["content_hash"]
    for rec in records:
        h = hashes.get(rec.get("id"))
        for e in rec.get("entities", []):
            target = c.resolve(e.get("id"))
            if target != e.get("id"):
                e["merged_into"] = {"id": target, "name": c.names.get(target)}
        for st in rec.get("statements", []):
            row = {"content_start": st["start"], "content_end": st["end"],
                   "speaker_entity_id": st["speaker"]["id"], "speaker_name": st["speaker"]["name"],
                   "on_behalf_of_id": st["on_behalf_of"]["id"], "on_behalf_of_name": st["on_behalf_of"]["name"],
                   "addressee_id": (st.get("addressee") or {}).get("id"),
                   "addressee_name": (st.get("addressee") or {}).get("name")}
            fixed = c.statement(row, h or "")
            stances = c.stance_rows((h or "", st["start"], st["end"]), st.get("issues", []))
            changed = list(fixed["corrected"]) + (["stance"] if any(x["corrected"] for x in stances) else [])
            if not changed:
                continue
            st["speaker"].update(id=fixed["speaker_entity_id"], name=fixed["speaker_name"])
            st["on_behalf_of"] = {"id": fixed["on_behalf_of_id"], "name": fixed["on_behalf_of_name"]}
            if st.get("addressee"):
                st["addressee"] = {"id": fixed["addressee_id"], "name": fixed["addressee_name"]}
            st["issues"] = [{k: v for k, v in x.items() if k not in ("corrected", "correction_id", "machine_stance")}
                            | ({"corrected": True} if x["corrected"] else {}) for x in stances]
            st["corrected"] = changed
    return records


def corrected_evidence(store: Store, c: Corrections, rows: list[dict[str, Any]] | None = None
                       ) -> tuple[list[dict[str, Any]], set[tuple[int, str]]]:
    """``analyse.positions.evidence(store)`` rows with corrections applied (speakers, the actors
    they speak for, merges, stances), oldest first, and the (statement id, issue) pairs a correction
    changed. Rows no correction touches are passed through unchanged."""
    from ..analyse.positions import evidence
    rows = evidence(store) if rows is None else rows
    if not c:
        return rows, set()
    return _corrected_evidence(store, c, rows, _keyed_statements(store, c))


def _corrected_evidence(store: Store, c: Corrections, rows: list[dict[str, Any]], keyed: dict[int, Key]
                        ) -> tuple[list[dict[str, Any]], set[tuple[int, str]]]:
    """``corrected_evidence`` with the corrected statements' keys (``_keyed_statements``) read."""
    merged = set(c.merges)
    out: list[dict[str, Any]] = []
    to_fix: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if r["statement_id"] in keyed or r["speaker_entity_id"] in merged or r["on_behalf_of_id"] in merged:
            to_fix.setdefault(r["statement_id"], []).append(r)
        else:
            out.append(r)
    _add_analyst_only(store, c, keyed, to_fix)
    changed: set[tuple[int, str]] = set()
    for sid, group in to_fix.items():
        out.extend(_fixed_rows(c, sid, group, keyed.get(sid), changed))
    out.sort(key=lambda r: (r["when"], r["document_id"], r["statement_id"]))
    return out, changed


def corrected_tentative(store: Store, c: Corrections, rows: list[dict[str, Any]] | None = None
                        ) -> tuple[list[dict[str, Any]], set[tuple[int, str]]]:
    """``analyse.positions.tentative_evidence(store)`` rows (``rows``: those already read) with the corrections
    applied as ``corrected_evidence`` applies them to the stances (the analyst's speaker and the actor he speaks
    for, the merges), oldest first, and the (statement id, issue) pairs whose row a correction changed. A row
    goes where an analyst corrected its statement's stance on its issue: his word on it, a stance or none,
    outranks the model's weaker proposal."""
    from ..analyse.positions import tentative_evidence
    rows = tentative_evidence(store) if rows is None else rows
    if not c or not rows:
        return rows, set()
    return _fixed_tentative(c, rows, _keyed_statements(store, c))


def _fixed_tentative(c: Corrections, rows: list[dict[str, Any]], keyed: dict[int, Key]
                     ) -> tuple[list[dict[str, Any]], set[tuple[int, str]]]:
    """``corrected_tentative`` with the corrected statements' keys read."""
    merged = set(c.merges)
    out, changed = [], set()
    for r in rows:
        key = keyed.get(r["statement_id"])
        if key is None and r["speaker_entity_id"] not in merged and r["on_behalf_of_id"] not in merged:
            out.append(r)
        elif not (key and r["issue"] in c.stances.get(key, {})):
            head = dict(r)
            if _corrected_head(c, head, key):
                changed.add((r["statement_id"], r["issue"]))
            out.append(head)
    return out, changed


def _keyed_statements(store: Store, c: Corrections) -> dict[int, Key]:
    """The stored statement each correction's key names, by statement id."""
    keyed: dict[int, Key] = {}
    for key in c.keys():
        for r in store.query("""SELECT st.id FROM statements st JOIN documents d ON d.id = st.document_id
                                WHERE d.content_hash = ? AND st.content_start = ? AND st.content_end = ?""", key):
            keyed[r["id"]] = key
    return keyed


def _add_analyst_only(store: Store, c: Corrections, keyed: dict[int, Key],
                      to_fix: dict[int, list[dict[str, Any]]]) -> None:
    """Statements given a stance only by an analyst have no machine stance row to start from: their
    statement row is read from the store (in chunks under SQLite's limit on parameters)."""
    missing = sorted(sid for sid, key in keyed.items() if key in c.stances and sid not in to_fix)
    if not missing:
        return
    names = {r["id"]: r["name"] for r in store.query("SELECT id, name FROM entities")}
    for chunk in range(0, len(missing), 500):
        part = missing[chunk:chunk + 500]
        for r in store.query(f"""
                SELECT st.id AS statement_id, st.content, st.kind, st.date, st.speaker_entity_id,
                       st.speaker_name, st.on_behalf_of_id, st.on_behalf_of_name, d.id AS document_id,
                       d.source, d.title, d.outlet, d.published, d.url
                FROM statements st JOIN documents d ON d.id = st.document_id
                WHERE st.id IN ({', '.join('?' for _ in part)})""", part):
            r.update(when=r["date"] or r["published"] or "",
                     speaker=names.get(r["speaker_entity_id"]) or r["speaker_name"],
                     actor_state=names.get(r["on_behalf_of_id"]) or r["on_behalf_of_name"])
            to_fix[r["statement_id"]] = [r]


def _corrected_head(c: Corrections, head: dict[str, Any], key: Key | None) -> bool:
    """Applies the analyst's speaker and the merges to one statement's row; True when anything changed."""
    touched = False
    fix = c.speakers.get(key) if key else None
    if fix:
        obo = fix.get("on_behalf_of") or {}
        head.update(speaker_entity_id=fix["id"], speaker_name=fix["name"], speaker=fix["name"],
                    on_behalf_of_id=obo.get("id"), on_behalf_of_name=obo.get("name"),
                    actor_state=obo.get("name"), outlet_speaker=False)  # the analyst named the speaker
        touched = True
    for col, name_cols in (("speaker_entity_id", ("speaker", "speaker_name")),
                           ("on_behalf_of_id", ("actor_state", "on_behalf_of_name"))):
        target = c.resolve(head[col])
        if target != head[col]:
            head[col] = target
            for n in name_cols:
                head[n] = c.names.get(target, head[n])
            touched = True
    return touched


def _fixed_rows(c: Corrections, sid: int, group: list[dict[str, Any]], key: Key | None,
                changed: set[tuple[int, str]]) -> list[dict[str, Any]]:
    """One statement's stance rows with its corrections applied; the (statement, issue) pairs they changed
    go into ``changed``."""
    head = dict(group[0])
    touched = _corrected_head(c, head, key)
    who = {k: head[k] for k in ("speaker_entity_id", "speaker_name", "speaker", "on_behalf_of_id",
                                "on_behalf_of_name", "actor_state")}
    who["outlet_speaker"] = head.get("outlet_speaker", False)
    machine = [r for r in group if "issue" in r]
    stances = c.stance_rows(key, machine) if key else [{**r, "corrected": False} for r in machine]
    out = []
    for s in stances:
        row = {**head, **s, **who}
        if row.pop("rule", None) == "correction":
            row["stance_rule"] = "correction"
        if touched or s["corrected"]:
            changed.add((sid, row["issue"]))
        out.append(row)
    return out


def _cells(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The position cells (level, actor key, issue) an evidence row counts in, keyed as
    ``analyse.positions.positions`` groups them (``actor_keys``)."""
    from ..analyse.positions import actor_keys
    if r.get("outlet_speaker"):
        return []  # an outlet holds no position (analyse.positions)
    person, state, _ = actor_keys(r)
    return ([("person", person, r["issue"])] if person else []) + ([("state", state, r["issue"])] if state else [])


def _cell_of(p: dict[str, Any]) -> tuple[str, str, str]:
    a = p.get("actor") or {}
    return (p["actor_level"], a.get("id") or f"name:{a.get('name')}", p["issue"])


def rows_by_cell(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Evidence rows grouped by the position cells they count in."""
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for r in rows:
        for cell in _cells(r):
            out.setdefault(cell, []).append(r)
    return out


def correct(store: Store, c: Corrections, rows: list[dict[str, Any]] | None = None,
            machine: list[dict[str, Any]] | None = None,
            by_cell: dict[tuple[str, str, str], list[dict[str, Any]]] | None = None
            ) -> tuple[list[dict[str, Any]], set[tuple[int, str]], list[dict[str, Any]]]:
    """Corrected evidence rows, the (statement, issue) pairs corrections changed, and corrected
    positions. ``rows``/``machine``/``by_cell``: evidence, positions and ``rows_by_cell`` already
    computed without corrections; only the cells a correction touches are computed again, by
    ``analyse.positions`` rules."""
    from ..analyse.positions import evidence, positions, tentative_evidence
    rows = evidence(store) if rows is None else rows
    machine = positions(store, rows) if machine is None else machine
    if not c:
        return rows, set(), [{**p, "corrected": False} for p in machine]
    keyed = _keyed_statements(store, c)
    fixed, changed = _corrected_evidence(store, c, rows, keyed)
    weak = tentative_evidence(store)
    fixed_weak, changed_weak = _fixed_tentative(c, weak, keyed)
    # the statements corrections name or whose actors were merged: their cells before and after
    sids = set(keyed) | {sid for sid, _ in changed | changed_weak}
    touched = {cell for r in chain(rows, weak, fixed, fixed_weak) if r["statement_id"] in sids for cell in _cells(r)}
    by_cell = rows_by_cell(rows) if by_cell is None else by_cell
    subset = {id(r): r for cell in touched for r in by_cell.get(cell, []) if r["statement_id"] not in sids}
    subset.update((id(r), r) for r in fixed if r["statement_id"] in sids)
    redone = positions(store, sorted(subset.values(), key=lambda r: (r["when"], r["document_id"], r["statement_id"])),
                       fixed_weak)
    changed |= changed_weak
    out = [{**p, "corrected": False} for p in machine if _cell_of(p) not in touched]
    for p in redone:
        if _cell_of(p) in touched:
            for e in p["evidence"]:
                e["corrected"] = (e["statement_id"], p["issue"]) in changed
            out.append({**p, "corrected": any(e["corrected"] for e in p["evidence"])})
    out.sort(key=lambda p: (p["actor_level"] != "person",) + _cell_of(p)[1:])
    return fixed, changed, out


def corrected_positions(store: Store, rows: list[dict[str, Any]] | None = None,
                        corrections: Corrections | None = None) -> list[dict[str, Any]]:
    """``analyse.positions.positions(store)`` with corrections applied: positions computed by the
    same rules from corrected evidence. Every row gets ``corrected``: whether any of its evidence
    was changed by a correction. ``rows``: positions already computed without corrections."""
    c = corrections if corrections is not None else load(store)
    return correct(store, c, None, rows)[2]
