"""Apache Spark in local mode with two workers, and Parquet datasets: the same store and exports as a
local run on the same input; bad records reported per record, never failing the job."""
from __future__ import annotations

import os
import shutil

import pytest

from garante.cli import main
from garante.pipeline import Context
from garante.store import Store

from conftest import EXAMPLES
from helpers import exports

pytest.importorskip("pyspark", reason="PySpark not installed (pip install 'garante[spark]')")
pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'garante[spark]')")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java 17 and none is installed (scripts/test-setup.sh installs it as root)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from garante.scale.spark import session
    s = session("local[2]", 2)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The sample corpus plus a JSON Lines file with a broken record between two good ones."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(EXAMPLES, root / "examples")
    good = (EXAMPLES / "it_2022-03_istanbul.txt").read_text(encoding="utf-8")
    import json
    (root / "mixed.jsonl").write_text(
        json.dumps({"url": "https://example.org/a", "text": good.replace("Istanbul", "Istanbul (bis)")}) + "\n"
        + '{"url": "https://example.org/broken", "text": \n'
        + json.dumps({"url": "https://example.org/c", "text": "Title\n\nA short body of prose about nothing.\n"})
        + "\n", encoding="utf-8")
    return root


def test_spark_local_mode_gives_the_local_runs_store(spark, corpus, tmp_path):
    from garante.scale.spark import analyze_spark
    local_db, spark_db = tmp_path / "local.db", tmp_path / "spark.db"
    assert main(["analyze", str(corpus), "--db", str(local_db), "--workers", "2", "--quiet"]) == 1  # one bad record
    report = analyze_spark([str(corpus)], Context(), out=str(tmp_path / "parquet"), db=str(spark_db), spark=spark)
    assert report.documents >= 15 and report.loaded.analysed == report.documents
    assert len(report.errors) == 1 and "mixed.jsonl" in report.errors[0]
    assert exports(local_db, tmp_path / "out_local") == exports(spark_db, tmp_path / "out_spark")
    with Store(spark_db) as store:
        assert store.query("SELECT location FROM ingest_errors")[0]["location"]
    # loading the same datasets again adds nothing
    assert main(["load", str(tmp_path / "parquet"), "--db", str(spark_db)]) == 0
    with Store(spark_db) as store:
        assert store.stats()["documents"] == report.documents
