"""The broad cue lexicon derived from open wordnets (data/lang/<code>/attribution_wordnet.yaml): its
weak cues are candidates only in a reporting frame over the parse (then the learned scorer judges
them; here one that keeps every candidate, to test the frame alone). Hand-written parses (UD v2) of
sentences written for these tests, as in test_attribution.py."""
from __future__ import annotations

from garante.extract.attribution import attribution_lexicon
from garante.lang import topic

from test_attribution import only, parsed
from test_attribution_scorer import KEEP_ALL

CONFESSED = """
The the DET 2 det
spokesman spokesman NOUN 3 nsubj Number=Sing
confessed confess VERB 0 root
that that SCONJ 8 mark
the the DET 6 det
talks talk NOUN 8 nsubj Number=Plur
had have AUX 8 aux
stalled stall VERB 3 ccomp
. . PUNCT 3 punct
"""


def test_the_derived_lexicon_names_its_source_and_licence_and_loads():
    for code, licence in (("en", "CC BY 4.0"), ("it", "CC BY 3.0")):
        data = topic(code, "attribution_wordnet")
        assert licence in data["licence"] and "github:" in data["source"]
        lex = attribution_lexicon(code)
        assert len(lex.broad_verbs) > 200 and len(lex.broad_nouns) > 200
    assert "confess" in attribution_lexicon("en").broad_verbs
    assert "asserire" in attribution_lexicon("it").broad_verbs


def test_a_weak_cue_with_a_that_clause_and_a_subject_is_a_statement():
    doc = parsed("en", "The spokesman confessed that the talks had stalled.", CONFESSED, ctx=KEEP_ALL)
    st = only(doc)
    assert st.rule == "parse-clause-wordnet" and st.attrs["cue_lemma"] == "confess"
    assert st.speaker_name == "The spokesman" and st.content == "the talks had stalled"


def test_a_weak_cue_without_a_complementizer_makes_no_statement():
    doc = parsed("en", "The spokesman confessed the talks had stalled.", """
The the DET 2 det
spokesman spokesman NOUN 3 nsubj Number=Sing
confessed confess VERB 0 root
the the DET 5 det
talks talk NOUN 7 nsubj Number=Plur
had have AUX 7 aux
stalled stall VERB 3 ccomp
. . PUNCT 3 punct
""", ctx=KEEP_ALL)
    assert doc.statements == []


def test_a_negated_weak_cue_reports_nothing():
    doc = parsed("en", "The spokesman never confessed that the talks had stalled.", """
The the DET 2 det
spokesman spokesman NOUN 4 nsubj Number=Sing
never never ADV 4 advmod Polarity=Neg
confessed confess VERB 0 root
that that SCONJ 9 mark
the the DET 7 det
talks talk NOUN 9 nsubj Number=Plur
had have AUX 9 aux
stalled stall VERB 4 ccomp
. . PUNCT 4 punct
""", ctx=KEEP_ALL)
    assert doc.statements == []


def test_an_italian_weak_cue_with_che_is_a_statement():
    doc = parsed("it", "Il portavoce ha asserito che i colloqui riprenderanno lunedì.", """
Il il DET 2 det
portavoce portavoce NOUN 4 nsubj Number=Sing
ha avere AUX 4 aux
asserito asserire VERB 0 root
che che SCONJ 8 mark
i il DET 7 det
colloqui colloquio NOUN 8 nsubj Number=Plur
riprenderanno riprendere VERB 4 ccomp
lunedì lunedì NOUN 8 obl
. . PUNCT 4 punct
""", ctx=KEEP_ALL)
    st = only(doc)
    assert st.rule == "parse-clause-wordnet"
    assert st.content == "i colloqui riprenderanno lunedì"
