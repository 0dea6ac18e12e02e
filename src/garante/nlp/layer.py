"""The pipeline component that runs the trained spaCy pipeline over a document's article zones and
stores its output as stand-off annotations: ``Document.tokens`` and the ``ner`` layer of spans.

Two passes, so that a document costs what its later components need: names over every article zone
(the NER component has an encoder of its own: trained on the encoder the parser shares, frozen, it lost
12 points of F on KIND dev, and on UNER English dev 0.41 against 0.57), then the parse.

What is parsed: every article sentence (the default, ``parse="all"``: the time tagger reads tenses
anywhere, and parsing only the sentences with a quote or a cue saved 7% on our sample corpus, where 83%
of sentences have one), or with ``parse="cues"`` only the sentences with a quotation mark or a
speech/position cue (``data/lang/<code>/parse.yaml``); "tags", "lemmas" and "near" are described at
``TAGGED_POLICIES`` and ``sentences_to_parse``. Names are found in every zone either way;
sentences longer than ``MAX_SENTENCE_CHARS`` (lists, furniture) get names only.

``doc.meta["nlp"]`` records the model and the policy; sentences not parsed have no tokens, and every
component that reads tokens falls back to its rules there.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from functools import lru_cache

from ..document import Document, Span
from ..extract.ordered import Ordered
from ..lang import topic
from .units import free_openers, hang_offices, hang_past_prefixes, join_names

ZONES = ("title", "standfirst", "body", "subheading")
MAX_ZONE_CHARS = 100_000  # spaCy's cost is linear, but one pathological zone must not hold a document
MAX_SENTENCE_CHARS = 2_000  # longer "sentences" are lists or furniture: names only
# The treebanks the models learned from write the apostrophe as ASCII; news writes it typographic, and the
# models then read "un’" as a verb and "all’" as a name. One character for one, so every offset holds.
MODEL_INPUT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
PARSE_COMPONENTS = ("tok2vec", "morphologizer", "tagger", "trainable_lemmatizer", "lemmatizer", "garante_units",
                    "parser", "attribute_ruler", "senter")
# The tagger writes only the treebank's own tags (token.tag_), which no token keeps; a rule lemmatizer or
# an attribute ruler reads them, so with one of those in a pipeline the tagger runs.
TAG_READERS = ("lemmatizer", "attribute_ruler")


# A scraped page that lost the space after a full stop glues a year to the next sentence ("in April
# 2022.Medinsky was"): spaCy's own infixes split a period between a lower-case letter or a quote and a
# capital, not after a digit, so the name after it was one token with the year and the NER missed it.
# Two digits at least: one alone is a list's number ("1.Introduzione"). As in sentences.BOUNDARY.
GLUED_STOP_INFIX = r"(?<=[0-9]{2})\.(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"


def split_glued_stops(nlp) -> None:
    """Adds GLUED_STOP_INFIX to the infixes the loaded tokenizer has (a model may have its own)."""
    finditer = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    if pattern is None or GLUED_STOP_INFIX in pattern:
        return
    nlp.tokenizer.infix_finditer = re.compile(pattern + "|" + GLUED_STOP_INFIX).finditer


def parse_components(nlp) -> list[str]:
    """The components the parse pass runs: those whose output the tokens keep, and what they read."""
    names = [p for p in active(nlp) if p in PARSE_COMPONENTS]
    if not any(p in TAG_READERS for p in names):
        names = [p for p in names if p != "tagger"]
    return names


@lru_cache(maxsize=None)
def parse_trigger(lang: str) -> re.Pattern | None:
    data = topic(lang, "parse") or {}
    starts = [re.escape(str(w).lower()) for w in data.get("word_starts") or []]
    quotes = [re.escape(str(q)) for q in data.get("quotes") or []]
    # longest first, then alphabetical: the same pattern whatever order the set gives (it follows the hash seed)
    parts = ([r"\b(?:" + "|".join(sorted(set(starts), key=lambda w: (-len(w), w))) + ")"] if starts else []) \
        + (["[" + "".join(quotes) + "]"] if quotes else [])
    return re.compile("|".join(parts)) if parts else None


def article_sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences of the article zones, or each zone as one unit where there is no sentence layer."""
    zones = Ordered.of_pairs((z.start, z.end) for z in doc.layer("zone") if z.label in ZONES)
    sents = [(s.start, min(s.end, s.start + MAX_ZONE_CHARS)) for s in doc.layer("sentence") if zones.covers(s.start)]
    return sents or [(a, min(b, a + MAX_ZONE_CHARS)) for a, b in zones]


def name_zones(doc: Document) -> list[tuple[int, int]]:
    """The article zones the NER reads, each cut to MAX_ZONE_CHARS."""
    return [(z.start, min(z.end, z.start + MAX_ZONE_CHARS)) for z in doc.layer("zone") if z.label in ZONES]


def doc_language(doc: Document) -> str:
    return (doc.meta.get("language") or "")[:2].lower()


def parse_policy(ctx) -> str:
    return (getattr(ctx, "options", None) or {}).get("parse", os.environ.get("GARANTE_PARSE") or "all")


# The policies that read tokens of every article sentence: "all" parses each; "tags" parses the sentences
# with a trigger (``parse.yaml``) and gives the others tokens without dependencies (lemma, part of speech,
# features: the tagger and lemmatiser, not the parser, which is most of the pass's time).
# "lemmas" tags every sentence first, then parses those with a trigger or with a word whose lemma the
# attribution lexicon lists as a cue of any kind (``cue_lemmas``): the parser reads the tagger's encoding.
TAGGED_POLICIES = ("tags", "lemmas")


@lru_cache(maxsize=None)
def cue_lemmas(lang: str) -> frozenset[str]:
    """Every lemma the attribution lexicon of ``lang`` reads as a cue (verbs, nouns, adjectives of saying
    and thinking, the open wordnets' weak cues, light, quoting and asking verbs, report and document nouns)
    and the first word of each "according to" sequence."""
    from ..extract.attribution.lexicon import attribution_lexicon
    lex = attribution_lexicon(lang)
    if lex is None:
        return frozenset()
    out = set()
    for name in ("speech", "cognition", "xcomp", "objects", "obliques", "predicates", "nouns", "adjectives",
                 "broad_verbs", "broad_nouns", "light_verbs", "quoting_verbs", "question_verbs", "report_nouns",
                 "open_source", "hedge_verbs", "naming_verbs"):
        out |= set(getattr(lex, name))
    out |= lex.speakers.document_nouns
    out |= {seq[0] for seq in lex.according if seq}
    from ..extract.attribution.acts import act_lexicon
    acts = act_lexicon(lang)
    if acts is not None:  # verbs, nouns and adjectives of acts and attitudes ("called for", "concern over")
        for table in (acts.prepositions, acts.attitude_nouns, acts.adjectives, acts.wording, acts.own_wording,
                      acts.depicting):
            out |= set(table)
        out |= set(acts.light_verbs) | set(acts.passive_verbs) | set(acts.naming_verbs) | set(acts.position_verbs)
    from ..extract.attribution.language import lexicon
    out |= set(lexicon(lang).forms)  # the rules' conjugated forms of the verbs, for a lemma the model got wrong
    return frozenset(w for w in out if w)


def has_cue_lemma(parsed, cues: frozenset[str]) -> bool:
    """A token of a cue's part of speech whose lemma, form, or (a verb) repaired lemma the set holds (the frame
    readers repair a regular verb's lemma the model cut wrong: "retweete" for "retweet")."""
    from ..extract.attribution import CUE_POS, _repairs
    for t in parsed:
        if t.pos_ in CUE_POS:
            lemma = t.lemma_.lower()
            if lemma in cues or t.lower_ in cues or t.pos_ == "VERB" and any(x in cues for x in _repairs(lemma)):
                return True
    return False


def _record(doc: Document, lang: str, policy: str, parsed_sentences: int) -> None:
    from . import model_name
    doc.meta["nlp"] = {"model": model_name(lang), "parse": policy, "parsed_sentences": parsed_sentences}


def sentences_to_parse(doc: Document, lang: str, policy: str) -> list[tuple[int, int]]:
    sents = [(a, b) for a, b in article_sentences(doc) if b - a <= MAX_SENTENCE_CHARS]
    if policy == "all":
        return sents
    trigger = parse_trigger(lang)
    if trigger is None:
        return sents
    hit = [bool(trigger.search(doc.text[a:b].lower())) for a, b in sents]
    if policy == "near":  # a trigger sentence and the sentence on each side of it
        hit = [any(hit[max(0, k - 1):k + 2]) for k in range(len(hit))]
    return [u for u, h in zip(sents, hit) if h]


def sentences_to_tag(doc: Document, lang: str, policy: str, parsed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The article sentences that get tokens without dependencies under ``policy``: none but for "tags"."""
    if policy not in TAGGED_POLICIES:
        return []
    done = set(parsed)
    return [(a, b) for a, b in article_sentences(doc) if b - a <= MAX_SENTENCE_CHARS and (a, b) not in done]


def tag_components(nlp) -> list[str]:
    return [p for p in parse_components(nlp) if p != "parser"]


class LinguisticLayer:
    name = "tokens"

    def __call__(self, doc: Document, ctx) -> None:
        from . import model_name, pipeline
        lang = doc_language(doc)
        nlp = pipeline(lang) if lang else None
        if nlp is None:
            return
        policy = parse_policy(ctx)
        self._names(doc, nlp, name_zones(doc), f"model:{model_name(lang)}")
        units = sentences_to_parse(doc, lang, policy)
        tagged = sentences_to_tag(doc, lang, policy, units)
        if tagged:
            more = self._parse_and_tag(doc, nlp, units, tagged, policy)
        else:
            self._parse(doc, nlp, units)
            more = 0
        join_names(doc)
        free_openers(doc)
        hang_offices(doc, lang)
        hang_past_prefixes(doc, lang)
        _record(doc, lang, policy, len(units) + more)

    def batch(self, docs: list[Document], ctx) -> list[Document]:
        """Annotates, with the same result as one at a time, the documents of a language that can share
        the models' calls (``_Units.groupable``), each pass over all of them in one call; returns the
        others, to be run one at a time. A call pays once for reading every weight matrix of the models,
        which a short document's call spends much of its time on. Annotates nothing if a call fails."""
        from . import pipeline
        by_lang: dict[str, list[Document]] = {}
        for doc in docs:
            lang = doc_language(doc)
            by_lang.setdefault(lang if lang and pipeline(lang) is not None else "", []).append(doc)
        left, groups = by_lang.pop("", []), []
        for lang, group in by_lang.items():
            prepared = [_Units.of(doc, pipeline(lang), lang, ctx) for doc in group]
            together = [u for u in prepared if u.groupable()]
            if len(together) < 2:
                together = []
            left += [u.doc for u in prepared if u not in together]
            groups.append((together, lang))
        runs = [(together, self._run_passes(together, lang)) for together, lang in groups if together]
        for together, (names, parses) in runs:
            self._annotate(together, names, parses, lang=together[0].lang)
        return left

    @staticmethod
    def _run_passes(group: list["_Units"], lang: str) -> tuple[list, list]:
        from . import pipeline
        nlp = pipeline(lang)
        return (_run(nlp, list(group[0].names), [z for u in group for z in u.zone_docs]),
                _run(nlp, list(group[0].parse), [s for u in group for s in u.sent_docs]))

    @staticmethod
    def _annotate(group: list["_Units"], names: list, parses: list, lang: str) -> None:
        from . import model_name
        rule = f"model:{model_name(lang)}"
        for u in group:
            for (a, _), parsed in zip(u.zones, names[:len(u.zone_docs)]):
                _add_names(u.doc, parsed, a, rule)
            names, sent_base = names[len(u.zone_docs):], 0
            for (a, _), parsed in zip(u.units, parses[:len(u.sent_docs)]):
                sent_base = _add_tokens(u.doc, parsed, a, sent_base)
            parses = parses[len(u.sent_docs):]
            join_names(u.doc)
            free_openers(u.doc)
            hang_offices(u.doc, lang)
            hang_past_prefixes(u.doc, lang)
            _record(u.doc, lang, u.policy, len(u.units))

    @staticmethod
    def _names(doc: Document, nlp, units: list[tuple[int, int]], rule: str) -> None:
        if "ner" not in active(nlp):
            return
        with only(nlp, ["ner"]):  # the NER component has an encoder of its own
            for (a, _), parsed in zip(units, nlp.pipe(model_input(doc, units))):
                _add_names(doc, parsed, a, rule)

    @staticmethod
    def _parse_and_tag(doc: Document, nlp, units: list[tuple[int, int]], tagged: list[tuple[int, int]],
                       policy: str) -> int:
        """Tags and lemmatises ``units`` and ``tagged`` in one pass, then runs the parser alone (on the
        encoding the tag pass left in each: the same parse as the full pass) over ``units`` and, under
        "lemmas", over the tagged sentences with a cue lemma; adds the tokens of all in text order. Returns
        how many tagged sentences were parsed too."""
        with only(nlp, tag_components(nlp)):
            done = list(zip(units + tagged, nlp.pipe(model_input(doc, units + tagged))))
        cues = cue_lemmas(doc_language(doc)) if policy == "lemmas" else frozenset()
        todo = [k for k, (_, p) in enumerate(done) if k < len(units) or cues and has_cue_lemma(p, cues)]
        if todo and "parser" in active(nlp):
            for k, p in zip(todo, nlp.get_pipe("parser").pipe([done[k][1] for k in todo])):
                done[k] = (done[k][0], p)
        sent_base = 0
        for (a, _), p in sorted(done, key=lambda x: x[0]):
            sent_base = _add_tokens(doc, p, a, sent_base)
        return len(todo) - len(units)

    @staticmethod
    def _parse(doc: Document, nlp, units: list[tuple[int, int]]) -> None:
        enable = parse_components(nlp)
        sent_base = 0
        with only(nlp, enable):
            for (a, _), parsed in zip(units, nlp.pipe(model_input(doc, units))):
                sent_base = _add_tokens(doc, parsed, a, sent_base)


def _switches(nlp) -> tuple[set, list] | None:
    """spaCy's private set of disabled component names and its list of (name, component), which ``active``
    and ``only`` read and switch themselves; None where the pipeline lacks them (another spaCy version:
    its public ``pipe_names`` and ``select_pipes`` then)."""
    disabled, components = getattr(nlp, "_disabled", None), getattr(nlp, "_components", None)
    if not isinstance(disabled, set) or components is None:
        return None
    return disabled, components


def active(nlp) -> list[str]:
    """``nlp.pipe_names``, the components not disabled, in order (spaCy's property formats two error messages
    for each read: 0.02 ms, asked for twice a document)."""
    own = _switches(nlp)
    if own is None:
        return list(nlp.pipe_names)
    disabled, components = own
    return [name for name, _ in components if name not in disabled]


@contextmanager
def only(nlp, enable):
    """``nlp.select_pipes(enable=enable)``: the other components disabled for the block, enabled again after.
    The same set spaCy's own keeps, without its checks: for each component it switched, spaCy rebuilt its list
    of names and formatted an error message (0.08 ms a call for the parse, 0.32 for the names, two calls a
    document). A pipeline without spaCy's ``_disabled`` set (another version) takes spaCy's own."""
    own = _switches(nlp)
    if own is None:
        with nlp.select_pipes(enable=enable):
            yield
        return
    disabled, components = own
    off = [name for name, _ in components if name not in enable and name not in disabled]
    disabled.update(off)
    try:
        yield
    finally:
        disabled.difference_update(off)


def _run(nlp, components: list[str], docs: list) -> list:
    """The parsed units of a group, in one sub-batch of every component (as a document alone has them)."""
    if not components or not docs:
        return []
    with only(nlp, components):
        return list(nlp.pipe(docs, batch_size=max(nlp.batch_size, 4 * len(docs))))


@lru_cache(maxsize=None)
def _min_rows(lang: str, components: tuple[str, ...]) -> int:
    """The fewest rows a pass's matrix products may have to be made by OpenBLAS's general kernels, whose
    result for a row does not depend on the other rows: products of M·N·K up to 10^6 may take kernels of
    their own (on this machine's OpenBLAS, rows came out otherwise below 10^5). N·K is a weight matrix's
    size; a transition model's output layer is multiplied in spaCy's own code, one state at a time."""
    from . import pipeline
    nlp = pipeline(lang)
    sizes = []
    for name in components:
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is None:  # a function component (units.py) multiplies nothing
            continue
        upper = model.get_ref("upper") if model.has_ref("upper") else None
        sizes += [node.get_param("W").size for node in model.walk()
                  if node is not upper and node.has_param("W") and node.get_param("W") is not None]
    return 10 ** 6 // min(sizes) + 1 if sizes else 1


class _Units:
    """A document's units of each pass, tokenized, and whether it may share the models' calls."""

    def __init__(self, doc: Document, nlp, lang: str, policy: str):
        self.doc, self.lang, self.policy = doc, lang, policy
        self.zones = name_zones(doc)
        self.units = sentences_to_parse(doc, lang, policy)
        self.zone_docs = [nlp.make_doc(t) for t in model_input(doc, self.zones)]
        self.sent_docs = [nlp.make_doc(t) for t in model_input(doc, self.units)]
        self.sub_batch = nlp.batch_size // 4  # what a transition component sorts a batch into
        self.names = ("ner",) if "ner" in active(nlp) else ()
        self.parse = tuple(parse_components(nlp))

    @classmethod
    def of(cls, doc: Document, nlp, lang: str, ctx) -> "_Units":
        return cls(doc, nlp, lang, parse_policy(ctx))

    def groupable(self) -> bool:
        """Alone, each pass of this document is one sub-batch whose products all take the general
        kernels; then in a group every product of its rows is made as it was alone (same result)."""
        if self.policy in TAGGED_POLICIES:
            return False  # two passes of the parse: one at a time
        return all(0 < len(docs) <= self.sub_batch and sum(map(len, docs)) >= _min_rows(self.lang, components)
                   for docs, components in ((self.zone_docs, self.names), (self.sent_docs, self.parse)))


def model_input(doc: Document, units: list[tuple[int, int]]):
    """The text of each unit as the models read it (same length, so spaCy's offsets are the document's)."""
    return (as_model_reads(doc.text[a:b]) for a, b in units)


def as_model_reads(text: str) -> str:
    """``text.translate(MODEL_INPUT)``, one ``replace`` per character (a search in C each, where translate
    walked every character through the table: a tenth of a millisecond a page, for each zone and sentence)."""
    for typographic, ascii_ in _MODEL_REPLACE:
        text = text.replace(typographic, ascii_)
    return text


_MODEL_REPLACE = tuple((chr(k), v) for k, v in MODEL_INPUT.items())


def _add_names(doc: Document, parsed, offset: int, rule: str) -> None:
    for ent in parsed.ents:
        doc.add(Span(offset + ent.start_char, offset + ent.end_char, "ner", ent.label_,
                     component="tokens", rule=rule))


# A string's hash names it in every spaCy vocabulary, so the few parts of speech, relations and feature
# sets are looked up once per process (StringStore look-ups were a third of turning a parse into tokens).
_CLOSED: dict[int, str] = {}


def _closed(strings, key: int) -> str:
    text = _CLOSED.get(key)
    if text is None:
        text = _CLOSED[key] = strings[key] if key else ""
    return text


ARRAY_ATTRS = ["IDX", "LENGTH", "IS_SPACE", "LEMMA", "POS", "MORPH", "HEAD", "DEP", "SENT_START"]


def _add_tokens(doc: Document, parsed, offset: int, sent_base: int) -> int:
    """Append the non-space tokens of a parsed unit to doc.tokens; returns the next sentence index.
    Reads spaCy's arrays rather than its Token objects (creating them was a tenth of the layer's time)."""
    from . import Token
    strings, text = parsed.vocab.strings, doc.text  # not parsed.text: spaCy rebuilds that token by token
    rows = parsed.to_array(ARRAY_ATTRS).tolist()
    if not rows:
        return sent_base
    index, k = {}, len(doc.tokens)
    for i, row in enumerate(rows):
        if not row[2]:
            index[i], k = k, k + 1
    split = any(row[8] for row in rows[1:])  # has_annotation("SENT_START"), read from the array
    # plain dict look-ups for the strings of each token: the unit's lemmas, and the closed classes' strings
    # of the process (``_closed``, called only for a key not seen yet)
    closed, names, get = _CLOSED, {}, index.get
    sent, append = sent_base, doc.tokens.append
    for i, (idx, length, is_space, lemma, pos, morph, head, dep, start) in enumerate(rows):
        if i and split and start == 1:
            sent += 1
        if is_space:
            continue
        start_char = offset + idx
        end_char = start_char + length
        if head >= 1 << 63:  # the relative offset of a head to the left, read as unsigned
            head -= 1 << 64
        word = text[start_char:end_char]
        lemma_text = names.get(lemma)
        if lemma_text is None:
            lemma_text = names[lemma] = strings[lemma]
        pos_text, feats, dep_text = closed.get(pos), closed.get(morph), closed.get(dep)
        if pos_text is None or feats is None or dep_text is None:
            pos_text, feats, dep_text = _closed(strings, pos), _closed(strings, morph), _closed(strings, dep)
        k = index[i]
        append(Token(k, start_char, end_char, word, lemma_text or word, pos_text,
                     "" if feats == "_" else feats,  # spaCy stores "no features" as "_"
                     get(i + head, k), dep_text, sent))
    return sent + 1
