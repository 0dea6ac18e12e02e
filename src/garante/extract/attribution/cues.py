"""Cues: the reporting verbs of a paragraph in any tense, "secondo X" / "according to X", backward and relative
tags ("Lo ha detto X", "secondo cui") (``_cues``), and whether a verb form is a cue where it stands, active or
passive (``_accept``: a participle needs its auxiliary, a present form more evidence since it is often a noun)."""
from __future__ import annotations

import re

from ...document import Span
from ..ordered import Ordered
from ..pattern_anchors import narrowed
from .base import Cue, _SENTENCE_END, _WORD, _iter, _tokens
from .language import Lexicon


# The lexicon's classes of fixed cues (beside the verbs) that a paragraph is scanned for.
_FIXED = ("according_to", "according_pronoun", "according_person", "backward_cues", "relative_according",
          "backward_subject_cues")
_FIXED_OF: dict[int, tuple[Lexicon, dict[str, list[re.Pattern]]]] = {}


def _fixed_cues(lex: Lexicon, text: str) -> dict[str, list[re.Pattern]]:
    """The lexicon's fixed cue patterns that may match in ``text`` (``pattern_anchors.narrowed``: only those
    whose literal words it has; the same matches, far fewer patterns tried: most of the 30 Italian ones
    name words a paragraph lacks)."""
    got = _FIXED_OF.get(id(lex))
    if got is None or got[0] is not lex:
        got = _FIXED_OF[id(lex)] = (lex, {key: lex.patterns.get(key, []) for key in _FIXED})
    return narrowed(got[1], text)


def _cues(text: str, lo: int, hi: int, lex: Lexicon, blocked: list[tuple[int, int]]) -> list[Cue]:
    out = []
    blocked = Ordered.of_pairs(blocked)
    fixed = _fixed_cues(lex, text[lo:hi])
    for m in lex.verb.finditer(text, lo, hi):
        if blocked.covers(m.start()):
            continue
        lemma, tense, category = lex.form_of(m)
        if not lemma:
            continue
        out.append(Cue(m.start(), m.end(), lemma, tense, category, m.group(0)))
    for m in _iter(fixed["according_to"], text, lo, hi):
        if not blocked.covers(m.start()):
            out.append(Cue(m.start(), m.end(), "according", "according", "according", m.group(0)))
    for m in _iter(fixed["according_pronoun"], text, lo, hi):  # "A suo avviso, …"
        if not blocked.covers(m.start()):
            out.append(Cue(m.start(), m.end(), "according", "pronoun", "according", m.group(0)))
    for m in _iter(fixed["according_person"], text, lo, hi):  # "Per Zelensky, …"
        if not blocked.covers(m.start()):
            out.append(Cue(m.start(), m.end(), "according", "person", "according", m.group(0)))
    for key, category in (("backward_cues", "backward"), ("relative_according", "relative")):
        for m in _iter(fixed[key], text, lo, hi):
            at = "cue" if "cue" in m.re.groupindex else 0  # (a pattern may read context before its cue)
            if not blocked.covers(m.start(at)):
                out.append(Cue(m.start(at), m.end(at), category, category, category, m.group(at)))
    for m in _iter(fixed["backward_subject_cues"], text, lo, hi):  # "X commenta così"
        if not blocked.covers(m.start()):
            out.append(Cue(m.start(), m.end(), "backward", "subject", "backward", m.group(0)))
    out.sort(key=lambda c: (c.start, -c.end))
    kept: list[Cue] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def _aux_start(text: str, cue: Cue, lo: int, lex: Lexicon, auxiliaries: tuple[str, ...]) -> int | None:
    """Where the auxiliary of a participle starts ("ha poi aggiunto", "has also said"), if it has one."""
    words = list(re.finditer(r"[\w'’]+", text[max(lo, cue.start - 60):cue.start]))
    base = max(lo, cue.start - 60)
    i = len(words) - 1
    skipped = 0
    while i >= 0 and words[i].group(0).lower() in lex.adverbs and skipped < 3:
        i -= 1
        skipped += 1
    if i < 0:
        return None
    for aux in auxiliaries:
        parts = aux.split()
        got = [w.group(0).lower() for w in words[max(0, i - len(parts) + 1):i + 1]]
        if got == parts:
            return base + words[i - len(parts) + 1].start()
    return None


def _shares_auxiliary(text: str, cue: Cue, lo: int, lex: Lexicon) -> bool:
    """A participle after "e"/"ma" that shares the auxiliary of one before it in the clause ("hanno bollato
    come «inaccettabili» le condizioni e accusato Putin di …", "ha ribadito che … ma sottolineato che …")."""
    before = text[max(lo, cue.start - 200):cue.start]
    words = _WORD.findall(before[-12:])
    if not lex.aux or not words or words[-1].lower() not in lex.conjunctions - {"poi"}:
        return False
    aux = "|".join(re.escape(a) for a in lex.aux)
    return re.search(r"\b(?:" + aux + r")\s+(?:[^\W\d_]+\s+){0,2}?[^\W\d_]+(?:at|ut|it|st|tt|ss|nt)[oaie]\b[^.;:!?«»“”\"]*$",
                     before, re.IGNORECASE) is not None


def _accept(text: str, cue: Cue, lo: int, hi: int, lex: Lexicon, mentions: list[Span]) -> str | None:
    """Whether a verb form is a reporting cue here: 'active', 'passive' or None."""
    if cue.category in ("according", "backward", "relative"):
        return "active"
    after = text[cue.end:min(hi, cue.end + 80)]
    if cue.lemma in lex.quote_only and not re.match(r"[^.;:!?]*[" + re.escape(lex.opening + lex.either) + "]", after) \
            and not lex.match("predicative", after) and not lex.match("quote_only_object", after):
        return None  # "called Putin's remarks “…”" reports; "called Trump" does not ("ha definito inaccettabile
        # una presenza europea", "ha descritto l'evento come una giornata storica" do)
    if cue.tense == "past" and cue.text.lower() in lex.participles:
        aux = _aux_start(text, cue, lo, lex, lex.passive_aux)
        if aux is not None and lex.match("passive_agent", text, cue.end, hi):
            cue.start, cue.text = aux, text[aux:cue.end]
            return "passive"  # "were reiterated by Macron"
    if cue.tense == "participle":
        aux = _aux_start(text, cue, lo, lex, lex.aux)
        if aux is not None:
            cue.start, cue.text = aux, text[aux:cue.end]
            return "active"
        aux = _aux_start(text, cue, lo, lex, lex.passive_aux)
        if aux is not None and lex.match("passive_agent", text, cue.end, hi):
            cue.start, cue.text = aux, text[aux:cue.end]
            return "passive"
        if re.search(r",\s*$", text[max(lo, cue.start - 3):cue.start]) and lex.match("reduced_passive", text, cue.end, hi):
            return "passive"  # "Decisione, quest'ultima, confermata dal vice ministro X, «…»": no auxiliary
        return "active" if _shares_auxiliary(text, cue, lo, lex) else None
    if cue.tense == "gerund":
        return "active" if lex.match("gerund_complement", after) else None
    if cue.tense == "base":
        aux = _aux_start(text, cue, lo, lex, lex.base_after)
        if aux is None:
            return None  # "to say", "say": not a report; "she did say", "he would say" are
        cue.start, cue.text = aux, text[aux:cue.end]
        return "active"
    if cue.tense == "present":
        prev = [t for _, t in _tokens(text, max(lo, cue.start - 30), cue.start)]
        determiners = lex.function_words - lex.audiences - lex.prepositions
        if prev and (prev[-1] in determiners or prev[-1].endswith(("'s", "’s"))):
            return None  # a noun: "Putin's remarks", "la critica", "le dichiarazioni"
        if lex.match("complementizer_next", after) or re.match(r"\s*[:“«\"„]", after):
            return "active"
        before = text[max(lo, cue.start - 3):cue.start]
        if re.search(r"[,”»\"’]\s*$|\s[–—-]\s+$", before):
            return "active"  # ("…», aggiunge", "Mosca - aggiunge - vuole …")
        # right after its subject ("Peskov afferma", "Trump slams")
        for m in mentions.starting_through(lo, cue.start):
            if m.end <= cue.start and not text[m.end:cue.start].strip():
                return "active"
        return "active" if _opens_sentence(text, cue, lo, lex) else None
    return "active"


def _opens_sentence(text: str, cue: Cue, lo: int, lex: Lexicon) -> bool:
    """A present form that opens its sentence after a conjunction or adverb only, its subject dropped ("E apre
    alla ripresa dei colloqui", "Poi avverte …"): a verb, no noun (a noun would have its article)."""
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, cue.start):
        start = m.end()
    words = [t for _, t in _tokens(text, start, cue.start)]
    return bool(words) and all(w in lex.conjunctions or w in lex.adverbs for w in words)
