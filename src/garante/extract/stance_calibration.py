"""Stance confidence as the chance of being right: each rule's stances take the share of that rule's
stances that the annotated corpus's train split accepts (issue and side), smoothed towards the share of
all rules (``data/models/stance/calibration.json``, fitted by ``scripts/train/calibrate_stances.py``).

The rules of ``stances.py`` set a constant per rule (0.5-0.85) that said how sure its author felt; on
real news a rejection word (0.8) is right 60% of the time and an if-clause (0.7) 39%. Positions sum
these confidences, so the rules that err most now weigh least. The rule's own constant stays in
``attrs['rule_confidence']``; the stances the model adds keep the model's probability. Runs after the
stance step; ``Context(options={"stance_calibration": False})`` leaves the rules' constants.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..document import Document

TABLE = Path(__file__).resolve().parents[1] / "data" / "models" / "stance" / "calibration.json"
KEEP = {"model"}  # rules whose confidence is already a probability


@lru_cache(maxsize=4)
def load(path: str = str(TABLE)) -> dict[str, float]:
    """{rule: calibrated confidence}; empty where the table is missing (the rules' constants stay)."""
    p = Path(path)
    if not p.is_file():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return {rule: float(v["confidence"]) for rule, v in data["rules"].items()}
    except (ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{p}: not a stance calibration table ({e})") from e


class StanceCalibration:
    name = "stance_calibration"

    def __init__(self, path: str | Path | None = None):
        self.path = str(path or TABLE)

    def __call__(self, doc: Document, ctx) -> None:
        if not ctx.options.get("stance_calibration", True):
            return
        table = load(self.path)
        for st in doc.statements:
            for s in st.stances:
                p = table.get(s.rule)
                if p is None or s.rule in KEEP:
                    continue
                s.attrs["rule_confidence"] = s.confidence
                s.confidence = round(p, 3)
