"""Quotations in single marks (issue 12, twenty-fourth session): ‘…’ and '…' told from the apostrophe
("it’s", "Moscow’s", "the allies’ leaders", "l’Ucraina") by where each mark stands (quotes.single_marks);
a nested single quotation stays part of the double one around it; the time tagger reads ‘…’ as a quotation.
Sentences of our own."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.attribution.language import lexicon
from garante.extract.attribution.quotes import find_quotes, single_marks
from garante.extract.time.matching import _inside_quotes
from garante.pipeline import Context, analyse_text

CTX = Context()
EN_LEX = lexicon("en")
IT_LEX = lexicon("it")
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
EN = "LONDON, March 3 - The ministers met in Geneva on Monday. "


def quoted(text: str, lex=EN_LEX) -> list[str]:
    """The top-level quotations of the text as the frames read them."""
    read = single_marks(text, lex)
    return [read[q.open + 1:q.close] for q in find_quotes(read, 0, len(read), lex) if q.depth == 0]


def said(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker_name, s.content, s.kind) for s in analyse_text(EN + text, ctx=CTX).statements]


def test_same_length_and_apostrophes_inside_words_never_open_or_close():
    text = "‘It’s Moscow’s plan,’ she said of the ceasefire."
    read = single_marks(text, EN_LEX)
    assert len(read) == len(text)
    assert quoted(text) == ["It's Moscow's plan,"]


def test_a_plural_possessive_inside_a_quotation_does_not_close_it():
    assert quoted("‘It is a fair offer for the allies’ leaders to weigh,’ the envoy said.") == [
        "It is a fair offer for the allies' leaders to weigh,"]


def test_an_s_mark_closes_where_nothing_else_would():
    assert quoted("He rejected the so-called ‘security guarantees’ offered by the allies’ envoys.") == [
        "security guarantees"]


def test_a_possessive_with_no_quotation_open_is_an_apostrophe():
    assert quoted("The allies’ plan and Kyiv’s answer came on Monday.") == []


def test_a_quoted_answer_closes_before_its_comma():
    assert quoted("If their answer is ‘no,’ it will be unfortunate for everyone.") == ["no,"]


def test_nested_single_quotation_inside_a_single_one():
    read = single_marks("She said: ‘If their answer is ‘no,’ it will be unfortunate.’", EN_LEX)
    quotes = find_quotes(read, 0, len(read), EN_LEX)
    assert [(read[q.open + 1:q.close], q.depth) for q in quotes] == [
        ("If their answer is ‘no,’ it will be unfortunate.", 0), ("no,", 1)]


def test_single_quotation_inside_a_double_one_is_its_content():
    assert quoted("“They told us ‘We want to join NATO’. That is impossible,” the president said.") == [
        "They told us ‘We want to join NATO’. That is impossible,"]


def test_straight_marks_quote_and_apostrophes_stay_apostrophes():
    assert quoted("He has 'called Putin out' and asked for 'no more delays' in the '90s style.") == [
        "called Putin out", "no more delays"]
    assert quoted("It's the envoys' view that Kyiv's army won't retreat.") == []


def test_straight_quotation_opening_a_paragraph_goes_on_to_its_end():
    text = "'We stand with you. It's time for peace.\n\n'No more delays,' the minister said."
    read = single_marks(text, EN_LEX)
    assert read[0] == "‘" and read[text.index("\n\n") + 2] == "‘"
    assert read[text.index("delays,") + 7] == "’"
    assert read[text.index("It's") + 2] == "'"


def test_straight_mark_opening_mid_paragraph_with_no_close_is_no_quotation():
    assert quoted("The rock 'n roll band played in Kyiv on Monday.") == []


def test_italian_elisions_never_open():
    text = "L’Ucraina e l’Unione europea vogliono un po’ di ‘pace giusta’ dell’Occidente, ha detto."
    assert quoted(text, IT_LEX) == ["pace giusta"]
    read = single_marks(text, IT_LEX)
    assert read[1] == "'" and read[text.index("dell’") + 4] == "'"


def test_languages_without_single_marks_are_left_alone():
    de = lexicon("de")
    text = "Er sagte ‘nein’ und ging."
    assert single_marks(text, de) == text


def test_time_reads_single_quotations_but_not_apostrophes():
    assert _inside_quotes("He said ‘talks start on Monday", 30)
    assert not _inside_quotes("He said ‘talks start’ on Monday", 30)
    assert not _inside_quotes("Moscow’s talks start on Monday", 25)


@needs_en
def test_single_quotation_with_its_tag_is_direct_speech():
    out = said("‘It is a reasonable position for the allies’ leaders to hold,’ Keir Starmer said.")
    assert ("Keir Starmer", "It is a reasonable position for the allies’ leaders to hold", "direct") in out, out


@needs_en
def test_straight_quotation_with_its_tag_is_direct_speech():
    out = said("'It's a reasonable position,' Keir Starmer said.")
    assert ("Keir Starmer", "It's a reasonable position", "direct") in out, out


@needs_en
def test_straight_quotation_paragraphs_go_on_with_the_speaker():
    out = said("\n\n'We stand with Ukraine today,' Keir Starmer said.\n\n"
               "'Russia has had two months to agree to a ceasefire. It has refused again and again.")
    assert any(name == "Keir Starmer" and content.startswith("Russia has had two months") for name, content, _ in out), out


@needs_en
def test_nested_quotation_stays_inside_the_outer_statement():
    out = said("“They told us ‘We want to join NATO’. That is impossible,” Donald Trump said.")
    assert ("Donald Trump", "They told us ‘We want to join NATO’. That is impossible", "direct") in out, out


@needs_en
def test_a_scare_quoted_term_is_no_statement():
    out = said("Volodymyr Zelensky asked for the so-called ‘security guarantees’ in Paris on Monday.")
    assert not any(content.strip("‘’ ") == "security guarantees" for _, content, _ in out), out


def test_a_short_title_cased_quotation_alone_is_a_heading():
    from garante.extract.statements import _quoted_heading
    for head in ("'Peace Is Not Near.'", "“Winter in the Donbas Trenches.”"):
        read = single_marks(head, EN_LEX)
        assert _quoted_heading(read, 0, len(read), EN_LEX), head
    for para in ("“We will not give up our land.”", "“No.”", "‘Never Again,’ she said."):
        read = single_marks(para, EN_LEX)
        assert not _quoted_heading(read, 0, len(read), EN_LEX), para


@needs_en
def test_a_quoted_heading_does_not_go_on_from_the_last_speaker():
    out = said("“I doubt the plan will hold,” said Mr. Carter, a retired general.\n\n'Peace Is Not Near.'\n\n"
               "The snow fell on the front lines all week.")
    assert not any("Peace Is Not Near" in content for _, content, _ in out), out
    assert any(name.endswith("Carter") for name, _, _ in out), out


@needs_en
def test_a_subheading_with_a_name_and_a_straight_quotation_is_a_statement():
    text = ("Talks in Kyiv\n\nLONDON, March 3 - The prime minister spoke in Kyiv on Saturday about the war and the "
            "truce with the leaders of France and Germany.\n\nStarmer: 'No ifs or buts on the ceasefire'\n\n"
            "The leaders of Britain, France, Germany and Poland arrived in Kyiv on Saturday for talks.")
    out = [(s.speaker_name, s.content) for s in analyse_text(text, ctx=CTX).statements]
    assert ("Keir Starmer", "No ifs or buts on the ceasefire") in out, out
