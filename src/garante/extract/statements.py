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
"""
from __future__ import annotations

import re
from typing import Any

from ..document import Document, Span, Statement
from .attribution import attribution_lexicon
from .attribution.conjuncts import split_conjoined
from .attribution.quote_strings import split_quote_strings
from .attribution.merge import add_parsed, drop_misread_frames, label_kinds, link_continuations, widen_cues
from .attribution.acts import classify as classify_cues
from .attribution.scorer import shipped as shipped_scorer
from .attribution.anaphoric import drop_demonstrative_objects
from .attribution.questions import drop_indirect_questions
from .attribution.sides import DESCRIPTION, set_side, speaker_side
from .attribution.speakers import resolve_roles, resolve_surnames
from .attribution.unnamed import unnamed_speakers
from .attribution.language import Lexicon, lexicon
from .attribution.base import COMPONENT, Cue, Frame, _Para, _Site, _clip, _eligible, _iter, _sentence_bounds, _words
from .attribution.quotes import Quote, find_quotes
from .attribution.cue_frames import _frames_of_cue
from .attribution.overlaps import _cut_overlaps, _split_parentheticals
from .attribution.citations import _doubled_apostrophes, _outlet_test, _without_citations
from .attribution.build import _build_statements
from .attribution.cues import _accept, _cues
from .attribution.quote_frames import _unclaimed_quote_frames
from .ordered import Ordered


# --- quotations ------------------------------------------------------------------------------------


# --- cues and frames -------------------------------------------------------------------------------


class StatementExtractor:
    name = COMPONENT

    def __call__(self, doc: Document, ctx) -> None:
        lex = lexicon(doc.meta.get("language"))
        kb = ctx.kb if ctx is not None else None
        # in text order, looked up by bisection: the work per cue does not grow with the document
        mentions = Ordered(doc.layer("mention"))
        timexes = Ordered(doc.layer("timex"))
        sentences = Ordered.of_pairs((s.start, s.end) for s in doc.layer("sentence"))
        frames: list[Frame] = []
        paragraphs = [z for z in doc.layer("zone") if z.label in ("body", "subheading")
                      or z.label == "title" and lex.title_statements]
        interviewee = _interviewee(doc, mentions)
        introduced = _introduced_paragraphs(doc.text, paragraphs, lex, mentions, sentences)
        answering = _interview_subject(doc, lex, mentions)
        previous = None
        text = _without_citations(_doubled_apostrophes(doc.text), lex, _outlet_test(mentions, kb))
        for z in paragraphs:
            before, previous = previous, z
            if z.start in introduced:  # the words a colon at the end of the paragraph before introduced
                frames.append(introduced[z.start])
                continue
            signed = _signed(doc.text, z.start, z.end, mentions)
            if signed:  # "“…” ― Sonya Herridge": a quotation signed after a dash
                frames.extend(signed)
                continue
            if z.label != "body":  # a subheading (a title where the language's data says so: the seeds list
                # none, the annotated corpus does, GUIDE.md) gives a statement only as "Zelensky: «…»", and only
                # where the article does not give the quotation again
                frames.extend(_headline(doc.text, z.start, z.end, mentions)
                              or (_plain_headline(doc.text, z.start, z.end, mentions) if z.label == "title" else []))
                continue
            start = z.start
            label = _speaker_label(doc.text, z.start, z.end, lex, kb, mentions, interviewee)
            if label is not None:
                kind, who, start = label
                if kind == "question":
                    continue  # the interviewer's words
                quoted = doc.text[start:z.end].lstrip()[:1] in lex.opening + lex.either
                if who is not None and not (kind == "speaker" and quoted):
                    # a transcript's or an interview's speaker: every sentence is theirs ("Zelensky: «…». Il
                    # presidente …" is a quotation with its name, the sentences after it the writer's)
                    frames.extend(_labelled(doc.text, start, z.end, who, sentences))
                    continue
                start = z.start if quoted else start
            tagged = _dash_tag(text, z, before, lex, frames)
            if tagged is not None:  # "…\n\n- ha dichiarato Salvini a Milano.": the paragraph before is his
                frames.append(tagged)
                continue
            new = _paragraph(text, start, z.end, lex, sentences, mentions, timexes, kb)
            if answering is not None and before is not None and _is_question(doc.text, before):
                _answer(new, z, answering)
            frames.extend(new)
        orphans: list[Frame] = []
        _build_statements(doc, frames, lex, mentions, kb, sentences, timexes, orphans)
        label_kinds(doc, kb)
        parsed = attribution_lexicon(doc.meta.get("language"))
        if parsed is not None:  # the parse adds what the rules missed (nothing when there are no tokens)
            drop_misread_frames(doc)
            wide = ctx is not None and ctx.options.get("attribution_frames") == "all"
            add_parsed(doc, parsed, kb, lex.forms, every_frame=wide, scorer=_scorer(ctx))
            if orphans and doc.tokens:  # a quotation after one the parse attributed goes on from it
                _build_statements(doc, orphans, lex, mentions, kb, sentences, timexes, resumed=True)
        label_kinds(doc, kb)
        if parsed is not None:  # "a former US ambassador", "Londra e Washington": the phrase speaks, not one word
            unnamed_speakers(doc, parsed)
        resolve_surnames(doc, kb, parsed.titles if parsed is not None else {})
        resolve_roles(doc, kb, parsed)
        if parsed is not None and parsed.split_conjoined:  # "ha dichiarato di … e ha respinto …": two statements
            split_conjoined(doc, parsed, lex.forms)
        if parsed is not None and parsed.split_quote_strings:  # "«…», mentre «…»": a statement per quotation
            split_quote_strings(doc, lex.forms)
        drop_demonstrative_objects(doc)  # "announced this during a press conference": said before
        drop_indirect_questions(doc)  # "Asked whether …, X said": the question is no statement
        described_sides(doc, kb)  # "X, portavoce del governo ungherese": the side his description names
        one_side_per_person(doc, kb)  # an unknown person speaks for one side in one article
        link_continuations(doc)
        classify_cues(doc)  # attrs['cue_class']: speech, belief or act (attribution/acts.py)
        if parsed is not None:  # "points out", "according to": the cue's particle and fixed phrase
            widen_cues(doc, parsed.according)


def _dash_tag(text: str, z: Span, before: Span | None, lex: Lexicon, frames: list[Frame]) -> Frame | None:
    """A paragraph that is a dialogue dash and a reporting clause ("- ha dichiarato Salvini durante un
    viaggio a Milano.") tags the whole paragraph before it, when no cue there claimed any of it."""
    dash = re.match(r"[–—-]\s*", text[z.start:z.end])
    if dash is None or before is None or any(before.start <= f.content_start < before.end for f in frames):
        return None
    at = z.start + dash.end()
    aux = re.match(r"(?:" + "|".join(map(re.escape, lex.aux)) + r")\s+", text[at:z.end], re.IGNORECASE) if lex.aux else None
    verb = lex.verb.match(text, at + (aux.end() if aux else 0), z.end)
    lemma, tense, category = lex.form_of(verb)
    if category != "speech":
        return None
    a, b = _clip(text, before.start, before.end)
    cue = Cue(at, verb.end(), lemma, tense, "speech", text[at:verb.end()])
    return Frame(a, b, cue, "trailing", speaker_after=(verb.end(), z.end), frame_span=(at, z.end),
                 sentence=(a, b))


def _scorer(ctx: Any):
    """The attribution scorer of the run: Context(options={"attribution_scorer": …}) (an object with
    ``keep(features, lang)``, or None for the default frames alone), else the shipped one."""
    if ctx is not None and "attribution_scorer" in ctx.options:
        return ctx.options["attribution_scorer"]
    return shipped_scorer()


_LABEL = re.compile(r"\s*([A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})\s*(?:,\s*([A-ZÀ-Ý][\w ]{1,30}?))?\s*:\s+"
                    r"(?:\((?:[^()]{1,40})\)\s*)?")


def _interviewee(doc: Document, mentions: list[Span]) -> Span | None:
    """The person an interview is with: the first person named in the title or the opening paragraph."""
    zones = [z for z in doc.layer("zone")]
    for z in zones[:3]:
        found = next((m for m in mentions if z.start <= m.start < z.end and m.label == "PER"), None)
        if found is not None:
            return found
    return None


def _speaker_label(text: str, lo: int, hi: int, lex: Lexicon, kb, mentions: list[Span], interviewee):
    """A paragraph that opens with a speaker's label — 'Q:', 'A:', 'SERGEI RYABKOV:', 'REYES, BYLINE:' —
    as (kind, speaker, where the words start): kind 'question', 'answer' or 'speaker'; speaker is a
    mention-like (entity id, name, start, end) or None when the label names the reporter or nobody known."""
    m = _LABEL.match(text, lo, min(hi, lo + 120))
    if not m:
        return None
    label = m.group(1).strip()
    role = (m.group(2) or "").strip().lower()
    key = label.lower().rstrip(".")
    if key in lex.qa_questions:
        return "question", None, m.end()
    if key in lex.qa_answers:
        who = None
        if interviewee is not None:
            who = (interviewee.attrs.get("entity_id"),
                   interviewee.attrs.get("name") or text[interviewee.start:interviewee.end],
                   interviewee.start, interviewee.end)
        return "answer", who, m.end()
    if role and role in lex.reporter_roles:
        return "speaker", None, m.end()
    inside = next((x for x in mentions.starting(m.start(1), m.end(1)) if x.label == "PER"), None)
    entity = None
    if inside is not None:
        entity = (inside.attrs.get("entity_id"), inside.attrs.get("name"), inside.start, inside.end)
    elif kb is not None and label.isupper():
        e = kb.find(label.title())
        if e is not None and e.type == "PER":
            entity = (e.id, e.name, m.start(1), m.end(1))
    if entity is None:
        return None if not label.isupper() else ("speaker", None, m.end())
    return "speaker", entity, m.end()


_HEADLINE = re.compile(r"(?:^|(?<=[.!?]\s))([^:.!?\n]{2,60}?)\s*:\s*([“«\"‘])([^“”«»\"\n]+)([”»\"’])[\s.]*$", re.M)


def _headline(text: str, lo: int, hi: int, mentions: Ordered) -> list[Frame]:
    """A subheading that is a quotation after its speaker's name and a colon ("Zelensky: «Temo che …»",
    "… intesa sulla forza multinazionale. Meloni: “No a invio truppe italiane”")."""
    m = _HEADLINE.search(text, lo, hi)
    if not m:
        return []
    name = [x for x in mentions.starting_through(m.start(1), m.end(1)) if x.end == m.end(1) and _eligible(x)]
    if not name or _words(m.group(3)) < 2 or text.find(m.group(3).strip(" .,"), hi) >= 0:
        return []  # (a quotation the article gives again below is the statement made there)
    x = name[-1]
    who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    return [Frame(m.start(2), m.end(4), None, "headline", fixed=who, sentence=(m.start(2), m.end(4)))]


def _plain_headline(text: str, lo: int, hi: int, mentions: Ordered) -> list[Frame]:
    """A title that is a person's name, a colon and what they said, unquoted ("Ucraina, Crosetto: Ogni
    soluzione dovrà passare per garanzie convincenti", "UK's Sunak: It's time to double down"): nothing but the
    name stands between the colon and the comma or start before it."""
    m = _PLAIN_HEADLINE.search(text, lo, hi)
    if not m or _words(m.group(2)) < 4:
        return []
    name = [x for x in mentions.starting_through(m.start(1), m.end(1)) if x.end == m.end(1) and x.label == "PER"]
    if not name or not re.fullmatch(r"(?:[\w.]+['’]s\s+)?", text[m.start(1):name[-1].start]):
        return []  # (a possessive may precede the name: "UK's Sunak")
    x = name[-1]
    who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    a, b = _clip(text, m.start(2), m.end(2))
    return [Frame(a, b, None, "headline", fixed=who, sentence=(a, b))]


_PLAIN_HEADLINE = re.compile(r"(?:^|(?<=[,]\s))([^:.!?,\n]{2,40}?)\s*:\s*([^“”«»\"\n:]{10,200})$", re.M)
_SIGNED = re.compile(r"([“«\"])(.+)([”»\"])\s*[―—]\s*((?:[A-ZÀ-Ý][\w'’.-]*\s*){1,5}?)[\s.]*$")


def _signed(text: str, lo: int, hi: int, mentions: Ordered) -> list[Frame]:
    """A paragraph that is a quotation signed after a dash ("“…” ― Sonya Herridge", as pages give
    readers' words and embedded posts): the person named, or two capitalised words or more, said it."""
    m = _SIGNED.match(text, lo, hi)
    if not m or _words(m.group(2)) < 2:
        return []
    a, b = m.span(4)
    b = _clip(text, a, b)[1]
    named = [x for x in mentions.starting_through(a, b) if x.label == "PER" and x.end <= b]
    if named:
        x = named[0]
        who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    elif len(text[a:b].split()) >= 2:
        who = (None, text[a:b], a, b)
    else:
        return []
    return [Frame(m.start(1), m.end(3), None, "signed", fixed=who, sentence=(m.start(1), m.end(3)))]


def _interview_subject(doc: Document, lex: Lexicon, mentions: Ordered):
    """The person an interview is with, where the headline or the first paragraph says it is one
    ("L'intervista al presidente ucraino …"): the first person it names, as (entity id, name, start, end)."""
    for z in doc.layer("zone")[:2]:
        if lex.first("interview", doc.text, z.start, z.end):
            m = next((m for m in mentions.starting(z.start, z.end) if m.label == "PER"), None)
            if m is not None:
                return m.attrs.get("entity_id"), m.attrs.get("name") or doc.text[m.start:m.end], m.start, m.end
    return None


def _is_question(text: str, z: Span) -> bool:
    return text[z.start:z.end].rstrip(" \n”»\"’").endswith("?")


def _answer(frames: list[Frame], z: Span, who) -> None:
    """After a question, a quotation opening the paragraph that no cue claims is the interviewee's answer."""
    for f in frames:
        if f.rule == "continuation" and f.depth == 0 and f.content_start <= z.start + 1:
            f.rule, f.fixed = "answer", who


def _introduced_paragraphs(text: str, paragraphs: list[Span], lex: Lexicon, mentions: Ordered,
                           sentences: Ordered) -> dict[int, Frame]:
    """A paragraph introduced by a colon ending the one before ("Il presidente russo ha sottolineato
    specificamente:", "Primo Ministro d'Italia:"), as pages print a quotation set apart: the speaker's
    words, by paragraph start, where the paragraph has no reporting cue of its own."""
    out: dict[int, Frame] = {}
    for z, nxt in zip(paragraphs, paragraphs[1:]):
        if nxt.label != "body" or not text[z.start:z.end].rstrip().endswith(":"):  # (a short one: a subheading)
            continue
        if _words(text[nxt.start:nxt.end]) < 3 or any(_accept(text, c, nxt.start, nxt.end, lex, mentions)
                                                       for c in _cues(text, nxt.start, nxt.end, lex, [])):
            continue
        a, b = _clip(text, nxt.start, nxt.end)
        colon = text.rindex(":", z.start, z.end)
        frame = _colon_cue(text, z.start, colon, a, b, lex, sentences) or _colon_label(text, z, colon, a, b, mentions)
        if frame is not None:
            out[nxt.start] = frame
    return out


def _colon_cue(text: str, lo: int, colon: int, a: int, b: int, lex: Lexicon, sentences: Ordered) -> Frame | None:
    """"… ha dichiarato:" / "… said:" right before the colon: a leading cue whose content is the next paragraph."""
    cues = [c for c in _cues(text, lo, colon, lex, []) if c.category == "speech"]
    if not cues or _words(text[cues[-1].end:colon]) > 2 or not _accept(text, cues[-1], lo, colon + 1, lex, Ordered()):
        return None
    cue = cues[-1]
    s_lo, _ = _sentence_bounds(text, sentences, cue.start, lo, colon + 1)
    return Frame(a, b, cue, "leading", speaker_region=(s_lo, cue.start), inherit="previous",
                 frame_span=(s_lo, colon), sentence=(a, b))


def _colon_label(text: str, z: Span, colon: int, a: int, b: int, mentions: Ordered) -> Frame | None:
    """"Primo Ministro d'Italia:" / "Meloni:" alone on a line: the person it names says the next paragraph."""
    if _words(text[z.start:colon]) > 6:
        return None
    named = [m for m in mentions.starting(z.start, colon) if m.label == "PER" and _eligible(m)]
    if not named:
        return None
    x = named[-1]
    who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    return Frame(a, b, None, "label", fixed=who, sentence=(a, b))


def _labelled(text: str, lo: int, hi: int, who, sentences) -> list[Frame]:
    out = []
    for a, b in sentences.overlapping(lo, hi):
        a, b = max(a, lo), min(b, hi)
        if b <= a:
            continue
        a, b = _clip(text, a, b)
        if _words(text[a:b]) >= 2:
            out.append(Frame(a, b, None, "label", fixed=who, sentence=(a, b)))
    return out


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


# --- speakers, dates, the statements ---------------------------------------------------------------


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
        mentions = doc.layer("mention") if mentions is None else mentions
        side, how = speaker_side(kb, st.speaker_entity_id, None, mentions=mentions)
        if how == DESCRIPTION and kb.get(side) is not None:
            set_side(st, kb, side)
            st.attrs["on_behalf_of_from"] = how


