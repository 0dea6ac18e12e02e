#!/usr/bin/env python3
"""Where the issue of a missed stance was named, for the cases ``errors.py`` lists as "issue not proposed, no
cue" (the statement's content names no issue): in the same speaker's statement just before (same paragraph or
across a paragraph break; near or far), in the text just before the statement (said by no statement of that
speaker), further back, just after, elsewhere in the document, or nowhere a codebook cue reaches. For each class:
how many of its statements have a stance word of their own (``stances._STRONG``), and whether the gold side
equals the side of the same speaker's statement before. Read-half files only (the cases list and the export).

    .venv/bin/python eval/stance/errors.py --gold G --pred P --show "issue not proposed, no cue" > /tmp/cases.jsonl
    .venv/bin/python eval/stance/antecedents.py /tmp/cases.jsonl P [--show CLASS]
"""
from __future__ import annotations

import argparse
import collections
import json

from garante.codebook import Codebook
from garante.extract.stances import _STRONG, _first, lexicon


def _speaker(s: dict) -> str | None:
    sp = s.get("speaker") or {}
    return sp.get("id") or sp.get("name")


def classify(case: dict, doc: dict, named) -> tuple[str, dict | None, dict | None]:
    """(class, the statement, the same speaker's statement before) of one case."""
    text, sts, issue, lang = doc["text"], doc["statements"], case["issue"], case["lang"]
    idx = next((i for i, s in enumerate(sts) if s["content"][:300] == case["content"]), None)
    if idx is None:
        return "statement not found in the export", None, None
    s = sts[idx]
    prev = [p for p in sts[:idx] if _speaker(p) == _speaker(s)]
    p = prev[-1] if prev else None
    if p is not None and (named(p["content"], lang, issue) or any(x["issue"] == issue for x in p.get("issues") or [])):
        para = "across a paragraph break" if "\n" in text[p["end"]:s["start"]] else "same paragraph"
        near = "near" if s["start"] - p["end"] < 200 else "far"
        return f"same speaker's statement before ({para}, {near})", s, p
    if named(text[max(0, s["start"] - 300):s["start"]], lang, issue):
        return "the 300 characters before (no statement of the speaker)", s, p
    if named(text[max(0, s["start"] - 1200):s["start"]], lang, issue):
        return "300 to 1200 characters before", s, p
    if named(text[s["end"]:s["end"] + 300], lang, issue):
        return "right after", s, p
    if named(text, lang, issue):
        return "elsewhere in the document", s, p
    return "named by no cue", s, p


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", help="errors.py --show 'issue not proposed, no cue' output (JSON lines)")
    ap.add_argument("pred", help="the documents export (documents.jsonl) the cases were listed from")
    ap.add_argument("--show", help="list the cases of the classes starting with this text")
    args = ap.parse_args()
    codebook = Codebook.load()
    cues: dict[str, list] = {}

    def named(text: str, lang: str, issue: str) -> bool:
        cues.setdefault(lang, codebook.cues(lang))
        return any(c.issue == issue and c.pattern.search(text) for c in cues[lang])

    docs = {}
    with open(args.pred, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs[d["source"]] = d
    counts: collections.Counter = collections.Counter()
    cued: collections.Counter = collections.Counter()
    same_side: collections.Counter = collections.Counter()
    with open(args.cases, encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            cls, s, p = classify(case, docs[case["file"]], named)
            counts[cls] += 1
            if s is not None:
                lex, t = lexicon(case["lang"]), s["content"]
                cued[cls] += any(_first(lex[k], t, 0, len(t)) is not None for k in _STRONG)
            before = {x["issue"]: x["stance"] for x in (p or {}).get("issues") or []}
            same_side[cls] += before.get(case["issue"]) in case["want"]
            if args.show and cls.startswith(args.show) and s is not None:
                print(f"== {case['file']} {case['issue']} want {case['want']} | {_speaker(s)} ({s['kind']})")
                print("   before:", docs[case["file"]]["text"][max(0, s["start"] - 300):s["start"]].replace("\n", " / "))
                print("   content:", s["content"][:250])
    print(f"{'cases':>5} {'own cue':>7} {'side as before':>14}  class")
    for cls, n in counts.most_common():
        print(f"{n:5d} {cued[cls]:7d} {same_side[cls]:14d}  {cls}")


if __name__ == "__main__":
    main()
