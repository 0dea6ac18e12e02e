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

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval" / "stance"))
from groups import round_of, rounds  # noqa: E402  (eval/corpus/rounds.tsv: which round a document is of)

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
    """A scorer that keeps every candidate and remembers its features, in the order they are made; the
    probability it gives is the candidate's number (k / 1000), so that a statement made of it is traced back
    to its features even where a later step dropped or split candidates."""
    candidates = ("gloss", "unlisted")  # every candidate class: the scorer learns which to keep

    def __init__(self):
        self.feats: list[dict] = []

    def keep(self, feats: dict, lang: str) -> tuple[bool, float]:
        self.feats.append(feats)
        assert len(self.feats) <= 1000
        return True, (len(self.feats) - 1) / 1000


def _urls() -> dict[str, str]:
    out = {}
    for tsv in sorted(CORPUS.glob("*/sources.tsv")):
        with tsv.open(encoding="utf-8") as fh:
            out.update({row["doc_id"]: row["url"] for row in csv.DictReader(fh, delimiter="\t")})
    return out


def collect(lang: str, split: str, texts: Path, table=None) -> list[dict]:
    """Per document: the gold statements, the default statements and the candidates with features (never
    a document of the round being annotated, nor of a round rounds.tsv does not name)."""
    from garante.ingest import Capture
    from garante.pipeline import Context, Pipeline
    ids = set(json.loads((CORPUS / "splits.json").read_text())["splits"][lang][split])
    table = rounds() if table is None else table
    gold = [d for d in json.loads((CORPUS / lang / "gold.json").read_text())["documents"]
            if d["file"].removesuffix(".txt") in ids and round_of(d["file"], table) not in NEVER]
    recorder, urls = Recorder(), _urls()
    pipeline = Pipeline(Context(options={"attribution_scorer": recorder}))
    out = []
    for g in gold:
        url = urls[g["file"].removesuffix(".txt")]
        text = (texts / lang / g["file"]).read_text(encoding="utf-8")
        recorder.feats = []
        try:
            doc = pipeline.analyse_capture(Capture(source=url, raw=text, format="text", hints={"url": url},
                                                   container="jsonl"))
        except Exception as e:  # (a document the pipeline fails on: `garante analyze` skips it too)
            print(f"collect: {lang}/{split}: one document failed ({type(e).__name__}: {e}); skipped", file=sys.stderr)
            continue
        cands = [st for st in doc.statements if "p_attribution" in st.attrs]
        out.append({"file": g["file"], "lang": lang, "gold": g["statements"],
                    "base": [_view(st) for st in doc.statements if "p_attribution" not in st.attrs],
                    "cands": [dict(_view(st), feats=recorder.feats[round(st.attrs["p_attribution"] * 1000)])
                              for st in cands]})
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
        d["sp0"] = sum(1 for g in required if any(score.statement_matches(b["content"], g["anchor"])
                                                  and score.name_matches(b["speaker"], g.get("speaker_aliases") or [])
                                                  for b in d["base"]))
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
    speaker = (sum(d.get("sp0", 0) for d in docs) + sp) / max(1, tp)
    return (2 * p * r / (p + r) if p + r else 0.0), {"p": round(p, 3), "r": round(r, 3), "speaker": round(speaker, 3),
                                                      "kept": kept,
                                                      "new_right": tp - sum(d["tp0"] for d in docs),
                                                      "new_speaker_ok": sp}


CLASSES = {"gloss": "x_gloss", "unlisted": "x_unlisted=True"}  # candidate class -> the feature that marks it
NEVER = {"eighteenth", None}  # the round being annotated (the session's unseen sample) and any round not in rounds.tsv


def split_groups(data: dict, exclude: set[str], table) -> dict[str, list[dict]]:
    """``{lang}/train`` and ``{lang}/dev`` without the excluded rounds (what trains and what chooses the
    thresholds), ``{lang}/check`` the excluded rounds' train and dev documents pooled (a clean measure),
    ``{lang}/older`` the older round's train documents."""
    out: dict[str, list[dict]] = {}
    for lang in ("it", "en"):
        for split in ("train", "dev"):
            for d in data[f"{lang}/{split}"]:
                name = round_of(d["file"], table)
                if name in NEVER:
                    continue
                out.setdefault(f"{lang}/check" if name in exclude else f"{lang}/{split}", []).append(d)
                if split == "train" and name == "older":
                    out.setdefault(f"{lang}/older", []).append(d)
    return out


def probabilities(docs: list[dict], weights: dict[str, float]) -> dict[int, float]:
    out = {}
    for d in docs:
        for c in d["cands"]:
            z = sum(weights.get(k, 0.0) * v for k, v in c["feats"].items())
            out[id(c)] = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
    return out


def choose_thresholds(groups: dict, weights: dict[str, float], oof: dict[int, float] | None = None) -> dict[str, float]:
    """Each language's threshold: the one that makes its dev F1 highest, where it beats the default frames
    by more than MIN_GAIN (else 1.01: no candidate kept). ``oof``: the train candidates' out-of-fold
    probabilities (``--cv``), whose documents then count beside dev's."""
    out = {}
    for lang in ("it", "en"):
        docs = groups.get(f"{lang}/dev", [])
        probs = probabilities(docs, weights)
        if oof is not None:
            docs = docs + groups.get(f"{lang}/train", [])
            probs.update(oof)
        base, _ = f1_at(docs, probs, 2.0)
        best, neg_t = max((f1_at(docs, probs, t)[0], -t) for t in np.arange(0.3, 0.96, 0.05))
        out[lang] = round(float(-neg_t), 2) if best > base + MIN_GAIN else 1.01
        print(f"threshold {lang}: best {best:.4f} at {-neg_t:.2f}, default frames {base:.4f}", file=sys.stderr)
    return out


def figures_of(groups: dict, weights: dict[str, float], thresholds: dict[str, float]) -> dict[str, dict]:
    out = {}
    for key in sorted(groups):
        docs, lang = groups[key], key[:2]
        probs = probabilities(docs, weights)
        cands = [c for d in docs for c in d["cands"]]
        base, base_detail = f1_at(docs, probs, 2.0)
        f, detail = f1_at(docs, probs, thresholds.get(lang, thresholds.get("*", 1.01)))
        out[key] = {"documents": len(docs), "candidates": len(cands), "right": sum(c["y"] for c in cands),
                    "f1_default": round(base, 4), "speaker_default": base_detail["speaker"],
                    "f1_with_scorer": round(f, 4), **detail}
    return out


def class_of(c: dict) -> str:
    """A candidate's class: "gloss", "unlisted" or "default" (the classes every scorer is given)."""
    return next((name for name, f in CLASSES.items() if f in c["feats"]), "default")


def ceiling(groups: dict) -> dict[str, dict]:
    """Per group, what a perfect scorer could reach: the required gold statements, those the default
    statements match, those only a candidate matches (per class: candidates made, right ones) and those
    no statement nor candidate reaches (a recall no scorer can give: candidate generation's share);
    the statement F1 and recall with every right candidate kept and every other dropped."""
    out = {}
    for key in sorted(groups):
        docs = groups[key]
        probs = {id(c): float(c["y"]) for d in docs for c in d["cands"]}
        f, detail = f1_at(docs, probs, 0.5)
        gold, default = sum(d["g"] for d in docs), sum(d["tp0"] for d in docs)
        classes: dict[str, dict] = {}
        for d in docs:
            for c in d["cands"]:
                row = classes.setdefault(class_of(c), {"candidates": 0, "right": 0})
                row["candidates"] += 1
                row["right"] += c["y"]
        out[key] = {"gold": gold, "default": default, "by_candidates": detail["new_right"],
                    "never_reached": gold - default - detail["new_right"], "f1_oracle": round(f, 4),
                    "r_oracle": detail["r"], "classes": classes}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=Path, default=Path("/work/corpus_texts"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/attribution_candidates.json"))
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--drop", default="", help="leave out features starting with these (comma-separated)")
    ap.add_argument("--exclude-rounds", nargs="+", default=[], metavar="ROUND",
                    help="leave the documents of these annotation rounds (eval/corpus/rounds.tsv) out of training "
                         "AND out of the dev figures that choose the thresholds; their train and dev documents "
                         "pooled are reported as {lang}/check, a clean measure. The sixteenth round is never read")
    ap.add_argument("--compare", type=Path, action="append", default=[], metavar="MODEL",
                    help="also report these scorer files' figures (their own weights and thresholds) on the same groups")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--keep-language", action="append", default=[], metavar="LANG",
                    help="this language keeps the model of the file in place (its weights and threshold, under "
                         "\"languages\"), where the new weights did not beat it")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="choose the thresholds on dev and the train documents' out-of-fold probabilities (K folds)")
    ap.add_argument("--skip", default="", help="leave out the candidates of these classes (comma-separated: "
                    "gloss, unlisted), as if they were not made: in training, thresholds and figures alike")
    ap.add_argument("--ceiling", action="store_true",
                    help="also report what a perfect scorer could reach per group (every right candidate kept, "
                         "every other dropped), the gold no candidate reaches, and each class's candidates")
    args = ap.parse_args(argv)
    score, table = _score_module(), rounds()
    if args.cache.is_file():
        data = json.loads(args.cache.read_text())
    else:
        data = {f"{lang}/{split}": collect(lang, split, args.texts, table)
                for lang in ("it", "en") for split in ("train", "dev")}
        args.cache.write_text(json.dumps(data, ensure_ascii=False))
    skip = {CLASSES[c] for c in args.skip.split(",") if c}
    for docs in data.values():
        for d in docs:
            d["cands"] = [c for c in d["cands"] if not skip & set(c["feats"])]
        label(docs, score)
    classes = sorted(c for c, f in CLASSES.items() if f not in skip
                     and any(f in x["feats"] for docs in data.values() for d in docs for x in d["cands"]))
    exclude = set(args.exclude_rounds)
    groups = split_groups(data, exclude, table)
    train = [c for lang in ("it", "en") for d in groups.get(f"{lang}/train", []) for c in d["cands"]]
    drop = tuple(x for x in args.drop.split(",") if x)
    names = sorted({k for c in train for k in c["feats"] if not (drop and k.startswith(drop))} - {"bias"})
    vocab = {"bias": 0, **{k: i + 1 for i, k in enumerate(names)}}
    y = np.array([c["y"] for c in train], dtype=float)
    w = fit(vectorise(train, vocab), y, args.l2)
    print(f"train: {len(train)} candidates, {int(y.sum())} right; {len(vocab)} features", file=sys.stderr)
    weights = {k: round(float(w[i]), 4) for k, i in vocab.items() if abs(w[i]) > 1e-4}
    oof = None
    if args.cv > 1:  # out-of-fold probabilities of the train candidates, by document
        docs = [d for lang in ("it", "en") for d in groups.get(f"{lang}/train", [])]
        oof = {}
        for k in range(args.cv):
            rest = [c for n, d in enumerate(docs) if n % args.cv != k for c in d["cands"]]
            wk = fit(vectorise(rest, vocab), np.array([c["y"] for c in rest], dtype=float), args.l2)
            oof.update(probabilities([d for n, d in enumerate(docs) if n % args.cv == k],
                                     {name: float(wk[i]) for name, i in vocab.items()}))
    thresholds = choose_thresholds(groups, weights, oof)
    figures = figures_of(groups, weights, thresholds)
    for key, fig in figures.items():
        print(key, fig, file=sys.stderr)
    print("thresholds", thresholds, file=sys.stderr)
    for path in args.compare:
        other = json.loads(path.read_text(encoding="utf-8"))
        print(f"compare {path} (thresholds {other['thresholds']}):", file=sys.stderr)
        for key, fig in figures_of(groups, other["weights"], other["thresholds"]).items():
            print(" ", key, fig, file=sys.stderr)
    if args.ceiling:
        for key, fig in ceiling(groups).items():
            print("ceiling", key, fig, file=sys.stderr)
    if args.dry_run:
        return 0
    model = {"weights": weights, "thresholds": {**thresholds, "*": 1.01}, **({"candidates": classes} if classes else {}),
             "meta": {"trained": date.today().isoformat(), "l2": args.l2, "train": "eval/corpus train (it, en)",
                      "threshold_from": "eval/corpus dev" + (f" + train out of {args.cv} folds" if args.cv > 1 else ""), "figures": figures,
                      **({"excluded_rounds": sorted(exclude)} if exclude else {})}}
    if args.keep_language:
        old = json.loads(OUT.read_text(encoding="utf-8"))
        kept = {}
        for lang in args.keep_language:
            if lang in old.get("languages", {}):
                kept[lang] = old["languages"][lang]
            else:
                kept[lang] = {"weights": old["weights"],
                              "threshold": old["thresholds"].get(lang, old["thresholds"].get("*", 1.01)),
                              "trained": old.get("meta", {}).get("trained")}
        model["languages"] = kept
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(args.out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
