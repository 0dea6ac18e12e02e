"""States and places on KIND (twenty-eighth session, issue 11/12). A state or a city that acts, the subject
of a verb of saying or acting or of a verb whose auxiliary an agent takes, is marked ``attrs["acting"]``; a
place, a state a verb happens to, or the antecedent of a relative clause the parse took for a subject is not.
KIND's adapter types an acting state ORG. A known city inside a place's name that opens with a kind of
place ("provincia di Roma", "via Mosca") is not the city; a body's name the model broke after "della" is one
name; KIND's adapter leaves out a platform named as a medium. Our own sentences, mostly through the real parse."""
import sys
from pathlib import Path

from garante import analyse_text
from garante.document import Document, Span
from garante.extract.entities import (TOKEN, EntityLinker, ModelEvidence, Tok, acting_subjects, aligned_tokens,
                                      lexicon, link)
from garante.nlp import Token
from garante.pipeline import default_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval" / "kind"))


def _kind_run():
    """eval/kind/run.py by its path: another test may have imported a different ``run`` module (TempEval's)."""
    import importlib.util
    path = Path(__file__).resolve().parents[1] / "eval" / "kind" / "run.py"
    spec = importlib.util.spec_from_file_location("kind_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def acting(text: str) -> dict[str, bool]:
    """Each state or place mention's surface → whether the linker found it acting."""
    doc = analyse_text(text)
    return {doc.text[m.start:m.end]: bool(m.attrs.get("acting")) for m in doc.layer("mention")
            if m.label in ("GPE", "LOC")}


def test_a_state_that_answers_acts():
    got = acting("Ieri la Norvegia ha risposto con durezza alle accuse sul gasdotto.")
    assert got["Norvegia"] is True


def test_states_joined_as_subjects_of_a_verb_of_saying_all_act():
    got = acting("Polonia e Romania hanno chiesto una riunione urgente del Consiglio atlantico.")
    assert got["Polonia"] is True and got["Romania"] is True


def test_a_state_after_a_locative_preposition_is_a_place():
    got = acting("Il ministro ha parlato a lungo in Norvegia con i pescatori del nord.")
    assert got["Norvegia"] is False


def test_a_state_a_verb_with_essere_happens_to_does_not_act():
    got = acting("Nel 2004 anche la Slovacchia è entrata nell'Unione.")
    assert got["Slovacchia"] is False


def test_a_state_with_avere_as_its_verbs_auxiliary_acts():
    got = acting("La Norvegia ha costruito un nuovo porto nel nord.")  # "costruire" is no verb of saying
    assert got["Norvegia"] is True


def parsed(words: list[tuple[str, str, str, int, str]], morph: dict[int, str] | None = None) -> Document:
    """A document of one sentence whose parse is given: (text, lemma, UPOS, head index, relation) a word."""
    text = " ".join(w[0] for w in words)
    doc = Document(source="t", raw=text, text=text, meta={"language": "it"})
    doc.add(Span(0, len(text), "zone", "body"))
    start = 0
    for i, (word, lemma, pos, head, dep) in enumerate(words):
        doc.tokens.append(Token(i, start, start + len(word), word, lemma, pos, (morph or {}).get(i, ""), head,
                                dep, 0))
        start += len(word) + 1
    return doc


def test_the_antecedent_of_a_relative_clause_the_parse_took_for_a_subject_does_not_act():
    # "Cile e Perù, che hanno firmato": a parse may hang "Cile" on "firmato" as its subject
    words = [("Cile", "Cile", "PROPN", 5, "nsubj"), ("e", "e", "CCONJ", 2, "cc"), ("Perù", "Perù", "PROPN", 0, "conj"),
             ("che", "che", "PRON", 4, "nsubj"), ("hanno", "avere", "AUX", 5, "aux"),
             ("firmato", "firmare", "VERB", 5, "ROOT")]
    doc = parsed(words, {3: "PronType=Rel"})
    toks = EntityLinker._tokens(doc)
    lex = lexicon(default_pipeline().ctx.kb, "it")
    assert acting_subjects(doc, toks, aligned_tokens(doc, toks), lex) == set()
    words[3] = ("poi", "poi", "ADV", 5, "advmod")  # "Cile e Perù poi hanno firmato": they act
    doc = parsed(words)
    toks = EntityLinker._tokens(doc)
    assert acting_subjects(doc, toks, aligned_tokens(doc, toks), lex) == {0, 2}


def test_kinds_adapter_types_an_acting_state_org_and_a_place_loc():
    run = _kind_run()
    doc = analyse_text("La Norvegia ha respinto la proposta. Il ministro è arrivato in Norvegia ieri.")
    types = {(doc.text[a:b], a): t for a, b, t in run.names(doc, "full")}
    first, second = doc.text.index("Norvegia"), doc.text.rindex("Norvegia")
    assert types[("Norvegia", first)] == "ORG"
    assert types[("Norvegia", second)] == "LOC"


def mentions(text: str) -> list[tuple[str, str, str | None]]:
    doc = analyse_text(text)
    return [(doc.text[m.start:m.end], m.label, m.attrs.get("entity_id")) for m in doc.layer("mention")]


def test_a_capital_inside_the_name_of_its_province_is_neither_the_city_nor_its_state():
    got = mentions("Un incendio è scoppiato ieri in provincia di Roma, vicino a un deposito di carburante.")
    assert ("provincia di Roma", "LOC") in {(s, label) for s, label, _ in got}
    assert not any(eid in ("rome", "italy") for _, _, eid in got)


def test_a_street_named_after_a_capital_is_the_street():
    got = mentions("Il corteo è partito da piazza Garibaldi ed è arrivato in via Mosca alle sei.")
    assert not any(eid in ("moscow", "russia") for _, _, eid in got)


def test_the_capital_named_beside_a_common_noun_that_is_no_kind_of_place_stays_the_state():
    got = mentions("Il governo di Mosca ha risposto ieri alle nuove sanzioni.")
    assert any(eid == "russia" for _, _, eid in got)


def test_a_bodys_name_the_model_broke_after_of_is_one_name():
    # the linker is given the model's two halves: "[Consiglio Direttivo della] [Cassa Forense]"
    text = "La delibera del Consiglio Direttivo della Cassa Forense è stata approvata ieri."
    toks = [Tok(m.group(), m.start(), m.end(), 0) for m in TOKEN.finditer(text)]
    first = next(k for k, t in enumerate(toks) if t.text == "Consiglio")
    cassa = next(k for k, t in enumerate(toks) if t.text == "Cassa")
    lex = lexicon(default_pipeline().ctx.kb, "it")
    found = link(toks, lex, None, ModelEvidence(names=[(first, cassa, "ORG"), (cassa, cassa + 2, "ORG")]))
    got = {(text[toks[m.i].start:toks[m.j - 1].end], m.label) for m in found}
    assert ("Consiglio Direttivo della Cassa Forense", "ORG") in got
    assert ("Cassa Forense", "ORG") not in got


def test_a_place_after_an_organisations_name_stays_apart():
    text = "Il Museo Civico di Bologna ha riaperto."
    toks = [Tok(m.group(), m.start(), m.end(), 0) for m in TOKEN.finditer(text)]
    museo = next(k for k, t in enumerate(toks) if t.text == "Museo")
    bologna = next(k for k, t in enumerate(toks) if t.text == "Bologna")
    lex = lexicon(default_pipeline().ctx.kb, "it")
    found = link(toks, lex, None, ModelEvidence(names=[(museo, bologna, "ORG"), (bologna, bologna + 1, "LOC")]))
    got = {(text[toks[m.i].start:toks[m.j - 1].end], m.label) for m in found}
    assert ("Bologna", "LOC") in got and ("Museo Civico", "ORG") in got


def test_kinds_adapter_counts_a_platform_as_a_company_not_as_a_medium():
    run = _kind_run()
    doc = analyse_text("Il sindaco ha scritto su Facebook che la scuola riaprirà. Intanto Facebook ha chiuso "
                       "la pagina del comitato.")
    kept = {a for a, b, _ in run.names(doc, "full") if doc.text[a:b] == "Facebook"}
    assert kept == {doc.text.rindex("Facebook")}
