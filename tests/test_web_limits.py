"""The workbench under hostile and unlucky requests (issue 16): the Host header, writes from other
sites, bodies refused before they are read, tokens checked before anything is stored, uploads
analysed outside the request, paginated positions, a store that does not exist, a locked store.

The ASGI app is called in-process (FastAPI's TestClient, or directly where a test must see which
parts of a body the server read) over small stores of texts written for the tests (webstore.py)."""
from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import threading
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from garante.cli import main  # noqa: E402
from garante.pipeline import Pipeline  # noqa: E402
from garante.present.web import create_app  # noqa: E402
from garante.store import Store  # noqa: E402

import webstore  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = "http://localhost"


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "w.db")
    webstore.build_store(path)
    return path


@pytest.fixture()
def client(db):
    return TestClient(create_app(db, token=TOKEN), base_url=LOCAL)


def corrections(path: str) -> int:
    with Store(path) as s:
        return s.query("SELECT COUNT(*) AS n FROM corrections")[0]["n"]


def a_statement(path: str) -> int:
    with Store(path) as s:
        return s.query("SELECT id FROM statements ORDER BY id LIMIT 1")[0]["id"]


# --- calling the ASGI app directly: which parts of the body did the server read? ----------------

def call(app, method: str, path: str, headers: dict[str, str], chunks, host: str = "localhost") -> tuple[int, int]:
    """(status, body parts the app took) for a request whose body arrives in ``chunks``."""
    chunks = iter(chunks)
    taken = 0
    status = 0
    done = object()

    async def receive():
        nonlocal taken
        part = next(chunks, done)
        if part is done:
            return {"type": "http.request", "body": b"", "more_body": False}
        taken += 1
        return {"type": "http.request", "body": part, "more_body": True}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
             "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000),
             "headers": [(k.lower().encode(), v.encode()) for k, v in {"host": host, **headers}.items()]}
    asyncio.run(app(scope, receive, send))
    return status, taken


def megabytes(n: int):
    """``n`` one-megabyte parts, made as they are taken (a 300 MB body costs nothing unless read)."""
    return (b"x" * (1 << 20) for _ in range(n))


def multipart(boundary: str, fields: list[tuple[str, str | None, bytes]]) -> bytes:
    out = b""
    for name, filename, value in fields:
        disp = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"--{boundary}\r\nContent-Disposition: {disp}\r\n\r\n".encode() + value + b"\r\n"
    return out


def test_unauthenticated_api_upload_is_refused_before_its_body_is_read(db):
    app = create_app(db, token=TOKEN)
    headers = {"content-type": "multipart/form-data; boundary=B", "transfer-encoding": "chunked"}
    status, taken = call(app, "POST", "/api/upload", headers, megabytes(300))
    assert (status, taken) == (401, 0)


def test_body_over_the_limit_is_refused_on_its_length(db):
    app = create_app(db, token=TOKEN)
    headers = {**AUTH, "content-type": "multipart/form-data; boundary=B", "content-length": str(300 << 20)}
    assert call(app, "POST", "/api/upload", headers, megabytes(300)) == (413, 0)
    headers = {**AUTH, "content-type": "application/json", "content-length": str(10 << 20)}
    assert call(app, "POST", "/api/corrections/speaker", headers, megabytes(10)) == (413, 0)


def test_body_without_a_length_is_cut_off_at_the_limit(db):
    app = create_app(db, token=TOKEN)
    headers = {**AUTH, "content-type": "application/json", "transfer-encoding": "chunked"}
    status, taken = call(app, "POST", "/api/corrections/speaker", headers, megabytes(50))
    assert status == 413 and taken == 1
    assert corrections(db) == 0


def test_form_upload_checks_the_token_before_the_file_is_written(db, tmp_path, monkeypatch):
    import tempfile
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    app = create_app(db, token=TOKEN)
    head = multipart("B", [("token", None, b"wrong-token-1")]) + \
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
    headers = {"content-type": "multipart/form-data; boundary=B", "transfer-encoding": "chunked"}
    status, taken = call(app, "POST", "/upload", headers, [head, *megabytes(19)])
    assert status == 401 and taken <= 2  # stopped at the token, not after 19 MB
    assert list(spool.iterdir()) == []


def test_form_upload_with_the_file_before_the_token_stores_nothing(db):
    c = TestClient(create_app(db, token=TOKEN), base_url=LOCAL)
    body = multipart("B", [("file", "a.txt", b"Talks resumed in Geneva."), ("token", None, TOKEN.encode())])
    r = c.post("/upload", content=body + b"--B--\r\n", headers={"content-type": "multipart/form-data; boundary=B"})
    assert r.status_code == 401 and "token field comes before the file" in r.text


# --- Host header and other sites' pages ------------------------------------------------------------

def test_only_the_allowed_host_names_are_answered(db):
    app = create_app(db, token=TOKEN)
    assert TestClient(app, base_url=LOCAL).get("/api/overview").status_code == 200
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/overview").status_code == 200
    rebound = TestClient(app, base_url="http://evil.example:8000")  # DNS rebinding: evil.example → 127.0.0.1
    for url in ("/", "/api/overview", "/api/export/documents.jsonl"):
        r = rebound.get(url)
        assert r.status_code == 421 and "documents" not in r.text
    named = TestClient(create_app(db, allowed_hosts=("workbench.lan",)), base_url="http://workbench.lan")
    assert named.get("/api/overview").status_code == 200


def test_writes_from_another_sites_page_are_refused(client, db):
    sid = a_statement(db)
    body = {"statement_id": sid, "entity_id": "emmanuel-macron"}
    r = client.post("/api/corrections/speaker", json=body, headers={**AUTH, "Origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/corrections/speaker", data={**body, "token": TOKEN}, headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert corrections(db) == 0
    r = client.post("/api/corrections/speaker", json=body, headers={**AUTH, "Origin": "http://localhost:8000"})
    assert r.status_code == 201
    # the workbench's own form under its no-referrer policy: Origin null, and the browser says same-origin
    r = client.post("/corrections/speaker", data={**body, "token": TOKEN}, follow_redirects=False,
                    headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 303


# --- tokens and the store's existence --------------------------------------------------------------

@pytest.mark.parametrize("token", [" ", "", "abc", "aaaaaaaaaaaa", " s3cret-token "])
def test_trivial_tokens_are_refused(db, token):
    with pytest.raises(ValueError, match="at least 8 characters"):
        create_app(db, token=token)


def test_token_from_a_file_or_the_environment(tmp_path, monkeypatch):
    from garante.cli import build_parser
    from garante.cli.serve import read_token
    (tmp_path / "token").write_text(TOKEN + "\n", encoding="utf-8")
    monkeypatch.delenv("GARANTE_TOKEN", raising=False)
    args = build_parser().parse_args(["serve", "--db", "x.db", "--token-file", str(tmp_path / "token")])
    assert read_token(args) == TOKEN
    monkeypatch.setenv("GARANTE_TOKEN", "from-the-environment")
    assert read_token(build_parser().parse_args(["serve", "--db", "x.db"])) == "from-the-environment"


def test_serve_refuses_a_store_that_does_not_exist(tmp_path, capsys):
    typo = tmp_path / "typo.db"
    assert main(["serve", "--db", str(typo)]) == 2
    assert "no such store" in capsys.readouterr().err
    assert not typo.exists()


def test_serve_token_refused_when_trivial(db, capsys, monkeypatch):
    monkeypatch.setenv("GARANTE_TOKEN", " ")
    assert main(["serve", "--db", db]) == 2
    assert "at least 8 characters" in capsys.readouterr().err


def test_search_index_under_a_lock_is_reported_and_built_later(db):
    lock = sqlite3.connect(db, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # another writer, e.g. a long garante analyze
    try:
        app = create_app(db, token=TOKEN)
        wb = app.state.workbench
        assert not wb.fts and any("search index not built" in n for n in wb.notices)
        hits = TestClient(app, base_url=LOCAL).get("/api/search", params={"q": "ceasefire"}).json()
        assert hits["total"] >= 1  # searching without the index meanwhile
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    wb.retry_index()
    assert wb.fts and wb.notices == []


# --- uploads analysed outside the request ----------------------------------------------------------

class Gate:
    """A pipeline component that holds each document until the test opens the gate."""
    name = "gate"

    def __init__(self):
        self.entered, self.open = threading.Event(), threading.Event()

    def __call__(self, doc, ctx):
        self.entered.set()
        self.open.wait(60)


def test_corrections_go_on_while_an_upload_is_analysed(db):
    gate = Gate()
    app = create_app(db, token=TOKEN, pipeline=Pipeline(components=[gate]))
    c = TestClient(app, base_url=LOCAL)
    text = b"Talks resume in Geneva\n\nDiplomats met in Geneva on Tuesday to discuss a ceasefire.\n"
    r = c.post("/api/upload", files={"file": ("geneva.txt", text, "text/plain")}, headers=AUTH)
    assert r.status_code == 202
    job = r.json()["id"]
    assert gate.entered.wait(30)
    try:
        r = c.post("/api/corrections/speaker", json={"statement_id": a_statement(db), "entity_id": "emmanuel-macron"},
                   headers=AUTH)
        assert r.status_code == 201
        assert c.get(f"/api/jobs/{job}").json()["status"] == "running"  # the correction did not wait for it
        assert "reloads until the analysis is done" in c.get(f"/jobs/{job}").text
    finally:
        gate.open.set()
    done = app.state.jobs.wait(job)
    assert done.status == "done" and done.analysed == 1 and len(done.documents) == 1
    assert "1 analysed" in c.get(f"/jobs/{job}").text


def test_form_upload_redirects_to_its_job_page(db):
    c = TestClient(create_app(db, token=TOKEN, pipeline=Pipeline(components=[])), base_url=LOCAL)
    r = c.post("/upload", data={"token": TOKEN}, files={"file": ("a.txt", b"Talks resumed in Geneva on Monday.")},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    c.app.state.jobs.wait(r.headers["location"].rsplit("/", 1)[1])
    assert "1 analysed" in c.get(r.headers["location"]).text


# --- positions a page at a time ---------------------------------------------------------------------

def test_positions_are_paginated_and_filtered(client):
    everything = client.get("/api/positions", params={"limit": 1000}).json()
    total = everything["total"]
    assert total == len(everything["positions"]) >= 4
    assert all("evidence" not in p and p["evidence_count"] >= 1 for p in everything["positions"])
    first = client.get("/api/positions", params={"limit": 2}).json()
    second = client.get("/api/positions", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == total and len(first["positions"]) == 2
    assert first["positions"] + second["positions"] == everything["positions"][:4]
    oppose = client.get("/api/positions", params={"stance": "oppose", "level": "state"}).json()["positions"]
    assert oppose and all(p["stance"] == "oppose" and p["actor_level"] == "state" for p in oppose)
    with_evidence = client.get("/api/positions", params={"limit": 1, "evidence": True}).json()["positions"][0]
    assert len(with_evidence["evidence"]) == with_evidence["evidence_count"]
    assert client.get("/api/positions", params={"limit": 5000}).status_code == 422
    assert len(json.dumps(client.get("/api/positions").json())) < 200_000


# --- reads under writes: corrections update only the cells they touch ----------------------------

def test_positions_updated_per_correction_equal_a_full_recomputation(db, monkeypatch):
    from garante.analyse.positions import positions
    from garante.present import corrections as corr
    app = create_app(db, token=TOKEN)
    c = TestClient(app, base_url=LOCAL)
    wb = app.state.workbench
    full_runs = []
    real = corr.correct
    monkeypatch.setattr(corr, "correct", lambda *a, **k: full_runs.append(1) or real(*a, **k))
    with Store(db) as s:
        sids = [r["id"] for r in s.query("SELECT id FROM statements ORDER BY id")]
    writes = [("speaker", {"statement_id": sids[0], "entity_id": "emmanuel-macron"}),
              ("stance", {"statement_id": sids[1], "issue": "ceasefire", "stance": "oppose"}),
              ("stance", {"statement_id": sids[0], "issue": "foreign_troops_in_ukraine", "stance": "none"}),
              ("speaker", {"statement_id": sids[2], "entity_id": "vladimir-putin"}),
              ("stance", {"statement_id": sids[2], "issue": "nato_membership", "stance": "support"}),
              ("merge", {"source_id": "x:macron-elysee", "target_id": "emmanuel-macron"})]
    c.get("/matrix")  # positions built once, before the corrections
    for n, (kind, body) in enumerate(writes):
        assert c.post(f"/api/corrections/{kind}", json=body, headers=AUTH).status_code == 201
        shown = c.get("/api/positions", params={"limit": 1000, "evidence": True}).json()["positions"]
        with Store(db) as s:  # by definition: positions computed from scratch from the corrected evidence;
            # a merge falls back to corrections.correct, which is then the reference
            expected = (corr.corrected_positions(s) if kind == "merge"
                        else positions(s, corr.corrected_evidence(s, corr.load(s))[0]))

        def cells(ps):
            return sorted((p["actor_level"], p["actor"]["id"] or "", p["issue"], p["stance"], p["statements"],
                           sorted(e["statement_id"] for e in p["evidence"])) for p in ps)
        assert cells(shown) == cells(expected), (n, kind, body)
        assert all(len(a["evidence"]) == a["evidence_count"] for a in shown)
        assert wb.changes("2025-01-01", "2025-12-31") == wb._changes("2025-01-01", "2025-12-31", wb.fingerprint())
    # one full computation for the first build, one for the merge (it falls back), one as its reference
    assert len(full_runs) == 3


def test_readers_get_the_previous_value_while_it_is_rebuilt(db):
    wb = create_app(db, token=TOKEN).state.workbench
    assert wb.cached("figure", lambda: "old", fp=(1,)) == "old"
    started, release = threading.Event(), threading.Event()

    def slow():
        started.set()
        release.wait(30)
        return "new"
    builder = threading.Thread(target=wb.cached, args=("figure", slow, (2,)))
    builder.start()
    try:
        assert started.wait(30)
        assert wb.cached("figure", lambda: "other", fp=(2,)) == "old"  # did not wait for the build
    finally:
        release.set()
        builder.join(30)
    assert wb.cached("figure", lambda: "other", fp=(2,)) == "new"
    assert wb.cached("figure", lambda: "newest", fp=(3,), wait=True) == "newest"


def test_a_correction_redoes_only_the_cells_it_changes(db, monkeypatch):
    """A stance corrected on one issue leaves the statement's other issues as they were: their cells are
    not computed again, and every position (evidence and its corrected marks included) is still what a
    workbench computing everything from the store shows."""
    import garante.analyse.positions as analysis
    app = create_app(db, token=TOKEN)
    c, wb = TestClient(app, base_url=LOCAL), app.state.workbench
    sid = a_statement(db)
    c.get("/matrix")
    for issue, stance in (("ceasefire", "oppose"), ("nato_membership", "support")):
        assert c.post("/api/corrections/stance", json={"statement_id": sid, "issue": issue, "stance": stance},
                      headers=AUTH).status_code == 201
    computed = []
    real = analysis.positions
    monkeypatch.setattr(analysis, "positions",
                        lambda store, rows=None, *more: computed.append(rows) or real(store, rows, *more))
    assert c.post("/api/corrections/stance", json={"statement_id": sid, "issue": "ceasefire", "stance": "support"},
                  headers=AUTH).status_code == 201
    assert computed and all({r["issue"] for r in rows} == {"ceasefire"} for rows in computed)
    monkeypatch.setattr(analysis, "positions", real)
    fresh = create_app(db, token=TOKEN).state.workbench
    assert wb.positions() == fresh.positions()
    assert any(p["issue"] == "nato_membership" and p["corrected"] for p in wb.positions())


def test_the_evidence_page_shows_a_page_of_a_cell_at_a_time(client, monkeypatch):
    """A state's cell holds thousands of statements on a large store: its evidence page shows the newest
    hundred (here one) and links to the older ones; the pages together are the cell's evidence."""
    import garante.present.web.pages as pages
    monkeypatch.setattr(pages, "EVIDENCE_PAGE", 1)
    cell = {"actor": "russia", "issue": "ceasefire"}
    everything = client.get("/api/evidence", params=cell).json()
    assert len(everything) == 2
    shown = []
    for offset in (0, 1):
        html = client.get("/evidence", params={**cell, "offset": offset}).text
        assert f"statements {offset + 1}–{offset + 1} of 2" in html
        assert ("older →" in html) == (offset == 0) and ("← newer" in html) == (offset == 1)
        shown += [int(sid) for sid in re.findall(r'#statement-(\d+)"', html)]
    assert shown == [e["statement_id"] for e in everything]
