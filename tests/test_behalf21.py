"""On whose behalf (21st session): people and titles of the knowledge base that speakers of the corpus's
states hold (public offices with their dates)."""
from garante.pipeline import analyse_text

from conftest import LEAD_EN, LEAD_IT


def sides(text: str, lead: str = LEAD_EN) -> dict[str, set]:
    out: dict[str, set] = {}
    for s in analyse_text(lead + text).statements:
        out.setdefault(s.speaker_name, set()).add(s.on_behalf_of_id)
    return out


def test_south_african_president_speaks_for_south_africa():
    got = sides("President Cyril Ramaphosa said on Sunday that both sides should meet without conditions.")
    assert got.get("Cyril Ramaphosa") == {"south-africa"}


def test_holy_father_is_the_pope_of_the_date():
    got = sides("«Prego ogni giorno per la pace», ha detto il Santo Padre all'Angelus.", "ROMA, 7 settembre 2025 - ")
    assert set().union(*got.values()) == {"holy-see"}


def test_a_prime_minister_out_of_office_speaks_for_no_state():
    before = sides("Imran Khan said that military conflicts never solve problems.", "ISLAMABAD, March 3, 2021 - ")
    after = sides("Imran Khan said that military conflicts never solve problems.", "ISLAMABAD, March 3, 2025 - ")
    assert before.get("Imran Khan") == {"pakistan"} and after.get("Imran Khan") == {None}


def test_party_leader_speaks_for_his_party():
    got = sides("«Dobbiamo sostenere Kiev fino alla fine», ha detto Carlo Calenda.", LEAD_IT)
    assert got.get("Carlo Calenda") == {"azione"}


def test_treasury_alone_is_the_us_treasury_where_the_article_names_it():
    named = sides("The sanctions were announced by the U.S. Department of the Treasury on Wednesday. The Treasury "
                  "said that foreign banks could also face penalties.")
    alone = sides("The Treasury said that foreign banks could also face penalties, officials in London said.")
    assert named.get("US Treasury") == {"united-states"} and "US Treasury" not in alone
