"""Verbs of saying in -s that the parse tags NOUN ("The senator notes that …", "Moscow warns: …"): every
such token on a PolNeAR split, and whether the gold marks it as a cue (develop on train/dev only).

    .venv/bin/python eval/polnear/noun_verbs.py train --limit 250 [--examples 20]

A candidate is a NOUN whose lemma has a verb frame in ``attribution.yaml``, whose text ends in "s", and
whose sentence has no finite verb before it (the words before it can only be a subject). Each is counted as a
gold cue or not, by whether "that", a quotation mark or a colon follows it (``opener``), by the shape of what
comes before it (``empty``: nothing, ``det``: starts with a determiner or pronoun, ``name``: has a proper noun,
``other``) and by its relation.
A repair that reads such nouns as verbs is worth trying only if the gold cues outnumber the rest.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402
from why import tokens_of  # noqa: E402

OPENERS = {"that", ":", '"', "“", "‘", "'"}


def sentence_before(doc, t) -> list:
    """The tokens of t's sentence that come before it."""
    return [x for x in doc.tokens[max(0, t.i - 60):t.i] if x.sent == t.sent]


def is_candidate(doc, t, lex) -> bool:
    if t.pos != "NOUN" or not t.text.lower().endswith("s") or t.i + 1 >= len(doc.tokens):
        return False
    if not lex.verb_frames(t.lemma.lower()):
        return False
    before = sentence_before(doc, t)
    return not any(x.pos in ("VERB", "AUX") and x.feat("VerbForm") == "Fin" for x in before)


def shape(before) -> str:
    words = [x for x in before if x.pos != "PUNCT"]
    if not words:
        return "empty"
    if any(x.pos == "PROPN" for x in words):
        return "name"
    if words[0].pos in ("DET", "PRON"):
        return "det"
    return "other"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--examples", type=int, default=20)
    ap.add_argument("--roots", action="store_true", help="print only the examples that are the sentence's root")
    args = ap.parse_args(argv)
    from garante.extract.attribution import attribution_lexicon
    from garante.extract.attribution.recovered import recovered_frame
    from garante.pipeline import Context, Pipeline
    pipeline = Pipeline(Context(options={"attribution_frames": "all"}))
    lex = attribution_lexicon("en")
    tally, shown = Counter(), 0
    items = polnear.articles(args.split)[args.offset:]
    for name, ann in items[:args.limit] if args.limit else items:
        text = polnear.git("show", f"HEAD:data/{args.split}/text/{name}.txt")
        golds = polnear.parse_ann(polnear.git("show", f"HEAD:{ann}"))
        doc = polnear.analyse(text, name, pipeline)
        cues = {x.i for g in golds for x in tokens_of(doc, g.cue)}
        for t in doc.tokens:
            if not is_candidate(doc, t, lex):
                continue
            before = sentence_before(doc, t)
            opener = doc.tokens[t.i + 1].text.lower() in OPENERS
            key = ("cue" if t.i in cues else "not", "opener" if opener else "-", shape(before), t.dep)
            tally[key] += 1
            if shown < args.examples and (t.dep == "ROOT" or not args.roots):
                shown += 1
                after = doc.text[t.end:t.end + 50].replace("\n", " ")
                kids = ",".join(f"{c.dep}{'<' if c.i < t.i else '>'}" for c in doc.children(t))
                frame = recovered_frame(doc, t, t.lemma.lower(), lex)
                print(f"{key[0]:4s} {key[1]:6s} {key[2]:6s} {t.dep:10s} {frame.frame if frame else '-':18s} {kids:30s} {doc.text[before[0].start if before else t.start:t.start][-60:]!r}"
                      f" [{t.text}] {after!r}")
    print()
    for key, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:4d}  {' '.join(key)}")
    for label, keep in (("followed by an opener", lambda k: k[1] == "opener"), ("the root", lambda k: k[3] == "ROOT"),
                        ("both", lambda k: k[1] == "opener" and k[3] == "ROOT"), ("all", lambda k: True)):
        cue = sum(n for k, n in tally.items() if keep(k) and k[0] == "cue")
        print(f"{label}: gold cues {cue} of {sum(n for k, n in tally.items() if keep(k))} candidates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
