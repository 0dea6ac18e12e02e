"""Score garante's time tagger on the Italian TimeML set (gold.tsv, dct.tsv; texts outside the repository).

    .venv/bin/python eval/timex_it/run.py                  # dev split, document dates from dct.tsv
    .venv/bin/python eval/timex_it/run.py --misses 50      # also list the errors, for study
    .venv/bin/python eval/timex_it/run.py --dct garante    # end to end: the date garante reads off the page
    .venv/bin/python eval/timex_it/run.py --split test --report   # the test split: report only
    .venv/bin/python eval/timex_it/run.py --part second    # only the nx_* documents (third session)
    .venv/bin/python eval/timex_it/run.py --part third     # only the ny_* documents (fifth session)

Scoring is TempEval-3's (eval/tempeval/te3.py): relaxed and strict extent F1, value and type accuracy
over the relaxed matches, value F1 = value accuracy × relaxed F1. See README.md for the annotation rules.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "tempeval"))
from te3 import Counts, Timex, TmlDoc, score  # noqa: E402

from garante.document import Document, Span  # noqa: E402
from garante.extract.sentences import SentenceSplitter  # noqa: E402
from garante.extract.timex import TimeTagger  # noqa: E402

TEXTS = {p: Path("/work/corpus_texts/timex_it") for p in ("tx", "it", "nx", "ny")}


def rows(name: str) -> list[list[str]]:
    with open(HERE / name, encoding="utf-8") as f:
        return [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]


def split_of(doc_id: str) -> str:
    """Fixed before any result was seen: every fourth document (by number) is test."""
    return "test" if int(doc_id.split("_")[1]) % 4 == 0 else "dev"


def locate(text: str, expr: str, n: int, doc_id: str) -> tuple[int, int]:
    hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(expr)}(?!\w)", text)]
    if len(hits) < n:
        raise SystemExit(f"gold.tsv: {doc_id}: {expr!r} occurs {len(hits)} times, gold says occurrence {n}")
    return hits[n - 1]


PARTS = {"first": ("tx", "it"), "second": ("nx",), "third": ("ny",), "all": ("tx", "it", "nx", "ny")}


def load(texts: dict[str, Path], which: str, part: str = "all") -> list[TmlDoc]:
    gold: dict[str, list[list[str]]] = {}
    for r in rows("gold.tsv"):
        gold.setdefault(r[0], []).append(r)
    docs = []
    for doc_id, dct, *_ in rows("dct.tsv"):
        if which != "all" and split_of(doc_id) != which or doc_id.split("_")[0] not in PARTS[part]:
            continue
        path = texts[doc_id.split("_")[0]] / f"{doc_id}.txt"
        if not path.exists():
            sys.exit(f"{path}: missing; re-materialise the texts (README.md)")
        text = path.read_text(encoding="utf-8")
        doc = TmlDoc(doc_id, dct, text)
        for _, expr, n, typ, value, *mod in gold.get(doc_id, []):
            start, end = locate(text, expr, int(n), doc_id)
            doc.timexes.append(Timex(start, end, typ, value, (mod or [""])[0]))
        docs.append(doc)
    return docs


def page_date(doc: TmlDoc, url: str | None) -> tuple[str | None, str | None]:
    """The date garante's cleaner reads off the capture and its URL, as a real capture comes (end-to-end mode)."""
    from garante.clean import clean
    from garante.ingest import Capture
    meta = clean(Capture(source=url or f"{doc.id}.txt", raw=doc.text, format="text",
                         hints={"url": url} if url else {})).meta
    return meta.get("published"), meta.get("published_precision")


# The " date 2025-08-27 " prefix the search tool puts before some excerpts is capture furniture, not text.
CAPTURE_DATE = re.compile(r"\A date \S+")


def tag(doc: TmlDoc, published: str | None, precision: str | None, parse: bool = False, ctx=None) -> list[Timex]:
    """garante's expressions in the document; with ``ctx`` (end to end) the tagger may infer the date too."""
    text = CAPTURE_DATE.sub(lambda m: " " * len(m.group(0)), doc.text)
    d = Document(source=doc.id, raw=doc.text, text=text,
                 meta={"language": "it", "published": published, "published_precision": precision})
    d.add(Span(0, len(text), "zone", "body"))
    SentenceSplitter()(d, None)
    if parse:  # the linguistic layer's tokens: the tagger reads the tense of the governing verb
        from garante.nlp import LinguisticLayer
        LinguisticLayer()(d, None)
    TimeTagger()(d, ctx)
    out = []
    for s in d.layer("timex"):
        start, end = s.attrs.get("timeml_extent") or (s.start, s.end)
        value = s.attrs.get("timeml_value") or s.attrs.get("value") or ""
        out.append(Timex(start, end, s.label, value, s.attrs.get("mod") or ""))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--report", action="store_true", help="required for the test split")
    ap.add_argument("--dct", choices=["gold", "garante"], default="gold")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--no-url", action="store_true", help="end to end without the page's URL (a bare text file)")
    ap.add_argument("--no-parse", dest="parse", action="store_false",
                    help="without the linguistic layer (tense from verb patterns only; the pipeline parses)")
    ap.add_argument("--texts", type=Path, metavar="DIR", help="the folder of the texts (all prefixes)")
    ap.add_argument("--part", choices=["all", "first", "second", "third"], default="all",
                    help="first: the tx_*/it_* documents of the first two sessions; second: the nx_* ones; third: ny_*")
    a = ap.parse_args(argv)
    if a.split in ("test", "all") and not a.report:
        sys.exit("the test split is for reporting only (--report)")
    texts = {p: a.texts for p in TEXTS} if a.texts else TEXTS
    total = Counts()
    ctx = None
    if a.dct == "garante":  # the knowledge base's dated events, as the pipeline has them
        from garante.pipeline import Context
        ctx = Context()
    urls = {} if a.no_url else {r[0]: r[1] for r in rows("sources.tsv")[1:]}
    for doc in load(texts, a.split, a.part):
        if a.dct == "gold":
            published, precision = doc.dct, {10: "day", 7: "month", 4: "year"}[len(doc.dct)]
        else:
            published, precision = page_date(doc, urls.get(doc.id))
        total.add(score(doc, tag(doc, published, precision, a.parse, ctx)))
    f = total.figures()
    print(f"timex_it {a.split}{'' if a.part == 'all' else ' ' + a.part} (dct {a.dct}{'' if a.parse else ', no parse'}): gold {f['gold']} system {f['system']}")
    print("  relaxed P/R/F1 {relaxed_p:.3f} {relaxed_r:.3f} {relaxed_f1:.3f}   strict F1 {strict_f1:.3f}   "
          "value accuracy {value_accuracy:.3f} F1 {value_f1:.3f}   type accuracy {type_accuracy:.3f}".format(**f))
    for kind, g, s in total.misses[:a.misses]:
        print(f"{kind:8} gold {g}\n         sys  {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
