"""Listed cues whose frame the parse gave no content (twenty-fifth session): a "that"-clause right after a noun
of saying that the parse hung elsewhere (frames._stray_clause), a noun of saying whose predicate after a copula
is a "that"-clause (frames._copular_frame), an indirect question of a listed verb and an infinitive the parse
read as a purpose clause (frames.misread_complement). PolNeAR's reading of every attribution only
(attribution_frames: all): the default frames for news make none of them."""
from garante.ingest import Capture


def _statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name or "", st.content, st.rule) for st in doc.statements]


def test_copular_answer_reports_its_that_clause(every):
    out = _statements(every, "The senator's answer was that the new tax would hurt small shops.")
    assert ("the new tax would hurt small shops", "parse-noun") in [(c, r) for _, c, r in out]
    assert any("senator" in s.lower() for s, c, r in out if r == "parse-noun")


def test_copular_noun_without_owner_is_no_statement(every):
    out = _statements(every, "The problem was that the river had risen overnight.")
    assert not any(r == "parse-noun" for _, _, r in out)


def test_copula_with_a_predicate_noun_is_no_clause(every):
    out = _statements(every, "The minister's statement was a long list of figures about the harvest.")
    assert not any(r == "parse-noun" for _, _, r in out)


def test_object_verb_reports_an_indirect_question(every):
    out = _statements(every, "The union discussed how the new rules could change overtime pay.")
    assert any(r == "parse-clause" and c.endswith("could change overtime pay") and "union" in s.lower()
               for s, c, r in out)


def test_indirect_question_after_the_verbs_preposition(every):
    out = _statements(every, "The reporters pressed the minister on why the plan leaves out rural schools.")
    assert any(c.endswith("the plan leaves out rural schools") for _, c, r in out if r == "parse-clause")


def test_adverbial_when_clause_is_no_indirect_question(every):
    out = _statements(every, "The governor complained loudly when the vote was delayed again.")
    assert not any("the vote was delayed" in c for _, c, _ in out)


def test_infinitive_read_as_purpose_clause_is_the_vow(every):
    out = _statements(every, "The senator vowed last month to take his fight all the way to the convention.")
    assert ("to take his fight all the way to the convention", "parse-xcomp") in [(c, r) for _, c, r in out]


def test_infinitive_after_a_date_is_what_was_declined(every):
    out = _statements(every, "Asked about the budget, the mayor declined on Monday to criticize the council.")
    assert any(r == "parse-xcomp" and c == "to criticize the council" and "mayor" in s for s, c, r in out)


def test_infinitive_with_its_own_subject_is_no_complement(every):
    out = _statements(every, "The coach hoped for rain so the players could rest before the final.")
    assert not any(r == "parse-xcomp" for _, _, r in out)


def test_that_clause_hung_on_the_main_verb_is_the_nouns(every):
    out = _statements(every, "The fact-checkers looked into the mayor's claim that there have been “thousands of robberies” "
                            "in the city this year alone.")
    assert any(r == "parse-noun" and c.startswith("there have been") and c.endswith("this year alone")
               and "mayor" in s for s, c, r in out)


def test_default_frames_make_none_of_them(news):
    for text in ("The senator's answer was that the new tax would hurt small shops.",
                 "The union discussed how the new rules could change overtime pay.",
                 "The fact-checkers looked into the mayor's claim that there have been “thousands of robberies” "
                 "in the city this year alone."):
        out = _statements(news, text)
        assert not any(r in ("parse-noun", "parse-clause") for _, _, r in out), text
