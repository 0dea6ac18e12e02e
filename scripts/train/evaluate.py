"""Score a pipeline on gold DocBins written by a prepare script: the text is tokenised and analysed
by the pipeline, then aligned with the gold tokens (as in the CoNLL 2018 evaluation, tokenisation
errors count against every figure). Prints one JSON object.

    python scripts/train/evaluate.py src/garante/data/models/it_garante \
        ud_test_isdt=/work/train_data/it/ud_test_isdt.spacy ner_wn_test=/work/train_data/it/ner_wn_test.spacy
    python scripts/train/evaluate.py MODEL --speed /work/train_data/it/ud_test_isdt.spacy

UD figures: token_acc, pos_acc (UPOS), morph_acc, lemma_acc, dep_uas, dep_las. NER: exact-span micro
ents_p/ents_r/ents_f and per type. Speed: tokens per second on one core over the set's texts.
"""
from __future__ import annotations

import argparse
import json
import os
import time

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

KEYS = ("token_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "ents_p", "ents_r", "ents_f")


def score(nlp, path: str) -> dict:
    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold]
    is_ner = all(not d.has_annotation("DEP") for d in gold)
    disabled = [p for p in nlp.pipe_names if p != "ner"] if is_ner else ["ner"]
    with nlp.select_pipes(disable=[p for p in disabled if p in nlp.pipe_names]):
        scores = nlp.evaluate(examples)
    out = {k: round(scores[k], 4) for k in KEYS if scores.get(k) is not None}
    if is_ner:
        out = {k: v for k, v in out.items() if k.startswith("ents")}
        out["per_type"] = {t: {k: round(v, 4) for k, v in s.items()}
                           for t, s in (scores.get("ents_per_type") or {}).items()}
    else:
        out = {k: v for k, v in out.items() if not k.startswith("ents")}
    out["docs"] = len(gold)
    out["tokens"] = sum(len(d) for d in gold)
    return out


def speed(nlp, path: str, repeat: int = 2) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = [d.text for d in DocBin().from_disk(path).get_docs(nlp.vocab)]
    list(nlp.pipe(texts[:20]))  # warm-up
    best = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        best = max(best, n / (time.perf_counter() - t0))
    return {"tokens_per_s_one_core": round(best)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("sets", nargs="*", help="name=path.spacy")
    ap.add_argument("--speed", help="a .spacy file whose texts are timed")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    result = {name: score(nlp, path) for name, path in (s.split("=", 1) for s in args.sets)}
    if args.speed:
        result["speed"] = speed(nlp, args.speed)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
