"""The encoders' hashed embeddings at inference, the same numbers with less work.

thinc's ``HashEmbed`` hashes each word's feature four ways and sums the four rows of its table:
``NumpyOps.gather_add`` adds them into a zeroed output one row at a time, each through a BLIS ``saxpy``
call with alpha 1 (its reference kernel on this machine's CPU: a call and a context look-up for 96 floats),
for every token. Most tokens of a batch repeat a value another token of it has (examples + seeds + heldout:
the distinct values are 1% of the tokens for one table, 7% and 18% for others, about half for the words'
own forms), so here each distinct value is hashed and summed once, its four rows gathered per column of keys and added to a zeroed row in thinc's order, and the
sums copied to their tokens. An element-wise float32 addition rounds the same whichever library makes it,
so every value is bit for bit thinc's (``tests/test_speed27.py`` compares them). Training (``is_train``)
goes through thinc's own forward.
"""
from __future__ import annotations

import numpy
from thinc.layers import hashembed as _thinc

_add, _take = numpy.add, numpy.take


def _no_backprop(dY):  # pragma: no cover - inference only: thinc's forward serves training
    raise NotImplementedError("the inference forward of HashEmbed has no backward pass")


def forward(model, ids, is_train: bool):
    vectors = model.get_param("E")
    if is_train or not isinstance(ids, numpy.ndarray) or not len(ids) or vectors.dtype != numpy.float32:
        return _thinc.forward(model, ids, is_train)
    distinct, where = numpy.unique(model.ops.as_contig(ids, dtype="uint64"), return_inverse=True)
    keys = model.ops.hash(distinct, model.attrs["seed"]) % vectors.shape[0]
    sums = numpy.zeros((keys.shape[0], vectors.shape[1]), dtype=numpy.float32)
    for column in keys.T:  # the four hashes of each value, added in thinc's order: 0 + E[k0] + E[k1] ...
        _add(sums, _take(vectors, column, axis=0), out=sums)
    return _take(sums, where.reshape(-1), axis=0), _no_backprop


def install(nlp) -> int:
    """Gives every HashEmbed of a loaded pipeline this forward; returns how many it changed."""
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in (model.walk() if model is not None else ()):
            if node.name == "hashembed" and node._func is _thinc.forward:
                node._func = forward
                changed += 1
    return changed
