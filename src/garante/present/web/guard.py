"""What every request passes before the application sees it (an ASGI middleware, so that nothing here
waits for or reads a body it is about to refuse):

- the Host header must name this server (DNS rebinding: a page on evil.example that resolves to
  127.0.0.1 must not read the store);
- a write from another site's page (Origin or Sec-Fetch-Site) is refused: a multipart POST needs no
  preflight, so without this any page the analyst opens could post to the workbench;
- a body larger than the limit of its path is refused on its Content-Length, and one sent without a
  length is cut off when it passes the limit;
- an API write (upload, correction) without the right bearer token is refused before its body is read.
"""
from __future__ import annotations

import json
from typing import Callable, Iterable

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
TOKEN_PATHS = ("/api/upload", "/api/corrections/")  # API writes: the bearer token is checked here


def host_name(value: str) -> str:
    """``example.org:8000`` → ``example.org``; ``[::1]:8000`` → ``::1``."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """``limits``: (path prefix, bytes) pairs, the first that matches; ``api_token``: checks an
    ``Authorization`` header value for writes under /api/ (raises nothing, returns an HTTP status or 0)."""

    def __init__(self, app, allowed_hosts: Iterable[str], limits: list[tuple[str, int]],
                 api_token: Callable[[str | None], int]):
        self.app = app
        self.hosts = {host_name(h) for h in allowed_hosts}
        self.limits = limits
        self.api_token = api_token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        status, detail = self.refusal(scope, headers)
        if status:
            return await _refuse(send, status, detail)
        if scope["method"] in WRITES:
            receive, send = _capped(receive, send, self.limit(scope["path"]))
        await self.app(scope, receive, send)

    def refusal(self, scope, headers: dict[str, str]) -> tuple[int, str]:
        if "*" not in self.hosts and host_name(headers.get("host", "")) not in self.hosts:
            return 421, "unknown Host: this server answers to " + ", ".join(sorted(self.hosts))
        if scope["method"] not in WRITES:
            return 0, ""
        # the browser says where a request comes from: Sec-Fetch-Site, and Origin (sent as "null" under
        # our no-referrer policy, even for the workbench's own forms: then Sec-Fetch-Site decides)
        origin = headers.get("origin") or "null"
        foreign = origin != "null" and host_name(origin.split("://", 1)[-1].split("/")[0]) not in self.hosts
        if (foreign and "*" not in self.hosts) or headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return 403, "writes from another site's pages are refused"
        length = headers.get("content-length", "")
        limit = self.limit(scope["path"])
        if length.strip().isdigit() and int(length) > limit:
            return 413, f"request body too large (limit {limit} bytes)"
        if scope["path"].startswith(TOKEN_PATHS):
            status = self.api_token(headers.get("authorization"))
            if status:
                return status, ("a valid token is required for writes" if status == 401
                                else "writes are disabled: start the server with a token")
        return 0, ""

    def limit(self, path: str) -> int:
        return next(n for prefix, n in self.limits if path.startswith(prefix))


def _capped(receive, send, limit: int):
    """``receive`` that answers 413 itself once the body passes ``limit`` and then tells the
    application the client has gone; ``send`` that drops what the application says after that."""
    seen, refused = 0, False

    async def capped_receive():
        nonlocal seen, refused
        if refused:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                refused = True
                await _refuse(send, 413, f"request body too large (limit {limit} bytes)")
                return {"type": "http.disconnect"}
        return message

    async def guarded_send(message):
        if not refused:
            await send(message)
    return capped_receive, guarded_send


async def _refuse(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
