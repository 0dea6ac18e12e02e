"""The model nodes of a loaded spaCy pipeline, for the inference forwards that replace thinc's own
(``layernorm.py``, ``embed.py``)."""
from __future__ import annotations


def model_nodes(nlp):
    """Every thinc node of every component's model, component by component."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        yield from (model.walk() if model is not None else ())


def swap_forward(nlp, name: str, old, new) -> int:
    """Gives every node called ``name`` whose forward is ``old`` the forward ``new``; returns how many."""
    changed = 0
    for node in model_nodes(nlp):
        if node.name == name and node._func is old:
            node._func = new
            changed += 1
    return changed
