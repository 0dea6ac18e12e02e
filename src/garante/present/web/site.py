"""What the workbench's routes share: the store's workbench, the upload jobs, the templates, the token checks
and the steps that several routes take (writing a correction, queueing an upload)."""
from __future__ import annotations

import hmac
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates

from .. import corrections as corr
from .data import Workbench
from .jobs import Job, Jobs
from .upload import receive_file

ID = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,199}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
JOB_ID = r"^[A-Za-z0-9_-]{1,40}$"
MAX_UPLOAD = 20 * 1024 * 1024
MAX_FORM = 64 * 1024  # a correction's body
BEARER = HTTPBearer(auto_error=False, description="the token given to `garante serve --token`")


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


def found(value, what: str):
    """``value``, or a 404 that says which kind of thing is missing."""
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


class Site:
    def __init__(self, wb: Workbench, jobs: Jobs, templates: Jinja2Templates):
        self.wb, self.jobs, self.templates = wb, jobs, templates

    # --- the token -------------------------------------------------------------------------------
    def token_status(self, given: str | None) -> int:
        """0 for the right token, 401 for a wrong or missing one, 403 when the server has none (no writes)."""
        if not self.wb.token:
            return 403
        return 0 if given and hmac.compare_digest(given.encode(), self.wb.token.encode()) else 401

    def check_token(self, given: str | None) -> None:
        status = self.token_status(given)
        if status == 403:
            raise HTTPException(403, "writes are disabled: start the server with a token")
        if status:
            raise HTTPException(401, "a valid token is required for writes")

    def header_token(self, value: str | None) -> int:
        """The token status of an Authorization header (the guard asks it before reading a large body)."""
        scheme, _, given = (value or "").partition(" ")
        return self.token_status(given.strip() if scheme.lower() == "bearer" else None)

    def bearer(self, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]) -> None:
        self.check_token(credentials.credentials if credentials else None)

    # --- steps several routes take -----------------------------------------------------------------
    def page(self, request: Request, name: str, **context) -> HTMLResponse:
        return self.templates.TemplateResponse(request, name, {"token_required": True, **context})

    def record(self, fn, *args, **kwargs) -> int:
        """Writes one correction with ``fn``; a statement or entity that is not there is a 404, a correction that
        contradicts the store a 409."""
        wb = self.wb
        with wb.write_lock:
            try:
                made = fn(wb.store, *args, **kwargs)
            except LookupError as e:
                raise HTTPException(404, str(e)) from e
            except corr.CorrectionError as e:
                raise HTTPException(409, str(e)) from e
        wb.refresh()  # outside the lock: the next correction is written while this one is applied
        return made

    async def queue_upload(self, request: Request, form_token: bool) -> Job:
        folder = Path(tempfile.mkdtemp(prefix="garante-upload-"))
        try:
            path, name = await receive_file(request, folder, MAX_UPLOAD, self.check_token if form_token else None)
        except BaseException:
            import shutil
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return self.jobs.submit(folder, path, Path(name or path.name).name)

    def doc_of_statement(self, statement_id: int) -> int:
        rows = self.wb.store.query("SELECT document_id FROM statements WHERE id = ?", (statement_id,))
        if not rows:
            raise HTTPException(404, "no such statement")
        return rows[0]["document_id"]

    def issue_names(self) -> dict[str, str]:
        return {i["id"]: i["proposition"] for i in self.wb.issues()}
