"""The tense of a time expression's clause read off the parse (extract/time/tense.py): our own sentences,
with the parse written out as the linguistic layer gives it (UD relations and features)."""
from test_time_timex3 import analyse, parsed, timex3


def test_a_possessive_weekday_dates_its_noun_not_the_verb():
    # "would appeal" is ahead, but the ruling named by "Wednesday's" is the one just past
    text = "Lawyers said they would appeal against Wednesday's ruling."
    tokens = parsed(text, [("Lawyers", "lawyer", "NOUN", "Number=Plur", 1, "nsubj"),
                           ("said", "say", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", 1, "ROOT"),
                           ("they", "they", "PRON", "Case=Nom|Number=Plur", 4, "nsubj"),
                           ("would", "would", "AUX", "VerbForm=Fin", 4, "aux"),
                           ("appeal", "appeal", "VERB", "VerbForm=Inf", 1, "ccomp"),
                           ("against", "against", "ADP", "", 8, "case"),
                           ("Wednesday", "Wednesday", "PROPN", "Number=Sing", 8, "nmod:poss"),
                           ("'s", "'s", "PART", "", 6, "case"),
                           ("ruling", "ruling", "NOUN", "Number=Sing", 4, "obl"),
                           (".", ".", "PUNCT", "", 1, "punct")])
    assert timex3(analyse(text, published="2025-06-13", tokens=tokens))["Wednesday"][1] == "2025-06-11"
    assert timex3(analyse(text, published="2025-06-13"))["Wednesday"][1] == "2025-06-18"  # verb patterns alone


def test_a_bare_past_participle_is_past_whatever_the_main_verb():
    text = "The court will review the injunction issued Thursday."
    tokens = parsed(text, [("The", "the", "DET", "Definite=Def|PronType=Art", 1, "det"),
                           ("court", "court", "NOUN", "Number=Sing", 3, "nsubj"),
                           ("will", "will", "AUX", "VerbForm=Fin", 3, "aux"),
                           ("review", "review", "VERB", "VerbForm=Inf", 3, "ROOT"),
                           ("the", "the", "DET", "Definite=Def|PronType=Art", 5, "det"),
                           ("injunction", "injunction", "NOUN", "Number=Sing", 3, "obj"),
                           ("issued", "issue", "VERB", "Tense=Past|VerbForm=Part|Voice=Pass", 5, "acl"),
                           ("Thursday", "Thursday", "PROPN", "Number=Sing", 6, "obl:unmarked"),
                           (".", ".", "PUNCT", "", 3, "punct")])
    got = timex3(analyse(text, published="2025-06-16", tokens=tokens))  # a Monday
    assert got["Thursday"][1] == "2025-06-12"


def test_an_infinitive_under_a_past_verb_may_lie_ahead():
    # "agreed" is past, but the truce is extended into the coming June, not the last one
    text = "The ministers agreed to extend the truce through June."
    tokens = parsed(text, [("The", "the", "DET", "Definite=Def|PronType=Art", 1, "det"),
                           ("ministers", "minister", "NOUN", "Number=Plur", 2, "nsubj"),
                           ("agreed", "agree", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", 2, "ROOT"),
                           ("to", "to", "PART", "", 4, "mark"),
                           ("extend", "extend", "VERB", "VerbForm=Inf", 2, "xcomp"),
                           ("the", "the", "DET", "Definite=Def|PronType=Art", 6, "det"),
                           ("truce", "truce", "NOUN", "Number=Sing", 4, "obj"),
                           ("through", "through", "ADP", "", 8, "case"),
                           ("June", "June", "PROPN", "Number=Sing", 4, "obl"),
                           (".", ".", "PUNCT", "", 2, "punct")])
    assert timex3(analyse(text, published="2025-03-20", tokens=tokens))["June"][1] == "2025-06"
    assert timex3(analyse(text, published="2025-03-20"))["June"][1] == "2024-06"  # verb patterns alone


def test_an_italian_perfect_is_past_though_its_auxiliary_is_present():
    # "ha parlato": a present auxiliary, a past participle; the nearest verb pattern is the future "parlerà"
    text = "Il ministro ha parlato lunedì, e parlerà di nuovo."
    tokens = parsed(text, [("Il", "il", "DET", "Definite=Def|PronType=Art", 1, "det"),
                           ("ministro", "ministro", "NOUN", "Gender=Masc|Number=Sing", 3, "nsubj"),
                           ("ha", "avere", "AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin", 3, "aux"),
                           ("parlato", "parlare", "VERB", "Gender=Masc|Tense=Past|VerbForm=Part", 3, "ROOT"),
                           ("lunedì", "lunedì", "NOUN", "Number=Sing", 3, "obl"),
                           (",", ",", "PUNCT", "", 7, "punct"),
                           ("e", "e", "CCONJ", "", 7, "cc"),
                           ("parlerà", "parlare", "VERB", "Mood=Ind|Tense=Fut|VerbForm=Fin", 3, "conj"),
                           ("di", "di", "ADP", "", 9, "case"),
                           ("nuovo", "nuovo", "ADJ", "", 7, "obl"),
                           (".", ".", "PUNCT", "", 3, "punct")])
    assert timex3(analyse(text, lang="it", published="2025-06-14", tokens=tokens))["lunedì"][1] == "2025-06-09"  # a Saturday


def test_a_present_verb_takes_no_tense_from_another_clause():
    # "resume" is present: the past "opened" of the clause before says nothing about Friday
    text = "The talks opened yesterday; they resume on Friday."
    tokens = parsed(text, [("The", "the", "DET", "Definite=Def", 1, "det"),
                           ("talks", "talk", "NOUN", "Number=Plur", 2, "nsubj"),
                           ("opened", "open", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", 2, "ROOT"),
                           ("yesterday", "yesterday", "NOUN", "Number=Sing", 2, "obl:tmod"),
                           (";", ";", "PUNCT", "", 6, "punct"),
                           ("they", "they", "PRON", "Case=Nom|Number=Plur", 6, "nsubj"),
                           ("resume", "resume", "VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin", 2, "parataxis"),
                           ("on", "on", "ADP", "", 8, "case"),
                           ("Friday", "Friday", "PROPN", "Number=Sing", 6, "obl"),
                           (".", ".", "PUNCT", "", 2, "punct")])
    got = timex3(analyse(text, published="2022-03-16", tokens=tokens))  # a Wednesday
    assert got["Friday"][1] == "2022-03-18"
    assert timex3(analyse(text, published="2022-03-16"))["Friday"][1] == "2022-03-11"  # verb patterns alone


def test_a_present_predicate_is_not_overruled_by_a_past_verb_of_its_sentence():
    # "meets" governs "May": the sitting is the coming one, whatever "had not signed" says of the accord
    text = "They had not signed the accord to hold the vote when parliament meets in May."
    tokens = parsed(text, [("They", "they", "PRON", "Case=Nom|Number=Plur", 3, "nsubj"),
                           ("had", "have", "AUX", "Mood=Ind|Tense=Past|VerbForm=Fin", 3, "aux"),
                           ("not", "not", "PART", "Polarity=Neg", 3, "advmod"),
                           ("signed", "sign", "VERB", "Tense=Past|VerbForm=Part", 3, "ROOT"),
                           ("the", "the", "DET", "Definite=Def|PronType=Art", 5, "det"),
                           ("accord", "accord", "NOUN", "Number=Sing", 3, "obj"),
                           ("to", "to", "PART", "", 7, "mark"),
                           ("hold", "hold", "VERB", "VerbForm=Inf", 5, "acl"),
                           ("the", "the", "DET", "Definite=Def|PronType=Art", 9, "det"),
                           ("vote", "vote", "NOUN", "Number=Sing", 7, "obj"),
                           ("when", "when", "SCONJ", "", 12, "mark"),
                           ("parliament", "parliament", "NOUN", "Number=Sing", 12, "nsubj"),
                           ("meets", "meet", "VERB", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", 7, "advcl"),
                           ("in", "in", "ADP", "", 14, "case"),
                           ("May", "May", "PROPN", "Number=Sing", 12, "obl"),
                           (".", ".", "PUNCT", "", 3, "punct")])
    assert timex3(analyse(text, published="2013-03-22", tokens=tokens))["May"][1] == "2013-05"
    assert timex3(analyse(text, published="2013-03-22"))["May"][1] == "2012-05"  # verb patterns alone


_PLUPERFECT = [("Until", "until", "ADP", "", 1, "case"),
               ("Monday", "Monday", "PROPN", "Number=Sing", 6, "obl"),
               (",", ",", "PUNCT", "", 1, "punct"),
               ("officials", "official", "NOUN", "Number=Plur", 6, "nsubj"),
               ("had", "have", "AUX", "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", 6, "aux"),
               ("not", "not", "PART", "Polarity=Neg", 6, "advmod"),
               ("named", "name", "VERB", "Tense=Past|VerbForm=Part", 6, "ROOT"),
               ("a", "a", "DET", "Definite=Ind|PronType=Art", 8, "det"),
               ("suspect", "suspect", "NOUN", "Number=Sing", 6, "xcomp"),
               (".", ".", "PUNCT", "", 6, "punct")]
_POSTPONED = [("The", "the", "DET", "Definite=Def|PronType=Art", 1, "det"),
              ("talks", "talk", "NOUN", "Number=Plur", 3, "nsubj:pass"),
              ("were", "be", "AUX", "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", 3, "aux:pass"),
              ("postponed", "postpone", "VERB", "Tense=Past|VerbForm=Part|Voice=Pass", 3, "ROOT"),
              ("until", "until", "ADP", "", 5, "case"),
              ("Monday", "Monday", "PROPN", "Number=Sing", 3, "obl"),
              (".", ".", "PUNCT", "", 3, "punct")]


def test_until_under_a_past_perfect_stays_before_the_story():
    # "had not named" tells a time before a past one: the Monday just gone; a simple past "postponed until"
    # still points ahead
    text = "Until Monday, officials had not named a suspect."
    got = timex3(analyse(text, published="2025-06-18", tokens=parsed(text, _PLUPERFECT)))  # a Wednesday
    assert got["Monday"][1] == "2025-06-16"
    text = "The talks were postponed until Monday."
    got = timex3(analyse(text, published="2025-06-18", tokens=parsed(text, _POSTPONED)))
    assert got["Monday"][1] == "2025-06-23"


def test_a_perfect_progressive_dates_a_partial_date_in_the_past():
    # "have been looking" reaches back from now: the March 3 before the story, not the nearer one ahead
    text = "Police have been looking for him since the March 3 robbery."
    tokens = parsed(text, [("Police", "police", "NOUN", "Number=Plur", 3, "nsubj"),
                           ("have", "have", "AUX", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", 3, "aux"),
                           ("been", "be", "AUX", "Tense=Past|VerbForm=Part", 3, "aux"),
                           ("looking", "look", "VERB", "Tense=Pres|VerbForm=Part", 3, "ROOT"),
                           ("for", "for", "ADP", "", 5, "case"),
                           ("him", "he", "PRON", "Case=Acc|Number=Sing|Person=3|PronType=Prs", 3, "obl"),
                           ("since", "since", "ADP", "", 10, "case"),
                           ("the", "the", "DET", "Definite=Def|PronType=Art", 10, "det"),
                           ("March", "March", "PROPN", "Number=Sing", 9, "nmod:unmarked"),
                           ("3", "3", "NUM", "NumForm=Digit|NumType=Card", 10, "compound"),
                           ("robbery", "robbery", "NOUN", "Number=Sing", 3, "obl"),
                           (".", ".", "PUNCT", "", 3, "punct")])
    assert timex3(analyse(text, published="2025-01-10", tokens=tokens))["March 3"][1] == "2024-03-03"
