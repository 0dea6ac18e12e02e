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
