"""An input read after a repair (UTF-8 read as cp1252 and saved again: "piÃ¹") is analysed and stored, and the
repair is told as a warning, not counted as a failure: a run whose every capture was analysed exits 0."""
import json

from test_ingest import IT, clean_only
from garante.batch import analyze
from garante.cli import main
from garante.store import Store


def _mojibake(text: str) -> bytes:
    return text.encode("utf-8").decode("cp1252", "replace").encode("utf-8")


def test_a_repaired_jsonl_line_is_analysed_and_reported_as_a_warning(tmp_path, capsys):
    good = json.dumps({"text": "Il portavoce ha detto che la tregua è vicina.", "url": "https://example.org/a"},
                      ensure_ascii=False)
    bad = _mojibake(json.dumps({"text": IT, "url": "https://example.org/b"}, ensure_ascii=False))
    (tmp_path / "pages.jsonl").write_bytes(good.encode("utf-8") + b"\n" + bad + b"\n")
    with Store(str(tmp_path / "s.db")) as store:
        report = analyze([str(tmp_path / "pages.jsonl")], store, pipeline=clean_only())
        assert report.analysed == 2 and report.ok and not report.errors
        assert len(report.warnings) == 1 and "mojibake" in report.warnings[0] and "line 2" in report.warnings[0]
        assert "1 read after a repair" in report.summary() and "0 failed" in report.summary()
        assert store.stats()["documents"] == 2


def test_the_cli_exits_0_and_prints_the_warning(tmp_path, capsys):
    (tmp_path / "moji.txt").write_bytes(_mojibake(IT))
    assert main(["analyze", str(tmp_path / "moji.txt"), "--db", str(tmp_path / "s.db"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "warning:" in err and "mojibake" in err and "error:" not in err
