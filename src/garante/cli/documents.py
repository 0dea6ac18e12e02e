"""garante list / show: look at what is stored."""
from __future__ import annotations

import json
import re

from . import add_db

# C0 and C1 control characters but tab and line feed: an escape sequence in a capture or a file name
# must not drive the analyst's terminal (clear it, retitle it, hide text)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(value) -> str:
    """``value`` as text safe for a terminal: control characters shown as \\xNN / \\uNNNN."""
    return _CONTROL.sub(lambda m: ascii(m.group(0))[1:-1], str(value))


def register(sub) -> None:
    p = sub.add_parser("list", help="list stored documents")
    add_db(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_list)
    p = sub.add_parser("show", help="show one stored document with its annotations")
    add_db(p)
    p.add_argument("document", type=int, help="document id (see garante list)")
    p.add_argument("--json", action="store_true", help="the export record as JSON")
    p.add_argument("--raw", action="store_true", help="the raw capture with each line's classification")
    p.add_argument("--tokens", action="store_true",
                   help="the linguistic layer, one token a line (CoNLL-U columns plus character offsets)")
    p.set_defaults(func=run_show)
    p = sub.add_parser("errors", help="list the input problems recorded in the store")
    add_db(p)
    p.set_defaults(func=run_errors)


def open_existing(location: str):
    """The store for a reading command: a SQLite file that does not exist is an error (a typo in --db must
    not quietly create an empty store)."""
    from pathlib import Path
    from ..store import Store, StoreError
    if "://" not in location and not Path(location).is_file():
        raise StoreError(f"{location}: no such store (create it with: garante analyze PATH --db {location})")
    return Store(location)


def run_list(args) -> int:
    with open_existing(args.db) as store:
        rows = store.query("""SELECT d.id, d.published, d.language, d.outlet, d.title, d.source,
            (SELECT COUNT(*) FROM statements s WHERE s.document_id = d.id) AS statements
            FROM documents d ORDER BY d.id""")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(f"{'id':>4}  {'published':10}  lang  {'stmts':>5}  {'outlet':18}  title / source")
    for r in rows:
        title = r["title"] or r["source"]
        print(printable(f"{r['id']:>4}  {r['published'] or '-':10}  {r['language'] or '-':4}  {r['statements']:>5}  "
                        f"{(r['outlet'] or '-')[:18]:18}  {title[:70]}"))
    return 0


def run_show(args) -> int:
    from ..present.export import document_record
    with open_existing(args.db) as store:
        doc = store.load_document(args.document)
        rec = document_record(doc, store)
    if args.json:
        print(json.dumps(rec, ensure_ascii=False, indent=1))
        return 0
    if args.tokens:
        return _print_tokens(doc)
    if args.raw:
        for ln in doc.lines:
            text = doc.raw[ln.raw_start:ln.raw_end].replace("\r\n", "\n").replace("\n", " ↵ ")  # wrapped paragraphs
            print(printable(f"{ln.label:11} {text[:100]}"))
        return 0
    for k in ("source", "title", "published", "published_source", "outlet", "author", "url", "language", "section"):
        print(printable(f"{k:17} {rec.get(k)}"))
    print()
    print(printable(rec["body"]))
    print()
    print(printable(f"entities ({len(rec['entities'])}): " + ", ".join(e["name"] for e in rec["entities"])))
    print(printable("time expressions: " + ", ".join(f"{t['text']}={t['value']}" for t in rec["time_expressions"])))
    print(f"statements ({len(rec['statements'])}):")
    for s in rec["statements"]:
        issues = ", ".join(f"{i['issue']}:{i['stance']}" for i in s["issues"])
        print(printable(f"  [{s['kind']}] {s['speaker']['name']} ({s['on_behalf_of']['name']}, {s['date']}): "
                        f"{s['content'][:90]}" + (f"  -> {issues}" if issues else "")))
    return 0


def _print_tokens(doc) -> int:
    """Tokens are not stored (they would double the store): the shipped pipeline recomputes them from
    the stored text, which gives the same tokens as at analysis time for the same model version."""
    from ..nlp import LinguisticLayer, available
    from ..pipeline import Context
    if not available(doc.meta.get("language")):
        print(f"no linguistic pipeline for language {doc.meta.get('language')!r}")
        return 1
    LinguisticLayer()(doc, Context(options={"parse": "all"}))
    print("# sent\tid\tform\tlemma\tupos\tfeats\thead\tdeprel\tchars")
    for t in doc.tokens:
        print(printable(f"{t.sent}\t{t.i}\t{t.text}\t{t.lemma}\t{t.pos}\t{t.morph or '_'}\t{t.head}\t{t.dep}\t"
                        f"{t.start}-{t.end}"))
    return 0


def run_errors(args) -> int:
    with open_existing(args.db) as store:
        for r in store.query("SELECT * FROM ingest_errors ORDER BY id"):
            where = f"{r['source']}:{r['location']}" if r["location"] else r["source"]
            print(printable(f"{r['occurred_at']}  {where}: {r['message']}"))
    return 0
