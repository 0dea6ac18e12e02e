#!/usr/bin/env python3
"""Flags, for review, a state whose position opposes an issue that its own leader's statements support
(or the reverse): the absurd positions one misread statement can produce.

    .venv/bin/python eval/stance/flag_positions.py --export out/           # documents.jsonl + positions.json
    .venv/bin/python eval/stance/flag_positions.py --export out/ --json    # one JSON object a line

A leader is whoever holds one of LEADER_ROLES of the state at the statement's date (knowledge base).
Exit status 1 when something is flagged.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

LEADER_ROLES = ("president", "prime_minister", "chancellor", "head_of_state", "head_of_government")
OPPOSITE = {"support": "oppose", "oppose": "support"}


def leader_statements(documents: list[dict], kb) -> dict[tuple[str, str], list[dict]]:
    """(state id, issue) -> the leader's statements on it, each with its stance, date and source."""
    out: dict[tuple[str, str], list[dict]] = {}
    for doc in documents:
        for st in doc.get("statements") or []:
            speaker = (st.get("speaker") or {}).get("id")
            state = (st.get("on_behalf_of") or {}).get("id")
            if not speaker or not state:
                continue
            if speaker not in {kb.holder(r, state, st.get("date")) for r in LEADER_ROLES}:
                continue
            for x in st.get("issues") or []:
                out.setdefault((state, x["issue"]), []).append(
                    {"stance": x["stance"], "date": st.get("date"), "source": doc.get("source"),
                     "speaker": st["speaker"].get("name"), "content": (st.get("content") or "")[:120]})
    return out


def flags(positions: list[dict], said: dict[tuple[str, str], list[dict]]) -> list[dict]:
    out = []
    for p in positions:
        if p.get("actor_level") != "state" or p.get("stance") not in OPPOSITE:
            continue
        key = ((p.get("actor") or {}).get("id"), p.get("issue"))
        against = [s for s in said.get(key, []) if s["stance"] == OPPOSITE[p["stance"]]]
        if against:
            out.append({"actor": p["actor"].get("name"), "issue": p["issue"], "position": p["stance"],
                        "leader_said": against})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--export", required=True, help="folder written by `garante export`")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    folder = pathlib.Path(a.export)
    try:
        documents = [json.loads(x) for x in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
        positions = json.loads((folder / "positions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        sys.exit(f"{folder}: not a garante export ({e})")
    from garante.kb import KnowledgeBase
    found = flags(positions, leader_statements(documents, KnowledgeBase.load()))
    for f in found:
        if a.json:
            print(json.dumps(f, ensure_ascii=False))
            continue
        print(f"{f['actor']} / {f['issue']}: position {f['position']}, but its leader said:")
        for s in f["leader_said"]:
            print(f"  {s['date']} {s['speaker']} ({s['stance']}): {s['content']}  [{s['source']}]")
    if not a.json:
        print(f"{len(found)} position(s) flagged for review")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
