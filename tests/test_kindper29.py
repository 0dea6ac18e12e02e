"""Sports clubs on the Italian side (twenty-ninth session, task kindper; entities.py ``_club_name``,
``_city_club``): a name of several words with a word of a club's name in it (``club_words``: "Spartak",
"Olympique", "Calcio") is an organisation, whatever the model read it as, and no mention of the city in it; an
Italian city of the knowledge base (``kind: city``) named with a masculine article ("il Livorno": ``club_articles``)
is its club, not a foreign city that takes an article ("il Cairo") nor a Russian one named for its region ("nel
Kursk"); a name that a kind of place opens ("Piazza", "Zona": ``place_heads``) or closes ("Square":
``place_tails``) is no person. Our own sentences, read by the shipped Italian model."""
from garante import analyse_text
from garante.extract.entities import lexicon
from garante.pipeline import Context

from conftest import LEAD_IT, needs_it_parser


def mentions(text: str) -> dict[str, tuple]:
    """The mentions of ``text`` after an Italian dateline: their words → (label, entity id, rule)."""
    doc = analyse_text(LEAD_IT + text)
    return {doc.text[m.start:m.end]: (m.label, m.attrs.get("entity_id"), m.rule) for m in doc.layer("mention")}


def test_the_club_words_are_italian_language_data():
    kb = Context().kb
    assert {"Spartak", "Olympique", "Calcio"} <= lexicon(kb, "it").club_words
    assert "real" not in lexicon(kb, "it").club_words  # case as written: the adjective is no club


@needs_it_parser
def test_a_club_named_after_a_city_is_an_organisation_not_the_city():
    got = mentions("Ieri sera lo Spartak Mosca ha perso in casa per tre a uno, mentre l'Hapoel Haifa ha vinto in "
                   "trasferta.")
    assert got["Spartak Mosca"][0] == "ORG" and got["Hapoel Haifa"][0] == "ORG"
    assert "Mosca" not in got  # not Moscow, nor Russia acting


@needs_it_parser
def test_a_city_alone_stays_a_place():
    got = mentions("Il sindaco è arrivato ieri a Mosca, dove resterà fino a domenica.")
    assert got["Mosca"][:2] == ("LOC", "moscow")


@needs_it_parser
def test_a_city_with_a_masculine_article_is_its_club():
    got = mentions("Nella partita di ieri il Napoli ha battuto il Torino per due a zero davanti a trentamila tifosi.")
    assert got["Napoli"] == ("ORG", "x:napoli", "city-club") and got["Torino"][:2] == ("ORG", "x:torino")


@needs_it_parser
def test_a_city_named_as_a_place_or_with_its_own_article_stays_the_place():
    got = mentions("Il sindaco di Livorno è rientrato ieri al Cairo, dopo due giorni trascorsi a Torino.")
    assert got["Livorno"][:2] == ("LOC", "livorno") and got["Torino"][:2] == ("LOC", "turin")
    assert got["Cairo"][:2] == ("LOC", "cairo")  # "il Cairo": the article is the city's own


@needs_it_parser
def test_a_russian_region_named_for_its_city_is_no_club():
    got = mentions("Le truppe ucraine sono entrate nel Kursk all'inizio di agosto, ha detto il ministro.")
    assert got["Kursk"][:2] == ("LOC", "kursk")


@needs_it_parser
def test_a_name_opened_by_a_kind_of_place_is_no_person():
    doc = analyse_text(LEAD_IT + "La polizia ha chiuso Washington Square e Zona Rossa per tutta la notte.")
    assert ("Zona Rossa", "PER") in {(doc.text[s.start:s.end], s.label) for s in doc.layer("ner")}  # the model's
    assert mentions("La polizia ha chiuso Washington Square e Zona Rossa per tutta la notte.")["Zona Rossa"][0] == "LOC"


def test_surnames_that_are_kinds_of_place_are_not_place_words():
    lex = lexicon(Context().kb, "it")
    assert {"Piazza", "Zona"} <= lex.place_heads and "Square" in lex.place_tails
    assert not {"Villa", "Porta", "Torre"} & lex.place_heads and not {"Hall", "Lane"} & lex.place_tails
