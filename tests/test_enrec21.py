"""English news statements (issue 12, twenty-first session): a name that only modifies the subject's head
("the Kremlin spokesman", "Kremlin aide X") is not the speaker the sentence opens with; a verb of saying whose
object is a demonstrative ("X said this during a press conference") points back to the sentence before, which
X said, and is no content itself, nor under a source's tag ("…, Delfi reports", "This was stated by X"); an
office written with a capital ("the Secretary") is the person it titled before. Sentences written for this test."""
from garante.pipeline import analyse_text

LEAD = "Monday, March 3, 2025\n\n"


def _said(text: str) -> list[tuple]:
    return [(s.speaker_name, s.content) for s in analyse_text(LEAD + text).statements]


def test_an_organisation_before_a_role_noun_is_not_the_speaker():
    got = _said("The Kremlin spokesman declined to comment on the talks, saying Moscow does not find it useful "
                "to discuss the plan \"in terms of overall results.\"")
    assert [who for who, content in got if "overall results" in content] == ["Dmitry Peskov"]


def test_an_organisation_before_a_titled_name_leaves_the_sentence_to_its_verb():
    got = _said("Kremlin foreign policy aide Yuri Ushakov told Izvestia that a truce could come “only after the "
                "withdrawal of foreign troops”, warning that Russia would otherwise press on.")
    truce = [(who, content) for who, content in got if "truce" in content]
    assert truce == [("Yuri Ushakov", "a truce could come “only after the withdrawal of foreign troops”")]


def test_an_organisation_that_is_the_subject_still_speaks_its_quoted_words():
    got = _said("The Kremlin has already chosen its targets “for the retaliation strikes” on Monday.")
    assert [who for who, content in got if "retaliation" in content] == ["Kremlin"]


def test_a_demonstrative_object_under_a_source_tag_is_no_content():
    assert _said("Anna Berg said this during a press conference in Riga, as reported by the Baltic News Service.") == []
    assert _said("Anna Berg said this in an interview with a Latvian daily, Delfi reports.") == []


def test_a_pointer_under_a_media_tag_is_no_statement():
    assert _said("Zelenskyy stated this during a press conference at the palace, UNN writes.") == []
    assert _said("This was stated on CNN by Anna Berg, the foreign minister of Latvia.") == []


def test_said_this_gives_the_sentence_before_to_its_speaker():
    got = _said("Anna Berg stated that the border would stay closed. However, Latvia is not going to give up its "
                "claims on the river. Berg said this during a press conference in Riga.")
    assert ("Anna Berg", "However, Latvia is not going to give up its claims on the river") in got
    assert not any("press conference" in content for _, content in got)


def test_said_this_leaves_a_sentence_another_statement_covers():
    got = _said("“The river is ours,” Peter Lind said on Sunday. Anna Berg said this during a press conference.")
    assert got == [("Peter Lind", "The river is ours")]


def test_a_clause_reported_after_the_demonstrative_stays():
    got = _said("Anna Berg said this on Monday, adding that the border would stay closed.")
    assert ("Anna Berg", "the border would stay closed") in got


def test_an_office_with_a_capital_is_the_person_it_titled_before():
    got = _said("US Secretary of State Marco Rubio has outlined the last obstacle to a deal on the border. Washington "
                "is promoting the idea of a monitoring mission, the State Department said. Earlier, the Secretary "
                "explained to senators that European patrols \"would not be enough.\"")
    assert [who for who, content in got if "patrols" in content] == ["Marco Rubio"]


def test_an_office_noun_with_no_titled_person_before_stays_a_description():
    got = _said("Anna Berg met her counterparts in Riga on Monday. The talks on the border were difficult, the State "
                "Department said. Later, the minister told reporters that the patrols would continue.")
    assert [who for who, content in got if "patrols" in content] == ["the minister"]


def test_a_quotation_told_to_a_briefing_is_the_speaker_s_direct_words():
    doc = analyse_text(LEAD + "“We call on the two sides to show restraint and return to talks as soon as possible,” "
                       "Foreign Ministry spokesman Peter Lind told a regular press briefing.")
    assert [(s.speaker_name, s.content, s.kind) for s in doc.statements] == [
        ("Peter Lind", "We call on the two sides to show restraint and return to talks as soon as possible", "direct")]


def test_a_quotation_told_to_a_crowd_is_the_speaker_s():
    got = _said("“The patrols will go on,” Peter Lind said on Monday. “The border will stay closed,” Anna Berg told "
                "a crowd of supporters in Riga.")
    assert ("Anna Berg", "The border will stay closed") in got


def test_quoted_as_saying_is_the_person_quoted_not_the_outlet():
    got = _said("The agency quoted Anna Berg as saying that the border would stay closed.")
    assert got == [("Anna Berg", "the border would stay closed")]


def test_an_object_of_a_verb_that_does_not_quote_is_not_the_speaker():
    got = _said("The agency interviewed Anna Berg after the talks, saying that the border would stay closed.")
    assert [who for who, content in got if content == "the border would stay closed"] == ["The agency"]
