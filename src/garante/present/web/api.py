"""The workbench's JSON API (``/api``): reading the store, corrections, uploads and exports; every write needs
the bearer token."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Path as PathParam
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from pydantic import BaseModel, Field

from .. import corrections as corr
from .data import summary
from .site import DATE, ID, JOB_ID, Site, found

ERRORS = {401: {"description": "write without a valid token"},
          403: {"description": "writes are disabled: no token was configured"}}
NOT_FOUND = {404: {"description": "not found"}}


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


def api_router(site: Site) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["api"])
    _store_routes(api, site)
    _position_routes(api, site)
    _correction_routes(api, site)
    _upload_routes(api, site)
    _export_routes(api, site)
    return api


def _store_routes(api: APIRouter, site: Site) -> None:
    """The store's documents, actors and issues."""
    wb = site.wb

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
        doc = found(wb.document(doc_id), "document")
        return {k: v for k, v in doc.items() if not k.startswith("_")}

    @api.get("/actors/{actor_id}", responses=NOT_FOUND)
    def api_actor(actor_id: Annotated[str, PathParam(pattern=ID)]) -> dict[str, Any]:
        return found(wb.actor(actor_id), "actor")

    @api.get("/issues")
    def api_issues() -> list[dict[str, Any]]:
        return wb.issues()

    @api.get("/issues/{issue_id}", responses=NOT_FOUND)
    def api_issue(issue_id: Annotated[str, PathParam(pattern=ID)]) -> dict[str, Any]:
        return found(wb.issue(issue_id), "issue")



def _position_routes(api: APIRouter, site: Site) -> None:
    """Positions and what is read from them (matrix, evidence, changes), search, and the corrections' list."""
    wb = site.wb

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

    @api.get("/conflicts")
    def api_conflicts(level: Annotated[Literal["state", "person"], Query()] = "state") -> list[dict[str, Any]]:
        """Issues with actors for and against them by their stances; tentative cells apart, not counted."""
        return wb.conflicts(level)

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


def _correction_routes(api: APIRouter, site: Site) -> None:
    wb = site.wb
    write_responses = {**ERRORS, **NOT_FOUND, 409: {"description": "the correction contradicts the store "
                                                                     "(self-merge, merge cycle)"}}

    @api.post("/corrections/speaker", status_code=201, responses=write_responses, dependencies=[Depends(site.bearer)])
    def api_correct_speaker(body: SpeakerCorrection) -> Created:
        return Created(id=site.record(corr.correct_speaker, body.statement_id, body.entity_id, body.author,
                                      body.note, kb=wb.ctx.kb))

    @api.post("/corrections/stance", status_code=201, responses=write_responses, dependencies=[Depends(site.bearer)])
    def api_correct_stance(body: StanceCorrection) -> Created:
        return Created(id=site.record(corr.correct_stance, body.statement_id, body.issue, body.stance, body.author,
                                      body.note))

    @api.post("/corrections/merge", status_code=201, responses=write_responses, dependencies=[Depends(site.bearer)])
    def api_merge(body: EntityMerge) -> Created:
        return Created(id=site.record(corr.merge_entities, body.source_id, body.target_id, body.author, body.note,
                                      kb=wb.ctx.kb))

    @api.delete("/corrections/by-id/{correction_id}", status_code=204, responses={**ERRORS, **NOT_FOUND},
                dependencies=[Depends(site.bearer)])
    def api_delete_correction(correction_id: Annotated[int, PathParam(ge=1, le=10**12)]) -> None:
        with wb.write_lock:
            if not corr.delete(wb.store, correction_id):
                raise HTTPException(404, "no such correction")
        wb.refresh()


def _upload_routes(api: APIRouter, site: Site) -> None:
    @api.post("/upload", status_code=202, responses={**ERRORS, 413: {"description": "too large"}},
              dependencies=[Depends(site.bearer)], openapi_extra=UPLOAD_BODY)
    async def api_upload(request: Request) -> JobStatus:
        """Queues the uploaded file for analysis; its status (and, when done, the documents) at
        ``/api/jobs/{id}``."""
        return JobStatus(**(await site.queue_upload(request, form_token=False)).public())

    @api.get("/jobs/{job_id}", responses=NOT_FOUND)
    def api_job(job_id: Annotated[str, PathParam(pattern=JOB_ID)]) -> JobStatus:
        return JobStatus(**found(site.jobs.get(job_id), "job").public())


def _export_routes(api: APIRouter, site: Site) -> None:
    wb = site.wb

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
