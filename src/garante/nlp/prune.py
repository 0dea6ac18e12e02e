"""The NER's labels that garante never reads, dropped from a loaded pipeline (the files on disk unchanged).

A transition-based NER checks, at every step of every state, which of its moves are valid (four moves a
label: B, I, L, U): the English model, trained on OntoNotes' 18 labels, has 74 moves, and that check was
two thirds of its time on news pages. garante reads four kinds of name: ``extract/entities.py``
(``NER_TYPES``: PERSON, ORG, GPE, LOC, FAC) and the kind of an unlinked source
(``extract/attribution/sources.py``: ORG, GPE, LOC, the rest read as a person, as no name at all is).
``data/models/ner_labels.yaml`` lists, per language, the labels kept (and NORP, read by nothing, whose
nationalities the model would otherwise read as places); the others' moves go, with their rows of the
output layer's weights and bias, so every kept move scores what it scored before. In English 26 moves of
74 stay, and the NER takes about 0.57 of its time (docs/MEASUREMENTS.md, speed table).

Greedy decoding takes the best valid move: wherever the full model's best move at a step was a kept
label's (or O), the pruned one takes the same move, so its entities are the full model's wherever the
full model found no entity of a dropped label. Where it did, the pruned model takes the best kept move
there instead (O, or another label's: a date may become nothing, a nationality a place).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LABELS_FILE = Path(__file__).resolve().parent.parent / "data" / "models" / "ner_labels.yaml"


@lru_cache(maxsize=None)
def kept_labels(lang: str) -> frozenset[str] | None:
    """The NER labels garante reads in a language (``ner_labels.yaml``), or None: keep every label."""
    import yaml
    data = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8")) if LABELS_FILE.is_file() else None
    labels = (data or {}).get(lang)
    return frozenset(str(x) for x in labels) if labels else None


def move_names(ner) -> list[str]:
    moves = ner.moves
    return [moves.get_class_name(i) for i in range(moves.n_moves)]


def prune_ner(nlp, keep) -> int:
    """Drop from ``nlp``'s NER the moves of every label not in ``keep``, and their rows of the output
    layer; returns how many moves went (0 where there is no NER, no output layer, or nothing to drop)."""
    if "ner" not in nlp.pipe_names:
        return 0
    ner = nlp.get_pipe("ner")
    model = ner.model
    if not model.attrs.get("has_upper") or not model.has_ref("upper"):
        return 0  # the moves' scores come from the hidden layer itself: nothing to slice cleanly
    keep = set(keep)
    moves = ner.moves
    before = move_names(ner)
    moves_labels = {int(action): dict(counts) for action, counts in moves.labels.items()}
    labels = {int(action): {label: freq for label, freq in counts.items() if not label or label in keep}
              for action, counts in moves.labels.items()}
    if sum(map(len, labels.values())) == sum(map(len, moves.labels.values())):
        return 0
    upper = model.get_ref("upper")
    W, b = upper.get_param("W"), upper.get_param("b")
    if W.shape[0] != len(before):
        return 0
    moves.initialize_actions(labels)  # spaCy's own rebuild (what loading the moves from disk calls)
    after = move_names(ner)
    index = {name: i for i, name in enumerate(before)}
    rows = [index.get(name, -1) for name in after]
    if -1 in rows or rows != sorted(rows):  # a move the model never had, or out of the model's order
        moves.initialize_actions(dict(zip(labels, (moves_labels[a] for a in labels))))
        raise RuntimeError(f"pruning the NER gave moves the model cannot score: {after}")
    # a new output layer with the kept rows, as spaCy's own resize_output makes one (its dims are fixed)
    from spacy.ml.models.parser import _define_upper
    smaller = _define_upper(nO=len(rows), nI=W.shape[1])
    smaller.ops = upper.ops
    smaller.set_param("W", model.ops.xp.ascontiguousarray(W[rows]))
    smaller.set_param("b", model.ops.xp.ascontiguousarray(b[rows]))
    model._layers[-1] = smaller
    model.set_ref("upper", smaller)
    new = {old: i for i, old in enumerate(rows)}
    unseen = model.attrs["unseen_classes"]
    kept_unseen = {new[c] for c in unseen if c in new}
    unseen.clear()
    unseen.update(kept_unseen)
    return len(before) - len(after)
