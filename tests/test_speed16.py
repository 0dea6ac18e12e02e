"""The English NER without the labels garante never reads (nlp/prune.py, data/models/ner_labels.yaml):
the labels come from the data file, the pruned model keeps the full model's entities wherever the full
model's best move was never a dropped label's, and the Italian pipeline is left as trained."""
from __future__ import annotations

import pytest

from garante.nlp import available, model_path, pipeline
from garante.nlp.prune import LABELS_FILE, kept_labels, move_names, prune_ner

pytestmark = pytest.mark.skipif(not available("en"), reason="no English pipeline")

# written for this test: names of people, organisations, states and places, with dates, figures,
# nationalities, laws and events around them (the labels a pruned model no longer has)
SENTENCES = [
    "Maria Hendricks told reporters in Lisbon that the alliance would not send troops.",
    "The foreign minister of Norway, Anders Lindqvist, met the secretary general at the Palais des Nations.",
    "Officials of the European Commission said on Thursday that 40 billion euros would be released in March.",
    "Speaking at Fort Bragg, the general said the Danube bridge had been closed for repairs.",
    "Chancellor Friedrich Weber and President Claire Dumont spoke by phone about the Black Sea corridor.",
    "A spokesman for the Kremlin said Moscow saw no reason to resume the talks in Istanbul.",
    "Polish and Lithuanian diplomats asked the United Nations to monitor the ceasefire line.",
    "The treaty signed in 1994 was meant to protect the borders of Kazakhstan, he wrote in The Atlantic.",
    "About 3,500 volunteers from Canada arrived at the Rzeszow airport late on Sunday night.",
    "Under the Budapest Memorandum, the parliament of Georgia debated the proposal for two weeks.",
]


@pytest.fixture(scope="module")
def full():
    import spacy
    return spacy.load(model_path("en"))


@pytest.fixture(scope="module")
def pruned():
    return pipeline("en")


def ents(nlp, text):
    with nlp.select_pipes(enable=["ner"]):
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]


def test_kept_labels_come_from_the_data_file():
    import yaml
    data = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
    assert LABELS_FILE.parent.name == "models" and set(data["en"]) == kept_labels("en")
    assert {"PERSON", "ORG", "GPE", "LOC", "FAC"} <= kept_labels("en")
    assert kept_labels("xx") is None  # a language not listed keeps every label


def test_pruned_pipeline_has_only_the_kept_labels(full, pruned):
    ner = pruned.get_pipe("ner")
    assert set(ner.labels) == kept_labels("en") < set(full.get_pipe("ner").labels)
    assert ner.moves.n_moves == 4 * len(kept_labels("en")) + 2  # B I L U a label, then U- and O
    assert ner.model.get_ref("upper").get_param("W").shape[0] == ner.moves.n_moves
    # every kept move scores with the full model's row of weights and bias
    whole = full.get_pipe("ner")
    rows = {name: i for i, name in enumerate(move_names(whole))}
    W, b = (whole.model.get_ref("upper").get_param(p) for p in ("W", "b"))
    for i, name in enumerate(move_names(ner)):
        assert (ner.model.get_ref("upper").get_param("W")[i] == W[rows[name]]).all()
        assert ner.model.get_ref("upper").get_param("b")[i] == b[rows[name]]


def test_pruned_entities_are_the_full_models_where_no_dropped_label_was_found(full, pruned):
    keep = kept_labels("en")
    exercised = {"same": 0, "dropped": 0}
    for text in SENTENCES:
        before, after = ents(full, text), ents(pruned, text)
        assert all(label in keep for _, _, label in after)
        if all(label in keep for _, _, label in before):
            assert after == before, text  # the best move at every step was a kept one: the same path
            exercised["same"] += 1
        else:
            exercised["dropped"] += 1
    assert exercised["same"] >= 3 and exercised["dropped"] >= 3  # both cases met by the sentences


def test_people_and_places_of_written_sentences(pruned):
    found = {(SENTENCES[0][a:b], label) for a, b, label in ents(pruned, SENTENCES[0])}
    assert ("Maria Hendricks", "PERSON") in found and ("Lisbon", "GPE") in found


def test_prune_is_a_no_op_when_every_label_is_kept(full):
    import spacy
    nlp = spacy.load(model_path("en"))
    before = move_names(nlp.get_pipe("ner"))
    assert prune_ner(nlp, set(full.get_pipe("ner").labels)) == 0
    assert move_names(nlp.get_pipe("ner")) == before


@pytest.mark.skipif(not available("it"), reason="no Italian pipeline")
def test_italian_ner_keeps_every_label():
    assert kept_labels("it") is None
    assert set(pipeline("it").get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
