#!/usr/bin/env python3
"""How garante reads a rejected demand of the other side and a stop word inside the issue's own cue
(issue 13, twenty-eighth session): labelled sentences of our own writing in eval/stance/stance2/, in the
format and with the measure of eval/stance/stopaid.py (``note`` says "flip" where the reading must differ
from the plain cue's, "keep" where it must not). Kept out of eval/stance/written/ so that the stance model is
never trained on them; the *_aside files were written before the fix and are reported apart.

    .venv/bin/python eval/stance/stance2.py            # rules and full pipeline, dev and aside
    .venv/bin/python eval/stance/stance2.py --rules -v  # the rules alone, every sentence
"""
from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import stopaid  # noqa: E402


def main() -> None:
    stopaid.run_set("stance2", __doc__)


if __name__ == "__main__":
    main()
