"""Train the attribution scorer (``garante/extract/attribution/scorer.py``) on our own annotated corpus.

Candidates are the parsed frames a language does not keep by default (objects, infinitives, obliques,
nouns, "secondo"/"according to") and the weak cues of the wordnet lexicon; garante makes them on the
corpus documents, and each is labelled by the shared scorer's matching rule (``statement_matches``): a
candidate is right where it matches a gold statement that none of the default statements matches. A
logistic regression (numpy, L2) learns from the train split of eval/corpus (both languages: the gold
statements are our own annotation); each language's threshold is the one that makes the statement F1
on the dev split highest (none kept where no threshold beats the default frames by MIN_GAIN). The test split is
never read.

    .venv/bin/python scripts/attribution/train_scorer.py                 # writes data/models/attribution/
    .venv/bin/python scripts/attribution/train_scorer.py --dry-run       # figures only
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "eval" / "corpus"
OUT = ROOT / "src" / "garante" / "data" / "models" / "attribution" / "attribution_scorer.json"
UNNAMED = {"group", "anonymous"}
MIN_GAIN = 0.005  # a language keeps candidates only where they raise its dev F1 by more than this (not noise)


def _score_module():
    spec = importlib.util.spec_from_file_location("score", ROOT.parent / "shared" / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Recorder:
    """A scorer that keeps every candidate and remembers its features, in the order they are made."""
    def __init__(self):
        self.feats: list[dict] = []

    def keep(self, feats: dict, lang: str) -> tuple[bool, float]:
        self.feats.append(feats)
        return True, 0.5


def _urls() -> dict[str, str]:
    out = {}
    for tsv in sorted(CORPUS.glob("*/sources.tsv")):
        with tsv.open(encoding="utf-8") as fh:
            out.update({row["doc_id"]: row["url"] for row in csv.DictReader(fh, delimiter="\t")})
    return out


def collect(lang: str, split: str, texts: Path) -> list[dict]:
    """Per document: the gold statements, the default statements and the candidates with features."""
    from garante.ingest import Capture
    from garante.pipeline import Context, Pipeline
    ids = set(json.loads((CORPUS / "splits.json").read_text())["splits"][lang][split])
    gold = [d for d in json.loads((CORPUS / lang / "gold.json").read_text())["documents"]
            if d["file"].removesuffix(".txt") in ids]
    recorder, urls = Recorder(), _urls()
    pipeline = Pipeline(Context(options={"attribution_scorer": recorder}))
    out = []
    for g in gold:
        url = urls[g["file"].removesuffix(".txt")]
        text = (texts / lang / g["file"]).read_text(encoding="utf-8")
        recorder.feats = []
        doc = pipeline.analyse_capture(Capture(source=url, raw=text, format="text", hints={"url": url},
                                               container="jsonl"))
        cands = [st for st in doc.statements if "p_attribution" in st.attrs]
        assert len(cands) == len(recorder.feats), g["file"]
        out.append({"file": g["file"], "lang": lang, "gold": g["statements"],
                    "base": [_view(st) for st in doc.statements if "p_attribution" not in st.attrs],
                    "cands": [dict(_view(st), feats=f) for st, f in zip(cands, recorder.feats)]})
    return out


def _view(st) -> dict:
    return {"content": st.content, "speaker": st.speaker_name, "kind": st.attrs.get("speaker_kind"),
            "rule": st.rule}


def label(docs: list[dict], score) -> None:
    """Each candidate's label (a gold statement none of the default ones matches) and speaker check;
    each document's default counts (matched gold, counted predictions, required gold)."""
    for d in docs:
        required = [g for g in d["gold"] if g.get("required", True)]
        open_gold = [g for g in required
                     if not any(score.statement_matches(b["content"], g["anchor"]) for b in d["base"])]
        d["tp0"] = len(required) - len(open_gold)
        d["g"] = len(required)
        d["p0"] = sum(1 for b in d["base"] if b["kind"] not in UNNAMED
                      or any(score.statement_matches(b["content"], g["anchor"]) for g in d["gold"]))
        for c in d["cands"]:
            hit = next((g for g in open_gold if score.statement_matches(c["content"], g["anchor"])), None)
            c["y"] = int(hit is not None)
            c["gold_id"] = hit["id"] if hit else None
            c["speaker_ok"] = bool(hit) and score.name_matches(c["speaker"], hit.get("speaker_aliases") or [])


def vectorise(cands: list[dict], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(cands), len(vocab)))
    for i, c in enumerate(cands):
        for k, v in c["feats"].items():
            if k in vocab:
                x[i, vocab[k]] = v
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    """Logistic regression by gradient descent with an L2 penalty (not on the bias, column 0)."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]]
        w -= lr * grad
    return w


def f1_at(docs: list[dict], probs: dict[int, float], threshold: float) -> tuple[float, dict]:
    """The statement F1 of the default statements plus the candidates with P >= threshold (a gold one
    matched once: the scorer's one-to-one)."""
    tp = sum(d["tp0"] for d in docs)
    n_pred = sum(d["p0"] for d in docs)
    n_gold = sum(d["g"] for d in docs)
    sp = kept = 0
    for d in docs:
        used = set()
        for c in d["cands"]:
            if probs[id(c)] < threshold:
                continue
            kept += 1
            if c["y"] and c["gold_id"] not in used:
                used.add(c["gold_id"])
                tp, n_pred, sp = tp + 1, n_pred + 1, sp + c["speaker_ok"]
            elif c["kind"] not in UNNAMED:
                n_pred += 1
    p, r = tp / max(1, n_pred), tp / max(1, n_gold)
    return (2 * p * r / (p + r) if p + r else 0.0), {"p": round(p, 3), "r": round(r, 3), "kept": kept,
                                                      "new_right": tp - sum(d["tp0"] for d in docs),
                                                      "new_speaker_ok": sp}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=Path("/work/corpus_texts"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/attribution_candidates.json"))
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--drop", default="", help="leave out features starting with these (comma-separated)")
    args = ap.parse_args(argv)
    score = _score_module()
    if args.cache.is_file():
        data = json.loads(args.cache.read_text())
    else:
        data = {f"{lang}/{split}": collect(lang, split, args.texts) for lang in ("it", "en") for split in ("train", "dev")}
        args.cache.write_text(json.dumps(data, ensure_ascii=False))
    for docs in data.values():
        label(docs, score)
    train = [c for lang in ("it", "en") for d in data[f"{lang}/train"] for c in d["cands"]]
    drop = tuple(x for x in args.drop.split(",") if x)
    names = sorted({k for c in train for k in c["feats"] if not (drop and k.startswith(drop))} - {"bias"})
    vocab = {"bias": 0, **{k: i + 1 for i, k in enumerate(names)}}
    y = np.array([c["y"] for c in train], dtype=float)
    w = fit(vectorise(train, vocab), y, args.l2)
    print(f"train: {len(train)} candidates, {int(y.sum())} right; {len(vocab)} features", file=sys.stderr)
    thresholds, figures = {}, {}
    for lang in ("it", "en"):
        for split in ("train", "dev"):
            docs = data[f"{lang}/{split}"]
            cands = [c for d in docs for c in d["cands"]]
            p = 1 / (1 + np.exp(-np.clip(vectorise(cands, vocab) @ w, -30, 30))) if cands else []
            probs = {id(c): float(pi) for c, pi in zip(cands, p)}
            base, _ = f1_at(docs, probs, 2.0)
            grid = [(f1_at(docs, probs, t)[0], -t) for t in np.arange(0.3, 0.96, 0.05)]
            if split == "dev":
                best, neg_t = max(grid)
                t = round(-neg_t, 2) if best > base + MIN_GAIN else 1.01
                thresholds[lang] = t
            f, detail = f1_at(docs, probs, thresholds.get(lang, 0.5))
            figures[f"{lang}/{split}"] = {"candidates": len(cands), "right": sum(c["y"] for c in cands),
                                          "f1_default": round(base, 4), "f1_with_scorer": round(f, 4), **detail}
            print(lang, split, figures[f"{lang}/{split}"], file=sys.stderr)
    print("thresholds", thresholds, file=sys.stderr)
    if args.dry_run:
        return 0
    weights = {k: round(float(w[i]), 4) for k, i in vocab.items() if abs(w[i]) > 1e-4}
    model = {"weights": weights, "thresholds": {**thresholds, "*": 1.01},
             "meta": {"trained": date.today().isoformat(), "l2": args.l2, "train": "eval/corpus train (it, en)",
                      "threshold_from": "eval/corpus dev", "figures": figures}}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(model, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(OUT, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
