#!/usr/bin/env python3
"""Flags, for review, the positions no analyst would accept (issue 13, "no absurd positions"): what one
misread statement, or a source mistaken for a party, can put on the position map. Each flag has a cause:

  leader       a state or organisation whose position is the opposite of what its own leader said on the
               issue (a leader: whoever holds one of LEADER_ROLES of it at the statement's date, knowledge base)
  side         a state or organisation supporting an issue the codebook says it takes the other side of
               (``side_by``: Moscow on the sanctions on Russia or on Western troops in Ukraine, Kyiv on
               withdrawing from its own territory): support where the codebook gives oppose
  not_a_party  a state-level position of a news outlet or agency (knowledge base ``kind: outlet|agency``), of
               a think tank or NGO (``kind: think_tank|ngo``) or
               of a person: the source of a report, or a speaker, made the actor a statement speaks for
  unknown      a state-level position of a name the knowledge base does not know (``x:`` ids, no id): it
               cannot be placed on the map of states and organisations

    .venv/bin/python eval/stance/flag_positions.py --export out/           # documents.jsonl + positions.json
    .venv/bin/python eval/stance/flag_positions.py --export out/ --json    # one JSON object a line
    .venv/bin/python eval/stance/flag_positions.py --export out/ --causes leader side   # only these causes

Exit status 1 when something is flagged.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

LEADER_ROLES = ("president", "prime_minister", "chancellor", "head_of_state", "head_of_government")
OPPOSITE = {"support": "oppose", "oppose": "support"}
CAUSES = ("leader", "side", "not_a_party", "unknown")
MEDIA_KINDS = {"outlet", "agency"}


def leader_statements(documents: list[dict], kb) -> dict[tuple[str, str], list[dict]]:
    """(state id, issue) -> the leader's statements on it, each with its stance, date and source."""
    out: dict[tuple[str, str], list[dict]] = {}
    for doc in documents:
        for st in doc.get("statements") or []:
            speaker = (st.get("speaker") or {}).get("id")
            state = (st.get("on_behalf_of") or {}).get("id")
            if not speaker or not state:
                continue
            if speaker not in leaders_at(kb, state, st.get("date")):
                continue
            for x in st.get("issues") or []:
                out.setdefault((state, x["issue"]), []).append(
                    {"stance": x["stance"], "date": st.get("date"), "source": doc.get("source"), "speaker_id": speaker,
                     "speaker": st["speaker"].get("name"), "content": (st.get("content") or "")[:120]})
    return out


def flags(positions: list[dict], said: dict[tuple[str, str], list[dict]], own: bool = False, kb=None) -> list[dict]:
    """Cause ``leader``: state-level positions opposite to what the state's leader said (``said``); with
    ``own``, only where the opposite is the leader's own position (his person-level row: the balance of all
    he said on the issue), not one statement of his that his others outweigh; with ``kb``, only what the
    leader in office at the position's latest evidence said (a position that changed with the leader is
    no contradiction: Washington's side on a question after a new president)."""
    person = {((p.get("actor") or {}).get("name"), p.get("issue")): p.get("stance")
              for p in positions if p.get("actor_level") == "person"}
    out = []
    for p in positions:
        if p.get("actor_level") != "state" or p.get("stance") not in OPPOSITE:
            continue
        key = ((p.get("actor") or {}).get("id"), p.get("issue"))
        leaders = current_leaders(kb, key[0], p)
        against = [s for s in said.get(key, []) if s["stance"] == OPPOSITE[p["stance"]]
                   and (not own or person.get((s["speaker"], p["issue"])) == s["stance"])
                   and (leaders is None or s.get("speaker_id") in leaders)]
        if against:
            out.append({"cause": "leader", "actor": p["actor"].get("name"), "issue": p["issue"],
                        "position": p["stance"], "leader_said": against})
    return out


def leaders_at(kb, state: str | None, date: str | None) -> set[str]:
    """Who holds one of LEADER_ROLES of ``state`` at ``date``."""
    return {kb.holder(r, state, date) for r in LEADER_ROLES} - {None}


def current_leaders(kb, state: str | None, position: dict) -> set[str] | None:
    """The leaders at the date of the position's latest evidence (None: no knowledge base or no date to tell)."""
    when = (position.get("last_evidence") or {}).get("date")
    if kb is None or not when:
        return None
    return leaders_at(kb, state, when)


def side_flags(positions: list[dict], weak_sides: dict) -> list[dict]:
    """Cause ``side``: state-level support of an issue whose codebook gives the actor the opposing side
    (``Codebook.weak_sides``: issue -> ((actor ids, side), ...))."""
    out = []
    for p in positions:
        actor = (p.get("actor") or {}).get("id")
        if p.get("actor_level") != "state" or not actor:
            continue
        for actors, side in weak_sides.get(p.get("issue"), ()):
            if actor in actors and OPPOSITE.get(side) == p.get("stance"):
                out.append({"cause": "side", "actor": p["actor"].get("name"), "issue": p["issue"],
                            "position": p["stance"], "codebook_side": side})
    return out


def party_flags(positions: list[dict], kb) -> list[dict]:
    """Causes ``not_a_party`` (a news outlet or agency, a person) and ``unknown`` (a name the knowledge base
    does not know) of state-level positions."""
    out = []
    for p in positions:
        if p.get("actor_level") != "state":
            continue
        actor = p.get("actor") or {}
        e = kb.get(actor.get("id")) if actor.get("id") else None
        if e is None:
            cause, why = "unknown", "not in the knowledge base"
        elif e.data.get("kind") in MEDIA_KINDS:
            cause, why = "not_a_party", f"a news {e.data['kind']}"
        elif kb.independent(e.id):
            cause, why = "not_a_party", f"an independent body ({e.data['kind']})"
        elif e.type == "PER":
            cause, why = "not_a_party", "a person"
        else:
            continue
        out.append({"cause": cause, "actor": actor.get("name"), "issue": p.get("issue"), "position": p.get("stance"),
                    "why": why, "statements": p.get("statements")})
    return out


def check(positions: list[dict], documents: list[dict], kb=None, codebook=None, causes=CAUSES) -> list[dict]:
    """Every flag of the causes asked for, in the order of CAUSES."""
    if kb is None:
        from garante.kb import KnowledgeBase
        kb = KnowledgeBase.load()
    if codebook is None:
        from garante.codebook import Codebook
        codebook = Codebook.load()
    out = []
    if "leader" in causes:
        out += flags(positions, leader_statements(documents, kb), own=True, kb=kb)
    if "side" in causes:
        out += side_flags(positions, codebook.weak_sides)
    if {"not_a_party", "unknown"} & set(causes):
        out += [f for f in party_flags(positions, kb) if f["cause"] in causes]
    return out


def describe(f: dict) -> list[str]:
    head = f"[{f['cause']}] {f['actor']} / {f['issue']}: position {f['position']}"
    if f["cause"] == "leader":
        return [head + ", but its leader said:"] + [
            f"  {s['date']} {s['speaker']} ({s['stance']}): {s['content']}  [{s['source']}]" for s in f["leader_said"]]
    if f["cause"] == "side":
        return [head + f", but the codebook gives it the side {f['codebook_side']}"]
    return [head + f" ({f['why']}; {f['statements']} statement(s))"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--export", required=True, help="folder written by `garante export`")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--causes", nargs="+", choices=CAUSES, default=list(CAUSES))
    a = ap.parse_args()
    folder = pathlib.Path(a.export)
    try:
        documents = [json.loads(x) for x in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
        positions = json.loads((folder / "positions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        sys.exit(f"{folder}: not a garante export ({e})")
    found = check(positions, documents, causes=a.causes)
    for f in found:
        print(json.dumps(f, ensure_ascii=False) if a.json else "\n".join(describe(f)))
    if not a.json:
        counts = {c: sum(f["cause"] == c for f in found) for c in a.causes}
        print(f"{len(found)} position(s) flagged for review: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
