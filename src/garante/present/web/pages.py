"""The workbench's HTML pages, and the forms they post (the token as a form field)."""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import Path as PathParam
from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .. import corrections as corr
from .data import STANCE_ORDER
from .site import DATE, ID, JOB_ID, Site, found, safe_url

EVIDENCE_PAGE = 100  # statements on one page of a cell's evidence


def register_pages(app: FastAPI, site: Site) -> None:
    """The pages that read the store: documents, actors, issues, then the analysis pages."""
    wb = site.wb

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request):
        return site.page(request, "overview.html", o=wb.overview())

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(request: Request, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
                       outlet: Annotated[str | None, Query(max_length=200)] = None,
                       language: Annotated[str | None, Query(max_length=20)] = None):
        return site.page(request, "documents.html", d=wb.documents(50, offset, outlet, language), outlet=outlet,
                         language=language)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: Annotated[int, PathParam(ge=1, le=10**12)]):
        doc = found(wb.document(doc_id), "document")
        entities = wb.store.query("SELECT id, name FROM entities ORDER BY name")
        return site.page(request, "document.html", doc=doc, **wb.document_html(doc), entities=entities,
                         issues=wb.issues(), url=safe_url(doc["meta"].get("url")))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: Annotated[str, PathParam(pattern=ID)]):
        a = found(wb.actor(actor_id), "actor")
        entities = wb.store.query("SELECT id, name FROM entities WHERE id <> ? ORDER BY name", (actor_id,))
        return site.page(request, "actor.html", a=a, entities=entities, issue_names=site.issue_names())

    @app.get("/issues/{issue_id}", response_class=HTMLResponse, include_in_schema=False)
    def issue_page(request: Request, issue_id: Annotated[str, PathParam(pattern=ID)]):
        i = found(wb.issue(issue_id), "issue")
        return site.page(request, "issue.html", i=i, chart=_chart(i["timeline"]))

    _analysis_pages(app, site)


def _analysis_pages(app: FastAPI, site: Site) -> None:
    """The matrix, a cell's evidence, search, changes between two dates, the corrections."""
    wb = site.wb

    @app.get("/matrix", response_class=HTMLResponse, include_in_schema=False)
    def matrix_page(request: Request, level: Annotated[Literal["state", "person"], Query()] = "state"):
        return site.page(request, "matrix.html", m=wb.matrix(level), issue_names=site.issue_names(),
                         conflicts=wb.conflicts(level), disagreements=wb.disagreements() if level == "state" else [])

    @app.get("/evidence", response_class=HTMLResponse, include_in_schema=False)
    def evidence_page(request: Request, actor: Annotated[str, Query(pattern=ID)],
                      issue: Annotated[str, Query(pattern=ID)], offset: Annotated[int, Query(ge=0, le=10**6)] = 0):
        name = (wb.names().get(actor) or {}).get("name") or actor
        ev = wb.evidence_page(actor, issue, EVIDENCE_PAGE, offset)
        return site.page(request, "evidence.html", actor=actor, actor_name=name, issue=issue, rows=ev["rows"], ev=ev,
                         issue_names=site.issue_names())

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
        return site.page(request, "search.html", r=r, q=q, f={**clean, **dates}, offset=offset, issues=wb.issues(),
                         outlets=outlets, actors=wb.overview()["actors"])

    @app.get("/changes", response_class=HTMLResponse, include_in_schema=False)
    def changes_page(request: Request, date_from: Annotated[str | None, Query(max_length=10)] = None,
                     date_to: Annotated[str | None, Query(max_length=10)] = None):
        ok = all(v and re.match(DATE, v) for v in (date_from, date_to))
        r = wb.changes(date_from, date_to) if ok else None
        return site.page(request, "changes.html", r=r, date_from=date_from or "", date_to=date_to or "")

    @app.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
    def corrections_page(request: Request):
        return site.page(request, "corrections.html", rows=wb.correction_list()[::-1])


def register_forms(app: FastAPI, site: Site) -> None:
    """The forms' posts (each answered with a redirect to the page it changed) and an upload's job page."""
    wb = site.wb

    @app.post("/corrections/speaker", include_in_schema=False)
    def form_speaker(token: Annotated[str, Form(max_length=500)] = "",
                     statement_id: Annotated[int, Form(ge=1, le=10**12)] = 0,
                     entity_id: Annotated[str, Form(pattern=ID)] = "x",
                     note: Annotated[str, Form(max_length=2000)] = ""):
        site.check_token(token)
        doc_id = site.doc_of_statement(statement_id)
        site.record(corr.correct_speaker, statement_id, entity_id, None, note or None, kb=wb.ctx.kb)
        return _back(f"/documents/{doc_id}#statement-{statement_id}")

    @app.post("/corrections/stance", include_in_schema=False)
    def form_stance(token: Annotated[str, Form(max_length=500)] = "",
                    statement_id: Annotated[int, Form(ge=1, le=10**12)] = 0,
                    issue: Annotated[str, Form(pattern=ID)] = "x",
                    stance: Annotated[str, Form(pattern=r"^(support|oppose|conditional|neutral|none)$")] = "none",
                    note: Annotated[str, Form(max_length=2000)] = ""):
        site.check_token(token)
        doc_id = site.doc_of_statement(statement_id)
        site.record(corr.correct_stance, statement_id, issue, stance, None, note or None)
        return _back(f"/documents/{doc_id}#statement-{statement_id}")

    @app.post("/corrections/merge", include_in_schema=False)
    def form_merge(token: Annotated[str, Form(max_length=500)] = "",
                   source_id: Annotated[str, Form(pattern=ID)] = "x",
                   target_id: Annotated[str, Form(pattern=ID)] = "x",
                   note: Annotated[str, Form(max_length=2000)] = ""):
        site.check_token(token)
        site.record(corr.merge_entities, source_id, target_id, None, note or None, kb=wb.ctx.kb)
        return _back(f"/actors/{quote(target_id, safe='')}")

    @app.post("/upload", include_in_schema=False)
    async def form_upload(request: Request):
        job = await site.queue_upload(request, form_token=True)
        return _back(f"/jobs/{job.id}")

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: Annotated[str, PathParam(pattern=JOB_ID)]):
        job = found(site.jobs.get(job_id), "job")
        return site.page(request, "uploaded.html", r=job)


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


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
