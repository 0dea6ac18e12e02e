#!/usr/bin/env python3
"""Stance errors by cause, the shared scorer's way (its matching of statements), from a gold file and a
documents export:

- gold (statement, issue) pairs on statements garante did not find (attribution's problem: the scorer
  leaves them out of stance recall, but positions lose them);
- on found statements: right; the issue never proposed (with or without a codebook cue of the issue
  in the content); proposed with the wrong side (gold -> predicted);
- extra stances: an issue the gold does not give the statement, or any stance on a statement the gold
  does not list (named speakers only, as the scorer counts), by the rule that made it.

    KEEP=/tmp/dev bash eval/stance/run.sh dev both
    .venv/bin/python eval/stance/errors.py --gold /tmp/dev/gold.json --pred /tmp/dev/out/documents.jsonl
    .venv/bin/python eval/stance/errors.py ... --show wrong     # list the cases of one cause (dev only)
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from tables import match, scorer  # noqa: E402


def _cue_issues(text: str, lang: str, codebook) -> set[str]:
    """The issues a codebook cue names in ``text``."""
    return {c.issue for c in codebook.cues(lang) if c.issue and c.pattern.search(text)}


def analyse(gold: dict, pred: dict, sc, codebook) -> tuple[collections.Counter, list[dict]]:
    counts: collections.Counter = collections.Counter()
    cases: list[dict] = []

    def case(cause: str, **kw) -> None:
        counts[cause] += 1
        cases.append({"cause": cause, **kw})

    for g in gold["documents"]:
        lang = g["meta"]["language"]
        preds = (pred.get(g["file"]) or {}).get("statements") or []
        pairs, used = match(g, preds, sc)
        for gs, best in pairs:
            if best is None:
                for issue in gs["issues"]:
                    case("statement missing" + ("" if gs["required"] else " (optional)"),
                         file=g["file"], anchor=gs["anchor"], issue=issue, want=gs["issues"][issue])
                continue
            ps = preds[best]
            got = {x["issue"]: x for x in ps.get("issues") or []}
            content = ps.get("content") or ""
            named = _cue_issues(content, lang, codebook)
            info = {"file": g["file"], "anchor": gs["anchor"], "content": content[:300], "lang": lang}
            for issue, want in gs["issues"].items():
                x = got.get(issue)
                if x is None:
                    cause = "issue not proposed, cue in content" if issue in named else "issue not proposed, no cue"
                    case(cause, issue=issue, want=want, got=sorted(got), **info)
                elif x["stance"] in want:
                    case("right", issue=issue, rule=x.get("rule"), **info)
                else:
                    case(f"wrong side {'/'.join(want)} -> {x['stance']}", issue=issue, want=want,
                         got=x["stance"], rule=x.get("rule"), **info)
            allowed = {**gs["issues"], **gs["optional_issues"]}
            for issue, x in got.items():
                if issue not in allowed:
                    case(f"extra issue ({_rule(x)})", issue=issue, got=x["stance"], rule=x.get("rule"),
                         want=sorted(gs["issues"]), **info)
                elif issue not in gs["issues"] and x["stance"] not in allowed[issue]:
                    case(f"extra optional, wrong side ({_rule(x)})", issue=issue, got=x["stance"], **info)
        for i, ps in enumerate(preds):
            unnamed = isinstance(ps.get("speaker"), dict) and ps["speaker"].get("kind") in sc.UNNAMED_KINDS
            if i in used or unnamed:
                continue
            for x in ps.get("issues") or []:
                case(f"stance on a statement not in the gold ({_rule(x)})", file=g["file"], issue=x["issue"],
                     got=x["stance"], rule=x.get("rule"), content=(ps.get("content") or "")[:300],
                     speaker=(ps.get("speaker") or {}).get("name"))
    return counts, cases


def _rule(x: dict) -> str:
    return "model" if x.get("rule") == "model" else "rules"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--show", help="print the cases whose cause contains this text")
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    from garante.codebook import Codebook
    sc = scorer()
    gold = json.loads(pathlib.Path(a.gold).read_text(encoding="utf-8"))
    counts, cases = analyse(gold, sc.load_pred(a.pred), sc, Codebook.load())
    if a.show:
        for c in cases:
            if a.show in c["cause"]:
                print(json.dumps(c, ensure_ascii=False))
        return
    if a.markdown:
        print("| cause | pairs |\n|---|---|")
    for cause, n in sorted(counts.items(), key=lambda kv: (kv[0].split(" ")[0], -kv[1])):
        print(f"| {cause} | {n} |" if a.markdown else f"{n:5d}  {cause}")


if __name__ == "__main__":
    main()
