"""The analyst's workbench: server-rendered pages and a JSON API over one evidence store.

Reading is open; every write (corrections, uploads) needs the token given at start-up, as
``Authorization: Bearer TOKEN`` or a ``token`` form field. Without a configured token writes are
refused. Article text is untrusted: templates autoescape, highlighted text is built by escaping every
character, links from metadata are kept only for http(s), and a strict Content-Security-Policy
forbids inline script.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ...pipeline import Context, Pipeline
from ...store import StoreError
from .api import api_router
from .data import STANCE_ORDER, Workbench
from .guard import LOCAL_HOSTS, Guard
from .jobs import Job, Jobs
from .pages import register_forms, register_pages
from .site import MAX_FORM, MAX_UPLOAD, Site, safe_url

HERE = Path(__file__).parent
MIN_TOKEN = 8

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'; connect-src 'self'")


def check_token_strength(token: str | None) -> str | None:
    """The token, or ValueError when it is trivial: too short, blank, or one character repeated."""
    if token is None:
        return None
    if len(token) < MIN_TOKEN or token != token.strip() or len(set(token)) < 4:
        raise ValueError(f"the token must have at least {MIN_TOKEN} characters, no surrounding spaces and at "
                         "least 4 different characters")
    return token


def create_app(db: str, token: str | None = None, ctx: Context | None = None,
               pipeline: Pipeline | None = None, allowed_hosts=LOCAL_HOSTS) -> FastAPI:
    """The workbench over the existing store ``db``; writes need ``token``; uploads are analysed with
    ``pipeline`` (default: garante's pipeline with ``ctx``); requests must name one of
    ``allowed_hosts`` in their Host header ("*": any). The routes live by concern: the JSON API in
    ``api.py``, the pages and their forms in ``pages.py``; what they share in ``site.Site``."""
    wb = Workbench(db, ctx, check_token_strength(token), pipeline)
    app = FastAPI(title="garante workbench", version="1", description="Evidence store: documents, statements, "
                  "stances, positions, corrections.", docs_url=None, redoc_url=None)
    app.state.workbench = wb
    jobs = app.state.jobs = Jobs(lambda path, job: _analyse_file(wb, path, job))
    site = Site(wb, jobs, _templates())
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _add_middleware(app, site, allowed_hosts)
    app.include_router(api_router(site))
    register_pages(app, site)
    register_forms(app, site)
    _add_error_pages(app, site)
    return app


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    env.globals.update(safe_url=safe_url, STANCES=STANCE_ORDER, quote=lambda s: quote(str(s), safe=""))
    env.filters["json_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
    return Jinja2Templates(env=env)


def _add_middleware(app: FastAPI, site: Site, allowed_hosts) -> None:
    """The security headers on every answer, and the guard (Host header, body limits) before every route."""
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    limits = [("/upload", MAX_UPLOAD + MAX_FORM), ("/api/upload", MAX_UPLOAD + MAX_FORM), ("/", MAX_FORM)]
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, limits=limits, api_token=site.header_token)


def _add_error_pages(app: FastAPI, site: Site) -> None:
    """Errors as JSON under /api, as a page elsewhere; a busy store is a 503 the client may retry."""
    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        # another writer holds the store: the request can be sent again (retried with backoff first)
        busy = getattr(exc, "retryable", False)
        return await http_error(request, HTTPException(503 if busy else 500, str(exc),
                                                       headers={"Retry-After": "2"} if busy else None))

    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return site.templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                               status_code=exc.status_code)
    app.add_exception_handler(HTTPException, http_error)


def _analyse_file(wb: Workbench, path: Path, job: Job) -> None:
    """Runs in the upload worker with its own connection; each document is its own transaction, so
    corrections are written between them."""
    from ...batch import analyze
    from ...store import Store
    with Store(wb.db) as store:
        before = store.query("SELECT COALESCE(MAX(id), 0) AS m FROM documents")[0]["m"]
        report = analyze([str(path)], store, wb.ctx, pipeline=wb.pipeline)
        job.documents = [r["id"] for r in store.query("SELECT id FROM documents WHERE id > ? ORDER BY id", (before,))]
    job.analysed, job.skipped = report.analysed, report.skipped
    job.errors = [e.replace(str(path), job.name).replace(str(path.parent), "") for e in report.errors]
