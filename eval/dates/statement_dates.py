#!/usr/bin/env python3
"""List the statement dates of a kept export against its gold.

    python3 eval/dates/statement_dates.py KEEP [--all] [--lang it|en] [--summary]

KEEP is a run.sh KEEP folder (gold.json, out/documents.jsonl). For each gold statement with a date that
garante matched (the shared scorer's matching: one prediction per gold statement), prints the gold date,
the predicted date and its source, the page's date (gold / predicted and its source) and the sentence
around the anchor. Only the wrong and missing dates unless --all. --summary counts by predicted
date_source and by the relation between gold date, statement date and page date.
"""
import argparse, collections, json, pathlib, sys, datetime

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
import score  # noqa: E402  (the shared scorer: statement_matches, name_matches)


def sentence(text, anchor, width=260):
    i = text.find(anchor[:40]) if text else -1
    if i < 0:
        return anchor
    a = max(0, i - width // 2)
    return text[a:i + len(anchor) + width // 2].replace("\n", " / ")


def relation(gold, pred, page):
    def d(x):
        try:
            return datetime.date.fromisoformat(x[:10]) if x and len(x) >= 10 else None
        except ValueError:
            return None
    g, p, pg = d(gold), d(pred), d(page)
    if pred is None:
        return "missing, page dated" if page else "missing, page undated"
    if gold and len(gold) < 10 and len(pred) >= 10:
        return "gold month/year, pred a day" + (" (page's)" if pred == page else "")
    if p is None:
        return "not a day (%s)" % pred
    if g and p and g.year != p.year and (g.month, g.day) == (p.month, p.day):
        return "year wrong"
    if pg and p == pg and g:
        return "page date taken, gold %+d days" % (g - pg).days if abs((g - pg).days) <= 7 else "page date taken, gold far"
    if g and p:
        return "other day (%+d)" % (p - g).days if abs((p - g).days) <= 7 else "other day (far)"
    return f"other (gold {len(gold or '')} chars, pred {len(pred or '')} chars)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("keep")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--lang")
    ap.add_argument("--summary", action="store_true")
    a = ap.parse_args()
    keep = pathlib.Path(a.keep)
    gold = json.loads((keep / "gold.json").read_text())
    preds = {}
    for line in (keep / "out" / "documents.jsonl").read_text().splitlines():
        if line.strip():
            d = json.loads(line)
            preds[d.get("source")] = d
    by_src, by_rel, n, ok = collections.Counter(), collections.Counter(), 0, 0
    for g in gold["documents"]:
        if a.lang and g["meta"]["language"] != a.lang:
            continue
        p = preds.get(g["file"])
        if p is None:
            continue
        ps_all = p.get("statements") or []
        used = set()
        for gs in g["statements"]:
            hits = [i for i, ps in enumerate(ps_all)
                    if i not in used and score.statement_matches(ps.get("content"), gs["anchor"])]
            if not hits:
                continue
            best = max(hits, key=lambda i: (score.name_matches(ps_all[i].get("speaker"), gs["speaker_aliases"]),
                                            -len(ps_all[i].get("content") or "")))
            used.add(best)
            if not gs.get("date"):
                continue
            ps = ps_all[best]
            n += 1
            right = ps.get("date") == gs["date"]
            ok += right
            rel = "right" if right else relation(gs["date"], ps.get("date"), p.get("published"))
            by_src[(ps.get("date_source"), right)] += 1
            by_rel[rel] += 1
            if right and not a.all:
                continue
            if a.summary:
                continue
            print(f"{gs['id']}  gold {gs['date']}  pred {ps.get('date')} ({ps.get('date_source')})  "
                  f"page gold {g['meta'].get('published')} / pred {p.get('published')} ({p.get('published_source')})  [{rel}]")
            print("    " + sentence(p.get("text") or "", gs["anchor"]))
    print(f"\n{ok}/{n} statement dates right ({ok / max(n, 1):.3f})")
    if a.summary:
        for (src, right), c in sorted(by_src.items(), key=lambda x: (-x[1])):
            print(f"  source {src!s:10} {'right' if right else 'wrong'} {c}")
        for rel, c in by_rel.most_common():
            print(f"  {rel:40} {c}")


if __name__ == "__main__":
    main()
