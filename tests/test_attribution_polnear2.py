"""English reported speech as PolNeAR annotates it (issue 12), second pass: what "according to" names is a
source whatever noun it is, a model's lemma cut at the wrong letter still finds its cue, and a rule's
content that the parse's clause of the same cue holds twice over takes the clause. Hand-written parses
(UD v2) of sentences written for these tests, as in test_attribution.py, and the shipped English model where
the rules' misreading comes from its parse."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.attribution import _repairs
from garante.pipeline import analyse_text

from test_attribution import CTX, LEAD, only, parsed


def test_according_to_any_noun_names_it_as_the_source():
    doc = parsed("en", "According to the town charter, the mill closed in spring.", """
According according VERB 5 case VerbForm=Ger
to to ADP 1 fixed
the the DET 5 det
town town NOUN 5 compound
charter charter NOUN 9 obl Number=Sing
, , PUNCT 5 punct
the the DET 8 det
mill mill NOUN 9 nsubj
closed close VERB 0 root
in in ADP 11 case
spring spring NOUN 9 obl
. . PUNCT 9 punct
""")
    st = only(doc)
    assert st.speaker_name == "the town charter"
    assert st.content == "the mill closed in spring"
    assert st.rule == "parse-according"


def test_a_noun_that_is_no_speaker_still_needs_a_verb_of_saying():
    doc = parsed("en", "The town charter lists the mill as closed.", """
The the DET 3 det
town town NOUN 3 compound
charter charter NOUN 4 nsubj Number=Sing
lists list VERB 0 root
the the DET 6 det
mill mill NOUN 4 obj
as as ADP 8 case
closed closed ADJ 4 obl
. . PUNCT 4 punct
""")
    assert not doc.statements


def test_a_lemma_cut_at_the_wrong_letter_is_repaired_to_a_listed_verb():
    assert "tweet" in _repairs("tweete")
    assert "refer" in _repairs("referre")
    assert "dub" in _repairs("dubb")
    assert "emphasize" in _repairs("emphasiz")
    assert "agree" not in _repairs("agree")


def test_a_verb_lemmatised_with_a_stray_e_is_still_a_cue():
    doc = parsed("en", "Ms. Okafor tweete that the bridge would reopen soon.", """
Ms. Ms. PROPN 2 nmod:desc
Okafor Okafor PROPN 3 nsubj
tweete tweete VERB 0 root
that that SCONJ 8 mark
the the DET 6 det
bridge bridge NOUN 8 nsubj
would would AUX 8 aux
reopen reopen VERB 3 ccomp
soon soon ADV 8 advmod
. . PUNCT 3 punct
""")
    st = only(doc)
    assert st.content == "the bridge would reopen soon"
    assert st.attrs["cue_lemma"] == "tweet"


@pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
def test_a_clause_the_rules_cut_short_is_read_whole_from_the_parse():
    # the rules end the words of "said" at "was", taking "was asked" for a tag of its own
    doc = analyse_text(" date 2025-09-05\nTitle\n\n" + LEAD["en"] + "\n\n"
                       "As a young reporter at a small paper in Ohio, Dana K. Moore said she was asked to cover a "
                       "trial about a fraud she had studied.\n", ctx=CTX)
    said = next(st for st in doc.statements if st.cue == "said")
    assert said.content == "she was asked to cover a trial about a fraud she had studied"
