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
    p.add_argument("--token", default=None,
                   help="token required for writes (corrections, uploads); default: $GARANTE_TOKEN; "
                        "without one the workbench is read-only")
    p.set_defaults(func=run_serve)


def run_serve(args) -> int:
    import uvicorn
    from ..present.web import create_app
    token = args.token or os.environ.get("GARANTE_TOKEN") or None
    app = create_app(args.db, token=token, ctx=context_from(args))
    if not token:
        print("garante serve: no --token or GARANTE_TOKEN: read-only (corrections and uploads are refused)",
              file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"garante serve: listening on {args.host}: reading is open to anyone who can reach it",
              file=sys.stderr)
    # positions over a large store take seconds to compute: start before the first visitor asks
    threading.Thread(target=app.state.workbench.warm, name="warm", daemon=True).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
