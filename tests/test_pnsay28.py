"""Where the content of a listed verb of saying ends (twenty-eighth session, PolNeAR issue 12;
attribution/clause_bounds.py), on sentences written for these tests with hand-written parses that carry the
misattachments a model makes: a second predicate of the speaker coordinated with the cue is left out of a
rule's "X said …"; the clauses the parse hung on the cue that go on with its complement are taken in; a
finite clause before the cue that the parse made an adverbial clause of it is what the cue reports."""
from __future__ import annotations

from test_attribution import parsed


def _contents(doc) -> list[tuple[str, str]]:
    return [(st.speaker_name, st.content) for st in doc.statements]


def test_a_second_predicate_of_the_speaker_is_cut_off():
    doc = parsed("en", "Zelensky said the army ended the drills, but Zelensky did not say when.", """
Zelensky Zelensky PROPN 2 nsubj
said say VERB 0 root VerbForm=Fin
the the DET 4 det
army army NOUN 5 nsubj
ended end VERB 2 ccomp VerbForm=Fin
the the DET 7 det
drills drill NOUN 5 obj
, , PUNCT 13 punct
but but CCONJ 13 cc
Zelensky Zelensky PROPN 13 nsubj
did do AUX 13 aux VerbForm=Fin
not not PART 13 advmod
say say VERB 2 conj VerbForm=Inf
when when ADV 13 advmod PronType=Int
. . PUNCT 2 punct
""")
    assert [(st.rule, st.content) for st in doc.statements] == [("leading", "the army ended the drills")]


def test_a_conjunct_with_a_pronoun_subject_may_be_what_was_said():
    doc = parsed("en", "Zelensky said the envoy started the quarrel and she ended it.", """
Zelensky Zelensky PROPN 2 nsubj
said say VERB 0 root VerbForm=Fin
the the DET 4 det
envoy envoy NOUN 5 nsubj
started start VERB 2 ccomp VerbForm=Fin
the the DET 7 det
quarrel quarrel NOUN 5 obj
and and CCONJ 10 cc
she she PRON 10 nsubj PronType=Prs
ended end VERB 2 conj VerbForm=Fin
it it PRON 10 obj PronType=Prs
. . PUNCT 2 punct
""")
    assert [(st.rule, st.content) for st in doc.statements] == [
        ("leading", "the envoy started the quarrel and she ended it")]


def test_a_second_that_clause_hung_on_the_cue_is_part_of_the_content():
    doc = parsed("en", "The ministry said the bridge would reopen in May and that a ferry would follow.", """
The the DET 2 det
ministry ministry NOUN 3 nsubj
said say VERB 0 root VerbForm=Fin
the the DET 5 det
bridge bridge NOUN 7 nsubj
would would AUX 7 aux VerbForm=Fin
reopen reopen VERB 3 ccomp VerbForm=Inf
in in ADP 9 case
May May PROPN 7 obl
and and CCONJ 15 cc
that that SCONJ 15 mark
a a DET 13 det
ferry ferry NOUN 15 nsubj
would would AUX 15 aux VerbForm=Fin
follow follow VERB 3 conj VerbForm=Inf
. . PUNCT 3 punct
""")
    assert _contents(doc) == [("The ministry", "the bridge would reopen in May and that a ferry would follow")]


def test_a_clause_coordinated_with_a_fronted_content_is_part_of_it():
    doc = parsed("en", "The convoy was due at the border, but the guards sent it back, an official said.", """
The the DET 2 det
convoy convoy NOUN 4 nsubj
was be AUX 4 cop VerbForm=Fin
due due ADJ 18 ccomp
at at ADP 7 case
the the DET 7 det
border border NOUN 4 obl
, , PUNCT 12 punct
but but CCONJ 12 cc
the the DET 11 det
guards guard NOUN 12 nsubj
sent send VERB 18 advcl VerbForm=Fin
it it PRON 12 obj PronType=Prs
back back ADV 12 advmod
, , PUNCT 12 punct
an a DET 17 det
official official NOUN 18 nsubj
said say VERB 0 root VerbForm=Fin
. . PUNCT 18 punct
""")
    assert _contents(doc) == [("an official", "The convoy was due at the border, but the guards sent it back")]


FRONTED = """
{opening}
the the DET 3 det
clinic clinic NOUN 4 nsubj
closed close VERB 9 advcl VerbForm=Fin
, , PUNCT 4 punct
a a DET 8 det
city city NOUN 8 compound
spokesman spokesman NOUN 9 nsubj
told tell VERB 0 root VerbForm=Fin
the the DET 11 det
paper paper NOUN 9 iobj
. . PUNCT 9 punct
"""


def test_an_unsubordinated_clause_before_the_cue_is_its_content():
    doc = parsed("en", "Yesterday the clinic closed, a city spokesman told the paper.",
                 FRONTED.format(opening="Yesterday yesterday ADV 4 advmod"))
    assert _contents(doc) == [("a city spokesman", "Yesterday the clinic closed")]


def test_a_subordinated_clause_before_the_cue_is_not():
    doc = parsed("en", "When the clinic closed, a city spokesman told the paper.",
                 FRONTED.format(opening="When when ADV 4 advmod PronType=Int"))
    assert _contents(doc) == []


TAG_BEFORE_AN_ADJUNCT = """
The the DET 2 det
agency agency NOUN 5 nsubj
“ “ PUNCT 5 punct
has have AUX 5 aux VerbForm=Fin
made make VERB 11 ccomp VerbForm=Part
real real ADJ 7 amod
progress progress NOUN 5 obj
, , PUNCT 5 punct
” ” PUNCT 5 punct
Zelensky Zelensky PROPN 11 nsubj
said say VERB 0 root VerbForm=Fin
{after}
. . PUNCT 11 punct
"""


def test_a_tag_after_the_content_ends_it_before_the_speakers_own_adjuncts():
    doc = parsed("en", "The agency “has made real progress,” Zelensky said on Monday, citing the new hires.",
                 TAG_BEFORE_AN_ADJUNCT.format(after="""on on ADP 13 case
Monday Monday PROPN 11 obl
, , PUNCT 15 punct
citing cite VERB 11 advcl VerbForm=Ger
the the DET 18 det
new new ADJ 18 amod
hires hire NOUN 15 obj"""))
    assert [st.content for st in doc.statements if st.cue == "said"] == ["The agency “has made real progress,”"]


def test_a_tag_inside_the_content_leaves_the_clause_after_it():
    doc = parsed("en", "The agency “has made real progress,” Zelensky said, until it lost its staff.",
                 TAG_BEFORE_AN_ADJUNCT.format(after=""", , PUNCT 16 punct
until until SCONJ 16 mark
it it PRON 16 nsubj PronType=Prs
lost lose VERB 11 advcl VerbForm=Fin
its its PRON 18 nmod:poss
staff staff NOUN 16 obj"""))
    assert [st.content for st in doc.statements if st.cue == "said"] == [
        "The agency “has made real progress,” Zelensky said, until it lost its staff"]
