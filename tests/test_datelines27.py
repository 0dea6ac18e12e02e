"""Wire datelines and the parse's sentences (twenty-seventh session): a dateline that opens a paragraph is a
unit of its own, and the parser starts no sentence inside one of the splitter's, so a title and the name
after it stay in the sentence of their verb. Sentences of our own."""
from __future__ import annotations

import pytest

from garante.document import Document, Span
from garante.extract.entities import EntityLinker
from garante.extract.sentences import SentenceSplitter, split
from garante.nlp import LinguisticLayer, available
from garante.pipeline import Context, Pipeline

DATELINES = [
    # English wire datelines, with and without the agency in brackets
    ("KYIV, March 5, 2025 - Ukraine's foreign minister said the allies had agreed on a monitoring mission.",
     "KYIV, March 5, 2025 -"),
    ("KYIV, March 5 (Reuters) - Ukraine's foreign minister said the allies had agreed on a monitoring mission.",
     "KYIV, March 5 (Reuters) -"),
    ("LONDON, June 3, 2025 (Reuters) - Britain is ready to send troops, the prime minister said.",
     "LONDON, June 3, 2025 (Reuters) -"),
    ("WASHINGTON, Feb 12, 2025 - The defence secretary told allies that no troops would be sent.",
     "WASHINGTON, Feb 12, 2025 -"),
    ("ANKARA, Turkey, May 20, 2025 — Turkey offered to host a new round of talks.",
     "ANKARA, Turkey, May 20, 2025 —"),
    ("SPRINGFIELD, Ill., Sept. 26 (UPI) — The governor said the state would take in more refugees.",
     "SPRINGFIELD, Ill., Sept. 26 (UPI) —"),
    ("GENEVA ― The talks ended without a joint statement, diplomats said.", "GENEVA ―"),
    ("Kyiv, March 5, 2025 - Officials said the first inspectors would arrive in April.", "Kyiv, March 5, 2025 -"),
    # Italian: place and date, the agency in brackets
    ("ROMA, 5 marzo - Il ministro ha detto che l'Italia non invierà truppe.", "ROMA, 5 marzo -"),
    ("ROMA, 5 marzo (ANSA) - Il governo ha confermato la linea sulle garanzie.", "ROMA, 5 marzo (ANSA) -"),
    ("KIEV, 12 febbraio 2025 - Il presidente ucraino ha chiesto garanzie concrete.", "KIEV, 12 febbraio 2025 -"),
    ("BRUXELLES, lunedì 20 maggio 2025 (askanews) - L'Ue si è detta pronta a fare la sua parte.",
     "BRUXELLES, lunedì 20 maggio 2025 (askanews) -"),
]


@pytest.mark.parametrize("text,dateline", DATELINES)
def test_a_dateline_that_opens_a_paragraph_is_a_unit_of_its_own(text, dateline):
    units = [text[a:b] for a, b in split(text, "it" if "marzo" in text or "maggio" in text or "febbraio" in text
                                         else "en", dateline=True)]
    assert units == [dateline, text[len(dateline):].strip()]


@pytest.mark.parametrize("text", [
    # an acronym, a comma and a clause: no place and date before a dash
    "NATO, which met on Monday, said - in a short statement - that nothing had been decided.",
    # a dash after a name and a quotation: a speaker, not a dateline
    "Il ministro Rossi – “Nessuna truppa” – ha chiuso la conferenza.",
])
def test_an_opening_that_is_no_dateline_stays_in_its_sentence(text):
    assert split(text, "en", dateline=True) == [(0, len(text))]


_CTX = Context()


def annotate(text: str, lang: str) -> Document:
    """Sentences, the linguistic layer and entities over one body zone."""
    doc = Document(source="t", raw=text, text=text, meta={"language": lang})
    doc.add(Span(0, len(text), "zone", "body"))
    Pipeline(_CTX, [SentenceSplitter(), LinguisticLayer(), EntityLinker()])(doc)
    return doc


NAMED = [
    ("en", "PARIS, April 10, 2025 - French President Emmanuel Macron said the coalition would meet again next week.",
     "Emmanuel Macron said"),
    ("en", "BERLIN, May 2, 2025 - German Chancellor Friedrich Merz warned that Europe had to spend more on defence.",
     "Friedrich Merz warned"),
    ("en", "Democratic pollster Pat Caddell told a radio host on Thursday that the race had changed.",
     "Pat Caddell told a radio host"),
    ("en", "Turkish President Recep Tayyip Erdogan told a news conference that Turkey could host the talks.",
     "Recep Tayyip Erdogan told"),
    ("it", "Il consigliere presidenziale Mykhailo Podolyak ha precisato che le garanzie dovranno essere vincolanti.",
     "Mykhailo Podolyak ha precisato"),
    ("it", "ROMA, 5 marzo (ANSA) - Il vicepremier Antonio Tajani ha detto che l'Italia non manderà soldati.",
     "Antonio Tajani ha detto"),
]


@pytest.mark.parametrize("lang,text,words", NAMED)
def test_the_parse_starts_no_sentence_inside_one_of_the_splitters(lang, text, words):
    if not available(lang):
        pytest.skip(f"the {lang} pipeline is not built")
    doc = annotate(text, lang)
    for s in doc.layer("sentence"):
        assert len({t.sent for t in doc.tokens_in(s.start, s.end)}) == 1, doc.text[s.start:s.end]
    at = text.index(words)
    toks = doc.tokens_in(at, at + len(words))
    assert len({t.sent for t in toks}) == 1
    roots = [t for t in doc.tokens if t.is_root]
    assert len(roots) == len(doc.layer("sentence"))  # one tree a unit


@pytest.mark.skipif(not available("en"), reason="the English pipeline is not built")
def test_a_long_name_the_model_reads_as_one_person_hangs_from_one_of_its_words():
    text = "Turkish President Recep Tayyip Erdogan told a news conference that Turkey could host the talks."
    doc = annotate(text, "en")
    name = next(n for n in doc.layer("ner") if doc.text[n.start:n.end] == "Recep Tayyip Erdogan")
    toks = doc.tokens_in(name.start, name.end)
    ids = {t.i for t in toks}
    assert [t.text for t in toks if t.head not in ids or t.is_root] == ["Tayyip"]
    assert {t.dep for t in toks if t.head in ids and not t.is_root} == {"flat"}
    head = next(t for t in toks if t.head not in ids)
    assert doc.tokens[head.head].text == "told"
    assert [t.text for t in doc.subtree(head)][:5] == ["Turkish", "President", "Recep", "Tayyip", "Erdogan"]


@pytest.mark.skipif(not available("en"), reason="the English pipeline is not built")
def test_a_sentence_opening_adverb_tagged_as_a_name_is_no_part_of_the_name_phrase():
    text = ("BERLIN, May 2, 2025 - Meanwhile Olena Kovalenko, the deputy minister, said that the convoy had left.")
    doc = annotate(text, "en")
    name = doc.token_at(text.index("Olena"))
    assert "Meanwhile" not in [t.text for t in doc.subtree(name)]
    assert "Kovalenko" in [t.text for t in doc.subtree(name)]


@pytest.mark.skipif(not available("en"), reason="the English pipeline is not built")
@pytest.mark.parametrize("text,office,name", [
    ("Polish PM Donald Tusk said flatly that Poland had no plans to send soldiers.", "PM", "Donald"),
    ("Secretary of State Antony Blinken has warned that the allies are ready to act.", "Secretary", "Blinken"),
])
def test_an_office_written_before_a_name_hangs_on_the_name(text, office, name):
    doc = annotate(text, "en")
    head = doc.token_at(text.index(name))
    assert office in [t.text for t in doc.subtree(head)]
    assert doc.tokens[doc.token_at(text.index(office)).head] is head
