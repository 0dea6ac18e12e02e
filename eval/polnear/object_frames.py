"""The object frames garante could propose for verbs of taking a position ("cited X", "backed X", "called for
X", "called X Y") and whether PolNeAR has an attribution there, sorted by conditions read off the parse
(develop on train/dev only, never on test):

    .venv/bin/python eval/polnear/object_frames.py train --limit 300 [--verbs cite,back] [--examples 2] [--dump F]

For each verb token of the listed lemmas with an object after it, the candidate is the object's phrase
(``obj``), the object with an "as"-phrase after it (``obj+as``: "cited X as the reason"), "call for" + its
complement (``for``) and a naming verb's object with its predicate (``name``: "called the plan a hoax").
A candidate is right where a gold attribution whose cue holds the verb has a content sharing half the words
of the longer of the two; ``new`` counts the right ones whose gold garante does not match yet. Each line:
right/total (new) for one verb and one value of one condition.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402
from why import tokens_of  # noqa: E402

VERBS = ("call cite attack support back mention endorse question encourage suggest announce defend oppose "
         "praise criticize reject confirm blame urge challenge describe hail tout dismiss slam blast welcome "
         "propose praise accuse fault decry denounce").split()
CLAUSE_DEPS = ("acl", "acl:relcl", "ccomp", "advcl", "xcomp")
PERSON_PRONOUNS = {"he", "she", "they", "i", "we", "you", "him", "her", "them", "who"}


def children(doc, tok, deps):
    return [c for c in doc.children(tok) if c.dep in deps]


def ner_label(doc, tok) -> str:
    return next((s.label for s in doc.layer("ner") if s.start <= tok.start < s.end), "")


def kind_of(doc, tok) -> str:
    """person / org / place / pronoun-person / it / noun:<lemma> — what a subject or object head is."""
    if tok is None:
        return "none"
    label = ner_label(doc, tok)
    if label:
        return {"PER": "person", "PERSON": "person", "ORG": "org", "LOC": "place", "GPE": "place"}.get(label, label)
    low = tok.text.lower()
    if low in PERSON_PRONOUNS:
        return "pron-person"
    if tok.pos == "PRON":
        return "pron-" + low
    return "noun"


def candidates(doc, verb):
    """(frame name, tokens, object head) the parse gives this verb."""
    from garante.extract.attribution.frames import subtree, trim
    out = []
    objs = [c for c in children(doc, verb, ("obj", "dobj")) if c.i > verb.i]
    for obj in objs[:1]:
        toks = trim(subtree(doc, obj))
        out.append(("obj", toks, obj))
        as_phrase = [c for c in doc.children(verb) + doc.children(obj) if c.i > obj.i and c.dep in
                     ("obl", "advcl", "nmod", "xcomp") and any(m.text.lower() == "as" and m.dep in ("case", "mark")
                                                              for m in doc.children(c))]
        if as_phrase:
            end = max(t.i for t in subtree(doc, as_phrase[0]))
            out.append(("obj+as", [t for t in doc.tokens[toks[0].i:end + 1]], obj))
        pred = [c for c in children(doc, verb, ("xcomp", "obj", "dobj", "obl")) if c.i > obj.i]
        if pred and verb.lemma.lower() == "call":
            end = max(t.i for t in subtree(doc, pred[0]))
            out.append(("name", [t for t in doc.tokens[toks[0].i:end + 1]], obj))
    for c in children(doc, verb, ("obl", "obl:arg", "nmod")):
        if c.i > verb.i and any(m.text.lower() == "for" and m.dep == "case" for m in doc.children(c)):
            out.append(("for", [t for t in trim(subtree(doc, c)) if t.text.lower() != "for" or t.i > c.i], c))
            break
    return out


def features(doc, verb, frame, toks, head) -> dict[str, str]:
    from garante.extract.attribution.frames import source_of
    subj = source_of(doc, verb)
    n = len(toks)
    inner = {t.dep for t in toks}
    return {
        "all": "all",
        "len": str(n) if n < 4 else "4+",
        "obj": kind_of(doc, head),
        "objpos": head.pos,
        "subj": kind_of(doc, subj),
        "form": (verb.feat("VerbForm") or "") + "/" + (verb.feat("Tense") or "") + "/" + verb.dep.split(":")[0],
        "clause": "clause" if inner & set(CLAUSE_DEPS) else "no-clause",
        "lemma": head.lemma.lower(),
        "finite": "finite" if verb.feat("VerbForm") == "Fin" or any(
            c.dep == "aux" and c.feat("VerbForm") == "Fin" for c in doc.children(verb)) else "nonfinite",
        "modal": next((c.lemma.lower() for c in doc.children(verb) if c.dep == "aux" and c.lemma.lower() in
                       ("will", "would", "could", "can", "may", "might", "should", "must")), "-"),
        "neg": "neg" if any(c.dep == "advmod" and c.lemma.lower() in ("not", "never") for c in doc.children(verb))
        else "-",
    }


def overlap_ok(a: set, b: set) -> bool:
    shared = len(a & b)
    return bool(shared) and shared >= 0.5 * max(len(a), len(b))


def study(split: str, limit: int, offset: int, verbs: set, examples: int, dump=None):
    from garante.pipeline import Context, Pipeline
    pipeline = Pipeline(Context(options={"attribution_frames": "all"}))
    tally: dict[tuple, Counter] = defaultdict(Counter)
    shown: dict[tuple, list] = defaultdict(list)
    items = polnear.articles(split)[offset:]
    for name, ann in items[:limit] if limit else items:
        text = polnear.git("show", f"HEAD:data/{split}/text/{name}.txt")
        golds = polnear.parse_ann(polnear.git("show", f"HEAD:{ann}"))
        doc = polnear.analyse(text, name, pipeline)
        found = polnear.match(text, golds, polnear.statements_of(doc))
        gold_toks = [({t.i for t in tokens_of(doc, g.cue)}, {t.i for t in tokens_of(doc, g.content)}) for g in golds]
        for verb in doc.tokens:
            if verb.pos != "VERB" or verb.lemma.lower() not in verbs:
                continue
            for frame, toks, head in candidates(doc, verb):
                cand = {t.i for t in toks if t.pos != "PUNCT"}
                hits = [i for i, (cue, content) in enumerate(gold_toks) if verb.i in cue and overlap_ok(cand, content)]
                right, new = bool(hits), any(i not in found for i in hits)
                if dump is not None:
                    dump.write(json.dumps({"verb": verb.lemma.lower(), "frame": frame, "right": right, "new": new,
                                           "text": doc.text[toks[0].start:toks[-1].end][:100],
                                           **features(doc, verb, frame, toks, head)}) + "\n")
                for key, value in features(doc, verb, frame, toks, head).items():
                    c = tally[(verb.lemma.lower(), frame, key, value)]
                    c["n"] += 1
                    c["right"] += right
                    c["new"] += new
                    c["cue_gold"] += any(verb.i in cue for cue, _ in gold_toks)
                ex = shown[(verb.lemma.lower(), frame, right)]
                if len(ex) < examples:
                    ex.append(f"{verb.text} [{doc.text[toks[0].start:toks[-1].end][:80]}]")
    return tally, shown


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--verbs", default=",".join(VERBS))
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--dump", type=Path, help="also write one JSON line per candidate here")
    ap.add_argument("--min", type=int, default=3, help="lines with fewer tries are left out")
    args = ap.parse_args(argv)
    tally, shown = study(args.split, args.limit, args.offset, set(args.verbs.split(",")), args.examples,
                          args.dump.open("w") if args.dump else None)
    for (verb, frame, key, value), c in sorted(tally.items()):
        if c["n"] >= args.min or key == "all":
            print(f"{verb:10s} {frame:7s} {key:7s} {value:28s} {c['right']:4d}/{c['n']:<4d} "
                  f"({c['right'] / c['n']:.2f}) new {c['new']:3d} cue-in-gold {c['cue_gold']}")
    for (verb, frame, right), ex in sorted(shown.items()):
        for e in ex:
            print(f"  {verb} {frame} {'RIGHT' if right else 'wrong'}: {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
