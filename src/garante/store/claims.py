"""Claims: several ``analyze`` runs on one store share the work instead of each analysing everything.

Before analysing a capture a run claims its content hash; a capture claimed by another live run is
left to that run. On PostgreSQL a claim is a session advisory lock, released by the server when the
run's connection ends, however it ends. On SQLite it is a row of ``run_claims`` naming the host,
process and store connection; a claim whose process is gone (or older than the lease) is stale and
taken over, so a run that was killed leaves nothing behind that a rerun cannot finish. Closing a
store releases its claims.
"""
from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta, timezone

LEASE = timedelta(minutes=15)  # far longer than one document's analysis may take
HOST = socket.gethostname()

TABLE = """CREATE TABLE IF NOT EXISTS run_claims (
    content_hash TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    token TEXT NOT NULL,
    claimed_at TEXT NOT NULL
)"""


def key_of(content_hash: str) -> int:
    """A signed 64-bit key for PostgreSQL's advisory locks."""
    return int.from_bytes(bytes.fromhex(content_hash[:16]), "big", signed=True)


def _held(store) -> set[str]:
    if not hasattr(store, "_claims"):
        store._claims = set()
        store._claim_token = uuid.uuid4().hex
    return store._claims


def claim(store, content_hash: str) -> bool:
    held = _held(store)
    if content_hash in held:
        return True
    if store.dialect == "postgres":
        ok = store.query("SELECT pg_try_advisory_lock(?) AS ok", (key_of(content_hash),))[0]["ok"]
    else:
        ok = _claim_sqlite(store, content_hash)
    if ok:
        held.add(content_hash)
    return bool(ok)


def _claim_sqlite(store, content_hash: str) -> bool:
    now = datetime.now(timezone.utc)
    with store.transaction():
        store.execute(TABLE)
        rows = store.query("SELECT host, pid, claimed_at FROM run_claims WHERE content_hash = ?", (content_hash,))
        if rows and not _stale(rows[0], now):
            return False
        store.execute("INSERT OR REPLACE INTO run_claims (content_hash, host, pid, token, claimed_at) "
                      "VALUES (?, ?, ?, ?, ?)", (content_hash, HOST, os.getpid(), store._claim_token, now.isoformat()))
    return True


def _stale(row: dict, now: datetime) -> bool:
    if row["host"] == HOST and not _alive(row["pid"]):
        return True
    return now - datetime.fromisoformat(row["claimed_at"]) > LEASE


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def release(store, content_hash: str) -> None:
    held = _held(store)
    if content_hash not in held:
        return
    held.discard(content_hash)
    if store.dialect == "postgres":
        store.execute("SELECT pg_advisory_unlock(?)", (key_of(content_hash),))
    else:
        with store.transaction():
            store.execute("DELETE FROM run_claims WHERE content_hash = ? AND token = ?",
                          (content_hash, store._claim_token))


def settle(store, content_hash: str) -> None:
    """Inside the transaction that saves the document: on SQLite the claim goes with the save, in the
    same commit (PostgreSQL's lock is released after the commit, by ``release``)."""
    held = _held(store)
    if store.dialect == "sqlite" and content_hash in held:
        held.discard(content_hash)
        store.execute("DELETE FROM run_claims WHERE content_hash = ? AND token = ?", (content_hash, store._claim_token))


def release_all(store) -> None:
    for content_hash in list(getattr(store, "_claims", ())):
        release(store, content_hash)
