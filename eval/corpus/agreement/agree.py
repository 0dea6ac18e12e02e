#!/usr/bin/env python3
"""Inter-annotator agreement on the sample: the first gold against the second annotation.

    python3 eval/corpus/agreement/agree.py [--texts /work/corpus_texts] [--out /tmp/agreement] [--json] [--round round4]

For each language (and both pooled) and in both directions, one annotation is written out as the
gold file and the other as the export the shared scorer reads as predictions (documents.jsonl +
positions.json), and ../shared/eval/score.py is run on them. Then the statements both annotators
have are paired and each (statement, issue) is compared: issue agreement, side agreement and Cohen's
kappa. Texts and exports are written under --out (never into the repository: they hold page text).
"""
import argparse
import json
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent
SCORER = CORPUS.parent.parent.parent / "shared" / "eval" / "score.py"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(SCORER.parent))
from positions import actor_name, derive_positions  # noqa: E402
import bootstrap  # noqa: E402
import pairs  # noqa: E402
import score as shared_score  # noqa: E402

FIGURES = ("statement_recall", "statement_precision", "statement_f1", "speaker_accuracy",
           "on_behalf_of_accuracy", "statement_date_accuracy", "stance_recall", "stance_precision",
           "stance_f1", "positions")
MODES = ("paired", "sentence", "anchor")


ROUND = ""  # "" for the first study; "round4" reads sample_round4.json and <lang>_round4.json


def suffix() -> str:
    return f"_{ROUND}" if ROUND else ""


def sample_ids() -> dict:
    return json.loads((HERE / f"sample{suffix()}.json").read_text())["documents"]


GOLD_COMMIT = None  # None: the working tree's gold.json; else the gold.json of this commit


def gold_text(lang: str) -> str:
    if GOLD_COMMIT is None:
        return (CORPUS / lang / "gold.json").read_text(encoding="utf-8")
    path = f"eval/corpus/{lang}/gold.json"
    return subprocess.run(["git", "show", f"{GOLD_COMMIT}:{path}"], cwd=CORPUS, capture_output=True,
                          text=True, check=True).stdout


def first_annotation(lang: str, ids: list) -> list:
    """The first gold's entries of the sampled documents, reduced to what statements are scored on."""
    gold = json.loads(gold_text(lang))
    wanted = {f"{i}.txt" for i in ids}
    docs = [d for d in gold["documents"] if d["file"] in wanted]
    return [reduced(d) for d in sorted(docs, key=lambda d: d["file"])]


def second_annotation(lang: str) -> list:
    docs = json.loads((HERE / f"{lang}{suffix()}.json").read_text(encoding="utf-8"))["documents"]
    return [reduced(d) for d in sorted(docs, key=lambda d: d["file"])]


def reduced(doc: dict) -> dict:
    """A gold entry without the layers this study does not compare (cleaning, entities, times)."""
    return {**doc, "body_lines": [], "boilerplate_lines": [], "entities": [], "not_entities": [],
            "time_expressions": []}


def gold_file(docs: list) -> dict:
    return {"version": 1, "documents": docs, "positions": derive_positions(docs)}


def content_spans(gold_doc: dict, pred_doc: dict, text: str, mode: str) -> dict:
    """Offsets of each predicted statement's content, by statement id.

    anchor: the anchor itself; sentence: the anchor's sentence; paired: the anchor joined with the
    anchor of the gold statement it is paired with (pairs.py), as if the content covered both."""
    spans = pairs.anchor_spans(pred_doc, text)
    if mode == "sentence":
        return {i: pairs.sentence_span(text, *s) for i, s in spans.items()}
    if mode == "paired":
        gold_spans = pairs.anchor_spans(gold_doc, text)
        for g, p in pairs.pair_documents(gold_doc, pred_doc, text, shared_score)[0]:
            (g0, g1), (p0, p1) = gold_spans[g["id"]], spans[p["id"]]
            spans[p["id"]] = (min(g0, p0), max(g1, p1))
    return spans


def exported_statement(statement: dict, span: tuple, text: str) -> dict:
    start, end = span
    obo = actor_name(statement)
    return {"speaker": {"name": statement["speaker"], "kind": statement.get("speaker_kind")},
            "on_behalf_of": {"name": obo} if obo else None, "kind": statement["kind"],
            "content": text[start:end], "content_start": start, "content_end": end,
            "date": statement.get("date"),
            "issues": [{"issue": i, "stance": s[0]} for i, s in statement["issues"].items()]}


def exported_document(doc: dict, text: str, spans: dict) -> dict:
    """One line of documents.jsonl: the annotation as a prediction, required issues only."""
    meta = doc["meta"]
    return {"source": doc["file"], "language": meta["language"],
            "published": meta.get("published") or meta.get("published_inferable"),
            "body": text, "statements": [exported_statement(s, spans[s["id"]], text) for s in doc["statements"]]}


def exported_documents(gold_docs: list, pred_docs: list, texts: dict, mode: str) -> dict:
    gold = {d["file"]: d for d in gold_docs}
    return {d["file"]: exported_document(d, texts[d["file"]],
                                         content_spans(gold[d["file"]], d, texts[d["file"]], mode))
            for d in pred_docs}


def exported_positions(docs: list) -> list:
    return [{"actor": {"name": p["actor"]}, "issue": p["issue"], "stance": p["stance"][0]}
            for p in derive_positions(docs)]


def run_scorer(gold_docs: list, pred_docs: list, texts: dict, out: pathlib.Path, mode: str) -> dict:
    """Writes gold.json, documents.jsonl and positions.json under out and returns the scorer's figures."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "gold.json").write_text(json.dumps(gold_file(gold_docs), ensure_ascii=False), encoding="utf-8")
    exported = exported_documents(gold_docs, pred_docs, texts, mode).values()
    lines = (json.dumps(d, ensure_ascii=False) for d in exported)
    (out / "documents.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "positions.json").write_text(json.dumps(exported_positions(pred_docs)), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(out / "gold.json"),
                           "--pred", str(out / "documents.jsonl"), "--positions", str(out / "positions.json"),
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def intervals(first: list, second: list, texts: dict) -> dict:
    """Bootstrap intervals of statement and stance F1, first gold as gold, paired content."""
    pred = exported_documents(first, second, texts, "paired")
    counts = bootstrap.doc_counts(first, pred, shared_score)
    return {what: [round(x, 3) for x in bootstrap.interval(counts, what)] for what in ("statement", "stance")}


def load_texts(root: pathlib.Path, lang: str, ids: list) -> dict:
    return {f"{i}.txt": (root / lang / f"{i}.txt").read_text(encoding="utf-8") for i in ids}


def study(root: pathlib.Path, out: pathlib.Path) -> dict:
    """All figures: per language and pooled, both directions, the three kinds of content span."""
    ids = sample_ids()
    sets = {}
    for lang in ("it", "en"):
        sets[lang] = (first_annotation(lang, ids[lang]), second_annotation(lang), load_texts(root, lang, ids[lang]))
    sets["all"] = tuple(sets["it"][k] + sets["en"][k] for k in (0, 1)) + ({**sets["it"][2], **sets["en"][2]},)
    results = {}
    for name, (first, second, texts) in sets.items():
        for mode in MODES:
            tag = f"{name}/{mode}"
            results[tag] = {
                "first_as_gold": run_scorer(first, second, texts, out / tag / "first_as_gold", mode),
                "second_as_gold": run_scorer(second, first, texts, out / tag / "second_as_gold", mode)}
        results[f"{name}/pairs"] = pairs.compare(first, second, texts, shared_score)
        results[f"{name}/pairs"]["summary"]["f1_90pct_first_as_gold"] = intervals(first, second, texts)
    return results


def print_table(results: dict) -> None:
    """One block per kind of content span; each cell: first gold as gold / the reverse."""
    sets = ("it", "en", "all")
    for mode in MODES:
        print(f"\n{mode + ' content':26s}" + "".join(f"{s:>18s}" for s in sets))
        for fig in FIGURES:
            cells = (results[f"{s}/{mode}"] for s in sets)
            print(f"{fig:26s}" + "".join(f"{fmt(c['first_as_gold'].get(fig))} / {fmt(c['second_as_gold'].get(fig))}"
                                         .rjust(18) for c in cells))
    for s in sets:
        summary = {k: round(v, 3) if isinstance(v, float) else v for k, v in results[f"{s}/pairs"]["summary"].items()}
        print(f"\n{s} pairs: " + json.dumps(summary))


def fmt(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default="/work/corpus_texts", help="folder with <lang>/<doc_id>.txt")
    ap.add_argument("--out", default="/tmp/agreement", help="where the gold and export files are written")
    ap.add_argument("--json", action="store_true", help="print every figure as one JSON object")
    ap.add_argument("--round", default="", help="a later round: sample_<round>.json and <lang>_<round>.json")
    ap.add_argument("--commit", default=None, help="read the first gold from this commit (default: working tree)")
    a = ap.parse_args()
    global ROUND, GOLD_COMMIT
    ROUND, GOLD_COMMIT = a.round, a.commit
    out = pathlib.Path(a.out) / a.round if a.round else pathlib.Path(a.out)
    results = study(pathlib.Path(a.texts), out)
    if a.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
    else:
        print("each cell: first gold as gold, second annotation as prediction / the reverse")
        print_table(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
