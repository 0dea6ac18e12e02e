#!/usr/bin/env python3
"""Stance recall, precision and F1 per issue and per language, the shared scorer's way (its matching
of statements, its reading of optional issues), from a gold file and a documents export.

    KEEP=/tmp/dev bash eval/stance/run.sh dev both
    python3 eval/stance/tables.py --gold /tmp/dev/gold.json --pred /tmp/dev/out/documents.jsonl [--markdown]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib

SCORER = pathlib.Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


def scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def match(g: dict, preds: list[dict], sc) -> tuple[list[tuple[dict, int | None]], set[int]]:
    """Each gold statement of a document with the index of the prediction the scorer pairs it with (None
    where none matches its anchor: the unused match whose speaker fits, then the shortest), and the
    indices used."""
    used: set[int] = set()
    pairs: list[tuple[dict, int | None]] = []
    for gs in g["statements"]:
        hits = [i for i, p in enumerate(preds) if i not in used and sc.statement_matches(p.get("content"), gs["anchor"])]
        best = max(hits, key=lambda i: (sc.name_matches(preds[i].get("speaker"), gs["speaker_aliases"]),
                                        -len(preds[i].get("content") or ""))) if hits else None
        if best is not None:
            used.add(best)
        pairs.append((gs, best))
    return pairs, used


def tally(gold: dict, pred: dict, sc) -> dict[tuple[str, str], list[int]]:
    """(table, key) -> [recall hits, gold pairs, precision hits, predicted pairs]."""
    t: dict[tuple[str, str], list[int]] = {}

    def add(issue: str, lang: str, slot: int, hit: bool) -> None:
        for key in (("issue", issue), ("language", lang), ("all", "all")):
            row = t.setdefault(key, [0, 0, 0, 0])
            row[slot] += int(hit)
            row[slot + 1] += 1

    for g in gold["documents"]:
        lang = g["meta"]["language"]
        preds = (pred.get(g["file"]) or {}).get("statements") or []
        pairs, used = match(g, preds, sc)
        for gs, best in pairs:
            if best is None:
                continue
            got = {(x["issue"], x["stance"]) for x in preds[best].get("issues") or []}
            for issue, stances in gs["issues"].items():
                add(issue, lang, 0, any(i == issue and s in stances for i, s in got))
            allowed = {**gs["issues"], **gs["optional_issues"]}
            for issue, stance in got:
                add(issue, lang, 2, issue in allowed and stance in allowed[issue])
        for i, p in enumerate(preds):
            named = not (isinstance(p.get("speaker"), dict) and p["speaker"].get("kind") in sc.UNNAMED_KINDS)
            if i not in used and named:
                for x in p.get("issues") or []:
                    add(x["issue"], lang, 2, False)
    return t


def render(t: dict, markdown: bool) -> str:
    lines = []
    for table in ("language", "issue", "all"):
        lines.append(f"| {table} | recall | precision | F1 | gold | predicted |" if markdown else f"\n{table}")
        if markdown:
            lines.append("|---|---|---|---|---|---|")
        for (kind, key), (rh, rn, ph, pn) in sorted(t.items()):
            if kind != table:
                continue
            r, p = (rh / rn if rn else 0.0), (ph / pn if pn else 0.0)
            f = 2 * p * r / (p + r) if p + r else 0.0
            cells = [key, f"{r:.2f}", f"{p:.2f}", f"{f:.2f}", str(rn), str(pn)]
            lines.append("| " + " | ".join(cells) + " |" if markdown else "  " + "  ".join(f"{c:>10}" for c in cells))
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    sc = scorer()
    gold = json.loads(pathlib.Path(a.gold).read_text(encoding="utf-8"))
    print(render(tally(gold, sc.load_pred(a.pred), sc), a.markdown))


if __name__ == "__main__":
    main()
