"""The linguistic layer: the shipped Italian pipeline on sentences of our own."""
from __future__ import annotations

import pytest

from garante import analyse_text
from garante.document import Document, Span
from garante.nlp import LinguisticLayer, available, pipeline
from garante.pipeline import Context, Pipeline, default_pipeline
from garante.extract.sentences import SentenceSplitter
from garante.extract.entities import EntityLinker

pytestmark = pytest.mark.skipif(not available("it"), reason="the Italian pipeline is not built")


_CONTEXTS: dict[str, Context] = {}


def annotate(text: str, lang: str = "it", parse: str = "all") -> Document:
    """Sentences, the linguistic layer and entities over one body zone (one context per policy: the
    knowledge base loads once)."""
    ctx = _CONTEXTS.setdefault(parse, Context(options={"parse": parse}))
    doc = Document(source="t", raw=text, text=text, meta={"language": lang})
    doc.add(Span(0, len(text), "zone", "body"))
    Pipeline(ctx, [SentenceSplitter(), LinguisticLayer(), EntityLinker()])(doc)
    return doc


def test_tokens_are_stand_off_with_offsets_into_the_text():
    doc = annotate("Il portavoce del Cremlino ha dichiarato che Mosca non accetterà truppe straniere.")
    assert doc.tokens, "an Italian document gets tokens"
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))
    assert doc.token_at(doc.text.index("Cremlino") + 2).text == "Cremlino"


def test_lemmas_parts_of_speech_and_morphology():
    doc = annotate("I ministri hanno detto che le truppe resteranno in Ucraina.")
    by = {t.text: t for t in doc.tokens}
    assert by["detto"].lemma == "dire"
    assert by["ministri"].lemma == "ministro"
    assert by["truppe"].pos == "NOUN"
    assert by["resteranno"].pos == "VERB"
    assert by["resteranno"].feat("Tense") == "Fut"
    assert by["ministri"].feat("Number") == "Plur"


def test_subject_and_clausal_complement_by_dependency():
    doc = annotate("Il ministro ha detto che la Russia non attaccherà.")
    by = {t.text: t for t in doc.tokens}
    said = by["detto"]
    assert said.dep == "ROOT"
    kids = {c.text: c.dep for c in doc.children(said)}
    assert kids.get("ministro") == "nsubj"
    assert doc.tokens[by["attaccherà"].head].text == "detto"
    assert by["attaccherà"].dep == "ccomp"
    assert doc.root(by["la"].start, by["attaccherà"].end).text == "attaccherà"


def test_news_punctuation_is_tokenised():
    doc = annotate("«Non manderemo truppe», ha detto l’ambasciatore su #Ucraina.")
    texts = [t.text for t in doc.tokens]
    assert texts[0] == "«" and "»" in texts
    assert "l’" in texts and "ambasciatore" in texts
    assert "#Ucraina" in texts


def test_typographic_apostrophes_are_read_as_the_treebanks_ascii_ones():
    # news writes "un’opzione", the treebanks "un'opzione": the model must read both alike
    curly = annotate("Per Mosca non è un’opzione: l’adesione dell’Ucraina all’Alleanza è esclusa.")
    ascii_ = annotate("Per Mosca non è un'opzione: l'adesione dell'Ucraina all'Alleanza è esclusa.")
    assert [t.text for t in curly.tokens][4:6] == ["un’", "opzione"]  # the text keeps its characters
    for c, a in zip(curly.tokens, ascii_.tokens):
        assert (c.start, c.lemma, c.pos, c.dep, c.head) == (a.start, a.lemma, a.pos, a.dep, a.head)
    by = {t.text: t for t in curly.tokens}
    assert by["un’"].pos == "DET" and by["all’"].pos == "ADP"
    assert by["opzione"].dep != "obj"  # "un’" is no verb taking it


def test_with_parse_cues_only_cue_sentences_are_parsed_but_names_are_found_everywhere():
    text = ("Il vertice si è svolto a Bruxelles con Ursula von der Leyen. "
            "Il ministro ha dichiarato che servono garanzie.")
    doc = annotate(text, parse="cues")
    parsed = {doc.text[t.start:t.end] for t in doc.tokens}
    assert "dichiarato" in parsed and "vertice" not in parsed
    assert any(doc.text[s.start:s.end] == "Bruxelles" for s in doc.layer("ner"))
    assert doc.meta["nlp"]["parse"] == "cues" and doc.meta["nlp"]["parsed_sentences"] == 1


def test_a_language_without_a_pipeline_gets_no_tokens_and_the_rest_still_runs():
    doc = annotate("Le porte-parole du Kremlin a déclaré que Moscou refuse.", lang="fr")
    assert doc.tokens == [] and doc.layer("ner") == []
    assert doc.layer("sentence")


def test_unknown_person_named_by_the_model_is_an_entity_of_its_own():
    doc = annotate("Il commentatore Maurizio Mosca ha parlato ieri a Milano.")
    names = {doc.text[m.start:m.end]: m for m in doc.layer("mention")}
    assert "Maurizio Mosca" in names, names
    m = names["Maurizio Mosca"]
    assert m.label == "PER" and m.attrs["entity_id"] == "x:maurizio-mosca" and m.rule == "ner"
    assert not any(m.attrs["entity_id"] == "russia" for m in doc.layer("mention"))


def test_known_alias_inside_a_longer_name_is_not_that_entity():
    doc = annotate("La sciatrice Sofia Goggia ha vinto la discesa di Cortina.")
    ids = {m.attrs["entity_id"] for m in doc.layer("mention")}
    assert "bulgaria" not in ids
    assert any(doc.text[m.start:m.end] == "Sofia Goggia" for m in doc.layer("mention"))


def test_a_surname_spelled_otherwise_stays_the_known_person():
    doc = annotate("Dmitrij Peskov ha detto che il Cremlino respinge la proposta.")
    ids = {m.attrs["entity_id"] for m in doc.layer("mention") if m.label == "PER"}
    assert "dmitry-peskov" in ids


def test_the_pipeline_is_built_once_and_reused():
    assert default_pipeline() is default_pipeline()
    assert pipeline("it") is pipeline("it")
    a = analyse_text("Il ministro ha detto che servono garanzie.")
    b = analyse_text("Il ministro ha detto che servono garanzie.")
    assert [t.lemma for t in a.tokens] == [t.lemma for t in b.tokens]


def test_a_capital_is_its_state_only_where_the_syntax_allows_it():
    places = annotate("Ieri i delegati sono arrivati a Kiev e Mosca per i colloqui.")
    ids = {places.text[m.start:m.end]: m.attrs["entity_id"] for m in places.layer("mention")}
    assert ids == {"Kiev": "kyiv", "Mosca": "moscow"}
    actors = annotate("Kiev e Mosca hanno firmato la tregua, ha detto il ministro.")
    ids = {actors.text[m.start:m.end]: m.attrs["entity_id"] for m in actors.layer("mention")}
    assert ids["Kiev"] == "ukraine" and ids["Mosca"] == "russia"


def test_an_unknown_persons_apposition_is_kept_as_evidence():
    doc = annotate("Mario Rossetti, ambasciatore italiano a Mosca, ha detto che le trattative sono ferme.")
    person = next(m for m in doc.layer("mention") if doc.text[m.start:m.end] == "Mario Rossetti")
    assert person.attrs["entity_id"] == "x:mario-rossetti"
    assert person.attrs["apposition"] == "ambasciatore italiano a Mosca"
    said = analyse_text(doc.text)
    assert [s.speaker_entity_id for s in said.statements] == ["x:mario-rossetti"]

