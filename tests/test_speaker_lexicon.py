"""The words by which an article names a speaker again (courtesy titles, epithets, professions, past modifiers,
document nouns) are one lexicon per language, read once from attribution.yaml and passed whole to the speaker
rules (speakers.py). Sentences of our own."""
from dataclasses import replace

from conftest import en as said_en

import garante.extract.statements as statements_module
from garante.extract.attribution.lexicon import NO_SPEAKER_WORDS, attribution_lexicon, speaker_lexicon

PRESENTER = ("John Healey said on Monday that the border talks would resume in March. The veteran radio "
             "presenter also said that the ceasefire line had to be monitored from the air.")


def test_the_speaker_words_are_read_once_per_language_and_shared_with_the_attribution_lexicon():
    italian = speaker_lexicon("it")
    assert speaker_lexicon("it") is italian and attribution_lexicon("it").speakers is italian
    assert "esperto" in italian.professions and "funzionario" in italian.plain_epithets
    assert italian.plain_epithets < italian.epithets  # the office epithets join the plain ones
    english = speaker_lexicon("en")
    assert english.titles["mrs"] == "f" and "former" in english.past_modifiers and "statement" in english.document_nouns
    assert speaker_lexicon("it-IT") == italian


def test_a_language_without_attribution_data_has_no_speaker_words():
    assert speaker_lexicon("de") is NO_SPEAKER_WORDS and speaker_lexicon(None) is NO_SPEAKER_WORDS
    assert not NO_SPEAKER_WORDS.epithets and not NO_SPEAKER_WORDS.titles


def test_an_epithet_is_the_person_quoted_before_only_where_the_lexicon_passed_lists_it(monkeypatch):
    assert [who for who, content in said_en(PRESENTER) if "monitored" in content] == ["John Healey"]
    words = speaker_lexicon("en")
    without = replace(words, epithets=words.epithets - {"presenter"})
    monkeypatch.setattr(statements_module, "speaker_lexicon", lambda code: without)
    assert [who for who, content in said_en(PRESENTER) if "monitored" in content] == ["The veteran radio presenter"]
