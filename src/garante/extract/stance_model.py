"""The learned stance model: per statement and issue, {support, oppose, conditional, neutral} or not
about it, from the features of ``stance_features.py``.

Two logistic regressions trained by ``scripts/train/stance/train.py`` and shipped as one JSON file
(``data/models/stance/stance_model.json``, see the MODEL_CARD.md beside it):

- *about* (binary): P(the statement speaks to the issue);
- *side* (multinomial over the stances): P(stance | about).

The rules' stances stay (with the model's probabilities added to their ``attrs``); the model adds the
issues the rules did not find where P(about) reaches ``threshold_new`` (and, for an issue no cue names in the
statement's sentences, P(about) x P(side) reaches ``floor_uncued``), with the side it finds likeliest,
``rule`` = ``model``, confidence P(about) x P(stance | about), and as evidence the issue's cue in the
statement (else the content). Inference is pure Python over sparse named features: a statement costs a
few thousand dictionary look-ups, no numpy, no model server.
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

from ..document import Stance
from . import stance_features as sf
from .stance_dense import merged

MODEL = Path(os.environ.get("GARANTE_STANCE_MODEL") or
             Path(__file__).resolve().parent.parent / "data" / "models" / "stance" / "stance_model.json")


# per language (as the thresholds of the model file): on the dev split's read half the English proposals with no
# cue under 0.45 were 2 right of 15, the Italian ones 1 of 2 (and the Italian figures fell on both halves)
FLOOR_UNCUED: dict[str, float] = {"en": 0.45, "*": 0.0}


class StanceModel:
    def __init__(self, data: dict):
        self.about: dict[str, float] = data["about"]
        self.classes: list[str] = data["classes"]
        self.side: dict[str, list[float]] = data["side"]
        # high: news annotated strictly (the seeds) gives a statement no issue where only the topic of
        # the article suggests one. Either a number or, per language, {"it": ..., "en": ..., "*": default}
        self.threshold_new: float | dict[str, float] = data["threshold_new"]
        # below this P(about) a stance the rules found is dropped: a cue that names the issue in passing
        # (a number or a dict by language, as threshold_new)
        self.threshold_drop: float | dict[str, float] = data.get("threshold_drop", 0.0)
        # a proposal with no cue of its issue in the statement's sentences (only the article's topic, the
        # neighbours' issues and the wording speak for it) stands only where P(about) x P(side) reaches this
        # (a number or, per language, {"en": ..., "*": default}; twenty-fifth session)
        self.floor_uncued: float | dict[str, float] = data.get("floor_uncued", FLOOR_UNCUED)
        # a proposal under threshold_new whose P(about) reaches this is kept aside on its statement
        # (``attrs.tentative_stances``), no stance of it: the positions read it only for a cell that no
        # stance of its actor speaks to (data/positions.yaml ``tentative_floor``; 1 or more: none kept)
        from .authority import settings
        self.tentative_floor: float = settings()["tentative"]
        self.meta: dict = data.get("meta", {})
        # trained with each non-lexical feature also copied under its document's language (lang_copies):
        # the copy's weight is what that language's rules and parse add to the shared weight
        self.lang_copies: bool = bool(data.get("lang_copies", False))
        # the dense features' centroids (and voting statements) saved by training; None: a model without
        self.dense: dict | None = data.get("dense")
        self._spaces: dict[int, object] = {}
        # thresholds() of each (language, issue), read once for the thresholds they were read from
        self._thresholds: tuple[object, object, dict] = (None, None, {})

    @classmethod
    def load(cls, path: Path | str = MODEL) -> "StanceModel":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(data)
        except (OSError, ValueError, KeyError) as e:
            raise ValueError(f"{path}: not a stance model ({e})") from e

    def thresholds(self, lang: str | None, issue: str | None = None) -> tuple[float, float]:
        """(threshold_new, threshold_drop) for a statement of a document in ``lang`` on ``issue`` (an
        entry "<lang>|<issue>" of the file's dicts, where there is one, before the language's own). Read once
        per language and issue (asked for each issue of each statement), again where the thresholds are
        replaced."""
        new, drop, read = self._thresholds
        if new is not self.threshold_new or drop is not self.threshold_drop:
            new, drop, read = self._thresholds = (self.threshold_new, self.threshold_drop, {})
        got = read.get((lang, issue))
        if got is None:
            got = read[lang, issue] = (by_language(new, lang, issue=issue), by_language(drop, lang, 0.0, issue=issue))
        return got

    def p_about(self, feats: dict[str, float], lang: str | None = None) -> float:
        if self.lang_copies and lang:
            feats = with_lang_copies(feats, lang)
        get = self.about.get
        z = sum([get(k, 0.0) * v for k, v in feats.items()])  # a list: the same sum, in the same order
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def p_side(self, feats: dict[str, float], lang: str | None = None) -> dict[str, float]:
        if self.lang_copies and lang:
            feats = with_lang_copies(feats, lang)
        z = [0.0] * len(self.classes)
        for k, v in feats.items():
            w = self.side.get(k)
            if w is not None:
                for j, wj in enumerate(w):
                    z[j] += wj * v
        top = max(z)
        e = [math.exp(x - top) for x in z]
        s = sum(e)
        return {c: x / s for c, x in zip(self.classes, e)}

    def stances(self, view: sf.StatementView, codebook, lex) -> list[Stance]:
        """The rules' stances, each with the model's probabilities in ``attrs``, plus the issues the
        model finds that the rules did not (P(about) >= ``threshold_new``), with the model's side.

        The model does not re-side the rules' stances; it drops one only where P(about) is under
        ``threshold_drop`` (chosen on the dev split; 0 keeps them all), never one that only the embedding
        pass (``Context.embeddings``) proposed.
        """
        out = []
        tentative = []
        cues = None
        dense = self.dense_features(view, codebook)
        for issue, (about, side) in sf.statement_features_by_need(view, codebook, lex).items():
            new, drop = self.thresholds(view.lang, issue)
            if dense:
                about = merged(about, dense.get(issue, {}))
            rule = next((r for r in view.rules if r.issue == issue), None)
            pa = self.p_about(about, view.lang)
            # an issue only the opt-in embedding pass proposed: the model was trained and its drop threshold
            # chosen without that pass, so its P(about) does not judge it (the stance stays)
            proposed = rule is not None and rule.rule.startswith("embedding+")
            if not keeps(rule is not None, pa, new, 0.0 if proposed else drop):
                if rule is None and pa >= self.tentative_floor:
                    ps = self.p_side(side(), view.lang)
                    stance = max(ps, key=ps.get)
                    tentative.append([issue, stance, round(pa * ps[stance], 3)])
                continue
            ps = self.p_side(side(), view.lang)
            if rule is not None:
                rule.attrs.update({"p_about": round(pa, 3), "p_stance": round(ps.get(rule.stance, 0.0), 3)})
                out.append(rule)
                continue
            stance = max(ps, key=ps.get)
            if cues is None:
                cues = sf.issue_cues(view, codebook)
            if not cues.get(issue) and pa * ps[stance] < by_language(self.floor_uncued, view.lang, 0.0):
                continue  # no cue of the issue in or around the statement: only the article's topic speaks
            out.append(_stance(view, issue, stance, pa, ps[stance], cues.get(issue, [])))
        if tentative:
            view.statement.attrs["tentative_stances"] = tentative
        else:
            view.statement.attrs.pop("tentative_stances", None)
        return out

    def dense_features(self, view: sf.StatementView, codebook) -> dict[str, dict[str, float]]:
        """Per issue, the similarity features of the statement (nothing for a model trained without them,
        or where the vectors it was trained with are not installed)."""
        if not self.dense:
            return {}
        space = self._spaces.get(id(codebook))
        if space is None:
            from .stance_dense import IssueSpace
            from .stance_vectors import load_vectors
            kind = self.dense.get("vectors", "static")
            vectors = load_vectors(None if kind == "static" else kind)
            space = IssueSpace.of(vectors, codebook, self.dense) if vectors is not None else False
            self._spaces[id(codebook)] = space
        if not space:
            return {}
        return space.features(sf.view_text(view, "content"), sf.view_text(view, "window"))


# feature families that are words of one language already: they get no language copy
LEXICAL = frozenset({"w", "pw", "root.lemma", "root.obj", "root.xcomp", "root.ccomp", "side"})


def family(feature: str) -> str:
    """A feature's family: its name without the issue it is joined with and without its value
    ("ceasefire|w:tregua" -> "w", "root.lemma=reject" -> "root.lemma", "pw:truppe" -> "pw")."""
    name = feature.split("|", 1)[1] if "|" in feature else feature
    return name.split(":", 1)[0].split("=", 1)[0]


def with_lang_copies(feats: dict[str, float], lang: str) -> dict[str, float]:
    """The features plus a copy "<lang>@<name>" of each non-lexical one (the rules' answers, cue kinds,
    the parse's clause features, the bias): one model learns what holds in both languages and, in the
    copies, what one language's rules and parser do differently (feature augmentation, Daume 2007)."""
    out = dict(feats)
    for k, v in feats.items():
        if family(k) not in LEXICAL:
            out[f"{lang}@{k}"] = v
    return out


def by_language(value: float | dict[str, float], lang: str | None, default: float = 1.0,
                issue: str | None = None) -> float:
    """A threshold of the model file for a document in ``lang``: the number itself (files before
    2026-12-06 and models with one threshold), else the entry "<lang>|<issue>" of the dict (per issue,
    since the seventeenth session; files without such entries read as before), else the language's
    entry, else its "*" (else ``default``)."""
    if not isinstance(value, dict):
        return float(value)
    if issue is not None and f"{lang}|{issue}" in value:
        return float(value[f"{lang}|{issue}"])
    got = value.get(lang or "*", value.get("*"))
    return float(default if got is None else got)


def keeps(ruled: bool, pa: float, new: float, drop: float) -> bool:
    """Whether a stance on an issue stands: the rules' unless P(about) < ``drop``, the model's where P(about)
    >= ``new`` (shared with the training script's end-to-end selection, so both decide alike)."""
    return pa >= drop if ruled else pa >= new


def _stance(view: sf.StatementView, issue: str, stance: str, pa: float, ps: float, cues: list) -> Stance:
    """A stance the model adds: its evidence is the issue's cue in the statement (or around it), else
    the whole content."""
    st = view.statement
    attrs = {"p_about": round(pa, 3), "p_stance": round(ps, 3), "found_in": "model"}
    inside = [c for c in cues if st.content_start <= c[0] < st.content_end] or cues
    start, end = (inside[0][0], inside[0][1]) if inside else (st.content_start, st.content_end)
    if inside:
        attrs["cue"] = view.doc.text[start:end]
    return Stance(issue, stance, round(pa * ps, 3), start, end, "stances", "model", attrs)


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL)) -> StanceModel | None:
    """The shipped model, or None where none is installed (the rules then decide alone)."""
    if not Path(path).is_file():
        return None
    return StanceModel.load(path)
