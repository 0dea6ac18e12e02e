"""The twenty-seventh session's speed change gives thinc's own numbers: the encoders' hashed embeddings summed
by numpy (``nlp/embed.py``) instead of one BLAS call a row."""
from __future__ import annotations

import numpy
import pytest
from thinc.api import HashEmbed
from thinc.layers import hashembed as thinc_hashembed

from garante.nlp import available, embed, pipeline


def _table(width: int, rows: int, seed: int):
    model = HashEmbed(width, rows, seed=seed)
    model.initialize()
    rng = numpy.random.default_rng(seed)
    table = rng.normal(size=(rows, width)).astype("f")
    table[rng.integers(0, rows, size=rows // 10)] = -0.0  # negative zeros: their sum with 0 keeps its sign rule
    model.set_param("E", table)
    return model, rng


@pytest.mark.parametrize("words,width,rows", [(1, 96, 5000), (37, 96, 5000), (900, 64, 2500), (4000, 96, 10)])
def test_hashembed_forward_is_thincs_bit_for_bit(words, width, rows):
    model, rng = _table(width, rows, words)
    ids = rng.integers(0, 2 ** 63, size=words, dtype="uint64")
    ids[::3] = ids[0]  # a value many words share (a shape, a prefix): summed once, copied to each
    want, _ = thinc_hashembed.forward(model, ids, False)
    got, _ = embed.forward(model, ids, False)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tobytes() == want.tobytes()


def test_hashembed_forward_leaves_training_and_empty_input_to_thinc():
    model, rng = _table(32, 100, 1)
    ids = rng.integers(0, 2 ** 63, size=5, dtype="uint64")
    _, backprop = embed.forward(model, ids, True)  # training: thinc's forward, which can backpropagate
    assert backprop(numpy.ones((5, 32), dtype="f")).shape == (5,)
    with pytest.raises(NotImplementedError):
        embed.forward(model, ids, False)[1](numpy.ones((5, 32), dtype="f"))
    empty, _ = embed.forward(model, numpy.zeros((0,), dtype="uint64"), False)
    assert empty.shape == (0, 32)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_loaded_pipelines_embed_with_numpy_and_read_as_spacy_does(lang):
    if not available(lang):
        pytest.skip(f"no {lang} model")
    nlp = pipeline(lang)
    nodes = [node for _, pipe in nlp.pipeline if getattr(pipe, "model", None) is not None
             for node in pipe.model.walk() if node.name == "hashembed"]
    assert nodes and all(node._func is embed.forward for node in nodes)
    assert embed.install(nlp) == 0  # installed once, at load
    text = ("Il ministro degli Esteri ha detto che le garanzie arriveranno dopo la tregua." if lang == "it"
            else "The foreign minister said the guarantees would come after the ceasefire.")
    fast = [(t.lemma_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_type_) for t in nlp(text)]
    for node in nodes:
        node._func = thinc_hashembed.forward
    try:
        plain = [(t.lemma_, t.pos_, str(t.morph), t.dep_, t.head.i, t.ent_type_) for t in nlp(text)]
    finally:
        for node in nodes:
            node._func = embed.forward
    assert fast == plain and any(dep == "nsubj" for *_, dep, _, _ in fast)


def _embedding_chains(nlp):
    return [node for _, pipe in nlp.pipeline if getattr(pipe, "model", None) is not None
            for node in pipe.model.walk() if isinstance(node._func, embed.DistinctWords)]


PAGE = {
    "it": ("Il ministro degli Esteri ha detto che le garanzie di sicurezza per l'Ucraina arriveranno dopo la "
           "tregua. Il ministro della Difesa ha detto che le garanzie saranno discusse a Parigi. Secondo il "
           "portavoce del governo, le garanzie di sicurezza non sono in discussione e la tregua va firmata."),
    "en": ("The foreign minister said the security guarantees for Ukraine would come after the ceasefire. The "
           "defence minister said the guarantees would be discussed in Paris. According to the government "
           "spokesman, the security guarantees are not in question and the ceasefire must be signed."),
}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_embedding_chains_on_distinct_words_are_thincs_bit_for_bit(lang):
    if not available(lang):
        pytest.skip(f"no {lang} model")
    nlp = pipeline(lang)
    chains = _embedding_chains(nlp)
    assert len(chains) == 2  # the shared encoder's and the NER's own
    assert embed.install_distinct_words(nlp) == 0  # installed once, at load
    sentences = [nlp.make_doc(s) for s in PAGE[lang].split(". ")]
    for chain in chains:
        fast = chain._func
        got, _ = fast(chain, sentences, False)
        want, _ = fast.forward(chain, sentences, False)
        assert [g.tobytes() for g in got] == [w.tobytes() for w in want]
        calls = []
        chain._func = lambda model, X, is_train, fast=fast: calls.append(len(X)) or fast(model, X, is_train)
        try:
            tokens = [(t.pos_, t.dep_, t.head.i, t.ent_type_) for t in nlp(PAGE[lang])]
        finally:
            chain._func = fast
        assert calls and tokens


def test_distinct_words_leave_small_batches_and_training_to_thinc():
    if not available("it"):
        pytest.skip("no it model")
    chain = _embedding_chains(pipeline("it"))[0]
    fast = chain._func
    seen = []
    original = fast.forward
    fast.forward = lambda model, X, is_train: seen.append(is_train) or original(model, X, is_train)
    try:
        short = [pipeline("it").make_doc("sì sì sì")]  # 3 words, 1 distinct: a product under GENERAL_PRODUCT
        fast(chain, short, False)
        fast(chain, [pipeline("it").make_doc(PAGE["it"])], False)  # long enough: its own path
        assert seen == [False]
    finally:
        fast.forward = original


def test_kept_rows_give_the_same_vectors_and_stay_bounded(monkeypatch):
    if not available("en"):
        pytest.skip("no en model")
    chain = _embedding_chains(pipeline("en"))[0]
    fresh = embed.DistinctWords(chain._func.forward, chain._func.weights)  # nothing kept yet
    monkeypatch.setattr(embed, "ROWS_KEPT", 12)
    first = [pipeline("en").make_doc(s) for s in PAGE["en"].split(". ")]
    again = [pipeline("en").make_doc(s) for s in reversed(PAGE["en"].split(". "))]
    want = [w.tobytes() for w in fresh.forward(chain, again, False)[0]]
    fresh(chain, first, False)
    assert len(fresh.known) == 12  # the first twelve rows made, no more
    assert [g.tobytes() for g in fresh(chain, again, False)[0]] == want  # twelve read, the others made
    fresh(chain, first, True)  # training may change the weights: nothing kept is read after it
    assert not fresh.known
