"""garante report (the positions brief) and garante codebook (check / show codebooks)."""
from __future__ import annotations

import sys
from pathlib import Path

from . import add_db


def register(sub) -> None:
    p = sub.add_parser("report", help="write the positions brief (report.md, report.html, positions.csv)")
    add_db(p)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--format", default="md,html", metavar="LIST",
                   help="comma-separated formats among md, html (default: md,html); positions.csv is always written")
    p.set_defaults(func=run_report)

    p = sub.add_parser("codebook", help="check or list codebooks (the issues of a negotiation)")
    csub = p.add_subparsers(dest="codebook_command", required=True, metavar="ACTION")
    c = csub.add_parser("check", help="validate codebook files (with the default codebook); exit 2 on problems")
    c.add_argument("files", nargs="+", metavar="FILE")
    c.set_defaults(func=run_codebook_check)
    c = csub.add_parser("show", help="list the issues and frameworks of the default codebook plus FILEs")
    c.add_argument("files", nargs="*", metavar="FILE")
    c.set_defaults(func=run_codebook_show)


def run_report(args) -> int:
    from ..present.report import write_report
    from ..store import Store
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    bad = [f for f in formats if f not in ("md", "html")]
    if bad:
        print(f"garante report: unknown format(s) {', '.join(bad)} (use md, html)", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        paths = write_report(store, args.out, formats)
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def run_codebook_check(args) -> int:
    from ..codebook import check
    problems = check([Path(f) for f in args.files])
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 2
    print(f"ok: {', '.join(args.files)}")
    return 0


def run_codebook_show(args) -> int:
    from ..codebook import Codebook
    book = Codebook.load([Path(f) for f in args.files])
    for issue in book.issues.values():
        print(f"{issue.id}\t{issue.proposition}")
    for fw in book.frameworks.values():
        implied = ", ".join(f"{i}={s}" for i, s in fw.implies.items())
        print(f"framework {fw.id}\t{fw.name}\t{fw.date or ''}\ttouches: {', '.join(fw.touches)}"
              + (f"\timplies: {implied}" if implied else ""))
    return 0
