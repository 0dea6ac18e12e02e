"""The written source and cue spans of statements (``attrs['source_span']``, ``attrs['cue_span']``, exported
as ``source_span``/``cue_span``) against a small gold of sentences written for it (gold.jsonl, Italian and
English news style: titles, appositions, datelines, "ha detto mercoledì all'agenzia X", "secondo fonti del
Cremlino", postverbal and dropped subjects).

Each gold line: ``lang``, ``text`` (one or two sentences, analysed after a dateline of its language),
``content`` (words of the statement's content, which find the statement), ``source`` (the source as the cue's
sentence writes it; null where that sentence writes none: a dropped subject) and ``cue`` (the cue with its
auxiliaries). The figures are exact-match rates over all gold lines (a statement not found misses both),
by language; the spans are read as the export reads them (the written span, else the speaker's and the
cue's own).

Usage (from the repository root): PYTHONPATH=$PWD/src .venv/bin/python eval/spans/spans.py [--verbose]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

GOLD = Path(__file__).with_name("gold.jsonl")
LEADS = {"it": "ROMA, 3 marzo 2025 - ", "en": "LONDON, March 3, 2025 - "}


def written_source(doc, st) -> str | None:
    """The source as the export writes it; None where it lies outside the cue's sentence (an inherited
    speaker of a dropped subject) or there is none."""
    span = st.attrs.get("source_span") or ([st.speaker_start, st.speaker_end]
                                           if None not in (st.speaker_start, st.speaker_end) else None)
    if not span:
        return None
    anchor = st.cue_start if st.cue_start is not None else st.content_start
    sentence = next((s for s in doc.layer("sentence") if s.start <= anchor < s.end), None)
    if sentence is not None and not sentence.start <= span[0] < sentence.end:
        return None
    return doc.text[span[0]:span[1]]


def written_cue(doc, st) -> str | None:
    span = st.attrs.get("cue_span") or ([st.cue_start, st.cue_end] if st.cue_start is not None else None)
    return doc.text[span[0]:span[1]] if span else None


def score(gold: list[dict], verbose: bool = False) -> dict:
    from garante.pipeline import analyse_text
    counts = Counter()
    for item in gold:
        lang = item["lang"]
        doc = analyse_text(LEADS[lang] + item["text"])
        st = next((s for s in doc.statements if item["content"] in s.content), None)
        source = written_source(doc, st) if st is not None else "<no statement>"
        cue = written_cue(doc, st) if st is not None else "<no statement>"
        counts[lang, "n"] += 1
        counts[lang, "found"] += st is not None
        counts[lang, "source"] += source == item["source"]
        counts[lang, "cue"] += cue == item["cue"]
        if verbose and (source != item["source"] or cue != item["cue"]):
            print(f"[{lang}] {item['text']}\n   source {source!r} (gold {item['source']!r})"
                  f"   cue {cue!r} (gold {item['cue']!r})")
    figures = {}
    for lang in sorted({k[0] for k in counts}):
        n = counts[lang, "n"]
        figures[lang] = {"n": n, "found": counts[lang, "found"], "source_exact": round(counts[lang, "source"] / n, 3),
                         "cue_exact": round(counts[lang, "cue"] / n, 3)}
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every span that does not match")
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(json.dumps(score(gold, args.verbose), indent=1))


if __name__ == "__main__":
    main()
