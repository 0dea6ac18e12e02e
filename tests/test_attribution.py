"""Attribution on the parse (garante.extract.attribution), on sentences written for these tests.

The parses are written by hand in Universal Dependencies v2 (as a treebank would have them), so these
tests check the frames, sources and merging whatever model is installed; the tests at the end run the
shipped models themselves and are skipped when a language has none."""
from __future__ import annotations

import pytest

from garante import nlp
from garante.extract.entities import EntityLinker
from garante.extract.sentences import SentenceSplitter
from garante.extract.statements import StatementExtractor
from garante.extract.timex import TimeTagger
from garante.ingest import Capture
from garante.pipeline import Context, Pipeline, analyse_text
from garante.present.export import document_record

CTX = Context()
BEFORE_STATEMENTS = Pipeline(CTX, [SentenceSplitter(), EntityLinker(), TimeTagger()])
LEAD = {"en": "Diplomats kept discussing security guarantees for Ukraine on Friday.",
        "it": "La diplomazia continua a discutere delle garanzie di sicurezza per l'Ucraina."}


def parsed(lang: str, paragraph: str, conllu: str, ctx: Context = CTX):
    """The document of one ``paragraph`` after a lead paragraph, with the hand-written parse ``conllu``:
    one token a line (form lemma UPOS head deprel [feats]), a blank line between sentences, heads
    counted from 1 within their sentence (0: the root); its statements made in ``ctx``."""
    from garante.clean import clean
    capture = f" date 2025-09-05\nTitle of the test\n\n{LEAD[lang]}\n\n{paragraph}\n"
    doc = BEFORE_STATEMENTS(clean(Capture(source="t.txt", raw=capture, format="text")))
    doc.meta["language"] = lang
    at = doc.text.index(paragraph)
    for n, block in enumerate(conllu.strip().split("\n\n")):
        base = len(doc.tokens)
        for line in block.strip().splitlines():
            form, lemma, pos, head, dep, *feats = line.split()
            start = doc.text.index(form, at)
            at = start + len(form)
            i = len(doc.tokens)
            doc.tokens.append(nlp.Token(i, start, at, form, lemma, pos, feats[0] if feats else "",
                                        base + int(head) - 1 if int(head) else i,
                                        "ROOT" if dep == "root" else dep, n))
    StatementExtractor()(doc, ctx)
    return doc


def only(doc):
    assert len(doc.statements) == 1, [(s.speaker_name, s.content) for s in doc.statements]
    return doc.statements[0]


US_OFFICIAL = """
A a DET 4 det
senior senior ADJ 4 amod
US US PROPN 4 compound
official official NOUN 5 nsubj Number=Sing
said say VERB 0 root
the the DET 7 det
talks talk NOUN 9 nsubj Number=Plur
would would AUX 9 aux
resume resume VERB 5 ccomp
on on ADP 11 case
Monday Monday PROPN 9 obl
. . PUNCT 5 punct
"""


def test_anonymous_source_speaks_for_the_state_it_names():
    doc = parsed("en", "A senior US official said the talks would resume on Monday.", US_OFFICIAL)
    st = only(doc)
    assert st.speaker_name == "A senior US official"
    assert st.attrs["speaker_kind"] == "anonymous"
    assert st.on_behalf_of_name == "United States"
    assert st.content == "the talks would resume on Monday"
    assert doc.text[st.speaker_start:st.speaker_end] == "A senior US official"


def test_a_group_of_leaders_is_a_speaker_of_kind_group():
    doc = parsed("en", "European leaders insisted that Ukraine must be part of any deal.", """
European European ADJ 2 amod
leaders leader NOUN 3 nsubj Number=Plur
insisted insist VERB 0 root
that that SCONJ 8 mark
Ukraine Ukraine PROPN 8 nsubj
must must AUX 8 aux
be be AUX 8 cop
part part NOUN 3 ccomp
of of ADP 11 case
any any DET 11 det
deal deal NOUN 8 nmod
. . PUNCT 3 punct
""")
    st = only(doc)
    assert (st.speaker_name, st.attrs["speaker_kind"]) == ("European leaders", "group")
    assert st.content == "Ukraine must be part of any deal"
    assert st.kind == "indirect" and st.rule == "parse-clause"


def test_an_organisation_noun_speaks_as_an_organisation():
    doc = parsed("en", "The ministry warned that the border would stay closed.", """
The the DET 2 det
ministry ministry NOUN 3 nsubj Number=Sing
warned warn VERB 0 root
that that SCONJ 8 mark
the the DET 6 det
border border NOUN 8 nsubj
would would AUX 8 aux
stay stay VERB 3 ccomp
closed closed ADJ 8 xcomp
. . PUNCT 3 punct
""")
    st = only(doc)
    assert (st.speaker_name, st.attrs["speaker_kind"]) == ("The ministry", "organisation")
    assert st.content == "the border would stay closed"


def test_any_noun_subject_of_a_verb_of_saying_is_a_source():
    doc = parsed("en", "The former chairman said the party should pick a successor.", """
The the DET 3 det
former former ADJ 3 amod
chairman chairman NOUN 4 nsubj Number=Sing
said say VERB 0 root
the the DET 6 det
party party NOUN 8 nsubj
should should AUX 8 aux
pick pick VERB 4 ccomp
a a DET 10 det
successor successor NOUN 8 obj
. . PUNCT 4 punct
""")
    st = only(doc)
    assert (st.speaker_name, st.attrs["speaker_kind"]) == ("The former chairman", "anonymous")
    assert st.content == "the party should pick a successor"


def test_a_noun_that_is_no_speaker_needs_a_verb_of_saying():
    doc = parsed("en", "The strategy signals that the party will pick a successor.", """
The the DET 2 det
strategy strategy NOUN 3 nsubj Number=Sing
signals signal VERB 0 root
that that SCONJ 8 mark
the the DET 6 det
party party NOUN 8 nsubj
will will AUX 8 aux
pick pick VERB 3 ccomp
a a DET 10 det
successor successor NOUN 8 obj
. . PUNCT 3 punct
""")
    assert doc.statements == []


def test_the_source_of_a_relative_clause_is_the_noun_its_pronoun_stands_for():
    doc = parsed("en", "They called an architect who said the clubhouse was never paid for.", """
They they PRON 2 nsubj
called call VERB 0 root
an a DET 4 det
architect architect NOUN 2 obj
who who PRON 6 nsubj PronType=Rel
said say VERB 4 acl:relcl
the the DET 8 det
clubhouse clubhouse NOUN 11 nsubj:pass
was be AUX 11 aux:pass
never never ADV 11 advmod
paid pay VERB 6 ccomp
for for ADP 11 obl
. . PUNCT 2 punct
""")
    st = only(doc)
    assert st.speaker_name == "an architect" and st.attrs["speaker_kind"] == "anonymous"
    assert st.content == "the clubhouse was never paid for"


def test_according_to_names_the_source_and_the_clause_is_the_content():
    doc = parsed("en", "According to diplomats, the summit will take place in Rome.", """
According according VERB 3 case
to to ADP 1 fixed
diplomats diplomat NOUN 8 obl Number=Plur
, , PUNCT 3 punct
the the DET 6 det
summit summit NOUN 8 nsubj
will will AUX 8 aux
take take VERB 0 root
place place NOUN 8 obj
in in ADP 11 case
Rome Rome PROPN 8 obl
. . PUNCT 8 punct
""")
    st = only(doc)
    assert st.speaker_name == "diplomats" and st.attrs["speaker_kind"] == "anonymous"
    assert st.content == "the summit will take place in Rome"
    assert st.rule == "parse-according"


def test_italian_kremlin_sources_are_anonymous_and_speak_for_russia():
    doc = parsed("it", "Fonti del Cremlino hanno detto che i colloqui riprenderanno lunedì.", """
Fonti fonte NOUN 5 nsubj Gender=Fem|Number=Plur
del di ADP 3 case
Cremlino Cremlino PROPN 1 nmod
hanno avere AUX 5 aux
detto dire VERB 0 root
che che SCONJ 9 mark
i il DET 8 det
colloqui colloquio NOUN 9 nsubj
riprenderanno riprendere VERB 5 ccomp
lunedì lunedì NOUN 9 obl
. . PUNCT 5 punct
""")
    st = only(doc)
    assert st.speaker_name == "Fonti del Cremlino" and st.attrs["speaker_kind"] == "anonymous"
    assert st.on_behalf_of_name == "Russia"
    assert st.content == "i colloqui riprenderanno lunedì"


PESKOV_RUSSIA_BELIEVES = """
Peskov Peskov PROPN 3 nsubj
ha avere AUX 3 aux
detto dire VERB 0 root
che che SCONJ 7 mark
la il DET 6 det
Russia Russia PROPN 7 nsubj
ritiene ritenere VERB 3 ccomp
necessario necessario ADJ 7 xcomp
lasciare lasciare VERB 7 ccomp
le il DET 11 det
truppe truppa NOUN 9 obj
, , PUNCT 17 punct
perché perché SCONJ 17 mark
questa questo PRON 17 nsubj
è essere AUX 17 cop
una uno DET 17 det
misura misura NOUN 7 advcl
precauzionale precauzionale ADJ 17 amod
e e CCONJ 21 cc
una uno DET 21 det
reazione reazione NOUN 17 conj
alla a ADP 23 case
tensione tensione NOUN 21 nmod
nella in ADP 25 case
regione regione NOUN 23 nmod
. . PUNCT 3 punct
"""


def test_a_belief_of_the_side_the_speaker_speaks_for_is_not_a_second_statement():
    doc = parsed("it", "Peskov ha detto che la Russia ritiene necessario lasciare le truppe, perché "
                 "questa è una misura precauzionale e una reazione alla tensione nella regione.",
                 PESKOV_RUSSIA_BELIEVES)
    st = only(doc)
    assert st.speaker_name == "Dmitry Peskov" and st.on_behalf_of_name == "Russia"
    assert st.content.startswith("la Russia ritiene necessario lasciare le truppe")


def test_a_quote_with_its_own_tag_does_not_inherit_the_previous_speaker():
    first = "“We are ready,” Zelensky said."
    doc = parsed("en", first + " “We will never accept that,” Mr. Burton fumed.", """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
are be AUX 4 cop
ready ready ADJ 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
Zelensky Zelensky PROPN 8 nsubj
said say VERB 4 parataxis
. . PUNCT 4 punct

“ “ PUNCT 5 punct
We we PRON 5 nsubj
will will AUX 5 aux
never never ADV 5 advmod
accept accept VERB 0 root
that that PRON 5 obj
, , PUNCT 5 punct
” ” PUNCT 5 punct
Mr. Mr. PROPN 11 nsubj
Burton Burton PROPN 9 flat
fumed fume VERB 5 parataxis
. . PUNCT 5 punct
""")
    burton = next(s for s in doc.statements if "never accept" in s.content)
    assert "Burton" in burton.speaker_name and burton.attrs["speaker_kind"] == "person"
    zelensky = next(s for s in doc.statements if "ready" in s.content)
    assert "Zelensky" in zelensky.speaker_name


def test_speaker_kind_reaches_the_store_the_export_and_the_statements_query(tmp_path):
    from garante.cli.statements import find
    from garante.store import Store
    doc = parsed("en", "A senior US official said the talks would resume on Monday.", US_OFFICIAL)
    with Store(str(tmp_path / "k.db")) as store:
        store.save_document(doc, "test")
        stored = store.load_document(store.document_ids()[0])
        record = document_record(stored, store)
        rows = find(store, CTX.kb, speaker_kind="anonymous")
        assert find(store, CTX.kb, speaker_kind="group") == []
    assert record["statements"][0]["speaker"]["kind"] == "anonymous"
    assert [r["speaker_name"] for r in rows] == ["A senior US official"]


def test_without_a_parse_the_rules_still_work_and_name_the_kind():
    no_parse = Pipeline(CTX, [SentenceSplitter(), EntityLinker(), TimeTagger(), StatementExtractor()])
    doc = no_parse.analyse_capture(Capture(source="t.txt", format="text", raw=(
        " date 2025-09-05\nTitle\n\n" + LEAD["en"] + "\n\n"
        "“We are ready to talk,” Zelensky said. Russia said that it would not take part.\n")))
    assert doc.tokens == []
    kinds = {s.speaker_name: s.attrs["speaker_kind"] for s in doc.statements}
    assert kinds == {"Volodymyr Zelensky": "person", "Russia": "state"}


def with_names(paragraphs: str, names: list[str]):
    """A document whose named-entity layer marks ``names`` as persons (what a NER model would add),
    analysed without a parse."""
    from garante.clean import clean
    from garante.document import Span
    doc = clean(Capture(source="t.txt", format="text",
                        raw=" date 2025-09-05\nTitle\n\n" + LEAD["en"] + "\n\n" + paragraphs + "\n"))
    doc.meta["language"] = "en"
    for name in names:
        at = doc.text.index(name)
        while at >= 0:
            doc.add(Span(at, at + len(name), "ner", "PER", component="test"))
            at = doc.text.find(name, at + 1)
    return Pipeline(CTX, [SentenceSplitter(), EntityLinker(), TimeTagger(), StatementExtractor()])(doc)


def test_a_surname_is_the_person_the_article_named_in_full():
    doc = with_names("Bill Clinton opened the evening in Denver. Later Hillary Clinton took the stage.\n\n"
                     "“We will keep our promises to Ukraine,” Clinton said.",
                     ["Bill Clinton", "Hillary Clinton", "Clinton said"[:7]])
    st = next(s for s in doc.statements if "promises" in s.content)
    assert st.speaker_name == "Hillary Clinton"


def test_a_title_of_the_other_gender_keeps_a_surname_from_the_wrong_person():
    doc = with_names("Bill Clinton opened the evening in Denver.\n\n"
                     "“We will keep our promises to Ukraine,” Mrs. Clinton said.", ["Bill Clinton", "Clinton"])
    st = next(s for s in doc.statements if "promises" in s.content)
    assert st.speaker_name != "Bill Clinton"


def test_the_quotation_before_a_reporting_clause_is_its_content():
    doc = parsed("en", "“The border will stay closed.” Butler said.", """
“ “ PUNCT 5 punct
The the DET 3 det
border border NOUN 5 nsubj
will will AUX 5 aux
stay stay VERB 0 root
closed closed ADJ 5 xcomp
. . PUNCT 5 punct
” ” PUNCT 5 punct

Butler Butler PROPN 2 nsubj
said say VERB 0 root
. . PUNCT 2 punct
""")
    st = next(s for s in doc.statements if "border" in s.content)
    assert st.content == "The border will stay closed" and st.kind == "direct"
    assert st.speaker_name == "Butler"


def test_a_quote_split_by_its_tag_is_linked_to_its_first_part():
    doc = analyse_text(" date 2025-09-05\nTitle\n\n" + LEAD["en"] + "\n\n"
                       "“We are ready to talk,” Zelensky said. “But we will not give up our land.”\n",
                       ctx=CTX)
    first = next(i for i, s in enumerate(doc.statements) if "ready" in s.content)
    second = next(s for s in doc.statements if "our land" in s.content)
    assert second.attrs["continues"] == first
    assert document_record(doc)["statements"][doc.statements.index(second)]["continues"] == first


# --- the shipped models, on sentences of our own ----------------------------------------------------

@pytest.mark.skipif(not nlp.available("en"), reason="no English model in data/models")
def test_english_model_finds_an_anonymous_source_and_its_side():
    doc = analyse_text(" date 2025-09-05\nTitle\n\n" + LEAD["en"] + "\n\n"
                       "A senior US official said the talks in Geneva would resume on Monday.\n", ctx=CTX)
    st = next(s for s in doc.statements if "resume" in s.content)
    assert st.attrs["speaker_kind"] == "anonymous" and "official" in st.speaker_name
    assert st.on_behalf_of_name == "United States"


@pytest.mark.skipif(not nlp.available("it"), reason="no Italian model in data/models")
def test_italian_model_finds_a_group_of_leaders():
    doc = analyse_text(" date 2025-09-05\nTitolo\n\n" + LEAD["it"] + "\n\n"
                       "I leader europei hanno ribadito che l'Ucraina deve sedere al tavolo dei negoziati.\n",
                       ctx=CTX)
    st = next(s for s in doc.statements if "tavolo" in s.content)
    assert st.attrs["speaker_kind"] == "group" and "leader" in st.speaker_name.lower()


def test_a_capture_cut_inside_an_open_quote_still_gives_its_statements():
    no_parse = Pipeline(CTX, [SentenceSplitter(), EntityLinker(), TimeTagger(), StatementExtractor()])
    raw = (" date 2025-09-05\nTitle\n\n" + LEAD["en"] + "\n\n"
           "“We want this war to stop in a just way,” said Zelensky.\nAdding that “nobody here is being pushed "
           "aside,” he continued: “When you speak about a settlement of this war, one that every single party "
           "can accept, and that includes Ukraine but")  # an excerpt cut mid-sentence, no final newline
    doc = no_parse.analyse_capture(Capture(source="t.txt", format="text", raw=raw))
    st = next(s for s in doc.statements if "every single party can accept" in s.content)
    assert st.content.endswith("includes Ukraine but") and "Zelensky" in st.speaker_name


def test_a_gerund_hung_on_a_cited_by_participle_keeps_the_speaker_not_the_citing_agency():
    doc = parsed("it", '"Il lavoro è lungo", ha aggiunto Peskov, citato dalla Tass, sottolineando che il lavoro è complesso.',
                 """
" " PUNCT 5 punct
Il il DET 3 det
lavoro lavoro NOUN 5 nsubj
è essere AUX 5 cop
lungo lungo ADJ 9 ccomp
" " PUNCT 5 punct
, , PUNCT 5 punct
ha avere AUX 9 aux
aggiunto aggiungere VERB 0 root VerbForm=Part
Peskov Peskov PROPN 9 nsubj
, , PUNCT 12 punct
citato citare VERB 10 acl VerbForm=Part
dalla da ADP 14 case
Tass Tass PROPN 12 obl:agent
, , PUNCT 16 punct
sottolineando sottolineare VERB 12 advcl VerbForm=Ger
che che SCONJ 21 mark
il il DET 19 det
lavoro lavoro NOUN 21 nsubj
è essere AUX 21 cop
complesso complesso ADJ 16 ccomp
. . PUNCT 9 punct
""")
    st = next(s for s in doc.statements if "lavoro è complesso" in s.content)
    assert "Peskov" in st.speaker_name


def test_per_is_according_to_only_where_it_stands_apart():
    doc = analyse_text("La Nato, per la Cina, è quindi colpevole di aggravare il conflitto fornendo "
                       "aerei all’Ucraina.", ctx=CTX)
    assert [(s.speaker_entity_id, s.rule) for s in doc.statements] == [("china", "parse-according")]
    doc = analyse_text("Il vertice ha varato le «garanzie di sicurezza» per Kiev quando sarà raggiunto il cessate il "
                       "fuoco.", ctx=CTX)
    assert doc.statements == []  # "per Kiev" after a quotation is "for Kiev"
