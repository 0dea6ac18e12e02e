"""Italian "secondo" before an unnamed source (twenty-eighth session, lead): the rules read "secondo X" only before a
name, and the parse's "according to" frame is left out of Italian's default frames; for a source described by a
noun of anonymous sources or of groups (``unnamed_according`` in lang/it/attribution.yaml) the frame is kept.
"Le autorità" are a group that speaks (``group_nouns``), as "authorities" are in English. Our own sentences, read by
the shipped Italian model."""
from garante import analyse_text

from conftest import needs_it_parser

pytestmark = needs_it_parser


def speakers(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = analyse_text(text)
    return [(st.speaker_name, st.on_behalf_of_id, st.attrs.get("speaker_kind")) for st in doc.statements]


def test_unnamed_sources_after_secondo_speak_for_their_side():
    got = speakers("KIEV — Secondo fonti ucraine, il drone ha colpito un deposito di carburante vicino al porto.")
    assert got == [("fonti ucraine", "ukraine", "anonymous")]


def test_authorities_are_a_group_that_speaks():
    got = speakers("ROMA — Le autorità russe hanno detto che la proposta europea è inaccettabile.")
    assert got == [("Le autorità russe", "russia", "group")]
    got = speakers("KIEV — Secondo le autorità ucraine, il drone ha colpito un deposito vicino al porto.")
    assert got == [("le autorità ucraine", "ukraine", "group")]


def test_secondo_a_plan_or_a_schedule_names_no_source():
    assert speakers("ROMA — Secondo il piano, le truppe dovrebbero partire in primavera.") == []
    assert speakers("ROMA — Secondo il calendario, il vertice dovrebbe tenersi a marzo.") == []
