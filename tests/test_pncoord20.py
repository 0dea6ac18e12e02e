"""Twentieth session, PolNeAR recall (issue 12): a verb of saying joined to another by "but did not …" shares its
subject (an infinitive with a finite auxiliary is a finite predicate, not a purpose clause); a third-person
possessive is the source of a noun of saying with a "that"-clause ("his claim that …"). Sentences of our own."""
from garante import analyse_text


def _statements(text: str) -> list[tuple[str, str]]:
    doc = analyse_text(text)
    return [(st.speaker_name or "", doc.text[st.content_start:st.content_end]) for st in doc.statements]


def test_conjoined_verb_with_do_support_shares_the_subject():
    got = _statements("The town's mayor concluded that the vote had been fair, but did not recommend that "
                      "the council accept the result.")
    assert ("The town's mayor", "the council accept the result") in got
    assert ("The town's mayor", "the vote had been fair") in got


def test_purpose_infinitive_still_has_no_source():
    # "to reassure …" is what the trip was for, not words of the minister's
    got = _statements("The minister travelled to the coast to reassure fishermen that the quotas will stay.")
    assert not any(content.startswith("the quotas will stay") for _, content in got)


def test_his_claim_that_reports_the_person_named_before():
    got = _statements("Senator Paul Rivera toured Ohio on Monday. Reporters questioned his claim that the "
                      "tariffs are harmless.")
    assert ("Paul Rivera", "the tariffs are harmless") in got


def test_his_warning_that():
    got = _statements("Senator Paul Rivera toured Ohio on Monday. Nobody took seriously his warning that the "
                      "factory is closing.")
    assert ("Paul Rivera", "the factory is closing") in got


def test_its_claim_that_reports_the_organisation():
    got = _statements("The Nordic Union met in Oslo last week. Analysts doubted its claim that the pipeline "
                      "is secure.")
    assert any("Nordic Union" in speaker and content == "the pipeline is secure" for speaker, content in got)


def test_possessive_before_a_gerund_is_no_statement():
    # "his plan for cutting …": what the plan is for, not a claim
    got = _statements("Senator Paul Rivera toured Ohio on Monday. Reporters asked about his plan for cutting "
                      "the budget.")
    assert not any(content.startswith("cutting the budget") for _, content in got)
