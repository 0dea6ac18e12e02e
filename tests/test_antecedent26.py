"""Statements about an issue a statement before named, on sentences of our own writing: a pointer ("such a
deployment", "questa idea") in the same speaker's next sentence takes the issue named before, with the side of
its own words; a next sentence that names no issue and has a stance word of its own about something else ("Moscow
threatens no one") takes no side on the issue named before (measured on the dev split's read half: such words are
mostly said of another matter, so no rule carries the issue over to them)."""
from __future__ import annotations

from garante import analyse_text

from helpers import RULES


def _by_content(text: str) -> dict[str, dict[str, tuple[str, str | None]]]:
    doc = analyse_text(text, ctx=RULES)
    return {doc.text[st.content_start:st.content_end]: {x.issue: (x.stance, x.attrs.get("found_in"))
                                                          for x in st.stances}
            for st in doc.statements}


def _second(got: dict, start: str) -> dict[str, tuple[str, str | None]]:
    return next(v for k, v in got.items() if k.startswith(start))


def test_a_pointer_in_the_next_quoted_sentence_takes_the_issue_before():
    got = _by_content("“We will never accept foreign troops in Ukraine,” the Russian foreign minister Sergei Lavrov "
                      "said on Tuesday. “Such a deployment would be a dangerous provocation,” he added.")
    assert got[next(k for k in got if k.startswith("We will never"))]["foreign_troops_in_ukraine"][0] == "oppose"
    assert _second(got, "Such a deployment")["foreign_troops_in_ukraine"][0] == "oppose"


def test_a_stance_word_about_something_else_takes_no_side_on_the_issue_before():
    got = _by_content("“We will never accept foreign troops in Ukraine,” the Russian foreign minister Sergei Lavrov "
                      "said on Tuesday. “Moscow threatens no one in Europe and wants good relations with its "
                      "neighbours,” he added.")
    assert "foreign_troops_in_ukraine" not in _second(got, "Moscow threatens")


def test_a_pointer_in_the_next_sentence_takes_the_issue_before_in_italian():
    got = _by_content("Il ministro degli Esteri russo Sergei Lavrov ha detto che Mosca non accetterà mai truppe "
                      "straniere in Ucraina. \"Questa idea è del tutto inaccettabile\", ha aggiunto Lavrov.")
    assert _second(got, "Questa idea")["foreign_troops_in_ukraine"][0] == "oppose"


def test_a_stance_word_about_something_else_takes_no_side_on_the_issue_before_in_italian():
    got = _by_content("Il ministro degli Esteri russo Sergei Lavrov ha detto che Mosca non accetterà mai truppe "
                      "straniere in Ucraina. \"La Russia non minaccia nessuno in Europa e vuole buoni rapporti con "
                      "i vicini\", ha aggiunto Lavrov.")
    assert "foreign_troops_in_ukraine" not in _second(got, "La Russia non minaccia")
