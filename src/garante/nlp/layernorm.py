"""The encoders' layer normalisation at inference, the same numbers in fewer numpy calls.

thinc's ``LayerNorm`` forward computes the mean of each row, then ``X.var``, which computes the mean
again and goes through numpy's Python wrappers (``_mean``, ``_var``, ``_count_reduce_items``) each time;
it also builds what only training reads (the width as an array, a backward closure). At inference this
forward makes the same ufunc calls on the same arrays in the same order as those wrappers do (the sum
of each row, divided by the width as ``numpy.intp``; the centred rows squared (``numpy.square``), summed and divided the same
way; ``+ 1e-08``; ``** -0.5``; the scale and the shift), once: every value is bit for bit thinc's
(``tests/test_speed23.py`` compares them). Training (``is_train``) goes through thinc's own forward.
"""
from __future__ import annotations

import numpy
from thinc.layers import layernorm as _thinc

from .nodes import swap_forward

_divide, _multiply, _square = numpy.true_divide, numpy.multiply, numpy.square
_sum = numpy.add.reduce


def _no_backprop(dY):  # pragma: no cover - inference only: thinc's forward serves training
    raise NotImplementedError("the inference forward of LayerNorm has no backward pass")


def forward(model, X, is_train: bool):
    if is_train or not isinstance(X, numpy.ndarray) or X.ndim != 2:
        return _thinc.forward(model, X, is_train)
    n = numpy.intp(X.shape[1])
    mu = _sum(X, 1, None, None, True)  # X.mean(axis=1, keepdims=True), as numpy's _mean makes it
    mu = _divide(mu, n, out=mu, casting="unsafe", subok=False)
    d = X - mu  # numpy's _var centres the rows the same way
    var = _sum(_square(d), 1, None, None, True)
    var = _divide(var, n, out=var, casting="unsafe", subok=False)
    var += 1e-08
    Y = _multiply(d, var ** (-1.0 / 2.0), out=d)  # Xhat = (X - mu) * var ** (-1/2)
    Y = _multiply(Y, model.get_param("G"), out=Y)
    Y += model.get_param("b")
    return Y, _no_backprop


def install(nlp) -> int:
    """Gives every LayerNorm of a loaded pipeline this forward; returns how many it changed."""
    return swap_forward(nlp, "layernorm", _thinc.forward, forward)
