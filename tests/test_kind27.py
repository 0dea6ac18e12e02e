"""The linker's reading of the model's names (twenty-seventh session, issue 11/12): edges the model ran into
the next phrase, a title before a person's name, a first name inside an organisation's name, and one type
for a person across the document. Our own sentences; the model's names and the parse are given."""
import pytest

from garante.extract.entities import TOKEN, ModelEvidence, Tok, lexicon, link
from garante.pipeline import default_pipeline


@pytest.fixture(scope="module")
def lex():
    return lexicon(default_pipeline().ctx.kb, "it")


def tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end(), 0) for m in TOKEN.finditer(text)]


def at(toks: list[Tok], text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """Token span of the nth occurrence of ``surface``."""
    starts = [t.start for t in toks if text.startswith(surface, t.start)]
    start = starts[nth]
    a = next(k for k, t in enumerate(toks) if t.start == start)
    b = next(k for k, t in enumerate(toks) if t.end == start + len(surface)) + 1
    return a, b


def linked(text: str, lex, names, parse: dict[str, tuple[str, str, str]] | None = None):
    """(surface, label, rule) of each mention, the model proposing ``names`` ((surface, nth, type)) and the
    parse giving some words (by surface) a part of speech, a relation and the word they hang on."""
    toks = tokens(text)
    spans = [(*at(toks, text, s, nth), label) for s, nth, label in names]
    pos, deps, heads = {}, {}, {}
    for k, t in enumerate(toks):
        p, dep, head = (parse or {}).get(t.text, ("PROPN", "nsubj", None))
        pos[k], deps[k] = p, dep
        heads[k] = next(x.start for x in toks if x.text == head) if head else t.start
    found = link(toks, lex, None, ModelEvidence(names=spans, pos=pos, deps=deps, heads=heads))
    return {(text[toks[m.i].start:toks[m.j - 1].end], m.label, m.rule) for m in found}


def test_a_headline_run_into_the_text_leaves_its_function_word_to_the_next_phrase(lex):
    text = "Nominato il nuovo direttore della Fondazione Rossetti Alle 17 di oggi il consiglio ha votato."
    got = linked(text, lex, [("Fondazione Rossetti Alle", 0, "ORG")], {"Alle": ("ADP", "case", "17")})
    assert ("Fondazione Rossetti", "ORG", "ner") in got
    assert not any(s.endswith("Alle") for s, _, _ in got)


def test_a_word_the_parse_calls_part_of_the_name_stays_whatever_its_tag(lex):
    text = "La società, fondata da Ottokar Yuan, ha chiuso."
    got = linked(text, lex, [("Ottokar Yuan", 0, "PER")], {"Yuan": ("ADV", "flat:name", "Ottokar")})
    assert ("Ottokar Yuan", "PER", "ner") in got


def test_a_title_the_model_put_in_a_persons_name_is_not_the_name(lex):
    text = "Il missionario, Padre Ottokar Brambilla, è stato liberato ieri."
    got = {(s, label) for s, label, _ in linked(text, lex, [("Padre Ottokar Brambilla", 0, "PER")])}
    assert ("Ottokar Brambilla", "PER") in got
    assert not any(s.startswith("Padre") for s, _ in got)


def test_an_article_after_a_persons_title_opens_no_name(lex):
    text = "Resta in testa alla classifica generale Il favorito della vigilia ha perso due posizioni."
    got = linked(text, lex, [])
    assert not any(s == "Il" for s, _, _ in got)
    got = linked("Ha parlato il generale Ottokar Brambilla.", lex, [])
    assert ("Ottokar Brambilla", "PER", "title") in got


def test_a_first_name_that_begins_an_organisations_name_is_a_word_of_it(lex):
    text = "L'ammiraglio ha denunciato la crisi della Marina Militare davanti al Parlamento."
    assert ("Marina Militare", "ORG", "ner") in linked(text, lex, [("Marina Militare", 0, "ORG")])
    assert ("Marina Militare", "PER", "first-name") in linked(text, lex, [])


def test_a_name_the_model_calls_a_person_once_is_that_person_everywhere(lex):
    text = "Brambilla ha vinto la gara. La rimonta di Brambilla è stata decisiva."
    got = linked(text, lex, [("Brambilla", 0, "PER"), ("Brambilla", 1, "LOC")])
    assert {label for s, label, _ in got if s == "Brambilla"} == {"PER"}


def test_a_name_with_an_article_before_it_keeps_the_models_place(lex):
    text = "Lo ha ricordato Virginia, la portavoce. La Virginia ha abolito la pena di morte nel 2021."
    got = linked(text, lex, [("Virginia", 0, "PER"), ("Virginia", 1, "LOC")])
    assert {label for s, label, _ in got if s == "Virginia"} == {"PER", "LOC"}


def test_an_acronym_keeps_the_models_organisation(lex):
    text = "Lo ha scritto EFF sul suo sito. Secondo la EFF la legge è pericolosa."
    got = linked(text, lex, [("EFF", 0, "PER"), ("EFF", 1, "ORG")])
    assert ("EFF", "ORG", "ner") in got


def test_a_weekday_the_model_calls_a_place_is_no_name(lex):
    text = "Il vaccino è lontano. Mercoledì scorso i ricercatori hanno annunciato la prima prova."
    assert not any(s == "Mercoledì" for s, _, _ in linked(text, lex, [("Mercoledì", 0, "LOC")]))


def test_a_name_after_a_noun_of_a_kind_of_company_is_an_organisation(lex):
    text = "Il romanzo è uscito presso la casa editrice Brambilla, che lo ha ristampato."
    assert ("Brambilla", "ORG", "title") in linked(text, lex, [("Brambilla", 0, "PER")])


def test_a_name_of_the_models_own_is_that_entity_where_the_model_missed_it_again(lex):
    text = "Sono rimasti in tre: Brambillotti, Rossi e Verdi. Poi Brambillotti ha staccato tutti in salita."
    got = linked(text, lex, [("Brambillotti", 0, "PER")])
    assert {(s, label) for s, label, _ in got if s == "Brambillotti"} == {("Brambillotti", "PER")}
    assert sum(1 for s, _, rule in got if s == "Brambillotti" and rule == "ner-again") == 1


def test_a_repeated_name_that_runs_on_into_a_longer_one_is_not_repeated(lex):
    text = "Il Circolo Brambillotti ha aperto. Il Circolo Brambillotti Arte ha chiuso."
    got = linked(text, lex, [("Circolo Brambillotti", 0, "ORG")])
    assert not any(rule == "ner-again" for _, _, rule in got)
