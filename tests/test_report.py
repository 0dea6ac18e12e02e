"""The readable brief: ``garante report --db FILE --out DIR`` writes Markdown, HTML and CSV."""
from __future__ import annotations

import csv
import re
from html.parser import HTMLParser

import pytest

from garante.cli import main
from garante.store import Store

from test_positions import PEOPLE, article

HOSTILE = "<script>alert('x')</script> foreign troops are unacceptable"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "brief.db"
    with Store(str(path)) as s:
        s.upsert_entities([{"id": k, "name": v[0], "type": v[1]} for k, v in PEOPLE.items()] +
                          [{"id": "ukraine", "name": "Ukraine", "type": "GPE"},
                           {"id": "france", "name": "France", "type": "GPE"}])
        for d in (
            article("a.txt", "2025-03-02", "Reuters", [
                ("dmitry-peskov", "a truce could be discussed", "2025-03-01", [("ceasefire", "support", 0.8)]),
                ("emmanuel-macron", "a reassurance force will deploy", "2025-03-01",
                 [("foreign_troops_in_ukraine", "support", 0.7)])]),
            article("b.txt", "2025-06-02", "<b>Evil Outlet</b>", [
                ("sergey-lavrov", "a truce would only let Kyiv rearm", "2025-06-01", [("ceasefire", "oppose", 0.8)]),
                ("sergey-lavrov", HOSTILE, "2025-06-01", [("foreign_troops_in_ukraine", "oppose", 0.9)])]),
        ):
            s.save_document(d, "test")
    return path


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_report_command_writes_markdown_html_and_csv(db, tmp_path, capsys):
    out = tmp_path / "brief"
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    for name in ("report.md", "report.html", "positions.csv"):
        assert (out / name).is_file() and name in printed
    md = (out / "report.md").read_text(encoding="utf-8")
    # the matrix: one row per state, one column per issue
    header = next(line for line in md.splitlines() if line.startswith("| actor |"))
    assert header == "| actor | ceasefire | foreign_troops_in_ukraine |"
    assert "| Russia | − oppose (2) | − oppose (1) |" in md
    assert "| France |  | + support (1) |" in md
    # evidence under each cell, with dates and the statement's words
    assert "2025-03-01 · support · Dmitry Peskov: “a truce could be discussed”" in md
    assert "Russia on ceasefire: support → oppose (2025-06-01" in md
    assert re.search(r"\*\*foreign_troops_in_ukraine\*\*: for France; against Russia", md)
    # article text cannot inject markup into the Markdown either
    assert "<script>" not in md and "&lt;script&gt;" in md
    with open(out / "positions.csv", encoding="utf-8", newline="") as fh:
        assert {(r["actor"], r["issue"], r["stance"]) for r in csv.DictReader(fh)} >= {
            ("Russia", "ceasefire", "oppose"), ("France", "foreign_troops_in_ukraine", "support")}


def test_html_brief_escapes_article_text_and_has_the_timeline(db, tmp_path):
    out = tmp_path / "brief"
    assert main(["report", "--db", str(db), "--out", str(out), "--format", "html"]) == 0
    assert not (out / "report.md").exists()
    page = (out / "report.html").read_text(encoding="utf-8")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "&lt;script&gt;" in page and "&lt;b&gt;Evil Outlet&lt;/b&gt;" in page
    text = "".join(parser.text)
    assert "<script>alert('x')</script> foreign troops are unacceptable" in text  # shown, as text
    # the timeline: an inline SVG with one dot per stance, no external assets
    assert "svg" in parser.tags and parser.tags.count("circle") == 4
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert "2025-03-01" in page and "2025-06-01" in page


def test_report_on_an_empty_store(tmp_path):
    out = tmp_path / "empty"
    assert main(["report", "--db", str(tmp_path / "new.db"), "--out", str(out)]) == 0
    assert "No stances in the store yet." in (out / "report.md").read_text(encoding="utf-8")


def test_report_rejects_unknown_format_and_bad_store(db, tmp_path, capsys):
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "x"), "--format", "pdf"]) == 2
    assert "unknown format" in capsys.readouterr().err
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    assert main(["report", "--db", str(bad), "--out", str(tmp_path / "y")]) == 2
    assert str(bad) in capsys.readouterr().err


def test_the_brief_shows_speakers_of_one_state_on_different_sides(db, tmp_path):
    out = tmp_path / "brief"
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    md = (out / "report.md").read_text(encoding="utf-8")
    section = md.split("## Disagreements inside an actor")[1].split("## ")[0]
    assert "**Russia** on ceasefire" in section
    assert "Dmitry Peskov: support" in section and "Sergey Lavrov: oppose" in section
    assert "foreign_troops_in_ukraine" not in section  # one speaker for Russia there: no disagreement
    assert "Disagreements inside an actor" in (out / "report.html").read_text(encoding="utf-8")
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "x")]) == 0
    import json
    found = json.loads((tmp_path / "x" / "disagreements.json").read_text(encoding="utf-8"))
    assert [(d["actor"], d["issue"]) for d in found] == [("Russia", "ceasefire")]
