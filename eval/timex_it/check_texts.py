"""Check the re-materialised texts of the Italian time set against sources.tsv (no network, no text in git).

    python3 eval/timex_it/check_texts.py [--tx /work/corpus_texts/timex_it] [--it /work/corpus_texts/it]

Prints one line per document whose text is missing or differs from the annotated one (by the first 16 hex
digits of its SHA-256), then runs ../shared/eval/reserved.py --text over all of them.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tx", type=Path, default=Path("/work/corpus_texts/timex_it"))
    ap.add_argument("--it", type=Path, default=Path("/work/corpus_texts/timex_it"))
    a = ap.parse_args(argv)
    bad, paths = 0, []
    with open(HERE / "sources.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            path = (a.tx if r["doc_id"].startswith("tx_") else a.it) / f"{r['doc_id']}.txt"
            if not path.exists():
                print(f"missing: {path} ({r['url']})")
                bad += 1
                continue
            paths.append(str(path))
            digest = hashlib.sha256(path.read_text(encoding="utf-8").encode()).hexdigest()[:16]
            if digest != r["sha256_16"]:
                print(f"differs: {r['doc_id']} (check its anchors in gold.tsv before scoring)")
                bad += 1
    reserved = HERE.parent.parent.parent / "shared" / "eval" / "reserved.py"
    if reserved.exists() and paths:
        out = subprocess.run([sys.executable, str(reserved), "--text", *paths], capture_output=True, text=True).stdout
        flagged = [ln for ln in out.splitlines() if not ln.startswith("ok")]
        print("\n".join(flagged) or "reserved.py: all ok")
        bad += len(flagged)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
