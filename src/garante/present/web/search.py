"""Full-text search over statements: SQLite FTS5 where the store is SQLite, a LIKE scan elsewhere.

The FTS5 table indexes ``statements.content`` (external content) and is kept in step by triggers, so
statements written later by ``garante analyze`` are indexed too. It is created on first use: it is
SQLite-only and so stays out of the portable schema migrations.
"""
from __future__ import annotations

import re
import sqlite3
from typing import Any

from ...store import Store, StoreError

_DDL = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
        content, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS statements_fts_ai AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content); END""",
    """CREATE TRIGGER IF NOT EXISTS statements_fts_ad AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content); END""",
    """CREATE TRIGGER IF NOT EXISTS statements_fts_au AFTER UPDATE OF content ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, content) VALUES ('delete', old.id, old.content);
        INSERT INTO statements_fts(rowid, content) VALUES (new.id, new.content); END""",
]

_WORD = re.compile(r"\w+", re.UNICODE)


class IndexBusy(Exception):
    """Another writer held the store: the index could not be created now (try again later)."""


def ensure_index(store: Store, wait_ms: int = 1000) -> bool:
    """Creates (and fills, the first time) the FTS5 index; False where FTS5 is not available;
    IndexBusy when another writer holds the store for more than ``wait_ms``."""
    if store.dialect != "sqlite":
        return False
    exists = store.query("SELECT name FROM sqlite_master WHERE name = 'statements_fts'")
    if exists:
        return True
    old = store.conn.execute("PRAGMA busy_timeout").fetchone()[0]
    store.conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        with store.transaction():
            for ddl in _DDL:
                store.execute(ddl)
            store.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")
        return True
    except (sqlite3.OperationalError, StoreError) as e:
        if "locked" in str(e).lower() or "busy" in str(e).lower():
            raise IndexBusy(str(e)) from e
        return False  # SQLite built without FTS5
    finally:
        store.conn.execute(f"PRAGMA busy_timeout = {int(old)}")


def fts_query(text: str) -> str:
    """User text as an FTS5 query: every word must occur (prefix match on the last), no operators,
    so nothing the user types is read as FTS syntax."""
    words = _WORD.findall(text)
    if not words:
        return ""
    parts = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(parts)


def search(store: Store, q: str = "", actor: str | None = None, issue: str | None = None,
           outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
           limit: int = 50, offset: int = 0, fts: bool = True,
           extra_statement_ids: list[int] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Statements matching ``q`` and the filters, newest first, with the total count.
    ``extra_statement_ids``: statements that match ``actor`` only after corrections."""
    joins = ["JOIN documents d ON d.id = st.document_id"]
    where: list[str] = []
    params: list[Any] = []
    match = fts_query(q) if q else ""
    if q and not match:
        return [], 0
    if match and fts:
        joins.append("JOIN statements_fts f ON f.rowid = st.id")
        where.append("statements_fts MATCH ?")
        params.append(match)
    elif match:
        for w in _WORD.findall(q):
            where.append("LOWER(st.content) LIKE ?")
            params.append(f"%{w.lower()}%")
    if actor:
        cond = "(st.on_behalf_of_id = ? OR st.speaker_entity_id = ?"
        params += [actor, actor]
        if extra_statement_ids:
            cond += f" OR st.id IN ({', '.join('?' for _ in extra_statement_ids)})"
            params += list(extra_statement_ids)
        where.append(cond + ")")
    if issue:
        where.append("EXISTS (SELECT 1 FROM stances s WHERE s.statement_id = st.id AND s.issue = ?)")
        params.append(issue)
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if date_from:
        where.append("COALESCE(st.date, d.published) >= ?")
        params.append(date_from)
    if date_to:
        where.append("COALESCE(st.date, d.published) <= ?")
        params.append(date_to + "\uffff")
    sql_from = " FROM statements st " + " ".join(joins) + (" WHERE " + " AND ".join(where) if where else "")
    # every statement has its document (a foreign key, deleted with it): counted without reading the
    # documents' rows where no filter is on them (46 against 18 ms for 3,000 matches on 10,000 documents)
    counted = sql_from if outlet or date_from or date_to else sql_from.replace(" " + joins[0], "", 1)
    total = store.query("SELECT COUNT(*) AS n" + counted, params)[0]["n"]
    rows = store.query(
        "SELECT st.*, d.content_hash, d.title, d.outlet, d.published" + sql_from
        + " ORDER BY COALESCE(st.date, d.published, '') DESC, st.id DESC LIMIT ? OFFSET ?",
        params + [limit, offset])
    return rows, total
