"""The written source and cue of a statement at their Italian edges (twenty-seventh session, itspans): the
source's noun phrase leaves out what the parse hangs on a name but belongs to the verb (a day, "all'agenzia
X"), keeps a title's own prepositional phrases and an adjective the parse read as a clause; the cue's verb
group leaves out a day before it and never ends on a space; and the workbench highlights these written spans
(falling back to the speaker's and the cue's own). Sentences written for these tests."""
from __future__ import annotations

import warnings
from html.parser import HTMLParser

import pytest

from conftest import LEAD_EN, LEAD_IT, needs_it_parser
from garante.pipeline import analyse_text
from garante.present.web.data import written_span

pytestmark = needs_it_parser


def _about(doc, words: str):
    return next(s for s in doc.statements if words in s.content)


def _written(doc, st, key: str) -> str | None:
    """The span as the export reads it: the written one, else the cue's own."""
    span = st.attrs.get(key) or ((st.cue_start, st.cue_end) if key == "cue_span" else None)
    return doc.text[span[0]:span[1]] if span else None


def test_a_day_and_an_agency_hung_on_the_name_are_not_the_source():
    doc = analyse_text(LEAD_IT + "Il ministro Tajani martedì ha ribadito che serve una tregua immediata. Lavrov "
                                 "all'agenzia Ria ha ribadito che nessun soldato straniero sarà accettato.")
    assert _written(doc, _about(doc, "tregua immediata"), "source_span") == "Il ministro Tajani"
    assert _written(doc, _about(doc, "soldato straniero"), "source_span") == "Lavrov"


def test_a_title_keeps_its_own_prepositional_phrases():
    doc = analyse_text(LEAD_IT + "Fonti della presidenza ucraina hanno riferito all'Ansa che la missione "
                                 "partirà giovedì. L'ambasciatore russo a Roma Alexei Paramonov ha avvertito che "
                                 "ogni invio di soldati sarebbe un'escalation.")
    assert _written(doc, _about(doc, "missione partirà"), "source_span") == "Fonti della presidenza ucraina"
    assert _written(doc, _about(doc, "invio di soldati"), "source_span") == \
        "L'ambasciatore russo a Roma Alexei Paramonov"


def test_an_adjective_the_parse_read_as_a_clause_stays_in_the_title():
    doc = analyse_text(LEAD_IT + "Il presidente finlandese Alexander Stubb, intervistato dalla Bbc, ha detto che "
                                 "Mosca non ha cambiato i suoi obiettivi.")
    st = _about(doc, "cambiato i suoi obiettivi")
    assert _written(doc, st, "source_span") == "Il presidente finlandese Alexander Stubb"


def test_a_day_before_the_auxiliary_is_not_the_cue_and_a_cue_ends_on_a_word():
    doc = analyse_text(LEAD_IT + "Peskov oggi ha precisato che il Cremlino non ha ricevuto alcuna offerta. "
                                 "Secondo fonti del Cremlino, Putin sarebbe pronto a una tregua.")
    assert _written(doc, _about(doc, "alcuna offerta"), "cue_span") == "ha precisato"
    st = _about(doc, "pronto a una tregua")
    assert _written(doc, st, "cue_span") == "Secondo"
    assert _written(doc, st, "source_span") == "fonti del Cremlino"


def test_an_english_day_after_the_name_is_not_the_source():
    doc = analyse_text(LEAD_EN + "The talks ended late. EU foreign policy chief Kaja Kallas on Friday said the "
                                 "bloc would never recognise the annexations.")
    st = _about(doc, "recognise the annexations")
    assert _written(doc, st, "source_span") == "EU foreign policy chief Kaja Kallas"


def test_a_title_the_parse_made_a_subject_of_its_own_before_the_name_joins_it():
    doc = analyse_text(LEAD_IT + "Il ministro degli Esteri olandese Caspar Veldkamp ha spiegato ai deputati che "
                                 "l'Aia finanzierà i radar.")
    assert _written(doc, _about(doc, "finanzierà i radar"), "source_span") == \
        "Il ministro degli Esteri olandese Caspar Veldkamp"


def test_an_outlet_noun_the_tagger_read_as_an_adjective_heads_the_phrase():
    doc = analyse_text(LEAD_IT + "Secondo il quotidiano tedesco Bild, Berlino sarebbe pronta a inviare tecnici.")
    assert _written(doc, _about(doc, "inviare tecnici"), "source_span") == "il quotidiano tedesco Bild"


def test_a_title_the_parse_left_with_the_dateline_opens_the_source():
    doc = analyse_text(LEAD_EN + "Norwegian Prime Minister Jonas Gahr Store said the fund would double.")
    st = _about(doc, "fund would double")
    assert _written(doc, st, "source_span") == "Norwegian Prime Minister Jonas Gahr Store"


def test_an_adverb_the_parse_left_with_the_dateline_stays_out_of_the_source():
    doc = analyse_text(LEAD_EN + "Meanwhile Volodymyr Zelensky, the Ukrainian president, said that Kyiv needed "
                                 "air defence.")
    st = _about(doc, "needed air defence")
    assert _written(doc, st, "source_span") == "Volodymyr Zelensky, the Ukrainian president"


def test_a_title_the_parse_ended_a_sentence_in_opens_the_source():
    doc = analyse_text(LEAD_IT + "Nessuno lo ha smentito. Il consigliere presidenziale Mykhailo Podolyak ha "
                                 "assicurato che la linea non cambierà.")
    st = _about(doc, "linea non cambierà")
    assert _written(doc, st, "source_span") == "Il consigliere presidenziale Mykhailo Podolyak"


def test_the_workbench_span_is_the_written_one_else_the_statements_own():
    text = "Il ministro degli Esteri Antonio Tajani ha detto che serve una tregua."
    st = {"attrs": {"source_span": [0, 39], "cue_span": [40, 48]}, "speaker_start": 25, "speaker_end": 39,
          "cue_start": 43, "cue_end": 48}
    assert written_span(text, st, "source_span", "speaker_start", "speaker_end")["text"] == \
        "Il ministro degli Esteri Antonio Tajani"
    assert written_span(text, st, "cue_span", "cue_start", "cue_end")["text"] == "ha detto"
    st["attrs"] = {"cue_span": [40, 400]}  # (offsets beyond the text are not shown)
    assert written_span(text, st, "source_span", "speaker_start", "speaker_end")["text"] == "Antonio Tajani"
    assert written_span(text, st, "cue_span", "cue_start", "cue_end")["text"] == "detto"
    assert written_span(text, {"attrs": None, "cue_start": None, "cue_end": None}, "cue_span", "cue_start",
                        "cue_end") is None


class _Marked(HTMLParser):
    """The runs of characters of the cleaned text that lie inside an element of class ``cls`` (the
    highlighter cuts a span at every boundary of another one, so a run may be several elements)."""

    def __init__(self, cls: str):
        super().__init__()
        self.cls, self.stack, self.inside, self.runs, self.last = cls, [], False, [], False

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == "clean-text":
            self.inside, self.stack = True, []
        elif self.inside:
            self.stack.append(self.cls in (dict(attrs).get("class") or "").split())

    def handle_endtag(self, tag):
        if self.inside and not self.stack:
            self.inside = False
        elif self.inside:
            self.stack.pop()

    def handle_data(self, data):
        if not self.inside:
            return
        marked = any(self.stack)
        if marked and self.last:
            self.runs[-1] += data
        elif marked:
            self.runs.append(data)
        self.last = marked


def _highlighted(html: str, cls: str) -> list[str]:
    parser = _Marked(cls)
    parser.feed(html)
    return parser.runs


@pytest.fixture()
def document_page(tmp_path):
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    from fastapi.testclient import TestClient
    from garante.batch import analyze
    from garante.present.web import create_app
    from garante.store import Store
    capture = tmp_path / "vertice.txt"
    capture.write_text(LEAD_IT + "Il ministro degli Esteri Antonio Tajani ha detto mercoledì ai giornalisti che "
                                 "l'Italia sosterrà una missione di garanzia per l'Ucraina.\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        analyze([str(capture)], store)
        doc_id = store.query("SELECT id FROM documents")[0]["id"]
    client = TestClient(create_app(db, token="itspans-page-token"), base_url="http://localhost")
    return client.get(f"/documents/{doc_id}").text


def test_the_document_page_highlights_the_written_source_and_cue(document_page):
    assert "Il ministro degli Esteri Antonio Tajani" in _highlighted(document_page, "hl-speaker")
    assert "ha detto" in _highlighted(document_page, "hl-cue")
    assert '<span class="cue">ha detto</span>' in document_page  # (the statement's entry writes it too)
