"""Leading frames: a cue that introduces what was said ("X ha detto che …", "X ha escluso l'invio di truppe",
"X said Kyiv needs …"): where its content starts past the complements before it, where it ends, and the speaker
before the cue."""
from __future__ import annotations

import re

from ..ordered import Ordered
from .base import Cue, Frame, _SPEAKER_RANK, _Site, _clip, _tokens, _words
from .language import Lexicon, words_alternation
from .placement import _gap_allowance


def _skip_to_complement(text: str, pos: int, hi: int, lex: Lexicon, mentions: Ordered = Ordered(),
                        timexes: Ordered = Ordered(), category: str = "speech") -> tuple[int | None, tuple[int, int]]:
    """After a cue: the start of the reported content introduced by a complementizer, a colon or a quote
    (skipping the speaker, adverbs, the addressee and the channel in between), and the span skipped."""
    window_end = min(hi, pos + 90)
    stop = re.compile(r"[.!?;]\s|[.!?;]$")
    m_stop = stop.search(text, pos, window_end)
    limit = m_stop.start() if m_stop else window_end
    # the complement follows the cue closely: only adverbs, the speaker, the addressee, the channel or a
    # date may stand between ("ha dichiarato venerdì all'agenzia RIA che …")
    # (a speech verb may also have a short addressee or time phrase we do not know: "told allies on
    # the same day that …"; an act verb's object is its content: "ha chiesto garanzie che …")
    allowed = _gap_allowance(text, pos, limit, lex, mentions, timexes)
    unknown_left = 3 if category == "speech" else 0  # (a quote only counts as the complement right after)
    limit = pos
    first = True
    prev = (pos, "")  # the token before, with its offset
    for mm in re.finditer(r"[\w'’]+|[^\w\s]", text[pos:window_end]):
        a = pos + mm.start()
        tok = mm.group(0).lower()
        if first and category == "speech" and lex.match("how_complementizer", text, a, window_end):
            return a + len(mm.group(0)), (pos, a)  # "ha ricordato come Mosca abbia notato …": "come" is "that"
        first = first and tok in lex.adverbs
        if tok in ("che", "that") and prev[1] in lex.conjunctions and unknown_left < 3:
            limit = prev[0]  # "said NATO was united and that …": the second of two complements, the first
            break            # with no complementizer
        if lex.zero_complementizer and category == "speech" and _verb_after_name(text, pos, a, prev, lex, mentions):
            limit = pos  # "said Kyiv needs to acknowledge that …": the clause began at the name, "that" is its own
            break
        if tok in ("che", "that", ":") or (tok in lex.opening + lex.either and unknown_left == 3):
            limit = window_end
            break
        prev = (a, tok)
        if not (allowed(a) or tok in lex.adverbs or tok in lex.function_words or tok == ","):
            if unknown_left and (tok.isalpha() or re.fullmatch(r"l['’][a-zà-ý]+", tok) and mm.group(0)[2].isupper()):
                # (an addressee after an elided article: "ha avvertito l'Europa che …")
                unknown_left -= 1
                continue
            limit = a
            break
    marks = re.escape(lex.opening + lex.either)
    for mm in re.finditer(r":|[" + marks + r"]", text[pos:limit]):
        comp = _complementizer_before(text, pos, pos + mm.start(), lex)
        if comp is not None:
            return comp
        start = pos + mm.start()
        if mm.group(0) != ":":
            start = _phrase_before_quote(text, pos, start, lex)
        return (pos + mm.end() if mm.group(0) == ":" else start), (pos, start)
    return _complementizer_before(text, pos, limit, lex) or (None, (pos, pos))


def _phrase_before_quote(text: str, pos: int, mark: int, lex: Lexicon) -> int:
    """Where a content that reaches a quotation starts: at the quotation, unless function words right before
    it open a phrase the quotation goes on ("said the “loose talk” …", "vowed to “take the fight” …": the
    article or preposition and the quoted words are one phrase, a quotation opening in lower case)."""
    if not lex.phrase_before_quote or not re.match(r"\s*[a-zà-ý]", text[mark + 1:mark + 3]):
        return mark
    start = mark
    for mm in reversed(list(re.finditer(r"[\w'’]+", text[pos:mark]))):
        word = mm.group(0).lower()
        if word not in lex.function_words or word in lex.audiences or text[pos + mm.end():start].strip():
            break
        start = pos + mm.start()
    return start


_WORD_AT = re.compile(r"[\w'’]*")


def _verb_after_name(text: str, pos: int, a: int, prev: tuple[int, str], lex: Lexicon, mentions: Ordered) -> bool:
    """A name right after the cue and a lower-case word right after it that is no adverb or preposition
    ("said Kyiv needs …", not "told Putin directly", "told Zelensky on Friday"): the name is the subject of
    the clause said, not an addressee."""
    m = mentions.first_covering(prev[0]) if prev[1] else None
    if m is None:
        return False
    tok = _WORD_AT.match(text, a).group(0).lower()  # (read at ``a``: the text after it is not copied)
    if text[m.end:a].strip() or not tok.isalpha() or not text[a].islower() or tok.endswith("ly"):
        return False
    words = [w for _, w in _tokens(text, pos, m.start)]
    return all(w in lex.adverbs for w in words) and not mentions.covers(a) \
        and tok not in lex.function_words | lex.adverbs | lex.prepositions | lex.conjunctions


def _complementizer_before(text: str, pos: int, limit: int, lex: Lexicon):
    for p in lex.patterns.get("complementizer", []):
        m = p.search(text, pos, limit)
        if m:
            head = lex.first("noun_before_infinitive", text, pos, m.start() + 3) if m.end() == m.start() else None
            if head is not None and not text[head.end():m.start()].strip(" \n").count(","):
                # "ha sottolineato la necessità di chiarire …": the noun the infinitive completes is said too
                return head.start(), (pos, head.start())
            return m.end(), (pos, m.start())
    return None


def _leading_frames(site: _Site) -> list[Frame]:
    """"X ha detto che …", "X said: “…”", "X ha escluso l'invio di …": what follows the cue."""
    text, cue, s_lo, s_hi, lex = site.text, site.cue, site.s_lo, site.s_hi, site.lex
    after_start = cue.end
    if any(q in cue.text for q in lex.opening + lex.either) and text[cue.end:cue.end + 1] in lex.closing + lex.either:
        after_start += 1  # "ha «escluso» l'invio": past the verb's own quotation marks
    if text[cue.end:cue.end + 1] in "'’" and cue.text[-1:].isalpha():
        after_start += 1  # "ha aperto all'invio": the elided preposition's apostrophe is the cue's
    if lex.initial_participle and cue.tense == "past" and not text[s_lo:cue.start].strip(" \"“”«»'‘’"):
        return []  # "Asked by Fox News whether …, Trump said": a participle clause, not a cue
    content_start, skipped = _skip_to_complement(text, after_start, s_hi, lex, site.mentions, site.timexes,
                                                 cue.category)
    if content_start is None:
        content_start = _object_content_start(site, after_start)
        if content_start is None:
            return []
        skipped = (after_start, after_start)
    span = _leading_content(site, content_start)
    if span is None:
        return []
    span = _with_preposition(site, span)
    inherit, region = _leading_speaker_source(site)
    return [Frame(pa, pb, cue, "leading" if cue.category == "speech" else "leading-act",
                  speaker_region=region,
                  # (a gerund's subject is the governing clause's: "telling Fox News that" names
                  # an addressee, not a speaker)
                  speaker_after=skipped if skipped[1] > skipped[0] and cue.tense != "gerund" else None,
                  inherit=inherit, frame_span=(s_lo, content_start))
            for pa, pb in _coordinated_complements(text, span, lex)]


def _with_preposition(site: _Site, span: tuple[int, int]) -> tuple[int, int]:
    """A cue that ends in an elided preposition ("ha aperto all'utilizzo di …") keeps it in the content,
    which does not start in the middle of a written word: "all'utilizzo di …", not "utilizzo di …"."""
    cue, text = site.cue, site.text
    if text[cue.end:cue.end + 1] not in "'’" or not cue.text[-1:].isalpha():
        return span
    prep = cue.end - len(re.search(r"\S*$", cue.text).group(0))
    return (prep, span[1]) if prep < span[0] and not text[cue.end:span[0]].strip(" '’") else span


def _object_content_start(site: _Site, after_start: int) -> int | None:
    """Where no complementizer opens the content: the object of the cue is what was said, where the cue
    may take one ("ha escluso l'invio di …", "said the talks …"); None where it reports nothing."""
    text, cue, s_hi, lex = site.text, site.cue, site.s_hi, site.lex
    takes_object = cue.category == "act" or cue.lemma in lex.object_speech
    noun = lex.match("speech_object", text, after_start, s_hi) if not takes_object else None
    if not takes_object and not (lex.code == "en" and cue.tense in ("past", "present", "base")) and not noun:
        return None  # (a verb of saying with a noun of position for object reports it: "ha sottolineato
        # l'importanza del ruolo americano", "ha confermato la disponibilità a un trilaterale")
    if lex.code == "en" and cue.category != "act":
        return _english_object_start(site, after_start)
    if noun is not None and "object" in noun.re.groupindex:
        return noun.start("object")  # past the adverbs before it ("ha ribadito con forza la necessità di …")
    if cue.category != "act":
        return _definite_object_start(site, after_start)
    return after_start


def _definite_object_start(site: _Site, after_start: int) -> int | None:
    """Where the object of a verb of announcing starts, past the adverbs and dates before it ("ha annunciato
    ieri sera la sospensione …": a content that opened on the date would be read as the cue's adjunct); None
    where the object has no definite article (``definite_object``): "ha annunciato nuovi fondi" reports an act,
    "ha annunciato lo stop alle forniture" the decision taken."""
    definite = site.lex.patterns.get("definite_object")
    if not definite:
        return None
    for pos, tok in _tokens(site.text, after_start, site.s_hi):
        if definite[0].match(site.text, pos, site.s_hi):
            return pos  # (before the adverbs' test: the clitics "lo", "le" are listed among them)
        if not (site.timexes.covers(pos) or tok in site.lex.adverbs):
            return None
    return None


def _english_object_start(site: _Site, after_start: int) -> int | None:
    """"said the talks …" is content; "told reporters in Moscow", "said on Friday." are not (the date and
    the like may come first: "said on Thursday he agreed …")."""
    text, cue, s_hi, lex, mentions, timexes = site.text, site.cue, site.s_hi, site.lex, site.mentions, site.timexes
    allowed = _gap_allowance(text, after_start, s_hi, lex, mentions, timexes)
    pos = after_start
    told = cue.lemma in lex.addressee_verbs
    for pos, tok in _tokens(text, after_start, s_hi):
        if told and (tok in lex.audiences or mentions.covers(pos)):
            continue  # "told reporters he would …": the audience, then what was said
        if not (timexes.covers(pos) or tok in lex.adverbs) or tok.endswith(("'s", "’s")):
            # ("described Tuesday's meeting as cordial": a date in the genitive opens what was said)
            break
    if told and pos > after_start:
        first = re.match(r"[\w'’]+", text[pos:s_hi])
        told = not (first and (first.group(0).lower() in lex.pronouns
                               or any(m.label in _SPEAKER_RANK for m in mentions.starting_through(pos, pos))))
    nxt = re.match(r"\s*([\w'’]+)", text[pos:s_hi])
    if not nxt or nxt.group(1).lower() in lex.prepositions or nxt.group(1).lower() in lex.adverbs \
            or nxt.group(1).lower() in lex.audiences or told or \
            (allowed(pos) and not any(m.label in _SPEAKER_RANK for m in mentions.starting_through(pos, pos))
             and nxt.group(1).lower() not in lex.pronouns and not nxt.group(1).endswith(("'s", "’s"))):
        return None
    return pos


def _leading_content(site: _Site, content_start: int) -> tuple[int, int] | None:
    """The content's span from its start to the end of what the cue governs, or None where it is too short
    or the sentence is a question."""
    text, cue, s_lo, s_hi, lex = site.text, site.cue, site.s_lo, site.s_hi, site.lex
    a, b = _clip(text, content_start, s_hi)
    colon_quote = re.search(r":\s*[" + re.escape(lex.opening + lex.either) + "]", text[a:b])
    if colon_quote and colon_quote.start() > 0:
        b = _clip(text, a, a + colon_quote.start())[1]  # "…he would not withdraw: “We are not going…”"
    b = _relative_end(text, cue, s_lo, a, b, lex) or b
    quoted = next((q for q in site.quotes if q.open == a and q.depth == 0 and q.close < b), None)
    if quoted is not None and re.match(r"\s+[A-ZÀ-Ý]", text[quoted.close + 1:b]) \
            and (not _after_complementizer(text, s_lo, a, lex) or re.search(r"[.!?…]\W*$", text[quoted.open:quoted.close])):
        b = quoted.close + 1  # "ha dichiarato: «…» Ha aggiunto che …": the quotation, a full stop left out after it
        # (a "that"-clause that opens with a quoted phrase goes on past it: "said that “several hundred” German
        # engineers could be sent …", the capital a name's; only a quoted sentence ends there)
    if _words(text[a:b]) < 2:
        return None
    if text[s_lo:s_hi].rstrip(" ”»\"’").endswith("?") and text[a] not in lex.opening + lex.either:
        return None  # a question ("… is the Kremlin signalling that it will keep talking?") reports nothing
    return a, b


def _after_complementizer(text: str, s_lo: int, a: int, lex: Lexicon) -> bool:
    """The content starts right after a complementizer ("that", "che"): what follows it is one clause."""
    lo = max(s_lo, a - 20)
    for p in lex.patterns.get("complementizer", []):
        for m in p.finditer(text, lo, a):
            if m.end() > m.start() and not text[m.end():a].strip():
                return True
    return False


def _leading_speaker_source(site: _Site) -> tuple[str, tuple[int, int] | None]:
    """Where a leading cue's speaker is found: the words before the cue, or by inheritance (a gerund's
    governing clause, a pronoun, a resumptive relative, the first of coordinated subjects)."""
    text, cue, s_lo, lex = site.text, site.cue, site.s_lo, site.lex
    inherit = "governing" if cue.tense == "gerund" else "previous"
    region = (s_lo, cue.start)
    subject = list(_tokens(text, s_lo, cue.start))
    if cue.tense == "gerund":
        region = None  # "…, sottolineando che …": the governing clause's speaker
    elif subject and subject[-1][1] in lex.pronouns:  # "he said the …", "he replied: “…”"
        inherit, region = "pronoun", None
    elif len(subject) <= 3 and subject and subject[-1][1] in lex.resumptive:  # "Il quale ha affermato che …"
        inherit, region = "resumptive", None
    elif subject and subject[-1][1] in lex.conjunctions and len(subject) > 1:
        inherit = "coordinated"  # "X ha annunciato nuovi fondi e ha detto che …": X, the first subject
        opener = next((t for _, t in subject if t not in lex.adverbs), None)
        if opener in lex.pronouns and opener not in lex.plural_pronouns:
            inherit, region = "pronoun", None  # "He met Macron and said that …": he, not the one he met
    return inherit, region


def _coordinated_complements(text: str, span: tuple[int, int], lex: Lexicon) -> list[tuple[int, int]]:
    """"che A e che B": two statements of one cue (an "e che" after another verb is that verb's)."""
    a, b = span
    coord = lex.first("coordinated_complement", text, a, b)
    parts = [(a, coord.start()), (coord.end(), b)] if coord and not _finite_cue(text, a, coord.start(), lex) \
        else [(a, b)]
    return [_clip(text, pa, pb) for pa, pb in parts]


def _finite_cue(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """A verb of the lexicon in text[a:b] that can govern a "che" of its own: any form but the bare infinitive
    ("ha detto che l'Europa è pronta a offrire garanzie e che …": the "e che" is still the cue's)."""
    return any(lex.form_of(m)[1] != "base"
               for m in lex.verb.finditer(text, a, b))


def _relative_end(text: str, cue: Cue, s_lo: int, a: int, b: int, lex: Lexicon) -> int | None:
    """"X, che ha detto che …, è partito", "X, who said …, has left": a cue in a relative clause set off by a
    comma reports up to the comma before the main clause's verb (an auxiliary or a verb of saying after it)."""
    pronouns = words_alternation(lex.relative_pronouns)
    if not pronouns or not re.search(r",\s*(?:" + pronouns + r")\s+(?:[\w'’]+\s+){0,2}$",
                                     text[max(s_lo, cue.start - 40):cue.start], re.IGNORECASE):
        return None
    ends = [a + m.start() for m in re.finditer(r",\s+([\w'’]+)", text[a:b])
            if m.group(1).lower() in lex.aux or m.group(1).lower() in lex.passive_aux or lex.verb.fullmatch(m.group(1))]
    return ends[-1] if ends else None  # (the last: "che i colloqui, iniziati a maggio, sono finiti, è partito")
