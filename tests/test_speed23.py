"""The twenty-third session's speed changes give the same results as the code they replace: the encoders'
layer normalisation, the stance model's features of each issue built from what a statement shares, the
fixed attribution cues tried only where their words are, and the quotation marks visited alone."""
from __future__ import annotations

import re

import numpy
import pytest
from thinc.api import LayerNorm
from thinc.layers import layernorm as thinc_layernorm

from garante.extract import stance_features as sf
from garante.extract.attribution import cues as cue_module
from garante.extract.attribution.language import lexicon
from garante.nlp import available, pipeline
from garante.nlp import layernorm
from garante.pipeline import analyse_text


def _layer(width: int, seed: int):
    rng = numpy.random.default_rng(seed)
    model = LayerNorm(width)
    model.initialize(X=numpy.zeros((2, width), dtype="f"))
    model.set_param("G", rng.normal(size=width).astype("f"))
    model.set_param("b", rng.normal(size=width).astype("f"))
    return model, rng


@pytest.mark.parametrize("rows,width", [(1, 96), (7, 96), (300, 128), (1500, 64)])
def test_layernorm_forward_is_thincs_bit_for_bit(rows, width):
    model, rng = _layer(width, rows)
    X = (rng.normal(size=(rows, width)) * rng.uniform(0.01, 50, size=(rows, 1)) + 3).astype("f")
    want, _ = thinc_layernorm.forward(model, X, False)
    got, _ = layernorm.forward(model, X.copy(), False)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert got.tobytes() == want.tobytes()


def test_layernorm_forward_leaves_its_input_and_training_alone():
    model, rng = _layer(32, 5)
    X = rng.normal(size=(4, 32)).astype("f")
    before = X.copy()
    layernorm.forward(model, X, False)
    assert X.tobytes() == before.tobytes()
    Y, backprop = layernorm.forward(model, X, True)  # training: thinc's own forward, with its backward pass
    assert backprop(numpy.ones_like(Y)).shape == X.shape


@pytest.mark.skipif(not available("it"), reason="the Italian pipeline is not built")
def test_loaded_pipeline_uses_it_and_parses_as_with_thincs():
    nlp = pipeline("it")
    nodes = [n for _, c in nlp.pipeline if hasattr(c, "model") for n in c.model.walk() if n.name == "layernorm"]
    assert nodes and all(n._func is layernorm.forward for n in nodes)
    text = "Il ministro ha detto ieri che l'accordo sulle garanzie resterà valido, se Mosca rispetterà la tregua."

    def parse():
        doc = nlp(text)
        return [(t.text, t.lemma_, t.pos_, str(t.morph), t.dep_, t.head.i) for t in doc], \
            [(e.text, e.label_) for e in doc.ents]
    new = parse()
    try:
        for n in nodes:
            n._func = thinc_layernorm.forward
        old = parse()
    finally:
        for n in nodes:
            n._func = layernorm.forward
    assert new == old and new[0][0][0] == "Il"


STATEMENTS = [
    ("Il ministro degli Esteri ha detto che l'Italia non invierà truppe in Ucraina senza un cessate il fuoco. "
     "«Questo piano non è accettabile», ha aggiunto il portavoce del Cremlino.", "it"),
    ("The foreign minister said on Monday that his country would back security guarantees for Kyiv. "
     "\"We will never accept NATO membership for Ukraine,\" a Kremlin spokesman said.", "en"),
]


@pytest.mark.parametrize("text,lang", STATEMENTS)
def test_issue_features_from_the_shared_part_are_those_built_alone(text, lang):
    from garante.codebook import Codebook
    from garante.extract.stances import lexicon as stance_lexicon
    doc = analyse_text(text)
    assert doc.statements
    codebook = Codebook.load()
    checked = 0
    for st in doc.statements:
        view = sf.StatementView(doc, st, (0, len(doc.text)), lang, list(st.stances))
        sf.doc_topics([view], codebook)
        lex = stance_lexicon(lang)
        together = sf.statement_features(view, codebook, lex)
        cues = sf.issue_cues(view, codebook)
        bag = sf.words(view, st.content_start, st.content_end)
        classes, clause = sf.cue_classes(view, lex), sf.clause_features(view)
        for issue, (about, side) in together.items():
            mine = cues.get(issue, [])
            alone = sf.about_features(view, issue, mine, bag), sf.side_features(view, issue, mine, classes, bag,
                                                                                 clause)
            assert list(about.items()) == list(alone[0].items())  # the same names, values and order
            assert list(side.items()) == list(alone[1].items())
            checked += 1
    assert checked >= len(codebook.issues)


@pytest.mark.parametrize("code,text", [
    ("it", "Secondo il portavoce, la tregua reggerà. Lo ha detto ieri il ministro, che a suo avviso non "
           "vede alternative. Per Zelensky, invece, serve un accordo: così commenta il presidente."),
    ("it", "La riunione è finita tardi e nessuno ha parlato con la stampa."),
    ("en", "According to the spokesman, the truce will hold, the minister said, as reported by officials."),
    ("en", "The meeting ended late and nobody spoke to the press."),
])
def test_fixed_cues_tried_where_their_words_are_are_all_cues(code, text, monkeypatch):
    lex = lexicon(code)
    lo = text.find(". ") + 2 if ". " in text else 0  # also a paragraph that starts inside the text
    ranges = [(0, len(text)), (lo, len(text)), (0, max(1, lo - 2))]
    narrowed = [cue_module._cues(text, a, b, lex, []) for a, b in ranges]
    monkeypatch.setattr(cue_module, "_fixed_cues",
                        lambda lex, _text: {key: lex.patterns.get(key, []) for key in cue_module._FIXED})
    every = [cue_module._cues(text, a, b, lex, []) for a, b in ranges]
    assert narrowed == every
    if "Secondo" in text or "According" in text:
        assert any(c.category == "according" for c in narrowed[0])


@pytest.mark.parametrize("code,text", [
    ("it", "«Non cederemo», ha detto. Poi: “La tregua c’è, ma l’accordo ‘vero’ manca”. E ancora \"basta\" e «un altro"),
    ("it", "L'uomo disse \" Prevalga il dialogo\" e se ne andò; po’ di più: “un successo concreto“."),
    ("en", "He said \"we won't 'give up' now\" and left. \"It's over,” she wrote, ‘quite’ so. «Fine»"),
    ("en", "No quotation marks here at all, only words."),
])
def test_quotes_found_from_the_marks_alone_are_those_of_every_character(code, text, monkeypatch):
    from garante.extract.attribution import quotes
    lex = lexicon(code)

    def found(a, b):
        return [(q.open, q.close, q.depth, q.parent) for q in quotes.find_quotes(text, a, b, lex)]
    ranges = [(0, len(text)), (3, len(text) - 4), (text.find(" ") + 1, len(text))]
    marks = [found(a, b) for a, b in ranges]
    monkeypatch.setattr(quotes, "_marks", lambda lex: re.compile(r"(?s).", re.DOTALL))  # every character, as before
    assert marks == [found(a, b) for a, b in ranges]
    assert bool(marks[0]) == any(c in text for c in "«“\"‘")
