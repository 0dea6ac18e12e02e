"""The analyst's workbench: server-rendered pages and a JSON API over one evidence store.

Reading is open; every write (corrections, uploads) needs the token given at start-up, as
``Authorization: Bearer TOKEN`` or a ``token`` form field. Without a configured token writes are
refused. Article text is untrusted: templates autoescape, highlighted text is built by escaping every
character, links from metadata are kept only for http(s), and a strict Content-Security-Policy
forbids inline script.
"""
from __future__ import annotations

import hmac
import json
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import Path as PathParam
from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from ...pipeline import Context, Pipeline
from ...store import StoreError
from .. import corrections as corr
from .data import STANCE_ORDER, Workbench, summary
from .guard import LOCAL_HOSTS, Guard
from .jobs import Job, Jobs
from .upload import receive_file

HERE = Path(__file__).parent
ID = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_UPLOAD = 20 * 1024 * 1024
MAX_FORM = 64 * 1024  # a correction's body
MIN_TOKEN = 8
EVIDENCE_PAGE = 100  # statements on one page of a cell's evidence

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'; connect-src 'self'")

ERRORS = {401: {"description": "write without a valid token"},
          403: {"description": "writes are disabled: no token was configured"}}
NOT_FOUND = {404: {"description": "not found"}}
BEARER = HTTPBearer(auto_error=False, description="the token given to `garante serve --token`")


# --- API models ------------------------------------------------------------------------------
class SpeakerCorrection(BaseModel):
    statement_id: int = Field(ge=1, le=10**12)
    entity_id: str = Field(pattern=ID)
    author: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class StanceCorrection(BaseModel):
    statement_id: int = Field(ge=1, le=10**12)
    issue: str = Field(pattern=ID)
    stance: str = Field(pattern=r"^(support|oppose|conditional|neutral|none)$")
    author: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class EntityMerge(BaseModel):
    source_id: str = Field(pattern=ID)
    target_id: str = Field(pattern=ID)
    author: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class Created(BaseModel):
    id: int


class JobStatus(BaseModel):
    id: str
    name: str
    status: Literal["queued", "running", "done", "failed"]
    analysed: int
    skipped: int
    errors: list[str]
    documents: list[int]


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary"}}}}}}}


def check_token_strength(token: str | None) -> str | None:
    """The token, or ValueError when it is trivial: too short, blank, or one character repeated."""
    if token is None:
        return None
    if len(token) < MIN_TOKEN or token != token.strip() or len(set(token)) < 4:
        raise ValueError(f"the token must have at least {MIN_TOKEN} characters, no surrounding spaces and at "
                         "least 4 different characters")
    return token


def safe_url(url: Any) -> str | None:
    """``url`` if it is an http(s) address, else None (no javascript:, data: ... links)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    try:
        scheme = urlsplit(u).scheme.lower()
    except ValueError:
        return None
    return u if scheme in ("http", "https") and not re.search(r"[\s\"'<>`]", u) else None


def create_app(db: str, token: str | None = None, ctx: Context | None = None,
               pipeline: Pipeline | None = None, allowed_hosts=LOCAL_HOSTS) -> FastAPI:
    """The workbench over the existing store ``db``; writes need ``token``; uploads are analysed with
    ``pipeline`` (default: garante's pipeline with ``ctx``); requests must name one of
    ``allowed_hosts`` in their Host header ("*": any)."""
    wb = Workbench(db, ctx, check_token_strength(token), pipeline)
    app = FastAPI(title="garante workbench", version="1", description="Evidence store: documents, statements, "
                  "stances, positions, corrections.", docs_url=None, redoc_url=None)
    app.state.workbench = wb
    jobs = app.state.jobs = Jobs(lambda path, job: _analyse_file(wb, path, job))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    env.globals.update(safe_url=safe_url, STANCES=STANCE_ORDER, quote=lambda s: quote(str(s), safe=""))
    env.filters["json_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def token_status(given: str | None) -> int:
        if not wb.token:
            return 403
        return 0 if given and hmac.compare_digest(given.encode(), wb.token.encode()) else 401

    def check_token(given: str | None) -> None:
        status = token_status(given)
        if status == 403:
            raise HTTPException(403, "writes are disabled: start the server with a token")
        if status:
            raise HTTPException(401, "a valid token is required for writes")

    def header_token(value: str | None) -> int:
        scheme, _, given = (value or "").partition(" ")
        return token_status(given.strip() if scheme.lower() == "bearer" else None)

    limits = [("/upload", MAX_UPLOAD + MAX_FORM), ("/api/upload", MAX_UPLOAD + MAX_FORM), ("/", MAX_FORM)]
    app.add_middleware(Guard, allowed_hosts=allowed_hosts, limits=limits, api_token=header_token)

    def bearer(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]) -> None:
        check_token(credentials.credentials if credentials else None)

    def page(request: Request, name: str, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"token_required": True, **context})

    # --- JSON API ----------------------------------------------------------------------------
    api = APIRouter(prefix="/api", tags=["api"])

    @api.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @api.get("/overview")
    def api_overview() -> dict[str, Any]:
        return wb.overview()

    @api.get("/documents")
    def api_documents(limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
                      outlet: Annotated[str | None, Query(max_length=200)] = None,
                      language: Annotated[str | None, Query(max_length=20)] = None) -> dict[str, Any]:
        return wb.documents(limit, offset, outlet, language)

    @api.get("/documents/{doc_id}", responses=NOT_FOUND)
    def api_document(doc_id: Annotated[int, PathParam(ge=1, le=10**12)]) -> dict[str, Any]:
        doc = wb.document(doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return {k: v for k, v in doc.items() if not k.startswith("_")}

    @api.get("/actors/{actor_id}", responses=NOT_FOUND)
    def api_actor(actor_id: Annotated[str, PathParam(pattern=ID)]) -> dict[str, Any]:
        a = wb.actor(actor_id)
        if a is None:
            raise HTTPException(404, "no such actor")
        return a

    @api.get("/issues")
    def api_issues() -> list[dict[str, Any]]:
        return wb.issues()

    @api.get("/issues/{issue_id}", responses=NOT_FOUND)
    def api_issue(issue_id: Annotated[str, PathParam(pattern=ID)]) -> dict[str, Any]:
        i = wb.issue(issue_id)
        if i is None:
            raise HTTPException(404, "no such issue")
        return i

    @api.get("/positions")
    def api_positions(actor: Annotated[str | None, Query(pattern=ID)] = None,
                      issue: Annotated[str | None, Query(pattern=ID)] = None,
                      level: Annotated[Literal["state", "person"] | None, Query()] = None,
                      stance: Annotated[Literal["support", "oppose", "conditional", "neutral"] | None, Query()] = None,
                      evidence: Annotated[bool, Query(description="each position's evidence references, newest "
                                                                  "first (at most 100; the full lists are in "
                                                                  "/api/export/positions.json)")] = False,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                      offset: Annotated[int, Query(ge=0, le=10**6)] = 0) -> dict[str, Any]:
        """Positions, corrections applied, filtered and a page at a time: ``total`` matched."""
        rows = [p for p in wb.positions() if (actor is None or (p.get("actor") or {}).get("id") == actor)
                and (issue is None or p["issue"] == issue) and (level is None or p["actor_level"] == level)
                and (stance is None or p["stance"] == stance)]
        page = [{**summary(p), "evidence_count": len(p["evidence"]),
                 **({"evidence": p["evidence"][::-1][:100]} if evidence else {})}
                for p in rows[offset:offset + limit]]
        return {"total": len(rows), "limit": limit, "offset": offset, "positions": page}

    @api.get("/disagreements")
    def api_disagreements() -> list[dict[str, Any]]:
        """Cells where the speakers of one state or organisation take different sides: each one's stance."""
        return wb.disagreements()

    @api.get("/matrix")
    def api_matrix(level: Annotated[Literal["state", "person"], Query()] = "state") -> dict[str, Any]:
        return wb.matrix(level)

    @api.get("/evidence")
    def api_evidence(actor: Annotated[str, Query(pattern=ID)],
                     issue: Annotated[str, Query(pattern=ID)]) -> list[dict[str, Any]]:
        return wb.evidence(actor, issue)

    @api.get("/search")
    def api_search(q: Annotated[str, Query(max_length=500)] = "",
                   actor: Annotated[str | None, Query(pattern=ID)] = None,
                   issue: Annotated[str | None, Query(pattern=ID)] = None,
                   outlet: Annotated[str | None, Query(max_length=200)] = None,
                   date_from: Annotated[str | None, Query(pattern=DATE)] = None,
                   date_to: Annotated[str | None, Query(pattern=DATE)] = None,
                   limit: Annotated[int, Query(ge=1, le=200)] = 50,
                   offset: Annotated[int, Query(ge=0, le=100000)] = 0) -> dict[str, Any]:
        return wb.search(q, actor, issue, outlet, date_from, date_to, limit, offset)

    @api.get("/changes")
    def api_changes(date_from: Annotated[str, Query(pattern=DATE)],
                    date_to: Annotated[str, Query(pattern=DATE)]) -> dict[str, Any]:
        return wb.changes(date_from, date_to)

    @api.get("/corrections")
    def api_corrections() -> list[dict[str, Any]]:
        """Every correction; ``attached``: whether the statement it names is in the store now."""
        return wb.correction_list()

    def _record(fn, *args, **kwargs) -> int:
        with wb.write_lock:
            try:
                made = fn(wb.store, *args, **kwargs)
            except LookupError as e:
                raise HTTPException(404, str(e)) from e
            except corr.CorrectionError as e:
                raise HTTPException(409, str(e)) from e
        wb.refresh()  # outside the lock: the next correction is written while this one is applied
        return made

    write_responses = {**ERRORS, **NOT_FOUND, 409: {"description": "the correction contradicts the store "
                                                                     "(self-merge, merge cycle)"}}

    @api.post("/corrections/speaker", status_code=201, responses=write_responses, dependencies=[Depends(bearer)])
    def api_correct_speaker(body: SpeakerCorrection) -> Created:
        return Created(id=_record(corr.correct_speaker, body.statement_id, body.entity_id, body.author,
                                  body.note, kb=wb.ctx.kb))

    @api.post("/corrections/stance", status_code=201, responses=write_responses, dependencies=[Depends(bearer)])
    def api_correct_stance(body: StanceCorrection) -> Created:
        return Created(id=_record(corr.correct_stance, body.statement_id, body.issue, body.stance, body.author,
                                  body.note))

    @api.post("/corrections/merge", status_code=201, responses=write_responses, dependencies=[Depends(bearer)])
    def api_merge(body: EntityMerge) -> Created:
        return Created(id=_record(corr.merge_entities, body.source_id, body.target_id, body.author, body.note,
                                  kb=wb.ctx.kb))

    @api.delete("/corrections/by-id/{correction_id}", status_code=204, responses={**ERRORS, **NOT_FOUND},
                dependencies=[Depends(bearer)])
    def api_delete_correction(correction_id: Annotated[int, PathParam(ge=1, le=10**12)]) -> None:
        with wb.write_lock:
            if not corr.delete(wb.store, correction_id):
                raise HTTPException(404, "no such correction")
        wb.refresh()

    async def _queue_upload(request: Request, form_token: bool) -> Job:
        folder = Path(tempfile.mkdtemp(prefix="garante-upload-"))
        try:
            path, name = await receive_file(request, folder, MAX_UPLOAD, check_token if form_token else None)
        except BaseException:
            import shutil
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return jobs.submit(folder, path, Path(name or path.name).name)

    @api.post("/upload", status_code=202, responses={**ERRORS, 413: {"description": "too large"}},
              dependencies=[Depends(bearer)], openapi_extra=UPLOAD_BODY)
    async def api_upload(request: Request) -> JobStatus:
        """Queues the uploaded file for analysis; its status (and, when done, the documents) at
        ``/api/jobs/{id}``."""
        return JobStatus(**(await _queue_upload(request, form_token=False)).public())

    @api.get("/jobs/{job_id}", responses=NOT_FOUND)
    def api_job(job_id: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_-]{1,40}$")]) -> JobStatus:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job")
        return JobStatus(**job.public())

    @api.get("/export/documents.jsonl", response_class=StreamingResponse,
             responses={200: {"content": {"application/x-ndjson": {}}}})
    def export_documents():
        from ..export import document_record, entity_names

        def lines():
            store = wb.store
            names = entity_names(store)
            c = wb.corrections()
            ids = store.document_ids()
            for chunk in range(0, len(ids), 200):
                recs = [document_record(store.load_document(i), store, names) for i in ids[chunk:chunk + 200]]
                corr.apply_corrections(store, recs, c)
                for rec in recs:
                    yield json.dumps(rec, ensure_ascii=False) + "\n"
        return StreamingResponse(lines(), media_type="application/x-ndjson",
                                 headers={"Content-Disposition": 'attachment; filename="documents.jsonl"'})

    @api.get("/export/positions.json")
    def export_positions() -> JSONResponse:
        return JSONResponse(wb.positions(),
                            headers={"Content-Disposition": 'attachment; filename="positions.json"'})

    @api.get("/export/positions.csv", response_class=PlainTextResponse,
             responses={200: {"content": {"text/csv": {}}}})
    def export_positions_csv():
        import csv
        import io
        from ...analyse.positions import positions_rows_for_csv
        positions = wb.positions()
        rows = [{**r, "corrected": p["corrected"]} for r, p in zip(positions_rows_for_csv(positions), positions)]
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return PlainTextResponse(buf.getvalue(), media_type="text/csv",
                                 headers={"Content-Disposition": 'attachment; filename="positions.csv"'})

    app.include_router(api)

    # --- pages -------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request):
        return page(request, "overview.html", o=wb.overview())

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
                       outlet: Annotated[str | None, Query(max_length=200)] = None,
                       language: Annotated[str | None, Query(max_length=20)] = None):
        return page(request, "documents.html", d=wb.documents(50, offset, outlet, language), outlet=outlet,
                    language=language)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: Annotated[int, PathParam(ge=1, le=10**12)]):
        doc = wb.document(doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        entities = wb.store.query("SELECT id, name FROM entities ORDER BY name")
        return page(request, "document.html", doc=doc, **wb.document_html(doc), entities=entities,
                    issues=wb.issues(), url=safe_url(doc["meta"].get("url")))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: Annotated[str, PathParam(pattern=ID)]):
        a = wb.actor(actor_id)
        if a is None:
            raise HTTPException(404, "no such actor")
        entities = wb.store.query("SELECT id, name FROM entities WHERE id <> ? ORDER BY name", (actor_id,))
        return page(request, "actor.html", a=a, entities=entities, issue_names=_issue_names())

    def _issue_names() -> dict[str, str]:
        return {i["id"]: i["proposition"] for i in wb.issues()}

    @app.get("/issues/{issue_id}", response_class=HTMLResponse, include_in_schema=False)
    def issue_page(request: Request, issue_id: Annotated[str, PathParam(pattern=ID)]):
        i = wb.issue(issue_id)
        if i is None:
            raise HTTPException(404, "no such issue")
        return page(request, "issue.html", i=i, chart=_chart(i["timeline"]))

    @app.get("/matrix", response_class=HTMLResponse, include_in_schema=False)
    def matrix_page(request: Request, level: Annotated[Literal["state", "person"], Query()] = "state"):
        return page(request, "matrix.html", m=wb.matrix(level), issue_names=_issue_names(),
                    disagreements=wb.disagreements() if level == "state" else [])

    @app.get("/evidence", response_class=HTMLResponse, include_in_schema=False)
    def evidence_page(request: Request, actor: Annotated[str, Query(pattern=ID)],
                      issue: Annotated[str, Query(pattern=ID)], offset: Annotated[int, Query(ge=0, le=10**6)] = 0):
        name = (wb.names().get(actor) or {}).get("name") or actor
        ev = wb.evidence_page(actor, issue, EVIDENCE_PAGE, offset)
        return page(request, "evidence.html", actor=actor, actor_name=name, issue=issue, rows=ev["rows"], ev=ev,
                    issue_names=_issue_names())

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                    actor: Annotated[str | None, Query(max_length=200)] = None,
                    issue: Annotated[str | None, Query(max_length=200)] = None,
                    outlet: Annotated[str | None, Query(max_length=200)] = None,
                    date_from: Annotated[str | None, Query(max_length=10)] = None,
                    date_to: Annotated[str | None, Query(max_length=10)] = None,
                    offset: Annotated[int, Query(ge=0, le=100000)] = 0):
        # empty form fields arrive as ""; bad dates are dropped rather than failing the page
        clean = {k: (v or None) for k, v in dict(actor=actor, issue=issue, outlet=outlet).items()}
        for k in ("actor", "issue"):
            if clean[k] and not re.match(ID, clean[k]):
                clean[k] = None
        dates = {k: (v if v and re.match(DATE, v) else None) for k, v in dict(date_from=date_from,
                                                                              date_to=date_to).items()}
        r = wb.search(q, **clean, **dates, limit=50, offset=offset) if (q or any(clean.values())
                                                                        or any(dates.values())) else None
        outlets = [o["outlet"] for o in wb.overview()["by_outlet"] if o["outlet"]]
        return page(request, "search.html", r=r, q=q, f={**clean, **dates}, offset=offset, issues=wb.issues(),
                    outlets=outlets, actors=wb.overview()["actors"])

    @app.get("/changes", response_class=HTMLResponse, include_in_schema=False)
    def changes_page(request: Request, date_from: Annotated[str | None, Query(max_length=10)] = None,
                     date_to: Annotated[str | None, Query(max_length=10)] = None):
        ok = all(v and re.match(DATE, v) for v in (date_from, date_to))
        r = wb.changes(date_from, date_to) if ok else None
        return page(request, "changes.html", r=r, date_from=date_from or "", date_to=date_to or "")

    @app.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
    def corrections_page(request: Request):
        return page(request, "corrections.html", rows=wb.correction_list()[::-1])

    # --- form posts (token as a form field) --------------------------------------------------
    def _back(url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303)

    def _doc_of_statement(statement_id: int) -> int:
        rows = wb.store.query("SELECT document_id FROM statements WHERE id = ?", (statement_id,))
        if not rows:
            raise HTTPException(404, "no such statement")
        return rows[0]["document_id"]

    @app.post("/corrections/speaker", include_in_schema=False)
    def form_speaker(token: Annotated[str, Form(max_length=500)] = "",
                     statement_id: Annotated[int, Form(ge=1, le=10**12)] = 0,
                     entity_id: Annotated[str, Form(pattern=ID)] = "x",
                     note: Annotated[str, Form(max_length=2000)] = ""):
        check_token(token)
        doc_id = _doc_of_statement(statement_id)
        _record(corr.correct_speaker, statement_id, entity_id, None, note or None, kb=wb.ctx.kb)
        return _back(f"/documents/{doc_id}#statement-{statement_id}")

    @app.post("/corrections/stance", include_in_schema=False)
    def form_stance(token: Annotated[str, Form(max_length=500)] = "",
                    statement_id: Annotated[int, Form(ge=1, le=10**12)] = 0,
                    issue: Annotated[str, Form(pattern=ID)] = "x",
                    stance: Annotated[str, Form(pattern=r"^(support|oppose|conditional|neutral|none)$")] = "none",
                    note: Annotated[str, Form(max_length=2000)] = ""):
        check_token(token)
        doc_id = _doc_of_statement(statement_id)
        _record(corr.correct_stance, statement_id, issue, stance, None, note or None)
        return _back(f"/documents/{doc_id}#statement-{statement_id}")

    @app.post("/corrections/merge", include_in_schema=False)
    def form_merge(token: Annotated[str, Form(max_length=500)] = "",
                   source_id: Annotated[str, Form(pattern=ID)] = "x",
                   target_id: Annotated[str, Form(pattern=ID)] = "x",
                   note: Annotated[str, Form(max_length=2000)] = ""):
        check_token(token)
        _record(corr.merge_entities, source_id, target_id, None, note or None, kb=wb.ctx.kb)
        return _back(f"/actors/{quote(target_id, safe='')}")

    @app.post("/upload", include_in_schema=False)
    async def form_upload(request: Request):
        job = await _queue_upload(request, form_token=True)
        return _back(f"/jobs/{job.id}")

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_-]{1,40}$")]):
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such job")
        return page(request, "uploaded.html", r=job)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        # another writer holds the store: the request can be sent again (retried with backoff first)
        busy = getattr(exc, "retryable", False)
        return await http_error(request, HTTPException(503 if busy else 500, str(exc),
                                                       headers={"Retry-After": "2"} if busy else None))

    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)
    app.add_exception_handler(HTTPException, http_error)
    return app


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


def _chart(timeline: list[dict[str, Any]], width: int = 640, height: int = 200) -> dict[str, Any]:
    """Stacked bars per month, as numbers for an inline SVG (no script)."""
    if not timeline:
        return {"bars": [], "width": width, "height": height, "max": 0}
    top = max(sum(t[s] for s in STANCE_ORDER) for t in timeline) or 1
    n = len(timeline)
    slot = (width - 40) / n
    bar_w = max(2.0, slot * 0.8)
    bars = []
    for k, t in enumerate(timeline):
        x = 30 + k * slot
        y = height - 20
        parts = []
        for s in STANCE_ORDER:
            h = (height - 40) * t[s] / top
            if h > 0:
                y -= h
                parts.append({"stance": s, "y": round(y, 1), "h": round(h, 1), "n": t[s]})
        bars.append({"x": round(x, 1), "w": round(bar_w, 1), "month": t["month"], "parts": parts,
                     "label": n <= 24 or k % max(1, n // 12) == 0})
    return {"bars": bars, "width": width, "height": height, "max": top}
