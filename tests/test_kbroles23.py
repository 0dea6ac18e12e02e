"""Office holders 2021–2025 of the negotiation's states and bodies (23rd session, kbroles): a newly added
person is linked, speaks for the state of the office held at the statement's date and for nobody once the
office is over, and an office named without a name is its holder at that date (the successor after it)."""
from garante.kb import KnowledgeBase
from garante.pipeline import analyse_text

from conftest import LEAD_EN


def sides(text: str, lead: str = LEAD_EN) -> dict[str, set]:
    out: dict[str, set] = {}
    for s in analyse_text(lead + text).statements:
        out.setdefault(s.speaker_name, set()).add(s.on_behalf_of_id)
    return out


def test_vice_chancellor_speaks_for_germany_while_in_office_only():
    text = "Robert Habeck said on Tuesday that Berlin would keep sending air defence systems to Kyiv."
    during = sides(text, "BERLIN, October 10, 2023 - ")
    after = sides(text, "BERLIN, October 10, 2025 - ")
    assert during.get("Robert Habeck") == {"germany"} and after.get("Robert Habeck") == {None}


def test_nsdc_secretary_speaks_for_ukraine_in_office_and_for_nobody_after():
    text = "Oleksiy Danilov said the defensive lines in the east would hold through the winter."
    during = sides(text, "KYIV, November 20, 2023 - ")
    after = sides(text, "KYIV, November 20, 2025 - ")
    assert during.get("Oleksiy Danilov") == {"ukraine"} and after.get("Oleksiy Danilov") == {None}


def test_austrian_foreign_minister_by_name_in_italian():
    text = "«Non ci sarà pace senza l'Ucraina al tavolo», ha detto il ministro degli Esteri Alexander Schallenberg."
    got = sides(text, "VIENNA, 12 giugno 2024 - ")
    assert got.get("Alexander Schallenberg") == {"austria"}


def test_irish_head_of_government_at_two_dates_is_two_people():
    kb = KnowledgeBase.load()
    assert kb.holder("prime_minister", "ireland", "2023-06-01") == "leo-varadkar"
    assert kb.holder("prime_minister", "ireland", "2025-06-01") == "micheal-martin"
    assert kb.affiliation("micheal-martin", "2024-02-01") == "ireland"  # Tánaiste and foreign minister then


def test_israeli_defence_minister_and_his_successor():
    kb = KnowledgeBase.load()
    assert kb.holder("defence_minister", "israel", "2023-05-01") == "yoav-gallant"
    assert kb.holder("defence_minister", "israel", "2025-03-01") == "israel-katz"
    assert kb.affiliation("naftali-bennett", "2022-03-10") == "israel"
    assert kb.affiliation("naftali-bennett", "2024-03-10") is None


def test_former_portuguese_prime_minister_speaks_for_the_eu_as_council_president():
    kb = KnowledgeBase.load()
    assert kb.affiliation("antonio-costa", "2023-05-01") == "portugal"
    assert kb.affiliation("antonio-costa", "2025-05-01") == "eu"


def test_common_surname_alone_is_not_the_office_holder():
    got = sides("Bennett said the shipment of shells had been delayed by two weeks.", "LONDON, March 3, 2022 - ")
    assert all(v != {"israel"} for v in got.values())


def test_russian_town_is_not_the_ukrainian_adviser():
    kb = KnowledgeBase.load()
    person = kb.get("oleksandr-kamyshin")
    assert "Kamyshin" in person.data["only_with_full_name"]
    got = sides("Officials in Kamyshin said a drone had hit an oil depot overnight.", "MOSCOW, March 3, 2025 - ")
    assert all(v != {"ukraine"} for v in got.values())


def test_russian_form_of_a_ukrainian_first_name_is_the_same_person():
    got = sides("Vladimir Zelensky said that Kyiv would not give up any territory in exchange for a truce.",
                "KYIV, May 5, 2024 - ")
    assert got.get("Volodymyr Zelensky") == {"ukraine"}


def test_president_of_the_bundestag_and_her_successor():
    kb = KnowledgeBase.load()
    assert kb.holder("speaker", "bundestag", "2023-01-10") == "barbel-bas"
    assert kb.holder("speaker", "bundestag", "2025-06-10") == "julia-klockner"
    assert kb.affiliation("barbel-bas", "2025-04-10") is None  # between the two offices


def test_russian_deputy_foreign_minister_is_linked_and_speaks_for_russia():
    doc = analyse_text("Il viceministro degli Esteri russo Sergej Vershinin ha incontrato l'inviato a Ginevra.\n\n"
                       "In seguito Vershinin ha detto che l'Ucraina deve accettare la neutralità.")
    said = [s for s in doc.statements if "neutralità" in s.content]
    assert said and said[0].speaker_entity_id == "sergei-vershinin" and said[0].on_behalf_of_id == "russia"


def test_a_second_adviser_does_not_take_the_office_news_give_podolyak():
    kb = KnowledgeBase.load()
    assert kb.holder("presidential_adviser", "ukraine", "2022-04-01") == "mykhailo-podolyak"
    assert kb.holder("presidential_adviser", "ukraine", "2025-09-05") == "mykhailo-podolyak"
