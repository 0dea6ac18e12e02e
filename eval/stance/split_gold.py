#!/usr/bin/env python3
"""Writes the gold file of one split of the annotated corpus (eval/corpus/<lang>/gold.json filtered to
the split's documents) and lists the split's captures, for eval/stance/run.sh and the training script.

    python3 eval/stance/split_gold.py dev --lang it en --out /tmp/dev.json --list /tmp/dev.txt

The split comes from eval/corpus/splits.json (made by eval/corpus/split.py; a provisional split by hash
where a language has none).
A split's positions are derived from its own documents by GUIDE.md section 6
(eval/corpus/agreement/positions.py; the default since 2026-12-06). ``--corpus-positions`` (run.sh:
CORPUS_POSITIONS=1) keeps the figures before that comparable: the corpus-wide cells of the gold that a gold
statement of the split's documents speaks to (same issue, actor among the statement's speaker or
on-behalf-of aliases), whose stance is that of the actor's latest statement in the whole corpus; it may
lie in another split, so about one cell in ten could not be won from the split's own documents.
Statements anchored only in the page's title are optional (since 2026-12-06): the corpus guide lists
headline statements, the seeds' gold does not; ``--headline-statements required`` (run.sh:
HEADLINES=required) scores them as the gold says.
Standard library only.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "eval" / "corpus"
TEXTS = pathlib.Path("/work/corpus_texts")


def split_ids(lang: str, split: str) -> set[str]:
    """The document ids of a split ("all": every annotated document)."""
    gold = json.loads((CORPUS / lang / "gold.json").read_text(encoding="utf-8"))
    every = {d["file"].rsplit(".", 1)[0] for d in gold["documents"]}
    if split == "all":
        return every
    path = CORPUS / "splits.json"  # {"splits": {lang: {"train": [...], "dev": [...], "test": [...]}}}
    splits = json.loads(path.read_text(encoding="utf-8")).get("splits", {}).get(lang) if path.is_file() else None
    if splits is None:
        print(f"WARNING: {path} has no split for {lang}: a provisional split by hash of the document id",
              file=sys.stderr)
        splits = provisional(every)
    if split not in splits:
        sys.exit(f"{path}: no split {split!r} (has {sorted(splits)})")
    return set(splits[split]) & every


def provisional(ids: set[str]) -> dict[str, list[str]]:
    """60/20/20 by a hash of the id, until the corpus ships its own splits.json."""
    out: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for i in sorted(ids):
        h = int(hashlib.sha1(i.encode()).hexdigest(), 16) % 10
        out["train" if h < 6 else "dev" if h < 8 else "test"].append(i)
    return out


def _speaks_to(position: dict, statements: list[dict]) -> bool:
    aliases = {a.lower() for a in position["actor_aliases"]}
    for s in statements:
        if position["issue"] not in s["issues"]:
            continue
        names = [*(s.get("speaker_aliases") or []), *(s.get("on_behalf_of") or [])]
        if aliases & {n.lower() for n in names}:
            return True
    return False


def own_positions(docs: list[dict]) -> list[dict]:
    """The positions of these documents alone, by the rule of GUIDE.md section 6."""
    return _agreement_positions().derive_positions(docs)


@functools.lru_cache(maxsize=None)
def _agreement_positions():
    """eval/corpus/agreement/positions.py, loaded by its path once (a top-level name "positions" on
    sys.path could be another module)."""
    spec = importlib.util.spec_from_file_location("corpus_agreement_positions", CORPUS / "agreement" / "positions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_gold(langs: list[str], split: str, texts: pathlib.Path = TEXTS, own: bool = True,
               headlines: str = "optional", available: bool = False) -> tuple[dict, list[pathlib.Path]]:
    """The split's gold and its captures. A missing capture stops the run, unless ``available``: then its
    document is left out (gold, positions and all) and counted in the gold's ``missing_captures``."""
    docs, positions, files, missing = [], [], [], []
    for lang in langs:
        gold = json.loads((CORPUS / lang / "gold.json").read_text(encoding="utf-8"))
        ids = split_ids(lang, split)
        mine = [d for d in gold["documents"] if d["file"].rsplit(".", 1)[0] in ids]
        absent = [d["file"] for d in mine if not (texts / lang / d["file"]).is_file()]
        if absent and not available:
            sys.exit(f"{texts / lang / absent[0]}: capture missing (re-materialise it, see "
                     f"eval/corpus/materialise.md; --available scores the documents present)")
        missing += absent
        mine = [d for d in mine if d["file"] not in absent]
        files += [texts / lang / d["file"] for d in mine]
        if headlines == "optional":
            mine = [headline_statements_optional(d, (texts / lang / d["file"]).read_text(encoding="utf-8"))
                    for d in mine]
        statements = [s for d in mine for s in d["statements"]]
        docs += mine
        positions += own_positions(mine) if own else [p for p in gold.get("positions", []) if _speaks_to(p, statements)]
    return {"version": 1, "about": f"split {split} of {'+'.join(langs)}", "documents": docs,
            "positions": positions, "positions_from": "own documents" if own else "corpus",
            "headline_statements": headlines, "missing_captures": len(missing)}, files


def headline_statements_optional(doc: dict, text: str) -> dict:
    """The document with its headline-only statements optional: those whose anchor occurs only inside the
    page's title (meta.title). The corpus guide lists them as required, the seeds' gold does not list
    them at all ("Russia, Lavrov: «...»"): optional, neither convention is counted for or against."""
    title = (doc["meta"].get("title") or "").strip()
    at = text.find(title) if title else -1
    if at < 0:
        return doc
    span = (at, at + len(title))

    def headline_only(anchor: str) -> bool:
        hits, i = [], text.find(anchor) if anchor else -1
        while i >= 0:
            hits.append(i)
            i = text.find(anchor, i + 1)
        return bool(hits) and all(span[0] <= i and i + len(anchor) <= span[1] for i in hits)

    statements = [{**s, "required": False} if s.get("required") and headline_only(s.get("anchor", "")) else s
                  for s in doc["statements"]]
    return {**doc, "statements": statements}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=["train", "dev", "test", "all"])
    ap.add_argument("--lang", nargs="+", default=["it", "en"])
    ap.add_argument("--out", required=True, help="gold file to write")
    ap.add_argument("--list", help="file to write the captures' paths into, one a line")
    ap.add_argument("--texts", default=str(TEXTS), help="folder of <lang>/<doc_id>.txt captures")
    ap.add_argument("--corpus-positions", action="store_true",
                    help="the corpus-wide cells the split's statements speak to (the figures before 2026-12-06) "
                         "instead of the positions of the split's own documents")
    ap.add_argument("--own-positions", action="store_true", help="the default (kept for older commands)")
    ap.add_argument("--available", action="store_true",
                    help="leave out the documents whose capture is missing (counted) instead of stopping")
    ap.add_argument("--headline-statements", choices=["optional", "required"], default="optional",
                    help="statements anchored only in the page's title: optional (the default since 2026-12-06: the "
                         "corpus guide lists them, the seeds' gold does not) or required as the gold says")
    a = ap.parse_args()
    gold, files = split_gold(a.lang, a.split, pathlib.Path(a.texts), not a.corpus_positions, a.headline_statements,
                             a.available)
    pathlib.Path(a.out).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    if a.list:
        pathlib.Path(a.list).write_text("".join(f"{p}\n" for p in files), encoding="utf-8")
    gone = f", {gold['missing_captures']} left out (capture missing)" if gold["missing_captures"] else ""
    print(f"{a.split}: {len(gold['documents'])} documents, {len(gold['positions'])} positions{gone}", file=sys.stderr)


if __name__ == "__main__":
    main()
