"""A position stated by a verb or an adjective of position, not of saying ("Moscow refuses to …", "the allies
pressed for …", "Budapest remains opposed to …", "Kiev insiste sulla necessità di …", "restano contrari a …"):
the frames ``position_frames`` keeps for news (data/lang/<code>/attribution.yaml) are statements of the rules,
with a subject of their own. Sentences of our own, read by the shipped parse models (skipped where a language
has none)."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.attribution import attribution_lexicon
from garante.pipeline import Context, analyse_text

CTX = Context()
needs_en = pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
needs_it = pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
IT = "ROMA, 3 marzo 2025 - "
EN = "LONDON, March 3, 2025 - "


def said(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker_name, s.cue, s.content) for s in analyse_text(text, ctx=CTX).statements]


def test_the_position_frames_are_language_data():
    en, it = attribution_lexicon("en"), attribution_lexicon("it")
    assert en.keeps_position("refuse", "xcomp") and en.keeps_position("press", "preposition")
    assert not en.keeps_position("refuse", "object") and not en.keeps_position("decline", "xcomp")
    assert it.keeps_position("contrario", "stance") and it.keeps_position("insistere", "oblique")


@needs_en
def test_an_english_verb_of_refusing_with_an_infinitive_is_a_statement():
    got = said(EN + "Chancellor Friedrich Merz refuses to send German troops to Ukraine.")
    assert ("Friedrich Merz", "refuses", "to send German troops to Ukraine") in got


@needs_en
def test_pressing_and_pushing_for_something_state_a_position():
    got = said(EN + "The Baltic states have pressed for a tougher sanctions package against Russia.")
    assert [c for _, cue, c in got if cue == "pressed for"] == ["a tougher sanctions package against Russia"]
    got = said(EN + "President Emmanuel Macron is pushing for a European force to guarantee the ceasefire.")
    assert ("Emmanuel Macron", "pushing for", "a European force to guarantee the ceasefire") in got


@needs_en
def test_remaining_opposed_is_a_stated_position():
    got = said(EN + "Hungary remains opposed to Ukraine's membership of the European Union.")
    assert [(who, c) for who, cue, c in got] == [("Hungary", "Ukraine's membership of the European Union")]


@needs_en
def test_opposes_with_an_object_is_a_statement():
    got = said(EN + "Senator Tom Hale opposes new military aid to Ukraine.")
    assert ("Tom Hale", "opposes", "new military aid to Ukraine") in got


@needs_en
def test_no_position_without_a_speaker_or_in_another_sense():
    assert said(EN + "The committee was pressed for time on Friday.") == []
    assert said(EN + "Firefighters pushed for hours through the snow.") == []
    assert said(EN + "The new rules are opposed to the spirit of the treaty.") == []
    assert not [cue for _, cue, _ in said(EN + "Spokesman Dmitry Peskov declined to comment on the report.")
                if cue and cue.startswith("declin")]


@needs_it
def test_italian_adjectives_of_position_after_a_verb_of_remaining():
    got = said(IT + "Gli Stati Uniti restano contrari all'invio di proprie truppe sul campo.")
    assert [(who, c) for who, _, c in got] == [("United States", "invio di proprie truppe sul campo")]
    got = said(IT + "Il governo italiano non è disponibile a inviare soldati in Ucraina.")
    assert [(who, c) for who, _, c in got] == [("Italy", "inviare soldati in Ucraina")]


@needs_it
def test_italian_verb_of_insisting_states_a_position():
    got = said(IT + "Kiev insiste sulla necessità di garanzie di sicurezza vincolanti.")
    assert [who for who, _, c in got if c.startswith("necessità di garanzie")] == ["Ukraine"]


@needs_it
def test_italian_no_position_without_a_speaker():
    assert said(IT + "Il piano resta contrario alle regole del trattato.") == []
    assert said(IT + "Il piano resterebbe contrario alle regole del trattato.") == []


@needs_it
def test_the_italian_conditional_of_hearsay_is_no_stated_position():
    got = said(IT + "Secondo fonti diplomatiche, gli Stati Uniti sarebbero disponibili a inviare aerei in Polonia.")
    assert not [cue for _, cue, _ in got if cue and cue.startswith("disponibil")]
