"""Parquet datasets: written from a store, readable by any Parquet reader, loaded back into a store
with the same exports."""
from __future__ import annotations

import pytest

from garante.cli import main
from garante.store import Store

from conftest import EXAMPLES
from helpers import exports

pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'garante[parquet]')")


def test_parquet_export_is_readable_and_loads_back(tmp_path):
    import pyarrow.parquet as pq
    db = tmp_path / "a.db"
    main(["analyze", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet"])
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "out"), "--parquet"]) == 0
    stances = pq.read_table(tmp_path / "out" / "parquet" / "stances").to_pylist()
    with Store(db) as store:
        assert len(stances) == store.stats()["stances"] > 0
    assert {s["stance"] for s in stances} <= {"support", "oppose", "conditional", "neutral"}
    again = tmp_path / "b.db"
    assert main(["load", str(tmp_path / "out" / "parquet"), "--db", str(again)]) == 0
    assert exports(db, tmp_path / "x") == exports(again, tmp_path / "y")


def test_load_of_a_folder_that_is_not_an_export_is_a_clear_error(tmp_path, capsys):
    assert main(["load", str(tmp_path), "--db", str(tmp_path / "s.db")]) == 2
    assert "not a garante Parquet export" in capsys.readouterr().err
