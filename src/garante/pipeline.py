"""The pipeline: small components, each adding one kind of annotation to the Document.

    clean → sentences → tokens (spaCy: lemmas, parts of speech, dependencies, names) → entities → time
          → statements → stances → stance confidence

A component is any object with a ``name`` and ``__call__(doc, ctx)``. ``Context`` carries the world
knowledge (knowledge base, codebook) and options shared by all documents of a run.
"""
from __future__ import annotations

import gc
import hashlib
import sys
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable

from . import __version__
from .document import Document


@dataclass
class Context:
    kb_dirs: list[Path] = field(default_factory=list)
    codebook_files: list[Path] = field(default_factory=list)
    embeddings: bool = False
    options: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def kb(self):
        from .kb import KnowledgeBase
        return KnowledgeBase.load(self.kb_dirs)

    @cached_property
    def codebook(self):
        from .codebook import Codebook
        return Codebook.load(self.codebook_files)

    @cached_property
    def version(self) -> str:
        """Changes whenever code or data that shapes the output changes, so stale analyses are redone."""
        from .nlp import MODELS
        h = hashlib.sha256(__version__.encode())
        roots = [Path(__file__).parent] + list(self.kb_dirs) + list(self.codebook_files)
        for root in roots:
            files = sorted(root.rglob("*")) if root.is_dir() else [root]
            for f in files:
                if f.is_file() and f.suffix in (".py", ".yaml", ".yml", ".json", ".tsv", ".csv"):
                    h.update(str(f.name).encode())
                    h.update(f.read_bytes())
        # a retrained model changes the output too: its weights count (the models folder may be elsewhere)
        for f in sorted(MODELS.rglob("*")) if MODELS.is_dir() else []:
            if f.is_file() and f.suffix not in (".md",):
                h.update(f.relative_to(MODELS).as_posix().encode())
                h.update(f.read_bytes())
        h.update(b"emb" if self.embeddings else b"")
        h.update(repr(sorted(self.options.items())).encode())  # parse policy, stance model switch …
        return f"{__version__}+{h.hexdigest()[:12]}"


def default_components() -> list[Callable[[Document, Context], None]]:
    from .extract.sentences import SentenceSplitter
    from .nlp import LinguisticLayer
    from .extract.entities import EntityLinker, EntityRedating
    from .extract.timex import TimeTagger
    from .extract.statements import StatementExtractor
    from .extract.stances import StanceClassifier
    from .extract.authority import SpeakerAuthority
    from .extract.stance_readings import StanceReadings
    from .extract.stance_calibration import StanceCalibration
    return [SentenceSplitter(), LinguisticLayer(), EntityLinker(), TimeTagger(), EntityRedating(),
            StatementExtractor(), SpeakerAuthority(), StanceClassifier(), StanceReadings(), StanceCalibration()]


MAX_CHARS = 1_000_000  # characters of cleaned text analysed per document
BUDGET = 120.0  # seconds of analysis per document


class OverBudget(Exception):
    """A document that needs more work than one document may take."""


class Pipeline:
    def __init__(self, ctx: Context | None = None, components: Iterable | None = None):
        self.ctx = ctx or Context()
        self.components = list(components) if components is not None else default_components()

    def __call__(self, doc: Document) -> Document:
        """The document through every component; what stopped it (a component's error, or OverBudget) is
        raised."""
        error = self.run_many([doc])[0]
        if error is not None:
            raise error
        return doc

    def run_many(self, docs: list[Document]) -> list[Exception | None]:
        """Documents through the pipeline, and for each None or what stopped it. Work per document is
        bounded: a size cap on the analysed text, and a time budget checked between components (a document
        over either is reported by the caller, never the run). A component with a ``batch`` method (the
        linguistic layer) takes the documents still going in one call, and returns those it leaves to be run
        one at a time; where that call fails, each is run on its own, so a failure stays with its document."""
        _settle_loaded()
        limit, budget = (self.ctx.options.get(k, d) for k, d in (("max_chars", MAX_CHARS), ("time_budget", BUDGET)))
        errors: list[Exception | None] = [None] * len(docs)
        for k, doc in enumerate(docs):
            if len(doc.text) > limit:
                errors[k] = OverBudget(f"its text has {len(doc.text)} characters, over the {limit}-character analysis limit")
        spent = [0.0] * len(docs)  # seconds each document's analysis has taken: the budget is its own
        for n, component in enumerate(self.components):
            for k, e in enumerate(errors):
                if e is None and spent[k] > budget:
                    errors[k] = OverBudget(f"stopped before {getattr(component, 'name', n)}: over the {budget:g} s budget")
            going = [k for k, e in enumerate(errors) if e is None]
            if len(going) > 1 and hasattr(component, "batch"):
                going = self._batched(component, docs, going, spent)
            for k in going:
                start = time.monotonic()
                try:
                    component(docs[k], self.ctx)
                except Exception as e:  # noqa: BLE001 - reported with its document, the others go on
                    errors[k] = e
                spent[k] += time.monotonic() - start
        return errors

    def _batched(self, component, docs: list[Document], going: list[int], spent: list[float]) -> list[int]:
        """The documents (indices) the component's batch left to be run one at a time. The batch's time
        is added to each document's ``spent`` in proportion to its length (the models' work is about
        linear in it), so a long document does not use up the budget of the short ones beside it."""
        start = time.monotonic()
        try:
            left = {id(doc) for doc in component.batch([docs[k] for k in going], self.ctx)}
        except Exception:  # noqa: BLE001 - a batch annotates nothing unless it succeeds: run one at a time
            left = {id(docs[k]) for k in going}
        took, total = time.monotonic() - start, sum(len(docs[k].text) for k in going) or 1
        for k in going:
            spent[k] += took * (len(docs[k].text) or 1) / total
        return [k for k in going if id(docs[k]) in left]

    def analyse_capture(self, capture) -> Document:
        from .clean import clean
        return self(clean(capture))


_SETTLED = 0  # the language models loaded when the process's objects were last moved out of the collector's sight


def _settle_loaded() -> None:
    """Once after each language model's load (checked when the next documents come): a collection, then
    ``gc.freeze()``, so the cyclic collector no longer walks what the process keeps for good (the models,
    the knowledge base, the lexicons: about 190,000 objects). Each full collection walked them all, about
    0.1 s every 40 documents (6% of the pipeline's time on the sample corpus); frozen objects are still
    freed when nothing refers to them, and the collection first frees the garbage there is. Outputs are
    unchanged: when the collector runs decides nothing the analysis reads."""
    global _SETTLED
    nlp = sys.modules.get(f"{__package__}.nlp")
    loaded = nlp.pipeline.cache_info().currsize if nlp is not None else 0
    if loaded != _SETTLED:
        _SETTLED = loaded
        gc.collect()
        gc.freeze()


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The pipeline with the bundled knowledge base and codebook, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline(Context())
    return _DEFAULT


def analyse_text(text: str, source: str = "<text>", ctx: Context | None = None, fmt: str = "text") -> Document:
    """Python API: analyse one string (a capture or HTML page) and return the annotated Document.
    Without ``ctx`` the default pipeline is reused across calls (knowledge base and models load once)."""
    from .ingest import Capture
    pipe = Pipeline(ctx) if ctx is not None else default_pipeline()
    return pipe.analyse_capture(Capture(source=source, raw=text, format=fmt))
