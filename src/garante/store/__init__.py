"""The evidence store: plain SQLite by default (one file, WAL), PostgreSQL with a ``postgresql://`` URL.

Each document is written in one transaction together with all of its annotations, so an interrupted
run never leaves half a document behind; re-running skips what is already stored by content hash.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterator

from ..document import Document
from . import claims, rows, schema

# how long a writer waits for another one's lock before giving up with StoreBusy
WAIT_SECONDS = 30.0
MIGRATION_LOCK = 0x6761_7261_6E74_65  # PostgreSQL advisory lock key of schema migrations ("garante")


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoreError(Exception):
    pass


class StoreBusy(StoreError):
    """Another writer held the store's lock for longer than the wait: nothing was written; the same
    operation can simply be tried again."""
    retryable = True


def _is_busy(e: Exception) -> bool:
    text = str(e).lower()
    return isinstance(e, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


class Store:
    """``Store("garante.db")`` or ``Store("postgresql://user@host/db")``."""

    def __init__(self, location: str, wait: float | None = None):
        self.location = str(location)
        self.wait = WAIT_SECONDS if wait is None else wait
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
                self.conn = sqlite3.connect(self.location, isolation_level=None, check_same_thread=False,
                                            timeout=self.wait)
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
        try:
            return self.conn.execute(sql, params)
        except sqlite3.OperationalError as e:
            raise self._busy(e) if _is_busy(e) else e

    def _busy(self, cause: Exception) -> StoreBusy:
        err = StoreBusy(f"{self.location}: the store is locked by another writer (waited {self.wait:.0f} s); "
                        "nothing was written, try again when it has finished")
        err.__cause__ = cause
        return err

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

    def insert_many(self, table: str, rows_: list[dict[str, Any]]) -> None:
        """Rows with the same columns, in one prepared statement."""
        if rows_:
            cols = list(rows_[0])
            self.execute_many(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
                              [[r[c] for c in cols] for r in rows_])

    def execute_many(self, sql: str, params: list) -> None:
        if not params:
            return
        if self.dialect == "postgres":
            self.conn.cursor().executemany(self._sql(sql), params)
            return
        try:
            self.conn.executemany(sql, params)
        except sqlite3.OperationalError as e:
            raise self._busy(e) if _is_busy(e) else e

    @contextmanager
    def transaction(self):
        if self.dialect == "postgres":
            with self.conn.transaction():
                yield
            return
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.execute("COMMIT")

    def lock(self, key: int) -> None:
        """Serialises writers of one thing (a document, the schema) until the transaction ends; on
        SQLite the transaction's own write lock already does."""
        if self.dialect == "postgres":
            self.execute("SELECT pg_advisory_xact_lock(?)", (key,))

    def close(self) -> None:
        try:
            claims.release_all(self)
        except Exception:  # a broken connection or a lock: the claims go stale with this process
            pass
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- schema ------------------------------------------------------------------------------
    def _has_table(self, name: str) -> bool:
        if self.dialect == "postgres":
            return self.query("SELECT to_regclass(?) AS t", (name,))[0]["t"] is not None
        return bool(self.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    def schema_version(self) -> int:
        if not self._has_table("store_meta"):
            return 0
        rows_ = self.query("SELECT meta_value FROM store_meta WHERE meta_key = 'schema_version'")
        return int(rows_[0]["meta_value"]) if rows_ else 0

    def migrate(self) -> None:
        """Runs the missing migrations, each once even when several processes open a new store at the
        same moment (the version is read again under the lock)."""
        current = self.schema_version()
        if current > schema.SCHEMA_VERSION:
            raise StoreError(f"{self.location}: store schema {current} is newer than this garante "
                             f"({schema.SCHEMA_VERSION}); upgrade garante")
        if current == schema.SCHEMA_VERSION:
            return
        with self._migration_lock():
            for version in range(current + 1, schema.SCHEMA_VERSION + 1):
                with self.transaction():
                    if self.schema_version() >= version:
                        continue
                    for ddl in schema.statements_for(self.dialect, version):
                        self.execute(ddl)
                    self.execute("DELETE FROM store_meta WHERE meta_key = 'schema_version'")
                    self.execute("INSERT INTO store_meta (meta_key, meta_value) VALUES ('schema_version', ?)",
                                 (str(version),))

    @contextmanager
    def _migration_lock(self):
        """PostgreSQL: a session lock taken before the migration's transactions begin, so that they
        see the tables another process has just created (SQLite: BEGIN IMMEDIATE serialises)."""
        if self.dialect != "postgres":
            yield
            return
        self.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
        try:
            yield
        finally:
            self.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))

    # --- documents ---------------------------------------------------------------------------
    def find_document(self, content_hash: str) -> dict[str, Any] | None:
        rows = self.query("SELECT id, pipeline_version FROM documents WHERE content_hash = ?", (content_hash,))
        return rows[0] if rows else None

    def save_document(self, doc: Document, pipeline_version: str) -> int:
        """Writes the document and all its annotations in one transaction. An earlier analysis of the
        same content is replaced in place: the document keeps its id (links to it stay valid)."""
        doc.id = self.save_many([rows.prepare(doc, pipeline_version)])[0]
        return doc.id

    def save_many(self, prepared: list[rows.DocumentRows]) -> list[int]:
        """Writes whole documents (``rows.prepare``), with the entities each carries, in one
        transaction: one commit for many small documents. Their ids, in order."""
        # the group's entities first, in id order: two runs locking the same rows in the same order
        # cannot deadlock (a later document's copy of an entity wins, as if written after)
        entities = {e["id"]: e for one in prepared for e in one.entities}
        with self.transaction():
            self._upsert_entities([entities[k] for k in sorted(entities)])
            ids = []
            for one in prepared:
                ids.append(self._write_rows(one))
                claims.settle(self, one.content_hash)
        for one in prepared:
            claims.release(self, one.content_hash)
        return ids

    def _write_rows(self, one: rows.DocumentRows) -> int:
        now = utcnow()
        self.lock(claims.key_of(one.content_hash))
        old = self.find_document(one.content_hash)
        row = one.document
        if old:
            doc_id = old["id"]
            for table in ("stances", "statements", "spans"):
                self.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            self.execute(f"UPDATE documents SET {', '.join(f'{k} = ?' for k in row)}, analysed_at = ? "
                         "WHERE id = ?", [*row.values(), now, doc_id])
        else:
            doc_id = self.insert("documents", {**row, "ingested_at": now, "analysed_at": now})
        self.insert_many("spans", [{"document_id": doc_id, **span} for span in one.spans])
        stances = []
        for st, its_stances in one.statements:
            st_id = self.insert("statements", {"document_id": doc_id, **st})
            stances += [{**stance, "statement_id": st_id, "document_id": doc_id} for stance in its_stances]
        self.insert_many("stances", stances)
        return doc_id

    # --- sharing the work between runs ---------------------------------------------------------
    def claim(self, content_hash: str) -> bool:
        """True when this process may analyse the content now: no other live run is analysing it."""
        return claims.claim(self, content_hash)

    def release(self, content_hash: str) -> None:
        claims.release(self, content_hash)

    def upsert_entities(self, entities: list[dict[str, Any]]) -> None:
        """Entities referenced by annotations (from the knowledge base or discovered in text)."""
        if entities:
            with self.transaction():
                self._upsert_entities(entities)

    def _upsert_entities(self, entities: list[dict[str, Any]]) -> None:
        # one statement that inserts or replaces: a DELETE then INSERT lost a race on PostgreSQL, where
        # the DELETE of a second run waiting on the first one's row did not see the row it then
        # inserted (duplicate key)
        self.execute_many(
            "INSERT INTO entities (id, name, type, origin, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET name = excluded.name, type = excluded.type, origin = excluded.origin, data = excluded.data",
            [(e["id"], e["name"], e.get("type", ""), e.get("origin", "kb"),
              json.dumps(e.get("data") or {}, ensure_ascii=False, default=str)) for e in entities])

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
        found = self.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not found:
            raise StoreError(f"no document {doc_id} in {self.location}")
        return rows.document_from_rows(
            found[0],
            self.query("SELECT * FROM spans WHERE document_id = ? ORDER BY start_char, id", (doc_id,)),
            self.query("SELECT * FROM statements WHERE document_id = ? ORDER BY seq", (doc_id,)),
            self.query("SELECT * FROM stances WHERE document_id = ? ORDER BY id", (doc_id,)))

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "spans", "statements", "stances", "entities", "ingest_errors"):
            out[table] = self.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
        return out

