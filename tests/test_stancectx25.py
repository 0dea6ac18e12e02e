"""A statement that opens its paragraph and points back ("This would be a dangerous idea", "Questa idea è
inaccettabile") takes the issue named in the last sentence of the paragraph before (stances._paragraph_before),
the side from its own words; one that names something of its own, or that does not open a paragraph, does not."""
from __future__ import annotations

from garante.document import Document, Span
from garante.extract.stances import _paragraph_before
from garante.pipeline import analyse_text

from helpers import RULES


def _of(text: str, speaker_words: str, ctx=RULES) -> dict[str, tuple[str, str]]:
    doc = analyse_text(text, ctx=ctx)
    st = next(s for s in doc.statements if speaker_words in s.content)
    return {x.issue: (x.stance, x.attrs.get("found_in")) for x in st.stances}


def test_pointer_quote_takes_the_paragraph_before_en():
    text = ("The Kremlin said on Tuesday it rejected any deployment of European troops in Ukraine after a truce.\n\n"
            "“Such a plan would be a dangerous mistake,” the British envoy told reporters in London.")
    got = _of(text, "dangerous mistake")
    assert got.get("foreign_troops_in_ukraine", ("", ""))[1] == "antecedent"
    assert got["foreign_troops_in_ukraine"][0] == "oppose"


def test_pointer_quote_takes_the_paragraph_before_it():
    text = ("Il governo francese ha chiesto di nuovo l'invio di truppe europee in Ucraina dopo la tregua.\n\n"
            "\"Questa idea è inaccettabile\", ha dichiarato il ministro ungherese ai cronisti a Budapest.")
    got = _of(text, "inaccettabile")
    assert got.get("foreign_troops_in_ukraine") == ("oppose", "antecedent")


def test_negated_stay_out_is_membership():
    # rejecting the idea that Kyiv stays out of NATO is for its membership (the inverted cue of the antecedent)
    text = ("Il governo ungherese ha chiesto di nuovo che l'Ucraina resti fuori dalla Nato.\n\n"
            "\"Questa idea è inaccettabile\", ha dichiarato il ministro lituano ai cronisti a Vilnius.")
    got = _of(text, "inaccettabile")
    assert got.get("ukraine_nato_membership") == ("support", "antecedent")


def test_no_pointer_no_antecedent():
    # the quote names nothing and points at nothing: the paragraph before lends it no issue
    text = ("The Kremlin said on Tuesday it rejected any deployment of European troops in Ukraine after a truce.\n\n"
            "“Our farmers need cheaper fertiliser and better roads this winter,” the Polish minister told reporters.")
    got = _of(text, "fertiliser")
    assert "foreign_troops_in_ukraine" not in got


def _doc(text: str, sentences: list[tuple[int, int]]) -> Document:
    doc = Document(source="t", raw=text, text=text)
    for a, b in sentences:
        doc.add(Span(a, b, "sentence"))
    return doc


def test_paragraph_before_bounds():
    first = "One thing was said. Then the truce was named."
    text = first + "\n\n“It is bad,” he said."
    doc = _doc(text, [(0, 19), (20, len(first)), (len(first) + 2, len(text))])
    # the quote opens its paragraph: the antecedent is the last sentence of the paragraph before
    assert _paragraph_before(doc, len(first) + 2) == 20
    assert _paragraph_before(doc, len(first) + 3) == 20  # after the opening quote mark
    # a sentence in the middle of its paragraph has its own sentence before: none
    assert _paragraph_before(doc, 20) is None
    # the document's first sentence: none
    assert _paragraph_before(doc, 0) is None


def test_nested_quote_takes_no_antecedent():
    from garante.extract.stances import _nested
    text = "“That is why he said: ‘This is a threat to us’,” the envoy added."
    assert _nested(text, 0, text.index("This"))
    plain = "“This is a threat to us,” the envoy added."
    assert not _nested(plain, 0, plain.index("This"))
    framed = "According to the envoy, this is a threat."
    assert not _nested(framed, 0, framed.index("this"))


def test_judgement_words_take_a_side():
    from helpers import stances_in_context as stances
    # a judgement of what was put forward: a bad idea is opposed, a step forward supported
    assert stances("Sending European troops to Ukraine would be a bad idea", lang="en") == \
        {"foreign_troops_in_ukraine": "oppose"}
    assert stances("la tregua di trenta giorni è un passo avanti", lang="it") == {"ceasefire": "support"}
    # a senseless war is no side on what the sentence names
    assert stances("the sanctions will stay until Moscow ends this senseless war", lang="en").get(
        "sanctions_on_russia") != "oppose"


def test_stop_the_hostilities_is_a_truce_it():
    from helpers import stances_in_context as stances
    assert stances("Kiev chiede di fermare le ostilità subito", lang="it") == {"ceasefire": "support"}
    assert stances("il piano prevede di congelare le linee del fronte", lang="it").get("ceasefire") == "support"
