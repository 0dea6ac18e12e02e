#!/usr/bin/env python3
"""How garante reads the polarity of a stance whose issue it finds (issue 13, twenty-ninth session): labelled
sentences of our own writing in eval/stance/stancepol/, in the format and with the measure of
eval/stance/stopaid.py, each row also naming the actor that holds the side (``speaker``, counted as
``speaker_right`` where the longest statement is made by or for it). ``note`` names the shape that makes the
polarity hard: a negation inside a purpose, relative or concessive clause that does not negate the stance,
a double negation, a modal or "not on the agenda", a condition, a time limit ("until", "finché"), a
concessive before a refusal, a rhetorical question, scare quotes or "under the guise of", the position of
others reported or blamed ("accused Kyiv of seeking ..."); "flip" where the gold is not the plain support a
cue gives, "keep" where it is. Kept out of eval/stance/written/ so that the stance model is never trained on
them; the *_aside files (every sixth sentence, chosen before any reading was looked at) are reported apart.

    .venv/bin/python eval/stance/stancepol.py            # rules and full pipeline, dev and aside
    .venv/bin/python eval/stance/stancepol.py --rules -v  # the rules alone, every sentence
"""
from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import stopaid  # noqa: E402


def main() -> None:
    stopaid.run_set("stancepol", __doc__)


if __name__ == "__main__":
    main()
