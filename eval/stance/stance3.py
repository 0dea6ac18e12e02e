#!/usr/bin/env python3
"""Whether garante finds the issue at all (issue 13, twenty-ninth session): labelled sentences of our own
writing in eval/stance/stance3/ on the nine issues no other check set covers (foreign troops, Western
guarantees, the US backstop, NATO membership, neutrality, ceasefire, sanctions, security with Russia,
territorial withdrawal), each in the everyday words a journalist uses for it ("boots on the ground",
"uno scudo", "la porta della Nato", "cedere territori"), with the speaker as the sentence names him
(``speaker_description``: no actor id, so no speaker is scored), the issue and the side; stance
``none`` marks a sentence that must NOT be read as that issue (nor any other). The format and the measure
of eval/stance/stopaid.py (``note`` says the wording; none of them is a "flip"). Kept out of
eval/stance/written/ so that the stance model is never trained on them; the *_aside files were written
with the rest, before any fix, and are reported apart.

    .venv/bin/python eval/stance/stance3.py            # rules and full pipeline, dev and aside
    .venv/bin/python eval/stance/stance3.py --rules -v  # the rules alone, every sentence
"""
from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import stopaid  # noqa: E402


def main() -> None:
    stopaid.run_set("stance3", __doc__)


if __name__ == "__main__":
    main()
