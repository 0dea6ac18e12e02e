#!/usr/bin/env python3
"""Scores a kept export of eval/stance/run.sh by annotation round (eval/corpus/rounds.tsv), each also per
language, and optionally a round's documents by the parity of their number: the transfer check of the
eleventh session (rule writers read the even numbers of a round, a change is kept only if the odd ones,
never read, rise too).

    KEEP=/tmp/train bash eval/stance/run.sh train both
    python3 eval/stance/groups.py /tmp/train                    # older / night / eleventh, it and en
    python3 eval/stance/groups.py /tmp/train --halves night     # night_read (even) / night_check (odd)
    python3 eval/stance/groups.py /tmp/train --halves night eleventh   # each round halved, and all_read /
                                                                       # all_check pooling the halves

Standard library and the shared scorer only; the figures are the scorer's own, on the documents of each
group (positions are left out: a split's cells are not a group's).
"""
from __future__ import annotations

import argparse
import csv
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FIGURES = ("statement_recall", "statement_precision", "speaker_accuracy", "on_behalf_of_accuracy", "statement_date_accuracy", "meta_published",
           "stance_recall", "stance_precision", "stance_f1")


def rounds(path: pathlib.Path = ROOT / "eval" / "corpus" / "rounds.tsv") -> list[tuple[str, int, int, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["lang"], int(r["first"]), int(r["last"]), r["round"]) for r in csv.DictReader(f, delimiter="\t")]


def round_of(file: str, table: list[tuple[str, int, int, str]]) -> str | None:
    m = re.fullmatch(r"([a-z]+)_(\d+)\.txt", file)
    if not m:
        return None
    lang, number = m.group(1), int(m.group(2))
    return next((name for code, first, last, name in table if code == lang and first <= number <= last), None)


def groups(files: list[str], table, halves: list[str] | str | None = None) -> dict[str, set[str]]:
    """Group name -> documents: each round (and each round/language), a halved round as _read / _check;
    with two or more halved rounds also all_read / all_check, their halves pooled."""
    halves = [halves] if isinstance(halves, str) else list(halves or [])
    out: dict[str, set[str]] = {}
    for f in files:
        name = round_of(f, table)
        if name is None:
            continue
        keys = []
        if name in halves:
            half = "_read" if int(re.search(r"_(\d+)", f).group(1)) % 2 == 0 else "_check"
            name += half
            if len(halves) > 1:
                keys += [f"all{half}", f"all{half}/{f[:2]}"]
        for key in (name, f"{name}/{f[:2]}", *keys):
            out.setdefault(key, set()).add(f)
    return out


def score(gold: dict, preds: list[str], files: set[str]) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        g, p = pathlib.Path(tmp) / "gold.json", pathlib.Path(tmp) / "pred.jsonl"
        g.write_text(json.dumps({**gold, "documents": [d for d in gold["documents"] if d["file"] in files],
                                 "positions": []}), encoding="utf-8")
        p.write_text("".join(line for line in preds if pathlib.PurePath(json.loads(line)["source"]).name in files),
                     encoding="utf-8")
        out = subprocess.run([sys.executable, str(SCORER), "--gold", str(g), "--pred", str(p)],
                             capture_output=True, text=True, check=True).stdout
    return {line.split()[0]: line.split()[1] for line in out.splitlines() if line.split()[:1] and line.split()[0] in FIGURES}


def without_output(gold: dict, preds: list[str]) -> set[str]:
    """The gold documents the run gave no output for (a page the pipeline failed on): the scorer counts
    their statements as missed, so every figure of their group is lower than the rules make it."""
    done = {pathlib.PurePath(json.loads(line)["source"]).name for line in preds if line.strip()}
    return {d["file"] for d in gold["documents"]} - done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", help="a folder kept by run.sh (gold.json, out/documents.jsonl)")
    ap.add_argument("--halves", nargs="+", metavar="ROUND",
                    help="rounds whose documents are split into even (_read) and odd (_check) numbers")
    a = ap.parse_args()
    keep = pathlib.Path(a.keep)
    gold = json.loads((keep / "gold.json").read_text(encoding="utf-8"))
    preds = (keep / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    table = rounds()
    missing = without_output(gold, preds)
    if missing:
        print(f"warning: {len(missing)} documents have no output (failed in the pipeline?): counted as missed; "
              "their groups say so", file=sys.stderr)
    for name, files in sorted(groups([d["file"] for d in gold["documents"]], table, a.halves).items()):
        figures = score(gold, preds, files)
        failed = f" | {len(files & missing)} without output" if files & missing else ""
        print(f"{name:<20} {len(files):>4} docs | " + " ".join(f"{k} {v}" for k, v in figures.items()) + failed)


if __name__ == "__main__":
    main()
