"""Tokens per CPU-second of a pipeline on raw text, one thread (run with OMP_NUM_THREADS=1).

    python scripts/train/en/speed.py MODEL [MODEL...] --conllu /work/train_data/en/en_ewt-ud-test.conllu

Texts are the CoNLL-U sentences joined ten at a time. CPU time (process_time), not wall time, so a busy
shared machine does not change the figure much; the models are timed in the same run, best of --repeat.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conllu_en import conllu_sentences  # noqa: E402


def texts(conllu: Path, per_text: int = 10) -> list[str]:
    sents = [s.text for s in conllu_sentences(conllu.read_text(encoding="utf-8"))]
    return [" ".join(sents[i:i + per_text]) for i in range(0, len(sents), per_text)]


def tokens_per_cpu_second(nlp, batch: list[str], repeat: int) -> tuple[float, int]:
    best = float("inf")
    n = 0
    for _ in range(repeat):
        start = time.process_time()
        n = sum(len(doc) for doc in nlp.pipe(batch, batch_size=32))
        best = min(best, time.process_time() - start)
    return n / best, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--conllu", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    batch = texts(args.conllu)
    for name in args.models:
        nlp = spacy.load(name)
        rate, n = tokens_per_cpu_second(nlp, batch, args.repeat)
        print(f"{name}\t{n} tokens\t{rate:,.0f} tokens/CPU-s")


if __name__ == "__main__":
    main()
