"""The document date garante infers for each timex_it document, against dct.tsv: which are right, wrong,
unknown, and where each came from (the cleaner's header, URL, dateline, or the time layer's inference).

    .venv/bin/python eval/timex_it/dates.py              # dev: every document whose date is not dct.tsv's
    .venv/bin/python eval/timex_it/dates.py --all        # every document
    .venv/bin/python eval/timex_it/dates.py --part third # only the ny_* documents
    .venv/bin/python eval/timex_it/dates.py --split test --report

A wrong date is worse than none: precision (dated pages whose date is not wrong / dated) is printed beside accuracy.
"""
from __future__ import annotations

import argparse
import sys

from run import TEXTS, load, page_date, rows

from garante.document import Document, Span
from garante.extract.sentences import SentenceSplitter
from garante.extract.timex import TimeTagger


def infer(doc, url: str | None, ctx, parse: bool) -> dict:
    """The page's date as the cleaner reads it, then as the time layer completes it."""
    from run import CAPTURE_DATE
    published, precision = page_date(doc, url)
    text = CAPTURE_DATE.sub(lambda m: " " * len(m.group(0)), doc.text)
    d = Document(source=doc.id, raw=doc.text, text=text,
                 meta={"language": "it", "published": published, "published_precision": precision})
    d.add(Span(0, len(text), "zone", "body"))
    SentenceSplitter()(d, None)
    if parse:
        from garante.nlp import LinguisticLayer
        LinguisticLayer()(d, None)
    TimeTagger()(d, ctx)
    return {"page": published, "final": d.meta.get("published"), "source": d.meta.get("published_source")}


def verdict(gold: str, got: str | None) -> str:
    if not got:
        return "unknown"
    if got == gold:
        return "right"
    if len(gold) > len(got) and gold.startswith(got):
        return "coarse"   # the month where the day is known
    return "wrong"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    ap.add_argument("--report", action="store_true", help="required for the test split")
    ap.add_argument("--all", action="store_true", help="list every document, not only the misses")
    ap.add_argument("--no-parse", dest="parse", action="store_false")
    ap.add_argument("--part", choices=["all", "first", "second", "third"], default="all")
    a = ap.parse_args(argv)
    if a.split in ("test", "all") and not a.report:
        sys.exit("the test split is for reporting only (--report)")
    from garante.pipeline import Context
    ctx = Context()
    urls = {r[0]: r[1] for r in rows("sources.tsv")[1:]}
    counts: dict[str, int] = {}
    for doc in load(TEXTS, a.split, a.part):
        got = infer(doc, urls.get(doc.id), ctx, a.parse)
        v = verdict(doc.dct, got["final"] and str(got["final"])[:len(doc.dct)] if got["final"] and
                    len(str(got["final"])) > len(doc.dct) else got["final"])
        counts[v] = counts.get(v, 0) + 1
        if a.all or v != "right":
            print(f"{doc.id}\t{v:7}\tgold {doc.dct:10}\tgot {got['final'] or '-':10}\tpage {got['page'] or '-':10}"
                  f"\t{got['source'] or ''}\t{urls.get(doc.id, '')[:90]}")
    n, dated = sum(counts.values()), n_dated(counts)
    print(f"{n} documents: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) +
          f"; accuracy {counts.get('right', 0) / n:.3f}, precision (dated and not wrong) {(dated - counts.get('wrong', 0)) / max(dated, 1):.3f}")
    return 0


def n_dated(counts: dict[str, int]) -> int:
    return sum(v for k, v in counts.items() if k != "unknown")


if __name__ == "__main__":
    raise SystemExit(main())
