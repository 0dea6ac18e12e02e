"""Fetched Italian corpora → spaCy DocBins for training and evaluation (nothing here is committed data).

Fetch first (the search tool's ``fetch``), which leaves bare git mirrors under /work/.mirror:
  UniversalDependencies/UD_Italian-{ISDT,ParTUT,VIT,PoSTWITA,MarkIT,TWITTIRO}, dhfbk/KIND,
  Babelscape/wikineural

    python scripts/train/it/prepare.py [--mirrors /work/.mirror] [--out /work/train_data/it]

The ISDT test file never enters training; it is written alone to ud_test_isdt.spacy.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpora import conllu_docs, labelled_docs  # noqa: E402

# (repository, file, licence); the train files of ISDT, VIT and PoSTWITA are not in a fetch snapshot (>= 4 MiB)
UD_TRAIN = [
    ("UD_Italian-ParTUT", "it_partut-ud-train.conllu", "CC BY-NC-SA 4.0"),
    ("UD_Italian-ParTUT", "it_partut-ud-test.conllu", "CC BY-NC-SA 4.0"),
    ("UD_Italian-VIT", "it_vit-ud-dev.conllu", "CC BY-NC-SA 3.0"),
    ("UD_Italian-VIT", "it_vit-ud-test.conllu", "CC BY-NC-SA 3.0"),
    ("UD_Italian-MarkIT", "it_markit-ud-train.conllu", "CC BY 4.0"),
    ("UD_Italian-MarkIT", "it_markit-ud-dev.conllu", "CC BY 4.0"),
    ("UD_Italian-MarkIT", "it_markit-ud-test.conllu", "CC BY 4.0"),
    ("UD_Italian-PoSTWITA", "it_postwita-ud-dev.conllu", "CC BY-NC-SA 4.0"),
    ("UD_Italian-PoSTWITA", "it_postwita-ud-test.conllu", "CC BY-NC-SA 4.0"),
    ("UD_Italian-TWITTIRO", "it_twittiro-ud-train.conllu", "CC BY-SA 4.0"),
    # the only ISDT sentences we may train on (its train file is absent): the closest to the ISDT test
    ("UD_Italian-ISDT", "it_isdt-ud-dev.conllu", "CC BY-NC-SA 3.0"),
]
UD_DEV = [("UD_Italian-ParTUT", "it_partut-ud-dev.conllu", "CC BY-NC-SA 4.0"),
          ("UD_Italian-TWITTIRO", "it_twittiro-ud-dev.conllu", "CC BY-SA 4.0")]
UD_TEST = [("UD_Italian-ISDT", "it_isdt-ud-test.conllu", "CC BY-NC-SA 3.0")]

# KIND (CC BY-NC 4.0; De Gasperi CC BY-NC-SA 4.0): the EVALITA 2023 splits. Their dev files are the original
# KIND test files; we develop on the EVALITA dev of fiction and De Gasperi and on a held-out tenth of the
# WikiNews train, and only report on every test.
NER_TRAIN = ["evalita-2023/WN_train.tsv", "evalita-2023/FIC_train.tsv", "evalita-2023/ADG_train.tsv"]
NER_DEV = ["evalita-2023/FIC_dev.tsv", "evalita-2023/ADG_dev.tsv"]
# WikiNEuRal's Italian train file is not in a snapshot (>= 4 MiB): its validation and test files are
# used as training data (we report nothing on them)
WIKINEURAL = ["data/wikineural/it/val.conllu", "data/wikineural/it/test.conllu"]
NER_TESTS = {"wn_test": "evalita-2023/WN_test.tsv", "wn_kind_test": "evalita-2023/WN_dev.tsv",
             "fic_test": "evalita-2023/FIC_test.tsv", "adg_test": "evalita-2023/ADG_test.tsv"}


def git_show(mirror: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(mirror), "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


def ud_docbin(nlp, mirrors: Path, files) -> tuple[DocBin, int]:
    db, n = DocBin(store_user_data=False), 0
    for repo, name, _ in files:
        text = git_show(mirrors / f"UniversalDependencies+{repo}" / "repo", name)
        tmp = Path("/tmp") / name
        tmp.write_text(text, encoding="utf-8")
        for doc in conllu_docs(nlp.vocab, tmp):
            db.add(doc)
            n += len(list(doc.sents))
        tmp.unlink()
    return db, n


def ner_docbin(nlp, kind: Path, files, keep=lambda i: True) -> tuple[DocBin, int]:
    db, n = DocBin(store_user_data=False), 0
    for name in files:
        for i, doc in enumerate(labelled_docs(nlp.vocab, io.StringIO(git_show(kind, name)))):
            if keep(i):
                db.add(doc)
                n += 1
    return db, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=Path("/work/train_data/it"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("it")
    counts = {}
    for name, files in (("ud_train", UD_TRAIN), ("ud_dev", UD_DEV), ("ud_test_isdt", UD_TEST)):
        db, counts[name] = ud_docbin(nlp, args.mirrors, files)
        db.to_disk(args.out / f"{name}.spacy")
    kind = args.mirrors / "dhfbk+KIND" / "repo"
    db, counts["ner_train"] = ner_docbin(nlp, kind, NER_TRAIN[:1], keep=lambda i: i % 10 != 0)
    more, n = ner_docbin(nlp, kind, NER_TRAIN[1:])
    db.merge(more)
    counts["ner_train"] += n
    wikineural = args.mirrors / "Babelscape+wikineural" / "repo"
    for name in WIKINEURAL:  # Wikipedia sentences, names from Wikipedia links (CC BY-NC-SA 4.0)
        more, n = ner_docbin(nlp, wikineural, [name])
        db.merge(more)
        counts["ner_train"] += n
    db.to_disk(args.out / "ner_train.spacy")
    db, counts["ner_dev"] = ner_docbin(nlp, kind, NER_TRAIN[:1], keep=lambda i: i % 10 == 0)
    more, n = ner_docbin(nlp, kind, NER_DEV)
    db.merge(more)
    counts["ner_dev"] += n
    db.to_disk(args.out / "ner_dev.spacy")
    for name, path in NER_TESTS.items():
        db, counts[name] = ner_docbin(nlp, kind, [path])
        db.to_disk(args.out / f"ner_{name}.spacy")
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
