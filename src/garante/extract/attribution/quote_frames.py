"""Quotations no cue claims (``_unclaimed_quote_frames``): "X: «…»", a quoted phrase in a sentence that names its
speaker (the name opening the sentence, or a quoted predicate), a string of quotations, a quotation a name alone
follows, or the last speaker going on."""
from __future__ import annotations

import re
from functools import lru_cache

from ...document import Span
from ..ordered import Ordered
from .base import Frame, _Para, _WORD, _clip, _eligible, _sentence_bounds, _tokens, _words
from .language import Lexicon
from .leading import _skip_to_complement
from .lexicon import attribution_lexicon
from .pick import _after_preposition, _inciso
from .quotes import Quote, _inside_quote, _utterance


def _quoted_in_sentence(text: str, q, s_lo: int, s_hi: int, frames: list[Frame], mentions: Ordered,
                        lex: Lexicon, attributed: Ordered) -> Frame | None:
    """Quoted words inside a sentence no cue claims: the words of the person, organisation or state the
    sentence opens with ("Mosca ha già scelto i target «per gli attacchi di rappresaglia»", "Kiev ha
    aperto alla neutralità “ma solo con le adeguate garanzie”"), else, right after a statement's
    sentence, its speaker going on ("Tajani ha ribadito che … . Le conseguenze sarebbero
    “pericolosissime”"). The whole sentence is the content."""
    if attributed.covers(s_lo) or attributed.covers(q.open) or \
            _words(text[q.open + 1:q.close]) < 2 and _predicate_of(text, q, s_lo, mentions, lex) is None:
        return None
    opener = next((m for m in mentions.starting(s_lo, q.open) if _eligible(m)), None)
    lead = [t for _, t in _tokens(text, s_lo, opener.start)] if opener is not None else []
    after = text[opener.end:q.open].lstrip()[:1] if opener is not None else ""
    if opener is not None and all(t in lex.function_words for t in lead) and not _inside_quote(text, s_lo, opener.start) \
            and after not in tuple(")–—-:") and "(" not in text[s_lo:opener.start] \
            and not _dateline(text[opener.end:q.open]):  # (not a dateline's agency or place)
        who = (opener.attrs.get("entity_id"), opener.attrs.get("name") or text[opener.start:opener.end],
               opener.start, opener.end)
        head = _premodifier(text[opener.end:q.open], lex.code)
        if head:  # the name modifies the subject's head ("the Kremlin spokesman"): the person it titles, else the
            # description itself speaks ("Kremlin aide X told …", "The Kremlin spokesman declined …, calling …")
            h = opener.end + head
            cue = lex.verb.search(text, h, q.open)
            if cue is not None and lex.form_of(cue)[2] == "speech":
                return None  # (a verb of saying of that subject claims the sentence: its frame reads it)
            named = next((m for m in mentions.starting(h, h + 3) if m.label == "PER" and _eligible(m)), None)
            if named is not None:
                who = (named.attrs.get("entity_id"), named.attrs.get("name") or text[named.start:named.end],
                       named.start, named.end)
            else:
                d = opener.start if not lead else s_lo + len(text[s_lo:opener.start]) - len(text[s_lo:opener.start].lstrip())
                who = (None, text[d:h], d, h)
        a, b = _clip(text, who[3], s_hi)
        a = _reported_start(text, a, q.open, s_hi, lex) or a
        if a <= q.open + 1 and q.close > b:  # ("told his audience, “… . … .”": the quotation, past its sentence)
            b = q.outer_end
        if _utterance(text, q, s_hi):  # "X emailed supporters, telling them, “We …”": the quotation only
            a, b = q.open, q.outer_end
        return Frame(a, b, None, "subject-quote", fixed=who, frame_span=(s_lo, opener.end), sentence=(s_lo, s_hi))
    before = [f for f in frames if f.sentence != (0, 0) and f.depth == 0 and s_lo - 3 <= f.sentence[1] <= s_lo + 1
              and max(f.content_end, (f.frame_span or (0, 0))[1]) >= f.sentence[1] - 3]
    # (a sentence naming no one else, after one whose statement or tag runs to its end: "«…», ha dichiarato X a
    # Istanbul. Il dialogo è … e «…»"; naming that speaker again, by name or office, names no one else)
    last = _last_speaker(max(before, key=lambda f: f.content_end), frames, mentions) if before else None
    named = any(_eligible(m) and (last is None or m.attrs.get("entity_id") != last)
                for m in mentions.starting(s_lo, s_hi) if not _inside_quote(text, q.open, m.start))
    if not named and before:
        a, b = _clip(text, s_lo, s_hi)
        return Frame(a, b, None, "continuation", inherit="previous", sentence=(s_lo, s_hi))
    return None


def _last_speaker(f: Frame, frames: list[Frame], mentions: Ordered, steps: int = 6) -> str | None:
    """The entity id of the one person or body that frame ``f`` gives as speaker (its label, else the one
    entity named where it looks for its speaker), or, with none named there, the speaker of the frame before
    that it goes on from; None where it names several, or no one."""
    while True:
        if f.fixed is not None:
            return f.fixed[0]
        ids = {m.attrs.get("entity_id") for region in (f.speaker_region, f.speaker_after) if region
               for m in mentions.starting(*region) if _eligible(m)}
        if ids:
            return next(iter(ids)) if len(ids) == 1 else None
        prior = [g for g in frames if g.depth == f.depth and g.content_end <= f.content_start]
        if f.inherit != "previous" or not prior or not steps:
            return None
        f, steps = max(prior, key=lambda g: g.content_end), steps - 1


def _dateline(gap: str) -> bool:
    """What follows a place that opens a dateline ("Roma, 11 apr – “…”"): a short date and a dash."""
    return len(gap) <= 30 and gap.rstrip().endswith(("–", "—", "-")) and not _words(gap.split(",")[0])


def _reported_start(text: str, lo: int, mark: int, s_hi: int, lex: Lexicon) -> int | None:
    """Where the words a verb of saying between the subject and the quotation reports start ("is telling
    voters that “…”", "told his supporters, “…”", "declaring it “…”"): past its complementizer, addressee
    or comma, else right after it; None where no verb of saying stands there, or only inside a clause the
    subject's own verb governs (the sentence is then the subject's)."""
    verbs = [m for m in lex.verb.finditer(text, lo, mark) if lex.form_of(m)[2] == "speech"
             and not _inside_quote(text, lo, m.start())]  # (not a quoted name's word: "the “Keep the Promise” PAC")
    if not verbs or lex.first("complementizer", text, lo, verbs[-1].start()) \
            or any(w in lex.relative_pronouns for _, w in _tokens(text, lo, verbs[-1].start())):
        return None  # (a verb in a clause of the object's: "advocates rules that allow firms to tell “…")
    start, _ = _skip_to_complement(text, verbs[-1].end(), s_hi, lex)
    if start is None or start > mark:  # "told his supporters, “…”": the quotation after the addressee's comma
        start = mark if re.search(r"[,:]\s*$", text[verbs[-1].end():mark]) else verbs[-1].end()
    return _clip(text, start, s_hi)[0]


def _string_of_quotes(text: str, q, frames: list[Frame], s_lo: int, lex: Lexicon, mentions: Ordered,
                      max_gap: int = 6) -> Frame | None:
    """The quotation its sentence began with, when the sentence has no cue and a few words with no verb of
    saying and no one named in them join it to ``q``: a string of quotations of one speaker."""
    before = [f for f in frames if f.rule == "continuation" and s_lo <= f.content_start and f.content_end <= q.open]
    if not before or any(f.cue is not None and f.sentence[0] == s_lo for f in frames):
        return None  # (in a sentence with a cue, the quotations are what it reports)
    last = max(before, key=lambda f: f.content_end)
    gap = text[last.content_end:q.open]
    if _words(gap) > max_gap or lex.verb.search(gap) or mentions.starting(last.content_end, q.open):
        return None
    return last


@lru_cache(maxsize=None)
def _head_nouns(code: str | None) -> frozenset[str] | None:
    """The nouns a name opening a sentence may modify (``_premodifier``): the attribution lexicon's anonymous
    nouns, epithets and organisation nouns, joined once per language (None: the language has no such lexicon)."""
    parsed = attribution_lexicon(code)
    if parsed is None:
        return None
    return parsed.anonymous_nouns | parsed.speakers.epithets | parsed.organisation_nouns


def _premodifier(after: str, code: str) -> int:
    """The name opening a sentence only modifies the noun after it, the subject's head: a possessive ("the
    Prime Minister's office says …") or a role or organisation noun ("the Kremlin spokesman declined …", "Kremlin
    foreign policy aide X told …"): the offset in ``after`` where that head ends (0: the name is the subject)."""
    heads = _head_nouns(code)
    if heads is None:
        return 0
    words = list(re.finditer(r"[^\s,;:]+", after[:80]))
    if not words:
        return 0
    if re.match(r"['’]s\b", after):  # ("the Prime Minister's Office", "Russia's foreign ministry")
        nxt = words[1] if len(words) > 1 and words[0].group() in ("'s", "’s") else None
        w = words[0].group()[2:] or (nxt.group() if nxt else "")
        end = words[0].end() if words[0].group()[2:] else (nxt.end() if nxt else 0)
        return end if w.lower().rstrip("s") in heads else 0
    first = words[0].group()
    if first[:1].islower() and first.rstrip("s") in heads:
        return words[0].end()  # ("Kremlin spokesman", "Kremlin officials")
    # up to two lowercase modifiers, then the role noun and the name it titles ("foreign policy aide Yuri X")
    for i, w in enumerate(words[1:3], 1):
        if not all(x.group()[:1].islower() and x.group().isalpha() for x in words[:i]):
            break
        if w.group() in heads and len(words) > i + 1 and words[i + 1].group()[:1].isupper():
            return w.end()
    return 0


def _predicate_of(text: str, q, s_lo: int, mentions: Ordered, lex: Lexicon):
    """The mention that opens the sentence when a quoted word is its predicate ("La Russia è «soddisfatta»",
    "Kiev si è detta «delusa»"): the subject's own word, not a term the writer marks."""
    opener = next((m for m in mentions.starting(s_lo, q.open) if _eligible(m)), None)
    if opener is None or _words(text[s_lo:opener.start]) > 1:
        return None
    link = lex.patterns.get("quoted_predicate")
    return opener if link and link[0].fullmatch(text, opener.end, q.open) else None


def _named_term(text: str, q, s_hi: int) -> bool:
    """A few quoted words the sentence goes on after without a break ("the “coalition of the willing” plan
    must have …"): a term the writer marks, not a quotation."""
    after = text[q.close + 1:min(s_hi, q.close + 3)]
    return _words(text[q.open + 1:q.close]) < 5 and bool(re.match(r"\s[^\W\d_]", after)) \
        and after[1:2].islower()


def _unnamed_source(clause: str, lex: Lexicon) -> bool:
    """Whether the words before a colon name an unnamed speaker ("un diplomatico europeo riassume con una
    battuta: «…»"; "il presidente francese" is someone named before): then the quotation is not the last
    speaker's going on."""
    parsed = attribution_lexicon(lex.code)
    if parsed is None:
        return True
    nouns = parsed.anonymous_nouns | parsed.group_nouns | parsed.organisation_nouns
    stems = {n[:-1] for n in nouns if len(n) > 3}
    words = [x.lower() for x in _WORD.findall(clause)]
    return any(a in parsed.indefinite and (w in nouns or len(w) > 3 and w[:-1] in stems)
               for a, w in zip(words, words[1:]))


def _source_before_colon(text: str, m: Span, colon_end: int, lex: Lexicon) -> bool:
    """A state named as the source right before a colon ("la minaccia dalla Russia: «…»", "il monito di
    Mosca: «…»"), not one the sentence is about ("Resta il nodo di Crimea e Donbass: «…»")."""
    return text[m.end:colon_end].strip() == ":" and \
        lex.first("source_before_colon", text[max(0, m.start - 40):m.start]) is not None


def _unclaimed_quote_frames(para: "_Para", top: Ordered, claimed: set[int], frames: list[Frame]) -> None:
    """The quotations no cue claims, added to ``frames``: "X: «…»", a quoted phrase in a sentence that names
    its speaker, or the last speaker going on."""
    text, lo, hi, lex, sentences, mentions = para.text, para.lo, para.hi, para.lex, para.sentences, para.mentions
    # quotes no cue claims: "X: «…»", or the last speaker going on
    attributed = Ordered.of_pairs((f.content_start, f.content_end) for f in frames)
    trailing_ends = {f.frame_span[1] for f in frames if f.rule == "trailing" and f.frame_span}
    reach = -1  # the furthest end of the frames this loop adds (each starts before the next quote)
    for qi, q in enumerate(top):
        if qi in claimed:
            continue
        a, b = q.inner
        body = text[a:b].strip()
        if _words(body) < 4 and _predicate_of(text, q, _sentence_bounds(text, sentences, q.open, lo, hi)[0],
                                              mentions, lex) is None:
            continue  # a quoted term, not a statement (but "La Russia è «soddisfatta» dei risultati")
        if attributed.covers(a) or a < reach:
            continue
        found = _unclaimed_frame(para, q, frames, attributed, q.open in trailing_ends)
        if found is not None:
            frames.append(found)
            reach = max(reach, found.content_end)


def _unclaimed_frame(para: "_Para", q: Quote, frames: list[Frame], attributed: Ordered,
                     after_attribution: bool) -> Frame | None:
    """The frame of quotation ``q``, which no cue claims (``after_attribution``: it opens right where a trailing
    tag's clause ends): a name tag, a colon's, one in a sentence that names its speaker, or the last speaker
    going on; None for a quoted term or name."""
    text, lo, hi, lex, mentions = para.text, para.lo, para.hi, para.lex, para.mentions
    colon = re.search(r"([^\W\d_][\w.'’ -]{0,60}?)\s*:\s*$", text[max(lo, q.open - 64):q.open])
    s_lo, s_hi = _sentence_bounds(text, para.sentences, q.open, lo, hi)
    tag = _name_tag(text, q, s_lo, hi, mentions, lex)
    if tag is not None:  # "«…», Carlo Rossi, leader di X": a name with no verb closes the paragraph
        return Frame(q.open, q.outer_end, None, "name-tag", speaker_region=(tag.start, tag.end),
                     adjacent=False, depth=para.depth, quote_parent=para.quote_parent,
                     frame_span=(q.outer_end, tag.end), sentence=(s_lo, s_hi))
    if colon:
        found = _colon_quote_frame(para, q, frames, (s_lo, s_hi))
        if found is not None:
            return found
    # a quote that stands as a sentence of its own, or right after an attribution ("…», ha detto X «…»),
    # continues the last speaker
    head = text[s_lo:q.open].strip()
    if head and not re.fullmatch(r"[\W_]*", head) and not after_attribution:
        return _quote_in_sentence_frame(para, q, frames, attributed, (s_lo, s_hi))
    if _named_term(text, q, s_hi):
        return None  # “coalition of the willing” plan: a name in quotation marks inside a sentence, not words said
    return Frame(q.open, min(hi, q.outer_end), None, "continuation", inherit="previous", depth=para.depth,
                 quote_parent=para.quote_parent, sentence=(s_lo, s_hi), open_ended=q.close >= hi,
                 speaker_after=_inciso(text, *q.inner, lex))


def _going_on_frame(para: "_Para", q: Quote, sentence: tuple[int, int]) -> Frame:
    """Quotation ``q`` as the last speaker going on."""
    return Frame(q.open, q.outer_end, None, "continuation", inherit="previous", depth=para.depth,
                 quote_parent=para.quote_parent, sentence=sentence)


def _colon_quote_frame(para: "_Para", q: Quote, frames: list[Frame], sentence: tuple[int, int]) -> Frame | None:
    """The frame of a quotation after a colon: the source named just before the colon speaks ("X: «…»"), else
    the speaker of the clause the colon ends goes on; None where the colon says nothing of who speaks."""
    text, lex, mentions = para.text, para.lex, para.mentions
    s_lo, s_hi = sentence
    line = text.rfind("\n", 0, q.open) + 1  # (a name in the paragraph before introduces nothing here:
    # "… the UN General Assembly\n\nQuote: “…”")
    ms = [m for m in mentions.starting_through(q.open - 64, q.open) if line <= m.start and m.end <= q.open and
          (m.label in ("PER", "ORG") or m.label == "GPE" and _source_before_colon(text, m, q.open, lex))]
    # (with no one named just before the colon, the speaker of the clause that ends there goes on)
    if not ms and (any(f.content_end <= q.open and f.content_end >= s_lo for f in frames)
                   or not _unnamed_source(text[s_lo:q.open], lex)):
        return _going_on_frame(para, q, sentence)
    if not ms:
        return None
    # (only a name a preposition governs before the colon, "colloqui con Trump: «…»": the sentence's
    # subject may speak)
    start = s_lo if all(_after_preposition(text, m, lex) for m in ms) else ms[0].start
    return Frame(q.open, q.outer_end, None, "colon-quote", speaker_region=(start, q.open),
                 adjacent=False, depth=para.depth,
                 quote_parent=para.quote_parent, frame_span=(s_lo, q.open), sentence=sentence)


def _quote_in_sentence_frame(para: "_Para", q: Quote, frames: list[Frame], attributed: Ordered,
                             sentence: tuple[int, int]) -> Frame | None:
    """The frame of a quotation inside a sentence: the same speaker going on ("«…» perché probabilmente «…»"),
    else a quoted phrase of a sentence that names its speaker; None for neither."""
    text, lex, mentions = para.text, para.lex, para.mentions
    s_lo, s_hi = sentence
    going_on = _string_of_quotes(text, q, frames, s_lo, lex, mentions)
    if going_on is not None:  # "«…» perché probabilmente «…»": the same speaker goes on
        return _going_on_frame(para, q, sentence)
    quoted = _quoted_in_sentence(text, q, s_lo, s_hi, frames, mentions, lex, attributed)
    if quoted is not None:
        quoted.depth, quoted.quote_parent = para.depth, para.quote_parent
    return quoted


def _name_tag(text: str, q: Quote, s_lo: int, hi: int, mentions: Ordered, lex: Lexicon):
    """A quotation that opens its sentence and is followed, after a comma, by a person's name and nothing but
    a role set off by a comma up to the end of the paragraph ("«…», Carlo Rossi, leader di X", the caption of
    a quotation with no verb): the name, else None."""
    if text[s_lo:q.open].strip() or q.close >= hi:
        return None
    comma = re.match(r"\s*,\s*", text[q.outer_end:hi])
    if comma is None:
        return None
    at = q.outer_end + comma.end()
    name = next((m for m in mentions.starting_through(at, at + 1) if m.start == at and m.label == "PER"), None)
    if name is None:
        return None
    rest = text[name.end:hi]
    if not re.fullmatch(r"(?:\s*,\s*[^\W\d_][^«»“”\"\n.;:!?]{0,80})?\s*\.?\s*", rest) or lex.verb.search(rest):
        return None
    return name
