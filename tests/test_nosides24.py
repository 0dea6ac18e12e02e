"""Who speaks for no side, and a state's bodies abroad (issue 12 item 2).

A person the article presents by a private occupation (roles.yaml ``private_occupations``: analyst, expert,
political scientist, journalist ...; analista, esperto, politologo, giornalista ...), before his name or in the
description beside it, speaks for no side even with a nationality adjective (the corpus guide: journalists,
experts, analysts -> no ``on_behalf_of``); an office in the same phrase wins. A state's embassy, consulate or
permanent mission (roles.yaml ``missions``), named with the state's adjective or name, is an organisation speaker
that speaks for that state; "the embassy" after one refers back to it. Our own sentences."""
from __future__ import annotations

import pytest

from garante.extract.entities import EntityLinker  # noqa: F401  (the linker the pipeline runs)
from garante.pipeline import analyse_text


def _one(text: str):
    [st] = analyse_text(text).statements
    return st


def _mentions(text: str):
    doc = analyse_text(text)
    return doc, list(doc.layer("mention"))


@pytest.mark.parametrize("text,speaker", [
    ("London, 5 March 2025. The British analyst Tom Fielding said on Wednesday that Russia will not accept a "
     "ceasefire.", "Tom Fielding"),
    ("London, 5 March 2025. Pavel Orlov, a Russian military expert, said on Wednesday that Moscow will not accept "
     "European troops in Ukraine.", "Pavel Orlov"),
    ("Roma, 5 marzo 2025. L'analista russo Pavel Orlov ha detto mercoledì che Mosca non accetterà truppe europee "
     "in Ucraina.", "Pavel Orlov"),
    ("Roma, 5 marzo 2025. Il politologo ucraino Taras Boiko ha dichiarato mercoledì che Kiev non rinuncerà alla "
     "Nato.", "Taras Boiko"),
    ("Roma, 5 marzo 2025. Taras Boiko, giornalista ucraino, ha dichiarato mercoledì che Kiev non rinuncerà alla "
     "Nato.", "Taras Boiko"),
])
def test_a_private_occupation_speaks_for_no_side_whatever_his_nationality(text, speaker):
    st = _one(text)
    assert st.speaker_name == speaker
    assert st.on_behalf_of_id is None


@pytest.mark.parametrize("text,speaker,side", [
    # an office beside the nationality: he speaks for his state
    ("London, 5 March 2025. Pavel Orlov, a Russian deputy foreign minister, said on Wednesday that Moscow will "
     "not accept European troops in Ukraine.", "Pavel Orlov", "russia"),
    ("Roma, 5 marzo 2025. Il viceministro degli Esteri russo Pavel Orlov ha detto mercoledì che Mosca non "
     "accetterà truppe europee in Ucraina.", "Pavel Orlov", "russia"),
])
def test_an_office_keeps_its_state(text, speaker, side):
    st = _one(text)
    assert (st.speaker_name, st.on_behalf_of_id) == (speaker, side)


def test_an_office_in_the_same_phrase_beats_the_occupation():
    _, mentions = _mentions("London, 5 March 2025. The Russian ambassador and former professor Pavel Orlov said on "
                            "Wednesday that Moscow will not accept European troops in Ukraine.")
    [orlov] = [m for m in mentions if m.attrs.get("name") == "Pavel Orlov"]
    assert "private" not in orlov.attrs
    _, mentions = _mentions("London, 5 March 2025. The Russian military analyst Pavel Orlov said on Wednesday that "
                            "Moscow will not accept European troops in Ukraine.")
    [orlov] = [m for m in mentions if m.attrs.get("name") == "Pavel Orlov"]
    assert orlov.attrs.get("private") == "analyst"


def test_a_group_of_experts_named_by_nationality_speaks_for_no_side():
    st = _one("London, 5 March 2025. Ukrainian experts said on Wednesday that Russia will not accept a ceasefire.")
    assert st.on_behalf_of_id is None
    st = _one("London, 5 March 2025. Ukrainian officials said on Wednesday that Russia will not accept a ceasefire.")
    assert st.on_behalf_of_id == "ukraine"


@pytest.mark.parametrize("text,name,side", [
    ("Stockholm, 5 March 2025. The Russian Embassy in Sweden said on Wednesday that Russia will take "
     "countermeasures against NATO expansion.", "Russian Embassy", "russia"),
    ("New York, 5 March 2025. Russia's mission to the UN said on Wednesday that Moscow rejects any peacekeepers "
     "in Ukraine.", "Russia's mission to the UN", "russia"),
    ("Milan, 5 March 2025. The Ukrainian consulate in Milan said on Wednesday that Ukraine will not give up any "
     "territory.", "Ukrainian consulate in Milan", "ukraine"),
    ("Roma, 5 marzo 2025. L'ambasciata russa a Roma ha dichiarato mercoledì che la Russia non accetterà truppe "
     "della Nato in Ucraina.", "ambasciata russa a Roma", "russia"),
    ("Bruxelles, 5 marzo 2025. La rappresentanza permanente d'Italia presso la Nato ha dichiarato mercoledì che "
     "l'Italia sostiene le garanzie di sicurezza.", "rappresentanza permanente d'Italia presso la Nato", "italy"),
    ("Roma, 5 marzo 2025. L'ambasciata di Russia ha affermato mercoledì che la Nato minaccia la sicurezza russa.",
     "ambasciata di Russia", "russia"),
])
def test_a_state_body_abroad_is_an_organisation_speaking_for_its_state(text, name, side):
    st = _one(text)
    assert st.speaker_name == name
    assert st.attrs.get("speaker_kind") == "organisation"
    assert st.on_behalf_of_id == side


def test_the_embassy_refers_back_to_the_one_named_before():
    doc = analyse_text("Stockholm, 5 March 2025. Russia's embassy in Sweden posted a message on Wednesday. "
                       "\"Sweden's entry into NATO is a threat to our security,\" the embassy said.")
    [st] = doc.statements
    assert st.speaker_name == "Russia's embassy in Sweden" and st.on_behalf_of_id == "russia"


def test_the_host_place_between_possessive_and_noun_is_not_the_owner():
    _, mentions = _mentions("Stockholm, 5 March 2025. Russia's Sweden embassy posted a warning on Wednesday.")
    [emb] = [m for m in mentions if m.label == "ORG"]
    assert emb.attrs.get("of") == "russia"


def test_a_mission_of_no_state_and_a_plain_mission_are_no_body_abroad():
    _, mentions = _mentions("Kyiv, 5 March 2025. An embassy official said the humanitarian mission to Kharkiv "
                            "would go ahead.")
    assert not [m for m in mentions if m.attrs.get("resolution") == "unlinked" and m.label == "ORG"
                and "mission" in m.attrs.get("name", "").lower()]


@pytest.mark.parametrize("text", [
    "Roma, 5 marzo 2025. L'ex segretario di Stato Usa Walter Brenner, personalità americana molto apprezzata in "
    "Cina, ha detto mercoledì in un'intervista che l'ingresso di Kiev nell'alleanza sarebbe un errore.",
    "London, 5 March 2025. Oleh Marchenko, a former Ukrainian defence minister, said on Wednesday that Russia will "
    "not accept a ceasefire.",
    "London, 5 March 2025. The former Ukrainian defence minister Oleh Marchenko said on Wednesday that Russia will "
    "not accept a ceasefire.",
])
def test_a_former_office_holder_speaks_in_a_private_capacity(text):
    assert _one(text).on_behalf_of_id is None


def test_the_same_office_held_now_gives_its_state():
    st = _one("London, 5 March 2025. Oleh Marchenko, a Ukrainian defence minister, said on Wednesday that Russia will "
              "not accept a ceasefire.")
    assert st.on_behalf_of_id == "ukraine"


def test_its_embassy_is_the_one_state_of_the_sentence_besides_the_host():
    doc = analyse_text("Oslo, 5 March 2025. Russia warned of a response in a note from its Oslo embassy. \"Norway's "
                       "new bases are a threat to our security,\" the embassy said.")
    [st] = [s for s in doc.statements if "bases" in s.content]
    assert st.on_behalf_of_id == "russia" and st.attrs.get("speaker_kind") == "organisation"
    # two states besides the host: the pronoun is not resolved
    doc = analyse_text("Oslo, 5 March 2025. Russia warned Finland of a response in a note from its Oslo embassy. "
                       "\"Norway's new bases are a threat to our security,\" the embassy said.")
    [st] = [s for s in doc.statements if "bases" in s.content]
    assert st.on_behalf_of_id is None
