"""Italian speaker chains across sentences (issue 12): a labelled check set of short news articles of our own
(itchain.jsonl, written for it) where the speaker of a statement is named in another sentence or paragraph:
a null subject ("Ha poi aggiunto che …", "«…», ha concluso."), a pronoun or clitic ("Lo ha detto X", "lei"),
a role naming a person named before ("il ministro", "il portavoce"), a surname alone, an interview's answers,
a quotation in a paragraph of its own, two speakers alternating, "secondo quanto riferito da", "fa sapere",
"Così X" and reported speech going on in the conditional ("Il governo sarebbe pronto a …").

Each line: ``id``, ``split`` (``dev``: developed on; ``aside``: 8 articles set apart before any fix, read only
to report), ``style``, ``text`` (the whole article with its dateline) and ``statements``: the expected ones,
each with ``content`` (words its content must hold), ``speaker`` (words of the speaker's name or written
source) and ``how`` (the way the article names the speaker). An expected statement is found where a statement's
content holds ``content``; its speaker is right where ``speaker`` is in the speaker's name or written source
(not the on-behalf-of name: "Lavrov" for "Russia" would pass as anyone Russian). A statement is right (for
precision) where its content holds some expected ``content`` of its article.

Usage (from the repository root): PYTHONPATH=$PWD/src .venv/bin/python eval/attribution/itchain/itchain.py
[--split dev|aside|all] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from itframes import figures  # noqa: E402  (recall and speaker counts as the sentence set reports them)

GOLD = Path(__file__).with_name("itchain.jsonl")


def speaker_words(doc, st) -> str:
    span = st.attrs.get("source_span")
    written = doc.text[span[0]:span[1]] if span else ""
    return " ".join(x for x in (st.speaker_name, written) if x)


def speaker_named(want: dict, words: str) -> bool:
    """Whether the expected speaker's name or description is among the statement's speaker words."""
    return want["speaker"].lower() in words.lower()


def judge_article(item: dict, speaker_right=speaker_named) -> tuple[Counter, list[str]]:
    """Counts of ``tp``/``tp-speaker``/``fn`` over the expected statements and ``predicted``/``fp`` over the
    statements found, with a line for each miss. ``speaker_right(want, words)`` judges the speaker (enchain.py
    passes its own, with alternatives and wrong speakers)."""
    from garante.pipeline import analyse_text
    doc = analyse_text(item["text"])
    statements, counts, notes = list(doc.statements), Counter(), []
    for want in item["statements"]:
        st = next((s for s in statements if want["content"] in s.content), None)
        if st is None:
            verdict = "fn"
        else:
            verdict = "tp" if speaker_right(want, speaker_words(doc, st)) else "tp-speaker"
        counts[verdict] += 1
        counts[f"{want['how']}:{verdict}"] += 1
        if verdict != "tp":
            said = f" -> {st.speaker_name} / {speaker_words(doc, st)!r} [{st.rule}]" if st else ""
            notes.append(f"{verdict:10} [{item['id']}] {want['how']}: {want['content']!r} ({want['speaker']}){said}")
    for s in statements:
        counts["predicted"] += 1
        if not any(w["content"] in s.content for w in item["statements"]):
            counts["fp"] += 1
            notes.append(f"{'fp':10} [{item['id']}] {s.content[:80]!r} | {s.speaker_name} | {s.rule}")
    return counts, notes


def report(counts: Counter, split: str) -> dict:
    base = figures(Counter({k: counts[k] for k in ("tp", "tp-speaker", "fn")}))
    found = base["found"]
    right = counts["predicted"] - counts["fp"]
    by_how = {}
    for key, n in counts.items():
        if ":" in key:
            how, verdict = key.split(":")
            by_how.setdefault(how, Counter())[verdict] += n
    return {"split": split, "expected": base["positives"], "found": found, "recall": base["recall"],
            "predicted": counts["predicted"], "false_positives": counts["fp"],
            "precision": round(right / counts["predicted"], 3) if counts["predicted"] else None,
            "speaker_right": base["speaker_right"],
            "speaker_accuracy": round(base["speaker_right"] / found, 3) if found else None,
            "by_how": {k: dict(v) for k, v in sorted(by_how.items())}}


def main(judge=judge_article, gold_path: Path = GOLD, doc: str = __doc__) -> None:
    """The command line of a chain set: ``judge`` reads one article of ``gold_path`` (enchain.py passes its own)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "aside", "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="print every miss, wrong speaker and false positive")
    ap.add_argument("--gold", type=Path, default=gold_path)
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = Counter()
    for item in gold:
        if args.split != "all" and item["split"] != args.split:
            continue
        counts, notes = judge(item)
        total.update(counts)
        if args.verbose and notes:
            print("\n".join(notes))
    print(json.dumps(report(total, args.split), indent=1))


if __name__ == "__main__":
    main()
