"""The evidence store on real SQLite files and a real PostgreSQL server."""
from __future__ import annotations

import sqlite3

import pytest

from garante.batch import analyze
from garante.document import Document, Span, Stance, Statement, TextBuilder
from garante.pipeline import Pipeline
from garante.store import Store, StoreError, schema

from postgres_server import PostgresServer, pg_bin

ARTICLE = """Kyiv wants guarantees, Moscow says no

The Kremlin said on Friday that foreign troops could not guarantee Ukraine's security.
"Western contingents are not acceptable to us," the spokesman Dmitry Peskov told reporters.
"""


def sample_document(text: str = ARTICLE, source: str = "a.txt") -> Document:
    doc = Document(source=source, raw=text)
    tb = TextBuilder()
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            tb.add_separator()
            a, b = tb.add(stripped, pos)
            doc.spans.append(Span(a, b, "zone", "title" if a == 0 else "body", component="test", rule="line"))
        pos += len(line)
    doc.text, doc.segments = tb.text(), tb.segments
    doc.meta = {"title": "Kyiv wants guarantees, Moscow says no", "published": "2025-09-05", "language": "en"}
    q = doc.text.index("Western contingents")
    qe = doc.text.index(",\" the spokesman")
    p = doc.text.index("Dmitry Peskov")
    doc.spans.append(Span(p, p + 13, "mention", "PER", {"entity_id": "dmitry-peskov", "name": "Dmitry Peskov"},
                          component="test", rule="alias"))
    doc.statements.append(Statement(q, qe, doc.text[q:qe], "direct", cue="told", speaker_name="Dmitry Peskov",
                                    speaker_entity_id="dmitry-peskov", on_behalf_of_id="russia",
                                    on_behalf_of_name="Russia", date="2025-09-05",
                                    stances=[Stance("foreign_troops_in_ukraine", "oppose", 0.9, q, qe)]))
    return doc


def roundtrip(store: Store) -> None:
    doc = sample_document()
    doc_id = store.save_document(doc, "v1")
    back = store.load_document(doc_id)
    assert back.text == doc.text
    assert back.meta["published"] == "2025-09-05"
    st = back.statements[0]
    assert st.content == "Western contingents are not acceptable to us"
    assert back.text[st.content_start:st.content_end] == st.content
    assert st.stances[0].issue == "foreign_troops_in_ukraine" and st.stances[0].stance == "oppose"
    # every offset still leads back to the exact characters of the raw capture
    a, b = back.raw_span(st.content_start, st.content_end)
    assert back.raw[a:b] == st.content
    # saving the same content again replaces the analysis instead of duplicating it
    doc.statements.clear()
    again = store.save_document(doc, "v2")
    assert store.stats()["documents"] == 1
    assert store.load_document(again).statements == []
    assert store.find_document(doc.content_hash)["pipeline_version"] == "v2"


def test_sqlite_roundtrip_and_replace(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        roundtrip(store)
    # a plain SQLite file that other tools can open
    con = sqlite3.connect(tmp_path / "s.db")
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_group_of_documents_is_one_transaction_in_order(tmp_path):
    from garante.store import rows
    first, second = sample_document(), sample_document(ARTICLE + "More.\n", "b.txt")
    group = [rows.prepare(first, "v1"), rows.prepare(second, "v1")]
    group[0].entities = [{"id": "russia", "name": "Russia", "type": "GPE"}]
    group[1].entities = [{"id": "russia", "name": "Russian Federation", "type": "GPE"},
                         {"id": "dmitry-peskov", "name": "Dmitry Peskov", "type": "PER"}]
    with Store(tmp_path / "s.db") as store:
        ids = store.save_many(group)
        assert ids == sorted(ids) and len(set(ids)) == 2
        assert [store.load_document(i).source for i in ids] == ["a.txt", "b.txt"]
        assert store.load_document(ids[1]).statements[0].stances[0].stance == "oppose"
        # the later document's copy of an entity is the one kept, as if written after
        assert store.query("SELECT id, name FROM entities ORDER BY id") == [
            {"id": "dmitry-peskov", "name": "Dmitry Peskov"}, {"id": "russia", "name": "Russian Federation"}]
        # a group that fails writes none of its documents
        broken = rows.prepare(sample_document(ARTICLE + "Other.\n", "c.txt"), "v1")
        broken.spans = [{"no_such_column": 1}]
        with pytest.raises(sqlite3.OperationalError, match="no_such_column"):
            store.save_many([rows.prepare(sample_document(ARTICLE + "Fine.\n", "d.txt"), "v1"), broken])
        assert store.stats()["documents"] == 2


def test_not_a_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        Store(bad)


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE store_meta SET meta_value = '999' WHERE meta_key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


class Interrupt:
    """A pipeline component that stops the run (as Ctrl-C would) when it meets a given document."""
    name = "interrupt"

    def __init__(self, marker: str):
        self.marker = marker

    def __call__(self, doc, ctx):
        if self.marker in doc.text:
            raise KeyboardInterrupt


def test_interrupted_run_keeps_what_was_stored_and_resumes(tmp_path):
    from garante.scale.pool import GROUP  # captures analysed together: a group is stored whole or not at all
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = GROUP + 2
    for i in range(n):
        (corpus / f"{i}.txt").write_text(f"Title {i}\n\nParagraph number {i} of the story, told in full.\n",
                                         encoding="utf-8")
    db = tmp_path / "s.db"
    stop = f"number {GROUP + 1}"  # in the second group
    with Store(db) as store:
        pipe = Pipeline()
        pipe.components.append(Interrupt(stop))
        with pytest.raises(KeyboardInterrupt):
            analyze([str(corpus)], store, pipeline=pipe)
        stored = store.query("SELECT text FROM documents")
        assert len(stored) == GROUP and all(stop not in r["text"] for r in stored)
        assert store.query("SELECT COUNT(*) AS n FROM spans WHERE document_id NOT IN "
                           "(SELECT id FROM documents)")[0]["n"] == 0
    with Store(db) as store:
        report = analyze([str(corpus)], store)
        assert store.stats()["documents"] == n
    assert (report.analysed, report.skipped) == (n - GROUP, GROUP)


def test_failing_document_is_reported_and_the_run_goes_on(tmp_path):
    class Broken:
        name = "broken"

        def __call__(self, doc, ctx):
            if "poison" in doc.text:
                raise ValueError("cannot parse")

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A good story\n\nIt has a paragraph of prose in it.\n", encoding="utf-8")
    (corpus / "bad.txt").write_text("A bad story\n\nThis one carries poison in its text.\n", encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        pipe = Pipeline()
        pipe.components.append(Broken())
        report = analyze([str(corpus)], store, pipeline=pipe)
        assert report.analysed == 1
        assert len(report.errors) == 1 and "bad.txt" in report.errors[0] and "cannot parse" in report.errors[0]
        assert store.query("SELECT source FROM ingest_errors")[0]["source"].endswith("bad.txt")


@pytest.fixture(scope="module")
def postgres_url():
    if pg_bin() is None:
        pytest.skip("no PostgreSQL server binaries (scripts/test-setup.sh installs them)")
    pytest.importorskip("psycopg")
    server = PostgresServer()
    url = server.start()
    yield url
    server.stop()


def test_postgres_serves_the_same_schema(postgres_url):
    with Store(postgres_url) as store:
        assert store.dialect == "postgres"
        assert store.schema_version() == schema.SCHEMA_VERSION
        roundtrip(store)
    with Store(postgres_url) as store:  # reopening migrates nothing and keeps the data
        assert store.stats()["documents"] == 1


def test_postgres_full_analysis(postgres_url, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with Store(postgres_url) as store:
        report = analyze([str(tmp_path / "a.txt")], store)
        assert report.ok
        again = analyze([str(tmp_path / "a.txt")], store)
        assert again.skipped == 1 and again.analysed == 0


# --- stable ids, locks and concurrent runs (issue 16 items 7, 8, 10; issue 15) ---------------------

def small_corpus(folder, n: int = 6):
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"{i:02d}.txt").write_text(
            f"Story {i}\n\nThe Kremlin said on Friday that foreign troops could not guarantee security, "
            f"report number {i}.\n", encoding="utf-8")
    return folder


def test_force_keeps_document_ids(tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    with Store(tmp_path / "s.db") as store:
        analyze([str(corpus)], store)
        before = {r["content_hash"]: r["id"] for r in store.query("SELECT id, content_hash FROM documents")}
        report = analyze([str(corpus)], store, force=True)
        after = {r["content_hash"]: r["id"] for r in store.query("SELECT id, content_hash FROM documents")}
    assert report.analysed == len(before) == 6
    assert after == before


def hold_write_lock(path):
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    return con


def test_a_held_lock_is_a_clear_retryable_error_and_nothing_is_lost(tmp_path):
    from garante.store import StoreBusy
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.save_document(sample_document(), "v1")
    other = hold_write_lock(db)
    try:
        with Store(db, wait=0.3) as store:  # opening an up-to-date store needs no write lock
            assert store.stats()["documents"] == 1  # readers go on under the lock
            with pytest.raises(StoreBusy, match=r"s\.db.*locked by another writer") as err:
                store.save_document(sample_document(ARTICLE + "More.\n", "b.txt"), "v1")
            assert err.value.retryable
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store(db) as store:  # once the lock is gone the same write succeeds, the old data intact
        store.save_document(sample_document(ARTICLE + "More.\n", "b.txt"), "v1")
        assert store.stats()["documents"] == 2
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_analyze_under_a_held_lock_says_so_without_a_traceback(tmp_path, monkeypatch, capsys):
    from garante import store as store_module
    from garante.cli import main
    corpus = small_corpus(tmp_path / "corpus", 2)
    db = tmp_path / "s.db"
    Store(db).close()
    monkeypatch.setattr(store_module, "WAIT_SECONDS", 0.3)
    other = hold_write_lock(db)
    try:
        code = main(["analyze", str(corpus), "--db", str(db), "--workers", "1", "--quiet"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2
    assert "locked by another writer" in err and "try again" in err and "Traceback" not in err
    assert main(["analyze", str(corpus), "--db", str(db), "--workers", "1", "--quiet"]) == 0


class Meanwhile:
    """A component that, on the first document, runs a whole second analysis of the same corpus into
    the same store through another connection: two runs overlapping, deterministically."""
    name = "meanwhile"

    def __init__(self, corpus, location):
        self.corpus, self.location, self.report = corpus, location, None

    def __call__(self, doc, ctx):
        if self.report is None:
            with Store(self.location) as other:
                self.report = analyze([str(self.corpus)], other, pipeline=Pipeline(ctx))


def overlapping_runs(location, corpus):
    with Store(location) as store:
        pipe = Pipeline()
        meanwhile = Meanwhile(corpus, location)
        pipe.components.append(meanwhile)
        first = analyze([str(corpus)], store, pipeline=pipe)
        stored = store.query("SELECT content_hash FROM documents")
    return first, meanwhile.report, stored


def test_two_runs_on_one_sqlite_store_share_the_work(tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    from garante.scale.pool import GROUP
    first, second, stored = overlapping_runs(str(tmp_path / "s.db"), corpus)
    # the group of captures the first run was analysing was left to it; every other one analysed once
    assert (first.analysed, first.skipped) == (GROUP, 6 - GROUP)
    assert (second.analysed, second.elsewhere) == (6 - GROUP, GROUP)
    assert len(stored) == len({r["content_hash"] for r in stored}) == 6


def test_a_killed_runs_claims_do_not_block_the_rerun(tmp_path):
    import subprocess
    import sys
    corpus = small_corpus(tmp_path / "corpus", 3)
    db = tmp_path / "s.db"
    with Store(db) as store:
        from garante.document import content_hash
        digest = content_hash((corpus / "01.txt").read_text(encoding="utf-8"))
        gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout.strip()
        assert store.claim(digest)
        store.execute("UPDATE run_claims SET pid = ?, token = 'dead'", (int(gone),))
        store._claims.clear()  # as if this process had been killed holding the claim
    with Store(db) as store:
        report = analyze([str(corpus)], store)
        assert report.analysed == 3 and report.elsewhere == 0


def fresh_database(url: str, name: str) -> str:
    import psycopg
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name}")
        con.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


def test_postgres_fresh_store_opened_by_many_at_once(postgres_url):
    import threading
    url = fresh_database(postgres_url, "race_migrate")
    barrier, errors = threading.Barrier(4), []

    def open_store():
        barrier.wait()
        try:
            Store(url).close()
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)
    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(url) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION


def test_postgres_two_runs_share_the_work(postgres_url, tmp_path):
    corpus = small_corpus(tmp_path / "corpus")
    from garante.scale.pool import GROUP
    first, second, stored = overlapping_runs(fresh_database(postgres_url, "overlap"), corpus)
    assert (second.analysed, second.elsewhere) == (6 - GROUP, GROUP)
    assert first.analysed == GROUP and len(stored) == len({r["content_hash"] for r in stored}) == 6


def test_postgres_two_concurrent_analyze_processes(postgres_url, tmp_path):
    import re
    import subprocess
    import sys
    corpus = small_corpus(tmp_path / "corpus", 40)
    url = fresh_database(postgres_url, "concurrent")
    from pathlib import Path
    cmd = [str(Path(sys.executable).parent / "garante"), "analyze", str(corpus), "--db", url, "--workers", "1", "--quiet"]
    runs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [r.communicate(timeout=300) for r in runs]
    for r, (out, err) in zip(runs, outs):
        assert r.returncode == 0, err
        assert "Traceback" not in err
    analysed = [int(re.match(r"(\d+) analysed", out).group(1)) for out, _ in outs]
    with Store(url) as store:
        rows = store.query("SELECT content_hash FROM documents")
        assert store.stats()["ingest_errors"] == 0
    assert len(rows) == len({r["content_hash"] for r in rows}) == 40
    assert sum(analysed) == 40  # each document analysed by one of the two runs


def waiting_for_a_lock(url: str, timeout: float = 60.0) -> bool:
    """Whether some session of the server comes to wait on a row lock within ``timeout`` (polled from a
    connection of its own: a transaction sees one snapshot of pg_stat_activity)."""
    import time
    import psycopg
    end = time.monotonic() + timeout
    with psycopg.connect(url, autocommit=True) as con:
        while time.monotonic() < end:
            if con.execute("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'").fetchone():
                return True
            time.sleep(0.05)
    return False


def test_postgres_entity_written_by_two_runs_at_once(postgres_url):
    """The cause of a flaky concurrent-runs test: two runs writing the same entity. The second waits
    for the first's row; when the first commits, the second must replace the row, not fail on a
    duplicate key (a DELETE then INSERT did: the waiting DELETE missed the row inserted meanwhile)."""
    import threading
    url = fresh_database(postgres_url, "entity_race")
    russia = {"id": "russia", "name": "Russia", "type": "GPE"}
    with Store(url) as first, Store(url) as second:
        first.upsert_entities([russia])
        errors: list[Exception] = []

        def write_second():
            try:
                second.upsert_entities([{**russia, "name": "Russian Federation"}])
            except Exception as e:  # noqa: BLE001 - asserted below
                errors.append(e)
        with first.transaction():
            first.upsert_entities([{**russia, "name": "Rossiya"}])
            other = threading.Thread(target=write_second)
            other.start()
            assert waiting_for_a_lock(url)  # the second run now waits for this transaction
        other.join(60)
        assert errors == []
        assert first.query("SELECT name FROM entities WHERE id = 'russia'") == [{"name": "Russian Federation"}]
