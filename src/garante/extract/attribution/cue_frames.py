"""The frames one cue makes, by its kind and place in the sentence (``_frames_of_cue``): a backward tag ("Lo ha
detto X"), a subject before a backward cue, "secondo cui", "according to X", a passive with its agent
("ribaditi dal ministro"), a trailing tag ("“…”, ha detto X") or a parenthetical one, and the leading frames
of ``leading``."""
from __future__ import annotations

import re
from typing import NamedTuple

from ...document import Span
from .base import Frame, _SENTENCE_END, _Site, _clip, _eligible, _words, dateline_end
from .leading import _leading_frames
from .placement import _bare_title, _quote_after_tag, _starts_sentence, _tag_placement
from .quotes import _utterance, find_quotes


_NAME_WORDS = re.compile(r"\s*(?:[A-ZÀ-Ý][\w'’.-]*\s+){0,2}")  # first names before a known surname


# "LONDON, March 3 (Reuters) - ", "ROMA, 3 marzo - ": a place in capitals, a date or agency, a dash
_DATELINE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,30}(?:,[^.;:!?«“\"\n–—]{1,40}?)?(?:\s*\([^)\n]{1,30}\))?"
                       r"\s+[–—-]\s+(?=[A-ZÀ-Ý«“\"‘])")


def _past_dateline(text: str, s_lo: int) -> int:
    """The start of a sentence past a dateline that opens it."""
    m = _DATELINE.match(text, s_lo)
    return m.end() if m else dateline_end(text, s_lo, s_lo + 120)


# a place and a date alone ("Roma, 12 marzo 2025", "KIEV, 3 March"): a dateline closed by a full stop
_BARE_DATELINE = re.compile(r"[^\W\d_][^\W\d_'’ .-]{0,30},\s*(?:[^\W\d_]+\s+){0,2}\d{1,4}(?:\s+[^\W\d_]+)?(?:\s+\d{4})?")
_DATELINE_QUOTE = re.compile(r"[^.;:«“\"]{0,40}?[–—-]\s*(?=[«“\"])")  # "Roma, 11 apr – “…"


def _frames_of_cue(site: _Site) -> list[Frame]:
    """The frames one cue makes, by its kind: a backward tag ("Lo ha detto X"), "secondo cui", "according
    to X", a passive, a trailing or parenthetical tag ("…», ha detto X"), else a leading clause."""
    cue = site.cue
    before = site.text[site.s_lo:cue.start]
    if cue.category == "backward":
        return _backward_frames(site, before)
    if cue.category == "relative":
        return _relative_frames(site)
    if cue.category == "according":
        return _according_frames(site, before)
    if site.mode == "passive":
        return _passive_frames(site)
    trailing = _trailing_frames(site, before)
    return trailing if trailing is not None else _leading_frames(site)


def _backward_frames(site: _Site, before: str) -> list[Frame]:
    """A backward tag: the clause before it in the sentence, or the sentence(s) before it."""
    text, cue, s_lo, s_hi, lo, lex = site.text, site.cue, site.s_lo, site.s_hi, site.lo, site.lex
    quotes = site.quotes
    if cue.tense == "subject":
        return _subject_backward_frames(site)
    if re.search(r"[,:]\s*$", before) and _words(before) >= 3:
        # "…, lo ha dichiarato il presidente X", "«…»: così X": the clause before it (less a dateline)
        dateline = _DATELINE_QUOTE.match(before)
        a, b = _clip(text, s_lo + (dateline.end() if dateline else 0), cue.start)
        return [Frame(a, b, cue, "backward", speaker_after=(cue.end, s_hi), frame_span=(cue.start, s_hi))]
    # "Lo ha detto X" / "A dirlo è X": the sentence before is X's, in this paragraph or the one before
    prev_end = s_lo if s_lo > lo else len(text[:lo].rstrip())
    floor = lo if s_lo > lo else max(0, text.rfind("\n", 0, max(0, prev_end - 1)) + 1)
    if prev_end <= floor:
        return []
    starts = [floor] + [floor + m.end() for m in _SENTENCE_END.finditer(text[floor:max(floor, prev_end - 2)])]
    prev_start = starts[-1]
    if len(starts) > 1 and lex.match("backward_continuation", text, prev_start, prev_end):
        prev_start = starts[-2]  # "A. È questo il primo risultato. Lo ha dichiarato X": both sentences are X's
    # a quotation of several sentences right before the cue ("«…. …». È quanto afferma X") is all X's
    ending = [q for q in quotes if q.depth == 0 and floor <= q.open < prev_start
              and not text[q.outer_end:prev_end].strip(" \t\n.")]
    prev_start = min([prev_start] + [q.open for q in ending])
    dateline = _DATELINE_QUOTE.match(text[prev_start:prev_end])  # "ROMA, 3 marzo - «…». Lo ha detto X"
    a, b = _clip(text, prev_start + dateline.end() if dateline else _past_dateline(text, prev_start), prev_end)
    if _BARE_DATELINE.fullmatch(text[a:b]):
        return []  # "Roma, 12 marzo 2025. Lo dice X: …": a place and a date closed by a full stop say nothing
    return [Frame(a, b, cue, "backward", speaker_after=(cue.end, s_hi), frame_span=(cue.start, s_hi))]


def _subject_backward_frames(site: _Site) -> list[Frame]:
    """"«…». Il presidente X commenta così la proposta": a verb of saying with "così" and its subject before it
    (``backward_subject_cues``) points back to the quotation that ends the sentence before, in its paragraph or
    the one before; the speaker is the subject, not a name after the verb. Nothing where the sentence before
    is no quotation (the writer's own words) or where the subject is a pronoun."""
    text, cue, s_lo, lo = site.text, site.cue, site.s_lo, site.lo
    prev_end = s_lo if s_lo > lo else len(text[:lo].rstrip())
    head = text[:prev_end].rstrip().rstrip(".")
    if not head or head[-1] not in site.lex.closing + site.lex.either:
        return []
    floor = lo if s_lo > lo else max(0, text.rfind("\n", 0, max(0, prev_end - 1)) + 1)
    quote = next((q for q in reversed(find_quotes(text, floor, prev_end, site.lex)) if q.depth == 0
                  and q.outer_end <= prev_end and not text[q.outer_end:prev_end].strip(" \t\n.")), None)
    if quote is None:
        return []
    a, b = _clip(text, _past_dateline(text, quote.open), prev_end)
    return [Frame(a, b, cue, "backward", speaker_region=(s_lo, cue.start), frame_span=(s_lo, cue.end))]


def _relative_frames(site: _Site) -> list[Frame]:
    """"…, X, secondo cui …": what follows, the speaker named just before."""
    text, cue, s_lo, s_hi = site.text, site.cue, site.s_lo, site.s_hi
    # "…, X, secondo cui …": the content follows, the speaker is named just before
    a, b = _clip(text, cue.end, s_hi)
    if _words(text[a:b]) < 3:
        return []
    return [Frame(a, b, cue, "according-relative", speaker_region=(s_lo, cue.start), frame_span=(s_lo, cue.end))]


def _according_frames(site: _Site, before: str) -> list[Frame]:
    """"Secondo X, …", "…, secondo X.", "A suo avviso, …", "che secondo X …"."""
    text, cue, s_hi, lex, mentions = site.text, site.cue, site.s_hi, site.lex, site.mentions
    if cue.tense == "pronoun":
        return _according_pronoun(site)
    if lex.relative_pronouns & set(before.lower().split()[-1:]):
        return _according_relative(site)
    # "Secondo X, …" or "…, secondo X."
    quoted = _according_quoted_person(site)
    if quoted:
        return quoted
    comma = text.find(",", cue.end, s_hi)
    if cue.tense == "person" and not (comma > 0 and _person_only(text, cue.end, comma, mentions)):
        return []  # "Per Zelensky, …" is his view; "Per il momento, …", "Per Kiev, …" are not a source
    return _according_by_place(site, before, _source_comma(site, comma))


def _according_pronoun(site: _Site) -> list[Frame]:
    """"A suo avviso, …", "Secondo lei, …": the person just named, or the last speaker, holds what follows."""
    text, cue, s_lo, s_hi = site.text, site.cue, site.s_lo, site.s_hi
    comma = text.find(",", cue.end, s_hi)
    if (comma < 0 or text[cue.end:comma].strip()) and not text[s_lo:cue.start].strip(" \t\n\"“«"):
        comma = cue.end - 1  # ("Secondo lui si tratterebbe di …": opening its sentence, the comma may be left out)
    a, b = _clip(text, comma + 1, s_hi)
    if comma < 0 or text[cue.end:comma].strip() or _words(text[a:b]) < 3:
        return []
    return [Frame(a, b, cue, "according-pronoun", inherit="pronoun", frame_span=(cue.start, comma))]


def _according_relative(site: _Site) -> list[Frame]:
    """"…, che secondo l'Ucraina è una precondizione": the relative clause after the source is its claim."""
    text, cue, s_hi = site.text, site.cue, site.s_hi
    source = next((m for m in site.mentions.starting(cue.end, cue.end + 4) if _eligible(m)), None)
    a, b = _clip(text, source.end, s_hi) if source is not None else (0, 0)
    if source is None or _words(text[a:b]) < 3 or text[source.end:a].strip(" ,"):
        return []
    return [Frame(a, b, cue, "according", speaker_after=(cue.end, source.end), frame_span=(cue.start, source.end))]


def _according_quoted_person(site: _Site) -> list[Frame]:
    """"Per Zelensky «…»", "Mentre per Zelensky «…»": the quotation right after the person is theirs."""
    text, cue, s_hi, lex = site.text, site.cue, site.s_hi, site.lex
    if cue.tense != "person":
        return []
    person = next((m for m in site.mentions.starting_through(cue.end, cue.end + 1) if m.start == cue.end
                   and m.label == "PER"), None)
    if person is None or not re.match(r"\s*[" + re.escape(lex.opening + lex.either) + r"]", text[person.end:s_hi]):
        return []
    a, b = _clip(text, person.end, s_hi)
    if _words(text[a:b]) < 3:
        return []
    return [Frame(a, b, cue, "according", speaker_after=(cue.end, person.end), frame_span=(cue.start, person.end))]


def _source_comma(site: _Site, comma: int) -> int:
    """The comma that closes the source of "secondo": past a name set off by commas after a description
    ("Stando alle parole del consigliere presidenziale, Mikhailo Podolyak, …") or a bare title after the name
    ("Secondo Mario Rossi, direttore dell'osservatorio, …": the title is who the source is)."""
    text, cue, s_hi, mentions = site.text, site.cue, site.s_hi, site.mentions
    second = text.find(",", comma + 1, s_hi) if comma > 0 else -1
    if second < 0:
        return comma
    if any(x.label == "PER" and _NAME_WORDS.fullmatch(text[comma + 1:x.start]) and not text[x.end:second].strip()
           for x in mentions.starting_through(comma, second)):
        return second
    if any(x.label == "PER" and not text[cue.end:x.start].strip() and not text[x.end:comma].strip()
           for x in mentions.starting_through(cue.end, cue.end + 1)) and _bare_title(text, comma + 1, second, site.lex):
        return second
    return comma


def _according_by_place(site: _Site, before: str, comma: int) -> list[Frame]:
    """The frame by where the source stands: inside the sentence set off by commas (the whole sentence), with
    no comma after it (the clause after its name), closing a clause (what came before) or opening it (what
    follows its comma)."""
    text, cue, s_lo, s_hi = site.text, site.cue, site.s_lo, site.s_hi
    # "…, come ha detto il capo delegazione russo, Vladimir Medinsky.": the name after the comma ends it
    named = comma > 0 and any(x.label == "PER" and not text[comma + 1:x.start].strip() and
                              not text[x.end:s_hi].strip(" .") for x in site.mentions.starting_through(comma, comma + 3))
    if re.search(r",\s*$", before) and comma > 0 and _words(text[comma:s_hi]) >= 2 and _words(before) >= 1 \
            and not named:
        # "Le garanzie, secondo il presidente ucraino, saranno «formalizzate»": the whole sentence
        start = _past_dateline(text, s_lo)
        for m in re.finditer(r"[:;]\s", before):
            start = s_lo + m.end()
        a, b = _clip(text, start, s_hi)
        return [Frame(a, b, cue, "according-parenthetical", speaker_after=(cue.end, comma),
                      frame_span=(cue.start, comma))]
    # "…, secondo X", "“…,” according to X": the source closes a clause (a quotation closed after its comma too)
    after_clause = re.search(r"[,;][”\"’»]?\s*$", before) is not None
    unmarked = None if after_clause else _unmarked_source(site, comma if comma > 0 else s_hi)
    if unmarked is not None:
        # "Secondo Macron il vertice avrebbe prodotto garanzie …, ma …": no comma after the source; the clause
        # follows its name (not what follows the sentence's first comma)
        a, b = _clip(text, unmarked.end, s_hi)
        return [Frame(a, b, cue, "according", speaker_after=(cue.end, unmarked.end), frame_span=(cue.start, unmarked.end))]
    # "Colpa di un attacco ucraino secondo Mosca, mentre Kiev …": a source inside the sentence that a contrasting
    # clause follows after its comma ("mentre", "ma") holds the clause before it, not the one after
    closes = comma > 0 and _words(before) >= 3 and cue.tense != "person" and re.match(
        r",\s*(?:mentre|ma|while|but)\s", text[comma:s_hi], re.IGNORECASE) is not None
    if after_clause or comma < 0 or closes:
        a, b = _clip(text, _past_dateline(text, s_lo), cue.start)
        if _words(text[a:b]) < 3:
            return []
        end = comma if closes else s_hi
        return [Frame(a, b, cue, "according-trailing", speaker_after=(cue.end, end), frame_span=(cue.start, end))]
    a, b = _clip(text, comma + 1, s_hi)
    if _words(text[a:b]) < 3:
        return []
    return [Frame(a, b, cue, "according", speaker_after=(cue.end, comma), frame_span=(cue.start, comma))]


def _unmarked_source(site: _Site, limit: int) -> Span | None:
    """The source of "secondo" named right after it (a title of a few words before the name) and followed, with
    no comma, by a clause of four words or more before ``limit`` that opens with a lower-case word no
    preposition, conjunction or relative pronoun ("Secondo il ministro X la conferenza sarà …"); else None."""
    text, cue, lex, mentions = site.text, site.cue, site.lex, site.mentions
    named = [m for m in mentions.starting(cue.end, limit) if _eligible(m)]
    source = named[0] if named else None
    for m in named[1:]:  # "secondo il portavoce della Casa Bianca X": the person the title's words lead to
        if source.label == "PER" or m.label != "PER" or _words(text[source.end:m.start]) > 3:
            break
        source = m
    if source is None or _words(text[cue.end:source.start]) > 4 or not _person_only(text, cue.end, source.end, mentions) \
            and text[cue.end:source.start].strip() and not _demonym_after_article(text, cue.end, source) \
            and not _institution_after_article(text, cue.end, source, lex):
        return None  # (a name after other words than a person's title: "secondo quanto riferito da X")
    nxt = re.match(r"\s+([^\W\d_][\w'’]*)", text[source.end:limit])
    if nxt is None or not nxt.group(1)[0].islower() or _words(text[source.end:limit]) < 4:
        return None
    word = re.sub(r"['’].*$", "", nxt.group(1).lower())
    if word in lex.prepositions or word in lex.conjunctions or word in lex.relative_pronouns or word in lex.adverbs \
            and word not in ("non", "mai") and word not in lex.proclitics | lex.source_articles:
        return None  # (a clitic that stands only before a verb, or an article, opens the clause: "Secondo X si
        # dovrebbe …", "Secondo X le garanzie …"; the adverbs list holds them for the words before a participle)
    return source


def _demonym_after_article(text: str, a: int, m: Span) -> bool:
    """``m`` a state's people named by its plural adjective, its article alone before it ("secondo gli ucraini")."""
    return m.attrs.get("resolution") == "demonym" and _words(text[a:m.start]) == 1


def _institution_after_article(text: str, a: int, m: Span, lex) -> bool:
    """``m`` a body or a state named with its definite article alone before it ("secondo il Cremlino si potrebbe
    …", "secondo la Nato le garanzie …"): the source, as a person's name with a title is."""
    return m.label != "PER" and text[a:m.start].strip().lower() in lex.source_articles


def _person_only(text: str, a: int, b: int, mentions) -> bool:
    """text[a:b] names one person and nothing else but the words of a title before the name."""
    people = [m for m in mentions.starting_through(a, b) if m.label == "PER" and m.end <= b]
    return bool(people) and not text[people[-1].end:b].strip() and _words(text[a:people[-1].start]) <= 4


def _passive_frames(site: _Site) -> list[Frame]:
    """"È stato detto dal portavoce X che …", "…, è stato ribadito dal ministro X"."""
    text, cue, s_lo, s_hi, lex, mentions = site.text, site.cue, site.s_lo, site.s_hi, site.lex, site.mentions
    agent = lex.match("passive_agent", text, cue.end, s_hi)
    a, b = _clip(text, s_lo, s_hi)
    end = text.find(",", agent.end(), s_hi) if agent else -1
    if end > 0 and not any(m.label == "PER" for m in mentions.starting(agent.end(), end)):
        named = next((m for m in mentions.starting(end, end + 3) if m.label == "PER"), None)
        if named is not None:  # "dal vice ministro della Difesa russo, Alexander Fomin, …": the name in apposition
            end = text.find(",", named.end, s_hi)
    opens = agent is not None and not text[s_lo:cue.start].strip(" \t\n,")  # the cue opens the sentence
    that = re.search(r"\s(?:che|that)\s", text[agent.end():s_hi]) if opens else None
    if that is not None:  # "È stato detto dal portavoce X che …": the clause after the agent
        end = agent.end() + that.start()
        a, b = _clip(text, end + len(that.group(0)), s_hi)
    elif agent is not None and re.search(r",\s*$", text[s_lo:cue.start]) and _words(text[s_lo:cue.start]) >= 3:
        a, b = _clip(text, s_lo, cue.start)  # "…, è stato ribadito dal ministro X": what came before
    return [Frame(a, b, cue, "passive", speaker_after=(agent.end() if agent else cue.end, end if end > 0 else s_hi),
                  frame_span=(cue.start, s_hi))]


def _trailing_frames(site: _Site, before: str) -> list[Frame] | None:
    """A trailing or parenthetical tag; None where the cue is no tag (a leading clause follows)."""
    # trailing: "“…”, ha detto X" / "…, said X" / "“…,” the EU's foreign policy chief, Kaja Kallas, said";
    # parenthetical: "This war, he said, cannot end …"
    found = _tag_placement(site, before)
    if found is None or found[1] is None:
        return None
    trail, (kind, who) = found
    mark = site.s_lo + trail.start(1)
    between = (site.s_lo + trail.end(), site.cue.start) if who == "between" else None
    # a dropped or pronoun speaker: whoever opened a sentence since the last statement, else the last speaker
    inherit = "pronoun" if who in ("pronoun", None) else "previous"
    tag = _Tag(mark, trail, who, between, inherit)
    if kind == "parenthetical":
        return _parenthetical_frames(site, tag)
    return _trailing_tag_frames(site, tag)


class _Tag(NamedTuple):
    """Where a trailing or parenthetical tag's punctuation stands, and what it says of its speaker."""
    mark: int  # the comma, closing quote or dash before the cue
    trail: re.Match  # that punctuation, matched in the sentence's text before the cue
    who: str | None  # where the speaker is: "after" the cue, "between" mark and cue, a "pronoun", None
    between: tuple[int, int] | None
    inherit: str


def _parenthetical_frames(site: _Site, tag: _Tag) -> list[Frame]:
    """"This war, he said, cannot end …": the whole sentence (from its last colon or semicolon before the
    tag); with a quote on each side of the tag ("Sull'invio «…», ribadisce X, «…»"), each side."""
    text, cue, s_lo, s_hi, lex = site.text, site.cue, site.s_lo, site.s_hi, site.lex
    mark = tag.mark
    start = _past_dateline(text, s_lo)
    for m in re.finditer(r"[:;]\s", text[s_lo:mark]):
        start = s_lo + m.end()
    a, b = _clip(text, start, s_hi)
    nxt = _quote_after_tag(text, cue, mark, s_hi, site.quotes, lex)
    if nxt is not None:  # "Sull'invio «…», ribadisce X, «…»": each side of the tag, as "«…», ha detto X, «…»"
        closed = mark + len(re.match(r"[" + re.escape(lex.closing + lex.either) + r"]*", text[mark:]).group(0))
        return [Frame(a, closed, cue, "parenthetical", frame_span=(mark, nxt.open), speaker_region=tag.between,
                      speaker_after=(cue.end, nxt.open) if tag.who == "after" else None, inherit=tag.inherit),
                Frame(nxt.open, nxt.outer_end, cue, "leading-quote", inherit="previous",
                      frame_span=(mark, nxt.open))]
    own = next(iter(site.quotes.starting(cue.end, s_hi)), None)
    if own is not None and _words(text[cue.end:own.open]) <= 8 and _utterance(text, own, s_hi, cue.end) \
            and not site.quotes.overlapping(a, mark):  # "On trade, Holt added, “Nobody …”": the words before
        # the tag are the reporting clause's own (where, when, on what), the quotation is what was said
        return [Frame(own.open, own.outer_end, cue, "parenthetical", frame_span=(mark, own.open),
                      speaker_region=tag.between, speaker_after=(cue.end, own.open) if tag.who == "after" else None,
                      inherit=tag.inherit)]
    return [Frame(a, b, cue, "parenthetical", frame_span=(mark, cue.end), speaker_region=tag.between,
                  speaker_after=(cue.end, s_hi) if tag.who == "after" else None, inherit=tag.inherit)]


def _trailing_tag_frames(site: _Site, tag: _Tag) -> list[Frame]:
    """"“…”, ha detto X": the quote that ends at the tag, however many sentences it spans, else the
    sentence up to it; and a quote right after the cue ("…», ha detto «…»"), which the cue introduces too."""
    text, cue, s_lo, s_hi = site.text, site.cue, site.s_lo, site.s_hi
    a, b = _trailed_span(site, tag)
    end = s_hi
    nxt = next(iter(site.quotes.starting(cue.end, s_hi)), None)
    if nxt is not None:
        end = nxt.open
    frames = [Frame(a, b, cue, "trailing", frame_span=(tag.mark, end), speaker_region=tag.between,
                    speaker_after=(cue.end, end) if tag.who in ("after", None) else None, inherit=tag.inherit)]
    # "…», ha detto «…»": the same cue introduces the next quote too
    if nxt is not None and not text[cue.end:nxt.open].strip(" ,:"):
        # (quoted words the clause goes on after, "si è detto «soddisfatto» del colloquio", take the clause)
        q_b = nxt.close + 1 if not re.match(r"\s+[a-zà-ù]", text[nxt.close + 1:nxt.close + 3]) \
            else _clip(text, nxt.open, s_hi)[1]
        frames.append(Frame(nxt.open, q_b, cue, "leading-quote", speaker_region=None,
                            inherit="previous", frame_span=(tag.mark, nxt.open)))
    return frames


def _trailed_span(site: _Site, tag: _Tag) -> tuple[int, int]:
    """What a trailing tag reports: the quote that ends at its punctuation (from the sentence's start
    where the quote opens inside it), else the sentence up to the tag (a dialogue dash: the paragraph)."""
    text, s_lo, lo, quotes, mark, trail = site.text, site.s_lo, site.lo, site.quotes, tag.mark, tag.trail
    q_end = next((q for q in quotes.overlapping(max(mark - 1, s_lo), mark + len(trail.group(1)) + 1)
                  if q.close <= mark + len(trail.group(1)) and q.close >= mark - 1 and q.close > s_lo - 1), None)
    if q_end is not None and (q_end.open >= s_lo or text[s_lo:q_end.open].strip() == ""):
        a, b = q_end.open, q_end.close + 1
        dateline = _DATELINE_QUOTE.match(text, s_lo)  # ("LONDON, March 3 - “…,” X said": not the dateline)
        # (after a colon the quotation alone: "X scolded him: “…,” she said")
        if not _starts_sentence(text, s_lo, q_end.open) and not (dateline and dateline.end() == q_end.open) \
                and not re.search(r":\s*$", text[s_lo:q_end.open]):
            a = s_lo
    elif q_end is not None and q_end.open < s_lo:
        a, b = q_end.open, q_end.close + 1
    else:
        a, b = _past_dateline(text, s_lo), mark
        if text[lo:lo + 1] in "—–" and not quotes.overlapping(lo, mark):
            a = lo  # "— … . …, ha detto X": a dialogue dash opens a paragraph of X's words
    return _clip(text, a, b)
