"""A quotation with a tag of its own never inherits the previous speaker (issue 12 item 3;
extract/attribution/own_tags.py): a clause right after the quotation (", <verb> <subject>", ", <subject>
<verb>") or right before its colon, whose finite verb has a person as subject and no content of its own,
gives the speaker whatever the verb (rule ``tag-unlisted``, the verb as cue); a quotation with no tag
continues the last speaker. Our own sentences."""
from __future__ import annotations

from garante.pipeline import analyse_text

EN = ("Russian Foreign Minister Sergey Lavrov spoke at length on Monday about the talks in Geneva.\n\n"
      "\"We see no reason to hurry with any agreement,\" Lavrov told reporters.\n\n")
IT = ("Il ministro degli Esteri russo Sergei Lavrov ha parlato a lungo lunedì dei negoziati di Ginevra.\n\n"
      "«Non vediamo alcuna ragione di affrettare un accordo», ha detto Lavrov ai giornalisti.\n\n")
Q_EN = "\"This plan will not bring the peace our people deserve, and nobody in Kyiv believes it will,\" "
Q_IT = "«La Nato è così forte che nessuno oserà attaccare i paesi baltici nei prossimi anni», "


def last(text: str):
    st = analyse_text(text).statements[-1]
    return st.rule, st.speaker_name, st.cue, st.attrs.get("speaker_resolution")


def test_an_unlisted_verb_after_the_quotation_gives_its_subject_it():
    rule, who, cue, how = last(IT + Q_IT + "ha scherzato il presidente lettone Edgars Rinkēvičs.")
    assert (rule, who, cue) == ("tag-unlisted", "Edgars Rinkēvičs", "ha scherzato")
    assert how != "previous-speaker"


def test_a_postverbal_subject_the_parse_takes_for_an_object_still_speaks():
    rule, who, cue, _ = last(IT + Q_IT + "ha condiviso la sua previsione il presidente lettone Edgars Rinkēvičs.")
    assert (rule, who, cue) == ("tag-unlisted", "Edgars Rinkēvičs", "ha condiviso")


def test_a_present_tense_gesture_tags_the_quotation():
    rule, who, _, _ = last(IT + Q_IT + "sorride Rinkēvičs.")
    assert (rule, who) == ("tag-unlisted", "Edgars Rinkēvičs")


def test_an_unknown_name_before_its_own_verb_does_not_inherit_the_last_speaker():
    rule, who, cue, _ = last(EN + Q_EN + "Senator Tom Bradley shrugged.")
    assert (rule, who, cue) == ("tag-unlisted", "Tom Bradley", "shrugged")


def test_a_title_and_surname_before_an_unlisted_verb():
    rule, who, _, _ = last(EN + Q_EN + "Mr. Bradley beamed.")
    assert (rule, who) == ("tag-unlisted", "Bradley")


def test_an_unlisted_verb_before_a_colon_far_from_its_subject():
    text = IT + ("Il presidente lettone Edgars Rinkēvičs, al termine di una lunga giornata di colloqui con "
                 "gli alleati del fianco orientale, ha sorriso: «Nessuno oserà attaccare i paesi baltici "
                 "finché resteremo uniti».")
    rule, who, cue, _ = last(text)
    assert who == "Edgars Rinkēvičs" and cue


def test_a_quotation_with_no_tag_continues_the_last_speaker():
    text = EN + "\"The West keeps sending weapons and then asks us to negotiate in good faith. That is not serious.\""
    rule, who, cue, how = last(text)
    assert (rule, who, how) == ("continuation", "Sergey Lavrov", "previous-speaker")
    assert not cue


def test_a_clause_about_someone_else_is_no_tag():
    text = IT + "«Siamo pronti a trattare su tutto tranne che sulla sovranità», Zelensky ha incontrato Macron."
    st = analyse_text(text).statements
    assert not any(s.rule == "tag-unlisted" for s in st)


def test_a_tag_with_a_clause_of_its_own_is_no_unlisted_tag():
    text = EN + Q_EN + "Senator Tom Bradley complained that nobody had read the plan."
    assert not any(s.rule == "tag-unlisted" for s in analyse_text(text).statements)


CROSS_EN = ("Former Israeli prime minister Naftali Bennett said on Sunday that he had tried to mediate in 2022.\n\n"
            "\"I asked him directly whether he would stop the bombing,\" Bennett said.\n\n"
            "Ukrainian Foreign Minister Dmytro Kuleba has responded to the interview with a long message on "
            "his Twitter account.\n\n")
CROSS_IT = ("L'ex premier israeliano Naftali Bennett ha detto domenica di aver tentato una mediazione nel 2022.\n\n"
            "«Gli ho chiesto direttamente se avrebbe fermato i bombardamenti», ha detto Bennett.\n\n"
            "Il ministro degli Esteri ucraino Dmytro Kuleba ha risposto all'intervista con un lungo messaggio "
            "su Twitter.\n\n")


def test_a_continuation_does_not_cross_another_persons_verb_of_saying():
    for text in (CROSS_EN + "\"Promises from Moscow have never been worth anything, and everybody in Europe knows it.\"",
                 CROSS_IT + "«Le promesse di Mosca non sono mai valse nulla, e ormai tutti in Europa lo sanno»."):
        rule, who, _, how = last(text)
        assert who == "Dmytro Kuleba" and how != "previous-speaker", text


def test_a_sentence_with_no_verb_of_saying_between_keeps_the_continuation():
    text = ("Former Israeli prime minister Naftali Bennett said on Sunday that he had tried to mediate in 2022.\n\n"
            "\"I asked him directly whether he would stop the bombing,\" Bennett said.\n\n"
            "Ukrainian Foreign Minister Dmytro Kuleba was in Brussels at the time.\n\n"
            "\"He gave me his word, and I believed him for a few days at least.\"")
    rule, who, _, how = last(text)
    assert (who, how) == ("Naftali Bennett", "previous-speaker")


def test_the_unlisted_tag_dates_the_quotation():
    doc = analyse_text(IT + Q_IT + "ha scherzato il presidente lettone Edgars Rinkēvičs il 3 marzo 2025 a Riga.")
    st = doc.statements[-1]
    assert st.rule == "tag-unlisted" and str(st.date).startswith("2025-03-03")
