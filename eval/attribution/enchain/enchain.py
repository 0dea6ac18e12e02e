"""English speaker chains across sentences (issue 12): a labelled check set of short news articles of our own
(enchain.jsonl, written for it) in the styles of a wire ("KYIV, March 3 (Reuters) -"), a broadsheet, a live blog
and an interview transcript ("Q:" / "A:"), where the speaker of a statement is named in another sentence or
paragraph: "he added", "she continued", "He also warned that …", a role naming a person named before ("the
minister", "the Kremlin spokesman", "the envoy"), a surname alone, "Mr./Ms. X", a quotation in a paragraph of its
own, two speakers alternating, an anonymous official, "said in a statement", "told reporters", "wrote on X",
"according to X" across a quote, "X, for his part, …", a pronoun whose antecedent is the nearest person of its
gender (not the nearest name), "The ministry said …" after a minister was named, and tags after long quotes.

Each line: ``id``, ``split`` (``dev``: developed on; ``aside``: 8 articles set apart before any fix, read only to
report), ``style``, ``text`` and ``statements``: the expected ones, each with ``content`` (words its content must
hold), ``speaker`` (words of the speaker's name or written source; ``a|b`` accepts either), ``how`` (the way the
article names the speaker) and, where a wrong speaker would still hold those words, ``not_speaker`` (names the
speaker must not have: "the ministry" is not the minister named before it). Matching, figures and the command line are itchain's
(``itchain.judge_article``, ``itchain.report``): an expected statement is found where a statement's content holds
``content``; a statement is right (for precision) where its content holds some expected ``content``.

Usage (from the repository root): PYTHONPATH=$PWD/src .venv/bin/python eval/attribution/enchain/enchain.py
[--split dev|aside|all] [--verbose]
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "itchain"))
import itchain  # noqa: E402  (the Italian set's matching, figures and command line)

GOLD = Path(__file__).with_name("enchain.jsonl")


def speaker_right(want: dict, words: str) -> bool:
    """One of the expected speaker's alternatives (``a|b``) is among the speaker words, and none of ``not_speaker``."""
    words = words.lower()
    return (any(alt.lower() in words for alt in want["speaker"].split("|"))
            and not any(x.lower() in words for x in want.get("not_speaker", ())))


def main() -> None:
    itchain.main(functools.partial(itchain.judge_article, speaker_right=speaker_right), GOLD, __doc__)


if __name__ == "__main__":
    main()
