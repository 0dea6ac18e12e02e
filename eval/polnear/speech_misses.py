"""The missed PolNeAR attributions whose cue is a listed verb of saying ("say", "tell", "note", "report" …),
each traced through garante's steps: did the parse give the cue a frame, what content and source, was a
statement of that cue made, and how far its content is from the gold's (develop on train/dev only).

    .venv/bin/python eval/polnear/speech_misses.py dev [--lemmas say,tell] [--examples 3] [--parse]

Steps, first that fails:
- ``no-frame``: the cue has no frame (its dependency and children are shown);
- ``no-span``: a frame, but no content span (too short, a frame left out);
- ``no-source``: a frame and span, but no speaker described from its subject;
- ``statement-content``: a statement of this cue was made; its content does not reach 50% of the gold's
  (``long``/``short``: the predicted content's words against the gold's);
- ``merged``: the statement's own content would match, but the prediction it is part of (a split quote's parts
  merged through ``continues``) does not (``long``/``short`` as above), or ``taken``: it matches, but another
  gold attribution took that prediction (one to one);
- ``overlapped``: no statement of the cue, but another statement shares the frame's words (it was dropped);
- ``dropped``: none of the above (a filter of merge.py dropped it).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402
from why import cue_token, tokens_of  # noqa: E402

SPEECH = "say,tell,note,report,write,announce,add,explain,state,claim,argue,warn,insist,suggest,acknowledge"


def parse_line(doc, tokens) -> str:
    """The sentence's parse, one token a word: text/dep<-head index."""
    first = tokens[0].i if tokens else 0
    return " ".join(f"{t.i - first}:{t.text}/{t.dep}>{t.head - first if not t.is_root else 'R'}" for t in tokens)


def merged_step(text, gw, span, preds, rule):
    """A statement whose own content matches the gold: what became of it in the predictions (merged parts)."""
    own = polnear.words(text, [span])
    pred = next((p for p in preds if any(a <= span[0] and span[1] <= b for a, b in p.parts)), None)
    if pred is None:
        return None
    pw = polnear.words(text, pred.parts)
    shared = len(gw & pw)
    if shared >= 0.5 * max(len(gw), len(pw)):
        return "merged", f"{rule} taken", f"{shared}/{len(gw)} gold, {len(pw)} pred, matched elsewhere"
    if len(pred.parts) > 1 and len(gw & own) >= 0.5 * max(len(gw), len(own)):
        size = "long" if len(pw) > len(gw) else "short"
        return "merged", f"{rule} {size}", f"{shared}/{len(gw)} gold, {len(pw)} pred in {len(pred.parts)} parts: " \
            + " | ".join(text[a:b][:60] for a, b in pred.parts)
    return None


def trace(text, doc, g, lex, frames_by_cue, preds=()):
    """(step, detail, statement or frame content) of one missed gold attribution."""
    from garante.extract.attribution.merge import content_span
    from garante.extract.attribution.sources import describe
    from garante.extract.ordered import Ordered
    t = cue_token(doc, g)
    frame = frames_by_cue.get(t.i)
    gw = polnear.words(text, g.content)
    made = [st for st in doc.statements if st.cue_start is not None and st.cue_start <= t.start < (st.cue_end or 0)]
    if made:
        st = made[0]
        span = doc.raw_span(st.content_start, st.content_end)
        pw = polnear.words(text, [span]) if span else set()
        merged = merged_step(text, gw, span, preds, st.rule) if span else None
        if merged:
            return merged
        shared = len(gw & pw)
        size = "long" if len(pw) > len(gw) else "short"
        return "statement-content", f"{st.rule} {size}", f"{shared}/{len(gw)} gold, {len(pw)} pred: " \
            f"{doc.text[st.content_start:st.content_end][:120]!r}"
    if frame is None:
        kids = ",".join(c.dep for c in doc.children(t))
        return "no-frame", f"{t.dep}", f"children {kids}"
    span = content_span(doc, frame)
    if span is None:
        return "no-span", frame.frame, ""
    content = doc.text[span[0]:span[1]][:120]
    if frame.source is None:
        return "no-source", f"{frame.frame}: no subject", content
    src = describe(doc, frame.source, Ordered(doc.layer("mention")), doc.layer("ner"), lex, lambda tok: None, True)
    if src is None:
        return "no-source", f"{frame.frame}: {frame.source.text}/{frame.source.pos}", content
    if any(st.content_start < span[1] and span[0] < st.content_end for st in doc.statements):
        return "overlapped", frame.frame, content
    return "dropped", frame.frame, content


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--lemmas", default=SPEECH)
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--parse", action="store_true", help="print each example's sentence parse")
    args = ap.parse_args(argv)
    from garante.extract.attribution import attribution_lexicon, find_frames
    from garante.pipeline import Context, Pipeline
    pipeline = Pipeline(Context(options={"attribution_frames": "all"}))
    lex = attribution_lexicon("en")
    lemmas = set(args.lemmas.split(","))
    counts, examples, last = Counter(), {}, None
    for text, doc, g, preds in polnear.misses(args.split, args.limit, pipeline):
        t = cue_token(doc, g)
        if t is None or t.lemma.lower() not in lemmas:
            continue
        if doc is not last:
            frames_by_cue = {f.cue.i: f for f in find_frames(doc, lex, every_frame=True)}
            last = doc
        step, detail, what = trace(text, doc, g, lex, frames_by_cue, preds)
        key = (step, f"{t.lemma.lower()} {detail}")
        counts[key] += 1
        ex = examples.setdefault(key, [])
        if len(ex) < args.examples:
            body = " ".join(text[a:b] for a, b in g.content)
            src = " ".join(text[a:b] for a, b in g.source)
            line = f"      gold [{src}] <{t.text}> {body[:140]!r}\n      garante: {what}"
            if args.parse:
                sent = [u for u in doc.tokens if u.sent == t.sent]
                line += f"\n      cue {t.i - sent[0].i}: {parse_line(doc, sent)[:900]}"
            ex.append(line)
    by_step = Counter()
    for (step, _), n in counts.items():
        by_step[step] += n
    print(f"{sum(counts.values())} misses of listed speech cues: " + ", ".join(f"{s} {n}" for s, n in by_step.most_common()))
    for key, n in counts.most_common():
        print(f"{n:4d}  {key[0]:18s} {key[1]}")
        for line in examples[key]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
