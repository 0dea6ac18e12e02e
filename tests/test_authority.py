"""Who speaks for whom: the office the article names beside a person the knowledge base knows in offices
of several states or organisations (extract/authority.py), through the pipeline."""
from __future__ import annotations

from garante.pipeline import analyse_text

UNDATED = ("In a Vilnius square, NATO secretary general Jens Stoltenberg said the alliance would invite Ukraine "
           "\"when conditions are met\". \"We will support Ukraine for as long as it takes,\" Stoltenberg said.")


def _sides(text):
    doc = analyse_text(text, "authority.txt")
    return [(st.speaker_entity_id, st.on_behalf_of_id, st.attrs.get("on_behalf_of_from"), st.attrs.get("authority"))
            for st in doc.statements]


def test_an_undated_page_takes_the_office_it_names_not_the_speakers_latest():
    # the knowledge base has him at NATO until 2024 and in Norway's government after: undated, the latest
    # would be Norway
    assert _sides(UNDATED) == [("jens-stoltenberg", "nato", "office named in the article", "secretary_general")] * 2


def test_a_party_leader_presented_as_such_speaks_for_the_party_as_deputy_prime_minister_for_the_state():
    said = "Roma, 6 maggio 2024 - «Mai un solo italiano a combattere in Ucraina», ha detto {} Matteo Salvini."
    assert _sides(said.format("il leader della Lega")) == [("matteo-salvini", "lega", "office named in the article", None)]
    assert _sides(said.format("il vicepremier")) == [("matteo-salvini", "italy", None, None)]
    assert _sides(said.format("il ministro")) == [("matteo-salvini", "italy", None, None)]  # no office of his
    assert _sides(said.format("").replace("  ", " ")) == [("matteo-salvini", "italy", None, None)]  # at its date


def test_a_dated_page_keeps_the_office_held_at_its_date():
    dated = "Oslo, 3 marzo 2025 - «Non è il momento», ha detto il ministro delle Finanze norvegese Jens Stoltenberg."
    assert _sides(dated) == [("jens-stoltenberg", "norway", None, None)]  # a finance minister: no authority
    # the same words about NATO with a date in 2023: the knowledge base's office at that date
    nato = UNDATED.replace("In a Vilnius square,", "VILNIUS, July 11, 2023 -")
    assert {s[1] for s in _sides(nato)} == {"nato"} and all(s[2] is None for s in _sides(nato))


def test_the_senator_refers_back_to_the_senator_named_before_never_to_an_unnamed_one():
    named = ("WASHINGTON, May 3, 2025 - Senator Lindsey Graham introduced a bill on Russia sanctions. "
             "\"This is the moment to act,\" the senator said.")
    assert _sides(named) == [("lindsey-graham", "united-states", None, None)]
    unnamed = named.replace("Senator Lindsey Graham introduced", "A Republican senator said he would introduce")
    assert all(s[0] is None for s in _sides(unnamed))


def test_the_ecb_speaks_for_itself_not_for_the_union():
    text = ("Francoforte, 3 marzo 2025 - La Banca centrale europea ha avvertito che l'uso degli asset russi "
            "congelati comporta rischi per l'euro.")
    assert _sides(text) == [("ecb", "ecb", None, None)]


def test_the_speaker_of_the_italian_chamber_speaks_for_italy():
    text = ("Roma, 6 maggio 2024 - «L'Italia resta al fianco di Kiev», ha detto il presidente della Camera "
            "Lorenzo Fontana. Fontana ha aggiunto che «la pace passa dalla forza».")
    assert [s[:2] for s in _sides(text)] == [("lorenzo-fontana", "italy")] * 2


def test_the_commander_in_chief_is_the_one_named_before_the_us_president_or_ukraines_general():
    us = ("Washington, 16 agosto 2025 - Il tycoon ora sostiene che le parti dovrebbero procedere a un accordo. "
          "Donald Trump ha parlato con Zelensky. Il comandante in capo scrive su Truth che \"tutti hanno deciso "
          "che il modo migliore è un accordo di pace\".")
    assert ("donald-trump", "united-states") in [s[:2] for s in _sides(us)]
    ua = ("Kyiv, 3 marzo 2025 - Il generale Oleksandr Syrskyi ha visitato il fronte. Il comandante in capo ha "
          "detto che «la situazione è difficile».")
    assert [s[:2] for s in _sides(ua)] == [("oleksandr-syrskyi", "ukraine")]
