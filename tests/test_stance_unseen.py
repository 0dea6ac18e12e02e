"""Stance rules kept because they held on corpus documents nobody had read when the rules were written
(issue 13), each on sentences of our own writing: a refusal listed beside the issue or restating it with
an object of its own, a refusal made by the other side through a verb of continuing ("la parte russa ha
continuato a respingere"), and "contesto" (context) that is not "contestare". Rules alone (no learned
model), through the whole pipeline where the parse decides."""
from __future__ import annotations


import pytest

from garante import analyse_text
from garante.codebook import Codebook
from garante.extract.stances import classify

from conftest import needs_it_parser as needs_it
from helpers import RULES, rule_stances as parsed


# --- a refusal beside the issue, not of it --------------------------------------------------------------

@needs_it
def test_a_refusal_listed_beside_the_issue_is_of_its_own_object():
    got = parsed("Il ministro Lavrov ha dichiarato che Kiev deve accettare uno status neutrale e il rifiuto "
                 "di entrare nella Nato.")
    assert got["ukraine_neutrality"][0] == "support"
    assert got["ukraine_nato_membership"][0] == "oppose"


def test_a_refusal_restating_the_issue_with_its_own_object_is_of_that_object():
    got = parsed("Lavrov said that the first condition is a neutral status, the refusal of the alliance to "
                 "take Kyiv in.")
    assert got["ukraine_neutrality"][0] == "support"


def test_a_refusal_of_the_issue_itself_still_opposes_it():
    got = parsed("Peskov said that NATO expansion and the threat it brings are unacceptable.")
    assert got["nato_eastward_expansion"][0] == "oppose"


# --- a refusal by the other side --------------------------------------------------------------------

@needs_it
@pytest.mark.parametrize("side, speaker", [("russa", "Il presidente ucraino Volodymyr Zelensky"),
                                           ("ucraina", "Il ministro russo Sergei Lavrov")])
def test_the_other_sides_refusal_through_a_verb_of_continuing_is_blamed(side, speaker):
    got = parsed(f"{speaker} ha detto che la parte {side} ha continuato a respingere la proposta di un "
                 "cessate il fuoco.")
    assert got["ceasefire"] == ("support", "rejected-by-another")


@needs_it
def test_the_speakers_own_side_refusing_still_opposes():
    got = parsed("Il ministro russo Sergei Lavrov ha detto che la parte russa ha continuato a respingere la "
                 "proposta di un cessate il fuoco.")
    assert got["ceasefire"][0] == "oppose"


# --- words that only look like a rejection -----------------------------------------------------------

@pytest.mark.parametrize("word, side", [("contesto", "support"), ("contesta", "oppose")])
def test_context_is_not_a_rejection(word, side):
    text = {"contesto": "garanzie di sicurezza per Kiev sono fondamentali in un contesto difficile",
            "contesta": "il governo contesta le garanzie di sicurezza per Kiev"}[word]
    got = {s.issue: s.stance for s in classify(text, None, "it", Codebook.load())}
    assert got["western_security_guarantees"] == side


# --- judged useless or an attack ---------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The minister said the sanctions had proved useless and changed nothing in Moscow.", "en"),
    ("The minister said the embargo on Russian oil has had no effect on the war.", "en"),
    ("Il ministro ha detto che le sanzioni contro Mosca si sono rivelate inutili.", "it"),
    ("Il ministro ha detto che le sanzioni contro Mosca non hanno avuto alcun effetto.", "it"),
])
def test_sanctions_judged_useless_are_opposed(text, lang):
    got = {s.issue: s.stance for s in classify(text, None, lang, Codebook.load())}
    assert got["sanctions_on_russia"] == "oppose"


@pytest.mark.parametrize("text, lang", [
    ("The spokesman said the expansion of NATO is an assault on our security.", "en"),
    ("Il portavoce ha detto che l'allargamento della Nato è un attacco alla nostra sicurezza.", "it"),
])
def test_expansion_called_an_attack_on_security_is_opposed(text, lang):
    got = {s.issue: s.stance for s in classify(text, None, lang, Codebook.load())}
    assert got["nato_eastward_expansion"] == "oppose"


# --- what the talks must lead to; a support said to be conditional -----------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The foreign minister said the talks must lead to a settlement that includes security guarantees for "
     "Ukraine.", "en"),
    ("La ministra ha detto che i negoziati devono portare a un accordo con garanzie di sicurezza per l'Ucraina.",
     "it"),
])
def test_what_the_talks_must_lead_to_is_wanted(text, lang):
    got = {s.issue: s.stance for s in classify(text, None, lang, Codebook.load())}
    assert got["western_security_guarantees"] == "support"


def test_a_condition_on_what_must_lead_on_stays_conditional():
    got = {s.issue: s.stance for s in classify("A ceasefire must lead to a lasting peace.", None, "en",
                                               Codebook.load())}
    assert got["ceasefire"] == "conditional"


@pytest.mark.parametrize("text, lang", [
    ("The senator voiced conditional support for a ceasefire in Ukraine.", "en"),
    ("Il partito ha dato un sostegno condizionato al cessate il fuoco.", "it"),
])
def test_conditional_support_is_conditional(text, lang):
    got = {s.issue: s.stance for s in classify(text, None, lang, Codebook.load())}
    assert got["ceasefire"] == "conditional"


# --- a statement that points back takes no side from a word of quantity or a future --------------------

def test_more_said_of_what_was_named_before_takes_no_side():
    text = ('Kyiv wants to join NATO. Lavrov said: "It is clear that since then, in more than two years, these '
            'realities have changed significantly."')
    got = [(st.content, s.issue) for st in analyse_text(text, ctx=RULES).statements for s in st.stances]
    assert not [x for x in got if "realities" in x[0]]


@needs_it
def test_a_future_said_of_what_was_named_before_takes_no_side_in_italian():
    text = ("Si è parlato di un vertice tra i due presidenti. Peskov ha detto che queste saranno riunioni di un "
            "solo contesto.")
    got = [(st.content, s.issue) for st in analyse_text(text, ctx=RULES).statements for s in st.stances]
    assert not [x for x in got if "riunioni" in x[0]]


def test_a_side_taken_on_what_was_named_before_stays():
    text = ("The allies discussed sending troops to Ukraine. Peskov said this would be unacceptable for Russia.")
    got = parsed(text)
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


# --- Washington giving or joining the guarantees names the US backstop ---------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Zelensky said America would engage in security guarantees for Ukraine.", "en"),
    ("The chancellor welcomed the plan to involve the United States in security guarantees.", "en"),
    ("Il ministro ha detto che Kiev chiede garanzie di sicurezza da Usa e Europa.", "it"),
    ("Il premier ha lodato la disponibilità degli Stati Uniti a fornire garanzie a Kiev.", "it"),
])
def test_washington_giving_the_guarantees_is_the_us_backstop(text, lang):
    got = {s.issue: s.stance for s in classify(text, None, lang, Codebook.load())}
    assert got.get("us_backstop") == "support"


def test_guarantees_from_europe_alone_are_not_the_us_backstop():
    got = {s.issue for s in classify("The minister said Europe would give Ukraine security guarantees.", None,
                                     "en", Codebook.load())}
    assert "us_backstop" not in got


# --- giving up any further step ------------------------------------------------------------------------

def test_abandoning_any_further_expansion_opposes_it():
    got = {s.issue: s.stance for s in classify("Moscow asked the West to abandon any further NATO expansion.",
                                               None, "en", Codebook.load())}
    assert got["nato_eastward_expansion"] == "oppose"


# --- what became of the thing is not a demand --------------------------------------------------------

def test_an_ended_agreement_named_as_a_foundation_is_not_opposed():
    got = parsed("Lavrov said the scrapped Istanbul agreement could provide a foundation for new talks.")
    assert got["istanbul_framework"][0] != "oppose"


def test_a_call_to_stop_deliveries_still_opposes_them():
    got = parsed("Lavrov said the West must stop arms deliveries to Kyiv.")
    assert got["military_aid_to_ukraine"] == ("oppose", "ending")


# --- a comparison of two forms of the same issue -------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("The minister said any guarantee should rely on European troops rather than NATO forces.", "en"),
    ("Il ministro ha detto che le garanzie dovranno poggiare su truppe europee anziché su forze della Nato.", "it"),
])
def test_troops_preferred_to_other_troops_are_wanted(text, lang):
    got = {s.issue: s.stance for s in classify(text, None, lang, Codebook.load())}
    assert got["foreign_troops_in_ukraine"] == "support"


def test_what_is_preferred_to_troops_still_opposes_them():
    got = {s.issue: s.stance for s in classify("The minister said Ukraine needs air defence rather than foreign "
                                               "troops.", None, "en", Codebook.load())}
    assert got["foreign_troops_in_ukraine"] == "oppose"


# --- a place name is no word of support ----------------------------------------------------------------

@pytest.mark.parametrize("text, rule, word", [
    ("Sanctions on Russia, the New York Times reported.", "named", None),
    ("Brussels prepares new sanctions on Russia.", "support", "new"),
])
def test_new_york_is_not_new(text, rule, word):
    got = [(s.rule, s.attrs.get("polarity_cue")) for s in classify(text, None, "en", Codebook.load())
           if s.issue == "sanctions_on_russia"]
    assert got == [(rule, word)]


# --- a forecast is not a side --------------------------------------------------------------------------

def test_a_summit_called_improbable_is_a_forecast():
    text = "Il consigliere ha detto che un incontro tra Putin e Zelensky è improbabile quest'anno."
    got = {s.issue: s.stance for s in classify(text, None, "it", Codebook.load())}
    assert got["leaders_summit"] == "neutral"


def test_an_actor_unlikely_to_act_still_rules_it_out():
    # English "X is unlikely to send troops" stays a negation (tests/test_stances.py)
    got = {s.issue: s.stance for s in classify("Rome is unlikely to send troops to Ukraine.", None, "en",
                                               Codebook.load())}
    assert got["foreign_troops_in_ukraine"] == "oppose"
