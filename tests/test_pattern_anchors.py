"""The stance layer's prefilter (extract/pattern_anchors.py): the anchors a pattern's matches must contain,
and that picking patterns by them finds exactly the matches of trying every pattern, on real texts."""
import re
from pathlib import Path

import pytest

from garante.codebook import Codebook
from garante.extract.pattern_anchors import Prefilter, anchors, fold, narrowed
from garante.extract.stances import lexicon

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("pattern, expected", [
    (r"garanzi\w+ (?:di sicurezza )?vincolant\w+", {"vincolant"}),  # the longest required run
    (r"(?:truppe|forze|soldat[oi])\s+europe\w*", {"europe"}),
    (r"(?:boots on the ground|ground forces)", {"boots on the ground", "ground forces"}),
    (r"security guarantees?", {"security guarantee"}),
    (r"(?<=senza )garanzie", {"garanzie"}),  # a lookbehind's words are not the match's
])
def test_anchors_are_required_literals(pattern, expected):
    assert anchors(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"(?:a|bb)\s+c",      # an alternative of one letter: nothing worth looking for
    r"(?:foo)?\d+",       # nothing required
    r"\w+\s+\w+",
])
def test_no_anchors_means_always_tried(pattern):
    assert anchors(pattern) is None
    assert Prefilter([re.compile(pattern)]).candidates("zzz") == [re.compile(pattern)]


def test_fold_maps_the_regex_engines_extra_case_pairs():
    # "İ" lowers to "i" plus a dot above, which would split a word; "ı" and "ſ" match "i" and "s"
    assert fold("İSTANBUL ıſ") == "istanbul is"
    assert re.search("istanbul", "İSTANBUL", re.IGNORECASE)


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]


def _windows(text: str, size: int = 400) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size // 2)]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_prefilter_keeps_every_cue_that_matches(lang):
    cues = Codebook.load().cues(lang)
    pre = Prefilter(cues, lambda cue: cue.pattern)
    matched = skipped = 0
    for text in _texts():
        for window in _windows(text):
            kept = {id(c) for c in pre.candidates(window)}
            for cue in cues:
                if cue.pattern.search(window):
                    matched += 1
                    assert id(cue) in kept, (cue.pattern.pattern, window)
                elif id(cue) not in kept:
                    skipped += 1
    assert matched > 20 and skipped > 1000  # real windows: cues matched, and most never tried


@pytest.mark.parametrize("lang", ["it", "en"])
def test_narrowed_lexicon_keeps_every_pattern_that_matches(lang):
    lex = lexicon(lang)
    for text in _texts():
        for window in _windows(text, 300):
            small = narrowed(lex, window)
            for key, pats in lex.items():
                assert [p for p in pats if p.search(window)] == [p for p in small[key] if p.search(window)]
