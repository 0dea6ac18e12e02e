#!/usr/bin/env python3
"""Stance from judgements (issue 13, twenty-ninth session): labelled sentences of our own writing in
eval/stance/stanceeval/ where the speaker says what an issue IS or DOES rather than asking for it or refusing it
("neutrality would be an open door for the next offensive", "the sanctions hurt Europe more than Moscow", "the
guarantees are worthless"; kept when the judgement is good: "the strongest protection"), and three shapes that
name an issue without taking the speaker's side on it: a stop verb before a possessive of the clause's subject
("NATO must halt its expansion"), an accusation about the issue rejected ("rejects accusations that its forces
violated the truce", stance ``none``), and an unlinked group as the one who wants it ("some Europeans want to
station troops", ``none``). The format and measure of eval/stance/stopaid.py, each row with the actor holding the
side (``speaker``); ``note`` says "flip" where the plain reading of the cue is wrong, "keep" where it is right.
Kept out of eval/stance/written/ so that the stance model is never trained on them; the *_aside files (12) were
written with the rest, before any reading was looked at, and are reported apart.

    .venv/bin/python eval/stance/stanceeval.py            # rules and full pipeline, dev and aside
    .venv/bin/python eval/stance/stanceeval.py --rules -v  # the rules alone, every sentence
"""
from __future__ import annotations

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import stopaid  # noqa: E402


def main() -> None:
    stopaid.run_set("stanceeval", __doc__)


if __name__ == "__main__":
    main()
