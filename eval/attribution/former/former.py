"""On whose behalf former officials and unnamed sources speak (issue 12): a labelled check set of our own
sentences (former.jsonl, Italian and English news style, written for it before any fix).

Cases: a description put in the past ("l'ex ministra tedesca", "a former US envoy", "the ex-NATO chief", "a
retired general", "il già ministro": no ``on_behalf_of``, the guide's section 3), a named former official (the
role the text gives decides: "l'ex cancelliere X" speaks for no state even where the knowledge base still lists
the office; another office he holds at the date still counts), "l'allora premier" / "then-Chancellor" (the office
held when he spoke: its state), unnamed sources opening a sentence ("Fonti di governo …", "Funzionari ucraini
…": anonymous, never a person's name), and controls that must not change (current ministers, "fonti del
Cremlino" -> Russia, "e oggi deputato della Lega").

Each line: ``id``, ``split`` (``dev``; ``aside``: 8 lines set apart before any fix, read only to report),
``case``, ``lang``, ``text`` (analysed after a dateline of 3 March 2025 in the line's language), ``content``
(words of the expected statement's content), ``kind`` (the expected ``speaker_kind``, or a list of accepted
ones), ``speaker`` (words of the speaker's name or written source) and ``on_behalf_of`` (the side's id, or
null). A line is right when its statement is found with all three.

Usage (from the repository root): PYTHONPATH=$PWD/src .venv/bin/python eval/attribution/former/former.py
[--split dev|aside|all] [--verbose]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from itframes import _speaker_words  # noqa: E402  (the helpers of the Italian frames' check set)

GOLD = Path(__file__).with_name("former.jsonl")
LEADS = {"it": "ROMA, 3 marzo 2025 - ", "en": "LONDON, March 3, 2025 - "}


def judge(item: dict, analyse) -> tuple[dict, object]:
    """Which of found / kind / speaker / on_behalf_of the line gets right, and the statement judged."""
    doc = analyse(item.get("lead", LEADS[item["lang"]]) + item["text"])
    st = next((s for s in doc.statements if item["content"] in s.content), None)
    if st is None:
        return {"found": False, "kind": False, "speaker": False, "on_behalf_of": False}, None
    kinds = item["kind"] if isinstance(item["kind"], list) else [item["kind"]]
    return {"found": True, "kind": st.attrs.get("speaker_kind") in kinds,
            "speaker": item["speaker"].lower() in _speaker_words(doc, st).lower(),
            "on_behalf_of": st.on_behalf_of_id == item["on_behalf_of"]}, st


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "aside", "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="print every line judged wrong, with its statement")
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()
    from garante.pipeline import analyse_text
    gold = [json.loads(x) for x in args.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    counts, by_case, n = Counter(), {}, 0
    for item in gold:
        if args.split != "all" and item["split"] != args.split:
            continue
        n += 1
        verdict, st = judge(item, analyse_text)
        right = all(verdict.values())
        counts.update(k for k, v in verdict.items() if v)
        counts["all_right"] += right
        by_case.setdefault(item["case"], Counter())["right" if right else "wrong"] += 1
        if args.verbose and not right:
            got = (f"{st.speaker_name!r} {st.attrs.get('speaker_kind')} obo={st.on_behalf_of_id}"
                   if st is not None else "no statement")
            print(f"[{item['id']}] {item['text']}\n      want {item['kind']} {item['speaker']!r} "
                  f"obo={item['on_behalf_of']}; got {got}")
    print(json.dumps({"split": args.split, "lines": n, **{k: counts[k] for k in
                      ("found", "kind", "speaker", "on_behalf_of", "all_right")},
                      "by_case": {k: dict(v) for k, v in sorted(by_case.items())}}, indent=1))


if __name__ == "__main__":
    main()
