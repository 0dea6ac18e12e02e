"""Positions: stances aggregated per actor and issue over time.

Each statement's stances count for its speaker (``actor_level: person``) and for the state or
organisation the speaker spoke for (``actor_level: state``). The current stance is that of the most
recent evidence: statements of the same date are aggregated (summed confidence; 'oppose' before
'conditional' before 'support' on a tie); a neutral statement does not overturn a side taken, and
neither does weak evidence (a side whose summed confidence that day is under ``WEAK``: a cue named with
no polarity, a low-confidence stance the model added) once strong evidence has taken a side: one
misread statement cannot flip a state. Undated evidence counts as older than any dated one; a relative
date ("FUTURE_REF") is no date, the publication's counts.

Rows keep the first and last evidence, since when the current stance holds, the number of statements
and outlets, and the changes of stance (with the statements before and after). Persons come first and
states last in the list, so that a reader that keeps the last row per actor name and issue sees the
state-level row. A speaker that is itself a state or organisation (``Russia said ...``) counts at the
state level only.
"""
from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any

from ..store import Store

_ORDER = {"oppose": 3, "conditional": 2, "support": 1, "neutral": 0}
# entity types of the knowledge base that speak as a state or organisation, not as a person
COLLECTIVE_TYPES = {"GPE", "ORG", "NORP", "state", "organisation", "organization"}
# below this summed confidence a day's side is weak: the rules' "named" (0.5), the model's guesses
WEAK = 0.6


def _dated(date: str | None) -> str | None:
    """A calendar date (``2025-03``, ``2025-W10``...), or None for none or a relative one (``PRESENT_REF``)."""
    return date if date and "0" <= date[:1] <= "9" else None


def evidence(store: Store) -> list[dict[str, Any]]:
    """Every stance with its statement, actor and document, oldest first."""
    # the documents' fields are read once per document, not once per stance: their rows hold the
    # article text, which SQLite would walk past for every stance
    docs = {r[0]: r[1:] for r in store.execute(
        "SELECT id, source, title, outlet, published, url FROM documents").fetchall()}
    cur = store.execute("""
        SELECT s.issue, s.stance, s.confidence, s.rule, s.evidence_start, s.evidence_end,
               st.id, st.content, st.kind, st.date, st.speaker_entity_id, st.speaker_name,
               st.on_behalf_of_id, st.on_behalf_of_name, st.document_id
        FROM stances s JOIN statements st ON st.id = s.statement_id
        ORDER BY st.id, s.id""")
    entities = {r[0]: {"name": r[1], "type": r[2]}
                for r in store.execute("SELECT id, name, type FROM entities").fetchall()}
    rows = []
    for (issue, stance, confidence, rule, ev_start, ev_end, sid, content, kind, date, speaker_id, speaker_name,
         behalf_id, behalf_name, doc_id) in cur.fetchall():
        d = docs.get(doc_id)
        if d is None:
            continue
        source, title, outlet, published, url = d
        speaker = entities.get(speaker_id) or {}
        state = entities.get(behalf_id) or {}
        rows.append({
            "issue": issue, "stance": stance, "confidence": confidence, "stance_rule": rule,
            "evidence_start": ev_start, "evidence_end": ev_end, "statement_id": sid, "content": content,
            "kind": kind, "date": date, "speaker_entity_id": speaker_id, "speaker_name": speaker_name,
            "on_behalf_of_id": behalf_id, "on_behalf_of_name": behalf_name, "document_id": doc_id,
            "source": source, "title": title, "outlet": outlet, "published": published, "url": url,
            "when": _dated(date) or published or "",
            "speaker": speaker.get("name") or speaker_name, "speaker_type": speaker.get("type"),
            "actor_state": state.get("name") or behalf_name})
    rows.sort(key=lambda r: (r["when"], r["document_id"], r["statement_id"]))
    return rows


def _aggregate(group: list[dict[str, Any]]) -> tuple[str, float]:
    """The stance of a set of same-date evidence (neutral only when nothing else was said) and its
    summed confidence."""
    weight: dict[str, float] = {}
    for r in group:
        weight[r["stance"]] = weight.get(r["stance"], 0.0) + float(r["confidence"] or 0)
    sided = {k: v for k, v in weight.items() if k != "neutral"} or weight
    stance = max(sided, key=lambda k: (round(sided[k], 6), _ORDER.get(k, 0)))
    return stance, round(sided[stance], 6)


def _ref(r: dict[str, Any]) -> dict[str, Any]:
    return {"date": r["when"] or None, "statement_id": r["statement_id"], "document_id": r["document_id"],
            "source": r["source"], "outlet": r["outlet"], "stance": r["stance"]}


def _position(actor: dict[str, Any], level: str, issue: str, rows: list[dict[str, Any]],
              refs: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """``refs``: each row's reference (``_ref``) by ``id(row)``, made once for both levels."""
    current = None
    changes = []
    before: list[dict[str, Any]] = []  # the evidence of the side last taken
    since: str | None = None
    held = False  # whether strong evidence has taken a side
    for when, same_date in groupby(rows, key=itemgetter("when")):
        group = list(same_date)
        stance, weight = _aggregate(group)
        if stance == "neutral" and current not in (None, "neutral"):
            continue  # speaking about an issue without taking a side does not undo the side taken
        if stance != "neutral" and weight < WEAK and held:
            continue  # nor does one weak reading against a side strong evidence took
        held = held or (stance != "neutral" and weight >= WEAK)
        if current is not None and stance != current:
            changes.append({"from": current, "to": stance, "date": when or None,
                            "before": [_ref(r) for r in before], "after": [_ref(r) for r in group]})
        if stance != current:
            since = when or None
        current, before = stance, group
    return {
        "actor": actor, "actor_level": level, "issue": issue, "stance": current, "since": since,
        "statements": len(set(map(itemgetter("statement_id"), rows))),
        "outlets": len({r["outlet"] or r["source"] for r in rows}),
        "first_evidence": dict(refs[id(rows[0])]), "last_evidence": dict(refs[id(rows[-1])]),
        "evidence": [refs[id(r)] for r in rows],
        "changes": changes,
    }


def positions(store: Store, rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One row per actor and issue: {actor: {id, name}, actor_level, issue, stance, ...}."""
    rows = evidence(store) if rows is None else rows
    persons: dict[tuple[str, str], list[dict[str, Any]]] = {}
    states: dict[tuple[str, str], list[dict[str, Any]]] = {}
    actor_of: dict[str, dict[str, Any]] = {}
    for r in rows:
        pid = r["speaker_entity_id"] or (f"name:{r['speaker']}" if r["speaker"] else None)
        sid = r["on_behalf_of_id"] or (f"name:{r['actor_state']}" if r["actor_state"] else None)
        speaker_is_state = sid is None and pid and r.get("speaker_type") in COLLECTIVE_TYPES
        if speaker_is_state:
            sid = pid  # "Russia said ...": the speaker is the state
        if pid and pid != sid and not (r["speaker"] and r["speaker"] == r["actor_state"]):
            if pid not in actor_of:
                actor_of[pid] = {"id": r["speaker_entity_id"], "name": r["speaker"]}
            persons.setdefault((pid, r["issue"]), []).append(r)
        if sid:
            if sid not in actor_of:
                actor_of[sid] = ({"id": r["speaker_entity_id"], "name": r["speaker"]} if speaker_is_state
                                 else {"id": r["on_behalf_of_id"], "name": r["actor_state"]})
            states.setdefault((sid, r["issue"]), []).append(r)

    def order(item):
        (a, issue), _ = item
        return ((actor_of[a]["name"] or "").casefold(), a, issue)
    # the evidence lists of a person's row and its state's row share the references (same statement,
    # same issue); first/last evidence and changes get their own
    refs = {id(r): _ref(r) for r in rows}
    out = [_position(actor_of[a], "person", issue, ev, refs)
           for (a, issue), ev in sorted(persons.items(), key=order)]
    out += [_position(actor_of[a], "state", issue, ev, refs)
            for (a, issue), ev in sorted(states.items(), key=order)]
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
        })
    return out
