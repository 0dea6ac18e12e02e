"""Uploads streamed to disk part by part, so that a refused upload stores nothing: in a form the
token field comes before the file and is checked before a byte of the file is written, and the file
stops at the size limit (a compressed file is limited again on what it expands to, when it is read)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from fastapi import HTTPException, Request
from python_multipart.multipart import MultipartParser, parse_options_header

SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".json", ".warc", ".gz", ".md"}
MAX_TOKEN = 500


def safe_name(filename: str | None) -> str:
    """A file name to store the upload under: the user's stem (letters, digits, _.-) and a suffix
    garante reads, never a path."""
    name = Path(filename or "upload.txt").name
    suffix = "".join(Path(name).suffixes[-2:]).lower() or ".txt"
    if not any(suffix.endswith(s) for s in SUFFIXES) or not re.fullmatch(r"[a-z0-9.]+", suffix):
        suffix = ".txt"
    stem = re.sub(r"[^A-Za-z0-9_.-]", "_", Path(name).stem)[:80].split(".")[0] or "upload"
    return stem + suffix


class _Form:
    """Callbacks for python-multipart's streaming parser: one field or file part at a time."""

    def __init__(self, folder: Path, limit: int, check_token: Callable[[str | None], None] | None):
        self.folder, self.limit, self.check_token = folder, limit, check_token
        self.token_ok = check_token is None
        self.path: Path | None = None
        self.original = ""
        self._reset()

    def _reset(self) -> None:
        self.headers: dict[str, str] = {}
        self.field, self.value = "", b""
        self.name: str | None = None
        self.out = None
        self.size = 0

    def callbacks(self) -> dict:
        return {"on_part_begin": self._reset, "on_header_field": self.on_field, "on_header_value": self.on_value,
                "on_header_end": self.on_header_end, "on_headers_finished": self.on_headers,
                "on_part_data": self.on_data, "on_part_end": self.on_part_end}

    def on_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end].decode("latin-1")

    def on_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.field.lower()] = self.value.decode("utf-8", "replace")
        self.field, self.value = "", b""

    def on_headers(self) -> None:
        _, params = parse_options_header(self.headers.get("content-disposition", ""))
        self.name = params.get(b"name", b"").decode("utf-8", "replace")
        if self.name == "file" and self.path is None:
            if not self.token_ok:
                raise HTTPException(401, "a valid token is required for writes (the token field comes before "
                                         "the file)")
            self.original = params.get(b"filename", b"").decode("utf-8", "replace")
            self.path = self.folder / safe_name(self.original)
            self.out = open(self.path, "wb")

    def on_data(self, data: bytes, start: int, end: int) -> None:
        self.size += end - start
        if self.out is not None:
            if self.size > self.limit:
                raise HTTPException(413, f"upload too large (limit {self.limit} bytes)")
            self.out.write(data[start:end])
        elif self.name == "token":
            if self.size > MAX_TOKEN:
                raise HTTPException(401, "a valid token is required for writes")
            self.value += data[start:end]

    def on_part_end(self) -> None:
        if self.out is not None:
            self.out.close()
            self.out = None
        elif self.name == "token" and self.check_token is not None:
            self.check_token(self.value.decode("utf-8", "replace"))
            self.token_ok = True


async def receive_file(request: Request, folder: Path, limit: int,
                       check_token: Callable[[str | None], None] | None = None) -> tuple[Path, str]:
    """The uploaded file, written into ``folder``, and the name the user gave it. ``check_token``:
    checks the form's token field (raises HTTPException), which must come before the file."""
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or not params.get(b"boundary"):
        raise HTTPException(400, "expected a multipart/form-data body with a 'file' field")
    form = _Form(folder, limit, check_token)
    parser = MultipartParser(params[b"boundary"], form.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except HTTPException:
        raise
    except Exception as e:  # a malformed multipart body
        raise HTTPException(400, f"malformed upload: {type(e).__name__}") from e
    finally:
        if form.out is not None:
            form.out.close()
    if form.path is None:
        raise HTTPException(400 if form.token_ok else 401, "no 'file' field in the upload" if form.token_ok
                            else "a valid token is required for writes")
    return form.path, form.original
