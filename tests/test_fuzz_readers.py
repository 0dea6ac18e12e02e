"""Fuzzing the readers and the cleaner in CI, for a bounded time (issue 16): Hypothesis mutates the
seeds of scripts/fuzz_readers.py (text, HTML, JSON Lines, JSON, WARC, WARC.gz, gzip text) and every
input must be read without a crash, within the budget, with each bad input reported by file name.
The long run (100,000 inputs) is the script itself; its figures are in docs/MEASUREMENTS.md."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import fuzz_readers  # noqa: E402

SEEDS = fuzz_readers.seeds()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz")
    fuzz_readers.warm_up(path)
    return path


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(kind=st.sampled_from(fuzz_readers.KINDS), seed=st.integers(0, 2**32), edits=st.integers(1, 3))
def test_mutated_inputs_are_read_or_reported(folder, kind, seed, edits):
    rnd = random.Random(seed)
    data = SEEDS[kind]
    for _ in range(edits):
        data = fuzz_readers.mutate(data, rnd, list(SEEDS.values()))
    tally = fuzz_readers.Tally()
    assert fuzz_readers.check_one(folder / f"input.{kind}", data, tally, budget=5.0) is None


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(kind=st.sampled_from(fuzz_readers.KINDS), data=st.binary(max_size=4096))
def test_generated_bytes_are_read_or_reported(folder, kind, data):
    assert fuzz_readers.check_one(folder / f"input.{kind}", data, fuzz_readers.Tally(), budget=5.0) is None


def test_the_script_runs_a_sample(tmp_path):
    tally = fuzz_readers.run(200, seed=7, out=tmp_path / "failures")
    assert tally.inputs == 200 and not tally.failures
    assert tally.captures > 0 and tally.errors > 0
