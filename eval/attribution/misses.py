"""Every gold statement of the annotated corpus that an export missed or gave the wrong speaker, shown
in its sentence with the statements garante made there: the material of an error analysis by cause.

    KEEP=/tmp/it_out bash eval/attribution/corpus.sh it        # an export of the train + dev documents
    .venv/bin/python eval/attribution/misses.py it /tmp/it_out  # misses and wrong speakers, in context

The gold is the split gold ``run.sh`` keeps beside the export (``KEEP/gold.json``: title-only statements
optional, as the scorer counts them), else the corpus gold. Only documents of the export are read (corpus.sh never exports the test split). The matching is the
shared scorer's (``../shared/eval/score.py``): anchor inside the content, or the content a large part
of the anchor, one prediction for one gold statement; a gold statement whose only match already serves
an earlier one (a content that runs over two statements) is shown as such.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _scorer():
    spec = importlib.util.spec_from_file_location("score", ROOT.parent / "shared" / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def sentence_of(body: str, anchor: str, bare) -> str:
    """The sentence (or line) of the body holding the anchor; the anchor itself if not found."""
    for line in body.split("\n"):
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý“«\"])", line):
            if bare(anchor)[:40] in bare(sent):
                return sent.strip()
    return anchor


def gold_beside(export: Path, lang: str) -> Path:
    """The split gold a KEEP folder holds beside its export (``run.sh``'s: a statement found only in the page's
    title is optional there, as the scorer counts it), else the corpus gold."""
    split = export.parent / "gold.json"
    if export.name == "out" and split.is_file():  # corpus.sh's KEEP is the export alone: no split gold there
        return split
    return ROOT / "eval" / "corpus" / lang / "gold.json"


def report(lang: str, export: Path, only: str = "") -> None:
    score = _scorer()
    gold = {d["file"]: d for d in json.load(open(gold_beside(export, lang)))["documents"]
            if d["file"].startswith(f"{lang}_")}
    for line in open(export / "documents.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        name = Path(doc["source"]).name
        g = gold.get(name)
        if g is None:
            continue
        preds = doc["statements"]
        taken = set()  # the scorer lets one prediction serve one gold statement
        for gs in g["statements"]:
            matching = [i for i, p in enumerate(preds) if score.statement_matches(p.get("content"), gs["anchor"])]
            hits = [preds[i] for i in matching if i not in taken]
            if hits:
                taken.add(max((i for i in matching if i not in taken), key=lambda i: (
                    score.name_matches(preds[i].get("speaker"), gs["speaker_aliases"]),
                    -len(preds[i].get("content") or ""))))
            speaker_ok = any(score.name_matches(p.get("speaker"), gs["speaker_aliases"]) for p in hits)
            if hits and speaker_ok or (not hits and not gs["required"]):
                continue
            what = "MISSED" if not hits else "SPEAKER"
            if not hits and matching:
                what = "MISSED (its match serves an earlier gold statement)"
            if only and only != what.split()[0].lower():
                continue
            sent = sentence_of(doc["body"], gs["anchor"], score.bare)
            print(f"== {gs['id']} {what} want {gs['speaker']!r} ({gs.get('speaker_kind')}, {gs['kind']})")
            print(f"   anchor: {gs['anchor']!r}")
            print(f"   sentence: {sent[:400]!r}")
            for p in hits or [p for p in preds if (p.get("content") or "")[:30] in sent]:
                sp = p.get("speaker") or {}
                print(f"   pred [{p.get('rule')}] {sp.get('name')!r} ({sp.get('kind')}, {sp.get('resolution')}) "
                      f"cue {p.get('cue')!r}: {(p.get('content') or '')[:120]!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lang", choices=["it", "en"])
    ap.add_argument("export", type=Path, help="a folder with documents.jsonl (garante export)")
    ap.add_argument("--only", choices=["missed", "speaker"], default="")
    args = ap.parse_args(argv)
    report(args.lang, args.export, args.only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
