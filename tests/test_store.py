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
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"{i}.txt").write_text(f"Title {i}\n\nParagraph number {i} of the story, told in full.\n",
                                         encoding="utf-8")
    db = tmp_path / "s.db"
    with Store(db) as store:
        pipe = Pipeline()
        pipe.components.append(Interrupt("number 2"))
        with pytest.raises(KeyboardInterrupt):
            analyze([str(corpus)], store, pipeline=pipe)
        stored = store.query("SELECT text FROM documents")
        assert len(stored) == 2 and all("number 2" not in r["text"] for r in stored)
        assert store.query("SELECT COUNT(*) AS n FROM spans WHERE document_id NOT IN "
                           "(SELECT id FROM documents)")[0]["n"] == 0
    with Store(db) as store:
        report = analyze([str(corpus)], store)
        assert store.stats()["documents"] == 4
    assert report.analysed == 4 - 2 or report.skipped == 2


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
