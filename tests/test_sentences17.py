"""A full stop with no space after it, as a scraped page leaves it where two paragraphs (or a caption and
the text) were joined: after a year or a closing quotation mark it ends a sentence too, and the tokenizer
cuts a year from the name glued to it. An abbreviation, a web address, a list's number, a decimal and an
initialism stay whole."""
import pytest

from garante.nlp import available, pipeline

from helpers import sentences_of as sents


@pytest.mark.parametrize("text,lang,want", [
    # a year, then the next paragraph
    ("Il vertice slitterà almeno all'autunno 2027.Ha poi chiesto ai partner di accelerare.", "it",
     ["Il vertice slitterà almeno all'autunno 2027.", "Ha poi chiesto ai partner di accelerare."]),
    ("The accord was first drafted in May 2021.Kuleba later rejected it outright.", "en",
     ["The accord was first drafted in May 2021.", "Kuleba later rejected it outright."]),
    # a closing quotation mark, then the next paragraph
    ("Il ministro parla di «una tregua fragile».Intanto a Bruxelles si discute di sanzioni.", "it",
     ["Il ministro parla di «una tregua fragile».", "Intanto a Bruxelles si discute di sanzioni."]),
    ("Secondo la nota si tratta di “un passo avanti”.Nessuna replica da Mosca.", "it",
     ["Secondo la nota si tratta di “un passo avanti”.", "Nessuna replica da Mosca."]),
    ('She called the plan "a real step forward".Diplomats in Paris were less sure.', "en",
     ['She called the plan "a real step forward".', "Diplomats in Paris were less sure."]),
    # as before: a lower-case word, then the next paragraph
    ("Nobody expects a deal before the winter.The foreign minister flew home on Monday.", "en",
     ["Nobody expects a deal before the winter.", "The foreign minister flew home on Monday."]),
])
def test_a_glued_full_stop_after_a_year_or_a_closing_quote_ends_a_sentence(text, lang, want):
    assert sents(text, lang) == want


@pytest.mark.parametrize("text,lang", [
    ("Il sommario: 1.Introduzione alla questione e poi il resto.", "it"),  # a list's number
    ("La quota è salita al 12.5 per cento secondo la banca.", "it"),  # a decimal
    ("The leaders met in St.Petersburg on a cold morning.", "en"),  # an abbreviation
    ("The agency Trend.Az quoted two officials on the matter.", "en"),  # a web address
    ("Vice President J.D.Vance arrived late for the dinner.", "en"),  # initials
    ("Both the U.S.Army and the navy took part in the drill.", "en"),  # an initialism
])
def test_a_glued_full_stop_that_is_no_sentence_end_stays_inside(text, lang):
    assert sents(text, lang) == [text]


@pytest.mark.skipif(not available("en"), reason="no English model")
def test_the_tokenizer_cuts_a_year_from_the_word_glued_after_its_full_stop():
    nlp = pipeline("en")
    words = [t.text for t in nlp.make_doc("It was signed in June 2019.Kuleba said so, and 3.5 is a number.")]
    assert words[5:8] == ["2019", ".", "Kuleba"] and "3.5" in words


@pytest.mark.skipif(not available("it"), reason="no Italian model")
def test_the_italian_tokenizer_cuts_a_year_from_the_word_glued_after_its_full_stop():
    nlp = pipeline("it")
    words = [t.text for t in nlp.make_doc("Firmato nel giugno 2019.Tajani ne ha parlato; il 2.5 resta intero.")]
    assert words[3:6] == ["2019", ".", "Tajani"] and "2.5" in words
