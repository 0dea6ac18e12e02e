"""Document bootstrap of the statement and stance figures (how much 24 documents can tell).

Each document is scored on its own with the shared scorer's score_doc; resampling the documents with
replacement (fixed seed) gives a 90% interval of each F1.
"""
import random

KEYS = ("statement_recall", "statement_precision", "stance_recall", "stance_precision")


def doc_counts(gold_docs: list, pred_by_file: dict, scorer) -> list:
    """Per document: {key: (hits, total)} for the keys above."""
    out = []
    for g in gold_docs:
        t = scorer.Tally()
        scorer.score_doc(g, pred_by_file.get(g["file"], {}), t, [])
        out.append({k: (t.num.get(k, 0), t.den.get(k, 0)) for k in KEYS})
    return out


def f1_of(counts: list, what: str) -> float:
    r = [sum(c[f"{what}_recall"][i] for c in counts) for i in (0, 1)]
    p = [sum(c[f"{what}_precision"][i] for c in counts) for i in (0, 1)]
    recall, precision = (r[0] / r[1] if r[1] else 0.0), (p[0] / p[1] if p[1] else 0.0)
    return 2 * recall * precision / (recall + precision) if recall + precision else 0.0


def interval(counts: list, what: str, rounds: int = 2000, seed: int = 13) -> tuple:
    """The 5th and 95th percentile of the F1 over resampled document sets."""
    rng = random.Random(seed)
    values = sorted(f1_of([rng.choice(counts) for _ in counts], what) for _ in range(rounds))
    return values[int(0.05 * rounds)], values[int(0.95 * rounds) - 1]
