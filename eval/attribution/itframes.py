"""Italian attribution frames that gave no statement (issue 12): a labelled check set of our own sentences
(itframes.jsonl, news style, written for it) with "X ha chiesto di …", "X ha deciso di …", "X ha accolto con
favore …", "X ha annunciato lo stop / la sospensione di …", "Secondo X, … dovrebbe/potrebbe …", two controls
that already worked, and near misses that are no statement (questions, agentless "è stato deciso", "secondo"
of order and time: "il secondo giorno", "in secondo luogo").

Each line: ``id``, ``split`` (``dev``: developed on; ``aside``: 15 lines set apart before any fix, read only
to report), ``frame``, ``text`` (analysed after an Italian dateline), ``content`` (words of the expected
statement's content, null where the sentence has no statement) and ``speaker`` (words of its speaker's name
or written source). A positive is found where a statement's content holds ``content``, its speaker right
where ``speaker`` is in the speaker's name, its written source or its on-behalf-of name; a negative is right
where the sentence gives no statement at all.

itframes29.jsonl (twenty-ninth session, 54 sentences, 10 aside, written before its fixes) adds speakers named by
an office alone ("il presidente della Repubblica", "il premier": the holder in the country of the article's
dateline), "l'ex inviato …" and feminine office nouns, objects of rejection ("ha escluso l'invio di …") and near
misses; a line may carry its own ``lead`` (another dateline) and ``not_speaker`` (names the speaker must not
have: an office read as the wrong holder is judged ``tp-speaker``). Both files are read unless ``--gold`` names one.

Usage (from the repository root): PYTHONPATH=$PWD/src .venv/bin/python eval/attribution/itframes.py
[--split dev|aside|all] [--verbose]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

GOLDS = [Path(__file__).with_name("itframes.jsonl"), Path(__file__).with_name("itframes29.jsonl")]
LEAD = "ROMA, 3 marzo 2025 - "


def _speaker_words(doc, st) -> str:
    span = st.attrs.get("source_span")
    written = doc.text[span[0]:span[1]] if span else ""
    return " ".join(x for x in (st.speaker_name, written, st.on_behalf_of_name) if x)


def judge(item: dict) -> tuple[str, list]:
    """``tp`` (found, right speaker), ``tp-speaker`` (found, wrong speaker), ``fn``, ``tn`` or ``fp``."""
    from garante.pipeline import analyse_text
    doc = analyse_text(item.get("lead", LEAD) + item["text"])
    statements = list(doc.statements)
    if item["content"] is None:
        return ("fp" if statements else "tn"), statements
    st = next((s for s in statements if item["content"] in s.content), None)
    if st is None:
        return "fn", statements
    words = _speaker_words(doc, st).lower()
    right = item["speaker"].lower() in words and not any(x.lower() in words for x in item.get("not_speaker", ()))
    return ("tp" if right else "tp-speaker"), statements


def figures(counts: Counter) -> dict:
    found = counts["tp"] + counts["tp-speaker"]
    positives = found + counts["fn"]
    predicted = found + counts["fp"]
    return {"positives": positives, "found": found, "recall": round(found / positives, 3) if positives else None,
            "speaker_right": counts["tp"], "negatives": counts["tn"] + counts["fp"], "false_positives": counts["fp"],
            "precision": round(found / predicted, 3) if predicted else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "aside", "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="print every line judged wrong, with its statements")
    ap.add_argument("--gold", type=Path, action="append", help="a gold file (repeatable; default: both)")
    args = ap.parse_args()
    gold = [json.loads(line) for path in (args.gold or GOLDS)
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts, by_frame = Counter(), {}
    for item in gold:
        if args.split != "all" and item["split"] != args.split:
            continue
        verdict, statements = judge(item)
        counts[verdict] += 1
        by_frame.setdefault(item["frame"], Counter())[verdict] += 1
        if args.verbose and verdict not in ("tp", "tn"):
            print(f"{verdict:10} [{item['id']}] {item['text']}")
            for s in statements:
                print(f"{'':13}{s.content!r} | {s.speaker_name} | {s.rule}")
    print(json.dumps({"split": args.split, **figures(counts),
                      "by_frame": {k: dict(v) for k, v in sorted(by_frame.items())}}, indent=1))


if __name__ == "__main__":
    main()
