"""Fetched English corpora → spaCy DocBins for training and evaluation (nothing here is committed data).

Fetch first (the search tool's ``fetch``), which leaves bare git mirrors under /work/.mirror:
  UniversalDependencies/UD_English-EWT (CC BY-SA 4.0), UniversalNER/UNER_English-EWT (CC BY-SA 4.0),
  optionally a copy of the CoNLL-2003 English test split (Reuters texts: research use only, for a reported
  figure, never trained on), e.g. ViktorooReps/sp-test-task conll2003/test.txt (--conll2003 REPO:PATH)

    python scripts/train/en/prepare.py [--mirrors /work/.mirror] [--out /work/train_data/en]

A snapshot lacks en_ewt-ud-train.conllu (>= 4 MiB), so the train split is rebuilt the way EWT's own
not-to-release/tools/build.py does it: the per-document files of not-to-release/sources listed in
file-lists/files.train. Any sentence whose sent_id or text is in the released dev or test file is dropped
(the counts are printed), and the rebuilt dev and test must equal the released files byte for byte.

Tokens are EWT's syntactic words ("don't" = "do" + "n't"), as spaCy's English tokenizer splits them.
"""
from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from conllu_en import conll2003_docs, conllu_sentences, docs_from_sentences, ner_docs

EWT = "UniversalDependencies+UD_English-EWT"
UNER = "UniversalNER+UNER_English-EWT"


def git_show(repo: Path, path: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


def rebuild_split(repo: Path, split: str) -> str:
    names = git_show(repo, f"not-to-release/file-lists/files.{split}").split()
    return "".join(git_show(repo, f"not-to-release/sources/{name}") for name in names)


def held_out_keys(*texts: str) -> tuple[set[str], set[str]]:
    ids, sents = set(), set()
    for text in texts:
        for sent in conllu_sentences(text):
            ids.add(sent.sent_id)
            sents.add(sent.text)
    return ids, sents


def write_docbin(path: Path, docs) -> int:
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    db.to_disk(path)
    return len(db)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=Path("/work/train_data/en"))
    ap.add_argument("--conll2003", default="ViktorooReps+sp-test-task:conll2003/test.txt",
                    help="MIRROR:PATH of a CoNLL-2003 test file under --mirrors (skipped when absent)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ewt = args.mirrors / EWT / "repo"
    released = {s: git_show(ewt, f"en_ewt-ud-{s}.conllu") for s in ("dev", "test")}
    for split, text in released.items():
        if rebuild_split(ewt, split) != text:
            raise SystemExit(f"{ewt}: sources of {split} differ from en_ewt-ud-{split}.conllu; not the same release")
        (args.out / f"en_ewt-ud-{split}.conllu").write_text(text, encoding="utf-8")
    ids, texts = held_out_keys(*released.values())
    train, dropped = [], {"sent_id": 0, "text": 0}
    for sent in conllu_sentences(rebuild_split(ewt, "train")):
        if sent.sent_id in ids:
            dropped["sent_id"] += 1
        elif sent.text in texts:
            dropped["text"] += 1
        else:
            train.append(sent)
    nlp = spacy.blank("en")
    counts = {"train_sentences": len(train), "dropped_as_in_dev_or_test": dropped,
              "train_words": sum(len(s.words) for s in train)}
    counts["ud_train_docs"] = write_docbin(args.out / "ud_train.spacy", docs_from_sentences(nlp.vocab, train))
    for split, text in released.items():
        docs = docs_from_sentences(nlp.vocab, list(conllu_sentences(text)))
        counts[f"ud_{split}_docs"] = write_docbin(args.out / f"ud_{split}.spacy", docs)
    uner = args.mirrors / UNER / "repo"
    for split in ("dev", "test"):
        text = git_show(uner, f"en_ewt-ud-{split}.iob2")
        counts[f"ner_{split}_docs"] = write_docbin(args.out / f"ner_uner_{split}.spacy", ner_docs(nlp.vocab, text))
    mirror, _, path = args.conll2003.partition(":")
    if (args.mirrors / mirror / "repo").exists():
        text = git_show(args.mirrors / mirror / "repo", path)
        counts["ner_conll2003_test_docs"] = write_docbin(args.out / "ner_conll2003_test.spacy",
                                                         conll2003_docs(nlp.vocab, text))
    print(json.dumps(counts, indent=1))


if __name__ == "__main__":
    main()
