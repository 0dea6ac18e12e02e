"""The statements of a document's frames (``_build_statements``): for each frame its content and kind, its speaker
(``frame_speakers``), the source it cites, its audience and channel, its date, on whose behalf it was said and
the statement it is nested in."""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from ...document import Document, Span, Statement
from ..ordered import Ordered
from ..timex import date_at
from .base import COMPONENT, Frame, _Build, _SKIP, _SPEAKER_RANK, _clip, _eligible, _is_media, _iter, _words
from .citations import _citation_asides, _doubled_apostrophes, _outlet_test
from .dates import _context_date
from .frame_speakers import _cited, _frame_speaker, _speaker_by_inheritance
from .language import Lexicon
from .own_tags import crossed_speaker, own_tag
from .quotes import _kind, _quote_spans, _single_quote, single_marks
from ..entities import stated_independent
from .sides import side_name, speaker_side


_DATELINE_LEAD = re.compile(r"[^.;:«“\"\n]{0,40}?[–—-]\s*")  # "Roma, 11 apr – ", as all that precedes a sentence


# --- speakers, dates, the statements ---------------------------------------------------------------


def _build_statements(doc: Document, frames: list[Frame], lex: Lexicon, mentions: Ordered, kb,
                      sentences: Ordered, timexes: Ordered, orphans: list[Frame] | None = None,
                      resumed: bool = False) -> None:
    """The statements of the frames, in ``doc.statements``. ``orphans`` collects the quotations that had
    no speaker to continue; ``resumed``: add to the statements already there (the orphans again, once the
    parse has added its statements), each continuing the statement just before it."""
    text = single_marks(_doubled_apostrophes(doc.text), lex)  # (the marks read as the frames read them)
    statements: list[Statement] = list(doc.statements) if resumed else []
    kept: set[tuple[int, int]] = {(st.content_start, st.content_end) for st in statements}
    last: Statement | None = None
    frames.sort(key=lambda f: (f.content_start, f.depth))
    build = _Build(doc, text, lex, mentions, kb, sentences, timexes, frames,
                   Ordered((f for f in frames if f.cue is not None), start=lambda f: f.cue.start,
                           end=lambda f: f.cue.end + 1),  # the frames whose cue lies in a span or at an offset
                   _zones(doc),
                   _citation_asides(text, lex, _outlet_test(mentions, kb)),  # a paper cited in an aside never speaks
                   (Ordered(doc.layer("sentence")), timexes))  # what date_at reads, in order
    reading = _Reading(text, lex, mentions, kb)
    for f in frames:
        a, b = f.content_start, min(f.content_end, len(text))  # a quote left open at the very end
        if b <= a:
            continue
        if resumed:
            last = _just_before(statements, a, b)
            if last is None:
                continue
        st = _frame_statement(build, reading, f, (a, b), statements, last, resumed, orphans)
        if st is None or (st.content_start, st.content_end) in kept:
            continue
        kept.add((st.content_start, st.content_end))
        statements.append(st)
        if f.depth == 0 and not _tagged_after(last, st):
            last = st
    doc.statements = statements


def _goes_on(f: Frame, resumed: bool) -> bool:
    """Whether the frame is a top-level quotation no cue claims, read for the first time (one that may go on
    from the last speaker, or have a tag or a name of its own)."""
    return f.rule == "continuation" and f.depth == 0 and not resumed


def _frame_statement(build: _Build, reading: "_Reading", f: Frame, span: tuple[int, int],
                     statements: list[Statement], last: Statement | None, resumed: bool,
                     orphans: list[Frame] | None) -> Statement | None:
    """The statement of frame ``f`` (its content ``span``), with its speaker, context, date, side and parent;
    None where it makes none (a quotation with no speaker to continue then goes to ``orphans``)."""
    doc, text, lex = build.doc, build.text, build.lex
    a, b = span
    inside = _inside_quotes(build, f, span)
    if inside is None:
        return None
    quoted_all, (inside_a, inside_b) = inside
    found = _frame_source(build, f, span, statements, last, resumed)
    if found is _SKIP:
        return None
    speaker, governing, cited, guessed = found
    if speaker is None and governing is None:
        if orphans is not None and f.rule == "continuation" and f.depth == 0:
            orphans.append(f)
        return None
    st = Statement(content_start=inside_a, content_end=inside_b, content=doc.text[inside_a:inside_b],
                   kind=_kind(text, inside_a, inside_b, a, b, quoted_all, lex), component=COMPONENT, rule=f.rule)
    _set_speaker(doc, st, f, speaker, governing)
    if guessed:  # (the first name of the sentence, which the parse's subject of the governing verb may correct:
        # "The official had talks with Russia, claiming that …": the official)
        st.attrs["speaker_resolution"] = "governing-clause"
    _reporting_context(doc, reading, st, f, span, speaker, cited)
    st.date, st.date_source = _statement_date(build, st, f, a, statements)
    st.on_behalf_of_id, st.on_behalf_of_name = _behalf(build.kb, st, build.mentions, f, text,
                                                        doc.meta.get("published"))
    _nest(st, f, span, statements)
    return st


def _frame_source(build: _Build, f: Frame, span: tuple[int, int], statements: list[Statement],
                  last: Statement | None, resumed: bool):
    """Who said frame ``f``'s words: (speaker, the statement it inherits from, the source it cites, whether
    the speaker was guessed from the sentence), any of them None; ``_SKIP`` for a frame that makes no
    statement of its own."""
    text, lex, doc = build.text, build.lex, build.doc
    a, b = span
    exclude = _quote_spans(text, f.sentence, lex) + [x for x in build.asides if f.sentence[0] <= x[0] < f.sentence[1]]
    speaker = _frame_speaker(build, f, span, exclude)
    if speaker is None and _goes_on(f, resumed):
        tagged = own_tag(build, a, b, f.sentence[1], last)  # "«…», ha scherzato X": X's, whatever the verb
        if tagged is not None:
            speaker, f.cue, f.frame_span = tagged  # (its clause dates it)
            f.rule, f.inherit = "tag-unlisted", None
    cited = _cited(build, f, span, speaker)
    if cited is _SKIP:
        return _SKIP
    if cited is not None:
        cited, speaker = cited
    governing = None
    guessed = False  # a gerund's speaker taken from its sentence where no statement governs it
    if speaker is None:
        inherited = _inherited_speaker(build, f, span, exclude, statements, last, resumed)
        if inherited is _SKIP:
            return _SKIP
        speaker, governing, guessed = inherited
    if speaker is None and governing is None and _goes_on(f, resumed):
        if not lex.verb.search(text, f.content_end, f.sentence[1]):  # (a tag there names someone else)
            speaker = _named_next(text, f, build.mentions, build.sentences, doc) \
                or _named_before(text, f, build.mentions, build.sentences)
    return speaker, governing, cited, guessed


def _inherited_speaker(build: _Build, f: Frame, span: tuple[int, int], exclude: list, statements: list[Statement],
                       last: Statement | None, resumed: bool):
    """The speaker frame ``f`` inherits: (speaker, the statement it inherits from, whether the speaker was
    guessed from the sentence); ``_SKIP`` for a frame that makes no statement of its own."""
    found = _speaker_by_inheritance(build, f, span, exclude, statements, last)
    if found is _SKIP:
        return _SKIP
    speaker, governing = found
    if speaker is None and governing is last and _goes_on(f, resumed):
        crossed = crossed_speaker(build, last, span[0], f.sentence[0])  # ("X ha risposto su Telegram. «…»")
        if crossed is not None:
            speaker, governing = crossed, None
    return speaker, governing, f.inherit == "governing" and speaker is not None and governing is None


def _inside_quotes(build: _Build, f: Frame, span: tuple[int, int]) -> tuple[bool, tuple[int, int]] | None:
    """Whether the whole content is one quotation, and the content inside its marks (None: nothing left)."""
    text, lex = build.text, build.lex
    a, b = span
    quoted_all = text[a] in lex.opening + lex.either and (
        f.open_ended or text[b - 1] in lex.closing + lex.either + text[a]) and _single_quote(text, a, b, lex)
    inside_a, inside_b = (a + 1, b if f.open_ended else b - 1) if quoted_all else (a, b)
    inside_a, inside_b = _clip(text, inside_a, inside_b)
    return None if inside_b <= inside_a else (quoted_all, (inside_a, inside_b))


def _statement_date(build: _Build, st: Statement, f: Frame, a: int, statements: list[Statement]):
    """When it was said: a date in the reporting frame, else the one the context carries."""
    fs = f.frame_span or (f.sentence[0], a)
    value, source = date_at(build.doc, fs[0], max(fs[1], fs[0] + 1), build.dating)
    if f.cue is None or source != "expression":
        inherited = _context_date(build.doc, st, statements, build.sentences, build.mentions, build.timexes,
                                  build.zone_of)
        if inherited:
            value, source = inherited
    return value, source


def _set_speaker(doc: Document, st: Statement, f: Frame, speaker: Span | None, governing: Statement | None) -> None:
    """The statement's speaker: the mention found for it, else the statement it inherits from."""
    if f.cue is not None:
        st.cue, st.cue_start, st.cue_end = f.cue.text, f.cue.start, f.cue.end
        st.attrs["cue_lemma"] = f.cue.lemma
    if speaker is not None:
        st.speaker_entity_id = speaker.attrs.get("entity_id")
        st.speaker_name = speaker.attrs.get("name") or speaker.text_of(doc)
        st.speaker_start, st.speaker_end = speaker.start, speaker.end
        st.attrs["speaker_resolution"] = speaker.attrs.get("resolution")
        if speaker.attrs.get("kind"):  # (a description a tag gives: "the agency said")
            st.attrs["speaker_kind"] = speaker.attrs["kind"]
        st.confidence = 0.9 if f.cue is not None else 0.8
    else:
        st.speaker_entity_id = governing.speaker_entity_id
        st.speaker_name = governing.speaker_name
        st.speaker_start, st.speaker_end = governing.speaker_start, governing.speaker_end
        st.attrs["speaker_resolution"] = "previous-speaker" if f.inherit != "governing" else "governing-clause"
        st.confidence = 0.7 if f.cue is not None else 0.6


class _Reading(NamedTuple):
    """What the statements of one document are read with: its text as the frames read it, the language's
    lexicon, the entity mentions and the knowledge base."""
    text: str
    lex: Lexicon
    mentions: Ordered
    kb: Any


def _reporting_context(doc: Document, reading: _Reading, st: Statement, f: Frame, span: tuple[int, int],
                       speaker: Span | None, cited: str | None) -> None:
    """What the reporting clause and the rest of the sentence say around the statement: the channel, the
    outlet it is cited from, the addressee."""
    text, lex, mentions, kb = reading
    a, b = span
    fs = f.frame_span or (f.sentence[0], a)
    for lo_, hi_ in (fs, (b, f.sentence[1])):
        if st.channel is None:
            ch = lex.first("channel", text, lo_, hi_)
            if ch and not (st.content_start <= ch.start() < st.content_end):
                st.channel = ch.group(0).strip(" ,")
        if cited is None:
            cb = lex.first("cited_by", text, lo_, hi_)
            if cb:
                src = next(iter(mentions.starting_through(cb.end() - 1, cb.end() + 40)), None)
                if src is not None:
                    cited = src.attrs.get("name") or src.text_of(doc)
    if f.rule == "according" and speaker is not None and _is_media(speaker, kb):
        cited = speaker.attrs.get("name")
    if f.rule != "according":
        for prev in _according_before(text, a, f.sentence, lex, mentions):
            cited = cited or prev
    st.cited_source = cited
    _addressee(doc, st, f, reading, speaker)


def _nest(st: Statement, f: Frame, span: tuple[int, int], statements: list[Statement]) -> None:
    """A statement inside another one's quotation is reported by that one's speaker."""
    a, b = span
    if f.depth > 0 and f.quote_parent is not None:
        owner = next((i for i in range(len(statements) - 1, -1, -1)
                      if statements[i].content_start <= a and b <= statements[i].content_end + 1
                      and statements[i].attrs.get("depth", 0) == f.depth - 1), None)
        st.parent = owner
        st.attrs["reported_by"] = statements[owner].speaker_name if owner is not None else None
        st.rule = "nested-" + st.rule
    st.attrs["depth"] = f.depth


def _tagged_after(last: Statement | None, st: Statement) -> bool:
    """The last statement's tag closes the sentence of one nested in its content ("Putin ha detto che …, riferisce
    il Cremlino"): the one named last, which a dropped subject after it refers to, stays the tagged one."""
    return last is not None and last.cue_start is not None and st.cue_start is not None \
        and last.content_start <= st.cue_start < last.content_end < last.cue_start


def _named_next(text: str, f: Frame, mentions: Ordered, sentences: Ordered, doc: Document | None = None) -> Span | None:
    """"«…», «…». Antonio Tajani, ministro degli Esteri, chiude …": quotations that open a paragraph with
    no one to go on from are the words of the person the paragraph's next sentence opens with, or, with a
    parse, of the person who is the subject of its main verb after an opening adjunct ("«…». A sei mesi
    dall'inizio della guerra l'ambasciatore X chiama il mondo …")."""
    para = text.rfind("\n", 0, f.content_start) + 1
    if text[para:f.sentence[0]].strip() and not (doc is not None and _DATELINE_LEAD.fullmatch(text, para, f.sentence[0])):
        return None  # (with a parse, also after a dateline: "MOSCA – «…»")
    nxt = next(iter(sentences.starting(f.sentence[1], f.sentence[1] + 4)), None)
    if nxt is None or "\n" in text[f.sentence[1]:nxt[0]]:
        return None
    first = next(iter(mentions.starting(nxt[0], nxt[1])), None)
    if first is None or first.label != "PER" or not _eligible(first) or text[nxt[0]:first.start].strip():
        person = next((m for m in mentions.starting(nxt[0], nxt[1]) if m.label == "PER" and _eligible(m)), None)
        return person if person is not None and _main_verb_subject(doc, person, text[nxt[0]:person.start]) else None
    return first


def _main_verb_subject(doc: Document | None, m: Span, lead: str) -> bool:
    """The person named at ``m`` is the subject of its sentence's main verb, named before it (or in apposition
    to it, "l'ambasciatore a Roma, X,"), after a lead with no quotation in it."""
    if doc is None or not doc.tokens or any(c in lead for c in "«»“”\""):
        return False
    tok = doc.root(m.start, m.end)
    for _ in range(3):
        if tok is None or tok.is_root:
            return False
        if tok.dep in ("nsubj", "nsubj:pass"):  # (before its verb: one after it may be a misread object)
            return doc.tokens[tok.head].is_root and m.end <= doc.tokens[tok.head].start
        if tok.dep not in ("appos", "flat:name", "flat", "nmod") or any(c.dep == "case" for c in doc.children(tok)):
            return False  # (a name after its role, "il ministro degli Esteri X"; not one a preposition governs)
        tok = doc.tokens[tok.head]
    return False


def _named_before(text: str, f: Frame, mentions: Ordered, sentences: Ordered, reach: int = 2,
                  title: int = 5) -> Span | None:
    """"Zelensky lunedì tornerà da Trump. «Ok al trilaterale con Putin».": a quotation with no one to go on
    from is the words of the person one of the two sentences before opens with (after a title at most)."""
    before = [(a, b) for a, b in sentences.overlapping(max(0, f.sentence[0] - 800), f.sentence[0]) if b <= f.sentence[0] + 1]
    for a, b in reversed(before[-reach:]):
        first = next(iter(mentions.starting(a, b)), None)
        lead = text[a:first.start] if first is not None else ""
        if first is not None and first.label == "PER" and _eligible(first) and _words(lead) <= title and "," not in lead:
            return first
    return None


def _just_before(statements: list[Statement], a: int, b: int, reach: int = 600) -> Statement | None:
    """The statement a quotation at a..b continues: the one ending last before it, at most ``reach``
    characters back; none where a statement already covers any of it."""
    if any(st.content_start < b and a < st.content_end for st in statements):
        return None
    before = [st for st in statements if st.content_end <= a and a - st.content_end <= reach
              and st.attrs.get("depth", 0) == 0 and st.speaker_name]
    return max(before, key=lambda st: st.content_end, default=None)


def _according_before(text: str, a: int, sentence: tuple[int, int], lex: Lexicon, mentions):
    """'Secondo Bloomberg, X ha detto…': the source cited for a statement of the same sentence."""
    lo = sentence[0]
    for m in _iter(lex.patterns.get("according_to", []), text, lo, a):
        src = next((x for x in mentions.starting_through(m.end(), m.end() + 30) if x.label in _SPEAKER_RANK), None)
        if src is not None:
            yield src.attrs.get("name") or text[src.start:src.end]


def _addressee(doc: Document, st: Statement, f: Frame, reading: _Reading, speaker) -> None:
    """Whom the statement was said to ("told Putin", "ha detto ai giornalisti"): a person, state or
    organisation right after the cue; an outlet is the channel, not the addressee ("told Reuters": channel
    Reuters, where the sentence names no other)."""
    _, lex, mentions, kb = reading
    if f.cue is None:
        return
    start = max(f.cue.end, speaker.end if speaker is not None and speaker.start >= f.cue.end else f.cue.end)
    m = lex.match("addressee", doc.text, start, min(len(doc.text), start + 40))
    if not m:
        if lex.code == "en" and f.cue.lemma == "tell":
            m = re.match(r"\s*", doc.text[start:])
            start_at = start + m.end()
        else:
            return
    else:
        start_at = m.end()
    target = next((x for x in mentions.starting_through(start_at, start_at + 2) if x.label in ("PER", "ORG", "GPE")), None)
    if target is None:
        return
    if _is_media(target, kb):  # the interview's outlet: where it was said
        st.channel = st.channel or target.attrs.get("name") or target.text_of(doc)
        return
    if target.label == "ORG" and st.channel:
        return
    st.addressee_id = target.attrs.get("entity_id")
    st.addressee_name = target.attrs.get("name") or target.text_of(doc)


def _zones(doc: Document):
    """``doc.zone_of`` by bisection where zones do not overlap (as the cleaner makes them): the first
    zone holding an offset is then the only one."""
    zones = Ordered(s for s in doc.spans if s.layer == "zone")
    if any(zones.starts[k] < zones.reach[k - 1] for k in range(1, len(zones))):
        return doc.zone_of
    return lambda offset: (z.label if (z := zones.first_covering(offset)) is not None else None)


def _behalf(kb, st: Statement, mentions: list[Span], f: Frame, text: str, published) -> tuple[Any, Any]:
    if kb is None or not st.speaker_entity_id:
        return None, None
    # the knowledge base, else a role phrase anywhere in the article ("il viceministro russo X")
    target, _ = speaker_side(kb, st.speaker_entity_id, st.date or published, mentions=mentions)
    if target is None and st.speaker_start is not None and st.speaker_entity_id.startswith("x:") \
            and not stated_independent(kb, st.speaker_entity_id, mentions):
        # "il generale statunitense X": the state named beside an unknown speaker, not one named in what
        # he says ("X said that, if the Ukrainians …")
        near = [m for m in mentions.starting(st.speaker_start - 39, st.speaker_start + 40)
                if m.label == "GPE" and not st.content_start <= m.start < st.content_end]
        if near:
            target = near[0].attrs.get("entity_id")
    return target, side_name(kb, target)
