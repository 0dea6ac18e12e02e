"""The linguistic layer: tokens with lemma, part of speech, morphology and dependencies, and named
entities, from spaCy pipelines trained by ``scripts/train/`` and shipped in ``data/models/``.

Tokens are stand-off annotations like every span: offsets into ``Document.text``. A document whose
language has no pipeline gets no tokens, and every component that reads tokens falls back to its rules.

    from garante import analyse_text
    doc = analyse_text("Il portavoce ha detto che Mosca non accetterà truppe.")
    for t in doc.tokens:
        print(t.text, t.lemma, t.pos, t.dep, doc.tokens[t.head].text)
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# GARANTE_MODELS points at another folder of <lang>_garante pipelines (to try a retrained model)
MODELS = Path(os.environ.get("GARANTE_MODELS") or Path(__file__).resolve().parent.parent / "data" / "models")


@dataclass(slots=True)
class Token:
    i: int  # index in Document.tokens
    start: int
    end: int
    text: str
    lemma: str
    pos: str  # UPOS
    morph: str  # UD features, "Mood=Ind|Tense=Past"
    head: int  # index of the head token (itself for a root)
    dep: str  # UD relation ("ROOT" for a root)
    sent: int  # index of the parsed sentence

    def feat(self, name: str) -> str | None:
        return _features(self.morph).get(name)

    @property
    def is_root(self) -> bool:
        return self.head == self.i

    def to_row(self) -> list:
        return [self.start, self.end, self.lemma, self.pos, self.morph, self.head, self.dep, self.sent]

    @classmethod
    def from_row(cls, i: int, row: list, text: str) -> "Token":
        start, end, lemma, pos, morph, head, dep, sent = row
        return cls(i, start, end, text[start:end], lemma, pos, morph, head, dep, sent)


# The feature sets a model writes are few: each is split once per process (the stance and statement
# readers ask for features thousands of times a document).
_FEATURES: dict[str, dict[str, str]] = {}


def _features(morph: str) -> dict[str, str]:
    feats = _FEATURES.get(morph)
    if feats is None:
        feats = {}
        for pair in morph.split("|"):
            key, _, value = pair.partition("=")
            feats.setdefault(key, value)  # the first of a repeated feature, as a scan finds it
        _FEATURES[morph] = feats
    return feats


def model_path(lang: str) -> Path:
    return MODELS / f"{lang}_garante"


def available(lang: str | None) -> bool:
    return bool(lang) and (model_path(lang[:2].lower()) / "meta.json").is_file()


@lru_cache(maxsize=None)
def pipeline(lang: str):
    """The trained spaCy pipeline for a language (loaded once per process), or None; its NER keeps only
    the labels garante reads (``prune.py``)."""
    if not available(lang):
        return None
    import spacy
    from .prune import kept_labels, prune_ner
    code = lang[:2].lower()
    nlp = spacy.load(model_path(code))
    keep = kept_labels(code)
    if keep:
        prune_ner(nlp, keep)  # the NER's labels that garante never reads (data/models/ner_labels.yaml)
    _use_one_blas_thread(nlp)
    from .layernorm import install as fast_layernorm
    fast_layernorm(nlp)  # the same numbers, without numpy's mean/var wrappers (layernorm.py)
    from .embed import install as fast_embed, install_distinct_words
    fast_embed(nlp)  # the same sums of hashed rows, four numpy additions instead of a BLAS call a row (embed.py)
    install_distinct_words(nlp)  # each distinct word's features embedded and mixed once a batch (embed.py)
    from .lemmas import FastLemmas
    FastLemmas.install(nlp)  # the lemmatizer's own decisions, each tree applied once per form
    from .layer import split_glued_stops
    split_glued_stops(nlp)
    from .units import install as keep_units
    keep_units(nlp)  # the parser starts no sentence inside one of the splitter's (units.py)
    return nlp


def _use_one_blas_thread(nlp) -> None:
    """Matrix products through numpy's BLAS on one thread: on our encoders' shapes it is faster than
    blis on one core (benchmarks/bench_nlp.py compares them), and one thread per process keeps workers
    from oversubscribing the cores (a multi-threaded BLAS made the layer 4x slower on a busy machine)."""
    from threadpoolctl import threadpool_limits
    threadpool_limits(limits=1, user_api="blas")
    set_matmul(nlp, use_blis=False)


def set_matmul(nlp, use_blis: bool) -> None:
    """Which library multiplies matrices in every model of a loaded pipeline (blis: spaCy's default)."""
    from thinc.api import NumpyOps
    ops = NumpyOps(use_blis=use_blis)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in (model.walk() if model is not None else ()):
            node.ops = ops


@lru_cache(maxsize=None)
def model_name(lang: str) -> str:
    """"it_garante-1.2.0": spaCy builds nlp.meta anew on each read (a fifth of a millisecond)."""
    nlp = pipeline(lang)
    return f"{nlp.meta.get('name', lang)}-{nlp.meta.get('version', '0')}" if nlp else ""


from .layer import LinguisticLayer  # noqa: E402

__all__ = ["Token", "LinguisticLayer", "pipeline", "available", "model_path", "MODELS"]
