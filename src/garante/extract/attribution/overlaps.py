"""Frames that overlap in one sentence: two parenthetical tags joined by a conjunction split their content in
two (``_split_parentheticals``); a leading content that runs into the next cue's clause ends where that clause
begins, and no subject is looked for in another statement's attribution (``_cut_overlaps``)."""
from __future__ import annotations

import re

from ...document import Span
from ..ordered import Ordered
from .base import Frame, _clip, _eligible, _is_media, _iter, _tokens, _words
from .language import Lexicon
from .pick import _next_to_verb


def _split_parentheticals(text: str, frames: list[Frame], lex: Lexicon) -> None:
    """Two parenthetical cues of one sentence joined by a conjunction ("A, afferma X, e B, spiega Y"): each
    reports its own clause, the first what stands before its cue, the second what follows the joiner."""
    # (the second tag may close the sentence, a trailing one: "A, afferma X, e B, spiega Y, Alta rappresentante")
    inside = [f for f in frames if f.rule in ("parenthetical", "trailing") and f.cue is not None]
    for f, g in zip(inside, inside[1:]):
        if f.rule != "parenthetical" or f.sentence != g.sentence or not (
                (f.content_start, f.content_end) == (g.content_start, g.content_end)
                or g.rule == "trailing" and g.content_start <= f.content_start and f.cue.end <= g.content_end):
            continue
        joiner = next((m for m in _JOINER.finditer(text, f.cue.end, g.cue.start)
                       if m.group(1).lower() in lex.conjunctions), None)
        if joiner is None:
            continue
        f.content_end = _clip(text, f.content_start, f.cue.start)[1]
        g.content_start, g.content_end = _clip(text, joiner.end(), g.cue.start if g.rule == "parenthetical"
                                               else g.content_end)


_JOINER = re.compile(r",\s+(\w+)\s+")  # ", e …" after the first tag


def _cut_overlaps(text: str, frames: list[Frame], lex: Lexicon, mentions: list[Span], kb=None) -> list[Frame]:
    """A leading content that runs into the next cue's clause ends where that clause begins; a subject
    is not looked for in another statement's attribution ("Secondo quanto riferito da X, le parti hanno
    confermato …": X is not the subject of "confermato"). Returns the frames of reported speech nested in
    another's content, which are part of that statement."""
    by_sentence: dict[tuple[int, int], list[Frame]] = {}  # (frames are compared within a sentence)
    for f in frames:
        by_sentence.setdefault(f.sentence, []).append(f)
    _speakers_after_according(frames, by_sentence)
    _cut_before_tags(text, frames, by_sentence)
    nested: list[Frame] = []
    cued = Ordered(((k, g) for k, g in enumerate(frames) if g.cue is not None), start=lambda kg: kg[1].cue.start,
                   end=lambda kg: kg[1].cue.end)
    for i, f in enumerate(frames):
        if f.rule == "parenthetical":
            continue  # its content holds the whole sentence by design
        # the later frames whose cue lies in this content, in order (no scan over the whole paragraph)
        for g in [frames[k] for k in sorted(k for k, _ in cued.starting(f.content_start, f.content_end) if k > i)]:
            if g.cue is None or g.cue is f.cue or not (f.content_start <= g.cue.start < f.content_end):
                continue
            cut = _content_cut(text, f, g, frames, lex, mentions, kb, nested)
            if cut is not None:
                f.content_end = _clip(text, f.content_start, cut)[1]
                break
    return nested


def _speakers_after_according(frames: list[Frame], by_sentence: dict) -> None:
    """Moves the start of each cue's speaker region past an "according to" frame before the cue in its
    sentence (its source is not the cue's subject)."""
    for g in frames:
        if g.cue is None or not g.speaker_region:
            continue
        start = g.speaker_region[0]
        for f in by_sentence[g.sentence]:
            if f is g or f.cue is g.cue or f.sentence != g.sentence:
                continue
            if f.frame_span and f.frame_span[1] <= g.cue.start and f.rule.startswith("according"):
                start = max(start, f.frame_span[1])
        g.speaker_region = (start, g.speaker_region[1])


def _cut_before_tags(text: str, frames: list[Frame], by_sentence: dict) -> None:
    """Ends each leading content before a trailing tag inside it: "X ha detto che A, riferisce il Cremlino":
    the tag after A is not what X said."""
    for f in frames:
        tags = [g.cue.start for g in by_sentence[f.sentence] if g.rule == "trailing" and g.cue is not None
                and f.rule.startswith("leading") and f.content_start < g.cue.start < f.content_end]
        if tags:
            f.content_end = _clip(text, f.content_start, min(tags))[1]


def _content_cut(text: str, f: Frame, g: Frame, frames: list[Frame], lex: Lexicon, mentions, kb,
                 nested: list[Frame]) -> int | None:
    """Where ``f``'s content ends because ``g``'s cue lies inside it; None where the cue stays part of it
    (``g``, reported speech inside what ``f`` reports, then goes to ``nested``)."""
    if g.rule.startswith("according") and g.rule != "according-relative":
        # "Il Cremlino ha confermato: secondo il portavoce X, …": X's statement, not the Kremlin's
        return g.cue.start
    if g.rule in ("trailing", "backward", "parenthetical"):
        return None
    if f.rule == "according" and g.cue.category == "act" and not _cites_media(f, mentions, kb) \
            and not _speaks_inside(f, frames):
        # "Secondo X, la Russia avrebbe respinto l'offerta": what X says the other side did is X's claim
        if g.rule.startswith("leading"):
            nested.append(g)
        return None
    if g.cue.tense == "gerund":
        return g.cue.start
    return _clause_start(text, f, g, lex, mentions, nested)


def _clause_start(text: str, f: Frame, g: Frame, lex: Lexicon, mentions, nested: list[Frame]) -> int | None:
    """Where the clause of ``g``'s (finite) cue begins inside ``f``'s content, ``g``'s speaker region set from
    there; None where ``g`` reports speech inside what ``f`` reports (then in ``nested`` if both lead)."""
    subj = [m for m in mentions.starting_through(f.content_start, g.cue.start)
            if m.end <= g.cue.start and _eligible(m)]
    joined = bool(subj) and bool(lex.match("bare_conjunction", text, subj[-1].end, g.cue.start))
    if joined:
        # "si dice deluso dalla risposta di Mosca e lamenta che …": a name a bare conjunction
        # parts from the verb is no subject of it (the verb is coordinated, its subject dropped)
        subj = []
    anchor = _clause_anchor(text, f, g, subj, lex, mentions)
    joiners = [m.start() for m in _iter(lex.patterns["clause_joiners"], text, f.content_start, anchor)
               if not _named_only(text, f.content_start, m.start(), mentions)]
    if not joiners:
        if not _subject_after_colon(text, f, g, subj, anchor, lex, mentions):
            # reported speech inside reported speech ("ha spiegato che l'Ucraina ha chiesto …"):
            # one statement, the reporter's
            if g.rule.startswith("leading") and f.rule.startswith("leading"):
                nested.append(g)
            return None
        joiners = [f.content_start]
    clause_start = max(joiners)
    g.speaker_region = (clause_start, g.cue.start)
    g.joined = joined and not _words(text[clause_start:g.cue.start]) > 3
    return clause_start


def _clause_anchor(text: str, f: Frame, g: Frame, subj: list[Span], lex: Lexicon, mentions) -> int:
    """Where ``g``'s clause is looked for back from: its subject's start, else its cue's (also where a second
    verb of saying is coordinated with ``f``'s, its subject ``f``'s own)."""
    anchor = subj[-1].start if subj else g.cue.start
    if g.inherit == "coordinated" and g.rule == "leading" and g.cue.category == "speech" \
            and _words(text[subj[-1].end if subj else anchor:g.cue.start]) > 2 \
            and lex.first("trailing_conjunction", text, f.content_start, g.cue.start) \
            and _first_subject_is_named(f, g, mentions):
        # "X ha affermato che la Russia … e ha ribadito che …": a second verb of saying joined to
        # the first, its subject X's (not "la Russia", named far from it inside what X said)
        anchor = g.cue.start
    return anchor


def _subject_after_colon(text: str, f: Frame, g: Frame, subj: list[Span], anchor: int, lex: Lexicon,
                         mentions) -> bool:
    """Whether ``g``'s subject opens ``f``'s content after a colon, next to its verb ("Berlino ha risposto: il
    cancelliere Scholz ha chiarito che …": Scholz's statement)."""
    head = [t for p, t in _tokens(text, f.content_start, anchor)
            if t not in lex.function_words and t not in lex.adverbs]
    after_colon = text[:f.content_start].rstrip().endswith(":")
    return after_colon and bool(subj) and len(head) <= 3 and \
        bool(_next_to_verb(text, subj[-1], g.cue.start, mentions, [], lex))


# --- speakers, dates, the statements ---------------------------------------------------------------

def _first_subject_is_named(f: Frame, g: Frame, mentions: Ordered) -> bool:
    """The first speaker a sentence names before ``g``'s cue is the subject ``f``'s cue has before it (what
    "coordinated" inheritance gives ``g``), not a name inside what ``f`` reports ("He said the Biden
    administration … and added …": no one named before "said")."""
    if not f.speaker_region:
        return False
    first = next((m for m in mentions.starting(f.sentence[0], g.cue.start) if m.label == "PER" and _eligible(m)), None)
    return first is not None and f.speaker_region[0] <= first.start and first.end <= f.speaker_region[1]


def _named_only(text: str, a: int, b: int, mentions: Ordered) -> bool:
    """Nothing but a name stands between a and b: a joiner after it coordinates the subject ("said Sweden and
    Austria offered models"), not two clauses."""
    a, b = _clip(text, a, b)
    return any(m.start == a and m.end == b for m in mentions.starting_through(a, a + 1))


def _speaks_inside(f: Frame, frames: list[Frame]) -> bool:
    """Someone inside an according-frame's content speaks for himself ("Secondo Palazzo Chigi, la premier ha
    confermato che … e ha rilanciato la proposta …"): its acts are his statements, not the source's claim."""
    return any(g is not f and g.cue is not None and g.cue.category == "speech"
               and f.content_start <= g.cue.start < f.content_end for g in frames)


def _cites_media(f: Frame, mentions: Ordered, kb) -> bool:
    """The source an according-frame names is a paper or agency ("Secondo Bloomberg, Peskov ha chiesto …":
    Peskov's words, which the paper reports)."""
    lo, hi = f.speaker_after or (0, 0)
    return any(_is_media(m, kb) for m in mentions.starting(lo, hi))
