"""PolNeAR's missed attributions grouped by the gold cue's lemma and the dependency frame that ties the
gold content to that cue (develop on train/dev only, never on test):

- ``child:<dep>``: the content's head hangs on the cue ("said [that …]" ccomp, "urged [X to …]" xcomp,
  "denied [the allegations]" obj);
- ``head:<dep>``: the cue hangs on the content's head (a parenthetical "…, he said, …": parataxis);
- ``grandchild:<dep>/<dep>``: one token between ("called for [a ceasefire]": obl/case under "call");
- ``sibling``, ``same``, ``apart``: the content's head shares the cue's head, is the cue, or is elsewhere.

    .venv/bin/python eval/polnear/misses.py dev [--top 60] [--by frame|lemma|both] [--examples 1]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402
from why import cue_token, tokens_of  # noqa: E402


def content_head(doc, g):
    """The token of the gold content nearest the root of the parse (the content's own head)."""
    toks = tokens_of(doc, g.content)
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.is_root or t.head not in inside]
    return min(heads, key=lambda t: (t.pos == "PUNCT", _depth(doc, t))) if heads else None


def _depth(doc, t) -> int:
    n = 0
    while not t.is_root and n < 50:
        t, n = doc.tokens[t.head], n + 1
    return n


def frame_of(doc, cue, head) -> str:
    if head is None:
        return "no-content-token"
    if head.i == cue.i:
        return "same"
    if not head.is_root and head.head == cue.i:
        return f"child:{head.dep}"
    if not cue.is_root and cue.head == head.i:
        return f"head:{cue.dep}"
    if not head.is_root and not doc.tokens[head.head].is_root and doc.tokens[head.head].head == cue.i:
        mid = doc.tokens[head.head]
        return f"grandchild:{mid.dep}/{head.dep}"
    if not head.is_root and not cue.is_root and head.head == cue.head:
        return "sibling"
    return "apart"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--by", choices=["frame", "lemma", "both"], default="both")
    ap.add_argument("--examples", type=int, default=1)
    ap.add_argument("--only", default="", help="only misses of this (lemma or frame) key, with examples")
    args = ap.parse_args(argv)
    from garante.pipeline import Context, Pipeline
    pipeline = Pipeline(Context(options={"attribution_frames": "all"}))
    counts, examples = Counter(), {}
    for text, doc, g, _ in polnear.misses(args.split, args.limit, pipeline):
        cue = cue_token(doc, g)
        lemma = f"{cue.lemma.lower()}/{cue.pos}" if cue is not None else "-"
        frame = frame_of(doc, cue, content_head(doc, g)) if cue is not None else "-"
        key = {"frame": frame, "lemma": lemma, "both": f"{lemma} {frame}"}[args.by]
        if args.only and args.only not in (lemma, frame, key):
            continue
        counts[key] += 1
        cue_text = " ".join(text[a:b] for a, b in g.cue)
        src = " ".join(text[a:b] for a, b in g.source)
        body = " ".join(text[a:b] for a, b in g.content)
        examples.setdefault(key, []).append(f"[{src}] <{cue_text}> {body[:110]!r}")
    print(f"{sum(counts.values())} misses")
    for key, n in counts.most_common(args.top):
        print(f"{n:5d}  {key}")
        for ex in examples[key][:args.examples]:
            print(f"         {ex}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
