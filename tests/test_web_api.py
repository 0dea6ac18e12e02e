"""The workbench's JSON API and pages through FastAPI's TestClient, over small stores built from
texts written for the tests (tests/webstore.py)."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
import warnings
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, settings

warnings.filterwarnings("ignore", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from garante.present.web import create_app  # noqa: E402
from garante.present.web.app import safe_url  # noqa: E402
from garante.store import Store  # noqa: E402

import webstore  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = "http://localhost"  # the Host the workbench answers to by default


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "w.db")
    ids = webstore.build_store(path, hostile=True)
    return path, ids


@pytest.fixture()
def client(db):
    return TestClient(create_app(db[0], token=TOKEN), base_url=LOCAL)


def statement_id(path: str, content_prefix: str) -> int:
    with Store(path) as s:
        return s.query("SELECT id FROM statements WHERE content LIKE ?", (content_prefix + "%",))[0]["id"]


# --- reading --------------------------------------------------------------------------------

def test_overview_counts_documents_by_outlet_and_language(client):
    o = client.get("/api/overview").json()
    assert o["counts"]["documents"] == 4
    outlets = {r["outlet"]: r["n"] for r in o["by_outlet"]}
    assert outlets["Daily Example"] == 2 and outlets["Gazzetta di Prova"] == 1
    assert {r["language"]: r["n"] for r in o["by_language"]} == {"en": 3, "it": 1}
    assert {r["month"] for r in o["by_month"]} == {"2025-03", "2025-06", "2025-07", "2025-09"}
    assert o["actors"][0]["id"] == "russia"  # 4 statements for Russia, 2 for France


def test_document_view_links_statements_entities_and_times(client, db):
    doc_id = db[1]["test/0.txt"]
    d = client.get(f"/api/documents/{doc_id}").json()
    assert d["meta"]["outlet"] == "Daily Example"
    assert [s["speaker_name"] for s in d["statements"]] == ["Emmanuel Macron", "Vladimir Putin"]
    assert d["statements"][1]["stances"][0]["stance"] == "oppose"
    html = client.get(f"/documents/{doc_id}").text
    assert '<a class="hl-mention hl-PER" href="/actors/vladimir-putin"' in html
    assert 'class="hl-timex" title="2025-03-01">Monday</span>' in html
    # the quote is highlighted exactly over its offsets
    assert re.search(r'<span class="hl-statement" data-statement="1">foreign troops in Ukraine would be legitimate '
                     r'targets</span>', html.replace('<a class="hl-mention hl-GPE" href="/actors/ukraine" '
                                                     'title="Ukraine">Ukraine</a>', "Ukraine"))
    # the raw capture: furniture greyed out, article kept
    assert '<span class="line line-furniture removed" title="furniture: navigation words">Home | World' in html
    assert '<span class="line line-title" title="title: first prose line">Leaders split' in html


def test_actor_page_has_roles_timeline_and_stances_with_evidence(client):
    a = client.get("/api/actors/russia").json()
    assert a["statement_count"] == 4  # Putin twice, the Kremlin, and Putin in the hostile capture
    stances = {p["issue"]: p["stance"] for p in a["positions"]}
    assert stances == {"foreign_troops_in_ukraine": "oppose", "ceasefire": "oppose"}
    ev = next(p for p in a["positions"] if p["issue"] == "ceasefire")["evidence"]
    assert ev[0]["content"].startswith("a ceasefire is out of the question")  # newest first
    assert [t["month"] for t in a["timeline"]] == ["2025-03", "2025-06", "2025-07", "2025-09"]
    putin = client.get("/api/actors/vladimir-putin").json()
    assert any(r["role"] == "president" and r["of"] == "russia" for r in putin["roles"])
    assert client.get("/api/actors/nobody-at-all").status_code == 404


def test_issue_page_groups_actors_and_charts_months(client):
    i = client.get("/api/issues/foreign_troops_in_ukraine").json()
    assert [p["actor"]["id"] for p in i["by_stance"]["support"]] == ["france"]
    assert [p["actor"]["id"] for p in i["by_stance"]["oppose"]] == ["russia"]
    assert all(p["actor_level"] == "state" for s in i["by_stance"].values() for p in s)
    # the people who spoke for them are listed apart
    assert [p["actor"]["id"] for p in i["persons_by_stance"]["support"]] == ["emmanuel-macron"]
    assert [p["actor"]["id"] for p in i["persons_by_stance"]["oppose"]] == ["vladimir-putin"]
    months = {t["month"]: t for t in i["timeline"]}
    assert months["2025-03"]["support"] == 1 and months["2025-03"]["oppose"] == 1
    assert months["2025-09"]["conditional"] == 1
    html = client.get("/issues/foreign_troops_in_ukraine").text
    assert html.count('<rect class="bar-') == 4
    people = html[html.index("People who spoke"):html.index("How it moved")]
    assert 'href="/actors/vladimir-putin"' in people and 'href="/actors/russia"' not in people


def test_matrix_cells_open_their_evidence(client):
    m = client.get("/api/matrix").json()
    rows = {r["id"]: r for r in m["actors"]}
    assert rows["france"]["cells"]["foreign_troops_in_ukraine"]["stance"] == "support"
    html = client.get("/matrix").text
    assert 'href="/evidence?actor=france&amp;issue=foreign_troops_in_ukraine"' in html
    ev = client.get("/api/evidence", params={"actor": "france", "issue": "foreign_troops_in_ukraine"}).json()
    assert [e["date"] for e in ev] == ["2025-06-10", "2025-03-01"]
    assert ev[0]["speaker"] == "Emmanuel Macron" and ev[0]["evidence"] == "le truppe europee restano un'opzione"
    assert "vladimir-putin" not in rows  # persons have a matrix of their own
    people = {r["id"]: r for r in client.get("/api/matrix", params={"level": "person"}).json()["actors"]}
    assert people["vladimir-putin"]["cells"]["ceasefire"]["stance"] == "conditional"  # a later neutral remark does not overturn it
    assert client.get("/api/matrix", params={"level": "planet"}).status_code == 422


def test_search_uses_full_text_and_filters(client):
    r = client.get("/api/search", params={"q": "troops"}).json()
    assert r["total"] == 2
    r = client.get("/api/search", params={"q": "troop"}).json()  # prefix match on the last word
    assert r["total"] == 2
    assert client.get("/api/search", params={"q": "tregua"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "ceasefire", "actor": "russia"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "ceasefire", "actor": "france"}).json()["total"] == 1
    r = client.get("/api/search", params={"issue": "ceasefire", "outlet": "Daily Example"}).json()
    assert [s["content"][:12] for s in r["statements"]] == ["a ceasefire "]
    r = client.get("/api/search", params={"actor": "russia", "date_from": "2025-06", "date_to": "2025-07"}).json()
    assert r["total"] == 2
    # FTS syntax in user input is just words
    assert client.get("/api/search", params={"q": 'troops" OR NEAR(x'}).status_code == 200
    assert client.get("/api/search", params={"date_from": "yesterday"}).status_code == 422


def test_changes_between_two_dates(client):
    r = client.get("/api/changes", params={"date_from": "2025-03-31", "date_to": "2025-12-31"}).json()
    moved = {(c["actor"]["id"], c["issue"]): (c["before"], c["after"]) for c in r["changes"]}
    assert moved[("russia", "ceasefire")] == (None, "oppose")
    assert ("france", "foreign_troops_in_ukraine") not in moved  # support before and after
    assert r["new_documents"] == 3
    r = client.get("/api/changes", params={"date_from": "2025-06-30", "date_to": "2025-09-30"}).json()
    moved = {(c["actor"]["id"], c["issue"]): (c["before"], c["after"]) for c in r["changes"]}
    assert moved == {("russia", "ceasefire"): ("conditional", "oppose")}
    # the issue page shows each state's moves
    assert "conditional → oppose (2025-09-05)" in client.get("/issues/ceasefire").text


def test_exports_download(client):
    r = client.get("/api/export/documents.jsonl")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    recs = [json.loads(line) for line in r.text.splitlines()]
    assert len(recs) == 4 and all("statements" in x for x in recs)
    pos = client.get("/api/export/positions.json").json()
    assert {(p["actor"]["id"], p["issue"]) for p in pos} >= {("russia", "ceasefire"), ("france", "foreign_troops_in_ukraine")}
    r = client.get("/api/export/positions.csv")
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {(x["actor_level"], x["actor_id"], x["issue"], x["stance"]) for x in rows} >= {
        ("state", "russia", "ceasefire", "oppose"), ("person", "emmanuel-macron", "foreign_troops_in_ukraine", "support")}


# --- security -------------------------------------------------------------------------------

class _Markup(HTMLParser):
    """Collects what the browser would treat as markup: tags, event handlers, script URLs."""

    def __init__(self):
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src") != "/static/app.js":
            self.bad.append(f"<script {attrs}>")
        if tag in ("img", "b", "iframe", "object", "embed"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs.items():
            # the hostile title ends in an attribute x="..." (svg shapes have x of their own)
            if name.startswith("on") or (name == "x" and tag not in ("rect", "text", "line")):
                self.bad.append(f"{tag} {name}={value!r}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{tag} {name}={value!r}")


def _foreign_markup(html: str) -> list[str]:
    """Tags or attributes that came from the hostile document rather than from the templates."""
    p = _Markup()
    p.feed(html)
    return p.bad


def test_hostile_document_is_inert_in_every_page(client, db):
    doc_id = db[1]["test/hostile<script>.txt"]
    pages = [f"/documents/{doc_id}", "/", "/documents", "/actors/vladimir-putin", "/actors/russia",
             "/issues/ceasefire", "/matrix", "/search?q=change", "/evidence?actor=russia&issue=ceasefire",
             "/changes?date_from=2025-01-01&date_to=2025-12-31"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "window.__pwned" in r.text or url in ("/matrix", "/issues/ceasefire", "/changes?date_from=2025-01-01&date_to=2025-12-31"), url
        assert _foreign_markup(r.text) == [], url
        assert "script-src 'self'" in r.headers["content-security-policy"]
    html = client.get(f"/documents/{doc_id}").text
    assert "javascript:window.__pwned = 8" in html and 'href="javascript' not in html
    # the API returns the text as data
    d = client.get(f"/api/documents/{doc_id}").json()
    assert "<script>window.__pwned = 4</script>" in d["text"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_safe_url_keeps_only_web_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x",
                'https://x.org/" onmouseover="x', None, 3):
        assert safe_url(bad) is None


# --- writes ---------------------------------------------------------------------------------

def test_writes_need_the_token(db):
    path, _ = db
    sid = statement_id(path, "foreign troops")
    body = {"statement_id": sid, "entity_id": "emmanuel-macron"}
    open_app = TestClient(create_app(path, token=None), base_url=LOCAL)
    assert open_app.post("/api/corrections/speaker", json=body, headers=AUTH).status_code == 403
    c = TestClient(create_app(path, token=TOKEN), base_url=LOCAL)
    assert c.post("/api/corrections/speaker", json=body).status_code == 401
    assert c.post("/api/corrections/speaker", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert c.post("/corrections/speaker", data={**body, "token": "nope"}).status_code == 401
    assert c.post("/upload", data={"token": ""}, files={"file": ("a.txt", b"x")}).status_code == 401
    with Store(path) as s:
        assert s.query("SELECT COUNT(*) AS n FROM corrections")[0]["n"] == 0
    assert c.post("/api/corrections/speaker", json=body, headers=AUTH).status_code == 201


def test_speaker_correction_is_applied_and_marked(client, db):
    path, ids = db
    sid = statement_id(path, "foreign troops")
    r = client.post("/api/corrections/speaker", json={"statement_id": sid, "entity_id": "emmanuel-macron",
                                                      "note": "misattributed"}, headers=AUTH)
    assert r.status_code == 201
    d = client.get(f"/api/documents/{ids['test/0.txt']}").json()
    st = next(s for s in d["statements"] if s["id"] == sid)
    assert st["speaker_entity_id"] == "emmanuel-macron" and st["corrected"] == ["speaker"]
    assert st["machine_speaker"]["id"] == "vladimir-putin"
    # the stance now counts for the corrected speaker and for whom the KB says he spoke that day
    obo = st["on_behalf_of_id"]
    assert obo in ("france", "emmanuel-macron")
    pos = {(p["actor_level"], p["actor"]["id"], p["issue"]): p for p in client.get("/api/positions", params={"evidence": True}).json()["positions"]}
    for cell in (("state", obo, "foreign_troops_in_ukraine"), ("person", "emmanuel-macron", "foreign_troops_in_ukraine")):
        if cell in pos or cell[0] == "state":
            assert sid in [e["statement_id"] for e in pos[cell]["evidence"]] and pos[cell]["corrected"] is True
    assert ("state", "russia", "foreign_troops_in_ukraine") not in pos
    assert ("person", "vladimir-putin", "foreign_troops_in_ukraine") not in pos
    assert pos[("state", "russia", "ceasefire")]["corrected"] is False  # untouched cells stay as computed
    html = client.get(f"/documents/{ids['test/0.txt']}").text
    assert 'class="hl-statement corrected"' in html and "✎ corrected: speaker" in html
    exported = [json.loads(x) for x in client.get("/api/export/documents.jsonl").text.splitlines()]
    st = next(s for r in exported for s in r["statements"] if s["content"].startswith("foreign troops"))
    assert st["speaker"]["id"] == "emmanuel-macron" and st["corrected"] == ["speaker"]


def test_stance_correction_and_entity_merge(client, db):
    path, _ = db
    sid = statement_id(path, "a ceasefire is out")
    assert client.post("/api/corrections/stance", json={"statement_id": sid, "issue": "ceasefire",
                                                        "stance": "conditional"}, headers=AUTH).status_code == 201
    a = client.get("/api/actors/russia").json()
    assert {p["issue"]: p["stance"] for p in a["positions"]}["ceasefire"] == "conditional"
    timeline = {t["month"]: t for t in client.get("/api/issues/ceasefire").json()["timeline"]}
    assert timeline["2025-09"]["conditional"] == 1 and timeline["2025-09"]["oppose"] == 0
    bad = client.post("/api/corrections/stance", json={"statement_id": sid, "issue": "ceasefire",
                                                       "stance": "maybe"}, headers=AUTH)
    assert bad.status_code == 422
    r = client.post("/api/corrections/merge", json={"source_id": "emmanuel-macron", "target_id": "france"},
                    headers=AUTH)
    assert r.status_code == 201
    m = {row["id"]: row for row in client.get("/api/matrix").json()["actors"]}
    assert "emmanuel-macron" not in m and m["france"]["cells"]["foreign_troops_in_ukraine"]["stance"] == "support"
    assert client.get("/api/actors/emmanuel-macron").json()["merged_into"] == "france"
    # cycles are refused
    assert client.post("/api/corrections/merge", json={"source_id": "france", "target_id": "emmanuel-macron"},
                       headers=AUTH).status_code == 409
    assert client.post("/api/corrections/speaker", json={"statement_id": 10**9, "entity_id": "france"},
                       headers=AUTH).status_code == 404
    listed = client.get("/api/corrections").json()
    assert [(c["field"], c["attached"], c["statement_id"]) for c in listed] == [("stance", True, sid), ("merge", True, None)]
    assert [p["stance"] for p in client.get("/api/positions", params={"actor": "russia", "issue": "ceasefire"}).json()["positions"]] == [
        "conditional"]


def test_upload_analyses_into_the_same_store(client):
    text = ("Talks resume in Geneva\n\nDiplomats met in Geneva on Tuesday to discuss a ceasefire. "
            "Russia said the talks were useful.\n").encode()
    r = client.post("/api/upload", files={"file": ("../../etc/evil name.txt", text, "text/plain")}, headers=AUTH)
    assert r.status_code == 202, r.text
    assert r.json()["status"] in ("queued", "running", "done") and r.json()["name"] == "evil name.txt"
    client.app.state.jobs.wait(r.json()["id"])
    body = client.get(f"/api/jobs/{r.json()['id']}").json()
    assert body["status"] == "done", body
    assert body["analysed"] == 1 and len(body["documents"]) == 1
    d = client.get(f"/api/documents/{body['documents'][0]}").json()
    assert "Geneva" in d["text"]
    assert client.get("/api/overview").json()["counts"]["documents"] == 5


def test_serve_command_starts_the_workbench_on_localhost(db):
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request
    path, _ = db
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(Path(sys.executable).with_name("garante")), "serve", "--db", path, "--port", str(port),
                             "--token", TOKEN], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "GARANTE_TOKEN": ""})
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2) as r:
                    assert json.load(r) == {"status": "ok"}
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.2)
        with urllib.request.urlopen(base + "/api/overview", timeout=5) as r:
            assert json.load(r)["counts"]["documents"] == 4
        sid = statement_id(path, "foreign troops")
        body = json.dumps({"statement_id": sid, "entity_id": "emmanuel-macron"}).encode()
        req = urllib.request.Request(base + "/api/corrections/speaker", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(req, timeout=5)
        assert refused.value.code == 401
        req.add_header("Authorization", f"Bearer {TOKEN}")
        with urllib.request.urlopen(req, timeout=5) as r:
            assert r.status == 201
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_correction_whose_statement_is_gone_is_listed_unattached(client, db):
    path, _ = db
    sid = statement_id(path, "a ceasefire is out")
    assert client.post("/api/corrections/stance", json={"statement_id": sid, "issue": "ceasefire",
                                                        "stance": "support"}, headers=AUTH).status_code == 201
    # the same capture analysed again, by extractors that no longer find that statement
    meta, title, body, statements = webstore.DOCS[2]
    doc = webstore.make_document(meta, title, body, [s for s in statements if not s[3].startswith("a ceasefire")],
                                 "test/2.txt")
    with Store(path) as store:
        store.save_document(doc, "test-2")
    listed = client.get("/api/corrections").json()
    assert [(c["attached"], c["statement_id"]) for c in listed] == [(False, None)]
    assert "not found after re-analysis" in client.get("/corrections").text
    assert "ceasefire" not in {p["issue"] for p in client.get("/api/positions", params={"actor": "russia"}).json()["positions"]
                               if p["stance"] == "support"}


def test_speakers_of_one_state_on_different_sides_are_listed_beside_the_matrix(client, db):
    from garante.analyse.positions import evidence
    path, _ = db
    assert client.get("/api/disagreements").json() == []
    with Store(path) as s:
        sid = next(r["statement_id"] for r in evidence(s)
                   if r["speaker"] == "Vladimir Putin" and r["issue"] == "ceasefire" and r["stance"] == "neutral")
    for kind, body in (("speaker", {"entity_id": "sergey-lavrov"}), ("stance", {"issue": "ceasefire", "stance": "oppose"})):
        assert client.post(f"/api/corrections/{kind}", json={"statement_id": sid, **body},
                           headers=AUTH).status_code == 201
    found = client.get("/api/disagreements").json()
    assert [(d["actor"], d["issue"]) for d in found] == [("Russia", "ceasefire")]
    assert {(x["name"], x["stance"]) for x in found[0]["speakers"]} == {("Vladimir Putin", "conditional"),
                                                                         ("Sergey Lavrov", "oppose")}
    html = client.get("/matrix").text
    assert 'id="disagreements"' in html and "Sergey Lavrov" in html
