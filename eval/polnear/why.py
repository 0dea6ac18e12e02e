"""Why garante missed PolNeAR attributions: each missed gold attribution sorted into one cause, read
off the parse and the attribution lexicon (develop on train/dev only, never on test).

    .venv/bin/python eval/polnear/why.py dev [--limit 30] [--examples 3]

Causes, first that applies:
- ``no-cue-token``: the gold cue does not map onto a token of the parse (cleaning dropped it);
- ``cue-not-verb-or-noun``: the cue's head token is neither (a preposition, "according", a colon);
- ``lemma-not-in-lexicon``: the cue's lemma is in no frame list of ``attribution.yaml``;
- ``frame-not-found``: listed, but the parse gives no content for the frames it has;
- ``frame-left-out``: found, but its frame is not kept (``frames:``) or the content is too short;
- ``no-source``: found, but its source is not a speaker the lexicon knows (or a pronoun unresolved);
- ``overlaps-other``: found with a source, but dropped for sharing words with another statement;
- ``other``: the frame was made, but its content does not match the gold's.
"""
from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402


def clean_offset(doc, raw: int) -> int | None:
    """Offset in ``doc.text`` of the raw character ``raw`` (the inverse of ``Document.to_raw``)."""
    for seg in doc.segments:
        if seg.raw_start is not None and seg.raw_start <= raw < seg.raw_start + seg.length:
            return seg.text_start + raw - seg.raw_start
    return None


def tokens_of(doc, spans) -> list:
    """garante's tokens over gold spans of the article text."""
    toks = []
    for a, b in spans:
        ca, cb = clean_offset(doc, a), clean_offset(doc, b - 1)
        if ca is not None and cb is not None:
            toks.extend(doc.tokens_in(ca, cb + 1))
    return toks


def cue_token(doc, g):
    """The head token of the gold cue: the first verb or noun of its tokens, else its first token."""
    toks = tokens_of(doc, g.cue)
    return next((t for t in toks if t.pos in ("VERB", "NOUN")), toks[0] if toks else None)


def cause(doc, g, lex, matched_any) -> tuple[str, str]:
    from garante.extract.attribution import _frame_of, _lemma
    from garante.extract.attribution.merge import content_span
    from garante.extract.attribution.sources import describe
    from garante.extract.ordered import Ordered
    t = cue_token(doc, g)
    if t is None:
        return "no-cue-token", ""
    lemma = _lemma(t, lex, {})
    if t.pos not in ("VERB", "NOUN", "AUX", "ADJ"):
        return "cue-not-verb-or-noun", f"{t.text}/{t.pos}"
    listed = lex.verb_frames(lemma) or lemma in lex.nouns or lemma in lex.adjectives
    if not listed:
        return "lemma-not-in-lexicon", f"{lemma}/{t.pos}"
    frame = _frame_of(doc, t, lemma, lex, every=True)
    if frame is None or not frame.content:
        return "frame-not-found", f"{lemma}/{t.pos}/{t.dep}"
    frame.lemma = lemma
    if (lex.frames and frame.frame not in lex.frames and False) or content_span(doc, frame) is None:
        return "frame-left-out", f"{lemma}:{frame.frame}"
    if frame.source is None:
        return "no-source", f"{lemma}: no subject ({t.dep})"
    src = describe(doc, frame.source, Ordered(doc.layer("mention")), doc.layer("ner"), lex, lambda tok: None,
                   lemma in lex.open_source)
    if src is None:
        return "no-source", f"{lemma}: {frame.source.text}/{frame.source.pos}"
    if matched_any:
        return "overlaps-other", f"{lemma}:{frame.frame}"
    return "other", f"{lemma}:{frame.frame}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--examples", type=int, default=2, help="examples printed per cause detail")
    args = ap.parse_args(argv)
    from garante.extract.attribution import attribution_lexicon
    from garante.pipeline import Context, Pipeline
    pipeline = Pipeline(Context(options={"attribution_frames": "all"}))
    lex = attribution_lexicon("en")
    causes, details, examples = Counter(), Counter(), {}
    for text, doc, g, preds in polnear.misses(args.split, args.limit, pipeline):
        shares = any(polnear.words(text, g.content) & polnear.words(text, p.parts) for p in preds)
        c, d = cause(doc, g, lex, shares)
        causes[c] += 1
        details[(c, d.split(":")[0] if c != "frame-not-found" else d)] += 1
        ex = examples.setdefault((c, d.split(":")[0]), [])
        if len(ex) < args.examples:
            ex.append(text[g.content[0][0]:g.content[-1][1]][:100])
    for c, n in causes.most_common():
        print(f"{n:5d}  {c}")
    print()
    for (c, d), n in details.most_common(60):
        print(f"{n:5d}  {c:22s} {d:40s} {examples.get((c, d.split(':')[0]), [''])[0]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
