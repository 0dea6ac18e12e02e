"""The speaker of a frame (``_frame_speaker``): the one its cue names, the one a tag after the quotation names, the
subject before a colon; the source a frame cites (``_cited``); else the speaker it inherits from the statement
that governs it or from the one before (``_speaker_by_inheritance``)."""
from __future__ import annotations

import re

from ...document import Span, Statement
from .base import COMPONENT, Frame, _Build, _SKIP, _eligible, _is_media
from .colon import colon_subject, extent
from .language import Lexicon
from .merge import governed
from .pick import (_after_preposition, _colon_intro, _inciso_speaker, _own_speaker, _pick_speaker, _pronoun_antecedent,
    _relative_spans, _reported_subject, _subject_words)
from .quotes import _quote_spans
from .speakers import role_subject


def _frame_speaker(build: _Build, f: Frame, span: tuple[int, int], exclude: list) -> Span | None:
    """The speaker the frame names itself: in its own region, a transcript label, a tag inside the quotation,
    or the cue of the next paragraph that a quotation left open runs on into."""
    text, lex, mentions, kb = build.text, build.lex, build.mentions, build.kb
    a, b = span
    speaker = _own_speaker(text, f, mentions, kb, lex, exclude)
    if f.rule == "colon-quote":
        speaker = _colon_subject_speaker(build, f) or speaker
    if speaker is None and f.cue is not None and f.rule in ("trailing", "parenthetical"):
        speaker = role_subject(build.doc, f.cue.end - 1)  # "«…», ha detto ancora l'ambasciatore"
    if f.fixed is not None:
        eid, name, s0, s1 = f.fixed
        speaker = Span(s0, s1, "mention", "PER", {"entity_id": eid, "name": name, "resolution": "label"},
                       component=COMPONENT, rule="speaker-label")
    if speaker is None and f.rule == "trailing" and f.inherit in ("previous", "pronoun") \
            and text[a] in lex.opening + lex.either:
        speaker = _inciso_speaker(text, a, b, mentions, kb, lex)  # "«… - ha spiegato X - …», ha aggiunto"
    if speaker is None and f.open_ended:
        # a quote left open at a paragraph's end goes on in the next one, whose cue names the speaker
        nxt = next((g for g in build.frames if g.depth == 0 and g.content_start > b), None)
        if nxt is not None and nxt.cue is not None and text[b:nxt.content_start].strip() == "" \
                and text[nxt.content_start] in lex.opening + lex.either:
            speaker = _own_speaker(text, nxt, mentions, kb, lex, _quote_spans(text, nxt.sentence, lex))
    if speaker is None and f.rule == "continuation" and f.depth == 0:
        speaker = _tag_after_quote(build, b)  # "“…,” Nehammer said ahead of the summit"
    return speaker


def _tag_after_quote(build: _Build, b: int, reach: int = 80) -> Span | None:
    """A quotation that closes on a comma ("“…,” X said …", "«…», ha detto X"), a question or an exclamation
    mark ("“…?” X said", "«…!» ha detto X") is followed by its own tag:
    the one named right before or right after a verb of saying there speaks, even where an adjunct or a cited
    source after the tag kept it from reading as a trailing tag ("said on Thursday ahead of the summit",
    "said X, quoted by the Guardian"): not the speaker the text went on from. A verb that takes an addressee
    ("told X") and an outlet never give the speaker."""
    text, lex, kb = build.text, build.lex, build.kb
    if b < 2 or text[b - 1] not in lex.closing + lex.either:
        return None
    pos = b
    if text[b - 2] not in ",?!":  # "«…», ha detto X": the comma after the mark; "“…?” X asked", "«…!» ha detto X"
        m = re.match(r"\s*,", text[b:b + 3])
        if m is None:
            return None
        pos = b + m.end()
    s_hi = text.find("\n", b) if "\n" in text[b:b + reach] else min(len(text), b + reach)
    while pos < s_hi and text[pos].isspace():
        pos += 1
    hi = min(s_hi, pos + reach)
    first = next(iter(build.mentions.starting(pos, hi)), None)
    if first is not None and first.start == pos:  # "X said", "X ha aggiunto"
        if not _eligible(first) or _is_media(first, kb):
            return None
        verb = _verb_at(text, first.end, hi, lex)
        return first if verb is not None else None
    verb = _verb_at(text, pos, hi, lex)  # "said X", "ha detto X"
    if verb is None or lex.form_of(verb)[0] in lex.addressee_verbs:
        return None
    after = next((m for m in build.mentions.starting(verb.end(), hi) if m.label == "PER"), None)  # (after its
    # office: "said Kremlin spokesman Dmitry Peskov")
    between = text[verb.end():after.start] if after is not None else ""
    blockers = (lex.complement | lex.prepositions) - lex.genitive - {"of"}  # ("ha risposto a una domanda su
    # un incontro fra Putin e …": a name a preposition governs is no subject; "the head of X's delegation" is)
    if after is None or _is_media(after, kb) or re.search(r"[,;:.«»“”\"()]", between) \
            or any(w.lower() in blockers for w in re.findall(r"[^\W\d_]+", between)):
        return None
    return after


_NEXT_WORD = re.compile(r"\s*(\w+)")


def _verb_at(text: str, pos: int, hi: int, lex: Lexicon) -> re.Match | None:
    """A verb of saying right at ``pos`` (after white space, and up to two auxiliaries or adverbs), else None."""
    for _ in range(3):
        w = _NEXT_WORD.match(text, pos, hi)  # (a verb's form opens with a word character too)
        if w is None:
            return None
        m = lex.verb.match(text, w.start(1), hi)
        if m is not None:
            return m if lex.form_of(m)[2] == "speech" else None
        if w.group(1).lower() not in lex.aux and w.group(1).lower() not in lex.adverbs:
            return None
        pos = w.end()
    return None


def _colon_subject_speaker(build: _Build, f: Frame) -> Span | None:
    """"X respinge la proposta di Y e rilancia: «…»": the one named in the subject of the clause the colon
    ends, where the parse shows one (else the name nearest the colon, as without a parse)."""
    colon_at = f.content_start - 1  # the last character before the content that is not white space
    while colon_at >= 0 and build.text[colon_at].isspace():
        colon_at -= 1
    subject = colon_subject(build.doc, colon_at) if build.doc is not None and colon_at >= 0 else None
    if subject is None:
        return None
    named = _pick_speaker(build.mentions, extent(build.doc, subject), build.kb, nearest_last=False)
    return named or role_subject(build.doc, subject.start, subject=subject)  # "L'ambasciatore parla …: «…»"


def _cited(build: _Build, f: Frame, span: tuple[int, int], speaker: Span | None):
    """A source that reports someone else's words: _SKIP where that person's own cue makes the statement
    (which then cites the source), (the source's name, the person) where the source reports them, else None."""
    text, mentions, kb, by_cue = build.text, build.mentions, build.kb, build.by_cue
    a, b = span
    if f.rule.startswith("according") and any(g is not f for g in by_cue.starting(a, b)):
        return _SKIP  # "“…”, ha dichiarato Lavrov, secondo quanto riportato da Ria Novosti": Lavrov's, citing it
    if speaker is not None and f.rule == "parenthetical" and _is_media(speaker, kb) and \
            any(g is not f for g in by_cue.starting(a, b)):
        return _SKIP  # "Macron, scrive il Corriere, ha aggiunto che …": the paper is cited, Macron speaks
    if speaker is not None and (f.rule == "according" or _is_media(speaker, kb)):
        # "Secondo Bloomberg, Peskov ha chiesto…", "Secondo una nota di Palazzo Chigi, la premier si è detta
        # disponibile…": the source reports what someone named after it said
        inner = _reported_subject(text, a, b, mentions, build.lex)
        if inner is None and _is_media(speaker, kb):
            # "L'Italia ha deciso di uscire dal programma …, riferisce Bloomberg": an outlet passes on what a state
            # or a body did or decided, and that one speaks (a person's "according to" speaks for itself)
            inner = _clause_subject(build, a, b, lambda m: m.label in ("PER", "GPE", "ORG") and not _is_media(m, kb))
        if inner is not None:
            subject, verb_at = inner
            if any(g is not f for g in by_cue.covering(verb_at)):
                return _SKIP  # that verb makes a statement of its own, which cites this source
            return speaker.attrs.get("name") or speaker.text_of(build.doc), subject
    return None


def _speaker_by_inheritance(build: _Build, f: Frame, span: tuple[int, int], exclude: list,
                            statements: list[Statement], last: Statement | None):
    """A frame that names no speaker: (speaker, governing statement) from what it inherits (the governing
    clause, a colon's introduction, a pronoun's antecedent, a resumptive relative, the first of coordinated
    subjects, a dropped subject), or _SKIP where a subject the knowledge base cannot name stands there."""
    text, lex, mentions, kb = build.text, build.lex, build.mentions, build.kb
    a, _ = span
    speaker = governing = None
    if f.speaker_after and f.rule in ("trailing", "parenthetical") and lex.first("held_role", text, *f.speaker_after):
        return (None, last) if last is not None else _SKIP  # "ha aggiunto il consigliere", no one named in that
        # role before: the speaker the text goes on from, not a name nearer the tag
    if (f.joined or f.inherit == "coordinated") and last is not None and last.cue_start is not None \
            and f.sentence[0] <= last.cue_start < f.cue.start:
        # the verb before the conjunction speaks on ("X said A but stressed B": X, not a name in A), by its mention
        named = next((m for m in build.mentions.starting(last.speaker_start, last.speaker_end)
                      if m.start == last.speaker_start), None) if last.speaker_start is not None else None
        return (named, None) if named is not None else (None, last)
    if f.inherit == "governing":
        governing = next((s for s in reversed(statements) if s.content_start >= f.sentence[0]
                          and (s.content_end <= a + 1 or _reports_cue(s, f)) and s.speaker_name), None)
        if governing is None:
            speaker = _pick_speaker(mentions, (f.sentence[0], f.cue.start), kb, nearest_last=False, exclude=exclude)
            if speaker is not None and _after_preposition(text, speaker, lex):
                # a name a preposition governs is no subject of the governing verb ("Ha delineato le priorità della
                # difesa degli Stati Uniti, affermando che …"): the first name none governs, else the dropped
                # subject of the sentence, the speaker the text goes on from
                governed = [(m.start, m.end) for m in mentions.starting_through(f.sentence[0], f.cue.start)
                            if _after_preposition(text, m, lex)]
                first = speaker
                speaker = _pick_speaker(mentions, (f.sentence[0], f.cue.start), kb, nearest_last=False,
                                        exclude=list(exclude) + governed) \
                    or _pronoun_antecedent(text, f, mentions, lex, last, build.sentences, build.doc)
                if speaker is None and last is not None and last.speaker_name:
                    governing = last
                elif speaker is None:
                    speaker = first  # (no one else to go on from)
    if speaker is None and f.inherit in ("previous", "pronoun") and f.rule in ("trailing", "continuation"):
        speaker = _colon_intro(text, a, mentions, build.doc)
    if speaker is None and f.inherit == "pronoun":
        speaker = _pronoun_antecedent(text, f, mentions, lex, last, build.sentences, build.doc)
    if speaker is None and f.inherit == "resumptive":
        speaker = next((m for m in reversed(mentions.overlapping(max(0, f.sentence[0] - 300), f.sentence[0]))
                        if m.label == "PER" and m.end <= f.sentence[0]), None)  # the person named last
    if speaker is None and f.inherit == "coordinated":
        first = _pick_speaker(mentions, (f.sentence[0], f.cue.start), kb, nearest_last=False,
                              exclude=exclude + _relative_spans(text, f.sentence, lex)
                              + _quote_spans(text, f.sentence, lex))  # (not a name the first verb's words quote)
        if first is not None and (first.label == "PER" or _opens_sentence(text, f.sentence[0], first, lex)):
            speaker = first  # (a body or a state only as the sentence's subject: "Il Pentagono non ha commentato
            # …, ma ha sottolineato che …")
    if speaker is None and governing is None:
        return _dropped_subject(build, f, last)
    return speaker, governing


def _opens_sentence(text: str, s_lo: int, m: Span, lex: Lexicon) -> bool:
    """The name opens its sentence, an article at most before it: the subject of its first verb."""
    words = re.findall(r"[^\W\d_]+", text[s_lo:m.start])
    return not text[s_lo:m.start].strip(" \t\n\"“«") or \
        all(w.lower() in lex.function_words and w.lower() not in lex.prepositions for w in words) and bool(words) \
        and not re.search(r"[,;:]", text[s_lo:m.start])


def _dropped_subject(build: _Build, f: Frame, last: Statement | None):
    """A frame with no subject named ("Ha aggiunto che…", "Definisce «…»"): who opened a sentence since the
    last statement, else the last speaker; _SKIP where the subject is there but unnamed."""
    text, lex = build.text, build.lex
    if f.rule in ("colon-quote", "name-tag"):
        return _SKIP
    region_text = text[f.speaker_region[0]:f.speaker_region[1]] if f.speaker_region else ""
    if f.inherit == "coordinated":
        region_text = ""  # "…, e aggiunge che": the subject of the first verb, named before
    subject = _subject_words(region_text, lex)
    if subject and f.rule.startswith(("leading", "according", "passive")):
        return _SKIP  # a subject the knowledge base cannot name ("26 nazioni", "un funzionario")
    if f.rule.startswith(("according", "passive", "backward")) and f.inherit != "pronoun":
        return _SKIP
    speaker = None
    if f.inherit in ("previous", "coordinated") and f.cue is not None:
        speaker = _pronoun_antecedent(text, f, build.mentions, lex, last, build.sentences, build.doc)
    return (speaker, None) if speaker is not None else (None, last)


def _reports_cue(st: Statement, f: Frame) -> bool:
    """A parenthetical cue's statement whose content holds the frame's cue: "Mosca, ha proseguito, non è
    d'accordo …, affermando che …" is all the speaker's, gerund included (not Moscow's)."""
    return st.rule in ("parenthetical", "nested-parenthetical") and f.cue is not None \
        and st.content_start <= f.cue.start < st.content_end


def _clause_subject(build: _Build, a: int, b: int, actor) -> tuple[Span, int] | None:
    """The actor that the parse shows as the subject of the clause [a, b) opens with ("L'Italia ha deciso di
    uscire …", "The United States is encouraging …"): (mention, the verb's offset), else None."""
    doc = build.doc
    if doc is None or not doc.tokens:
        return None
    root = doc.root(a, b)
    if root is None or root.start > a + 150 or (
            root.pos not in ("VERB", "AUX") and not any(k.dep == "cop" for k in doc.children(root))):
        return None  # (a predicate with its copula: "Germany is set to …")
    subject = next((k for k in doc.children(root) if k.dep.split(":")[0] == "nsubj" and k.start >= a), None)
    if subject is None:
        return None
    named = next((m for m in build.mentions.covering(subject.start) if actor(m)), None)
    return (named, root.start) if named is not None else None
