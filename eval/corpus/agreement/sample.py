#!/usr/bin/env python3
"""Pick the documents of the inter-annotator agreement study (issue 13).

    python3 eval/corpus/agreement/sample.py      # prints the sample, writes sample.json

12 Italian and 12 English documents, drawn with a fixed seed from the TRAIN part of splits.json
only, among those whose gold has at least one statement. Only the number of statements of each
gold entry is read here, so the second annotator never sees the first one's annotation.
"""
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent
SEED = "garante-agreement-2026"
PER_LANGUAGE = 12


def annotated_train_ids(lang: str) -> list:
    """Train doc ids of one language whose gold has at least one statement, sorted."""
    train = set(json.loads((CORPUS / "splits.json").read_text())["splits"][lang]["train"])
    gold = json.loads((CORPUS / lang / "gold.json").read_text(encoding="utf-8"))
    ids = (pathlib.Path(d["file"]).stem for d in gold["documents"] if d.get("statements"))
    return sorted(i for i in ids if i in train)


def sample(lang: str) -> list:
    candidates = annotated_train_ids(lang)
    return sorted(random.Random(f"{SEED}:{lang}").sample(candidates, PER_LANGUAGE))


def main() -> int:
    out = {"seed": SEED, "part": "train", "per_language": PER_LANGUAGE,
           "documents": {lang: sample(lang) for lang in ("it", "en")}}
    (HERE / "sample.json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out["documents"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
