"""The pipeline component that runs the trained spaCy pipeline over a document's article zones and
stores its output as stand-off annotations: ``Document.tokens`` and the ``ner`` layer of spans.

Two passes, so that a document costs what its later components need:

1. names: the NER component (with an encoder of its own) over every article zone;
2. parse: tokens, lemmas, morphology and dependencies for every sentence of the article (the default,
   ``parse="all"``: the time tagger reads tenses anywhere, and parsing only the sentences with a quote
   or a cue saved 7% on our sample corpus, where 83% of sentences have one), or with
   ``parse="cues"`` only for the sentences with a quotation mark or a speech/position cue
   (``data/lang/<code>/parse.yaml``).

``doc.meta["nlp"]`` records the model and the policy; sentences not parsed have no tokens, and every
component that reads tokens falls back to its rules there.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Span
from ..lang import topic

ZONES = ("title", "standfirst", "body", "subheading")
MAX_ZONE_CHARS = 100_000  # spaCy's cost is linear, but one pathological zone must not hold a document
MAX_SENTENCE_CHARS = 2_000  # longer "sentences" are lists or furniture: names only
PARSE_COMPONENTS = ("tok2vec", "morphologizer", "tagger", "trainable_lemmatizer", "lemmatizer", "parser",
                    "attribute_ruler", "senter")


@lru_cache(maxsize=None)
def parse_trigger(lang: str) -> re.Pattern | None:
    data = topic(lang, "parse") or {}
    starts = [re.escape(str(w).lower()) for w in data.get("word_starts") or []]
    quotes = [re.escape(str(q)) for q in data.get("quotes") or []]
    parts = ([r"\b(?:" + "|".join(sorted(set(starts), key=len, reverse=True)) + ")"] if starts else []) \
        + (["[" + "".join(quotes) + "]"] if quotes else [])
    return re.compile("|".join(parts)) if parts else None


def sentences_to_parse(doc: Document, lang: str, policy: str) -> list[tuple[int, int]]:
    zones = [(z.start, z.end) for z in doc.layer("zone") if z.label in ZONES]
    sents = [(s.start, s.end) for s in doc.layer("sentence")
             if any(a <= s.start < b for a, b in zones) and s.end - s.start <= MAX_SENTENCE_CHARS]
    if not sents:  # no sentence layer: each zone is one unit
        sents = [(a, min(b, a + MAX_ZONE_CHARS)) for a, b in zones]
    if policy == "all":
        return sents
    trigger = parse_trigger(lang)
    if trigger is None:
        return sents
    return [(a, b) for a, b in sents if trigger.search(doc.text[a:b].lower())]


class LinguisticLayer:
    name = "tokens"

    def __call__(self, doc: Document, ctx) -> None:
        from . import model_name, pipeline
        lang = (doc.meta.get("language") or "")[:2].lower()
        nlp = pipeline(lang) if lang else None
        if nlp is None:
            return
        policy = (getattr(ctx, "options", None) or {}).get("parse", "all")
        rule = f"model:{model_name(lang)}"
        self._names(doc, nlp, rule)
        units = sentences_to_parse(doc, lang, policy)
        self._parse(doc, nlp, units)
        doc.meta["nlp"] = {"model": rule.removeprefix("model:"), "parse": policy,
                           "parsed_sentences": len(units)}

    @staticmethod
    def _names(doc: Document, nlp, rule: str) -> None:
        if "ner" not in nlp.pipe_names:
            return
        zones = [z for z in doc.layer("zone") if z.label in ZONES]
        texts = [doc.text[z.start:min(z.end, z.start + MAX_ZONE_CHARS)] for z in zones]
        with nlp.select_pipes(enable=["ner"]):
            for zone, parsed in zip(zones, nlp.pipe(texts)):
                for ent in parsed.ents:
                    doc.add(Span(zone.start + ent.start_char, zone.start + ent.end_char, "ner", ent.label_,
                                 component="tokens", rule=rule))

    @staticmethod
    def _parse(doc: Document, nlp, units: list[tuple[int, int]]) -> None:
        enable = [p for p in nlp.pipe_names if p in PARSE_COMPONENTS]
        sent_base = 0
        with nlp.select_pipes(enable=enable):
            for (a, _), parsed in zip(units, nlp.pipe(doc.text[a:b] for a, b in units)):
                sent_base = _add_tokens(doc, parsed, a, sent_base)


def _add_tokens(doc: Document, parsed, offset: int, sent_base: int) -> int:
    """Append the non-space tokens of a parsed unit to doc.tokens; returns the next sentence index."""
    from . import Token
    base = len(doc.tokens)
    keep = [t for t in parsed if not t.is_space]
    index = {t.i: base + k for k, t in enumerate(keep)}
    sent_of = {}
    sents = list(parsed.sents) if parsed.has_annotation("SENT_START") else [parsed[:]]
    for s, sent in enumerate(sents):
        for t in sent:
            sent_of[t.i] = sent_base + s
    for t in keep:
        head = index.get(t.head.i, index[t.i])
        doc.tokens.append(Token(index[t.i], offset + t.idx, offset + t.idx + len(t.text), t.text,
                                t.lemma_ or t.text, t.pos_, str(t.morph), head, t.dep_ or "", sent_of[t.i]))
    return sent_base + len(sents)
