"""The learned stance model (issue 13): the shipped weights, what it adds to the rules, the negation scope
from the parse, the training code and the evaluation helpers. Sentences are our own."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from garante import analyse_text
from garante.codebook import Codebook
from garante.document import Document, Span, Statement
from garante.extract import stance_features as sf
from garante.extract.stance_model import MODEL, StanceModel, load_model
from garante.extract.stances import StanceClassifier, lexicon
from garante.pipeline import Context

ROOT = Path(__file__).resolve().parents[1]
HAS_IT_PARSER = (ROOT / "src" / "garante" / "data" / "models" / "it_garante" / "meta.json").is_file()


def one_statement(text: str, content: str, lang: str = "en", behalf: str | None = "russia") -> Document:
    doc = Document(source="t.txt", raw=text, text=text, meta={"language": lang, "published": "2025-09-05"})
    doc.add(Span(0, len(text), "sentence", component="test", rule="test"))
    a = text.index(content)
    doc.statements.append(Statement(a, a + len(content), content, "indirect", speaker_name="Lavrov",
                                    on_behalf_of_id=behalf, on_behalf_of_name=behalf))
    return doc


def test_the_shipped_model_loads_and_gives_probabilities():
    model = load_model()
    assert model is not None, f"{MODEL} missing"
    assert model.classes == ["support", "oppose", "conditional", "neutral"]
    # one number, or (since the fifteenth session) one per language with a "*" default
    for lang in ("it", "en", None):
        new, drop = model.thresholds(lang)
        assert 0.5 <= new <= 1.0 and 0.0 <= drop < new
    side = model.p_side({"bias": 1.0, "lex:rejection": 1.0})
    assert abs(sum(side.values()) - 1.0) < 1e-9
    assert 0.0 < model.p_about({"bias": 1.0}) < 1.0


def test_a_model_file_that_is_not_one_is_named_in_the_error(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text('{"about": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=str(bad)):
        StanceModel.load(bad)


def test_rejection_cues_push_the_side_towards_oppose():
    model = load_model()
    plain = model.p_side({"bias": 1.0, "rule:none": 1.0})
    rejected = model.p_side({"bias": 1.0, "rule:none": 1.0, "lex:rejection": 1.0, "lex:negation": 1.0})
    assert rejected["oppose"] > plain["oppose"]


def test_rule_stances_stay_and_carry_the_models_probabilities():
    text = "Lavrov said Moscow rejects any Western troops in Ukraine."
    doc = one_statement(text, "Moscow rejects any Western troops in Ukraine")
    StanceClassifier()(doc, Context())
    [st] = doc.statements
    troops = [s for s in st.stances if s.issue == "foreign_troops_in_ukraine"]
    assert [(s.stance, s.rule) for s in troops] == [("oppose", "rejection")]
    assert 0.0 <= troops[0].attrs["p_about"] <= 1.0 and "p_stance" in troops[0].attrs


def test_the_rules_alone_when_the_run_turns_the_model_off():
    text = "Lavrov said Moscow rejects any Western troops in Ukraine."
    doc = one_statement(text, "Moscow rejects any Western troops in Ukraine")
    StanceClassifier()(doc, Context(options={"stance_model": False}))
    [stance] = doc.statements[0].stances
    assert "p_about" not in stance.attrs


def test_a_stance_the_model_adds_keeps_evidence_inside_the_statement():
    model = load_model()
    codebook = Codebook.load()
    text = ("Peskov said that the deployment of a reassurance force of European soldiers would never be "
            "accepted by Moscow under any circumstances.")
    doc = one_statement(text, "the deployment of a reassurance force of European soldiers would never be "
                              "accepted by Moscow under any circumstances")
    st = doc.statements[0]
    view = sf.StatementView(doc, st, (0, len(text)), "en", [])
    sf.doc_topics([view], codebook)
    low = StanceModel({**model.__dict__, "threshold_new": 0.0, "floor_uncued": 0.0})  # every issue it weighs
    added = low.stances(view, codebook, lexicon("en"))
    assert {s.issue for s in added} == set(codebook.issues)
    for s in added:
        assert s.rule == "model" and 0.0 <= s.confidence <= 1.0
        assert st.content_start <= s.evidence_start < s.evidence_end <= st.content_end
    best = max(added, key=lambda s: s.attrs["p_about"])
    assert best.issue == "foreign_troops_in_ukraine"


def test_features_name_the_issue_words_and_the_document_topic():
    codebook = Codebook.load()
    text = "Lavrov said NATO enlargement to the east threatens Russia. He called the alliance's expansion a danger."
    doc = one_statement(text, "NATO enlargement to the east threatens Russia")
    view = sf.StatementView(doc, doc.statements[0], (0, len(text)), "en", [])
    sf.doc_topics([view], codebook)
    about, side = sf.statement_features(view, codebook, lexicon("en"))["nato_eastward_expansion"]
    assert about["doc.cues"] > 0 and about["doc.top"] == 1.0
    assert any(k.startswith("nato_eastward_expansion|w:") for k in about)
    assert "parsed" not in side  # no tokens in a hand-made document: no parse features


@pytest.mark.skipif(not HAS_IT_PARSER, reason="the Italian pipeline is not installed")
def test_a_negation_in_a_purpose_clause_does_not_oppose_the_issue():
    doc = analyse_text("Il ministro Guido Crosetto ha detto che le garanzie di sicurezza sono necessarie "
                       "affinché la Russia non ci attaccherà di nuovo.")
    stances = [(s.issue, s.stance) for st in doc.statements for s in st.stances]
    assert ("western_security_guarantees", "oppose") not in stances
    assert ("western_security_guarantees", "support") in stances


@pytest.mark.skipif(not HAS_IT_PARSER, reason="the Italian pipeline is not installed")
def test_a_negation_of_the_main_predicate_still_opposes():
    doc = analyse_text("Il ministro Guido Crosetto ha detto che l'Italia non invierà truppe in Ucraina.")
    stances = [(s.issue, s.stance) for st in doc.statements for s in st.stances]
    assert ("foreign_troops_in_ukraine", "oppose") in stances


def test_training_fits_a_separable_problem():
    np = pytest.importorskip("numpy")
    sys.path.insert(0, str(ROOT / "scripts" / "train" / "stance"))
    import train
    rows = [{"doc": f"d{i}", "st": 0, "about": i % 2, "side": ("support" if i % 4 == 1 else "oppose"),
             "allowed": [], "fa": {"bias": 1.0, "x": float(i % 2)},
             "fs": {"bias": 1.0, "pos": float(i % 4 == 1)}} for i in range(40)]
    model = train.train(rows, 0.3, 0.3)
    m = StanceModel({**model, "threshold_new": 0.5})
    assert m.p_about({"bias": 1.0, "x": 1.0}) > 0.8 > 0.2 > m.p_about({"bias": 1.0})
    assert max(m.p_side({"bias": 1.0, "pos": 1.0}).items(), key=lambda kv: kv[1])[0] == "support"
    assert np.isfinite(list(model["about"].values())).all()


def test_the_provisional_split_is_disjoint_and_stable():
    sys.path.insert(0, str(ROOT / "eval" / "stance"))
    from split_gold import provisional
    ids = {f"it_{i:03d}" for i in range(50)}
    a, b = provisional(ids), provisional(set(sorted(ids)))
    assert a == b
    assert set(a["train"]) | set(a["dev"]) | set(a["test"]) == ids
    assert not set(a["train"]) & set(a["test"]) and not set(a["dev"]) & set(a["test"])


def test_a_state_opposing_what_its_leader_supports_is_flagged():
    sys.path.insert(0, str(ROOT / "eval" / "stance"))
    from flag_positions import flags, leader_statements
    from garante.kb import KnowledgeBase
    documents = [{"source": "a.txt", "statements": [
        {"speaker": {"id": "vladimir-putin", "name": "Vladimir Putin"}, "on_behalf_of": {"id": "russia"},
         "date": "2025-09-05", "content": "…", "issues": [{"issue": "ukraine_neutrality", "stance": "support"}]},
        {"speaker": {"id": "dmitry-peskov", "name": "Dmitry Peskov"}, "on_behalf_of": {"id": "russia"},
         "date": "2025-09-05", "content": "…", "issues": [{"issue": "ceasefire", "stance": "support"}]}]}]
    positions = [{"actor": {"id": "russia", "name": "Russia"}, "actor_level": "state",
                  "issue": "ukraine_neutrality", "stance": "oppose"},
                 {"actor": {"id": "russia", "name": "Russia"}, "actor_level": "state",
                  "issue": "ceasefire", "stance": "oppose"}]
    found = flags(positions, leader_statements(documents, KnowledgeBase.load()))
    # Peskov speaks for Russia but is not its leader
    assert [(f["actor"], f["issue"]) for f in found] == [("Russia", "ukraine_neutrality")]
    assert json.dumps(found)


@pytest.mark.parametrize("lang,text,issue", [
    ("en", "The allies pledged lethal and non-lethal aid for the coming year.", "military_aid_to_ukraine"),
    ("en", "Berlin will send two more Patriot batteries before the winter.", "military_aid_to_ukraine"),
    ("en", "Europe will stand with Kyiv for as long as it takes.", "military_aid_to_ukraine"),
    ("en", "Only an American security guarantee would deter Moscow.", "us_backstop"),
    ("it", "Roma continuerà a fornire armi per tutto il tempo necessario.", "military_aid_to_ukraine"),
    ("it", "Nessuna truppa americana andrà in Ucraina.", "us_backstop"),
    ("it", "Gli Stati Uniti non invieranno truppe sul terreno.", "us_backstop"),
])
def test_everyday_wording_names_the_issue(lang, text, issue):
    cues = Codebook.load().cues(lang)
    assert issue in {c.issue for c in cues if c.pattern.search(text)}


def test_a_rule_stance_is_dropped_only_under_the_models_drop_threshold():
    text = "Lavrov said Moscow rejects any Western troops in Ukraine."
    content = "Moscow rejects any Western troops in Ukraine"
    model, codebook = load_model(), Codebook.load()
    for drop, kept in ((0.0, True), (1.01, False)):
        doc = one_statement(text, content)
        StanceClassifier()(doc, Context(options={"stance_model": False}))
        st = doc.statements[0]
        view = sf.StatementView(doc, st, (0, len(text)), "en", list(st.stances))
        sf.doc_topics([view], codebook)
        m = StanceModel({**model.__dict__, "threshold_new": 1.01, "threshold_drop": drop})
        got = {(s.issue, s.rule) for s in m.stances(view, codebook, lexicon("en"))}
        assert (("foreign_troops_in_ukraine", "rejection") in got) is kept


def test_the_main_verb_and_what_it_acts_on_are_features():
    doc = analyse_text("Peskov said that Moscow rejects the proposal of a European force.")
    if not doc.tokens:
        pytest.skip("no English parser installed")
    st = Statement(doc.text.index("Moscow"), doc.text.index(" of a"), "Moscow rejects the proposal", "indirect")
    view = sf.StatementView(doc, st, (0, len(doc.text)), "en", [])
    feats, root = sf.clause_features(view)
    assert root.lemma == "reject" and feats["root.lemma:reject"] == 1.0 and feats["root.obj:proposal"] == 1.0


def test_a_splits_own_positions_come_from_its_own_latest_statements():
    sys.path.insert(0, str(ROOT / "eval" / "stance"))
    from split_gold import own_positions

    def doc(name, date, stance, required=True):
        return {"file": name, "meta": {"published": date}, "statements": [
            {"speaker": "Dmitry Peskov", "speaker_kind": "person", "required": required, "date": date,
             "on_behalf_of": ["Russia", "Mosca"], "on_behalf_of_name": "Russia", "issues": {"ceasefire": [stance]}}]}
    early, late = doc("a.txt", "2025-01-10", "oppose"), doc("b.txt", "2025-06-02", "support")
    cells = {(p["actor"], p["issue"]): p["stance"] for p in own_positions([early, late])}
    assert cells == {("Russia", "ceasefire"): ["support"]}
    # a split holding only the early article: its own latest statement, not the corpus's
    assert [p["stance"] for p in own_positions([early])] == [["oppose"]]
    # an optional statement makes no position
    assert own_positions([doc("c.txt", "2025-07-01", "support", required=False)]) == []


def test_a_statement_anchored_only_in_the_title_is_optional_in_the_split_gold():
    sys.path.insert(0, str(ROOT / "eval" / "stance"))
    from split_gold import headline_statements_optional
    text = ("Mosca, Peskov: «Nessuna truppa straniera»\n\nIl portavoce ha detto che le garanzie vanno discusse. "
            "«Nessun contingente», ha aggiunto.")
    doc = {"file": "x.txt", "meta": {"title": "Mosca, Peskov: «Nessuna truppa straniera»"}, "statements": [
        {"anchor": "Nessuna truppa straniera", "required": True},  # in the title only
        {"anchor": "le garanzie vanno discusse", "required": True},  # in the body
        {"anchor": "Peskov", "required": True},  # hypothetical: in the title, but not only there
    ]}
    text = text.replace("Il portavoce", "Peskov")
    got = [s["required"] for s in headline_statements_optional(doc, text)["statements"]]
    assert got == [False, True, True]
    # a page whose title is not in its text keeps the gold as it is
    assert headline_statements_optional({**doc, "meta": {"title": "Altro titolo"}}, text) == {
        **doc, "meta": {"title": "Altro titolo"}}


def test_the_split_gold_leaves_out_missing_captures_only_when_asked(tmp_path):
    """A machine that lost part of the corpus texts scores the documents it has, and says how many it left out."""
    sys.path.insert(0, str(ROOT / "eval" / "stance"))
    from split_gold import own_positions, split_gold, split_ids
    dev = sorted(split_ids("it", "dev"))
    (tmp_path / "it").mkdir()
    for doc_id in dev[:2]:
        (tmp_path / "it" / f"{doc_id}.txt").write_text("Testo della pagina.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="capture missing"):
        split_gold(["it"], "dev", tmp_path)
    gold, files = split_gold(["it"], "dev", tmp_path, available=True)
    assert [d["file"] for d in gold["documents"]] == [f"{i}.txt" for i in dev[:2]]
    assert [p.name for p in files] == [f"{i}.txt" for i in dev[:2]]
    assert gold["missing_captures"] == len(dev) - 2
    assert gold["positions"] == own_positions(gold["documents"])  # cells of the documents scored only
