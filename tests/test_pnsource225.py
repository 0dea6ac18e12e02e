"""Speaker resolution that knows the article (issue 12 item 3; twenty-fifth session): a quotation whose own
tag has "he" or "she" for subject, whatever the verb ("“…,” she went on"), is the pronoun's, which stands for
the speaker it goes on from where the gender allows, else for the last person of that gender named
(extract/attribution/own_tags.py); a tag that splits one quotation ("“…,” he continued, “…”") tags it; a
surname that two people of the article share stands for the one a courtesy title gives the gender of
("Mrs. Harlan"), else for the one named in full last before it (extract/entities.py ``_bearer``). Our own
sentences and invented names."""
from __future__ import annotations

from garante.pipeline import analyse_text

EN = ("Senate race tightens in Ohio\n\n"
      "COLUMBUS, Ohio - Senator Ellen Marsh spoke to voters in Dayton on Monday. Her rival, the "
      "businessman Peter Kolb, attacked her record on trade.\n\n"
      "\"She has voted against every tariff this state ever needed,\" Kolb said.\n\n")


def _statements(text: str):
    doc = analyse_text(text)
    return doc, doc.statements


def _by_content(statements, words: str):
    return next(st for st in statements if words in st.content)


def test_a_pronoun_tag_of_the_other_gender_does_not_go_on_from_the_last_speaker():
    doc, sts = _statements(EN + "\"That is simply false and every voter in Ohio knows it,\" she continued.")
    st = _by_content(sts, "simply false")
    assert st.speaker_name == "Ellen Marsh"
    assert st.cue == "continued" and st.attrs.get("speaker_resolution") == "pronoun"
    assert doc.text[st.speaker_start:st.speaker_end] == "she"


def test_a_pronoun_tag_of_the_last_speakers_gender_is_his():
    doc, sts = _statements(EN + "\"Her plan would close three more plants before the winter,\" he went on.")
    st = _by_content(sts, "three more plants")
    assert st.speaker_name == "Peter Kolb" and st.cue == "went"
    assert doc.text[st.speaker_start:st.speaker_end] == "he"


def test_a_quotation_with_no_tag_still_goes_on_from_the_last_speaker():
    _, sts = _statements(EN + "\"Her plan would close three more plants before the winter arrives.\"")
    st = _by_content(sts, "three more plants")
    assert (st.rule, st.speaker_name) == ("continuation", "Peter Kolb")


def test_a_tag_that_splits_one_quotation_tags_its_first_part_and_the_rest_goes_on():
    text = EN + ("\"The tariffs were never the whole story,\" she continued, \"but they were the part "
                 "that hurt the most.\"")
    doc, sts = _statements(text)
    first, rest = _by_content(sts, "whole story"), _by_content(sts, "hurt the most")
    assert first.speaker_name == rest.speaker_name == "Ellen Marsh"
    assert first.cue == "continued"


SAME = ("Couple shares the campaign trail\n\n"
        "DAYTON, Ohio - Former Governor Tom Harlan joined the campaign of his wife on Monday. Senator Ellen "
        "Harlan spoke to a crowd of voters in Dayton.\n\n")


def _mentions(text: str):
    doc = analyse_text(text)
    return doc, [(doc.text[m.start:m.end], m.attrs.get("name"), m.attrs.get("gender"))
                 for m in doc.layer("mention") if m.label == "PER"]


def test_a_courtesy_title_picks_the_bearer_of_the_shared_surname_by_gender():
    doc, people = _mentions(SAME + "Mr. Harlan said the campaign was strong. Mrs. Harlan said she would visit Toledo.")
    assert ("Harlan", "Tom Harlan", "m") in people
    assert ("Harlan", "Ellen Harlan", "f") in people
    sts = doc.statements
    assert _by_content(sts, "campaign was strong").speaker_name == "Tom Harlan"
    assert _by_content(sts, "visit Toledo").speaker_name == "Ellen Harlan"


def test_a_bare_shared_surname_is_the_one_named_in_full_last_before_it():
    _, people = _mentions(SAME + "Harlan told reporters that the race was close.")
    bare = [p for p in people if p[0] == "Harlan"]
    assert bare and all(name == "Ellen Harlan" for _, name, _ in bare)


def test_a_bare_surname_after_the_other_bearer_named_again_is_his():
    _, people = _mentions(SAME + "Tom Harlan later drove to Toledo. Harlan told reporters that the race was close.")
    assert [p[1] for p in people if p[0] == "Harlan"] == ["Tom Harlan"]


IT = ("Campagna elettorale a Bologna\n\n"
      "BOLOGNA - Il senatore Marco Ferri ha presentato lunedì il programma del partito. Anche la deputata "
      "Giulia Ferri ha partecipato all'incontro con gli elettori.\n\n")


def test_italian_courtesy_title_picks_the_bearer_of_the_shared_surname():
    doc, people = _mentions(IT + "La signora Ferri ha detto che la campagna sarà lunga. "
                                 "Il signor Ferri ha detto che il partito vincerà.")
    assert ("Ferri", "Giulia Ferri", "f") in people
    sts = doc.statements
    assert _by_content(sts, "campagna sarà lunga").speaker_name == "Giulia Ferri"
    assert _by_content(sts, "partito vincerà").speaker_name == "Marco Ferri"


def test_italian_bare_shared_surname_is_the_one_named_in_full_last_before_it():
    _, people = _mentions(IT + "Ferri ha detto che la campagna sarà lunga.")
    assert [p[1] for p in people if p[0] == "Ferri"] == ["Giulia Ferri"]


IT_TAG = ("Campagna elettorale a Bologna\n\n"
          "BOLOGNA - La deputata Giulia Ferri ha presentato lunedì il programma del partito. Il suo avversario, "
          "l'imprenditore Paolo Conti, ha criticato le sue proposte sul lavoro.\n\n"
          "«Ha votato contro ogni misura a favore delle imprese di questa regione», ha detto Conti. ")


def test_italian_postverbal_pronoun_of_a_tag_is_not_the_last_speaker():
    doc, sts = _statements(IT_TAG + "«È completamente falso e tutti gli elettori lo sanno», ha ribattuto lei.")
    st = _by_content(sts, "completamente falso")
    assert st.speaker_name == "Giulia Ferri" and st.cue == "ha ribattuto"
    assert doc.text[st.speaker_start:st.speaker_end] == "lei"


def test_italian_quotation_with_no_tag_goes_on_from_the_last_speaker():
    _, sts = _statements(IT_TAG + "«È una proposta che farebbe chiudere tre fabbriche prima dell'inverno».")
    st = _by_content(sts, "tre fabbriche")
    assert (st.rule, st.speaker_name) == ("continuation", "Paolo Conti")


def test_she_said_after_a_sentence_a_man_opens_is_the_woman_named_before():
    _, sts = _statements(EN.replace("Kolb said.", "Kolb said on Monday.") + "Kolb then turned to Marsh. "
                         "\"That is simply false and every voter in Ohio knows it,\" she said.")
    assert _by_content(sts, "simply false").speaker_name == "Ellen Marsh"
