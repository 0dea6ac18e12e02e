"""English reported speech the parse misreads (issue 12, PolNeAR), fourth pass: a verb's present third
person the tagger read as a plural noun ("Another chart shows that …", "… and plans to …"), and a comment
clause with "as" that the parse hangs on the clause it reports ("As the minister said, …", "…, as the
minister said"): ``extract/attribution/recovered.py``. Hand-written parses (UD v2, with the misreadings a
tagger makes) of sentences written for these tests, as in test_attribution.py."""
from __future__ import annotations

from garante.extract.attribution import attribution_lexicon, find_frames
from garante.pipeline import Context

from test_attribution import only, parsed

EVERY = Context(options={"attribution_frames": "all"})

CHART_SHOWS = """
Another another DET 3 det
chart chart NOUN 3 compound
shows show NOUN 0 root Number=Plur
that that SCONJ 9 mark
grain grain NOUN 6 compound
exports export NOUN 9 nsubj Number=Plur
to to ADP 8 case
ports port NOUN 6 nmod Number=Plur
fell fall VERB 3 acl
sharply sharply ADV 9 advmod
. . PUNCT 3 punct
"""


def test_a_verb_read_as_a_noun_reports_its_that_clause():
    doc = parsed("en", "Another chart shows that grain exports to ports fell sharply.", CHART_SHOWS)
    st = only(doc)
    assert st.content == "grain exports to ports fell sharply"
    assert st.rule == "parse-verb-as-noun"


def test_a_verb_read_as_a_noun_with_its_subject_as_a_compound():
    doc = parsed("en", "Harlow charges that the company dumped waste into the river.", """
Harlow Harlow PROPN 2 compound
charges charge NOUN 0 root Number=Plur
that that SCONJ 6 mark
the the DET 5 det
company company NOUN 6 nsubj
dumped dump VERB 2 acl:relcl
waste waste NOUN 6 obj
into into ADP 10 case
the the DET 10 det
river river NOUN 6 obl
. . PUNCT 2 punct
""")
    st = only(doc)
    assert st.content == "the company dumped waste into the river"
    assert st.rule == "parse-verb-as-noun-wordnet"  # ("charge" is a cue of the broad lexicon)
    assert st.speaker_name == "Harlow"


PLANS = """
The the DET 2 det
governor governor NOUN 3 nsubj
cut cut VERB 0 root
the the DET 6 det
fuel fuel NOUN 6 compound
levy levy NOUN 3 obj
, , PUNCT 9 punct
and and CCONJ 9 cc
plans plan NOUN 3 conj Number=Plur
to to PART 11 mark
scrap scrap VERB 9 xcomp
the the DET 14 det
bread bread NOUN 14 compound
tax tax NOUN 11 obj
. . PUNCT 3 punct
"""


def test_a_verb_read_as_a_noun_takes_its_infinitive_where_every_frame_is_asked_for():
    text = "The governor cut the fuel levy, and plans to scrap the bread tax."
    st = only(parsed("en", text, PLANS, EVERY))
    assert st.content == "to scrap the bread tax"
    assert st.rule == "parse-verb-as-noun-xcomp"
    assert "governor" in st.speaker_name.lower()  # (the subject of the verb it is conjoined to)
    assert not parsed("en", text, PLANS).statements  # (an infinitive is no statement by default)


def test_a_real_plural_noun_with_a_relative_clause_is_no_cue():
    doc = parsed("en", "The plans that the council approved were costly.", """
The the DET 2 det
plans plan NOUN 7 nsubj Number=Plur
that that PRON 5 obj
the the DET 4 det
council council NOUN 5 nsubj
approved approve VERB 2 acl:relcl
were be AUX 7 cop
costly costly ADJ 0 root
. . PUNCT 7 punct
""")
    assert not doc.statements


LEADING_AS = """
As as SCONJ 4 mark
the the DET 3 det
minister minister NOUN 4 nsubj
said say VERB 12 advcl
on on ADP 6 case
Monday Monday PROPN 4 obl
, , PUNCT 4 punct
the the DET 10 det
new new ADJ 10 amod
bridge bridge NOUN 12 nsubj
will will AUX 12 aux
open open VERB 0 root
in in ADP 14 case
May May PROPN 12 obl
. . PUNCT 12 punct
"""


def test_a_comment_clause_before_the_clause_it_reports():
    doc = parsed("en", "As the minister said on Monday, the new bridge will open in May.", LEADING_AS)
    st = only(doc)
    assert st.content == "the new bridge will open in May"
    assert st.rule == "parse-comment-clause"
    assert "minister" in st.speaker_name.lower()


def test_a_comment_clause_after_the_clause_it_reports():
    doc = parsed("en", "The new bridge will open in May, as the minister said.", """
The the DET 3 det
new new ADJ 3 amod
bridge bridge NOUN 5 nsubj
will will AUX 5 aux
open open VERB 0 root
in in ADP 7 case
May May PROPN 5 obl
, , PUNCT 12 punct
as as SCONJ 12 mark
the the DET 11 det
minister minister NOUN 12 nsubj
said say VERB 5 advcl
. . PUNCT 5 punct
""")
    st = only(doc)
    assert st.content == "The new bridge will open in May"
    assert st.rule == "parse-comment-clause"


def test_as_soon_as_and_a_comment_clause_without_a_speaker_report_nothing():
    doc = parsed("en", "As soon as the minister spoke, the crowd left the square.", """
As as ADV 2 advmod
soon soon ADV 5 advmod
as as SCONJ 5 mark
the the DET 4 det
minister minister NOUN 5 nsubj
spoke speak VERB 9 advcl
, , PUNCT 5 punct
the the DET 8 det
crowd crowd NOUN 9 nsubj
left leave VERB 0 root
the the DET 11 det
square square NOUN 9 obj
. . PUNCT 9 punct
""")
    assert not doc.statements
    doc = parsed("en", "As predicted, the new bridge will open in May.", """
As as SCONJ 2 mark
predicted predict VERB 8 advcl
, , PUNCT 2 punct
the the DET 6 det
new new ADJ 6 amod
bridge bridge NOUN 8 nsubj
will will AUX 8 aux
open open VERB 0 root
in in ADP 10 case
May May PROPN 8 obl
. . PUNCT 8 punct
""")
    assert not doc.statements


def test_a_comment_clause_on_a_report_or_inside_its_clause_is_left_to_the_report():
    doc = parsed("en", "The envoy said the convoy had left, as the mayor noted.", """
The the DET 2 det
envoy envoy NOUN 3 nsubj
said say VERB 0 root
the the DET 5 det
convoy convoy NOUN 7 nsubj
had have AUX 7 aux
left leave VERB 3 ccomp
, , PUNCT 12 punct
as as SCONJ 12 mark
the the DET 11 det
mayor mayor NOUN 12 nsubj
noted note VERB 3 advcl
. . PUNCT 3 punct
""")
    assert [s.rule for s in doc.statements] == ["parse-clause"]  # (the envoy's, not the mayor's)
    doc = parsed("en", "Their wish, as the mayor noted twice, is a quick vote.", """
Their their PRON 2 nmod:poss
wish wish NOUN 13 nsubj
, , PUNCT 7 punct
as as SCONJ 7 mark
the the DET 6 det
mayor mayor NOUN 7 nsubj
noted note VERB 13 advcl
twice twice ADV 7 advmod
, , PUNCT 7 punct
is be AUX 13 cop
a a DET 13 det
quick quick ADJ 13 amod
vote vote NOUN 0 root
. . PUNCT 13 punct
""")
    assert not [s for s in doc.statements if s.rule == "parse-comment-clause"]


def test_an_italian_comment_clause_with_its_subject_after_the_verb():
    doc = parsed("it", "La missione partirà in primavera, come ha ricordato Crosetto.", """
La il DET 2 det
missione missione NOUN 3 nsubj
partirà partire VERB 0 root
in in ADP 5 case
primavera primavera NOUN 3 obl
, , PUNCT 9 punct
come come SCONJ 9 mark
ha avere AUX 9 aux
ricordato ricordare VERB 3 advcl
Crosetto Crosetto PROPN 9 obj
. . PUNCT 3 punct
""")
    st = only(doc)  # (the rules' "come ha ricordato X" finds a name; the parse's frame is the same one)
    assert st.content == "La missione partirà in primavera"
    assert "Crosetto" in st.speaker_name
    frames = find_frames(doc, attribution_lexicon("it"))
    assert [(f.frame, f.source.text) for f in frames] == [("comment-clause", "Crosetto")]
