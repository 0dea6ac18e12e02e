"""Speed pass of the twenty-fourth session: the collector's walk over what the process keeps for good, and the
trigrams of a text joined in C. Sentences of our own writing."""
from __future__ import annotations

import gc
import sys
import types

import pytest

from garante import pipeline as pl
from garante.extract.pattern_anchors import any_present, gram_filter, present_in, trigrams


def _slow_trigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 3] for i in range(len(text) - 2))


@pytest.mark.parametrize("text", ["", "a", "ab", "abc", "abcd", "aaaa",
                                  "Il ministro è arrivato a Kyïv, poi è ripartito.",
                                  "garanzie\nsicurezza — «sì» … 'no'", "🇺🇦 flags 🇮🇹 and ünïcödé"])
def test_trigrams_are_every_run_of_three_characters(text):
    assert trigrams(text) == _slow_trigrams(text)


def test_trigrams_size_and_search_unchanged():
    text = "the envoy said the ceasefire would hold, and the envoy left"
    grams = trigrams(text)
    assert "env" in grams and "voy" in grams and "zzz" not in grams
    assert len(grams) == len({text[i:i + 3] for i in range(len(text) - 2)})
    strings = gram_filter(["ceasefire", "armistice", "en", "no", "hold"])
    assert present_in(strings, text, grams) == ["ceasefire", "en", "hold"]
    assert not any_present(gram_filter(["armistice", "truce"]), text, grams)


class _Cache:
    def __init__(self, n: int):
        self.currsize = n


def _fake_models(n: int):
    fake = types.SimpleNamespace(pipeline=types.SimpleNamespace(cache_info=lambda: _Cache(n)))
    return fake


def test_settle_collects_then_freezes_once_per_model_load(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(pl.gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(pl.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(pl, "_SETTLED", 0)
    name = f"{pl.__package__}.nlp"
    monkeypatch.setitem(sys.modules, name, _fake_models(1))
    pl._settle_loaded()
    assert calls == ["collect", "freeze"]  # garbage first: nothing that is garbage is kept for good
    pl._settle_loaded()
    pl._settle_loaded()
    assert calls == ["collect", "freeze"]  # no model loaded since: nothing to do
    monkeypatch.setitem(sys.modules, name, _fake_models(2))  # the second language's model
    pl._settle_loaded()
    assert calls == ["collect", "freeze"] * 2


def test_settle_does_nothing_before_any_model(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(pl.gc, "collect", lambda *a: calls.append("collect") or 0)
    monkeypatch.setattr(pl.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(pl, "_SETTLED", 0)
    monkeypatch.delitem(sys.modules, f"{pl.__package__}.nlp", raising=False)
    pl._settle_loaded()
    assert calls == []


def test_analysis_after_a_model_load_freezes_and_reads_the_same(monkeypatch):
    from garante.nlp import pipeline as models
    text = ("Kyiv, 3 marzo. Il ministro degli Esteri ha detto che le garanzie di sicurezza devono essere "
            "vincolanti. «Non accetteremo una tregua senza garanzie», ha aggiunto il portavoce.")
    first = pl.analyse_text(text)
    gc.unfreeze()
    monkeypatch.setattr(pl, "_SETTLED", -1)  # as if a model had loaded since the last settling
    second = pl.analyse_text(text)
    assert gc.get_freeze_count() > 0
    assert pl._SETTLED == models.cache_info().currsize
    assert [(t.start, t.lemma, t.pos, t.dep, t.head) for t in second.tokens] == \
        [(t.start, t.lemma, t.pos, t.dep, t.head) for t in first.tokens]
    assert [(s.speaker_name, s.content) for s in second.statements] == \
        [(s.speaker_name, s.content) for s in first.statements]
    assert second.statements  # the text has statements to compare


@pytest.fixture(scope="module")
def italian_model():
    from garante.nlp import pipeline as models
    nlp = models("it")
    if nlp is None:
        pytest.skip("no Italian model")
    return nlp


def test_active_is_pipe_names(italian_model):
    from garante.nlp.layer import active
    nlp = italian_model
    assert active(nlp) == list(nlp.pipe_names)
    with nlp.select_pipes(enable=["ner"]):
        assert active(nlp) == ["ner"] == list(nlp.pipe_names)
    assert "parser" in active(nlp)


@pytest.mark.parametrize("enable", [["ner"], ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser"], []])
def test_only_disables_what_select_pipes_disables(italian_model, enable):
    from garante.nlp.layer import only
    nlp = italian_model
    before = list(nlp.pipe_names)
    with nlp.select_pipes(enable=enable):
        expected = list(nlp.pipe_names)
    with only(nlp, enable):
        assert list(nlp.pipe_names) == expected
    assert list(nlp.pipe_names) == before
    with pytest.raises(RuntimeError):
        with only(nlp, enable):
            raise RuntimeError("restored all the same")
    assert list(nlp.pipe_names) == before


def test_only_leaves_a_component_disabled_before(italian_model):
    from garante.nlp.layer import only
    nlp = italian_model
    nlp.disable_pipe("morphologizer")
    try:
        with only(nlp, ["ner", "morphologizer"]):
            assert list(nlp.pipe_names) == ["ner"]  # select_pipes does not enable it either
        assert "morphologizer" not in nlp.pipe_names and "parser" in nlp.pipe_names
    finally:
        nlp.enable_pipe("morphologizer")


def test_only_parses_as_select_pipes(italian_model):
    from garante.nlp.layer import only, parse_components
    nlp = italian_model
    text = "La delegazione ha chiesto garanzie scritte prima della firma dell'accordo."
    with nlp.select_pipes(enable=parse_components(nlp)):
        a = [(t.idx, t.lemma_, t.pos_, t.dep_, t.head.i) for t in nlp(text)]
    with only(nlp, parse_components(nlp)):
        b = [(t.idx, t.lemma_, t.pos_, t.dep_, t.head.i) for t in nlp(text)]
    assert a == b and any(t[3] == "nsubj" for t in b)


def test_only_falls_back_to_select_pipes():
    from contextlib import contextmanager
    from garante.nlp.layer import active, only

    class Other:  # a pipeline without spaCy 3.8's private set
        pipe_names = ["a", "b"]
        asked = []

        @contextmanager
        def select_pipes(self, enable):
            self.asked.append(list(enable))
            yield

    other = Other()
    with only(other, ["b"]):
        pass
    assert other.asked == [["b"]]
    assert active(other) == ["a", "b"]
