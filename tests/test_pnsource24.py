"""Sources that are pronouns (issue 12, twenty-fourth session): a first person inside a quotation is the quoted
speaker talking, never the source of a statement of its own; "they" after a plural noun of speakers that an
organisation qualifies is that group ("NATO defence ministers"), not the organisation; "it" is the organisation
named by its noun as the subject of the clause before it ("Although the alliance …, it said"); "secondo lui"
opening a sentence reports it without a comma. Sentences of our own, read by the shipped parse models
(skipped where a language has none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.attribution.lexicon import attribution_lexicon
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
EN = "LONDON, March 3 - "
IT = "ROMA, 3 marzo 2025 - "


def said(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker_name, s.content, s.attrs.get("speaker_resolution"))
            for s in analyse_text(text, ctx=CTX).statements]


def test_first_persons_are_language_data():
    assert {"i", "we"} <= attribution_lexicon("en").first_persons
    assert {"io", "noi"} <= attribution_lexicon("it").first_persons


@needs_en
def test_we_inside_a_quotation_is_not_a_speaker_of_its_own():
    out = said(EN + "The union met the ministry on Friday. “We told them that we believe the deal is dead,” "
                    "its leader said.")
    assert all(name.lower() != "we" for name, _, _ in out), out
    assert any(name == "its leader" and "the deal is dead" in content for name, content, _ in out), out


@needs_en
def test_a_first_person_clause_inside_a_quotation_makes_no_statement():
    out = said(EN + "The Kremlin did not comment. The envoy spoke briefly after the meeting. “The talks will "
                    "resume next week. I hope so, then we would also understand what the other side really wants.”")
    assert not any(content.startswith("what the other side") for _, content, _ in out), out


@needs_en
def test_they_is_the_plural_noun_of_speakers_an_organisation_qualifies():
    out = said(EN + "The offer drew criticism from NATO defence ministers meeting in Brussels. "
                    "A truce without monitors would not last, they said.")
    assert [(n, r) for n, c, r in out if c.startswith("A truce")] == [("NATO defence ministers", "pronoun")], out


@needs_en
def test_it_is_the_organisation_named_as_the_subject_of_a_clause_before_it():
    out = said(EN + "Ministers from twelve countries met in Rome on Monday. Although the alliance did not name "
                    "Moscow, it said the attacks on the grid had to stop.")
    assert [(n, r) for n, c, r in out if "grid" in c] == [("the alliance", "pronoun")], out


@needs_it
def test_noi_inside_a_quotation_is_not_a_speaker_of_its_own():
    out = said(IT + "La riunione è finita tardi. «Io penso che la tregua reggerà, e noi crediamo che entrambe le "
                    "parti la vogliano», ha detto il ministro.")
    assert all(name.lower() != "noi" for name, _, _ in out), out
    assert any(name == "il ministro" and "entrambe le parti" in content for name, content, _ in out), out


@needs_it
def test_secondo_lui_opening_a_sentence_needs_no_comma():
    out = said(IT + "L'inviato americano Keith Kellogg ha parlato ieri con la stampa a Kiev. Secondo lui si "
                    "tratterebbe di una forza europea da schierare lontano dal fronte.")
    assert [n for n, c, _ in out if c.startswith("si tratterebbe")] == ["Keith Kellogg"], out


@needs_it
def test_secondo_lui_inside_a_sentence_still_wants_its_comma():
    out = said(IT + "L'inviato americano Keith Kellogg ha parlato ieri con la stampa a Kiev. La forza, secondo lui "
                    "europea, andrebbe schierata lontano dal fronte.")
    assert not any(c.startswith("europea") for _, c, _ in out), out


PARENTHETICAL_TAG = """
Zelensky Zelensky PROPN 2 nsubj
met meet VERB 0 root
the the DET 4 det
envoys envoy NOUN 2 obj Number=Plur
. . PUNCT 2 punct

The the DET 2 det
villages village NOUN 10 nsubj Number=Plur
near near ADP 5 case
the the DET 5 det
border border NOUN 2 nmod
, , PUNCT 8 punct
he he PRON 8 nsubj
said say VERB 10 advcl
, , PUNCT 8 punct
evacuated evacuate VERB 0 root
first first ADV 10 advmod
. . PUNCT 10 punct
"""


def test_a_pronoun_tag_inside_the_content_it_reports_is_the_source_as_written():
    # (the parse gives the tag no clause of its own: only the rules' statement, whose content runs over the tag)
    from test_attribution import parsed
    paragraph = "Zelensky met the envoys. The villages near the border, he said, evacuated first."
    doc = parsed("en", paragraph, PARENTHETICAL_TAG)
    tagged = [st for st in doc.statements if st.cue_start is not None and doc.text[st.cue_start:st.cue_end] == "said"]
    assert tagged, [(st.rule, st.content) for st in doc.statements]
    st = tagged[0]
    assert st.content_start <= st.cue_start < st.content_end, st.content  # (the tag inside its content)
    a, b = st.attrs["source_span"]
    assert doc.text[a:b] == "he"
