"""Twenty-fifth session, speed: the events named near a day count looked for through the event scan
(time/infer._named_near over _Scan), the events' id table built once a list (infer._by_id), and spaCy's
private component switches read in one place (nlp/layer._switches). Our own sentences."""
from contextlib import contextmanager

from garante.document import Document, Span
from garante.extract.sentences import SentenceSplitter
from garante.extract.time import infer
from garante.extract.timex import TimeTagger
from garante.kb import Entity, KnowledgeBase
from garante.nlp import layer
from garante.pipeline import Context


def _dated(text: str, kb: KnowledgeBase, lang: str = "en") -> Document:
    """Sentences and the time layer of an undated page, with the given knowledge base."""
    ctx = Context()
    ctx.__dict__["kb"] = kb
    doc = Document(source="test", raw=text, text=text, meta={"language": lang, "published": None})
    doc.add(Span(0, len(text), "zone", "body"))
    SentenceSplitter()(doc, ctx)
    TimeTagger()(doc, ctx)
    return doc


def _summits() -> KnowledgeBase:
    return KnowledgeBase([
        Entity(id="harbour-summit", name="harbour-summit", type="EVENT", aliases=["Harbour Summit"],
               data={"date": "2025-06-10", "end": "2025-06-12"}),
        Entity(id="lake-talks", name="lake-talks", type="EVENT", aliases=["Lakeside Round"],
               data={"date": "2025-09-01", "end": "2025-09-03", "place": "Lakeford"}),
        Entity(id="river-forum", name="river-forum", type="EVENT",
               data={"date": "2025-03-04", "end": "2025-03-05", "triggers": [r"\bforum (?:on|of) the river\b"]}),
    ])


def test_a_day_count_of_a_meeting_named_in_its_sentence_dates_the_page():
    doc = _dated("On the second day of the Harbour Summit, the ministers argued over the ceasefire.", _summits())
    assert (doc.meta["published"], doc.meta["published_source"]) == ("2025-06-11", "inferred:daycount")
    # named by a trigger of the knowledge base, not by an alias
    doc = _dated("The second day of the forum on the river opened with a dispute.", _summits())
    assert doc.meta["published"] == "2025-03-05"
    # named by its place only
    doc = _dated("On the third day of the talks in Lakeford, the delegations met again.", _summits())
    assert doc.meta["published"] == "2025-09-03"


def test_a_meeting_named_only_in_another_sentence_gives_the_count_no_start():
    doc = _dated("The Harbour Summit drew forty delegations. On the second day of the meeting, nobody spoke.",
                 _summits())
    assert not doc.meta.get("published")
    # a day past the meeting's last is no day of it
    doc = _dated("On the fourth day of the Harbour Summit, the ministers argued.", _summits())
    assert not doc.meta.get("published")


def _brute(doc: Document, offset: int, events) -> list:
    """What _named_near found before the scan: every matcher of every event tried over the sentence."""
    s = next((s for s in doc.layer("sentence") if s.start <= offset < s.end), None)
    lo, hi = (s.start, s.end) if s else (offset, min(len(doc.text), offset + 200))
    part = doc.text[lo:hi]
    return [ev for ev in events if any(p.search(part) for p in ev.matchers)
            or (ev.place is not None and ev.place.search(part))]


def test_the_events_named_near_an_offset_are_those_every_matcher_finds():
    events = infer._events(KnowledgeBase.load())
    assert len(events) > 50
    texts = ["Leaders gathered for the NATO summit in Vilnius, where Kyiv asked for a path to membership.",
             "Il vertice della Nato a Washington si è chiuso ieri con una dichiarazione su Kiev.",
             "Trump and Putin met in Alaska on Friday; the summit ended without a deal.",
             "Nothing in this sentence names any meeting at all. Then the Munich Security Conference opened.",
             "Al vertice di Parigi i volenterosi hanno discusso di garanzie per l'Ucraina."]
    found = 0
    for text in texts:
        doc = Document(source="test", raw=text, text=text, meta={"language": "en"})
        doc.add(Span(0, len(text), "zone", "body"))
        SentenceSplitter()(doc, Context())
        for offset in range(0, len(text), 7):
            near = infer._named_near(doc, offset, events)
            assert near == _brute(doc, offset, events), (text, offset)
            found += bool(near)
    assert found > 10  # the texts do name events: the comparison is not between two empty lists


def test_the_id_table_is_built_once_a_list_and_follows_a_new_list():
    events = infer._events(_summits())
    table = infer._by_id(events)
    assert set(table) == {"harbour-summit", "lake-talks", "river-forum"}
    assert infer._by_id(events) is table
    other = events[:1]
    assert set(infer._by_id(other)) == {"harbour-summit"}


class _Pipe:
    """Just what spaCy's Language keeps of its components for the switches garante reads."""

    def __init__(self, names):
        self._components = [(n, object()) for n in names]
        self._disabled = set()


class _Public:
    """A pipeline with only the public interface (another spaCy version)."""

    def __init__(self, names):
        self.pipe_names, self.calls = list(names), []

    @contextmanager
    def select_pipes(self, enable):
        self.calls.append(tuple(enable))
        yield


def test_only_switches_the_other_components_off_for_the_block_and_back():
    nlp = _Pipe(["tok2vec", "tagger", "parser", "ner"])
    nlp._disabled.add("tagger")  # off before: stays off after
    assert layer.active(nlp) == ["tok2vec", "parser", "ner"]
    with layer.only(nlp, ["tok2vec", "ner"]):
        assert layer.active(nlp) == ["tok2vec", "ner"]
    assert layer.active(nlp) == ["tok2vec", "parser", "ner"]
    assert nlp._disabled == {"tagger"}


def test_a_pipeline_without_the_private_switches_takes_spacys_own():
    nlp = _Public(["tok2vec", "ner"])
    assert layer._switches(nlp) is None
    assert layer.active(nlp) == ["tok2vec", "ner"]
    with layer.only(nlp, ["ner"]):
        pass
    assert nlp.calls == [("ner",)]
    assert layer._switches(_Pipe(["ner"])) is not None


# --- the parse's frames: cue tokens of the parts of speech a frame reader takes; subtrees walked once ------

from garante.extract.attribution import CUE_POS, attribution_lexicon, find_frames  # noqa: E402
from garante.extract.attribution import frames as frames_module  # noqa: E402

from test_attribution import parsed  # noqa: E402

THREE_CUES = """
The the DET 2 det
envoy envoy NOUN 4 nsubj
was be AUX 4 cop
adamant adamant ADJ 0 root
that that SCONJ 9 mark
the the DET 7 det
truce truce NOUN 9 nsubj
would would AUX 9 aux
hold hold VERB 4 ccomp
. . PUNCT 4 punct

Her her PRON 2 nmod:poss
insistence insistence NOUN 8 nsubj
that that SCONJ 6 mark
the the DET 5 det
border border NOUN 6 nsubj
stays stay VERB 2 acl VerbForm=Fin
open open ADJ 6 xcomp
surprised surprise VERB 0 root
nobody nobody PRON 8 obj
. . PUNCT 8 punct

The the DET 2 det
minister minister NOUN 3 nsubj
said say VERB 0 root
the the DET 5 det
talks talk NOUN 7 nsubj
would would AUX 7 aux
resume resume VERB 3 ccomp
. . PUNCT 3 punct
"""
THREE_TEXT = ("The envoy was adamant that the truce would hold. Her insistence that the border stays open "
              "surprised nobody. The minister said the talks would resume.")


def _every_token(doc, lex):
    """find_frames' loop over every token, none passed over (the frames before the gate)."""
    from garante.extract.attribution import _frame_of, _lemma, act_frame, recovered_frame
    out = []
    for t in doc.tokens:
        lemma = _lemma(t, lex, {})
        frame = act_frame(doc, t, lemma, lex.frames, False) or _frame_of(doc, t, lemma, lex, False) \
            or recovered_frame(doc, t, lemma, lex)
        if frame is not None and frame.content and frame.frame in lex.frames:
            out.append((t.i, frame.frame, [x.i for x in frame.content]))
    return out


def test_a_verb_a_noun_and_an_adjective_cue_still_give_their_frames():
    doc = parsed("en", THREE_TEXT, THREE_CUES)
    lex = attribution_lexicon("en")
    found = {f.cue.text: f for f in find_frames(doc, lex)}
    assert {"adamant", "insistence", "said"} <= set(found)
    assert " ".join(t.text for t in found["adamant"].content).startswith("that the truce would hold")
    assert [t.text for t in found["said"].content][:3] == ["the", "talks", "would"]
    assert found["said"].source.text == "minister"
    assert found["insistence"].source.text == "Her" and found["insistence"].content[-1].text == "open"
    assert {f.cue.pos for f in find_frames(doc, lex)} <= CUE_POS
    assert [(f.cue.i, f.frame, [x.i for x in f.content]) for f in find_frames(doc, lex)
            if f.frame != "according"] == _every_token(doc, lex)


def _walked(doc, tok, skip=()):
    """A token's subtree by a fresh walk of the heads (what frames.subtree did before it was kept)."""
    out = {tok.i}
    changed = True
    while changed:
        changed = False
        for t in doc.tokens:
            if t.i not in out and t.head in out and t.head != t.i and not (t.head == tok.i and t.dep in skip):
                out.add(t.i)
                changed = True
    return [doc.tokens[i] for i in sorted(out)]


def test_a_subtree_is_walked_once_and_each_caller_gets_its_own_list():
    doc = parsed("en", THREE_TEXT, THREE_CUES)
    for tok in doc.tokens:
        for skip in ((), ("nsubj",), ("mark", "punct")):
            assert frames_module.subtree(doc, tok, skip) == _walked(doc, tok, skip)
    said = next(t for t in doc.tokens if t.text == "said")
    whole = frames_module.subtree(doc, said)
    assert [t.text for t in whole][:3] == ["The", "minister", "said"]
    assert [t.text for t in frames_module.subtree(doc, said, ("nsubj",))][:2] == ["said", "the"]
    whole.append(doc.tokens[0])  # a caller extends its list ("out += rest"): the next caller's is whole
    assert frames_module.subtree(doc, said) == whole[:-1]
    doc.tokens.pop()  # the tokens change: the subtrees are walked again
    assert frames_module.subtree(doc, said) == _walked(doc, said)


# --- the stance model's thresholds, read once per language and issue ----------------------------------------

def test_thresholds_are_read_once_and_again_when_replaced():
    from garante.extract.stance_model import StanceModel, by_language
    model = StanceModel.load()
    issues = ["ceasefire", "us_backstop", "nato_membership", None]
    for lang in ("it", "en", None):
        for issue in issues:
            first = model.thresholds(lang, issue)
            assert first == (by_language(model.threshold_new, lang, issue=issue),
                             by_language(model.threshold_drop, lang, 0.0, issue=issue))
            assert model.thresholds(lang, issue) is first  # the second time, the same pair read before
    model.threshold_new, model.threshold_drop = {"*": 0.9, "en|ceasefire": 0.2}, 0.05
    assert model.thresholds("en", "ceasefire") == (0.2, 0.05)
    assert model.thresholds("it", "ceasefire") == (0.9, 0.05)


# --- issue_scope._says: a word list's beginnings ("negozi*") gathered once a list -------------------------------

def test_a_word_or_its_beginning_is_said_by_form_or_lemma():
    from types import SimpleNamespace as Tok
    from garante.extract import issue_scope
    words = frozenset({"gaza", "negozi*", "israel*", "summit"})
    cases = [Tok(text="Negoziati", lemma="negoziato"), Tok(text="Israeli", lemma="israeli"), Tok(text="summits", lemma="summit"),
             Tok(text="Gaza", lemma="Gaza"), Tok(text="talks", lemma="talk"), Tok(text="negoz", lemma="negoz")]
    said = [issue_scope._says(t, words) for t in cases]
    assert said == [True, True, True, True, False, False]
    assert said == [any(f in words or any(w.endswith("*") and f.startswith(w[:-1]) for w in words)
                        for f in (t.text.lower(), t.lemma.lower())) for t in cases]
    assert issue_scope._beginnings(words) in (("negozi", "israel"), ("israel", "negozi"))
    assert not issue_scope._says(cases[0], frozenset({"gaza"}))  # a list without beginnings
    assert issue_scope._says(cases[0], {"negozi*"})  # a plain set too (not kept)
