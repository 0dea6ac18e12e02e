#!/usr/bin/env python3
"""The position cells of a split of the annotated corpus, right and wrong, each wrong one with its cause
(issue 13): what the aggregation could fix and what lies upstream of it.

    .venv/bin/python eval/stance/position_cells.py dev --available --texts /work/texts20dev \\
        --docs-from /tmp/read_files.txt --cache /tmp/dev_e2e.json          # counts per cause
    ... --show                                                             # and each wrong cell, with the
                                                                           # gold's statements and garante's evidence

The split goes through the pipeline once (scripts/train/stance/e2e.py, the shipped stance model; ``--cache``
keeps the analysed split for the next call); the cells are derived from the documents of ``--docs-from``
alone, as e2e.py derives them. Causes of a wrong cell:

  no row: statement missed     no garante statement holds the anchor of any gold statement behind the cell
  no row: on_behalf_of         garante has the statement, but speaking for another actor (or none)
  no row: stance missing       garante has the statement for the actor, with no stance on the issue
  wrong side: latest right     the balance of the actor's latest-dated evidence (the date the gold's rule
                               reads, GUIDE section 6) is a side the gold accepts: older evidence outweighs it
  wrong side: outweighed       some evidence of the actor has a right side, outweighed (not the latest)
  wrong side: no right stance  none of garante's stances for the actor on the issue is one the gold accepts
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
import e2e  # noqa: E402
from split_gold import TEXTS, _agreement_positions  # noqa: E402  (e2e put eval/stance on the path)

CAUSES = ("no row: statement missed", "no row: on_behalf_of", "no row: stance missing",
          "wrong side: latest right", "wrong side: outweighed", "wrong side: no right stance")


def evidence_rows(e: "e2e.EndToEnd", stances: list, files: set[str] | None) -> list[dict]:
    """The positions' evidence rows of the documents ``files`` (all: None), as EndToEnd.score makes them."""
    rows = []
    for k, item in enumerate(e.items):
        if files is None or e.file_of.get(item["doc"]) in files:
            rows += [{**e.rows[item["sid"]], "issue": x[0], "stance": x[1], "confidence": x[2], "stance_rule": x[3],
                      "evidence_start": None, "evidence_end": None} for x in stances[k]]
    rows.sort(key=lambda r: (r["when"], r["document_id"], r["statement_id"]))
    return rows


def tentative_stances(e: "e2e.EndToEnd", probs: list, new) -> list:
    """Per statement, its tentative stances (issue, stance, confidence, "tentative") as StanceModel.stances
    keeps them aside: an issue the rules did not give, P(about) under ``new`` and at least the
    ``tentative_floor`` of data/positions.yaml."""
    from garante.extract.authority import settings
    from garante.extract.stance_model import by_language
    floor = settings()["tentative"]
    return [[(issue, side, round(pa * ps, 3), "tentative") for issue, rule, pa, side, ps in row
             if rule is None and floor <= pa < by_language(new, e.lang_of.get(item["doc"]), issue=issue)]
            for item, row in zip(e.items, probs)]


def cells(e: "e2e.EndToEnd", stances: list, files: set[str] | None = None, tentative: list | None = None) -> list[dict]:
    """Every gold position cell of the documents ``files``: actor, issue, want, got, cause (None when right),
    the gold statements behind it and the evidence of garante's row. ``tentative``: per statement, its
    tentative stances (``tentative_stances``; None: none)."""
    from garante.analyse.positions import positions
    sc, agree = e.scorer, _agreement_positions()
    gold = e.gold_slim if files is None else e2e.subset(e.gold_slim, files)
    rows = evidence_rows(e, stances, files)
    pos = positions(None, rows, evidence_rows(e, tentative, files) if tentative else [])
    by_statement: dict[int, list[dict]] = {}
    for r in rows:
        by_statement.setdefault(r["statement_id"], []).append(r)
    out = []
    for gp in gold["positions"]:
        matching = [p for p in pos if p["issue"] == gp["issue"] and sc.name_matches(p["actor"], gp["actor_aliases"])]
        got = matching[-1]["stance"] if matching else None
        behind = [(d, s) for d in gold["documents"] for s in agree._counted(d)
                  if agree.actor_name(s) == gp["actor"] and gp["issue"] in s["issues"]]
        cell = {"actor": gp["actor"], "issue": gp["issue"], "want": gp["stance"], "got": got, "cause": None,
                "gold": [{"file": d["file"], "day": agree.statement_day(s, d), "speaker": s.get("speaker"),
                          "stances": s["issues"][gp["issue"]], "anchor": s.get("anchor")} for d, s in behind],
                "evidence": []}
        if matching:
            ids = {x["statement_id"] for x in matching[-1]["evidence"]}
            cell["evidence"] = [r for r in rows if r["statement_id"] in ids and r["issue"] == gp["issue"]]
            if matching[-1].get("tentative"):
                cell["evidence"] = [r for r in evidence_rows(e, tentative, files)
                                    if r["statement_id"] in ids and r["issue"] == gp["issue"]]
        if got not in gp["stance"]:
            cell["cause"] = _cause(e, gp, behind, cell["evidence"], by_statement) if not matching else _side(gp, cell["evidence"])
        out.append(cell)
    return out


def _cause(e, gp, behind, evidence, by_statement) -> str:
    """Why a cell has no row: the furthest stage any of its gold statements reached in garante."""
    sc = e.scorer
    stage = 0
    for d, s in behind:
        rec = e.slim.get(d["file"]) or {}
        ks = e.by_doc.get(rec.get("store_id"), [])
        for st, k in zip(rec.get("statements", []), ks):
            if not sc.statement_matches(st.get("content"), s.get("anchor") or ""):
                continue
            stage = max(stage, 1)
            if sc.name_matches(st.get("on_behalf_of"), gp["actor_aliases"]):
                stage = max(stage, 2)
    return CAUSES[stage]


def _side(gp, evidence: list[dict]) -> str:
    """Why a row has the wrong side: the gold's rule on garante's evidence, then any right stance."""
    if not evidence:
        return CAUSES[5]
    from garante.analyse.positions import _balance, _weighted
    last = max(r["when"] for r in evidence)
    totals: dict[str, float] = {}
    for r in evidence:
        if r["when"] == last:
            totals[r["stance"]] = totals.get(r["stance"], 0.0) + _weighted(r)
    if _balance(totals, {k: last for k in totals}) in gp["stance"]:
        return CAUSES[3]
    return CAUSES[4] if any(r["stance"] in gp["stance"] for r in evidence) else CAUSES[5]


def show(cell: dict) -> str:
    lines = [f"{cell['actor']} / {cell['issue']}: want {cell['want']}, got {cell['got']}  [{cell['cause']}]"]
    lines += [f"  gold    {g['day'] or '-':10} {g['file']} {g['speaker']} {g['stances']}: {g['anchor']}" for g in cell["gold"]]
    lines += [f"  garante {r['when'] or '-':10} {r['speaker']} for {r['actor_state']}: {r['stance']} "
              f"c={r['confidence']} w={r['weight']} {r['stance_rule']}: {(r['content'] or '')[:100]!r}" for r in cell["evidence"]]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=["train", "dev", "test"])
    ap.add_argument("--lang", nargs="+", default=["it", "en"])
    ap.add_argument("--texts", default=str(TEXTS))
    ap.add_argument("--available", action="store_true", help="leave out the documents whose capture is missing")
    ap.add_argument("--docs-from", help="a file naming the documents whose cells to derive, one file name a line")
    ap.add_argument("--cache", help="a JSON file keeping the analysed split (read when present, else written)")
    ap.add_argument("--show", action="store_true", help="list each wrong cell")
    ap.add_argument("--json", action="store_true", help="every cell, one JSON object a line")
    a = ap.parse_args()
    cache = pathlib.Path(a.cache) if a.cache else None
    if cache and cache.is_file():
        e = e2e.EndToEnd.from_json(json.loads(cache.read_text(encoding="utf-8")))
    else:
        e = e2e.EndToEnd.build(a.split, tuple(a.lang), pathlib.Path(a.texts), available=a.available)
        if cache:
            cache.write_text(json.dumps(e.to_json(), ensure_ascii=False), encoding="utf-8")
    from garante.extract.stance_model import MODEL
    model = json.loads(pathlib.Path(MODEL).read_text(encoding="utf-8"))
    probs = e.probabilities(model)
    stances = e.decide(probs, model.get("threshold_new", 1.0), model.get("threshold_drop", 0.0))
    tentative = tentative_stances(e, probs, model.get("threshold_new", 1.0))
    files = None
    if a.docs_from:
        files = {f.strip() for f in pathlib.Path(a.docs_from).read_text(encoding="utf-8").split() if f.strip()}
    found = cells(e, stances, files, tentative)
    if a.json:
        for c in found:
            print(json.dumps({k: v for k, v in c.items() if k != "evidence"} | {"evidence": [
                {k: r[k] for k in ("when", "speaker", "actor_state", "stance", "confidence", "weight", "stance_rule")}
                for r in c["evidence"]]}, ensure_ascii=False))
        return
    wrong = [c for c in found if c["cause"]]
    print(f"positions {len(found) - len(wrong)} / {len(found)} right")
    for cause in CAUSES:
        print(f"  {sum(c['cause'] == cause for c in wrong):3d}  {cause}")
    if a.show:
        for c in sorted(wrong, key=lambda c: (CAUSES.index(c["cause"]), c["actor"], c["issue"])):
            print("\n" + show(c))


if __name__ == "__main__":
    main()
