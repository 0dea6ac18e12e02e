"""PolNeAR's wide reading (issue 12), eighteenth session: a side taken with a short object ("endorsed
Mitchell"), made only where every attribution is asked for, and an "according to" closing or opening its
sentence, which reports the whole sentence. Sentences written for these tests."""
from __future__ import annotations

import pytest

from garante.ingest import Capture
from garante.pipeline import Context, Pipeline


@pytest.fixture(scope="module")
def every():
    return Pipeline(Context(options={"attribution_frames": "all"}))


@pytest.fixture(scope="module")
def news():
    return Pipeline(Context())


def statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name, st.content, st.rule) for st in doc.statements]


def test_a_side_taken_with_one_name_is_an_attribution_of_the_wide_reading(every):
    out = statements(every, "Walter Brandt endorsed Mitchell on Tuesday.")
    assert [(s, c) for s, c, _ in out] == [("Walter Brandt", "Mitchell")]
    assert out[0][2].startswith("parse-position")


def test_a_side_taken_is_no_statement_in_news(news):
    assert statements(news, "Walter Brandt endorsed Mitchell on Tuesday.") == []

