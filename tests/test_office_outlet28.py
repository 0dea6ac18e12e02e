"""An outlet's alias that is a word of an office phrase ("presidente della Repubblica", twenty-eighth session, lead)
is the state's body named by the office, an institution (``resolution: institution``), never the newspaper la
Repubblica; the same word alone after "a" or "secondo" stays the outlet. Our own sentences."""
from garante import analyse_text

from conftest import needs_it_parser

pytestmark = needs_it_parser


def mentions(text: str) -> dict[str, str]:
    doc = analyse_text(text)
    return {doc.text[m.start:m.end]: m.attrs.get("entity_id") for m in doc.layer("mention")}


def test_the_republic_of_an_office_is_no_newspaper():
    got = mentions("ROMA — Il presidente della Repubblica ha firmato il decreto sugli aiuti all'Ucraina.")
    assert got["Repubblica"] == "x:repubblica"


def test_the_newspaper_is_still_the_newspaper():
    got = mentions("ROMA — In un'intervista a Repubblica, il ministro Tajani ha escluso l'invio di truppe.")
    assert got["Repubblica"] == "la-repubblica"
