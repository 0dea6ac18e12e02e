"""What the linguistic layer's parse policies parse and what they leave (sentences of our own)."""
from __future__ import annotations

import pytest

from garante.document import Document, Span
from garante.extract.entities import EntityLinker
from garante.extract.sentences import SentenceSplitter
from garante.nlp import LinguisticLayer, available
from garante.nlp.layer import sentences_to_parse, sentences_to_tag
from garante.pipeline import Context, Pipeline

pytestmark = pytest.mark.skipif(not (available("it") and available("en")), reason="pipelines not built")

_CONTEXTS: dict[str, Context] = {}

IT = ("La riunione si è tenuta a Varsavia lunedì mattina. "
      "Il ministro ha dichiarato che servono garanzie scritte. "
      "Poi la delegazione è ripartita verso Vilnius.")
EN = ("The delegates met in Oslo on a rainy Tuesday. "
      "The minister said that the guarantees must be binding. "
      "Afterwards the convoy drove on towards Tallinn.")


def annotate(text: str, lang: str, parse: str) -> Document:
    ctx = _CONTEXTS.setdefault(parse, Context(options={"parse": parse}))
    doc = Document(source="t", raw=text, text=text, meta={"language": lang})
    doc.add(Span(0, len(text), "zone", "body"))
    Pipeline(ctx, [SentenceSplitter(), LinguisticLayer(), EntityLinker()])(doc)
    return doc


def words(doc: Document) -> dict[str, object]:
    return {t.text: t for t in doc.tokens}


@pytest.mark.parametrize("text,lang,cue,quiet", [(IT, "it", "dichiarato", "riunione"),
                                                  (EN, "en", "said", "delegates")])
def test_tags_parses_trigger_sentences_and_tags_the_others_without_dependencies(text, lang, cue, quiet):
    doc = annotate(text, lang, "tags")
    by = words(doc)
    assert doc.meta["nlp"] == {**doc.meta["nlp"], "parse": "tags", "parsed_sentences": 1}
    assert by[cue].dep == "ROOT" and any(doc.children(by[cue]))  # the trigger sentence has its parse
    assert by[quiet].pos == "NOUN" and by[quiet].lemma  # the others keep part of speech and lemma
    quiet_sent = [t for t in doc.tokens if t.sent == by[quiet].sent]
    assert all(t.dep == "" and t.head == t.i for t in quiet_sent)  # ... and no dependencies
    # every token of the text, in text order, numbered in order, one sentence index per sentence
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))
    assert [t.start for t in doc.tokens] == sorted(t.start for t in doc.tokens)
    assert len({t.sent for t in doc.tokens}) == 3


@pytest.mark.parametrize("text,lang", [(IT, "it"), (EN, "en")])
def test_tags_gives_the_same_tags_and_lemmas_as_the_full_parse(text, lang):
    full, tags = annotate(text, lang, "all"), annotate(text, lang, "tags")
    assert [(t.text, t.lemma, t.pos, t.morph) for t in full.tokens] == \
        [(t.text, t.lemma, t.pos, t.morph) for t in tags.tokens]
    assert [(s.start, s.end, s.label) for s in full.layer("ner")] == [(s.start, s.end, s.label) for s in tags.layer("ner")]


def test_trigger_leaves_sentences_without_a_trigger_with_no_tokens_but_names_everywhere():
    doc = annotate(IT, "it", "trigger")
    texts = {t.text for t in doc.tokens}
    assert "dichiarato" in texts and "riunione" not in texts and "delegazione" not in texts
    assert any(doc.text[s.start:s.end] == "Varsavia" for s in doc.layer("ner"))


def test_near_parses_the_neighbours_of_a_trigger_sentence_too():
    text = IT + " Il tempo era mite. Il viaggio è durato ore."
    doc = annotate(text, "it", "near")
    sents = [(s.start, s.end) for s in doc.layer("sentence")]
    parsed = sentences_to_parse(doc, "it", "near")
    assert parsed == sents[:3]  # the trigger sentence and one on each side; the last two not
    assert sentences_to_tag(doc, "it", "near", parsed) == []
    assert "riunione" in {t.text for t in doc.tokens} and "viaggio" not in {t.text for t in doc.tokens}


def test_all_parses_every_sentence_and_tags_none_apart():
    doc = annotate(EN, "en", "all")
    assert doc.meta["nlp"]["parsed_sentences"] == 3
    assert sentences_to_tag(doc, "en", "all", sentences_to_parse(doc, "en", "all")) == []
    assert sum(t.dep == "ROOT" for t in doc.tokens) == 3


@pytest.mark.parametrize("text,lang,cue,quiet", [
    ("Il generale non ha specificato quando partiranno le truppe. La neve cadeva sulle colline.", "it",
     "specificato", "neve"),
    ("The envoy voiced doubts over the timetable. Snow covered the hills.", "en", "voiced", "Snow")])
def test_lemmas_parses_a_sentence_whose_cue_only_the_attribution_lexicon_knows(text, lang, cue, quiet):
    assert sentences_to_parse(annotate(text, lang, "all"), lang, "trigger") == []  # no word_starts hit
    full, doc = annotate(text, lang, "all"), annotate(text, lang, "lemmas")
    by = words(doc)
    assert doc.meta["nlp"]["parsed_sentences"] == 1
    first = [t for t in doc.tokens if t.sent == by[cue].sent]
    assert [(t.head, t.dep) for t in first] == [(t.head, t.dep) for t in full.tokens if t.sent == by[cue].sent]
    assert by[cue].dep == "ROOT" and by[quiet].dep == "" and by[quiet].lemma  # the other: tags only


def test_lemmas_repairs_a_verb_lemma_the_model_cut_wrong_before_looking_it_up():
    text = "The senator also retweeted an old photo of the rally. Snow covered the hills."
    doc = annotate(text, "en", "lemmas")
    by = words(doc)
    assert by["retweeted"].lemma != "retweet"  # the model's lemma, which the lexicon does not list as such
    assert doc.meta["nlp"]["parsed_sentences"] == 1 and by["retweeted"].dep == "ROOT"
    assert by["hills"].dep == ""
