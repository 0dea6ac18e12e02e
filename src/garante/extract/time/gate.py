"""A cheap test that a pattern cannot match a text, so that a page is scanned only by the patterns that can.

Most of the knowledge base's event names ("Budapest Memorandum", "il vertice di Vilnius") are absent from
most pages, and scanning a page once per name was most of the time layer's cost. Every match of a
pattern contains the plain characters its top level spells out ("budapest" and "memorandum" in
``(?<!\\w)Budapest\\s+Memorandum(?!\\w)``): where the page, folded to lower case, lacks one, the pattern
has no match there, and the scan is skipped. The answer is the scan's, never an approximation.
"""
from __future__ import annotations

import re

# Under re.IGNORECASE four non-ASCII characters match an ASCII letter; str.lower() maps "K" (the kelvin
# sign) to "k" but leaves these three, and turns "İ" into two characters.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded(text: str) -> str:
    """The text as the gates read it: every character an ASCII letter matches, as that letter's lower case."""
    return text.translate(_FOLD).lower()


def required_literals(pattern: re.Pattern) -> tuple[str, ...]:
    """The runs of ASCII characters every match of ``pattern`` contains (the plain characters of its top
    level), in lower case; none when it has none (then it always scans)."""
    try:
        from re import _constants, _parser
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # re's parser is private and may change between Python versions: then no gate
        return ()
    runs, run = [], []
    for op, av in [*parsed.data, (None, None)]:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        text, run = "".join(run), []
        if text.isascii() and text.strip():
            runs.append(text.lower())
    return tuple(sorted(set(runs), key=lambda run: (-len(run), run)))  # the rarest first, likely


def may_match(gate: tuple[str, ...], folded_text: str) -> bool:
    """False only where ``folded_text`` lacks one of the runs: then the pattern has no match there."""
    return all(run in folded_text for run in gate)
