"""On whose behalf an unnamed source speaks when a preposition places it at a seat of government or in a capital
(issue 12, twenty-ninth session): "sources at the Pentagon", "officials in Kyiv", "fonti al Cremlino" speak for
the seat's state (or the EU, NATO), "funzionari a Kiev" for the capital's; a diplomat, a journalist or a resident
placed there is a guest and speaks for no one. Sentences of our own."""
from __future__ import annotations

import pytest

from garante.pipeline import analyse_text

IT = "ROMA, 3 marzo 2025 - "
EN = "LONDON, March 3, 2025 - "


def _statement(text: str, words: str):
    doc = analyse_text(text)
    st = next((s for s in doc.statements if words in s.content), None)
    assert st is not None, [s.content for s in doc.statements]
    return st


@pytest.mark.parametrize("text, words, side", [
    (EN + "Sources at the Pentagon said the missiles would be delivered before winter.", "missiles", "united-states"),
    (EN + "Officials at Downing Street said Britain would lead the reassurance force.", "reassurance force",
     "united-kingdom"),
    (EN + "Officials in Paris said the European contingent is ready to deploy.", "European contingent", "france"),
    (EN + "Sources in Brussels said the frozen assets will fund the reconstruction.", "frozen assets", "eu"),
    (IT + "Fonti all'Eliseo hanno detto che la coalizione si riunirà a Londra.", "coalizione", "france"),
    (IT + "Funzionari a Varsavia hanno detto che la Polonia non manderà truppe.", "non manderà truppe", "poland"),
    (IT + "Fonti a Londra hanno spiegato che il piano europeo è pronto.", "piano europeo", "united-kingdom"),
])
def test_source_placed_at_a_seat_or_capital_speaks_for_its_government(text, words, side):
    st = _statement(text, words)
    assert st.speaker_entity_id is None and st.attrs.get("speaker_kind") in ("anonymous", "group")
    assert st.on_behalf_of_id == side


@pytest.mark.parametrize("text, words", [
    (EN + "A Western diplomat in Kyiv said the ceasefire talks had stalled.", "ceasefire talks"),
    (EN + "Reporters in Moscow said the parade had been cancelled.", "parade"),
    (EN + "Officials in Odesa said the port was hit again overnight.", "port was hit"),  # not a capital
    (IT + "Un diplomatico europeo a Mosca ha detto che il Cremlino non vuole trattare.", "non vuole trattare"),
])
def test_guest_or_place_without_a_government_gives_no_side(text, words):
    assert _statement(text, words).on_behalf_of_id is None


def test_a_side_named_in_the_phrase_still_wins_over_the_place():
    st = _statement(EN + "Ukrainian officials in Washington said the new package would arrive soon.", "new package")
    assert st.on_behalf_of_id == "ukraine"
