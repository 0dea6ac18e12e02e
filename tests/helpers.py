"""Plain functions the test files share (fixtures and the datelines are in ``conftest.py``): import them with
``from helpers import …``, as the files import ``conftest``."""
from __future__ import annotations

import json

from garante.codebook import Codebook
from garante.extract.stances import classify
from garante.pipeline import Context, analyse_text

# the default pipeline with the stance model off: the stance rules alone (one context: its data loads once)
RULES = Context(options={"stance_model": False})
NEWS = Context()  # the default options


def issue_stances(text: str, lang: str = "en") -> dict[str, str]:
    """Issue -> stance that the rules (``classify``, the default codebook) read in ``text`` taken as a
    statement's content."""
    return {s.issue: s.stance for s in classify(text, lang=lang, codebook=Codebook.load())}


def stances_in_context(text: str, context: str | None = None, lang: str = "it") -> dict[str, str]:
    """The same, with the sentences before the statement for ``context`` (Italian by default)."""
    return {s.issue: s.stance for s in classify(text, context, lang, Codebook.load())}


def rule_stances(text: str) -> dict[str, tuple[str, str]]:
    """Issue -> (stance, rule) over every statement the pipeline finds in ``text``, the stance model off."""
    doc = analyse_text(text, ctx=RULES)
    return {s.issue: (s.stance, s.rule) for st in doc.statements for s in st.stances}


def speaker_stances(text: str, speaker: str) -> dict[str, tuple[str, str | None]]:
    """Issue -> (stance, the issue it was read from, ``attrs['read_from']``) of the first statement of
    ``speaker`` that the default pipeline finds in ``text``."""
    doc = analyse_text(text)
    st = next(s for s in doc.statements if s.speaker_name == speaker)
    return {s.issue: (s.stance, s.attrs.get("read_from")) for s in st.stances}


def rule_sides(text: str) -> dict[str, str]:
    """Issue -> stance over every statement the pipeline finds in ``text``, the stance model off."""
    return {issue: stance for issue, (stance, _) in rule_stances(text).items()}


def en_statements(text: str) -> list:
    """The statements the default pipeline finds in ``text`` after an English dateline (``conftest.LEAD_EN``)."""
    from conftest import LEAD_EN
    return analyse_text(LEAD_EN + text).statements


def date_of(doc, words: str) -> str | None:
    """The date of the first statement of ``doc`` whose content holds ``words``."""
    return next(s for s in doc.statements if words in s.content).date


def sentences_of(text: str, lang: str) -> list[str]:
    """The sentences ``extract.sentences.split`` cuts ``text`` into."""
    from garante.extract.sentences import split
    return [text[a:b] for a, b in split(text, lang)]


def exports(db, out) -> dict[str, bytes]:
    """``garante export`` of the store ``db`` into ``out`` (it must succeed): the bytes of each export file."""
    from garante.cli import main
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    return {n: (out / n).read_bytes() for n in ("documents.jsonl", "positions.json", "positions.csv")}


def page(text: str):
    """``text`` analysed as the page ``test.txt`` (the default options)."""
    return analyse_text(text, source="test.txt", ctx=NEWS)


def stored_pages(folder, pages: dict[str, str]):
    """A store (``folder``/p.db) holding ``pages`` (file name → text) written into ``folder`` and analysed by
    ``garante.batch.analyze``; the caller closes it."""
    from garante.batch import analyze
    from garante.store import Store
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store(str(folder / "p.db"))
    analyze([str(folder / name) for name in pages], store)
    return store


def statement_id(store, words: str) -> int:
    """The id of the one stored statement whose content holds ``words``."""
    found = [r["id"] for r in store.query("SELECT id, content FROM statements") if words in r["content"]]
    assert len(found) == 1, found
    return found[0]


def set_tentative(store, words: str, *proposals) -> int:
    """Tentative stances (issue, stance) on the statement holding ``words``, as the stance model keeps them."""
    sid = statement_id(store, words)
    attrs = json.loads(store.query("SELECT attrs FROM statements WHERE id = ?", (sid,))[0]["attrs"])
    attrs["tentative_stances"] = [[issue, stance, 0.4] for issue, stance in proposals]
    with store.transaction():
        store.execute("UPDATE statements SET attrs = ? WHERE id = ?", (json.dumps(attrs), sid))
    return sid
