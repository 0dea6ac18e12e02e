"""Fifteenth session's speed work: the anchors a document holds, told by its trigrams
(extract/pattern_anchors.py: ``trigrams``, ``present_in``; used by the stance prefilter and the time layer's
event names), must be exactly those a search of the whole text finds. Sentences written for this file."""
import re

from garante.extract.pattern_anchors import (Prefilter, document_scope, fold, gram_filter, present_in,
                                             text_trigrams, trigrams)

TEXTS = [
    "The envoy said on Tuesday that a reassurance force would need air cover.",
    "Il ministro ha ribadito che nessuna garanzia vincolante è sul tavolo, per ora.",
    "İSTANBUL — talks resumed; ıt was said the ceasefire holds.",
    "ab",
    "",
    "no",
]
ANCHORS = ["envoy", "reassurance force", "air", "ai", "no", "garanzi", "vincolant", "tavol", "istanbul",
           "ceasefire", "zz", "xyzzy", "force would", "nessuna garanzia", "is", "r c", "talks resumed;"]


def test_trigrams_are_every_run_of_three():
    assert trigrams("abcd") == {"abc", "bcd"}
    assert trigrams("ab") == frozenset()


def test_present_in_is_the_search_of_the_whole_text():
    filtered = gram_filter(ANCHORS)
    for text in TEXTS:
        low = fold(text)
        assert present_in(filtered, low, trigrams(low)) == [a for a in ANCHORS if a in low]


def test_text_trigrams_follows_the_text_asked():
    a, b = fold(TEXTS[0]), fold(TEXTS[1])
    assert text_trigrams(a) == trigrams(a)
    assert text_trigrams(b) == trigrams(b)
    assert text_trigrams("".join([a])) == trigrams(a)  # an equal string made anew


def test_prefilter_in_a_document_scope_picks_what_it_picks_alone():
    patterns = [re.compile(p, re.IGNORECASE) for p in (
        r"reassurance force", r"air (?:cover|defen[cs]e)", r"garanzi\w+ vincolant\w+", r"cease-?fire",
        r"\bno\b", r"troops?", r"(?:tavolo|table)")]
    pf = Prefilter(patterns)
    for text in TEXTS:
        alone = pf.candidates(text)
        with document_scope(text):
            scoped = pf.candidates(text)
            assert scoped == alone
            # a part of the document: the anchors its document lacks are not looked for again
            assert pf.candidates(text[: len(text) // 2]) == Prefilter(patterns).candidates(text[: len(text) // 2])


def test_fold_without_the_mapped_characters_is_lowering():
    for text in TEXTS + ["Perché la Città è già PRONTA", "ſoldi e ıdee", "i\u0307 punti"]:
        assert fold(text) == text.lower().translate(
            {0x0307: None, **{ord(c): a for c, a in (("ı", "i"), ("ſ", "s"))}})


def test_model_input_is_the_translated_text():
    from garante.nlp.layer import MODEL_INPUT, as_model_reads
    for text in ["L\u2019inviato dell\u2019Onu ha detto \u2018basta\u2019", "the envoy\u02bcs plan", "plain text", ""]:
        out = as_model_reads(text)
        assert out == text.translate(MODEL_INPUT) and len(out) == len(text)
