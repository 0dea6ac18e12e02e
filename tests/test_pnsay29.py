"""Listed verbs of saying (twenty-ninth session, PolNeAR issue 12), on sentences written for these tests: a
quotation after a tag is the rest of the quotation before it, unless a verb of saying of its own reports it
(merge.link_continuations), a gerund after a comma too ("adding later, “…”": en gerund_complement); a complement clause the parse split in two right after the cue is one content
(clause_bounds.clause_with_conjuncts)."""
from __future__ import annotations

from conftest import LEAD_EN
from garante.pipeline import Context, analyse_text
from test_attribution import parsed

EVERY = Context(options={"attribution_frames": "all"})


def _analyse(paragraph: str, ctx: Context | None = None):
    capture = " date 2025-09-05 WORLD\nSecurity guarantees debate goes on\n\n" + LEAD_EN + "\n\n" + paragraph + "\n"
    return analyse_text(capture, source="test.txt", ctx=ctx or EVERY)


def _part(doc, words: str):
    return next(st for st in doc.statements if st.content.startswith(words))


def test_a_quotation_a_second_verb_of_saying_reports_is_not_linked_to_the_first():
    for ctx in (EVERY, Context()):
        doc = _analyse("“We will not pay for the convoys anymore,” the mayor, Ivan Sadovyi, said on Monday, adding "
                       "later, “The city is spending a fortune on fuel.”", ctx)
        second = _part(doc, "The city is spending")
        assert second.speaker_name == "Ivan Sadovyi"
        assert second.attrs.get("continues") is None


def test_a_quotation_going_on_after_its_tag_is_still_linked():
    doc = _analyse("“We will not pay for the convoys anymore,” the mayor, Ivan Sadovyi, said on Monday. "
                   "“The city is spending a fortune on fuel.”")
    first = doc.statements.index(_part(doc, "We will not pay"))
    assert _part(doc, "The city is spending").attrs.get("continues") == first


def test_a_verb_of_saying_in_another_sentence_does_not_unlink():
    doc = _analyse("“We will not pay for the convoys anymore,” the mayor, Ivan Sadovyi, said as his deputy spoke "
                   "to the press. “The city is spending a fortune on fuel.”")
    first = doc.statements.index(_part(doc, "We will not pay"))
    assert _part(doc, "The city is spending").attrs.get("continues") == first


SPLIT_COMPLEMENT = """
Local local ADJ 2 amod
farmers farmer NOUN 3 nsubj
said say VERB 0 root VerbForm=Fin
they they PRON 5 nsubj PronType=Prs
hoped hope VERB 3 ccomp VerbForm=Fin
the the DET 7 det
bridge bridge NOUN 5 obj
will will AUX 9 aux VerbForm=Fin
reopen reopen VERB 3 ccomp VerbForm=Inf
in in ADP 11 case
May May PROPN 9 obl
. . PUNCT 3 punct
"""


def test_a_complement_the_parse_split_in_two_is_one_content():
    doc = parsed("en", "Local farmers said they hoped the bridge will reopen in May.", SPLIT_COMPLEMENT, EVERY)
    assert "they hoped the bridge will reopen in May" in [st.content for st in doc.statements]
    assert "they hoped the bridge" not in [st.content for st in doc.statements]


AFTER_A_QUOTATION = """
The the DET 2 det
company company NOUN 3 nsubj
said say VERB 0 root VerbForm=Fin
: : PUNCT 8 punct
“ “ PUNCT 8 punct
The the DET 7 det
plant plant NOUN 8 nsubj
worked work VERB 3 ccomp VerbForm=Fin
, , PUNCT 8 punct
” ” PUNCT 8 punct
adding add VERB 3 ccomp VerbForm=Ger
that that SCONJ 16 mark
its its PRON 14 nmod:poss PronType=Prs
sales sale NOUN 16 nsubj
had have AUX 16 aux VerbForm=Fin
doubled double VERB 11 ccomp VerbForm=Part
. . PUNCT 3 punct
"""


def test_a_second_complement_after_a_quotation_is_a_report_of_its_own():
    doc = parsed("en", "The company said: “The plant worked,” adding that its sales had doubled.", AFTER_A_QUOTATION,
                 EVERY)
    contents = [st.content for st in doc.statements]
    assert "The plant worked" in contents
    assert not any(c.startswith("The plant") and "sales" in c for c in contents)


def test_a_gerund_of_saying_set_off_by_commas_reports_the_quotation_after_it():
    for words in ("adding later,", "adding,"):
        doc = _analyse(f"“We will not pay for the convoys anymore,” the mayor, Ivan Sadovyi, said on Monday, {words} "
                       "“The city is spending a fortune on fuel.”")
        second = _part(doc, "The city is spending")
        assert (second.cue, second.speaker_name) == ("adding", "Ivan Sadovyi")
