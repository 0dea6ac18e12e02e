"""Attribution on the linguistic layer (Citron-like): cues are tokens whose lemma the language's
``attribution.yaml`` lists (verbs and nouns, with their frames), plus "according to" / "secondo" /
"a detta di"; the source is the cue's subject (or a passive's agent, or the noun after "according to"),
expanded to its mention or described (a group, an anonymous source); the content is the clausal
complement, the clause a parenthetical cue interrupts, an infinitive complement or the object.

The rule-based statements (``garante.extract.statements``) stay: they work without a parse. The parse
adds the statements the rules miss and names the speaker of a quote whose own tag the rules passed over.

    from garante import analyse_text
    doc = analyse_text("A senior US official said the talks would resume on Monday.")
    st = doc.statements[0]
    st.speaker_name, st.attrs["speaker_kind"], st.on_behalf_of_name   # 'A senior US official', 'anonymous', ...
"""
from __future__ import annotations

from ...document import Document
from .acts import act_frame
from .broad import broad_frame
from .frames import (ParsedFrame, according_frames, adjective_frame, conjunction_subject, content_of, inverted_subject,
                     marked_clause, misread_complement, noun_frame, source_of, subtree)
from .lexicon import AttributionLexicon, attribution_lexicon
from .open_frames import hedge_frame, open_clause_frame
from .position_objects import position_object_frame
from .recovered import recovered_frame, trailing_appositive

__all__ = ["find_frames", "attribution_lexicon", "ParsedFrame"]
WIDE_FRAMES = {"object", "xcomp"}  # the candidates a verb of saying or thinking gives the scorer
MAX_TOKENS = 20_000  # work per document is bounded: a longer parse is read up to here
# The parts of speech a cue has for any frame reader of find_frames (hedge, act, open clause: VERB; acts: ADJ
# and NOUN too; _frame_of: VERB, NOUN, ADJ and AUX; recovered: NOUN and VERB; unlisted: VERB): the others are
# passed over before their lemma is read (three tokens in five of a page)
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})


def find_frames(doc: Document, lex: AttributionLexicon, forms: dict | None = None,
                every_frame: bool = False, wide: bool = False, unlisted: bool = False) -> list[ParsedFrame]:
    """Every attribution frame the parse shows, in text order, one per cue token. ``forms`` maps a
    conjugated verb form to its lemma (the rules' tables), for a verb the model lemmatised wrongly.
    ``wide``: candidates for the scorer too, an object or infinitive of any verb of saying or thinking
    ("ricorda l'importanza delle riforme") and of the weak cues; ``unlisted``: also a verb no list names
    with its subject and a "that"-clause ("X osserva che …", "X concedes that …"), a candidate only."""
    tokens = doc.tokens[:MAX_TOKENS]
    kept = frozenset() if every_frame else lex.frames  # empty: every frame
    every = every_frame and not wide  # every frame asked for, no scorer weighing them: PolNeAR's wide reading
    out: list[ParsedFrame] = []
    for t in tokens:
        if t.pos not in CUE_POS:
            continue  # no reader below takes a cue of another part of speech
        lemma = _lemma(t, lex, forms or {})
        frame = (hedge_frame(doc, t, lemma, lex) if every else None) \
            or (position_object_frame(doc, t, lemma) if every else None) \
            or act_frame(doc, t, lemma, kept, every) or _frame_of(doc, t, lemma, lex, wide, every) \
            or recovered_frame(doc, t, lemma, lex) \
            or (_unlisted_frame(doc, t, lemma, lex) if unlisted else None) \
            or (open_clause_frame(doc, t, lex) if every else None)  # (PolNeAR's reading: open_frames.py)
        if frame is not None and frame.content and (not kept or frame.frame in kept):
            frame.lemma = lemma
            out.append(frame)
    # "voiced fears that …": a light verb's object frame gives way to its noun's frame, the "that"-clause it
    # reports ("voiced Moscow's conditions for settling …" stays an object)
    light = {f.cue.head for f in out if f.frame == "light" and f.content[0].dep == "mark"
             and f.content[0].text.lower() in MARKS}
    out = [f for f in out if not (f.frame == "object" and f.cue.i in light)]
    by_sentence: dict[int, list] = {}
    for t in tokens:
        by_sentence.setdefault(t.sent, []).append(t)
    for sent in by_sentence.values():
        if not kept or "according" in kept:
            out.extend(according_frames(doc, sent, lex.according, every))
    return sorted(out, key=lambda f: f.cue.start)


def _lemma(t, lex: AttributionLexicon, forms: dict) -> str:
    lemma = t.lemma.lower()
    if t.pos in ("VERB", "AUX") and not lex.verb_frames(lemma) and t.text.lower() in forms:
        return forms[t.text.lower()][0]
    if t.pos == "VERB" and not lex.verb_frames(lemma):
        return next((x for x in _repairs(lemma) if lex.verb_frames(x)), lemma)
    return lemma


def _repairs(lemma: str) -> list[str]:
    """What a model's lemma of a regular verb may have stood for where it cut the ending at the wrong letter:
    an e-final verb that lost its "e" ("emphasiz", "cit"), an "e" of "-ed" left on ("tweete", "commente"),
    a consonant doubled before "-ed" or "-ing" ("dubb", "referre", "preferr")."""
    out = [lemma + "e"]
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma
    if stem != lemma:
        out.append(stem)
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        out.append(stem[:-1])
    return out


def _frame_of(doc: Document, t, lemma: str, lex: AttributionLexicon, wide: bool = False,
              every: bool = False) -> ParsedFrame | None:
    """The frame of a listed cue; ``every``: PolNeAR's reading of every attribution, where the complements the
    parse misread (an indirect question, an infinitive read as a purpose) and the clauses of a noun the parse
    hung elsewhere are taken too (never made for news: our corpus lists fewer of them than they add)."""
    if t.pos == "VERB" or (t.pos == "AUX" and lemma in lex.speech):
        frames = lex.verb_frames(lemma)
        weak = not frames
        if weak and lemma in lex.broad_verbs:
            frame = broad_frame(doc, t)
            if frame is not None or not wide:
                return frame
        if wide and ("clause" in frames or weak and lemma in lex.broad_verbs):
            frames = frames | WIDE_FRAMES
        if not frames:
            return None
        kind, content = content_of(doc, t, frames)
        if not content and every:
            kind, content = misread_complement(doc, t, frames, lex)
        if not content:
            return None
        source = quoted_as(doc, t, lex) or source_of(doc, t) or conjunction_subject(doc, t) \
            or (inverted_subject(doc, t) if kind == "parenthetical" else None)
        if source is None and kind == "clause":  # "…, a senior official, who …, said.": hung on the content
            source, content = trailing_appositive(doc, t, content) or (None, content)
        return ParsedFrame(t, kind, content, source, weak=weak)
    if t.pos == "NOUN" and (lemma in lex.nouns or lemma in lex.broad_nouns):
        return noun_frame(doc, t, every)
    if t.pos == "ADJ" and lemma in lex.adjectives:
        return adjective_frame(doc, t)
    return None


def quoted_as(doc: Document, t, lex: AttributionLexicon):
    """"The agency quoted X as saying …", "the Times cited X as saying …": a verb of saying with a marker of
    its own, hung on a verb of quoting (``quoting_verbs``), has that verb's object for its speaker, not its
    subject (the outlet that quotes)."""
    if not lex.quoting_verbs or t.is_root or t.dep.split(":")[0] != "advcl" \
            or not any(c.dep == "mark" and c.i < t.i for c in doc.children(t)):
        return None
    head = doc.tokens[t.head]
    if head.lemma.lower() not in lex.quoting_verbs:
        return None
    return next((c for c in doc.children(head) if c.dep == "obj" and c.i < t.i and c.pos in ("NOUN", "PROPN")), None)


MARKS = {"che", "that"}


def _unlisted_frame(doc: Document, t, lemma: str, lex: AttributionLexicon) -> ParsedFrame | None:
    """A verb no list of the language names, whose subject is a noun or a name and whose complement is a
    clause opened by "che"/"that" ("Il ministro osserva che …", "The envoy conceded that …"): often a verb
    of saying the lexicon lacks, as often not ("la decisione dimostra che …"); the scorer decides."""
    if t.pos != "VERB" or lex.verb_frames(lemma) or lemma in lex.broad_verbs or lemma in lex.cognition:
        return None
    clause = marked_clause(doc, t, MARKS)
    source = source_of(doc, t)
    if clause is None or source is None or source.pos not in ("PROPN", "NOUN"):
        return None
    return ParsedFrame(t, "clause", subtree(doc, clause), source, lemma=lemma, weak=True, unlisted=True)
