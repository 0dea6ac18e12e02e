"""Statements: who said what, when, on whose behalf, to whom — quotes and reported speech.

Works paragraph by paragraph over the article body (title, standfirst and subheadings paraphrase the
body: they are not statements of their own). For each paragraph:

1. quotations: every pair of quotation marks, mismatched and unbalanced ones included (a quote left
   open at the end of a paragraph closes there), nested quotes kept as children of the outer one;
2. cues: reporting verbs of ``data/lang/<code>/statements.yaml`` in any tense (a participle needs its
   auxiliary, a present form more evidence since it is often a noun), "secondo X" / "according to X",
   passives with their agent ("ribaditi dal ministro"), "lo ha detto X";
3. frames: a cue either follows what was said ("“…”, ha detto X" — trailing) or introduces it ("X ha
   detto che …", "X ha escluso l'invio di truppe" — leading); gerunds ("sottolineando che …") add a
   statement of the same speaker; "e che" splits one cue's content in two;
4. quotes that no cue claims continue the last speaker ("“…”, ha detto X. “…”");
5. quotes inside a quote with a cue of their own are statements of their own (Peskov quoting Putin is
   a statement by Putin, reported by Peskov: ``parent``).

The speaker is the nearest entity mention of the subject (persons before organisations before states),
else the last speaker (Italian drops the subject: "Ha aggiunto che…"). ``on_behalf_of`` is what the
knowledge base says the speaker stood for at the statement's date.

This module runs the steps; each family lives in ``attribution/``: ``language`` (the Lexicon), ``quotes`` (1),
``cues`` (2), ``cue_frames`` with ``placement`` and ``leading`` (3), ``quote_frames`` (4), ``layout`` (headlines,
signed quotations, transcript labels), ``overlaps`` (frames over the same words), ``citations`` (asides naming
a paper), ``build`` with ``frame_speakers``, ``pick`` and ``dates`` (the statements, their speakers and dates)
and ``base`` (the shapes they share). The parse then adds what the rules missed (``attribution/merge.py``).
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..document import Document, Statement
from .attribution import attribution_lexicon
from .attribution.acts import classify as classify_cues
from .attribution.anaphoric import drop_demonstrative_objects
from .attribution.conjuncts import split_conjoined
from .attribution.merge import (add_parsed, drop_misread_frames, label_kinds, link_continuations, widen_cues,
                               written_spans)
from .attribution.questions import drop_indirect_questions
from .attribution.quote_strings import split_quote_strings
from .attribution.scorer import shipped as shipped_scorer
from .attribution.supplements import cut_according_tails, cut_supplements
from .attribution.sides import DESCRIPTION, past_sides, set_side, speaker_side
from .attribution.lexicon import speaker_lexicon
from .attribution.speakers import resolve_roles, resolve_surnames
from .attribution.unnamed import unnamed_speakers
# the rule-based families (Lexicon, lexicon, find_quotes, Quote, Cue and Frame are also imported from here)
from .attribution.base import COMPONENT, Cue, speaker_mentions, Frame, _Para, _Site, _clip, _iter, _sentence_bounds, _words
from .attribution.build import _build_statements
from .attribution.citations import _doubled_apostrophes, _outlet_test, _without_citations
from .attribution.cue_frames import _frames_of_cue
from .attribution.cues import _accept, _cues
from .attribution.language import Lexicon, lexicon
from .attribution.layout import (_answer, _dash_tag, _headline, _interview_subject, _interviewee,
                                 _introduced_paragraphs, _is_question, _labelled, _plain_headline, _signed, _turn,
                                 _speaker_label, dotted_qa_labels, labelled_quotation, transcript_labels)
from .attribution.overlaps import _cut_overlaps, _split_parentheticals
from .attribution.quote_frames import _unclaimed_quote_frames
from .attribution.reportive import reported_conditionals
from .attribution.quotes import Quote, find_quotes, single_marks
from .ordered import Ordered


class StatementExtractor:
    name = COMPONENT

    def __call__(self, doc: Document, ctx) -> None:
        lex = lexicon(doc.meta.get("language"))
        kb = ctx.kb if ctx is not None else None
        article = _read_article(doc, lex, kb)
        frames: list[Frame] = []
        before = None
        for z in article.paragraphs:
            _paragraph_frames(article, z, before, frames)
            before = z
        parsed = attribution_lexicon(doc.meta.get("language"))
        _statements_of_frames(article, frames, parsed, ctx)
        _named_speakers(doc, kb, parsed, lex)
        reported_conditionals(doc)  # "… . Il Cremlino sarebbe pronto a …": the same speaker goes on
        _settled_statements(doc, kb, parsed, ctx)


class _Article(NamedTuple):
    """A document as the rules read its paragraphs: the layers in text order (looked up by bisection: the
    work per cue does not grow with the document), the paragraphs that may hold statements, what an
    interview's layout says, and the text with its quotation marks read (``marked``, same offsets) and its
    citations left out (``text``)."""
    doc: Document
    lex: Lexicon
    kb: Any
    mentions: Ordered
    timexes: Ordered
    sentences: Ordered
    paragraphs: list
    interviewee: Any
    introduced: dict
    answering: Any
    marked: str
    text: str
    labels: frozenset  # a transcript's speakers' labels in capitals ("WALLACE:"), by transcript_labels, and an
    # interview's dotted ones ("D.", "R."), by dotted_qa_labels


def _read_article(doc: Document, lex: Lexicon, kb) -> _Article:
    """The document's layers, paragraphs and texts as the paragraph rules read them."""
    mentions = speaker_mentions(doc)
    timexes = Ordered(doc.layer("timex"))
    sentences = Ordered.of_pairs((s.start, s.end) for s in doc.layer("sentence"))
    paragraphs = [z for z in doc.layer("zone") if z.label in ("body", "subheading")
                  or z.label == "title" and lex.title_statements]
    interviewee = _interviewee(doc, mentions)
    introduced = _introduced_paragraphs(doc.text, paragraphs, lex, mentions, sentences)
    answering = _interview_subject(doc, lex, mentions)
    marked = single_marks(_doubled_apostrophes(doc.text), lex)  # the quotation marks read (same offsets)
    text = _without_citations(marked, lex, _outlet_test(mentions, kb))
    labels = transcript_labels(doc.text, paragraphs, lex) | dotted_qa_labels(doc.text, paragraphs, lex)
    return _Article(doc, lex, kb, mentions, timexes, sentences, paragraphs, interviewee, introduced, answering,
                    marked, text, labels)


def _paragraph_frames(article: _Article, z, before, frames: list[Frame]) -> None:
    """Adds to ``frames`` the frames of paragraph ``z`` (``before``: the paragraph before it, or None)."""
    if _laid_out_frames(article, z, frames):
        return
    start = _after_label(article, z, frames)
    if start is None:
        return
    text, lex = article.text, article.lex
    if lex.title_case_heads and _quoted_heading(text, start, z.end, lex):
        return  # "‘All Bets Are Off.’": a section's heading in quotation marks
    tagged = _dash_tag(text, z, before, lex, frames)
    if tagged is not None:  # "…\n\n- ha dichiarato Salvini a Milano.": the paragraph before is his
        frames.append(tagged)
        return
    new = _paragraph(text, start, z.end, lex, article.sentences, article.mentions, article.timexes, article.kb)
    if article.answering is not None and before is not None and _is_question(article.doc.text, before):
        _answer(new, z, article.answering)
    label = _speaker_label(article.doc.text, z.start, z.end, lex, article.kb, article.mentions, article.interviewee,
                           article.labels) if start == z.start else None
    if label is not None and label[1] is not None:  # "“WALLACE: …": the quotation is the label's speaker's
        labelled_quotation(new, z, label[2], label[1])
    frames.extend(new)


def _laid_out_frames(article: _Article, z, frames: list[Frame]) -> bool:
    """Whether the paragraph's layout settles its frames (added to ``frames``): words a colon before it
    introduced, a signed quotation, a subheading or a title."""
    doc, mentions = article.doc, article.mentions
    if z.start in article.introduced:  # the words a colon at the end of the paragraph before introduced
        frames.append(article.introduced[z.start])
        return True
    signed = _signed(doc.text, z.start, z.end, mentions)
    if signed:  # "“…” ― Sonya Herridge": a quotation signed after a dash
        frames.extend(signed)
        return True
    if z.label != "body":  # a subheading (a title where the language's data says so: the seeds list
        # none, the annotated corpus does, GUIDE.md) gives a statement only as "Zelensky: «…»", and only
        # where the article does not give the quotation again
        frames.extend(_headline(article.marked, z.start, z.end, mentions)
                      or (_plain_headline(doc.text, z.start, z.end, mentions) if z.label == "title" else []))
        return True
    return False


def _after_label(article: _Article, z, frames: list[Frame]) -> int | None:
    """Where the paragraph's own words start after a speaker's label ("Zelensky: …"); None where the label
    settles the paragraph (an interviewer's question; a transcript's speaker, whose frames go to ``frames``)."""
    doc, lex = article.doc, article.lex
    label = _speaker_label(doc.text, z.start, z.end, lex, article.kb, article.mentions, article.interviewee,
                           article.labels)
    if label is None:
        return z.start
    kind, who, start = label
    if kind == "question":
        return None  # the interviewer's words
    if article.marked[z.start:start].lstrip()[:1] in lex.opening + lex.either:
        return z.start  # "“PENCE: …": a quotation that runs over the paragraphs, its speaker set after
    quoted = article.marked[start:z.end].lstrip()[:1] in lex.opening + lex.either
    if kind == "turn":  # "FALLIN: …": the paragraph is the turn of the speaker the label names
        frames.extend(_turn(doc.text, start, z.end, who))
        return None
    if who is not None and not (kind == "speaker" and quoted):
        # a transcript's or an interview's speaker: every sentence is theirs ("Zelensky: «…». Il
        # presidente …" is a quotation with its name, the sentences after it the writer's)
        frames.extend(_labelled(doc.text, start, z.end, who, article.sentences))
        return None
    return z.start if quoted else start


def _every_frame(ctx: Any) -> bool:
    """Whether the run counts every attribution, objects and infinitives included (PolNeAR's reading)."""
    return ctx is not None and ctx.options.get("attribution_frames") == "all"


def _statements_of_frames(article: _Article, frames: list[Frame], parsed, ctx: Any) -> None:
    """Builds ``doc.statements`` from the rules' frames, then adds what the parse (``parsed``) reads."""
    doc, lex, kb = article.doc, article.lex, article.kb
    layers = (lex, article.mentions, kb, article.sentences, article.timexes)
    orphans: list[Frame] = []
    _build_statements(doc, frames, *layers, orphans)
    label_kinds(doc, kb)
    if parsed is not None:  # the parse adds what the rules missed (nothing when there are no tokens)
        drop_misread_frames(doc)
        add_parsed(doc, parsed, kb, lex.forms, every_frame=_every_frame(ctx), scorer=_scorer(ctx))
        if orphans and doc.tokens:  # a quotation after one the parse attributed goes on from it
            _build_statements(doc, orphans, *layers, resumed=True)
    label_kinds(doc, kb)


def _named_speakers(doc: Document, kb, parsed, lex: Lexicon) -> None:
    """Gives the statements' speakers their names and roles, and splits statements the parse reads as two."""
    if parsed is not None:  # "a former US ambassador", "Londra e Washington": the phrase speaks, not one word
        unnamed_speakers(doc, parsed, kb)
    speaker_words = speaker_lexicon(doc.meta.get("language"))  # titles, epithets (none where parsed is None)
    resolve_surnames(doc, kb, speaker_words)
    resolve_roles(doc, kb, speaker_words)
    if parsed is not None and parsed.split_conjoined:  # "ha dichiarato di … e ha respinto …": two statements
        split_conjoined(doc, parsed, lex.forms)
    if parsed is not None and parsed.split_quote_strings:  # "«…», mentre «…»": a statement per quotation
        split_quote_strings(doc, lex.forms)


def _settled_statements(doc: Document, kb, parsed, ctx: Any) -> None:
    """Drops what is no statement, cuts the writer's asides, settles sides, links and classes, and writes
    the source and cue spans."""
    drop_demonstrative_objects(doc)  # "announced this during a press conference": said before
    drop_indirect_questions(doc)  # "Asked whether …, X said": the question is no statement
    if parsed is not None and _every_frame(ctx):
        cut_supplements(doc, parsed)  # "…, which …" closing a content: the writer's aside (PolNeAR's reading)
        cut_according_tails(doc)  # "A rose, according to X, more than …": the clause before the phrase
    described_sides(doc, kb)  # "X, portavoce del governo ungherese": the side his description names
    one_side_per_person(doc, kb)  # an unknown person speaks for one side in one article
    if parsed is not None:  # "l'ex ministra tedesca", "l'ex cancelliere X": an office of the past, no side
        past_sides(doc, kb, parsed.speakers)
    link_continuations(doc, speech=parsed.speech if parsed is not None else frozenset())
    classify_cues(doc)  # attrs['cue_class']: speech, belief or act (attribution/acts.py)
    if parsed is not None:  # "points out", "according to": the cue's particle and fixed phrase
        widen_cues(doc, parsed.according)
        written_spans(doc)  # the source's noun phrase and the cue's verb group as written


def _quoted_heading(text: str, lo: int, hi: int, lex: Lexicon, most: int = 6) -> bool:
    """The paragraph text[lo:hi] is one quotation of two to ``most`` words whose every word of four letters or
    more starts with a capital, two at least ("“Legend in the Coal Fields.”"): a heading, as headings are
    written in a language that capitalises them."""
    para = text[lo:hi].strip()
    if len(para) < 4 or para[0] not in lex.opening + lex.either or para.rstrip(".!?")[-1:] not in lex.closing + lex.either:
        return False
    inner = para[1:].rstrip(".!?")[:-1].strip(" .!?,")
    words = inner.split()
    if not 2 <= len(words) <= most or any(c in inner for c in lex.opening + lex.closing + lex.either):
        return False
    long = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    return sum(w[0].isupper() for w in words) >= 2 and all(w[0].isupper() for w in long)


def _scorer(ctx: Any):
    """The attribution scorer of the run: Context(options={"attribution_scorer": …}) (an object with
    ``keep(features, lang)``, or None for the default frames alone), else the shipped one."""
    if ctx is not None and "attribution_scorer" in ctx.options:
        return ctx.options["attribution_scorer"]
    return shipped_scorer()


def _paragraph(text: str, lo: int, hi: int, lex: Lexicon, sentences, mentions, timexes, kb, depth: int = 0,
               quote_parent: int | None = None, quotes: list[Quote] | None = None) -> list[Frame]:
    if quotes is None:
        quotes = find_quotes(text, lo, hi, lex)
    top = Ordered((q for q in quotes if q.depth == depth and lo <= q.open < hi), start=lambda q: q.open,
                  end=lambda q: q.outer_end)
    # a verb in quotation marks on its own ("ha «escluso» l'invio") is the narrator's cue, not quoted speech
    inner_spans = [(q.open + 1, q.close) for q in top if _words(text[q.open + 1:q.close]) > 1]
    cues = [c for c in _cues(text, lo, hi, lex, inner_spans)]
    frames: list[Frame] = []
    claimed: set[int] = set()  # indices into top of quotes that a cue attributes
    for ci, cue in enumerate(cues):
        mode = _accept(text, cue, lo, hi, lex, mentions)
        if mode is None:
            continue
        s_lo, s_hi = _sentence_bounds(text, sentences, cue.start, lo, hi)
        s_lo, s_hi = _widen(top, s_lo, s_hi, hi)
        new = _frames_of_cue(_Site(text, cue, mode, s_lo, s_hi, lo, lex, top, mentions, timexes))
        for f in new:
            f.depth, f.quote_parent = depth, quote_parent
            f.sentence = (s_lo, s_hi)
            frames.append(f)
    # where two leading cues share a sentence, the first one's content stops where the second's clause starts
    frames.sort(key=lambda f: f.content_start)
    _split_parentheticals(text, frames, lex)
    for g in _cut_overlaps(text, frames, lex, mentions, kb):
        if g in frames:
            frames.remove(g)
    for f in frames:
        for qi in top.indices_starting(f.content_start - 1, f.content_end + 1):
            if top[qi].close <= f.content_end + 1:
                claimed.add(qi)
    by_cues = Ordered.of_pairs((f.content_start, f.content_end) for f in frames)  # what the cues attribute
    para = _Para(text, lo, hi, lex, sentences, mentions, depth, quote_parent)
    _colon_frames(para, top, frames, by_cues)
    _unclaimed_quote_frames(para, top, claimed, frames)
    frames.sort(key=lambda f: f.content_start)
    # quotes inside quotes: a cue inside a quote makes a statement of its own
    if depth == 0:
        all_quotes = quotes
        by_open = Ordered(all_quotes, start=lambda q: q.open, end=lambda q: q.outer_end)
        for qi, q in enumerate(top):
            a, b = q.inner
            inner = [x for x in by_open.starting(a, b) if x.depth == depth + 1]
            if not inner:
                continue
            nested = _paragraph(text, a, b, lex, sentences, mentions, timexes, kb, depth + 1, qi, all_quotes)
            nested = [n for n in nested if n.cue is not None]
            frames.extend(nested)
        frames.sort(key=lambda f: (f.content_start, f.depth))
    return frames


def _colon_frames(para: "_Para", top: Ordered, frames: list[Frame], by_cues: Ordered) -> None:
    """Clauses a name or a noun of saying and a colon attribute, added to ``frames`` ("… il premier polacco
    Donald Tusk: la Polonia non prevede …", "con una dichiarazione shock: nessuna truppa …")."""
    text, lo, hi, lex, sentences, mentions = para.text, para.lo, para.hi, para.lex, para.sentences, para.mentions
    depth, quote_parent = para.depth, para.quote_parent
    # "… il premier polacco Donald Tusk: la Polonia non prevede …": a name and a colon attribute the clause
    for m in mentions.starting(lo, hi):
        if not m.end < hi or m.label != "PER" or any(q.open < m.start < q.close for q in top.covering(m.start)):
            continue
        colon = re.match(r"\s*:\s+(?![" + re.escape(lex.opening + lex.either) + r"])", text[m.end:hi])
        if colon is None:
            continue
        s_lo, s_hi = _sentence_bounds(text, sentences, m.start, lo, hi)
        a, b = _clip(text, m.end + colon.end(), s_hi)
        if _words(text[a:b]) >= 4 and not by_cues.covers(a) and not any(
                f.content_start <= a < f.content_end for f in frames[len(by_cues):]):
            frames.append(Frame(a, b, None, "colon", speaker_region=(m.start, m.end), depth=depth,
                                quote_parent=quote_parent, frame_span=(s_lo, a), sentence=(s_lo, s_hi)))
    # "… ha scosso gli alleati con una dichiarazione shock: nessuna truppa …": a noun of saying and a colon
    for m in _iter(lex.patterns.get("noun_colon", []), text, lo, hi):
        s_lo, s_hi = _sentence_bounds(text, sentences, m.start(), lo, hi)
        a, b = _clip(text, m.end(), s_hi)
        named = "source" in m.re.groupindex and m.group("source")  # (the speaker after the noun: no words before)
        if _words(text[a:b]) >= 4 and (named or _words(text[s_lo:m.start()]) >= 2) and not by_cues.covers(a) \
                and not any(f.content_start <= a < f.content_end for f in frames):
            # (a pattern with a group "source" names where the speaker is: "la posizione [di Kiev] è chiara: …")
            region = m.span("source") if named else (s_lo, m.start())
            frames.append(Frame(a, b, None, "colon", speaker_region=region, adjacent=False, depth=depth,
                                quote_parent=quote_parent, frame_span=(s_lo, a), sentence=(s_lo, s_hi)))


def _widen(top: Ordered, s_lo: int, s_hi: int, hi: int) -> tuple[int, int]:
    """A sentence may be cut inside a quote: widen it to the quotes it touches. Quotes of one depth do
    not overlap (they pair like brackets), so one quote at most holds each end: found by bisection."""
    if not top.disjoint:
        for q in top:  # (never so from find_quotes; kept for any other caller's quotes)
            if q.open < s_lo < q.outer_end:
                s_lo = q.open
            if q.open < s_hi < q.close:
                s_hi = min(hi, q.outer_end)
        return s_lo, s_hi
    q = top.first_covering(s_lo)
    if q is not None and q.open < s_lo:
        s_lo = q.open
    q = top.first_covering(s_hi)
    if q is not None and q.open < s_hi < q.close:
        s_hi = min(hi, q.outer_end)
    return s_lo, s_hi


def one_side_per_person(doc: Document, kb) -> None:
    """An unknown person (``x:``) speaks for one state or body in one article: where the rules gave his
    statements different sides (a state named near one mention of his surname, another near the next) or
    gave some of them none, all take the side most of his statements have (a tie: that of his earliest
    statement with one). A person the knowledge base knows has his side from it, by date."""
    if kb is None:
        return
    by_person: dict[str, list[Statement]] = {}
    for st in doc.statements:
        if (st.speaker_entity_id or "").startswith("x:"):
            by_person.setdefault(st.speaker_entity_id, []).append(st)
    for sts in by_person.values():
        sides = [st.on_behalf_of_id for st in sts if st.on_behalf_of_id is not None]
        if not sides:
            continue
        side = max(dict.fromkeys(sides), key=lambda x: (sides.count(x), -sides.index(x)))
        for st in sts:
            if st.on_behalf_of_id != side:
                set_side(st, kb, side)
                st.attrs["on_behalf_of_from"] = "person"


def described_sides(doc: Document, kb) -> None:
    """The side of an unknown person's statements that no rule gave one, whichever found him: the state or
    body the entity linker read in a description of him (its ``of``: "Oleg Petrenko, portavoce del ministero
    degli Esteri ucraino", "China's UN envoy Li Xiaoming"; attribution/sides.py)."""
    if kb is None or not doc.statements:
        return
    mentions = None
    for st in doc.statements:
        if st.on_behalf_of_id is not None or not (st.speaker_entity_id or "").startswith("x:"):
            continue
        # ordered (as layer() gives them): entities' role index is built once for the document
        mentions = Ordered(doc.layer("mention")) if mentions is None else mentions
        side, how = speaker_side(kb, st.speaker_entity_id, None, mentions=mentions)
        if how == DESCRIPTION and kb.get(side) is not None:
            set_side(st, kb, side)
            st.attrs["on_behalf_of_from"] = how
