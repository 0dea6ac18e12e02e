#!/usr/bin/env python3
"""Gold (statement, issue) pairs that no codebook cue of the issue names in the statement's sentence or
the sentence before, with that context: the pairs to review under GUIDE.md section 4a (a statement
takes the article's issue only where its words, or a word pointing back, name it).

    .venv/bin/python eval/stance/uncued.py train dev --lang it en > /tmp/uncued.tsv

Prints one line a pair: doc, statement id, issue, stances, speaker, required/optional issue, context.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "stance"))
_END = re.compile(r"[.!?…][\"”»’]?\s+|\n+")


def context(text: str, anchor: str) -> tuple[int, int] | None:
    """The anchor's sentence and the one before (by punctuation), as offsets."""
    norm = " ".join(anchor.split())
    i = text.find(norm)
    if i < 0:
        i = " ".join(text.split()).find(norm)  # the scorer's whitespace normalisation: approximate place
        if i < 0:
            return None
    ends = [m.end() for m in _END.finditer(text, 0, i)]
    start = ends[-2] if len(ends) > 1 else 0
    m = _END.search(text, i + len(norm))
    return start, (m.start() + 1 if m else len(text))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("splits", nargs="+")
    ap.add_argument("--lang", nargs="+", default=["it", "en"])
    ap.add_argument("--texts", default="/work/corpus_texts")
    a = ap.parse_args()
    from split_gold import split_ids
    from garante.codebook import Codebook
    book = Codebook.load()
    for lang in a.lang:
        gold = json.loads((ROOT / "eval" / "corpus" / lang / "gold.json").read_text(encoding="utf-8"))
        ids = set().union(*(split_ids(lang, s) for s in a.splits))
        cues = book.cues(lang)
        for doc in gold["documents"]:
            doc_id = doc["file"].rsplit(".", 1)[0]
            if doc_id not in ids:
                continue
            text = (pathlib.Path(a.texts) / lang / doc["file"]).read_text(encoding="utf-8")
            for st in doc["statements"]:
                span = context(text, st["anchor"])
                for kind, issues in (("req", st["issues"]), ("opt", st.get("optional_issues") or {})):
                    for issue, stances in issues.items():
                        if span and any(c.issue == issue and c.pattern.search(text, *span) for c in cues):
                            continue
                        ctx = " ".join(text[span[0]:span[1]].split()) if span else "?"
                        print("\t".join([doc_id, st["id"], issue, "/".join(stances), st["speaker"], kind,
                                         str(st["required"]), ctx[:500]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
