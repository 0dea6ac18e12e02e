import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
EXAMPLES = ROOT / "examples"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present beside the checkout")

HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()
needs_it_parser = pytest.mark.skipif(not HAS_IT_PARSER, reason="the Italian parser is not installed")
# the seeds with their gold and the shared scorer: what the stance model's end-to-end choice reads
needs_scored_seeds = pytest.mark.skipif(
    not (SEEDS.is_dir() and GOLD.is_file() and (SHARED / "eval" / "score.py").is_file()),
    reason="../shared (seeds, gold, scorer) not present beside the checkout")

# a dateline before a sentence of our own gives its statements a date and a place, as in an agency text
LEAD_IT = "ROMA, 3 marzo 2025 - "
LEAD_EN = "LONDON, March 3, 2025 - "


def statements(text: str, lead: str = LEAD_IT) -> list[tuple]:
    """(speaker, content) of each statement the default pipeline finds in ``text`` after an Italian dateline."""
    from garante.pipeline import analyse_text
    return [(s.speaker_name, s.content) for s in analyse_text(lead + text).statements]


def en(text: str, lead: str = LEAD_EN) -> list[tuple]:
    """The same after an English dateline (or ``lead``)."""
    return statements(text, lead)


def speakers_of(got: list[tuple], words: str) -> list[str]:
    """The speakers of the statements of ``statements`` whose content holds ``words``."""
    return [speaker for speaker, content in got if words in content]


def said_for(text: str, lead: str = LEAD_IT) -> list[tuple]:
    """(speaker, on_behalf_of id, content) of each statement the default pipeline finds after ``lead``."""
    from garante.pipeline import analyse_text
    return [(s.speaker_name, s.on_behalf_of_id, s.content) for s in analyse_text(lead + text).statements]


def sides_of(got: list[tuple], words: str) -> list[tuple]:
    """(speaker, on_behalf_of id) of the statements of ``said_for`` whose content holds ``words``."""
    return [(speaker, side) for speaker, side, content in got if words in content]


@pytest.fixture(scope="session")
def gold():
    if not GOLD.is_file():
        pytest.skip("../shared/gold not present")
    return {d["file"]: d for d in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]}


@pytest.fixture(scope="session")
def seed_docs():
    """The seeds analysed once by the full default pipeline: {file name: Document}."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    from garante.ingest import read_inputs
    from garante.pipeline import Pipeline
    pipe = Pipeline()
    return {Path(c.source).name: pipe.analyse_capture(c) for c in read_inputs([str(SEEDS)])}


@pytest.fixture(scope="module")
def seeds_e2e():
    """(gold, the seeds analysed once for the stance model's end-to-end figures: scripts/train/stance/e2e.py)."""
    import sys
    sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
    import e2e
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    return gold, e2e.EndToEnd.of_inputs(gold, [str(SEEDS)])


@pytest.fixture(scope="module")
def news():
    """The default pipeline (the frames of news analysis), built for the module."""
    from garante.pipeline import Context, Pipeline
    return Pipeline(Context())


@pytest.fixture(scope="module")
def every():
    """The pipeline with every attribution frame (PolNeAR's wide reading: ``attribution_frames: all``)."""
    from garante.pipeline import Context, Pipeline
    return Pipeline(Context(options={"attribution_frames": "all"}))


@pytest.fixture(scope="module")
def kb():
    """The bundled knowledge base."""
    from garante.kb import KnowledgeBase
    return KnowledgeBase.load()
