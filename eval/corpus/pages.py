"""The corpus texts as a user's input: one JSON Lines record a page with its URL (from sources.tsv), so
garante reads the outlet and the date a URL gives as it would on a real capture; and the export's
sources renamed back to the corpus file names the scorer matches on.

    python3 eval/corpus/pages.py jsonl GOLD.json OUT.jsonl [--texts /work/corpus_texts]
    python3 eval/corpus/pages.py rename GOLD.json EXPORT/documents.jsonl

GOLD.json is a (split) gold file of eval/corpus (its documents name their language in meta.language).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent


def _urls() -> dict[str, str]:
    """doc_id → URL, for every language of the corpus."""
    out = {}
    for tsv in sorted(CORPUS.glob("*/sources.tsv")):
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[row["doc_id"]] = row["url"]
    return out


def _language(doc: dict) -> str:
    lang = (doc.get("meta") or {}).get("language") or doc["file"].split("_")[0]
    return lang[:2]


def write_jsonl(gold: Path, out: Path, texts: Path) -> None:
    urls = _urls()
    with out.open("w", encoding="utf-8") as fh:
        for doc in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            src = texts / _language(doc) / doc["file"]
            if not src.is_file():
                sys.exit(f"pages.py: {src} is missing (re-materialise the texts: eval/corpus/materialise.md)")
            record = {"url": urls[doc["file"].removesuffix(".txt")], "text": src.read_text(encoding="utf-8")}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def rename(gold: Path, export: Path) -> None:
    """Rewrites the export's ``source`` (the URL) as the corpus file name, in place."""
    urls = _urls()
    files = {urls[d["file"].removesuffix(".txt")]: d["file"]
             for d in json.loads(gold.read_text(encoding="utf-8"))["documents"]}
    lines = []
    for line in export.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            doc["source"] = files.get(doc.get("source"), doc.get("source"))
            lines.append(json.dumps(doc, ensure_ascii=False))
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    j = sub.add_parser("jsonl")
    j.add_argument("gold", type=Path)
    j.add_argument("out", type=Path)
    j.add_argument("--texts", type=Path, default=Path("/work/corpus_texts"))
    r = sub.add_parser("rename")
    r.add_argument("gold", type=Path)
    r.add_argument("export", type=Path)
    a = ap.parse_args()
    if a.command == "jsonl":
        write_jsonl(a.gold, a.out, a.texts)
    else:
        rename(a.gold, a.export)


if __name__ == "__main__":
    main()
