#!/usr/bin/env python3
"""Fixed, seeded split of the corpus documents into train / dev / test (60 / 20 / 20).

    python3 eval/corpus/split.py            # writes eval/corpus/splits.json
    python3 eval/corpus/split.py --check    # fails if splits.json is out of date

Each language (a folder with a sources.tsv) is split on its own. Doc ids are <lang>_<number>; the
numbers fall in blocks of five, and a seeded shuffle of each block gives three places to train, one
to dev, one to test. A document's part depends only on the seed, its language and its number, so
adding documents, dropping one, or adding another language never moves an existing document to
another part: the test part stays untouched.
"""
import csv
import hashlib
import json
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEED = "garante-corpus-2026"
PARTS = ("train", "dev", "test")
BLOCK = ("train", "train", "train", "dev", "test")  # 60 / 20 / 20 in every block of five


def part_of(lang: str, doc_id: str) -> str:
    """The part of one document: its place in the seeded shuffle of its block of five."""
    m = re.fullmatch(r"[a-z]+_(\d+)", doc_id)
    if not m:
        raise ValueError(f"doc_id {doc_id!r} is not <lang>_<number>")
    number = int(m.group(1))
    block = list(BLOCK)
    seed = int(hashlib.sha256(f"{SEED}:{lang}:{number // 5}".encode()).hexdigest()[:16], 16)
    random.Random(seed).shuffle(block)
    return block[number % 5]


def doc_ids(sources: pathlib.Path) -> list:
    with sources.open(encoding="utf-8", newline="") as f:
        ids = [row["doc_id"] for row in csv.DictReader(f, delimiter="\t") if row.get("doc_id")]
    return sorted(ids, key=lambda doc_id: (len(doc_id), doc_id))  # by number: en_999 before en_1000


def splits() -> dict:
    out = {}
    for sources in sorted(HERE.glob("*/sources.tsv")):
        lang = sources.parent.name
        parts = {name: [] for name in PARTS}
        for doc_id in doc_ids(sources):
            parts[part_of(lang, doc_id)].append(doc_id)
        out[lang] = parts
    return out


def main() -> int:
    data = {"seed": SEED, "fractions": {"train": 0.6, "dev": 0.2, "test": 0.2},
            "method": "per language, blocks of five doc numbers, seeded shuffle: 3 train, 1 dev, 1 test",
            "splits": splits()}
    text = json.dumps(data, indent=1) + "\n"
    target = HERE / "splits.json"
    if "--check" in sys.argv[1:]:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("splits.json is up to date" if same else "splits.json is out of date: rerun split.py")
        return 0 if same else 1
    target.write_text(text, encoding="utf-8")
    for lang, parts in data["splits"].items():
        print(lang, {name: len(ids) for name, ids in parts.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
