#!/usr/bin/env python3
"""Audit: is every office of the knowledge base nameable in each language?

For every role key the people of the knowledge base hold (with how many roles use it), say which
languages' ``offices`` (data/lang/<code>/roles.yaml) reach it: a phrase whose role keys name it, directly
or through a wildcard ("*minister"), or a head noun ("the head of X", "il capo di X") before an
organisation whose ``headed_by`` is that key. A count marked * is reached only through a wildcard (any
minister: "the minister" after a name), no phrase of its own. Keys no phrase of a language reaches are
listed last.

    PYTHONPATH=src python3 scripts/kb_offices.py [--langs it en] [--missing]

Left unreached on purpose (23rd session: 100 of 104 keys reached in each language): ``negotiator`` (people
without an office; "the Ukrainian negotiator" is any of a delegation, and one key-holder would take them all),
``department_director`` (an internal key: a director of one department of a ministry), ``deputy_committee_chair``
and ``presidential_adviser_strategic_affairs`` (one holder each, written with the person's name, not alone).
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from garante.extract.entities import lexicon
from garante.kb import KnowledgeBase


def reached(lex) -> dict[str, list[str]]:
    """Role key -> the phrases of the language that name it."""
    out: dict[str, list[str]] = defaultdict(list)
    head_nouns = []
    for entries in lex.offices.values():
        for toks, roles, _of, head in entries:
            phrase = " ".join(toks)
            for key in roles:
                for r in lex.roles([key]):
                    out[r].append(phrase + (" (*)" if "*" in key else ""))
            if head:
                head_nouns.append(phrase)
    if head_nouns:
        for e in lex.kb.entities.values():
            for r in lex.headed_by(e.id):
                out[r].append(f"<head noun> + {e.name}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", nargs="+", default=["it", "en"])
    ap.add_argument("--missing", action="store_true", help="list only the keys some language does not reach")
    args = ap.parse_args()
    kb = KnowledgeBase.load()
    count: Counter = Counter()
    ofs: dict[str, Counter] = defaultdict(Counter)
    for e in kb.entities.values():
        if e.type != "PER":
            continue
        for r in e.roles:
            count[r.role] += 1
            ofs[r.role][r.of] += 1
    by_lang = {lang: reached(lexicon(kb, lang)) for lang in args.langs}
    unreached: dict[str, list[str]] = {lang: [] for lang in args.langs}
    print(f"{'n':>4}  {'role key':40} " + " ".join(f"{lang:>4}" for lang in args.langs) + "  of (most frequent)")
    for key, n in sorted(count.items(), key=lambda x: (-x[1], x[0])):
        marks = []
        for lang in args.langs:
            ok = bool(by_lang[lang].get(key))
            phrases = by_lang[lang].get(key, [])
            only_wild = ok and all(p.endswith("(*)") for p in phrases)
            marks.append(f"{len(phrases):>3}{'*' if only_wild else ' '}" if ok else "   -")
            if not ok:
                unreached[lang].append(key)
        if args.missing and all(m.strip() != "-" for m in marks):
            continue
        where = ", ".join(f"{o}" for o, _ in ofs[key].most_common(4))
        print(f"{n:>4}  {key:40} " + " ".join(marks) + f"  {where}")
    print()
    for lang in args.langs:
        keys = unreached[lang]
        roles = sum(count[k] for k in keys)
        print(f"{lang}: {len(count) - len(keys)}/{len(count)} role keys reached; {len(keys)} unreached "
              f"({roles} of {sum(count.values())} roles): {' '.join(keys)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
