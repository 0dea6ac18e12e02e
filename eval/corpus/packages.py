#!/usr/bin/env python3
"""Splits the re-materialisation work (materialise.md) into packages of search queries, one per helper.

    python3 eval/corpus/packages.py OUT_DIR [--parts 6] [--splits dev test] [--texts /work/corpus_texts]

Each query of ``<lang>/sources.tsv`` is one search; the rows that share it come back from that one search.
Only the queries with at least one row of ``--splits`` whose text is not yet in ``--texts`` are packaged
(dev and test first: a machine that can search only part of the queries can still develop and report),
balanced by the number of such rows. ``OUT_DIR/package_<k>.tsv`` holds ``n, query, doc_id, split, url``
for every row of its queries (rows of other splits are saved too when the search brings them: they cost
no look-up). Prints the number of queries, the look-ups they cost and the rows they bring back.
Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import json
import pathlib

CORPUS = pathlib.Path(__file__).resolve().parent


def split_of() -> dict[str, str]:
    splits = json.loads((CORPUS / "splits.json").read_text(encoding="utf-8"))["splits"]
    return {f.removesuffix(".txt"): part for parts in splits.values() for part, files in parts.items() for f in files}


def queries(texts: pathlib.Path) -> dict[tuple[str, str], list[dict]]:
    """(language, query) -> its rows still missing in ``texts``, with their split, in sources.tsv order."""
    split, out = split_of(), {}
    for tsv in sorted(CORPUS.glob("*/sources.tsv")):
        lang = tsv.parent.name
        with tsv.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if not (texts / lang / f"{row['doc_id']}.txt").is_file():
                    out.setdefault((lang, row["query"]), []).append({**row, "split": split.get(row["doc_id"], "-")})
    return out


def packages(todo: dict[tuple[str, str], list[dict]], parts: int, splits: set[str]) -> list[list[tuple[str, str]]]:
    """The queries with a row of ``splits``, in ``parts`` packages balanced by those rows (largest first)."""
    wanted = lambda key: sum(r["split"] in splits for r in todo[key])  # noqa: E731
    keys = sorted((k for k in todo if wanted(k)), key=lambda k: (-wanted(k), k))
    out, load = [[] for _ in range(parts)], [0] * parts
    for key in keys:
        i = load.index(min(load))
        out[i].append(key)
        load[i] += wanted(key)
    return [p for p in out if p]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--parts", type=int, default=6)
    ap.add_argument("--splits", nargs="+", default=["dev", "test"])
    ap.add_argument("--texts", type=pathlib.Path, default=pathlib.Path("/work/corpus_texts"))
    a = ap.parse_args(argv)
    todo = queries(a.texts)
    a.out.mkdir(parents=True, exist_ok=True)
    made = packages(todo, a.parts, set(a.splits))
    for k, keys in enumerate(made, 1):
        with (a.out / f"package_{k}.tsv").open("w", encoding="utf-8") as fh:
            fh.write("n\tquery\tdoc_id\tsplit\turl\n")
            for n, key in enumerate(keys, 1):
                fh.writelines(f"{n}\t{key[1]}\t{r['doc_id']}\t{r['split']}\t{r['url']}\n" for r in todo[key])
    rows = sum(len(todo[key]) for keys in made for key in keys)
    wanted = sum(r["split"] in a.splits for keys in made for key in keys for r in todo[key])
    print(f"{len(made)} packages: {sum(map(len, made))} queries (look-ups), {wanted} rows of {'+'.join(a.splits)}, "
          f"{rows} rows in all")


if __name__ == "__main__":
    main()
