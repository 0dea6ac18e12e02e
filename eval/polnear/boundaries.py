"""Why matched PolNeAR contents, sources and cues are not exact: every matched pair (overlap >= 50%)
whose span differs from the gold's is sorted into one cause per edge (develop on train/dev, never test).

    .venv/bin/python eval/polnear/boundaries.py train [--limit 200] [--examples 3] [--cache F.json]

``--cache`` keeps garante's predictions of each article (written on the first run, read on the next),
so the classification can be read again without running the pipeline.

Content, per edge (gold and prediction trimmed of edge punctuation and quotation marks, as the exact
figure does; a pair can have a cause at each edge):
- ``start:complementiser``: the gold starts with "that"/"whether"/"if" that garante leaves out (convention);
- ``start:cue-or-source``: the prediction's start takes in the gold cue or source (swallowed);
- ``start:sentence``: the prediction starts in another sentence than the gold;
- ``start:gold-takes-cue``: the gold content starts earlier and takes in its own cue or source (a relative
  clause's "which he believes will …", a split quote's tag inside the gold's span);
- ``start:earlier`` / ``start:later``: other starts (first word of the difference under --examples);
- ``end:sentence-crossed``: the prediction runs into the next sentence;
- ``end:cue-or-source``: the prediction runs into the gold cue or source ("…,” he said);
- ``end:and-clause`` / ``end:participle`` / ``end:relative`` / ``end:adjunct``: the prediction runs on into
  a conjoined clause ("…, and said …"), a participle ("…, saying …"), a relative clause, another adjunct;
- ``end:nested-quote-cut``: the prediction stops inside or before a quotation the gold keeps;
- ``end:short-sentence`` / ``end:short``: the prediction stops before the gold's end (in its sentence, or
  a sentence before it);
- ``split``: either side has more than one part (a split quote joined or split otherwise), counted apart.

Source: ``title`` (the difference is a title or honorific: "Mr.", "Sen."), ``first-name`` / ``name-part``
(one side has a name the other lacks), ``apposition`` (", the former chairman"), ``other-mention`` (no
overlap: a pronoun against a name elsewhere), ``longer`` / ``shorter``. Cue: ``auxiliary`` (the gold takes
"has", "will", "was"), ``particle`` ("out", "up"), ``to`` ("according to"), ``longer`` / ``shorter``, ``other``.

Convention-matched figures: the exact figures with ``polnear.CONVENTION_LEAD`` left out of both sides
(a leading complementiser of contents, auxiliaries and adverbs of cues, determiner and title of sources);
reported apart, never in place of the strict ones.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import polnear  # noqa: E402

COMPLEMENTISERS = ("that", "whether", "if")
TITLES = {"mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president", "secretary",
          "gen", "general", "former", "vice", "speaker", "judge", "rev", "prof", "professor", "candidate",
          "republican", "democratic", "democrat", "presidential", "chairman", "leader", "the", "u.s."}
AUX = {"has", "have", "had", "will", "would", "was", "were", "is", "are", "be", "been", "did", "does", "do",
       "could", "can", "may", "might", "should", "must", "also", "not", "never", "n't", "being"}
SENT_END = re.compile(r"[.!?][”\"’']?\s+[“\"‘]?[A-Z]|\n")


def first_word(s: str) -> str:
    m = re.search(r"\w+", s)
    return m.group(0).lower() if m else s.strip()[:3]


def inside(spans, a: int, b: int) -> bool:
    return any(x < b and a < y for x, y in spans)


def content_causes(text: str, g: polnear.Gold, p: polnear.Pred) -> list[tuple[str, str]]:
    ga, gb = polnear.trimmed(text, g.content)
    pa, pb = polnear.trimmed(text, p.parts)
    if (ga, gb) == (pa, pb):
        return []
    out = []
    if len(g.content) > 1 or len(p.parts) > 1:
        out.append(("split", f"gold parts {len(g.content)}, predicted {len(p.parts)}"))
    cs = g.cue + g.source
    if pa > ga:
        diff = text[ga:pa]
        if first_word(diff) in COMPLEMENTISERS and len(polnear.WORD.findall(diff)) == 1:
            out.append(("start:complementiser", diff))
        elif SENT_END.search(diff):
            out.append(("start:sentence", diff))
        elif inside(cs, ga, pa):
            out.append(("start:gold-takes-cue", diff))
        else:
            out.append(("start:later", diff))
    elif pa < ga:
        diff = text[pa:ga]
        if inside(cs, pa, ga):
            out.append(("start:cue-or-source", diff))
        elif SENT_END.search(diff):
            out.append(("start:sentence", diff))
        else:
            out.append(("start:earlier", diff))
    if pb > gb:
        diff = text[gb:pb]
        if inside(cs, gb, pb):
            out.append(("end:cue-or-source", diff))
        elif SENT_END.search(diff):
            out.append(("end:sentence-crossed", diff))
        elif re.match(r"\W*(and|but|or|then|while|as well as)\b", diff):
            out.append(("end:and-clause", diff))
        elif re.match(r"\W*\w+ing\b", diff):
            out.append(("end:participle", diff))
        elif re.match(r"\W*(who|which|that|where|when)\b", diff):
            out.append(("end:relative", diff))
        else:
            out.append(("end:adjunct", diff))
    elif pb < gb:
        diff = text[pb:gb]
        if any(q in diff for q in "“”\""):
            out.append(("end:nested-quote-cut", diff))
        elif SENT_END.search(diff):
            out.append(("end:short-sentence", diff))
        else:
            out.append(("end:short", diff))
    return out


def source_cause(text: str, g: polnear.Gold, p: polnear.Pred) -> tuple[str, str] | None:
    if not g.source or not p.speaker:
        return ("missing", "") if g.source or p.speaker else None
    ga, gb = polnear.trimmed(text, g.source)
    pa, pb = polnear.trimmed(text, [p.speaker])
    if (ga, gb) == (pa, pb):
        return None
    gt, pt = text[ga:gb], text[pa:pb]
    if not (pa < gb and ga < pb):
        return "other-mention", f"{pt!r} want {gt!r}"
    extra = (text[min(ga, pa):max(ga, pa)] + " " + text[min(gb, pb):max(gb, pb)]).strip()
    ws = [w.lower() for w in re.findall(r"[\w.]+", extra)]
    ws = [w.rstrip(".") for w in ws]
    what = f"{pt!r} want {gt!r}"
    if ws and all(w in TITLES for w in ws):
        return "title", what
    if "," in extra or "(" in extra:
        return "apposition", what
    if ws and all(w[:1].isalpha() for w in ws) and all(x[:1].isupper() for x in extra.split()):
        return "name-part", what
    return ("longer" if pb - pa > gb - ga else "shorter"), what


def cue_cause(text: str, g: polnear.Gold, p: polnear.Pred) -> tuple[str, str] | None:
    if not g.cue or not p.cue:
        return ("missing", "") if g.cue or p.cue else None
    ga, gb = polnear.trimmed(text, g.cue)
    pa, pb = polnear.trimmed(text, [p.cue])
    if (ga, gb) == (pa, pb):
        return None
    what = f"{text[pa:pb]!r} want {' '.join(text[a:b] for a, b in g.cue)!r}"
    if not (pa < gb and ga < pb):
        return "other", what
    if len(g.cue) > 1:
        return "discontinuous", what
    left = text[min(ga, pa):max(ga, pa)].lower().split()
    right = text[min(gb, pb):max(gb, pb)].lower().split()
    if left and all(w in AUX for w in left) and not right:
        return "auxiliary", what
    if right == ["to"]:
        return "to", what
    if right and all(w in ("out", "up", "on", "off", "down", "back", "over", "in") for w in right):
        return "particle", what
    return ("longer" if pb - pa > gb - ga else "shorter"), what


def load(split: str, limit: int, cache: Path | None):
    """(name, text, golds, preds) per article; predictions from the cache when it has them."""
    stored = json.loads(cache.read_text()) if cache and cache.exists() else {}
    pipeline = None
    items = polnear.articles(split)
    items = items[:limit] if limit else items
    out = []
    for name, ann in items:
        text = polnear.git("show", f"HEAD:data/{split}/text/{name}.txt")
        golds = polnear.parse_ann(polnear.git("show", f"HEAD:{ann}"))
        if name in stored:
            preds = [polnear.Pred(tuple(d["content"]), tuple(d["speaker"]) if d["speaker"] else None, d["name"],
                                  d["kind"], d["rule"], tuple(d["cue"]) if d["cue"] else None, d["lemma"],
                                  d["continues"], [tuple(x) for x in d["parts"]]) for d in stored[name]]
        else:
            if pipeline is None:
                from garante.pipeline import Context, Pipeline
                pipeline = Pipeline(Context(options={"attribution_frames": "all"}))
            preds = polnear.predict(text, name, pipeline)
            stored[name] = [{"content": p.content, "speaker": p.speaker, "name": p.name, "kind": p.kind,
                             "rule": p.rule, "cue": p.cue, "lemma": p.lemma, "continues": p.continues,
                             "parts": p.parts} for p in preds]
        out.append((name, text, golds, preds))
    if cache and pipeline is not None:
        cache.write_text(json.dumps(stored))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--examples", type=int, default=0, help="examples of each cause")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--only", help="examples of this cause only (content, or source:X / cue:X)")
    args = ap.parse_args(argv)
    counts = {"content": Counter(), "source": Counter(), "cue": Counter()}
    examples: dict[str, list[str]] = defaultdict(list)
    firsts: dict[str, Counter] = defaultdict(Counter)
    rules: dict[str, Counter] = defaultdict(Counter)
    pairs = exact = 0
    conv = Counter()
    for name, text, golds, preds in load(args.split, args.limit, args.cache):
        m = polnear.match(text, golds, preds)
        for i, j in m.items():
            g, p = golds[i], preds[j]
            pairs += 1
            causes = content_causes(text, g, p)
            exact += not causes
            for c, diff in causes:
                counts["content"][c] += 1
                firsts[c][first_word(diff)] += 1
                rules[c][p.rule.split("+")[0]] += 1
                if len(examples[c]) < args.examples and (not args.only or args.only == c):
                    gt = polnear.trimmed(text, g.content)
                    pt = polnear.trimmed(text, p.parts)
                    examples[c].append(f"{name[:30]} [{p.rule}] diff {diff[:60]!r}\n        gold {text[gt[0]:gt[1]][:160]!r}"
                                       f"\n        pred {text[pt[0]:pt[1]][:160]!r}")
            if len({c.split(":")[0] for c, _ in causes}) and not causes[0][0] == "split":
                counts["content"]["pairs with a start cause" if any(c.startswith("start") for c, _ in causes)
                                  else "pairs with only an end cause"] += 1
            for role, fn in (("source", source_cause), ("cue", cue_cause)):
                c = fn(text, g, p)
                counts[role]["exact" if c is None else c[0]] += 1
                if c is not None and len(examples[role + ":" + c[0]]) < args.examples \
                        and (not args.only or args.only == role + ":" + c[0]):
                    examples[role + ":" + c[0]].append(f"{name} [{p.rule}] {c[1][:120]}")
        # convention-matched exact figures over all spans (polnear.py's, leading words of both sides left out)
        for role, gs, ps in (("content", [g.content for g in golds], [p.parts for p in preds]),
                             ("source", [g.source for g in golds], [[p.speaker] if p.speaker else [] for p in preds]),
                             ("cue", [g.cue for g in golds], [[p.cue] if p.cue else [] for p in preds])):
            for key, lead in (("strict_", frozenset()), ("", polnear.CONVENTION_LEAD[role])):
                gset, pset = polnear.exact_set(text, gs, lead), polnear.exact_set(text, ps, lead)
                conv[f"{role}_{key}tp"] += len(gset & pset)
                conv[f"{role}_{key}gold"] += len(gset)
                conv[f"{role}_{key}pred"] += len(pset)
    print(f"matched pairs {pairs}, content exact {exact} ({exact / max(1, pairs):.3f})")
    for role, c in counts.items():
        print(f"\n{role}:")
        for k, v in c.most_common():
            top = ", ".join(f"{w} {n}" for w, n in firsts[k].most_common(8)) if role == "content" else ""
            print(f"  {k:32} {v:5}   {top}")
            if role == "content" and k in rules:
                print("      by rule: " + ", ".join(f"{w} {n}" for w, n in rules[k].most_common(8)))
            for e in examples.get(k if role == "content" else f"{role}:{k}", []):
                print(f"      {e}")

    def f1(tp, g, p):
        pr, rc = tp / max(1, p), tp / max(1, g)
        return f"P {pr:.3f} R {rc:.3f} F1 {2 * pr * rc / max(1e-9, pr + rc):.3f}"
    print()
    for role in ("content", "source", "cue"):
        print(f"exact {role} strict:     {f1(conv[role + '_strict_tp'], conv[role + '_strict_gold'], conv[role + '_strict_pred'])}")
        print(f"exact {role} convention-matched: {f1(conv[role + '_tp'], conv[role + '_gold'], conv[role + '_pred'])}"
              "  (polnear.CONVENTION_LEAD left out of both sides)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
