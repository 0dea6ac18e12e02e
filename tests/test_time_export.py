"""'garante timeml' over a real SQLite store, and the TempEval-3 reader and scorer of eval/tempeval."""
import sys
from pathlib import Path

from garante.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval" / "tempeval"))
from te3 import Timex, parse_tml, score  # noqa: E402

CAPTURE = """Kyiv talks resume
5 September 2025

KYIV – Envoys met on Friday for three hours and will meet again next week, officials said.
"""


def test_timeml_command_writes_stored_documents(tmp_path, capsys):
    src = tmp_path / "capture.txt"
    src.write_text(CAPTURE, encoding="utf-8")
    db = str(tmp_path / "g.db")
    assert main(["analyze", str(src), "--db", db, "--quiet"]) == 0
    assert main(["timeml", "--all", "--db", db, "--out", str(tmp_path / "tml")]) == 0
    xml = (tmp_path / "tml" / "1.tml").read_text(encoding="utf-8")
    assert 'value="2025-09-05" functionInDocument="CREATION_TIME"' in xml
    assert '<TIMEX3 tid="t' in xml and 'type="DURATION" value="PT3H">three hours</TIMEX3>' in xml
    assert main(["timeml", "--db", db]) == 2  # nothing named: a clear error, not an empty export
    assert "name document ids or --all" in capsys.readouterr().err


TML = """<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>It ended <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday afternoon</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P1M">a month</TIMEX3> &amp; more.</TEXT></TimeML>"""


def test_te3_reader_and_scorer():
    doc = parse_tml(TML, "x.tml")
    assert doc.dct == "2013-03-22" and doc.text.startswith("It ended Friday afternoon after")
    assert [t.text(doc) for t in doc.timexes] == ["Friday afternoon", "a month"]
    friday = doc.text.index("Friday")
    system = [Timex(friday, friday + 6, "DATE", "2013-03-22"),  # relaxed match only, right value
              Timex(doc.text.index("more"), doc.text.index("more") + 4, "DATE", "X")]  # spurious
    f = score(doc, system).figures()
    assert (f["relaxed_p"], f["relaxed_r"], f["strict_f1"]) == (0.5, 0.5, 0.0)
    assert f["value_accuracy"] == 1.0 and f["value_f1"] == 0.5
