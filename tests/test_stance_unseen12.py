"""Stances the gold does not have (issue 13, fifteenth session, precision): general readings kept because they
held on corpus documents nobody had read when they were written (the odd-numbered train documents of the night,
eleventh, twelfth, thirteenth and fourteenth rounds), each on sentences of our own writing. Rules alone (no
learned model)."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract.stances import classify

CODEBOOK = Codebook.load()


def read(context: str, content: str, lang: str = "en") -> dict[str, tuple[str, str]]:
    """(stance, rule) per issue of ``content`` read inside ``context`` (its sentence and reporting clause)."""
    return {s.issue: (s.stance, s.rule) for s in classify(content, context=context, lang=lang, codebook=CODEBOOK)}


# --- an issue named only around the statement takes no side from a word of support said in it ------------------

@pytest.mark.parametrize("context, content, lang, issue", [
    ("Speaking about the ceasefire, the minister said he was ready to visit the capital next week.",
     "he was ready to visit the capital next week", "en", "ceasefire"),
    ("Parlando della tregua, il ministro ha detto di essere pronto a visitare la capitale la prossima settimana.",
     "di essere pronto a visitare la capitale la prossima settimana", "it", "ceasefire"),
    ("Sanctions were discussed as the president welcomed the important visit of his counterpart.",
     "the important visit of his counterpart", "en", "sanctions_on_russia"),
])
def test_a_word_of_support_in_the_content_is_not_said_of_an_issue_named_around_it(context, content, lang, issue):
    assert issue not in read(context, content, lang)


@pytest.mark.parametrize("context, content, lang", [
    ("Asked about the ceasefire, the minister said that his government will never accept such terms.",
     "his government will never accept such terms", "en"),
    ("Sulla tregua, il ministro ha detto che il suo governo non accetterà mai queste condizioni.",
     "il suo governo non accetterà mai queste condizioni", "it"),
])
def test_a_refusal_in_the_content_still_bears_on_the_issue_named_around_it(context, content, lang):
    assert read(context, content, lang).get("ceasefire") == ("oppose", "negation")
