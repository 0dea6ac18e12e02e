"""What the text reads before its frames: asides that say where a statement was reported ("come riporta l'agenzia
Tass", blanked out so that the clause reads on) and doubled apostrophes typed for quotation marks, both
rewritten at the same length so that offsets hold."""
from __future__ import annotations

import re

from ..ordered import Ordered
from .base import _is_media
from .language import Lexicon


def _without_citations(text: str, lex: Lexicon, names_outlet=lambda a, b: False) -> str:
    """The text with each aside that says where a statement was reported blanked out (same length, so
    offsets hold): in "Peskov, come riporta l'agenzia Tass, ha minacciato «…»" the frames are read as
    "Peskov ha minacciato «…»" (the statements still name Tass as the source they cite)."""
    asides = _citation_asides(text, lex, names_outlet)
    if not asides:
        return text
    out = list(text)
    for start, end in asides:
        out[start:end] = " " * (end - start)
    return "".join(out)


def _outlet_test(mentions: Ordered, kb):
    """``names_outlet(a, b)`` for ``_citation_asides``: the first name there is a paper or agency of the knowledge
    base ("l'agenzia russa Interfax", not "Lavrov all'agenzia Tass")."""
    return lambda a, b: next((_is_media(m, kb) for m in mentions.overlapping(a, b)), False)


def _doubled_apostrophes(text: str) -> str:
    """The text with two apostrophes typed for a quotation mark ("''La Russia è grata…'', ha aggiunto
    Putin", wire copy) read as the marks “…” (same length, so offsets hold)."""
    if "''" not in text:
        return text
    return _DOUBLED.sub(lambda m: " “" + m.group(1) + " ”", text)


_DOUBLED = re.compile(r"''([^'\n]+?)''")


def _citation_asides(text: str, lex: Lexicon, names_outlet=lambda a, b: False) -> tuple[tuple[int, int], ...]:
    """(start, end) of each aside naming where a statement was reported (see ``_without_citations``);
    ``names_outlet(a, b)``: a paper or agency is named there (one opening a sentence is an aside only then)."""
    out = []
    for p in lex.patterns.get("cited_by", []):
        for m in p.finditer(text):
            before = text[max(0, m.start() - 2):m.start()]
            end = text.find(",", m.end(), m.end() + 60)
            opens = before.endswith((",", ", ")) or m.start() == 0 or before.endswith(("\n", ". ", "\n\n"))
            according = lex.first("according_to", text, m.start(), m.end())
            if end < 0 or not opens or any(c in text[m.end():end] for c in ".;:«»“”\"") \
                    or (according is not None and according.start() == m.start()
                        and not (_own_cue(text, end, lex)
                                 and (before.endswith((",", ", ")) or names_outlet(m.end(), end)))):
                continue  # "Secondo quanto riferito da X, …" gives X's words: a frame, not an aside
                # ("Tajani, secondo quanto riporta il Corriere, ha detto che …", "Secondo quanto riporta l'agenzia
                # Interfax, Peskov ha detto …": the clause's own speaker's, citing the paper)
            start = m.start() - len(before) + before.rfind(",") if "," in before else m.start()
            out.append((start, end + 1))
    return tuple(out)


def _own_cue(text: str, at: int, lex: Lexicon, reach: int = 80) -> bool:
    """A verb of saying follows ``at`` within its sentence (the clause an aside interrupts has its own cue)."""
    stop = re.search(r"[.;:!?«“\"]", text[at:at + reach])
    m = lex.verb.search(text, at, at + (stop.start() if stop else reach))
    return lex.form_of(m)[2] == "speech"
