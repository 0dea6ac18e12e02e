"""Dense features of the stance model: how close a statement's vector (``stance_vectors``) lies to each
issue, for the *about* model.

Per issue, the similarity of the statement's content (and of its window: content with the reporting
sentence and the sentence before) to two centroids: the codebook's (proposition, description, examples:
computed here, so a new codebook gets them without training) and the model's (the same texts plus the
training statements about the issue, saved with the model by ``scripts/train/stance/train.py``); the
issue's rank among the issues and its margin to the best other one; and a vote of the nearest training
statements. The same function serves training (from the stored texts) and inference.
"""
from __future__ import annotations

import numpy as np

# similarities are cosines of small magnitude: scaled so that a feature moves by about one unit
SCALE = 4.0
K = 10  # neighbours that vote


class IssueSpace:
    """The issues' centroids (a matrix per kind) and the training statements that vote (optional)."""

    def __init__(self, vectors, issues: list[str], centroids: dict[str, np.ndarray],
                 bank: np.ndarray | None = None, bank_issues: list[set[str]] | None = None,
                 bank_docs: list[str] | None = None):
        self.vectors, self.issues, self.centroids = vectors, issues, centroids
        self.bank, self.bank_issues, self.bank_docs = bank, bank_issues or [], bank_docs or []
        # training only: each document's share of the model's centroids (unnormalised sums), taken out
        # of them for that document's own statements (else a statement finds itself in its centroid)
        self.sums: np.ndarray | None = None
        self.own: dict[str, np.ndarray] = {}

    @classmethod
    def of(cls, vectors, codebook, model_dense: dict | None = None) -> "IssueSpace":
        """The codebook's centroids, plus the model's centroids and voting statements where it has them
        (issues the model was not trained on keep only the codebook's)."""
        issues = list(codebook.issues)
        cents = {"cb": codebook_centroids(vectors, codebook)}
        bank = bank_issues = None
        if model_dense:
            saved = model_dense.get("centroids", {})
            cents["all"] = np.stack([_unit(np.array(saved[i], np.float32)) if i in saved else cents["cb"][k]
                                     for k, i in enumerate(issues)])
            if model_dense.get("bank"):
                bank = np.array(model_dense["bank"], np.float32) / 127.0
                bank_issues = [set(x) for x in model_dense["bank_issues"]]
        return cls(vectors, issues, cents, bank, bank_issues)

    def features(self, content: str, window: str, doc: str | None = None) -> dict[str, dict[str, float]]:
        """Per issue, the dense about-features of a statement (``doc``: leave its own document's
        statements out of the vote, in training)."""
        c, w = self.vectors.vector(content), self.vectors.vector(window)
        out: dict[str, dict[str, float]] = {i: {} for i in self.issues}
        if not c.any():
            return out
        for kind, mat in self.centroids.items():
            if kind == "all" and doc in self.own:
                mat = _rows_unit(self.sums - self.own[doc])
            _similarity_features(out, self.issues, kind, mat @ c)
            if w.any():
                _similarity_features(out, self.issues, kind + "w", mat @ w)
        if self.bank is not None:
            for issue, share in self.vote(c, doc).items():
                out[issue]["d.knn"] = share
                out[issue][f"{issue}|d.knn"] = share
        return out

    def vote(self, vec: np.ndarray, doc: str | None = None) -> dict[str, float]:
        sims = self.bank @ vec
        if doc is not None and self.bank_docs:
            sims = np.where(np.array([d == doc for d in self.bank_docs]), -9.0, sims)
        top = np.argsort(-sims)[:K]
        weights = np.clip(sims[top], 0, None)
        total = float(weights.sum()) or 1.0
        out: dict[str, float] = {}
        for j, wt in zip(top, weights):
            if wt <= 0:  # a statement facing away (or left out) does not vote
                continue
            for issue in self.bank_issues[j]:
                out[issue] = out.get(issue, 0.0) + float(wt) / total
        return out


def merged(about: dict[str, float], dense: dict[str, float]) -> dict[str, float]:
    """The about-features with the dense ones, only where the rules found no stance on the issue: the
    model decides only there whether to add it (the rules' stances stay), and a similarity learnt over
    the rules' own finds mostly says again what their cue said."""
    return {**about, **dense} if dense and "rule:none" in about else about


def _similarity_features(out: dict, issues: list[str], kind: str, sims: np.ndarray) -> None:
    order = np.argsort(-sims)
    rank = np.empty(len(sims), int)
    rank[order] = np.arange(len(sims))
    best, second = sims[order[0]], sims[order[1]] if len(sims) > 1 else sims[order[0]]
    for k, issue in enumerate(issues):
        other = second if rank[k] == 0 else best
        f = out[issue]
        f[f"d.{kind}"] = SCALE * float(sims[k])
        f[f"{issue}|d.{kind}"] = SCALE * float(sims[k])
        f[f"d.{kind}.margin"] = SCALE * float(sims[k] - other)
        if rank[k] == 0:
            f[f"d.{kind}.top1"] = 1.0
        if rank[k] < 3:
            f[f"d.{kind}.top3"] = 1.0


def issue_texts(issue) -> list[str]:
    """The texts an issue is known by: its proposition with its description, then its examples."""
    return [f"{issue.proposition or ''} {issue.description or ''}".strip()] + \
        [e.get("text", "") for e in issue.examples]


def codebook_centroids(vectors, codebook) -> np.ndarray:
    """One row per issue: the normalised mean of its texts' vectors."""
    return np.stack([_unit(vectors.vectors(issue_texts(i)).mean(axis=0)) for i in codebook.issues.values()])


def _rows_unit(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=1, keepdims=True)
    return (m / np.where(n > 0, n, 1.0)).astype(np.float32)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n else v.astype(np.float32)
