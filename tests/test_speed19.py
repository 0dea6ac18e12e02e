"""The lemmatizer's fast path (nlp/lemmas.py) gives spaCy's own lemmas, token for token."""
import pytest

from garante import nlp as garante_nlp
from garante.nlp import lemmas as fast_lemmas

SENTENCES = {
    "it": ["Il ministro degli esteri ha ribadito che le truppe non resteranno oltre l'estate.",
           "Secondo i negoziatori, le garanzie arriveranno solo dopo un cessate il fuoco verificabile.",
           "Le delegazioni si sono incontrate ieri e torneranno a parlarsi venerdì prossimo."],
    "en": ["The envoy insisted that any guarantees would be written down before the troops withdrew.",
           "Officials were briefing reporters while the negotiators kept drafting the agreements.",
           "She had argued repeatedly that the allies should be sending fewer promises and more aid."],
}


def _plain(lang):
    """The language's pipeline as spaCy loads it: its lemmatizer untouched."""
    spacy = pytest.importorskip("spacy")
    return spacy.load(garante_nlp.model_path(lang))


def _lemmas(nlp, texts):
    names = [n for n in nlp.pipe_names if n != "ner"]
    with nlp.select_pipes(enable=names):
        return [[(t.text, t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_fast_lemmas_are_spacys_own(lang):
    if not garante_nlp.available(lang):
        pytest.skip(f"no {lang} model")
    nlp = garante_nlp.pipeline(lang)
    pipe = nlp.get_pipe("trainable_lemmatizer")
    assert getattr(pipe.set_annotations, "__self__", None).__class__ is fast_lemmas.FastLemmas
    texts = SENTENCES[lang]
    fast = _lemmas(nlp, texts)
    fast_again = _lemmas(nlp, texts)  # second time from the (tree, form) table
    plain = _lemmas(_plain(lang), texts)
    assert fast == plain == fast_again
    assert any(text != lemma for doc in fast for text, lemma in doc)  # lemmas that are not the form itself


def test_fast_lemmas_table_stays_bounded(monkeypatch):
    if not garante_nlp.available("it"):
        pytest.skip("no it model")
    nlp = _plain("it")
    assert fast_lemmas.FastLemmas.install(nlp)
    fast = nlp.get_pipe("trainable_lemmatizer").set_annotations.__self__
    monkeypatch.setattr(fast_lemmas, "MAX_CACHED", 5)
    out = _lemmas(nlp, SENTENCES["it"])
    assert 0 < len(fast.cache) <= 5
    assert out == _lemmas(_plain("it"), SENTENCES["it"])


# --- "according to" phrases matched by their first word (attribution/frames.py) -------------------------

def test_according_phrases_by_first_word_keep_their_order():
    from garante.extract.attribution.frames import _by_first_word
    phrases = (("secondo",), ("a", "detta", "di"), ("stando", "a"), ("a", "giudizio", "di"))
    index = _by_first_word(phrases)
    assert index["a"] == [("a", "detta", "di"), ("a", "giudizio", "di")]
    assert index["secondo"] == [("secondo",)] and "detta" not in index
    assert _by_first_word(phrases + ((),)) is None  # an empty phrase matches anywhere: every phrase is tried


@pytest.mark.parametrize("lang,text,source", [
    ("it", "Secondo il portavoce del governo, la missione durerà almeno due anni.", "portavoce"),
    ("en", "According to the foreign minister, the mission will last at least two years.", "minister"),
])
def test_according_frames_still_found(lang, text, source):
    if not garante_nlp.available(lang):
        pytest.skip(f"no {lang} model")
    from garante import analyse_text
    from garante.extract.attribution import attribution_lexicon
    from garante.extract.attribution.frames import according_frames
    doc = analyse_text(text)
    frames = according_frames(doc, doc.tokens, attribution_lexicon(lang).according)
    assert [(f.frame, f.source.text) for f in frames] == [("according", source)]
    assert "mission" in doc.text[frames[0].content[0].start:frames[0].content[-1].end]
