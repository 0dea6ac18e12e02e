"""``garante timeml``: stored documents as TimeML (TIMEX3), one file a document or on stdout.

    garante timeml 3 --db garante.db                 # document 3 on stdout
    garante timeml --all --db garante.db --out tml/  # every document, tml/<id>.tml
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import add_db


def register(sub) -> None:
    p = sub.add_parser("timeml", help="export documents' time expressions as TimeML (TIMEX3)")
    p.add_argument("documents", nargs="*", type=int, metavar="ID", help="document ids (see garante list)")
    p.add_argument("--all", action="store_true", help="every stored document")
    p.add_argument("--out", type=Path, help="a folder for <id>.tml files (default: stdout)")
    add_db(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..extract.timeml import to_timeml
    from ..store import Store
    with Store(args.db) as store:
        ids = store.document_ids() if args.all else args.documents
        if not ids:
            print("garante timeml: name document ids or --all", file=sys.stderr)
            return 2
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
        for doc_id in ids:
            xml = to_timeml(store.load_document(doc_id))
            if args.out:
                (args.out / f"{doc_id}.tml").write_text(xml, encoding="utf-8")
            else:
                sys.stdout.write(xml)
    return 0
