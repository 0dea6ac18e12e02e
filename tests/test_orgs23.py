"""Organisations that speak in the negotiation and what they are (knowledge base ``organisations.yaml``): a state
body (a ministry, an army, an intelligence service) speaks for its state; a think tank or NGO (``kind: think_tank``,
``ngo``: ``KnowledgeBase.independent``) speaks for no side and holds no position (attrs ``source_kind:
independent``, read by analyse/positions.py like an outlet's mark); an ambiguous short form ("CSIS", "Valdai") names
the think tank only where the article names it in full; an alias with an apostrophe matches the typographic one."""
from __future__ import annotations

import json

import pytest

from garante.analyse.positions import positions
from garante.analyse.positions_sql import positions_sql
from garante.kb import Entity, KnowledgeBase, Role
from garante.pipeline import analyse_text

from helpers import stored_pages


def _one(text: str):
    [st] = analyse_text(text).statements
    return st


# our own sentences
@pytest.mark.parametrize("text,speaker,side", [
    ("Berlin, 4 March 2025. The German Foreign Office said on Tuesday that Germany supports security guarantees "
     "for Ukraine.", "german-foreign-office", "germany"),
    ("Pechino, 4 marzo 2025. Il ministero degli Esteri cinese ha dichiarato martedì che la Cina sostiene i "
     "negoziati di pace in Ucraina.", "china-mfa", "china"),
    ("Washington, 4 March 2025. The US Defense Department said on Tuesday that the United States will keep "
     "sharing intelligence with Ukraine.", "pentagon", "united-states"),
    ("Kyiv, 4 March 2025. The Ukrainian General Staff said on Tuesday that Russia launched forty drones overnight.",
     "ukraine-general-staff", "ukraine"),
])
def test_a_state_body_speaks_for_its_state(text, speaker, side):
    st = _one(text)
    assert (st.speaker_entity_id, st.on_behalf_of_id) == (speaker, side)
    assert "source_kind" not in st.attrs


@pytest.mark.parametrize("text,speaker", [
    ("Washington, 5 March 2025. The Institute for the Study of War said on Wednesday that Russia is not ready "
     "for a ceasefire in Ukraine.", "isw"),
    ("Milano, 5 marzo 2025. Secondo l'Ispi, la Russia non accetterà truppe europee in Ucraina.", "ispi"),
])
def test_a_think_tank_speaks_for_no_side(text, speaker):
    st = _one(text)
    assert st.speaker_entity_id == speaker
    assert st.on_behalf_of_id is None
    assert st.attrs.get("source_kind") == "independent"


def test_an_expert_described_as_a_fellow_of_a_think_tank_speaks_for_no_state_named_near_him():
    # the dateline's city is a state's capital within reach of the name: it is not what he speaks for
    st = _one("London, 5 March 2025. Tom Fielding, a senior fellow at Chatham House, said on Wednesday that "
              "Russia will not accept a ceasefire.")
    assert st.speaker_name == "Tom Fielding" and st.on_behalf_of_id is None


def test_the_knowledge_base_gives_an_independent_body_and_its_staff_no_side():
    kb = KnowledgeBase([
        Entity("stateland", "Stateland", "GPE"),
        Entity("stateland-mfa", "Stateland Foreign Ministry", "ORG", part_of="stateland"),
        Entity("peace-lab", "Peace Lab", "ORG", data={"kind": "think_tank"}),
        Entity("peace-lab-east", "Peace Lab East", "ORG", part_of="peace-lab"),
        Entity("ann-fellow", "Ann Fellow", "PER", roles=[Role("director", "peace-lab", "2020")]),
    ])
    assert kb.affiliation("stateland-mfa", "2025-01-01") == "stateland"
    assert kb.independent("peace-lab") and not kb.independent("stateland-mfa")
    assert kb.affiliation("peace-lab") is None
    assert kb.affiliation("peace-lab-east") is None  # a branch of an independent body
    assert kb.affiliation("ann-fellow", "2025-01-01") is None


def test_shipped_think_tanks_are_independent_and_state_bodies_are_part_of_their_state():
    kb = KnowledgeBase.load()
    for tank in ("isw", "rusi", "chatham-house", "kiel-institute", "ecfr", "ispi", "valdai-club", "riac"):
        assert kb.independent(tank) and kb.affiliation(tank) is None, tank
    for body, state in (("uk-mod", "united-kingdom"), ("german-foreign-office", "germany"), ("gru", "russia"),
                        ("ukraine-general-staff", "ukraine"), ("china-mfa", "china"), ("us-nsc", "united-states")):
        assert kb.affiliation(body) == state, body
    assert kb.affiliation("unhcr") == "un"  # a UN agency speaks for the UN


@pytest.mark.parametrize("text,word,not_id", [
    # "CSIS" is also Canada's intelligence service: the think tank only where the article names it in full
    ("Ottawa, 5 March 2025. The CSIS warned on Wednesday that foreign agents target Canadian universities.",
     "CSIS", "csis"),
    # "Valdai" is a town: the discussion club only after its full name
    ("Moscow, 5 March 2025. The governor said on Wednesday that tourists visit the lakes near Valdai every summer.",
     "Valdai", "valdai-club"),
    # "IAI" is also an aircraft maker: the Italian institute only after its full name
    ("Roma, 5 marzo 2025. Il ministro ha detto mercoledì che IAI consegnerà due droni all'esercito.", "IAI", "iai"),
    # "Defense Department" alone may be any state's: the Pentagon only where the article names it
    ("London, 5 March 2025. The Defense Department said that John Doe called for more air defence for Ukraine.",
     "Defense Department", "pentagon"),
])
def test_an_ambiguous_short_form_does_not_name_the_body_without_its_full_name(text, word, not_id):
    doc = analyse_text(text)
    hits = [m for m in doc.layer("mention") if text[m.start:m.end] == word]
    assert all(m.attrs.get("entity_id") != not_id for m in hits)


def test_the_short_form_names_the_think_tank_after_its_full_name():
    text = ("Washington, 5 March 2025. The Center for Strategic and International Studies published a report on "
            "Monday. CSIS said that Europe must spend more on air defence.")
    doc = analyse_text(text)
    ids = [m.attrs.get("entity_id") for m in doc.layer("mention") if text[m.start:m.end] == "CSIS"]
    assert ids == ["csis"]


def test_an_alias_with_an_apostrophe_matches_the_typographic_apostrophe():
    st = _one("Washington, 5 March 2025. Russia’s Foreign Ministry said on Wednesday that it rejects any European "
              "troops in Ukraine.")
    assert (st.speaker_entity_id, st.on_behalf_of_id) == ("russia-mfa", "russia")


# our own sentences: a think tank's view and a state's, on one issue
PAGES = {
    "en.txt": ("London, 3 March 2025. The Royal United Services Institute wrote on Monday that Europe must send "
               "troops to Ukraine as part of the security guarantees. Keir Starmer said on Tuesday that Britain "
               "is ready to deploy troops to Ukraine."),
    "it.txt": ("Roma, 3 marzo 2025. L'Istituto Affari Internazionali ha scritto lunedì che l'Europa deve inviare "
               "truppe in Ucraina come garanzia di sicurezza. Il premier britannico Keir Starmer ha detto martedì "
               "che il Regno Unito è pronto a inviare truppe in Ucraina."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = stored_pages(tmp_path_factory.mktemp("orgs23"), PAGES)
    yield s
    s.close()


def test_a_think_tank_keeps_its_statements_but_holds_no_position(store):
    said = store.query("SELECT st.speaker_entity_id, st.on_behalf_of_id, st.attrs FROM statements st")
    tanks = [r for r in said if r["speaker_entity_id"] in ("rusi", "iai")]
    assert {r["speaker_entity_id"] for r in tanks} == {"rusi", "iai"}
    assert all(r["on_behalf_of_id"] is None and json.loads(r["attrs"]).get("source_kind") == "independent"
               for r in tanks)
    rows = positions(store)
    assert all(p["actor"]["id"] not in ("rusi", "iai") for p in rows)
    assert ("United Kingdom", "state") in {(p["actor"]["name"], p["actor_level"]) for p in rows}
    assert json.dumps(positions_sql(store)) == json.dumps(rows)
