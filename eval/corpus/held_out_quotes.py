#!/usr/bin/env python3
"""Finds wordings of held-out corpus texts in the repository: runs of N words (default 7) that occur in a
dev or test capture and in no train capture, inside the files given (tests, README, data). Rule writers
must not read held-out texts, and page texts are third-party: a test sentence or an example should be
written anew, with the same construction.

    python3 eval/corpus/held_out_quotes.py tests/*.py README.md          # file, held-out documents, runs
    python3 eval/corpus/held_out_quotes.py --show tests/test_statements.py   # and the runs themselves

Texts from /work/corpus_texts (or --texts); standard library only.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORD = re.compile(r"\w+")


def runs(text: str, n: int) -> set[str]:
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def held_out_runs(texts: pathlib.Path, n: int) -> dict[str, set[str]]:
    """Each run of the dev and test captures that no train capture has: the documents holding it."""
    splits = json.loads((ROOT / "eval" / "corpus" / "splits.json").read_text(encoding="utf-8"))["splits"]
    held: dict[str, set[str]] = collections.defaultdict(set)
    train: set[str] = set()
    for lang, parts in splits.items():
        for part, ids in parts.items():
            for doc in ids:
                path = texts / lang / f"{doc}.txt"
                if not path.is_file():
                    continue
                found = runs(path.read_text(encoding="utf-8"), n)
                if part == "train":
                    train |= found
                else:
                    for r in found:
                        held[r].add(doc)
    return {r: docs for r, docs in held.items() if r not in train}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--texts", default="/work/corpus_texts")
    ap.add_argument("-n", type=int, default=7, help="words in a run")
    ap.add_argument("--show", action="store_true", help="print the runs found")
    a = ap.parse_args()
    held = held_out_runs(pathlib.Path(a.texts), a.n)
    for name in a.files:
        found = sorted(r for r in runs(pathlib.Path(name).read_text(encoding="utf-8"), a.n) if r in held)
        if not found:
            continue
        docs = sorted({d for r in found for d in held[r]})
        print(f"{name}: {len(found)} runs from {', '.join(docs)}")
        if a.show:
            for r in found:
                print(f"    {r}")


if __name__ == "__main__":
    main()
