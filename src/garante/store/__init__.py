"""The evidence store: plain SQLite by default (one file, WAL), PostgreSQL with a ``postgresql://`` URL.

Each document is written in one transaction together with all of its annotations, so an interrupted
run never leaves half a document behind; re-running skips what is already stored by content hash.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any, Iterator

from ..document import Document, LineLabel, Segment, Span, Stance, Statement
from . import schema


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreError(Exception):
    pass


class Store:
    """``Store("garante.db")`` or ``Store("postgresql://user@host/db")``."""

    def __init__(self, location: str):
        self.location = str(location)
        if self.location.startswith(("postgresql://", "postgres://")):
            try:
                import psycopg
            except ImportError as e:  # pragma: no cover - depends on the install
                raise StoreError("PostgreSQL store needs psycopg: pip install 'garante[postgres]'") from e
            self.dialect = "postgres"
            self.conn = psycopg.connect(self.location, autocommit=True)
        else:
            self.dialect = "sqlite"
            try:
                self.conn = sqlite3.connect(self.location, isolation_level=None, check_same_thread=False)
            except sqlite3.Error as e:
                raise StoreError(f"{self.location}: cannot open store: {e}") from e
            self.conn.row_factory = sqlite3.Row
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.DatabaseError as e:
                raise StoreError(f"{self.location}: not a garante store (SQLite says: {e})") from e
        self.migrate()

    # --- plumbing ----------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgres" else sql

    def execute(self, sql: str, params: tuple | list = ()):
        if self.dialect == "postgres":
            cur = self.conn.cursor()
            cur.execute(self._sql(sql), params)
            return cur
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: tuple | list = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        if cur.description is None:
            return []
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def insert(self, table: str, row: dict[str, Any]) -> int:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"
        if self.dialect == "postgres":
            return self.execute(sql + " RETURNING id", list(row.values())).fetchone()[0]
        return self.execute(sql, list(row.values())).lastrowid

    @contextmanager
    def transaction(self):
        if self.dialect == "postgres":
            with self.conn.transaction():
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- schema ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        try:
            rows = self.query("SELECT meta_value FROM store_meta WHERE meta_key = 'schema_version'")
        except Exception:
            if self.dialect == "postgres":
                self.conn.rollback() if not self.conn.autocommit else None
            return 0
        return int(rows[0]["meta_value"]) if rows else 0

    def migrate(self) -> None:
        current = self.schema_version()
        if current > schema.SCHEMA_VERSION:
            raise StoreError(f"{self.location}: store schema {current} is newer than this garante "
                             f"({schema.SCHEMA_VERSION}); upgrade garante")
        for version in range(current + 1, schema.SCHEMA_VERSION + 1):
            with self.transaction():
                for ddl in schema.statements_for(self.dialect, version):
                    self.execute(ddl)
                self.execute("DELETE FROM store_meta WHERE meta_key = 'schema_version'")
                self.execute("INSERT INTO store_meta (meta_key, meta_value) VALUES ('schema_version', ?)",
                             (str(version),))

    # --- documents ---------------------------------------------------------------------------
    def find_document(self, content_hash: str) -> dict[str, Any] | None:
        rows = self.query("SELECT id, pipeline_version FROM documents WHERE content_hash = ?", (content_hash,))
        return rows[0] if rows else None

    def save_document(self, doc: Document, pipeline_version: str) -> int:
        """Writes the document and all its annotations in one transaction, replacing an earlier
        analysis of the same content."""
        now = utcnow()
        meta = doc.meta
        with self.transaction():
            old = self.find_document(doc.content_hash)
            ingested_at = now
            if old:
                prev = self.query("SELECT ingested_at FROM documents WHERE id = ?", (old["id"],))
                ingested_at = prev[0]["ingested_at"] if prev else now
                self.execute("DELETE FROM stances WHERE document_id = ?", (old["id"],))
                self.execute("DELETE FROM statements WHERE document_id = ?", (old["id"],))
                self.execute("DELETE FROM spans WHERE document_id = ?", (old["id"],))
                self.execute("DELETE FROM documents WHERE id = ?", (old["id"],))
            known = {"title", "published", "published_precision", "published_source", "outlet", "author",
                     "url", "language", "section", "capture_date"}
            doc_id = self.insert("documents", {
                "content_hash": doc.content_hash,
                "source": doc.source,
                "format": doc.format,
                "raw": doc.raw,
                "text": doc.text,
                "body_start": doc.body_start,
                **{k: _scalar(meta.get(k)) for k in sorted(known)},
                "meta": json.dumps({k: v for k, v in meta.items() if k not in known}, ensure_ascii=False,
                                   default=str),
                "segments": json.dumps([[s.text_start, s.raw_start, s.length] for s in doc.segments]),
                "lines": json.dumps([[ln.raw_start, ln.raw_end, ln.label, ln.reason] for ln in doc.lines],
                                    ensure_ascii=False),
                "pipeline_version": pipeline_version,
                "ingested_at": ingested_at,
                "analysed_at": now,
            })
            doc.id = doc_id
            for span in doc.spans:
                self.insert("spans", {
                    "document_id": doc_id, "layer": span.layer, "label": span.label,
                    "start_char": span.start, "end_char": span.end, "text": doc.text[span.start:span.end],
                    "entity_id": span.attrs.get("entity_id"),
                    "value": _scalar(span.attrs.get("value")),
                    "attrs": json.dumps(span.attrs, ensure_ascii=False, default=str),
                    "component": span.component, "rule": span.rule, "confidence": span.confidence,
                })
            for seq, st in enumerate(doc.statements):
                row = asdict(st)
                stances = row.pop("stances")
                attrs = row.pop("attrs")
                parent = row.pop("parent")
                row.update(document_id=doc_id, seq=seq, parent_seq=parent,
                           attrs=json.dumps(attrs, ensure_ascii=False, default=str))
                st_id = self.insert("statements", row)
                for stance in stances:
                    srow = dict(stance)
                    srow["attrs"] = json.dumps(srow.get("attrs") or {}, ensure_ascii=False, default=str)
                    srow.update(statement_id=st_id, document_id=doc_id)
                    self.insert("stances", srow)
        return doc_id

    def upsert_entities(self, entities: list[dict[str, Any]]) -> None:
        """Entities referenced by annotations (from the knowledge base or discovered in text)."""
        if not entities:
            return
        with self.transaction():
            for e in entities:
                self.execute("DELETE FROM entities WHERE id = ?", (e["id"],))
                self.insert("entities", {
                    "id": e["id"], "name": e["name"], "type": e.get("type", ""),
                    "origin": e.get("origin", "kb"),
                    "data": json.dumps(e.get("data") or {}, ensure_ascii=False, default=str),
                })

    def log_error(self, source: str, location: str | None, message: str) -> None:
        with self.transaction():
            self.insert("ingest_errors", {"source": source, "location": location, "message": message,
                                          "occurred_at": utcnow()})

    def document_ids(self) -> list[int]:
        return [r["id"] for r in self.query("SELECT id FROM documents ORDER BY id")]

    def documents(self) -> Iterator[Document]:
        for doc_id in self.document_ids():
            yield self.load_document(doc_id)

    def load_document(self, doc_id: int) -> Document:
        rows = self.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise StoreError(f"no document {doc_id} in {self.location}")
        r = rows[0]
        meta = json.loads(r["meta"] or "{}")
        for k in ("title", "published", "published_precision", "published_source", "outlet", "author",
                  "url", "language", "section", "capture_date"):
            meta[k] = r[k]
        doc = Document(source=r["source"], raw=r["raw"], format=r["format"], text=r["text"], meta=meta,
                       segments=[Segment(*s) for s in json.loads(r["segments"])],
                       lines=[LineLabel(*ln) for ln in json.loads(r["lines"])], id=r["id"])
        for s in self.query("SELECT * FROM spans WHERE document_id = ? ORDER BY start_char, id", (doc_id,)):
            doc.spans.append(Span(s["start_char"], s["end_char"], s["layer"], s["label"],
                                  json.loads(s["attrs"]), s["component"], s["rule"], s["confidence"]))
        stance_rows: dict[int, list[Stance]] = {}
        for s in self.query("SELECT * FROM stances WHERE document_id = ? ORDER BY id", (doc_id,)):
            stance_rows.setdefault(s["statement_id"], []).append(Stance(
                s["issue"], s["stance"], s["confidence"], s["evidence_start"], s["evidence_end"],
                s["component"], s["rule"], json.loads(s["attrs"])))
        for s in self.query("SELECT * FROM statements WHERE document_id = ? ORDER BY seq", (doc_id,)):
            fields = {k: s[k] for k in Statement.__dataclass_fields__ if k in s and k not in ("attrs", "stances")}
            st = Statement(**fields)
            st.parent = s["parent_seq"]
            st.attrs = json.loads(s["attrs"])
            st.stances = stance_rows.get(s["id"], [])
            doc.statements.append(st)
        return doc

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "spans", "statements", "stances", "entities", "ingest_errors"):
            out[table] = self.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
        return out


def _scalar(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float)):
        return v
    return json.dumps(v, ensure_ascii=False, default=str)
