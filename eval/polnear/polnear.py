"""PolNeAR (Political News Attribution Relations, Newell et al. 2018) as a test of garante's statements.

Reads the corpus from a bare git mirror made by the search tool's ``fetch`` (never committed; the corpus
ships without a licence file, so it is used here for measurement only), runs garante over each article
and scores the statements against the gold attributions:

- content P/R/F1 with overlap >= 50% (shared words >= half of the longer of the two spans),
  one-to-one, best overlap first; recall by kind (direct, indirect, mixed: from the gold content's quotes);
- inputs: the article text, with NYT's ''…'' quotation marks written as “…” (same offsets);
- exact-span P/R/F1 of content, source and cue (CofeNet-style: the span equals the gold span, ignoring
  surrounding punctuation and quotation marks; the source and cue as the statement's ``source_span`` and
  ``cue_span`` write them, where it has them);
- source accuracy on matched pairs: the predicted speaker's span overlaps the gold source, or a word of
  the speaker's name appears in it (a gold source "Mr. Trump" and a speaker "Donald Trump").

    python eval/polnear/polnear.py dev [--limit 20] [--write DIR] [--verbose] [--json OUT]
    python eval/polnear/polnear.py test     # report only: never develop on the test split

Develop on train/dev only. One annotator's file is used per article (the first by annotator code).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

MIRROR = Path(os.environ.get("POLNEAR_MIRROR", "/work/.mirror/networkdynamics+PolNeAR/repo"))
WORD = re.compile(r"\w+", re.UNICODE)
QUOTES = "\"“”«»"
EDGE = " \t\n.,;:!?\"“”'‘’«»()—–-"


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(MIRROR), *args], check=True, capture_output=True,
                          text=True).stdout


def articles(split: str) -> list[tuple[str, str]]:
    """(article name, annotation path) for one split, one annotator per article."""
    names = git("ls-tree", "-r", "--name-only", "HEAD", f"data/{split}/attributions").split()
    chosen: dict[str, str] = {}
    for path in sorted(names):
        stem = Path(path).stem.rsplit("_", 1)[0]
        chosen.setdefault(stem, path)
    return sorted(chosen.items())


def parse_ann(ann: str) -> list[Gold]:
    """brat standoff: T lines are spans (possibly discontinuous), E lines tie them into attributions."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for line in ann.splitlines():
        if line.startswith("T") and line.count("\t") >= 1:  # (a few train files have a broken T line)
            tid, info, *_ = line.split("\t")
            ranges = info.split(" ", 1)[1]
            spans[tid] = [tuple(map(int, r.split())) for r in ranges.split(";")]
    golds = []
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        roles: dict[str, list[tuple[int, int]]] = {}
        for arg in line.split("\t")[1].split():
            role, tid = arg.split(":")
            roles.setdefault(re.sub(r"\d+$", "", role), []).extend(spans.get(tid, []))
        if roles.get("Content"):
            golds.append(Gold(roles["Content"], roles.get("Source", []), roles.get("Cue", [])))
    return golds


def gold_kind(text: str, g: Gold) -> str:
    text = typographic(text)
    body = " ".join(text[a:b] for a, b in g.content).strip(EDGE.replace('"', "").replace("“", "").replace("”", ""))
    marks = sum(body.count(q) for q in QUOTES)
    if marks == 0:
        return "indirect"
    inner = body.strip(" .,")
    if inner[:1] in QUOTES and inner[-1:] in QUOTES and marks == 2:
        return "direct"
    return "mixed"


@dataclass
class Pred:
    content: tuple[int, int]
    speaker: tuple[int, int] | None
    name: str
    kind: str
    rule: str
    cue: tuple[int, int] | None = None
    lemma: str = ""
    continues: int | None = None  # index of the statement this one goes on from (a split quote)
    parts: list = field(default_factory=list)  # the content's fragments (more than one: a split quote)

    def __post_init__(self):
        self.parts = self.parts or [self.content]


def typographic(text: str) -> str:
    """The New York Time articles of PolNeAR write quotation marks as two apostrophes (''…''): as “ and ”,
    padded with a space so that every offset stays where it was."""
    def mark(m: re.Match) -> str:
        opening = m.start() == 0 or text[m.start() - 1] in " \n\t(—-"
        return " “" if opening else "” "
    return re.sub(r"''", mark, text)


def analyse(text: str, name: str, pipeline):
    """garante's document of one article (its quotation marks made typographic)."""
    from garante.ingest import Capture
    return pipeline.analyse_capture(Capture(source=name + ".txt", raw=typographic(text), format="text"))


def predict(text: str, name: str, pipeline) -> list[Pred]:
    """garante's statements on one article, with offsets mapped back to the article text."""
    return statements_of(analyse(text, name, pipeline))


def statements_of(doc) -> list[Pred]:
    """A document's statements as predictions, with offsets in the article text."""
    out: list[Pred | None] = []
    for st in doc.statements:
        content = doc.raw_span(st.content_start, st.content_end)
        if content is None:
            out.append(None)
            continue
        speaker = None
        if st.attrs.get("source_span"):  # the source as the sentence writes it ("he"), before resolution
            speaker = doc.raw_span(*st.attrs["source_span"])
        elif st.speaker_start is not None and st.speaker_end is not None:
            speaker = doc.raw_span(st.speaker_start, st.speaker_end)
        cue = doc.raw_span(st.cue_start, st.cue_end) if st.cue_start is not None and st.cue_end else None
        if st.attrs.get("cue_span"):  # the cue with its verb group as written ("has also said")
            cue = doc.raw_span(*st.attrs["cue_span"])
        out.append(Pred(content, speaker, st.speaker_name or "", st.attrs.get("speaker_kind", ""), st.rule, cue,
                        st.attrs.get("cue_lemma") or "", st.attrs.get("continues")))
    return merge_split_quotes(out)


def merge_split_quotes(preds: list[Pred | None]) -> list[Pred]:
    """One attribution of a quote split by its reporting clause (PolNeAR marks it so): a statement
    that ``continues`` another widens that one's content."""
    for p in preds:
        if p is not None and p.continues is not None and preds[p.continues] is not None:
            head = preds[p.continues]
            head.parts.append(p.content)
    return [p for p in preds if p is not None and (p.continues is None or preds[p.continues] is None)]


def words(text: str, spans) -> set[int]:
    """Start offsets of the words inside the spans (the unit of overlap)."""
    return {a + m.start() for a, b in spans for m in WORD.finditer(text[a:b])}


def trimmed(text: str, spans) -> tuple[int, int]:
    a, b = min(s for s, _ in spans), max(e for _, e in spans)
    while a < b and text[a] in EDGE:
        a += 1
    while b > a and text[b - 1] in EDGE:
        b -= 1
    return a, b


def misses(split: str, limit: int, pipeline):
    """Every gold attribution of a split that garante does not find: (article text, garante's document,
    the gold, garante's predictions) per miss, article by article (``limit``: the first articles only)."""
    items = articles(split)
    for name, ann in items[:limit] if limit else items:
        text = git("show", f"HEAD:data/{split}/text/{name}.txt")
        golds = parse_ann(git("show", f"HEAD:{ann}"))
        doc = analyse(text, name, pipeline)
        preds = statements_of(doc)
        found = match(text, golds, preds)
        for i, g in enumerate(golds):
            if i not in found:
                yield text, doc, g, preds


def match(text: str, golds: list[Gold], preds: list[Pred]) -> dict[int, int]:
    """gold index -> pred index, one to one, best overlap first, overlap >= 50% of the longer span."""
    gw = [words(text, g.content) for g in golds]
    pw = [words(text, p.parts) for p in preds]
    pairs = []
    for i, g in enumerate(gw):
        for j, p in enumerate(pw):
            shared = len(g & p)
            if shared and shared >= 0.5 * max(len(g), len(p)):
                pairs.append((shared / max(len(g), len(p)), i, j))
    out: dict[int, int] = {}
    used = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def nearest(text: str, g: Gold, preds: list[Pred]) -> str:
    """Why a gold attribution was missed: the prediction sharing most of its words, if any (a content
    too long or too short), for the error analysis of --verbose."""
    gw = words(text, g.content)
    best = max(preds, key=lambda p: len(gw & words(text, p.parts)), default=None)
    shared = len(gw & words(text, best.parts)) if best is not None else 0
    if not shared:
        return " | no prediction shares a word"
    pw = len(words(text, best.parts))
    return f" | nearest [{best.rule}] {shared}/{len(gw)} gold words, {pw} predicted: " \
        f"{text[best.content[0]:best.content[1]][:70]!r}"


def source_ok(text: str, g: Gold, p: Pred) -> bool:
    if not g.source:
        return p.speaker is None
    if p.speaker and any(a < p.speaker[1] and p.speaker[0] < b for a, b in g.source):
        return True
    gold_words = {w.lower() for a, b in g.source for w in WORD.findall(text[a:b])}
    return any(w.lower() in gold_words for w in WORD.findall(p.name) if w[:1].isupper())


class Tally:
    def __init__(self):
        self.n: dict[str, int] = {}

    def add(self, key: str, k: int = 1) -> None:
        self.n[key] = self.n.get(key, 0) + k

    def f1(self, tp: str, n_pred: str, n_gold: str) -> dict[str, float]:
        p = self.n.get(tp, 0) / max(1, self.n.get(n_pred, 0))
        r = self.n.get(tp, 0) / max(1, self.n.get(n_gold, 0))
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def exact_set(text: str, spans_list, lead: frozenset = frozenset()) -> set[tuple[int, int]]:
    """The spans trimmed of edge punctuation (and, for the convention-matched figures, of leading words
    of ``lead``: both sides alike)."""
    return {strip_lead(text, trimmed(text, s), lead) for s in spans_list if s}


# conventions the strict exact figures count against garante (README): PolNeAR's content keeps the
# complementiser ("that …"), garante's leaves it out; PolNeAR's cue keeps auxiliaries, negation and adverbs
# before the verb ("has also called for"), garante's is the verb; PolNeAR's source keeps the determiner and
# the title ("the Washington Post", "Sen. Marco Rubio"), garante's is the name. The convention-matched
# figures leave these leading words out of both sides, and are reported apart, never in place of the strict.
CONVENTION_LEAD = {
    "content": frozenset({"that", "whether", "if"}),
    "cue": frozenset({"has", "have", "had", "will", "would", "was", "were", "is", "are", "be", "been", "did",
                      "does", "do", "could", "can", "may", "might", "should", "must", "also", "not", "never",
                      "n't", "being", "already", "just", "again", "still", "repeatedly", "often", "later",
                      "first", "previously", "recently", "publicly", "’s", "'s"}),
    "source": frozenset({"the", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president",
                         "secretary", "gen", "general", "judge", "rev", "prof", "professor", "former"}),
}


def strip_lead(text: str, span: tuple[int, int], words: frozenset) -> tuple[int, int]:
    """The span without its leading words of ``words`` (case and a final full stop ignored)."""
    a, b = span
    while words:
        m = re.match(r"([\w.’']+)\s+", text[a:b])
        if not m or m.group(1).lower().rstrip(".") not in words:
            break
        a += m.end()
    return a, b


def score_article(text: str, golds: list[Gold], preds: list[Pred], t: Tally, notes: list[str], name: str):
    m = match(text, golds, preds)
    t.add("gold", len(golds))
    t.add("pred", len(preds))
    t.add("matched", len(m))
    for i, g in enumerate(golds):
        kind = gold_kind(text, g)
        t.add(f"gold_{kind}")
        if i in m:
            t.add(f"matched_{kind}")
            ok = source_ok(text, g, preds[m[i]])
            t.add("source_pairs")
            t.add("source_ok", ok)
            if not ok:
                notes.append(f"{name}: source {preds[m[i]].name!r} want "
                             f"{' '.join(text[a:b] for a, b in g.source)!r}")
        else:
            cue = " ".join(text[a:b] for a, b in g.cue)
            notes.append(f"{name}: missed {kind} [{cue}]: {text[g.content[0][0]:g.content[-1][1]][:90]!r}"
                         + nearest(text, g, preds))
    for j, p in enumerate(preds):
        rule = p.rule.split("+")[0].removeprefix("nested-")
        t.add(f"rule_pred:{rule}")
        t.add(f"rule_matched:{rule}", j in m.values())
        t.add(f"cue_pred:{rule}:{p.lemma}")
        t.add(f"cue_matched:{rule}:{p.lemma}", j in m.values())
        if j not in m.values():
            notes.append(f"{name}: extra ({p.rule}, {p.name}): {text[p.content[0]:p.content[1]][:90]!r}")
    for role, gold_spans, pred_spans in (
            ("content", [g.content for g in golds], [p.parts for p in preds]),
            ("source", [g.source for g in golds], [[p.speaker] if p.speaker else [] for p in preds]),
            ("cue", [g.cue for g in golds], [[p.cue] if p.cue else [] for p in preds])):
        gs, ps = exact_set(text, gold_spans), exact_set(text, pred_spans)
        t.add(f"exact_{role}_tp", len(gs & ps))
        t.add(f"exact_{role}_gold", len(gs))
        t.add(f"exact_{role}_pred", len(ps))
        lead = CONVENTION_LEAD[role]
        gs, ps = exact_set(text, gold_spans, lead), exact_set(text, pred_spans, lead)
        t.add(f"conv_{role}_tp", len(gs & ps))
        t.add(f"conv_{role}_gold", len(gs))
        t.add(f"conv_{role}_pred", len(ps))


def report(t: Tally) -> dict:
    n = t.n
    out = {"articles": n.get("articles", 0), "gold": n.get("gold", 0), "pred": n.get("pred", 0),
           "content_overlap50": t.f1("matched", "pred", "gold"),
           "recall_by_kind": {k: round(n.get(f"matched_{k}", 0) / max(1, n.get(f"gold_{k}", 0)), 3)
                              for k in ("direct", "indirect", "mixed")},
           "gold_by_kind": {k: n.get(f"gold_{k}", 0) for k in ("direct", "indirect", "mixed")},
           "source_accuracy": round(n.get("source_ok", 0) / max(1, n.get("source_pairs", 0)), 3)}
    out["precision_by_rule"] = {k.split(":", 1)[1]: f"{n.get('rule_matched:' + k.split(':', 1)[1], 0)}/{v}"
                                for k, v in sorted(n.items()) if k.startswith("rule_pred:")}
    for role in ("content", "source", "cue"):
        out[f"exact_{role}"] = t.f1(f"exact_{role}_tp", f"exact_{role}_pred", f"exact_{role}_gold")
    for role in ("content", "source", "cue"):  # (labelled apart: never in place of the strict figures)
        out[f"convention_matched_exact_{role}"] = t.f1(f"conv_{role}_tp", f"conv_{role}_pred", f"conv_{role}_gold")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    ap.add_argument("--write", type=Path, help="also write the articles as garante inputs (.txt) here")
    ap.add_argument("--verbose", action="store_true", help="print every miss, extra and wrong source")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--speech-frames", action="store_true",
                    help="garante's default frames only (as on news analysis), not every attribution frame")
    ap.add_argument("--by-cue", action="store_true", help="precision of each (rule, cue lemma): for "
                    "choosing a frame's lemmas on the train split")
    args = ap.parse_args(argv)
    if not (MIRROR / "HEAD").exists():
        sys.exit(f"polnear.py: no PolNeAR mirror at {MIRROR} (fetch github:networkdynamics/PolNeAR "
                 "with the search tool, or set POLNEAR_MIRROR)")
    from garante.pipeline import Context, Pipeline
    # PolNeAR marks every attribution, objects and infinitives too ("vowed to fight", "criticized the plan")
    pipeline = Pipeline(Context(options={"attribution_frames": "speech" if args.speech_frames else "all"}))
    items = articles(args.split)[args.offset:]
    items = items[:args.limit] if args.limit else items
    t, notes = Tally(), []
    for name, ann_path in items:
        text = git("show", f"HEAD:data/{args.split}/text/{name}.txt")
        if args.write:
            args.write.mkdir(parents=True, exist_ok=True)
            (args.write / f"{name}.txt").write_text(typographic(text), encoding="utf-8")
        golds = parse_ann(git("show", f"HEAD:{ann_path}"))
        t.add("articles")
        score_article(text, golds, predict(text, name, pipeline), t, notes, name)
    if args.verbose:
        print("\n".join(notes))
    if args.by_cue:
        for k, v in sorted(t.n.items(), key=lambda kv: -kv[1]):
            if k.startswith("cue_pred:"):
                key = k.split(":", 1)[1]
                print(f"{key}\t{t.n.get('cue_matched:' + key, 0)}/{v}")
    figures = report(t)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
