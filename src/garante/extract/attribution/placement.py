"""Where a trailing tag stands ("“…”, ha detto X", "…, said X, a professor at Y"): the cue after a quote or a
comma, what stands between them (nothing, a pronoun, the speaker with a title), the speaker and title the
tag names."""
from __future__ import annotations

import re

from ...document import Span
from ..ordered import Ordered
from .base import Cue, _SPEAKER_RANK, _Site, _eligible, _tokens, _words, dateline_end
from .language import Lexicon
from .pick import _governing_word
from .quotes import Quote, _is_apostrophe


# the marks that can end the clause before a tag: commas and closing quotation marks, or a dash between spaces
# (and a closing mark typed as an opening one after the comma: "“…,“ the minister said")
_MARK = re.compile(r"(,“(?=\s)|[,”»\"’]+|(?<=\s)[–—-](?=\s))(?![^\W\d_])\s*")


_REACH = 18  # words between a mark and the cue: a mark further back than that is no tag's


def _marks_last_first(before: str) -> list[re.Match]:
    """The marks of ``before`` that ``_tag_placement`` can read, last first. Only a tail with more than
    ``_REACH`` words (and a margin) is scanned: the reading stops at the first mark with more words than
    that after it, so no mark before the tail is read, and a sentence of thousands of words is not
    scanned whole for each cue in it (quadratic time)."""
    start, width = len(before), 256
    while start > 0:
        start = max(0, len(before) - width)
        if _words(before[start:]) > _REACH + 4:
            break
        width *= 4
    return list(_MARK.finditer(before, start))[::-1]


def _gap_allowance(text: str, pos: int, limit: int, lex: Lexicon, mentions: Ordered, timexes: Ordered):
    covered = [(m.start, m.end) for m in mentions.starting(pos, limit + 80)]
    covered += [(t.start, t.end) for t in timexes.starting(pos, limit + 80)]
    for p in lex.patterns.get("channel", []):
        for m in p.finditer(text, pos, min(len(text), limit + 80)):
            covered.append((m.start(), m.end()))
    return lambda a: any(x <= a < y for x, y in covered)


def _tag_placement(site: _Site, before: str) -> tuple[re.Match, tuple] | None:
    """The punctuation the cue trails, with the placement ``_placement`` reads there: the closest comma or
    closing quote first; further back only across a speaker's name and title (a dropped speaker at the
    closest comma gives way to one named further back: "“…,” the EU's foreign policy chief, Kaja Kallas,
    said"). None for a gerund, a cue after a relative pronoun, or a capital after a quotation."""
    text, cue, s_lo, lex = site.text, site.cue, site.s_lo, site.lex
    if cue.text[:1].isupper() and re.search(r"[”»\"’]\s+$", before):
        return None  # "«…» Ha aggiunto che …": a capital after the quotation opens a sentence, a full stop left out
    prev_tok = [t for _, t in _tokens(text, max(s_lo, cue.start - 20), cue.start)][-1:]
    relative = bool(prev_tok) and prev_tok[0] in lex.relative_pronouns  # "Medinsky, che si è detto …"
    if cue.tense == "gerund" or relative:
        return None
    found = []
    told = cue.lemma in lex.addressee_verbs
    for trail in _marks_last_first(before):
        back = _words(before[trail.end():])
        if back > _REACH:
            break
        if back > 10 and not _apposed_name(text, s_lo + trail.end(), cue.start, site.mentions):
            continue  # (only a name with its apposition runs longer: "“…,” X, a military expert at the think tank Y, told")
        p = _placement(text, cue, s_lo, s_lo + trail.start(1), s_lo + trail.end(), site.s_hi, lex, site.quotes,
                       site.mentions, site.timexes)
        if p is not None and p[0] != "parenthetical" and trail.group(1) in "–—-" \
                and not re.search(r"[^\W\d_]{2}[.!?]\s*$", before[:trail.start(1)]):
            continue  # a dash sets off an aside ("Mosca - aggiunge - vuole …"), not what a cue after it reports
            # (a dialogue dash after a full stop tags the words before it: "… Germania. — ha spiegato X")
        if p is not None:
            found.append((trail, p))
            if p[1] is not None and not (told and p[1] == "after"):
                break
    if not found:
        return None
    # a name after a verb of telling is whom it tells: a speaker named before the cue further back comes first
    # ("“…,” Andriy Yermak, Zelenskiy's chief of staff, told Reuters": Yermak, not Reuters)
    trail, placement = next(((t, p) for t, p in found if p[1] is not None and not (told and p[1] == "after")),
                            None) or next(((t, p) for t, p in found if p[1] is not None), found[0])
    trail, placement = _name_before_apposition(text, cue, s_lo, site.s_hi, trail, placement, lex, site.quotes,
                                               site.mentions, site.timexes)
    return _title_before_name(text, cue, s_lo, site.s_hi, trail, placement, lex, site.quotes, site.mentions,
                              site.timexes)


def _placement(text: str, cue: Cue, s_lo: int, mark: int, between: int, s_hi: int, lex: Lexicon,
               quotes: list[Quote], mentions: list[Span], timexes: list[Span]):
    """Whether a cue after a comma or a closing quote attributes what comes before it: ('trailing', who)
    for "“…”, ha detto X" / "…, said X", ('parenthetical', who) for "This war, he said, cannot end …",
    None when the cue opens a clause of its own ("…, Peskov said Moscow had …"). ``who`` tells where the
    speaker is named: 'between' (“…,” Peskov said), 'after' (said Peskov), 'pronoun' or None (dropped)."""
    allowed = _gap_allowance(text, between, s_hi, lex, mentions, timexes)
    eligible = [m for m in mentions.starting(between, s_hi) if m.label in _SPEAKER_RANK]
    who = _speaker_between(text, cue, mark, between, lex, mentions, eligible, allowed)
    if who is False:
        return None
    if lex.match("complementizer_next", text, cue.end, s_hi) or re.match(r"\s*:", text[cue.end:s_hi]) \
            or lex.match("speech_object", text, cue.end, s_hi):
        return None  # (the cue's own content follows: "Zelensky, che …, ha confermato la disponibilità a …")
    # after the cue: the speaker (with a title of a few words we may not know), the audience, the channel,
    # a date, up to the end of the clause; anything else means the cue has content of its own
    stop = re.search(r"[,;.!?" + re.escape(lex.opening + lex.either) + r"]|\s[–—-](?=\s)|$", text[cue.end:s_hi])
    stop_at = _tag_clause_end(text, cue, cue.end + stop.start(), lex, eligible)
    comp = lex.first("complementizer", text, cue.end, stop_at)
    if comp and not (who == "between" and _closes_quote(text, quotes, s_lo, mark, cue)
                     and _after_adjunct(text, cue.end, comp.start(), lex)):
        return None  # "told reporters in Moscow that …": the cue has content of its own (not in "“…,” Austin
        # said during a briefing that followed …", where "that" opens the noun's relative clause)
    who = _speaker_in_tag(text, cue, (stop, stop_at, s_hi), who, lex, eligible, allowed)
    if who is False:
        return None
    said = text[s_lo:mark]
    # what was said is a quotation when a quote closes at the mark and opened at the clause's start
    # ('“…,” he said'), not when a quoted word ends a clause ('The idea was "right", he said, "…"')
    ends_quote = _closes_quote(text, quotes, s_lo, mark, cue)
    if not ends_quote and _words(said) >= 1 and _aside_after_tag(text, cue, stop, s_hi, who, lex, eligible, timexes):
        return "parenthetical", who
    if not ends_quote and _words(said) < 4:
        return None
    return "trailing", who


def _tag_clause_end(text: str, cue: Cue, stop_at: int, lex: Lexicon, eligible: list) -> int:
    """Where the tag's clause after the cue ends: at the punctuation ``stop_at``, else before an adjunct after the
    speaker ("ha dichiarato Witkoff quando gli è stato chiesto di …": the adjunct's own "di")."""
    adjunct = lex.first("adjunct_after_speaker", text, cue.end, stop_at)
    if adjunct is not None and any(_eligible(m) and m.end <= adjunct.start() for m in eligible if m.start >= cue.end):
        return adjunct.start()
    return stop_at


def _speaker_in_tag(text: str, cue: Cue, ends: tuple, who, lex: Lexicon, eligible: list, allowed):
    """Where the tag names its speaker (``who``, what stands before the cue, else 'after' where the words after
    the cue name him); False where those words make the cue no tag (a title that no name ends, an adjective
    followed by words that none ends). ``ends``: the punctuation after the cue, where the tag's clause ends
    and where the sentence ends."""
    stop, stop_at, s_hi = ends
    seen = who is not None
    # "ha annunciato il capo dell'amministrazione regionale, Ivan Petrenko.": a title after the cue, then the
    # person's name alone after a comma, to the end of the sentence: the name is the speaker
    appos = _name_closing_tag(text, cue.end + stop.start(), s_hi, eligible) if who is None and stop.group(0) == "," \
        else None
    tag = _tag_after_cue(text, cue, stop_at, who, seen, lex, eligible, allowed, appos is not None)
    if tag is None:
        return False
    seen, adjective, title_after_adjective, untitled = tag
    if untitled and not seen and (lex.first("described_speaker", text, cue.end, stop_at)
                                  or lex.first("held_role", text, cue.end, stop_at)):
        untitled = 0  # "ribadisce l'ex premier": someone named before, described; the speaker is inherited
    if untitled and appos is not None and (not seen or adjective):
        seen, adjective = True, False  # (the name after the comma ends the title: "… instaurata dai russi, X")
    if untitled and not seen or adjective and title_after_adjective:
        return False  # (an adjective followed by words that no name ends: "announced plans … his Russian counterpart")
    return "after" if seen and who is None else who


def _aside_after_tag(text: str, cue: Cue, stop: re.Match, s_hi: int, who, lex: Lexicon, eligible: list,
                     timexes) -> bool:
    """Whether the sentence goes on after the tag with more of what was said (the tag an aside between commas
    or dashes: "This war, he said, cannot end …", "Mosca - aggiunge - vuole «risultati»"), not with an
    apposition, a verb or clause of the tag's own, or where or when it was said."""
    after_clause = text[cue.end + stop.end():s_hi] if stop.group(0).strip() in (",", "-", "–", "—") else ""
    opener = re.match(r"\s*([^\W\d_]+)", after_clause)
    return bool(after_clause) and _words(after_clause) >= 2 \
        and not lex.verb.match(after_clause.lstrip()) and not lex.match("complementizer_next", after_clause) \
        and not lex.first("according_to", after_clause[:20]) \
        and not (opener and opener.group(1).lower() in lex.apposition_openers) \
        and not (who == "after" and _bare_title(text, cue.end + stop.end(), s_hi, lex)) \
        and not _closing_adjunct(text, cue.end + stop.end(), s_hi, lex, eligible, timexes)  # ("…, said X, a
    # professor at Y." / "…, Sanders said, a policy that …": an apposition closes the sentence, not the rest of
    # what was said; "…, ha detto il ministro, X, al Consiglio di sicurezza": where or when it was said)


def _speaker_between(text: str, cue: Cue, mark: int, between: int, lex: Lexicon, mentions, eligible: list,
                     allowed) -> str | None | bool:
    """What stands between the comma (or closing quote) at ``between`` and a trailing cue: nothing (None), a
    pronoun ("pronoun"), or the speaker with its title or apposition ("between"); False when the words there
    make the cue no tag of what comes before (_placement)."""
    gap = list(_tokens(text, between, cue.start))
    if len(gap) == 1 and gap[0][1] in lex.pronouns:
        return "pronoun"
    if not gap:
        return None
    if any(text[i] in lex.opening + lex.closing + lex.either and not _is_apostrophe(text, i)
           for i in range(between, cue.start)):
        return False  # (a quotation mark; not the apostrophe of "the President’s Office")
    apposed = _apposed_name(text, between, cue.start, mentions) or _titled_name(text, between, cue.start, lex, mentions)
    if any(t in lex.relative_pronouns for _, t in gap) and not apposed:
        return False  # "…, visita durante la quale Yi ha ricordato la «solida amicizia»": a relative clause's own cue
        # (not one inside a name's apposition: "“…,” X, a diplomat who heads the conference, told Y")
    first = gap[0][0]
    if "," not in text[mark:between] and not (text[first].isupper() or gap[0][1] in lex.function_words):
        return False  # "“I nuovi territori” saranno parte della Federazione russa, ha affermato": a quoted
        # subject goes on in its clause; no speaker stands between it and the cue
    unknown = [t for pos, t in gap if not (allowed(pos) or t in lex.function_words or t in lex.adverbs)]
    if apposed:
        unknown = unknown[:4]  # the apposition of the name that opens the gap describes it, whatever its words
    if len(unknown) > 4 or not any(between <= m.start < cue.start and _eligible(m) for m in eligible) \
            or not apposed and lex.first("relative_clause", text, between - 2, cue.start):
        return False
    return "between"


def _tag_after_cue(text: str, cue: Cue, stop_at: int, who, seen: bool, lex: Lexicon, eligible: list, allowed,
                   name_closes: bool) -> tuple[bool, bool, int, int] | None:
    """The words after a trailing cue up to ``stop_at``: the speaker (with a title of a few words we may not
    know), the audience, the channel, a date; (seen, adjective, title words after an adjective, title words)
    of what was read, or None when other words give the cue a content of its own (_placement).
    ``name_closes``: a name after a comma ends the tag ("ha annunciato il capo …, Ivan Petrenko")."""
    adjective, title_after_adjective = False, 0
    named_after = False  # the speaker named after the cue ("ha detto Putin")
    untitled = 0
    told = cue.lemma in lex.addressee_verbs
    tag_tokens = list(_tokens(text, cue.end, stop_at))
    opens_adjunct = bool(tag_tokens) and tag_tokens[0][1] in lex.complement  # ("said in a speech at …")
    topic = bool(tag_tokens) and tag_tokens[0][1] in lex.topic_prepositions  # ("said of Cruz")
    channels = [(m.start(), m.end()) for p in lex.patterns.get("channel", []) for m in p.finditer(text, cue.end, stop_at)]
    for k, (pos, tok) in enumerate(tag_tokens):
        here = next((m for m in eligible if m.start <= pos < m.end), None)
        if here is not None and not seen and any(a <= here.start and here.end <= b for a, b in channels):
            continue  # the outlet of the channel, not who spoke ("ha detto al quotidiano La Stampa il ministro X")
        if here is not None and not seen and (not untitled or opens_adjunct or topic) \
                and (_governing_word(text, here, lex) in lex.complement
                     or topic and _governing_word(text, here, lex) in lex.topic_prepositions):
            continue  # where or when it was said, not who said it ("…, X, stated at the Security Council"): a
            # name a preposition of place or occasion governs right after the cue leaves the speaker before the
            # cue, or in the adjunct that follows it ("said in a speech at the UN"); not after other words ("will
            # maintain contacts with Russia on behalf of X": the verb's object, then its own complements)
        if here is not None:
            seen = True
            named_after = who is None
            adjective = not _eligible(here)  # "said Turkish Foreign Minister X": more of the title may follow
            title_after_adjective = 0
            continue
        if seen and not adjective and tok in lex.prepositions or \
                (named_after or not seen and not untitled) and not adjective \
                and lex.match("adjunct_after_speaker", text, pos, stop_at):
            break  # the speaker, then where, to whom or while doing what: "ha detto X a margine di …",
            # "ha detto il presidente russo Vladimir Putin incontrando i diplomatici"
        if allowed(pos) or tok in lex.function_words or tok in lex.adverbs or tok in lex.audiences:
            continue
        if told and seen and not adjective and any(t in lex.audiences for _, t in tag_tokens[k + 1:k + 3]):
            continue  # the modifiers of the audience a speaker told ("told a regular press briefing")
        if (not seen or adjective) and untitled < (10 if name_closes else 4) \
                and re.sub(r"^(?:l|un)['’]", "", tok).isalpha():
            # (an elided article opens a title, "l'ex premier"; "all'epoca" is no title)
            untitled += 1  # words of a title before the name ("il ministro degli Esteri russo")
            title_after_adjective += adjective
            continue
        return None
    return seen, adjective, title_after_adjective, untitled


def _apposed_name(text: str, a: int, b: int, mentions) -> bool:
    """From ``a`` to ``b``: a person's name, then an apposition set off by commas, nothing after it ("Jane
    Roe, a military expert at a London think tank, "): the person and what she is, before her cue."""
    first = next((m for m in mentions.starting_through(a, a + 1) if m.label == "PER" and m.start == a), None)
    if first is None:
        return False
    rest = text[first.end:b]
    return bool(re.fullmatch(r",\s[^,;:.!?“”\"«»()]{3,160},\s*", rest))


def _titled_name(text: str, a: int, b: int, lex: Lexicon, mentions) -> bool:
    """From ``a`` to ``b``: an office or occupation of a few words set off by a comma, then a person's name and a
    comma, nothing after it ("the German foreign minister, Jane Roe, "): the title a name is apposed to, before
    their cue."""
    m = re.fullmatch(r"([^,;:.!?“”\"«»()]{3,80}),\s+(\S[^,;:!?“”\"«»()]*?),\s*", text[a:b])
    if m is None or _words(m.group(1)) > 8 or not lex.first("office", text, a, a + m.end(1)):
        return False
    name_at = a + m.start(2)
    return any(x.label == "PER" and x.start == name_at and x.end == a + m.end(2) and _eligible(x)
               for x in mentions.starting_through(name_at, name_at + 1))


def _title_before_name(text: str, cue: Cue, s_lo: int, s_hi: int, trail, placement, lex: Lexicon, quotes,
                       mentions, timexes):
    """"“…,” the German foreign minister, Jane Roe, said": the name alone between the comma and the cue is
    in apposition to the title before it, the cue's subject; the tag starts at the punctuation before the
    title, so the title is not the end of what was said."""
    if placement[0] != "trailing" or placement[1] != "between":
        return trail, placement
    end = s_lo + trail.start(1)
    name_at = s_lo + trail.end()
    if not any(x.label == "PER" and x.start == name_at and not text[x.end:cue.start].strip(" ,") and _eligible(x)
               for x in mentions.starting_through(name_at, name_at + 1)):
        return trail, placement
    earlier = None
    for earlier in _MARK.finditer(text[s_lo:end]):
        pass
    if earlier is None or not _titled_name(text, s_lo + earlier.end(), cue.start, lex, mentions) \
            or lex.verb.search(text, s_lo + earlier.end(), end):
        return trail, placement
    p = _placement(text, cue, s_lo, s_lo + earlier.start(1), s_lo + earlier.end(), s_hi, lex, quotes, mentions,
                   timexes)
    return (earlier, p) if p is not None and p[0] == "trailing" and p[1] == "between" else (trail, placement)



def _bare_title(text: str, a: int, s_hi: int, lex: Lexicon) -> bool:
    """The words after the comma that follows a name after the cue open a title with no article ("…, said Jane
    Roe, director of the Center for …", "Twitter's director of …", "ha detto X, direttore dell'Ispi"): a title
    head (``apposition_heads``, an office or occupation of roles.yaml) in its first words, with no auxiliary or
    verb of saying before it: an apposition that closes the sentence, not what was said going on."""
    words = list(_tokens(text, a, s_hi))[:4]
    for k, (pos, w) in enumerate(words):
        if w in lex.aux or w in lex.passive_aux or lex.verb.match(text, pos):
            return False
        base = re.sub(r"['’]s$", "", w)
        if w in lex.apposition_heads or lex.match("office", text, pos, s_hi):
            return True
        if base != w and k + 1 < len(words):
            continue  # ("Twitter's director"): the owner of the title, then the title
    return False


def _closing_adjunct(text: str, a: int, s_hi: int, lex: Lexicon, eligible: list[Span], timexes) -> bool:
    """From ``a`` (past the comma after a trailing tag's title) to the end of the sentence: the speaker's name in
    apposition to that title and/or where, when, on what occasion the words were said, nothing else ("…, ha
    detto il ministro degli Esteri, X, al Consiglio di sicurezza.", "…, said the minister, at a briefing in
    Kyiv."): the tag closes the sentence, the clause before it is all that was said. A complement with a verb
    of its own ("…, ha detto X, in Ucraina è finita") is what was said going on."""
    end = s_hi - len(text[a:s_hi]) + len(text[a:s_hi].rstrip(" \t\n.!?;" + lex.closing + lex.either))
    at = a + len(text[a:end]) - len(text[a:end].lstrip())
    name = next((m for m in eligible if m.start == at and m.label == "PER" and _eligible(m)), None)
    if name is not None:
        rest = text[name.end:end]
        if not rest.strip():
            return True
        if not rest.startswith(","):
            return False
        at = name.end + 1 + len(rest[1:]) - len(rest[1:].lstrip())
    if at >= end or re.search(r"[,;:" + re.escape(lex.opening + lex.closing + lex.either) + r"]", text[at:end]):
        return False
    if any(t.start <= at and t.end >= end for t in timexes.starting_through(at, at + 1)):
        return True  # ("…, ha detto X, ieri")
    words = [t for _, t in _tokens(text, at, end)]
    first = re.sub(r"['’].*$", "", words[0]) if words else ""
    if not words or len(words) > 12 or not (words[0] in lex.complement or first in lex.complement
                                            or first + "'" in lex.complement or lex.match("channel", text, at, end)):
        return False
    return not (any(w in lex.aux or w in lex.passive_aux for w in words) or lex.verb.search(text, at, end))


def _name_closing_tag(text: str, comma: int, s_hi: int, eligible: list[Span]) -> Span | None:
    """The person named right after the comma at ``comma`` when the name alone ends the sentence ("…, ha
    detto il portavoce del ministero, Ivan Petrenko."); else None."""
    rest = text[comma + 1:s_hi]
    at = comma + 1 + len(rest) - len(rest.lstrip())
    m = next((m for m in eligible if m.start == at and m.label == "PER"), None)
    if m is None or text[m.end:s_hi].strip(" .!?;»”\"’"):
        return None
    return m


def _closes_quote(text: str, quotes, s_lo: int, mark: int, cue: Cue) -> bool:
    """A quotation that opened the clause (past a dateline) closes at the mark before the tag (a quote opening
    after the cue has the cue before it)."""
    return any((abs(q.close - mark) <= 1 or text[mark:cue.start].lstrip().startswith(text[q.close]))
               and (_starts_sentence(text, s_lo, q.open) or _dateline_before(text, s_lo, q.open))
               for q in quotes.overlapping(mark - 1, cue.start + 1) if q.close >= mark - 1)


def _dateline_before(text: str, s_lo: int, at: int) -> bool:
    """A dateline, and nothing else, opens the sentence before ``at``."""
    return dateline_end(text, s_lo, at) == at


def _after_adjunct(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """The words between a cue and a complementizer open with a preposition ("said during a press briefing
    that"): an adjunct whose noun the "that" depends on."""
    words = [t for _, t in _tokens(text, a, b)]
    return len(words) >= 2 and words[0] in lex.prepositions


def _name_before_apposition(text: str, cue: Cue, s_lo: int, s_hi: int, trail, placement, lex: Lexicon, quotes,
                            mentions, timexes):
    """"…, John Kirby, a spokesman for the council, said": the tag starts at the comma before the name its
    apposition follows, so the name is the speaker and not the end of what was said."""
    if placement[0] != "trailing" or placement[1] not in ("between", None):
        return trail, placement
    end = s_lo + trail.start(1)
    start = text.rfind(",", s_lo, end)
    seg = text[start + 1:end]
    closing = lex.closing + lex.either  # ("“…,” Andriy Yermak, an adviser, told": the name after the quote)
    a, b = start + 1 + len(seg) - len(seg.lstrip(" \t\n" + closing)), end - len(seg) + len(seg.rstrip())
    if start <= s_lo or not any(m.label == "PER" and m.end == b and _titled(text[a:m.start])
                                for m in mentions.starting(a, b)):
        return trail, placement
    earlier = _COMMA.match(text[s_lo:cue.start], start - s_lo)
    p = _placement(text, cue, s_lo, start, s_lo + earlier.end(), s_hi, lex, quotes, mentions, timexes)
    return (earlier, p) if p is not None and p[1] == "between" else (trail, placement)


def _titled(words: str) -> bool:
    """What stands before a name inside the tag: nothing, or a title of up to three capitalised words ("Senator",
    "Defense Secretary", "Sen.")."""
    return not words.strip() or _words(words) <= 3 and all(w[:1].isupper() for w in words.split())


_COMMA = re.compile(r"(,[”»\"’]*)\s*")


def _quote_after_tag(text: str, cue: Cue, mark: int, s_hi: int, quotes, lex: Lexicon, reach: int = 8):
    """The quotation right after a reporting clause set off by commas when a quotation also ends right
    before it ("Sull'invio «…», ribadisce l'ex premier, «…»"), and ends the sentence; else None."""
    if not any(c in lex.closing + lex.either for c in text[max(0, mark - 2):mark + 2]):
        return None  # (the mark is where the run of closing mark and comma starts)
    nxt = next(iter(quotes.starting(cue.end, s_hi)), None)
    if nxt is None or not re.search(r",\s*$", text[cue.end:nxt.open]) or _words(text[cue.end:nxt.open]) > reach:
        return None
    return nxt if not text[nxt.outer_end:s_hi].strip(" .;") else None


def _starts_sentence(text: str, s_lo: int, at: int) -> bool:
    """Nothing but punctuation before ``at`` in its sentence, or a full stop right before it (a quotation
    after a full stop the sentence splitter kept: "…Cctv. ''La Russia è grata…'', ha aggiunto")."""
    before = text[s_lo:at]
    return not before.strip(" ,:;—–-") or re.search(r"[.!?]\s*$", before) is not None
