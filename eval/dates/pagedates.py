"""garante's page date (``published``) on the pages of ``pagedates_dev.tsv`` against the date a reader
finds in each page (its text and address), or "none" where the page gives none.

    PYTHONPATH=src .venv/bin/python eval/dates/pagedates.py TEXTS [--full] [--list]

TEXTS is the folder of the saved page texts, one ``<id>.txt`` a page (never committed; see README.md,
"pagedates_dev"). Each page goes in as a user's JSON Lines record with its URL. Without ``--full`` only the
cleaning step runs (the date the page's furniture and address give); ``--full`` runs the whole pipeline,
so the dates the time layer infers from the text (``inferred:…``) count too.

A page is right when the predicted date is the listed one, or none where "none" is listed; a wrong date
(another day, or a date on a page listed "none") is counted apart from a missing one: a wrong date is worse.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIST = HERE / "pagedates_dev.tsv"


def rows(path: Path = LIST) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def predict(texts: Path, listed: list[dict], full: bool) -> dict[str, tuple[str | None, str | None]]:
    from garante.ingest import read_jsonl
    from garante.clean import clean
    pipe = None
    if full:
        from garante.pipeline import default_pipeline
        pipe = default_pipeline()
    out = {}
    for r in listed:
        f = texts / f"{r['id']}.txt"
        if not f.is_file():
            continue
        record = json.dumps({"url": r["url"], "text": f.read_text(encoding="utf-8")}, ensure_ascii=False)
        capture = next(c for c in read_jsonl(r["id"], record.encode(), 10 ** 7) if hasattr(c, "raw"))
        doc = clean(capture)
        if pipe is not None:
            doc = pipe(doc)
        out[r["id"]] = (doc.meta.get("published"), doc.meta.get("published_source"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", type=Path)
    ap.add_argument("--full", action="store_true", help="run the whole pipeline, not the cleaning step alone")
    ap.add_argument("--list", action="store_true", help="list every page, not only the wrong and missing ones")
    a = ap.parse_args()
    listed = rows()
    pred = predict(a.texts, listed, a.full)
    if not pred:
        sys.exit(f"pagedates.py: no page texts under {a.texts} (README.md, 'pagedates_dev')")
    counts = Counter()
    for r in listed:
        if r["id"] not in pred:
            counts["text missing"] += 1
            continue
        want = None if r["date"] == "none" else r["date"]
        got, source = pred[r["id"]]
        got = str(got) if got else None
        verdict = "right" if got == want else ("missing" if got is None else "wrong")
        counts[verdict] += 1
        counts[f"{verdict} ({'dated' if want else 'none'})"] += 1
        if a.list or verdict != "right":
            print(f"{verdict:8} {r['id']}  want {want or 'none':10} got {got or 'none':10} {source or ''}  | {r['anchor']}")
    n = sum(counts[k] for k in ("right", "wrong", "missing"))
    print(f"pages {n}: right {counts['right']} ({counts['right'] / n:.3f}), wrong {counts['wrong']}, "
          f"missing {counts['missing']}; dated pages right {counts['right (dated)']} of "
          f"{counts['right (dated)'] + counts['wrong (dated)'] + counts['missing (dated)']}, undated pages "
          f"given a date {counts['wrong (none)']}" + (f"; {counts['text missing']} texts missing" if counts["text missing"] else ""))


if __name__ == "__main__":
    main()
