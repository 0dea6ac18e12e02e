"""English sources the layer got wrong (issue 12, twenty-sixth session): a party's member with the definite
article ("the Republican") is the person the article named with that word, or the person quoted right before;
a prepositional phrase set off by commas after a source's name is where or
how it was said ("Petrenko, on his Telegram channel, said"), not part of who said it; a closing quotation mark
typed as an opening one after the comma ("“…,“ the minister said") still ends the quotation a trailing tag
reports. Sentences of our own, read by the shipped parse models (skipped where English has none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
EN = "LONDON, March 3 - "


def said(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker_name, s.content, s.attrs.get("speaker_resolution"))
            for s in analyse_text(EN + text, ctx=CTX).statements]


@needs_en
def test_the_republican_is_the_person_named_with_the_word():
    out = said("Republican senator Tom Harlow opposed the bill on Monday. The minister praised it. "
               "The Republican said the bill was a blank cheque.")
    assert any(name == "Tom Harlow" and "blank cheque" in content for name, content, _ in out), out


@needs_en
def test_the_republican_after_a_quoted_person_is_that_person():
    out = said("President Donald Trump met the envoy on Monday. He said the talks were useful. "
               "According to the Republican, the envoy agreed.")
    assert any(name == "Donald Trump" and content == "the envoy agreed" for name, content, _ in out), out


@needs_en
def test_the_other_party_is_not_the_person_named_before():
    out = said("Republican senator Tom Harlow opposed the bill on Monday. The minister praised it. "
               "“This is a blank cheque,” the Democrat said.")
    assert not any(name == "Tom Harlow" and "blank cheque" in content for name, content, _ in out), out


@needs_en
@pytest.mark.parametrize("adjunct", ["on his Telegram channel", "in a televised address"])
def test_an_adjunct_between_commas_is_no_part_of_the_source(adjunct):
    out = said(f"The port reopened on Monday. Petrenko, {adjunct}, said the convoy had arrived safely.")
    assert any(name == "Petrenko" and content == "the convoy had arrived safely" for name, content, _ in out), out


@needs_en
@pytest.mark.parametrize("tag", ["the minister said", "Reed told reporters"])
def test_a_closing_mark_typed_as_an_opening_one_ends_the_quotation(tag):
    out = said(f"Defence Minister John Reed spoke on Friday. “Security guarantees must be binding,“ {tag}.")
    assert ("John Reed", "Security guarantees must be binding") in [(n, c) for n, c, _ in out], out

