"""The trainable lemmatizer's decisions, made as spaCy's ``EditTreeLemmatizer`` makes them (``top_k=1``),
with each edit tree applied once per word form and the lemmas written in one array.

spaCy's component applies the predicted tree to a token twice (once to check that it applies, once to
write the lemma), and builds a ``Token`` object up to four times per token; the models' matrix products
are the same either way. A tree applied to a form always gives the same lemma, so the result of a
(tree, form) pair is kept for the process: a news vocabulary repeats most of its forms.
"""
from __future__ import annotations

import numpy as np

MAX_CACHED = 200_000  # (tree, form) pairs kept; the table starts again past this (memory stays bounded)


class FastLemmas:
    """Installed on a loaded ``EditTreeLemmatizer`` whose ``top_k`` is 1 and whose backoff is ``orth``
    or none (``install``); its guesses and annotations are the component's own, token for token."""

    def __init__(self, lemmatizer):
        self.lem = lemmatizer
        self.labels = list(lemmatizer.cfg["labels"])
        self.strings = lemmatizer.vocab.strings
        self.cache: dict[tuple[int, int], int] = {}  # (tree, form's hash) -> lemma's hash, or -1: not applicable

    @classmethod
    def install(cls, nlp) -> bool:
        """Replaces the guessing and annotation of every trainable lemmatizer of ``nlp`` that fits."""
        from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer
        done = False
        for _, pipe in nlp.pipeline:
            if type(pipe) is EditTreeLemmatizer and pipe.top_k == 1 and pipe.backoff in ("orth", None):
                fast = cls(pipe)
                pipe._scores2guesses_top_k_equals_1 = fast.guesses
                pipe.set_annotations = fast.set_annotations
                done = True
        return done

    def _lemma(self, tree: int, orth: int) -> int:
        key = (tree, orth)
        lemma = self.cache.get(key)
        if lemma is None:
            if len(self.cache) >= MAX_CACHED:
                self.cache.clear()
            text = self.lem.trees.apply(tree, self.strings[orth])
            lemma = self.cache[key] = -1 if text is None else self.strings.add(text)
        return lemma

    def guesses(self, docs, scores) -> list:
        """The tree of each token (the best-scored one), or -1 where it does not apply to the token."""
        from spacy.attrs import ORTH
        out, labels, lemma = [], self.labels, self._lemma
        for doc, doc_scores in zip(docs, scores):
            best = self.lem.numpy_ops.asarray(doc_scores.argmax(axis=1)).tolist()
            orths = doc.to_array(ORTH).tolist()
            trees = [labels[k] for k in best]
            out.append(np.array([t if lemma(t, o) != -1 else -1 for t, o in zip(trees, orths)]))
        return out

    def set_annotations(self, docs, batch_tree_ids) -> None:
        from spacy.attrs import LEMMA, ORTH
        lemma, backoff, overwrite = self._lemma, self.lem.backoff, self.lem.overwrite
        for doc, tree_ids in zip(docs, batch_tree_ids):
            if hasattr(tree_ids, "get"):
                tree_ids = tree_ids.get()
            if not len(doc):
                continue
            table = doc.to_array([ORTH, LEMMA])
            orths, lemmas = table[:, 0].tolist(), table[:, 1].tolist()
            changed = False
            for j, tree in enumerate(np.asarray(tree_ids).tolist()):
                if overwrite or lemmas[j] == 0:
                    if tree == -1:
                        if backoff is not None:  # "orth": the form itself
                            lemmas[j], changed = orths[j], True
                    else:
                        lemmas[j], changed = lemma(tree, orths[j]), True
            if changed:
                doc.from_array([LEMMA], np.asarray(lemmas, dtype=np.uint64))
