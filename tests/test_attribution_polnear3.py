"""English reported speech as PolNeAR annotates it (issue 12), third pass: verbs of expecting and realising
take a "that"-clause, adjectives of fear and worry report one ("officials are afraid that …"), and verbs of
seeing one thing as another name it as the naming verbs do ("sees the treaty as a chance"). Hand-written
parses (UD v2) of sentences written for these tests, as in test_attribution.py."""
from __future__ import annotations

from garante.pipeline import Context

from test_attribution import only, parsed

EVERY = Context(options={"attribution_frames": "all"})


def test_expect_with_a_that_clause_reports_what_is_expected():
    doc = parsed("en", "The agency expects that exports will shrink next year.", """
The the DET 2 det
agency agency NOUN 3 nsubj Number=Sing
expects expect VERB 0 root
that that SCONJ 7 mark
exports export NOUN 7 nsubj Number=Plur
will will AUX 7 aux
shrink shrink VERB 3 ccomp
next next ADJ 9 amod
year year NOUN 7 obl:tmod
. . PUNCT 3 punct
""")
    st = only(doc)
    assert st.content == "exports will shrink next year"
    assert st.rule == "parse-clause"
    assert st.attrs.get("cue_class") == "belief"  # (a belief, not something said)


def test_an_adjective_of_fear_with_a_that_clause_is_a_statement_of_its_subject():
    doc = parsed("en", "Two officials were afraid that the ferry would not sail.", """
Two two NUM 2 nummod
officials official NOUN 4 nsubj Number=Plur
were be AUX 4 cop
afraid afraid ADJ 0 root
that that SCONJ 10 mark
the the DET 7 det
ferry ferry NOUN 10 nsubj Number=Sing
would would AUX 10 aux
not not PART 10 advmod
sail sail VERB 4 ccomp
. . PUNCT 4 punct
""")
    st = only(doc)
    assert st.content == "the ferry would not sail"
    assert st.rule == "parse-adjective"
    assert st.attrs.get("cue_class") == "belief"


def test_worried_without_a_clause_reports_nothing():
    doc = parsed("en", "Two officials were worried.", """
Two two NUM 2 nummod
officials official NOUN 4 nsubj Number=Plur
were be AUX 4 cop
worried worried ADJ 0 root
. . PUNCT 4 punct
""")
    assert not doc.statements


def test_seeing_one_thing_as_another_names_it_where_every_frame_is_asked_for():
    text = "The senator sees the ferry deal as a chance for the port."
    conllu = """
The the DET 2 det
senator senator NOUN 3 nsubj Number=Sing
sees see VERB 0 root
the the DET 6 det
ferry ferry NOUN 6 compound
deal deal NOUN 3 obj Number=Sing
as as ADP 9 case
a a DET 9 det
chance chance NOUN 3 obl
for for ADP 12 case
the the DET 12 det
port port NOUN 9 nmod
. . PUNCT 3 punct
"""
    st = only(parsed("en", text, conllu, EVERY))
    assert st.content == "the ferry deal as a chance for the port"
    assert st.rule == "parse-naming"
    assert not parsed("en", text, conllu).statements  # (not a frame kept by default)


def test_seeing_without_an_as_phrase_names_nothing():
    doc = parsed("en", "The senator saw the ferry at the port.", """
The the DET 2 det
senator senator NOUN 3 nsubj Number=Sing
saw see VERB 0 root
the the DET 5 det
ferry ferry NOUN 3 obj Number=Sing
at at ADP 8 case
the the DET 8 det
port port NOUN 3 obl
. . PUNCT 3 punct
""", EVERY)
    assert not doc.statements

