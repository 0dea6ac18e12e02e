#!/usr/bin/env python3
"""Writes the corpus texts from saved search answers and checks them (materialise.md, steps 2-3).

    python3 eval/corpus/materialise.py RAW_DIR [--texts /work/corpus_texts] [--ids FILE]
    python3 eval/corpus/materialise.py --check [--texts /work/corpus_texts]

RAW_DIR holds one file per document, ``<doc_id>.json``: the excerpt as the JSON string literal the
search tool printed (quotes and escapes as shown; copying the literal is far less error-prone than
copying the decoded text), or ``<doc_id>.txt``: the text itself. Each is decoded into
``TEXTS/<lang>/<doc_id>.txt`` and compared with the ``sha256_16`` of ``<lang>/sources.tsv``. A text whose
hash differs (the stored copy changed since it was annotated) is still written, and every gold anchor of
the document is looked for in it with the scorer's normalisation: a missing anchor is a gold error to
fix before scoring, not a miss of garante's. ``--check`` does the same on the texts already in TEXTS.

Prints one line per document that is not exact (``differs``, ``anchors missing``, ``missing``,
``bad literal``) and a summary; exits 1 when a document is missing or has a missing anchor.
Standard library and the shared scorer only.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pathlib
import sys

CORPUS = pathlib.Path(__file__).resolve().parent
SCORER = CORPUS.parents[2] / "shared" / "eval"


def sources() -> dict[str, dict]:
    """doc_id -> its sources.tsv row, every language."""
    out = {}
    for tsv in sorted(CORPUS.glob("*/sources.tsv")):
        with tsv.open(encoding="utf-8", newline="") as fh:
            out.update({r["doc_id"]: r for r in csv.DictReader(fh, delimiter="\t")})
    return out


def gold_anchors() -> dict[str, list[str]]:
    """doc_id -> the anchors of its gold statements."""
    out = {}
    for path in sorted(CORPUS.glob("*/gold.json")):
        for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            out[doc["file"].removesuffix(".txt")] = [s["anchor"] for s in doc["statements"]]
    return out


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decoded(raw_dir: pathlib.Path, doc_id: str) -> str | None:
    """The text saved for ``doc_id`` in ``raw_dir`` (a JSON literal or the text), None if none.
    Raises ValueError for a literal that does not parse."""
    literal, plain = raw_dir / f"{doc_id}.json", raw_dir / f"{doc_id}.txt"
    if literal.is_file():
        try:
            text = json.loads(literal.read_text(encoding="utf-8").strip())
        except json.JSONDecodeError as e:
            raise ValueError(f"{literal}: not a JSON string literal ({e})") from None
        if not isinstance(text, str):
            raise ValueError(f"{literal}: a JSON {type(text).__name__}, not a string")
        return text
    return plain.read_text(encoding="utf-8") if plain.is_file() else None


def exact_variant(text: str, want: str) -> str | None:
    """``text``, or it with its trailing newline handled as copies often differ, if its hash is ``want``."""
    return next((v for v in (text, text.rstrip("\n"), text + "\n") if digest(v) == want), None)


def missing_anchors(text: str, anchors: list[str]) -> list[str]:
    sys.path.insert(0, str(SCORER))
    from score import norm  # the scorer's own normalisation: what it will match on
    body = norm(text)
    return [a for a in anchors if norm(a) not in body]


def check(doc_id: str, text: str, row: dict, anchors: list[str]) -> tuple[str, str]:
    """(text to write, problem or '')."""
    exact = exact_variant(text, row.get("sha256_16", ""))
    if exact is not None:
        return exact, ""
    lost = missing_anchors(text, anchors)
    if lost:
        return text, f"anchors missing ({len(lost)}): " + "; ".join(lost[:3])
    return text, "differs (every anchor found)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("raw", nargs="?", type=pathlib.Path, help="folder of <doc_id>.json / <doc_id>.txt")
    ap.add_argument("--texts", type=pathlib.Path, default=pathlib.Path("/work/corpus_texts"))
    ap.add_argument("--ids", type=pathlib.Path, help="only the doc ids listed in this file (one a line)")
    ap.add_argument("--check", action="store_true", help="check the texts already written")
    a = ap.parse_args(argv)
    if not a.check and a.raw is None:
        ap.error("give RAW_DIR, or --check")
    rows, anchors = sources(), gold_anchors()
    ids = sorted(rows) if a.ids is None else a.ids.read_text(encoding="utf-8").split()
    counts = {"exact": 0, "differs": 0, "failed": 0}
    for doc_id in ids:
        row = rows.get(doc_id)
        if row is None:
            print(f"{doc_id}: not in any sources.tsv")
            counts["failed"] += 1
            continue
        dst = a.texts / doc_id.split("_")[0] / f"{doc_id}.txt"
        try:
            text = dst.read_text(encoding="utf-8") if a.check else decoded(a.raw, doc_id)
        except (OSError, ValueError) as e:
            print(f"{doc_id}: bad literal: {e}" if isinstance(e, ValueError) else f"{doc_id}: missing ({e})")
            counts["failed"] += 1
            continue
        if text is None:
            print(f"{doc_id}: missing")
            counts["failed"] += 1
            continue
        text, problem = check(doc_id, text, row, anchors.get(doc_id, []))
        if not a.check:
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(text, encoding="utf-8")
        if problem:
            print(f"{doc_id}: {problem}")
        counts["failed" if problem.startswith("anchors") else "differs" if problem else "exact"] += 1
    print(f"{len(ids)} documents: {counts['exact']} exact, {counts['differs']} differ with every anchor found, "
          f"{counts['failed']} missing or with anchors missing")
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
