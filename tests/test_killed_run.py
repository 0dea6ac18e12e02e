"""A run killed outright (SIGKILL, as by the kernel out of memory or kill -9) in the middle of `garante analyze`
on a folder leaves a store the same command finishes: the rerun ends with the store an uninterrupted run
makes (the exports byte for byte). Real processes on real SQLite files; no mocks. (The KeyboardInterrupt
tests in test_store.py / test_ingest.py let Python unwind; a killed process gets no such chance: no
rollback, no claims released, maybe a -journal or -wal file left behind.)"""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import garante

N = 40  # documents: enough that the kill falls while some are stored and some are not
SRC = str(Path(garante.__file__).resolve().parents[1])


def corpus(folder: Path) -> Path:
    """N articles of our own (a dozen short paragraphs each), Italian and English in turn, each different."""
    folder.mkdir()
    for i in range(N):
        if i % 2:
            text = (f"Vertice numero {i} sulle garanzie\n\nIl ministro degli Esteri ha detto che le garanzie di "
                    f"sicurezza per l'Ucraina saranno discusse a Roma nella riunione numero {i}. «Non accetteremo "
                    f"truppe straniere», ha dichiarato il portavoce del Cremlino.\n")
        else:
            text = (f"Summit number {i} on guarantees\n\nThe foreign minister said the security guarantees for "
                    f"Ukraine would be discussed in London at meeting number {i}. “We will not accept foreign "
                    f"troops,” the Kremlin spokesman said.\n")
        # (a dozen paragraphs each: on a quiet machine forty two-sentence texts are analysed and stored in a
        # tenth of a second, all between two looks at the store, and the kill would find the run done)
        body = "".join(text.replace(f"numero {i}", f"numero {i}.{k}").replace(f"number {i}", f"number {i}.{k}")
                       .split("\n\n", 1)[1] + "\n" for k in range(12))
        (folder / f"{i:02d}.txt").write_text(text.split("\n\n", 1)[0] + "\n\n" + body, encoding="utf-8")
    return folder


def garante_cli(*args: str, **popen) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]))
    code = "import sys; from garante.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **popen)


def finished(*args: str) -> str:
    proc = garante_cli(*args)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return out


def stored(db: Path) -> int:
    """Documents committed so far, read as another process would (0 while the store is not yet made)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema not made yet, or the writer holds the lock
        return 0


def killed_midway(folder: Path, db: Path) -> int:
    """Starts the run, kills it with SIGKILL once a few documents are stored; what it had stored."""
    proc = garante_cli("analyze", str(folder), "--db", str(db), "--quiet", "--workers", "1")
    deadline = time.monotonic() + 300
    while stored(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    return stored(db)


def exports(db: Path, out: Path) -> dict[str, bytes]:
    finished("export", "--db", str(db), "--out", str(out))
    return {f.name: f.read_bytes() for f in sorted(out.iterdir()) if f.is_file()}


def test_a_run_killed_midway_is_finished_by_the_rerun_as_if_never_killed(tmp_path):
    folder = corpus(tmp_path / "corpus")
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    before_kill = killed_midway(folder, killed)
    assert 0 < before_kill < N  # killed in the middle: some stored, some not
    rerun = finished("analyze", str(folder), "--db", str(killed), "--quiet", "--workers", "1")
    finished("analyze", str(folder), "--db", str(whole), "--quiet", "--workers", "1")
    assert stored(killed) == stored(whole) == N
    assert f"{N - before_kill} analysed, {before_kill} already stored" in rerun
    a, b = exports(whole, tmp_path / "out_whole"), exports(killed, tmp_path / "out_killed")
    assert a.keys() == b.keys() and "documents.jsonl" in a
    assert [k for k in a if a[k] != b[k]] == []
