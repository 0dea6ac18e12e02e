"""garante serve: the analyst's workbench (web pages and JSON API) over one store."""
from __future__ import annotations

import os
import sys
import threading

from . import add_db, add_knowledge, context_from


def register(sub) -> None:
    p = sub.add_parser("serve", help="start the web workbench and JSON API over a store")
    add_db(p)
    add_knowledge(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: localhost only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="a host name clients may use in their Host header besides localhost (repeatable; "
                        "default: localhost names and --host)")
    p.add_argument("--token-file", default=None, metavar="FILE",
                   help="a file holding the token required for writes (corrections, uploads); default: "
                        "$GARANTE_TOKEN; without one the workbench is read-only")
    p.add_argument("--token", default=None,
                   help="the token on the command line (visible to every local user in ps: prefer "
                        "--token-file or $GARANTE_TOKEN)")
    p.set_defaults(func=run_serve)


def read_token(args) -> str | None:
    """The write token: --token-file, else $GARANTE_TOKEN, else --token (with a warning)."""
    if args.token_file:
        try:
            with open(args.token_file, encoding="utf-8") as fh:
                return fh.read().strip() or None
        except OSError as e:
            raise SystemExit(f"garante serve: cannot read the token file {args.token_file}: {e.strerror or e}")
    if os.environ.get("GARANTE_TOKEN"):
        return os.environ["GARANTE_TOKEN"]
    if args.token:
        print("garante serve: a --token on the command line is visible to every local user (ps); use "
              "--token-file FILE or GARANTE_TOKEN", file=sys.stderr)
    return args.token or None


def allowed_hosts(args) -> list[str]:
    from ..present.web.guard import LOCAL_HOSTS
    extra = [args.host] if args.host not in ("0.0.0.0", "::") else []
    return list(LOCAL_HOSTS) + extra + args.allow_host


def run_serve(args) -> int:
    import uvicorn
    from ..present.web import create_app
    token = read_token(args)
    try:
        app = create_app(args.db, token=token, ctx=context_from(args), allowed_hosts=allowed_hosts(args))
    except ValueError as e:
        print(f"garante serve: {e}", file=sys.stderr)
        return 2
    if not token:
        print("garante serve: no --token-file or GARANTE_TOKEN: read-only (corrections and uploads are refused)",
              file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"garante serve: listening on {args.host}: reading is open to anyone who can reach it "
              f"(Host names allowed: {', '.join(allowed_hosts(args))})", file=sys.stderr)
    for note in app.state.workbench.notices:
        print(f"garante serve: {note}", file=sys.stderr)
    # positions over a large store take seconds to compute: start before the first visitor asks
    threading.Thread(target=app.state.workbench.warm, name="warm", daemon=True).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
