"""An issue named as a fact is not a position (issue 13, fifteenth session, second stance helper, precision):
readings kept because they held on corpus documents nobody had read when they were written (the odd-numbered
train documents of the night, eleventh, twelfth, thirteenth and fourteenth rounds); sentences of our own
writing. The parse decides, so the whole pipeline runs (rules alone, no learned model)."""
from __future__ import annotations

import pytest

from garante import analyse_text
from garante.pipeline import Context

RULES = Context(options={"stance_model": False})


def pipeline_sides(text: str) -> dict[str, str]:
    doc = analyse_text(text, ctx=RULES)
    return {s.issue: s.stance for st in doc.statements for s in st.stances}


# --- the issue is what an event or state predicate reports: it expired, was violated, took effect ------------

@pytest.mark.parametrize("text, issue", [
    ("The minister said the energy truce had expired on Sunday.", "ceasefire"),
    ("The minister said that Moscow has violated the ceasefire more than twenty times.", "ceasefire"),
    ("The minister said the sanctions took effect on Monday.", "sanctions_on_russia"),
    ("The minister said both sides reached a ceasefire on Friday.", "ceasefire"),
    ("The minister said that Moscow and Kyiv talked about a ceasefire.", "ceasefire"),
    ("The minister said there were new violations of the ceasefire.", "ceasefire"),
    ("The minister said the two sides reached a ceasefire agreement near the plant.", "ceasefire"),
    ("Il ministro ha detto che la tregua è scaduta domenica.", "ceasefire"),
    ("Il ministro ha detto che la Russia non ha mai violato il cessate il fuoco.", "ceasefire"),
    ("Il ministro ha detto che le nuove sanzioni sono entrate in vigore lunedì.", "sanctions_on_russia"),
])
def test_an_issue_a_predicate_reports_an_event_of_takes_no_side(text, issue):
    assert issue not in pipeline_sides(text)


# --- a wish, an obligation or a word of support said of it still takes a side ---------------------------------

@pytest.mark.parametrize("text, issue", [
    ("The minister said the truce must hold.", "ceasefire"),
    ("The minister said they support the ceasefire.", "ceasefire"),
    ("The minister said he is ready to discuss a ceasefire.", "ceasefire"),
    ("The minister said the two sides want a ceasefire agreement.", "ceasefire"),
    ("The minister said they discussed their support for the ceasefire.", "ceasefire"),
    ("Il ministro ha detto che dobbiamo discutere la tregua.", "ceasefire"),
    ("Il ministro ha detto che vogliamo discutere della tregua con Mosca.", "ceasefire"),
])
def test_a_wish_or_an_obligation_on_the_event_is_still_a_side(text, issue):
    assert pipeline_sides(text).get(issue) == "support"


# --- the issue as the time during which something else happened ------------------------------------------------

@pytest.mark.parametrize("text", [
    "The minister said that several villages were shelled during the ceasefire.",
    "Il ministro ha detto che diversi villaggi sono stati bombardati durante la tregua.",
])
def test_an_issue_named_as_the_time_of_another_event_takes_no_side(text):
    assert "ceasefire" not in pipeline_sides(text)


def test_a_need_said_with_a_time_is_still_a_side():
    assert pipeline_sides("The minister said they need a ceasefire during the winter.").get("ceasefire") == "support"
