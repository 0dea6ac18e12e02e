"""The side of a stance, twenty-fifth session (issue 13): a failure is not a refusal. A negated verb or adjective of
succeeding or being able ("non è riuscita ad approvare", "did not manage to pass", "was not able to agree") says that
an act failed, not that its subject turned it down: the negation it carries is no rejection of the issue its
complement names. Sentences of our own writing, rules alone, through the whole pipeline; a plain negation of the
same act still opposes.
"""
from __future__ import annotations

from conftest import needs_it_parser as needs_it
from helpers import rule_stances as parsed

from garante.extract import stance_syntax


def test_success_words_are_language_data():
    assert {"manage", "able"} <= stance_syntax.words("en", "success_words")
    assert {"riuscire", "grado"} <= stance_syntax.words("it", "success_words")


def test_did_not_manage_to_approve_is_no_refusal():
    got = parsed("The senator said the parliament did not manage to approve the new military aid package for Ukraine.")
    assert got["military_aid_to_ukraine"][0] != "oppose"


def test_was_not_able_to_approve_sanctions_is_no_refusal():
    got = parsed("The commissioner said the member states were not able to approve a fresh round of sanctions "
                 "against Russia this week.")
    assert got["sanctions_on_russia"][0] != "oppose"


def test_a_plain_negation_of_the_act_still_opposes():
    got = parsed("The senator said the parliament will not approve the new military aid package for Ukraine.")
    assert got["military_aid_to_ukraine"][0] == "oppose"


@needs_it
def test_italian_non_riuscire_ad_approvare_is_no_refusal():
    got = parsed("Il ministro ha detto che i governi non sono riusciti ad approvare il nuovo pacchetto di "
                 "sanzioni contro la Russia.")
    assert got["sanctions_on_russia"][0] == "support"


@needs_it
def test_italian_a_future_failure_is_no_refusal():
    got = parsed("Il ministro ha detto che il parlamento non riuscirà a votare in tempo il pacchetto di aiuti "
                 "militari a Kiev.")
    assert got.get("military_aid_to_ukraine", ("none",))[0] != "oppose"


@needs_it
def test_italian_non_essere_in_grado_is_no_refusal():
    got = parsed("La portavoce ha detto che il Consiglio non è stato in grado di approvare nuove sanzioni contro "
                 "Mosca.")
    assert got["sanctions_on_russia"][0] != "oppose"


@needs_it
def test_italian_a_plain_negated_future_still_opposes():
    got = parsed("Il ministro ha detto che il parlamento non voterà il pacchetto di aiuti militari a Kiev.")
    assert got["military_aid_to_ukraine"][0] == "oppose"


# a predicate of ending after the issue's cue ends the issue only where the cue is its subject (the parse's scope)

def test_a_predicate_of_ending_with_another_subject_does_not_end_the_issue():
    got = parsed("The foreign minister said Moscow keeps ignoring every call for a ceasefire and has not said when "
                 "it will stop the shelling of the cities.")
    assert got["ceasefire"][1] != "ending"


def test_a_predicate_of_ending_with_the_cue_for_subject_still_ends_it():
    got = parsed("The minister said the sanctions on Russia must be lifted.")
    assert got["sanctions_on_russia"] == ("oppose", "ending")


@needs_it
def test_italian_a_predicate_of_ending_with_the_cue_for_subject_still_ends_it():
    got = parsed("Il ministro ha detto che le sanzioni contro la Russia vanno revocate.")
    assert got["sanctions_on_russia"] == ("oppose", "ending")


# a noun of refusing held by another side than the speaker's ("Russia's refusal", "il rifiuto di Mosca") reports and
# blames that refusal, as a verb of refusing with that subject does; a refusal asked for stays the speaker's side

def test_another_sides_refusal_as_a_noun_is_reported():
    got = parsed("Volodymyr Zelensky said Russia's refusal to accept a ceasefire shows that Moscow wants more war.")
    assert got["ceasefire"] == ("support", "rejected-by-another")


def test_a_refusal_asked_of_the_other_side_is_no_report():
    got = parsed("Sergei Lavrov said the first condition must be Ukraine's rejection of NATO membership.")
    assert got["ukraine_nato_membership"][0] == "oppose"


@needs_it
def test_italian_another_sides_refusal_as_a_noun_is_reported():
    got = parsed("Volodymyr Zelensky ha detto che il rifiuto della Russia di accettare un cessate il fuoco allunga "
                 "la guerra.")
    assert got["ceasefire"] == ("support", "rejected-by-another")


# "without the help / support of X" is without X: the side of the clause turns over on X as for "without X"

def test_without_the_help_of_troops_is_without_them():
    got = parsed("The senator said the peace would have to be kept by European soldiers alone, without the "
                 "support of American troops.")
    assert got["us_backstop"][0] == "oppose"


@needs_it
def test_italian_senza_l_aiuto_di_is_without_them():
    got = parsed("Il senatore ha detto che la pace dovrebbe essere difesa dai soli soldati europei, senza il "
                 "sostegno delle truppe americane.")
    assert got.get("us_backstop", ("none",))[0] != "support"


# a refusal another side commits to or is asked to make ("si impegnano a rifiutare") is what the speaker wants of it,
# not a refusal reported and blamed

@needs_it
def test_italian_a_refusal_another_side_commits_to_is_no_report():
    got = parsed("Sergei Lavrov ha detto che nel trattato gli Stati Uniti si impegnano a rifiutare l'ingresso "
                 "dell'Ucraina nella Nato.")
    assert got["ukraine_nato_membership"][0] == "oppose"


@needs_it
def test_italian_a_refusal_another_side_keeps_making_is_reported():
    got = parsed("Volodymyr Zelensky ha detto che la Russia continua a rifiutare il cessate il fuoco.")
    assert got["ceasefire"] == ("support", "rejected-by-another")
