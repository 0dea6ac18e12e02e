"""The encoders' embeddings at inference, the same numbers with less work.

thinc's ``HashEmbed`` hashes each word's feature four ways and sums the four rows of its table:
``NumpyOps.gather_add`` adds them into a zeroed output one row at a time, each through a BLIS ``saxpy``
call with alpha 1 (its reference kernel on this machine's CPU: a call and a context look-up for 96 floats),
for every token. Most tokens of a batch repeat a value another token of it has (examples + seeds + heldout:
the distinct values are 1% of the tokens for one table, 7% and 18% for others, about half for the words'
own forms), so ``forward`` hashes and sums each distinct value once, its four rows gathered per column of
keys and added to a zeroed row in thinc's order, and copies the sums to their tokens. An element-wise
float32 addition rounds the same whichever library makes it, so every value is bit for bit thinc's.
``DistinctWords`` goes one step further up: the tables and the layer that mixes their rows (a matrix
product, maxout, layer normalisation) run once for each distinct row of a word's features (54% of the
tokens), where that product's rows are made as in any other (``GENERAL_PRODUCT``). ``tests/test_speed27.py``
compares both with thinc's. Training (``is_train``) goes through thinc's own forwards.
"""
from __future__ import annotations

import threading

import numpy
from thinc.layers import hashembed as _thinc
from thinc.types import Ragged

from .nodes import model_nodes, swap_forward

_add, _take = numpy.add, numpy.take


def _no_backprop(dY):  # pragma: no cover - inference only: thinc's forward serves training
    raise NotImplementedError("the inference forwards of nlp/embed.py have no backward pass")


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
    return swap_forward(nlp, "hashembed", _thinc.forward, forward)


# A matrix product of M·N·K under this may take OpenBLAS kernels of its own, whose result for a row may
# depend on the other rows (nlp.layer._min_rows); at or over it every row is made as it is in any other
# product with the same weights.
GENERAL_PRODUCT = 10 ** 6


ROWS_KEPT = 8192  # distinct feature rows whose mixed vector an encoder keeps for the process (3 MB each)


class DistinctWords:
    """The forward of an encoder's embedding chain (thinc's ``extract_features >> list2ragged >>
    with_array(HashEmbed tables) >> with_array(maxout >> layernorm >> dropout) >> ragged2list``) with the
    tables and their mixing layer run once per distinct row of the words' features and copied back to every
    word: the words of a batch repeat (about half of a page's tokens have the features of another), and the
    next batch's words mostly are the last ones' ("di", "the", "ha detto"), so the first ``ROWS_KEPT``
    rows made are kept for the process. Each output row is a function of its input row alone: the tables
    bit for bit, and maxout and layer normalisation wherever a product takes OpenBLAS's general kernels
    (``GENERAL_PRODUCT``). A batch whose every-word product takes them runs here (the rows to make padded
    with copies of one of them up to that size); any other batch, or training, runs as thinc's does."""

    def __init__(self, forward, weights: int):
        self.forward, self.weights = forward, weights
        self.fewest = -(-GENERAL_PRODUCT // weights)  # rows a product needs for the general kernels
        self.known: dict[bytes, int] = {}  # a feature row's bytes -> its row in self.kept
        self.kept = None  # (ROWS_KEPT, width) float32, filled from the top
        self.lock = threading.Lock()

    def __call__(self, model, docs, is_train: bool):
        if is_train or len(model.layers) != 5:
            self.known.clear()  # training may change the weights the kept rows were made with
            return self.forward(model, docs, is_train)
        extract, to_ragged, tables, mixing, to_list = model.layers
        features, _ = to_ragged(extract(docs, False)[0], False)
        ids = features.dataXd
        if not isinstance(ids, numpy.ndarray) or ids.ndim != 2 or len(ids) < self.fewest:
            return self.forward(model, docs, is_train)
        rows = numpy.ascontiguousarray(ids)
        keys = rows.view(numpy.dtype((numpy.void, rows.shape[1] * rows.itemsize))).reshape(-1)
        _, first, where = numpy.unique(keys, return_index=True, return_inverse=True)
        with self.lock:  # the kept rows and their index change together (one analysis thread at a time)
            mixed = self._mixed(rows[first], tables.layers[0], mixing.layers[0])
        out, _ = to_list(Ragged(_take(mixed, where.reshape(-1), axis=0), features.lengths), False)
        return out, _no_backprop

    def _mixed(self, distinct, tables, mixing):
        """The mixed vector of each distinct feature row: the kept ones read, the others made and kept."""
        size = distinct.shape[1] * distinct.itemsize
        data = distinct.tobytes()
        names = [data[k:k + size] for k in range(0, len(data), size)]
        at = [self.known.get(name, -1) for name in names]
        new = [i for i, j in enumerate(at) if j < 0]
        if not new:
            return _take(self.kept, at, axis=0)
        made = self._make(distinct[new], tables, mixing)
        if len(new) == len(at):
            out = made
        else:
            out = numpy.empty((len(at), made.shape[1]), dtype=made.dtype)
            old = [i for i, j in enumerate(at) if j >= 0]
            out[old] = _take(self.kept, [at[i] for i in old], axis=0)
            out[new] = made
        self._keep([names[i] for i in new], made)
        return out

    def _make(self, todo, tables, mixing):
        """The mixed vectors of ``todo``'s rows, in a product of at least ``fewest`` rows (copies of its
        first row added: each row is made alone, whatever the others are)."""
        n = len(todo)
        if n < self.fewest:
            todo = numpy.concatenate([todo, numpy.repeat(todo[:1], self.fewest - n, axis=0)])
        made, _ = mixing(tables(todo, False)[0], False)
        return made[:n]

    def _keep(self, names: list[bytes], made) -> None:
        if self.kept is None:
            self.kept = numpy.empty((ROWS_KEPT, made.shape[1]), dtype=made.dtype)
        start = len(self.known)
        room = min(len(names), ROWS_KEPT - start)
        if room > 0:
            self.kept[start:start + room] = made[:room]
            self.known.update(zip(names[:room], range(start, start + room)))


def install_distinct_words(nlp) -> int:
    """Runs every encoder's embedding chain of a loaded pipeline on distinct words (``DistinctWords``);
    returns how many it changed."""
    changed = 0
    for node in model_nodes(nlp):
        names = [layer.name for layer in node.layers] if node.name.startswith("extract_features>>") else []
        if names[:2] != ["extract_features", "list2ragged"] or names[3:] != [
                "with_array(maxout>>layernorm>>dropout)", "ragged2list"] or isinstance(node._func, DistinctWords):
            continue
        maxout = next((n for n in node.layers[3].walk() if n.name == "maxout" and n.has_param("W")), None)
        if maxout is None or maxout.get_param("W") is None:
            continue
        node._func = DistinctWords(node._func, maxout.get_param("W").size)
        changed += 1
    return changed
