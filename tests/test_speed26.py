"""The twenty-sixth session's speed change: the stance model builds an issue's side features (and the statement's
clause features that only they read) where it keeps the issue, not for every issue of the codebook
(``stance_features.statement_features_by_need``); what it builds is what ``statement_features`` gives.
Sentences of our own writing."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract import stance_features as sf
from garante.extract.stances import lexicon as stance_lexicon
from garante.nlp import available
from garante.pipeline import analyse_text

STATEMENTS = [
    ("Il ministro degli Esteri ha detto che l'Italia non invierà truppe in Ucraina senza un mandato dell'Onu.", "it"),
    ("The foreign minister said that Britain would back a ceasefire only if Russia withdrew its forces.", "en"),
]


def _views(text: str, lang: str):
    doc = analyse_text(text)
    assert doc.statements
    codebook = Codebook.load()
    for st in doc.statements:
        view = sf.StatementView(doc, st, (0, len(doc.text)), lang, list(st.stances))
        sf.doc_topics([view], codebook)
        yield view, codebook, stance_lexicon(lang)


@pytest.mark.parametrize("text,lang", STATEMENTS)
def test_features_built_by_need_are_those_built_at_once(text, lang):
    for view, codebook, lex in _views(text, lang):
        at_once = sf.statement_features(view, codebook, lex)
        by_need = sf.statement_features_by_need(view, codebook, lex)
        assert list(by_need) == list(at_once) == list(codebook.issues)
        # the sides asked for in reverse order: each one the same, whatever was built before it
        for issue in reversed(list(at_once)):
            about, side = by_need[issue]
            assert list(about.items()) == list(at_once[issue][0].items())  # names, values and order
            assert list(side().items()) == list(at_once[issue][1].items())


@pytest.mark.parametrize("text,lang", STATEMENTS)
def test_clause_features_are_read_once_and_only_for_a_side(text, lang, monkeypatch):
    if not available(lang):
        pytest.skip("no language model: no clause features")
    calls = []
    real = sf.clause_features
    monkeypatch.setattr(sf, "clause_features", lambda view: calls.append(view) or real(view))
    for view, codebook, lex in _views(text, lang):
        calls.clear()
        by_need = sf.statement_features_by_need(view, codebook, lex)
        assert calls == []  # the about features alone: no clause read
        sides = [side() for _, side in by_need.values()]
        assert len(calls) == 1 and len(sides) == len(codebook.issues)  # every side from one reading
        assert any("parsed" in s for s in sides)  # the clause's features are in the sides
