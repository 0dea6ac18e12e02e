"""Analysis time per KB for adversarial but realistic shapes of text, Italian and English.

    python benchmarks/bench_shapes.py [--sizes 2,8,32,128] [--shape NAME ...] [--lang it,en] [--budget 600]

bench_length.py grows article-shaped texts; a rule that is super-linear in something articles seldom
have many of (quotation marks left open, names in one list, colons, words in one sentence, entries in
one page) hides there. Each shape here is grown to each size (KB) and analysed by the full default
pipeline (after a warm-up document); printed: CPU ms per KB, the ratio of each size's ms/KB to the
smallest size's (linear work is a flat column; a ratio over 2 is flagged "<<"), and for a flagged shape
the component whose time per KB grew most. Shapes (each in Italian and in English):

  quote-paras    hundreds of short paragraphs, each a quotation and its tag
  open-quotes    one paragraph of sentences, each opening a quotation never closed
  nested-quotes  « “ ‘ ’ ” » nested and mixed, with tags, in paragraphs
  name-list      one sentence listing names "A, B, C … and Z" (500 names at 8 KB)
  capitalised    runs of capitalised words (headline case) in paragraphs
  live-blog      timestamped entries ("10:42 — …"), one per paragraph
  colons         "Speaker: …" and dash-led lines, many colons and dashes
  no-punct       one sentence of thousands of words with no punctuation
  table          a table-like page of numbers, dates and percentages, one row a line (a full stop each,
                 else the cleaner drops the rows as page furniture)
  repeated       the same paragraph again and again

CPU time is this process's (other load on the machine aside); a small text is timed as the median of
three runs. Exit status 1 when some shape's ratio is over 2.
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FIRST = ["Marco", "Anna", "John", "Olena", "Pierre", "Maria", "Dmytro", "Sarah", "Luca", "Karin", "Tomasz", "Elena"]
LAST = ["Rossi", "Bianchi", "Smith", "Kovalenko", "Dubois", "Schneider", "Nowak", "Fischer", "Moretti", "Brown",
        "Horvath", "Petrenko", "Conti", "Walker", "Lindqvist", "Ferrari", "Novak", "Jensen"]
PLACES = ["Kiev", "Bruxelles", "Roma", "Parigi", "Berlino", "Varsavia", "Londra", "Washington", "Mosca", "Ankara"]
MONTHS = {"it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno"],
          "en": ["January", "February", "March", "April", "May", "June"]}

# per language: a said-verb, a quotation, a noun phrase of the domain, a conjunction
WORDS = {
    "it": dict(said="ha detto", says="dice", quote="le garanzie di sicurezza per l'Ucraina devono essere credibili",
               topic="le garanzie di sicurezza per Kiev", conj="e", talks="i colloqui a"),
    "en": dict(said="said", says="says", quote="security guarantees for Ukraine must be credible",
               topic="the security guarantees for Kyiv", conj="and", talks="the talks in"),
}


def name(k: int) -> str:
    """The k-th of many distinct made-up names (first name and surname, or two surnames)."""
    f, l = FIRST[k % len(FIRST)], LAST[(k // len(FIRST)) % len(LAST)]
    return f"{f} {l}" if k < len(FIRST) * len(LAST) else f"{f} {l}-{LAST[k % len(LAST)]}"


def unit(shape: str, lang: str, k: int) -> str:
    """The k-th piece of a text of that shape: pieces are joined (by the shape's joiner) to any size."""
    w, who, place = WORDS[lang], name(k), PLACES[k % len(PLACES)]
    if shape == "quote-paras":
        return f"«Su {w['topic']} non ci sono scadenze ({k})», {w['said']} {who}." if lang == "it" else \
            f"“There is no deadline on {w['topic']} ({k}),” {who} {w['said']}."
    if shape == "open-quotes":
        return f"{who} {w['said']}: «{w['quote']} a {place} ({k})." if lang == "it" else \
            f"{who} {w['said']}: “{w['quote']} in {place} ({k})."
    if shape == "nested-quotes":
        inner = f"‘{w['quote']}’" if k % 2 else f"“{w['quote']}”"
        return f"«{who} {w['said']} “{inner} a {place}” ({k})», {w['says']} {name(k + 1)}." if lang == "it" else \
            f"“{who} {w['said']} ‘«{w['quote']}» in {place}’ ({k}),” {name(k + 1)} {w['says']}."
    if shape == "name-list":
        return who
    if shape == "capitalised":
        return (f"Al Vertice Straordinario Sulle Garanzie Di Sicurezza Di {place} {who} Ha Incontrato Il Consiglio "
                f"Europeo E La Coalizione Dei Volenterosi Numero {k}." if lang == "it" else
                f"At The Extraordinary Summit On Security Guarantees In {place} {who} Met The European Council And "
                f"The Coalition Of The Willing Number {k}.")
    if shape == "live-blog":
        hh, mm = 6 + (k // 60) % 18, k % 60
        return f"{hh:02d}:{mm:02d} — {who} {w['said']} che {w['topic']} saranno discusse a {place} ({k})." \
            if lang == "it" else f"{hh:02d}:{mm:02d} — {who} {w['said']} that {w['topic']} will be discussed in {place} ({k})."
    if shape == "colons":
        return f"{who}: {w['quote']} – {place}: {w['talks']} {place} ({k}) — {w['said']} ieri." if lang == "it" else \
            f"{who}: {w['quote']} – {place}: {w['talks']} {place} ({k}) — {w['said']} yesterday."
    if shape == "no-punct":
        return f"{who} {w['said']} {w['topic']} {w['conj']} {w['talks']} {place} {k}"
    if shape == "table":
        m = MONTHS[lang][k % 6]
        return f"{place} | {1 + k % 28} {m} 2025 | {k * 37 % 1000},{k % 10} | {k % 100}% | {2020 + k % 6}-{1 + k % 12:02d}-{1 + k % 28:02d}."
    if shape == "repeated":
        return f"{who} {w['said']} che {w['topic']} sono al centro dei colloqui." if lang == "it" else \
            f"{who} {w['said']} that {w['topic']} are at the centre of the talks."
    raise ValueError(shape)


SHAPES = ["quote-paras", "open-quotes", "nested-quotes", "name-list", "capitalised", "live-blog", "colons",
          "no-punct", "table", "repeated"]
JOIN = {"open-quotes": " ", "name-list": ", ", "no-punct": " ", "table": "\n"}  # the others: paragraphs


def text_of(shape: str, lang: str, kb: int) -> str:
    """A document of about ``kb`` KB of that shape, with a title."""
    title = "Garanzie di sicurezza: la giornata" if lang == "it" else "Security guarantees: the day"
    lead = {"name-list": ("Alla riunione erano presenti " if lang == "it" else "The meeting was attended by "),
            "no-punct": ""}.get(shape, "")
    join = JOIN.get(shape, "\n\n")
    pieces, size = [], len(lead)
    repeated = shape == "repeated"
    for k in itertools.count():
        piece = unit(shape, lang, 0 if repeated else k)
        pieces.append(piece)
        size += len(piece.encode()) + len(join)
        if size >= kb * 1024:
            break
    if shape == "name-list":  # "A, B, … and Z."
        body = lead + ", ".join(pieces[:-1]) + f" {WORDS[lang]['conj']} {pieces[-1]}."
    else:
        body = lead + join.join(pieces) + ("." if shape == "no-punct" else "")
    return f"{title}\n\n{body}\n"


class Timed:
    """A component wrapped to add its CPU time to a tally by name."""

    def __init__(self, component, tally: dict):
        self.component, self.tally = component, tally
        self.name = getattr(component, "name", type(component).__name__)

    def __call__(self, doc, ctx):
        t = time.process_time()
        try:
            return self.component(doc, ctx)
        finally:
            self.tally[self.name] = self.tally.get(self.name, 0.0) + time.process_time() - t


def timed(pipeline, tally: dict, capture) -> tuple:
    """The document, its median CPU seconds over up to three runs (one for a run over 1 s), and the
    per-component seconds of the median run."""
    runs = []
    while not runs or len(runs) < 3 and sum(r[0] for r in runs) < 1.0:
        tally.clear()
        t = time.process_time()
        doc = pipeline.analyse_capture(capture)
        runs.append((time.process_time() - t, dict(tally), doc))
    secs, parts, doc = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    return doc, secs, parts


def run_shape(pipeline, tally, shape: str, lang: str, sizes: list[int]) -> float:
    """Prints one row per size; returns the largest ms/KB over the smallest size's."""
    from garante.ingest import Capture
    from garante.pipeline import OverBudget
    first, worst, parts_at = None, 1.0, {}
    for kb in sizes:
        text = text_of(shape, lang, kb)
        try:
            doc, secs, parts = timed(pipeline, tally, Capture(source=f"{shape}-{lang}-{kb}kb", raw=text, format="text"))
        except Exception as e:  # over budget, or a bug met on a shape: the other sizes still run
            print(f"  {shape:14} {lang} {kb:5} {'over budget' if isinstance(e, OverBudget) else 'FAILED'}: {type(e).__name__}: {e}")
            return float("inf")
        per_kb = secs * 1000 / kb
        first = first or per_kb
        worst = max(worst, per_kb / first)
        parts_at[kb] = parts
        flag = "  <<" if per_kb / first > 2 else ""
        print(f"  {shape:14} {lang} {kb:5} {len(doc.text):8d} {secs:8.2f} {per_kb:8.2f} {per_kb / first:6.2f}"
              f" {len(doc.statements):6d}{flag}", flush=True)
    if worst > 2 and len(parts_at) > 1:
        lo, hi = min(parts_at), max(parts_at)
        growth = {c: (parts_at[hi].get(c, 0) / hi) / max(parts_at[lo].get(c, 0) / lo, 1e-9) for c in parts_at[hi]}
        top = max(parts_at[hi], key=lambda c: parts_at[hi][c])
        print(f"    slowest component at {hi} KB: {top} ({parts_at[hi][top]:.2f} s, ms/KB x{growth[top]:.1f})")
    return worst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2,8,32,128", help="KB, comma-separated, smallest first")
    ap.add_argument("--shape", nargs="*", choices=SHAPES, default=SHAPES)
    ap.add_argument("--lang", default="it,en")
    ap.add_argument("--budget", type=float, default=600, help="the pipeline's time budget per document, seconds")
    a = ap.parse_args()
    from garante.ingest import Capture
    from garante.pipeline import Context, Pipeline
    tally: dict = {}
    pipeline = Pipeline(Context(options={"time_budget": a.budget}))
    pipeline.components = [Timed(c, tally) for c in pipeline.components]
    for lang in a.lang.split(","):  # warm-up: models and the data each shape reaches loaded
        for shape in SHAPES:
            pipeline.analyse_capture(Capture(source="warm-up", raw=text_of(shape, lang, 1), format="text"))
    sizes = [int(s) for s in a.sizes.split(",")]
    print(f"  {'shape':14} la {'KB':>5} {'chars':>8} {'seconds':>8} {'ms/KB':>8} {'x 1st':>6} {'stmts':>6}")
    worst = {}
    for shape in a.shape:
        for lang in a.lang.split(","):
            worst[(shape, lang)] = run_shape(pipeline, tally, shape, lang, sizes)
    bad = [f"{s} {l} x{w:.1f}" for (s, l), w in worst.items() if w > 2]
    print(f"\nratio over 2: {', '.join(bad) or 'none'}; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
