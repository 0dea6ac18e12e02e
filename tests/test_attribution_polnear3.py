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


def test_a_quantifier_alone_names_a_group_of_speakers():
    doc = parsed("en", "Some argue that the tolls were too high.", """
Some some PRON 2 nsubj
argue argue VERB 0 root
that that SCONJ 8 mark
the the DET 5 det
tolls toll NOUN 8 nsubj Number=Plur
were be AUX 8 cop
too too ADV 8 advmod
high high ADJ 2 ccomp
. . PUNCT 2 punct
""")
    st = only(doc)
    assert st.speaker_name == "Some"
    assert st.attrs.get("speaker_kind") == "group"
    assert st.content == "the tolls were too high"


def test_a_quantifier_of_a_noun_that_speaks_names_that_group():
    doc = parsed("en", "Many of the envoys believe that the ferry will sail.", """
Many many ADJ 6 nsubj
of of ADP 4 case
the the DET 4 det
envoys envoy NOUN 1 nmod Number=Plur
believe believe VERB 0 root
that that SCONJ 10 mark
the the DET 8 det
ferry ferry NOUN 10 nsubj Number=Sing
will will AUX 10 aux
sail sail VERB 6 ccomp
. . PUNCT 6 punct
""".replace("ADJ 6 nsubj", "ADJ 5 nsubj").replace("VERB 6 ccomp", "VERB 5 ccomp").replace("PUNCT 6", "PUNCT 5"))
    st = only(doc)
    assert st.speaker_name == "Many of the envoys"
    assert st.content == "the ferry will sail"


def test_all_alone_or_of_a_noun_that_cannot_speak_names_no_speaker():
    # (a verb of saying takes any noun: "many of the slides show" is a source, as "one slide says")
    for text, conllu in (("All agreed that the ferry would sail.", """
All all PRON 2 nsubj
agreed agree VERB 0 root
that that SCONJ 7 mark
the the DET 5 det
ferry ferry NOUN 7 nsubj Number=Sing
would would AUX 7 aux
sail sail VERB 2 ccomp
. . PUNCT 2 punct
"""), ("Many of the bridges believe that the river rose.", """
Many many ADJ 5 nsubj
of of ADP 4 case
the the DET 4 det
bridges bridge NOUN 1 nmod Number=Plur
believe believe VERB 0 root
that that SCONJ 9 mark
the the DET 8 det
river river NOUN 9 nsubj Number=Sing
rose rise VERB 5 ccomp
. . PUNCT 5 punct
""")):
        assert not parsed("en", text, conllu).statements, text


def test_a_concessive_clause_the_parse_took_for_the_complement_is_no_content():
    doc = parsed("en", "Whatever deal is reached, the ministry expects Europe to pay.", """
Whatever whatever DET 2 det
deal deal NOUN 4 nsubj:pass Number=Sing
is be AUX 4 aux:pass
reached reach VERB 9 ccomp
, , PUNCT 4 punct
the the DET 7 det
ministry ministry NOUN 8 nsubj Number=Sing
expects expect VERB 0 root
Europe Europe PROPN 8 obj
to to PART 11 mark
pay pay VERB 8 xcomp
. . PUNCT 8 punct
""".replace("VERB 9 ccomp", "VERB 8 ccomp"))
    assert not [s for s in doc.statements if s.content.startswith("Whatever")]


def test_a_concessive_clause_inside_the_content_stays_in_it():
    doc = parsed("en", "Whatever happens, the bridge will stay open, the mayor said.", """
Whatever whatever PRON 2 nsubj
happens happen VERB 8 advcl
, , PUNCT 2 punct
the the DET 5 det
bridge bridge NOUN 7 nsubj Number=Sing
will will AUX 7 aux
stay stay VERB 12 ccomp
open open ADJ 7 xcomp
, , PUNCT 7 punct
the the DET 11 det
mayor mayor NOUN 12 nsubj Number=Sing
said say VERB 0 root
. . PUNCT 12 punct
""".replace("VERB 8 advcl", "VERB 7 advcl"))
    st = only(doc)
    assert st.content.startswith("Whatever happens, the bridge will stay open")
