"""The learned attribution scorer: P(a parsed candidate is a statement the annotators would list), a
logistic regression over the named features of ``features.py``, trained by
``scripts/attribution/train_scorer.py`` on our own annotated corpus (eval/corpus, train split) and
shipped as JSON (``data/models/attribution/attribution_scorer.json``, see its MODEL_CARD.md).

The rules stay the explanation: a kept candidate keeps its frame's rule (``parse-object``…) and carries
its probability in ``attrs['p_attribution']``. Pure Python at inference: a few dozen look-ups."""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

MODEL = Path(os.environ.get("GARANTE_ATTRIBUTION_MODEL") or
             Path(__file__).resolve().parents[2] / "data" / "models" / "attribution" / "attribution_scorer.json")


class AttributionScorer:
    def __init__(self, data: dict):
        self.weights: dict[str, float] = data["weights"]
        self.thresholds: dict[str, float] = data["thresholds"]  # per language; "*" for any other
        self.meta: dict = data.get("meta", {})
        # the candidate classes beyond the default ones it was trained on ("gloss", "unlisted"): made only for it
        self.candidates: frozenset[str] = frozenset(data.get("candidates", ()))
        # a language may keep a model of its own ({"weights", "threshold"}), as Italian keeps the weights of
        # 2026-12-05 where the retrained ones did not beat them
        self.languages: dict[str, dict] = data.get("languages", {})

    @classmethod
    def load(cls, path: Path | str = MODEL) -> "AttributionScorer":
        try:
            return cls(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{path}: not an attribution scorer ({e})") from e

    def p(self, feats: dict[str, float], lang: str | None = None) -> float:
        weights = self.languages[lang]["weights"] if lang in self.languages else self.weights
        z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def threshold(self, lang: str) -> float:
        if lang in self.languages:
            return self.languages[lang]["threshold"]
        return self.thresholds.get(lang, self.thresholds.get("*", 1.01))

    def active(self, lang: str) -> bool:
        """Whether it keeps any candidate of this language (else they are not even made: work saved)."""
        return self.threshold(lang) <= 1.0

    def keep(self, feats: dict[str, float], lang: str) -> tuple[bool, float]:
        p = self.p(feats, lang)
        return p >= self.threshold(lang), p


@lru_cache(maxsize=1)
def shipped() -> AttributionScorer | None:
    """The shipped scorer, or None where none is installed (the default frames only, as before)."""
    return AttributionScorer.load(MODEL) if MODEL.is_file() else None
