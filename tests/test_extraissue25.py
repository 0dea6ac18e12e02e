"""Extra issues (issue 13, twenty-fifth session): a proposal of the learned stance model with no cue of its
issue in the statement's sentences (only the article's topic and the neighbours' issues speak for it) needs
P(about) x P(side) to reach ``floor_uncued`` (English 0.45, Italian no floor). Sentences of our own writing."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from garante.extract import stance_model as sm
from garante.extract.stance_model import FLOOR_UNCUED, StanceModel, by_language

CONTENT = {
    "en": "Talks on the plan went on until late in the evening, and more meetings are planned",
    "it": "I colloqui sul piano sono andati avanti fino a tarda sera e sono previsti altri incontri",
}


def _model(bias: float, floor=None) -> StanceModel:
    data = {"about": {"bias": bias}, "classes": ["support", "oppose", "conditional", "neutral"],
            "side": {"bias": [2.0, 0.0, 0.0, 0.0]}, "threshold_new": 0.3}
    if floor is not None:
        data["floor_uncued"] = floor
    return StanceModel(data)


def _view(lang: str):
    text = CONTENT[lang]
    st = SimpleNamespace(content_start=0, content_end=len(text), attrs={})
    return SimpleNamespace(doc=SimpleNamespace(text=text), statement=st, lang=lang, rules=[])


@pytest.fixture
def one_issue(monkeypatch):
    """The features of one issue, leaders_summit, and its cues in the window: none unless a test says so."""
    cues: dict = {}
    monkeypatch.setattr(sm.sf, "statement_features_by_need",
                        lambda view, codebook, lex: {"leaders_summit": ({"bias": 1.0}, lambda: {"bias": 1.0})})
    monkeypatch.setattr(sm.sf, "issue_cues", lambda view, codebook: cues)
    return cues


def _proposed(model, lang) -> list[str]:
    return [s.issue for s in model.stances(_view(lang), None, None)]


def test_an_english_proposal_with_no_cue_and_low_confidence_is_dropped(one_issue):
    # P(about) = 0.5, P(support) ~ 0.71: 0.355 < 0.45
    assert _proposed(_model(0.0), "en") == []


def test_an_english_proposal_with_no_cue_and_high_confidence_stands(one_issue):
    # P(about) ~ 0.95: about 0.68 >= 0.45
    assert _proposed(_model(3.0), "en") == ["leaders_summit"]


def test_an_english_proposal_with_its_cue_in_the_sentences_is_not_bound(one_issue):
    one_issue["leaders_summit"] = [(0, 5)]
    assert _proposed(_model(0.0), "en") == ["leaders_summit"]


def test_an_italian_proposal_with_no_cue_is_not_bound(one_issue):
    assert _proposed(_model(0.0), "it") == ["leaders_summit"]


def test_a_model_file_may_set_its_own_floor(one_issue):
    assert _proposed(_model(0.0, floor=0.2), "en") == ["leaders_summit"]
    assert _proposed(_model(0.0, floor={"it": 0.9}), "it") == []


def test_the_default_floors():
    assert by_language(FLOOR_UNCUED, "en", 0.0) == 0.45
    assert by_language(FLOOR_UNCUED, "it", 0.0) == 0.0

