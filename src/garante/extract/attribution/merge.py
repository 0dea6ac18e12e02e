"""Parsed frames become statements beside the rule-based ones: a frame the rules found already keeps
the rules' statement (its speaker corrected when the rules only inherited it and the parse names one);
a frame the rules missed becomes a statement of its own."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, NamedTuple

from ...document import Document, Statement
from ..ordered import Ordered
from ..timex import date_at
from . import find_frames
from .acts import tighten
from .base import dateline_end, speaker_mentions
from .clause_bounds import cut_second_predicates, narrow_to_fronted_clause
from .features import candidate_features
from .frames import ParsedFrame, subtree, trim
from .refusals import kept_refusal
from .language import lexicon
from .lexicon import AttributionLexicon
from .open_frames import speaks_as_written, written_pronoun
from .pronouns import GENDER_PRONOUN, antecedent, in_quotation
from .sides import is_media, mark_source, place_side, set_side, speaker_side
from .sources import (NOT_SOURCE, Source, after_dateline, agreement, cue_group, describe, dropped_subject, is_subject,
                      second_subject, speaker_noun, subject_gender, written_phrase)
from .speakers import speaker_gender, speaker_mention, went_on_from

COMPONENT = "statements"
WORD = re.compile(r"\w+")
OPEN, CLOSE = "“\"«‘", "”\"»’"
INHERITED = {"previous-speaker", "governing-clause", None}
# an object, infinitive or oblique content of fewer tokens is rarely a statement (PolNeAR dev: 4 is best)
SHORT_FRAMES, SHORT_FRAME_MIN = ("object", "xcomp", "oblique"), 4
ONE_WORD_FRAMES = ("position",)  # "endorsed Cruz": one name is the side taken (acts._position)


def add_parsed(doc: Document, lex: AttributionLexicon, kb, forms: dict | None = None,
               every_frame: bool = False, scorer=None) -> None:
    """Add the parse's statements to ``doc.statements`` (built by the rules); nothing without tokens.
    ``every_frame``: also the frames the language leaves out by default (objects, infinitives: "vowed to
    fight", "criticized the plan"), as corpora of every attribution (PolNeAR) count them. ``scorer``
    (``scorer.AttributionScorer`` or anything with its ``keep``): those frames and the weak cues are
    candidates it keeps or drops."""
    if not doc.tokens:
        return
    run = _parsing(doc, lex, kb, every_frame, scorer)
    if run.every_frame:
        join_coordinated_complements(doc, run.lang)
    cut_second_predicates(doc)  # (before the frames: the second predicate's frame may make its own statement)
    reports: list[tuple[int, int, str]] = []  # an outlet's "according to" around a speaker's clause
    frames = list(find_frames(doc, lex, forms, every_frame or run.scoring, wide=run.scoring,
                              unlisted="unlisted" in run.extra))
    for frame in frames:
        _add_frame(run, frame, frames, reports)
    if lex.pro_drop:
        _recheck_dropped(doc, run.mentions, kb)
    for st in doc.statements:
        if st.cited_source is None:
            st.cited_source = next((name for a, b, name in reports if a <= st.content_start < b), None)
    written_sources(doc)


class _Parsing(NamedTuple):
    """What one document's parsed frames are read with: the document, the lexicon, the knowledge base, the
    mentions (looked up by bisection for each source: issue 16), the entity layer, how a pronoun finds its
    antecedent, the scorer, the language, whether the scorer rules on candidates (``scoring``) and which
    candidate classes it was trained on (``extra``), and whether every frame counts."""
    doc: Document
    lex: AttributionLexicon
    kb: Any
    mentions: Ordered
    ner: list
    resolve: Any
    scorer: Any
    lang: str
    scoring: bool
    extra: set
    every_frame: bool
    written: Any  # PolNeAR's reading: a subject no reading makes a speaker speaks as written (else None)


def _parsing(doc: Document, lex: AttributionLexicon, kb, every_frame: bool, scorer) -> _Parsing:
    """The layers and settings ``add_parsed`` reads each frame with."""
    mentions = speaker_mentions(doc)
    lang = (doc.meta.get("language") or "")[:2]
    scoring = scorer is not None and not every_frame and getattr(scorer, "active", lambda _: True)(lang)
    # the candidate classes of the sixteenth session, made only for a scorer trained on them (its "candidates")
    extra = set(getattr(scorer, "candidates", ())) if scoring else set()
    resolve = lambda tok: antecedent(doc, tok, lex, mentions, kb)  # noqa: E731
    # PolNeAR's reading of every attribution: a subject no reading above makes a speaker speaks as written
    written = (lambda tok: resolve(tok) or written_pronoun(doc, tok, lex)) if every_frame and not scoring else None
    return _Parsing(doc, lex, kb, mentions, doc.layer("ner"), resolve, scorer, lang, scoring, extra, every_frame,
                    written)


def _add_frame(run: _Parsing, frame: ParsedFrame, frames: list[ParsedFrame], reports: list) -> None:
    """What one parsed frame adds: a correction of the rules' statement of the same words, else a statement of
    its own (an outlet's report of a speaker's clause goes to ``reports``)."""
    doc, lex = run.doc, run.lex
    span = content_span(doc, frame)
    if span is None or _concessive(doc, frame, lex):
        return
    # a weak cue in its reporting frame (a "that"-clause) is kept as the strong ones are; in any other frame
    # it is a candidate, as the frames the language leaves out are
    candidate = run.scoring and (frame.unlisted or bool(lex.frames and frame.frame not in lex.frames))
    source = describe(doc, frame.source, run.mentions, run.ner, lex, run.resolve,
                      _open_source(doc, frame, lex)) \
        if frame.source is not None else None
    if source is None and frame.source is not None and run.written is not None and speaks_as_written(frame):
        # (any noun subject, a pronoun with no antecedent: open_frames.written_pronoun)
        source = describe(doc, frame.source, run.mentions, run.ner, lex, run.written, True)
    if candidate and _unnamed_according(frame, source, lex):
        candidate = False  # "Secondo fonti ucraine, …": the rules read "secondo" only before a name
    if candidate and kept_refusal(doc, frame, source, lex):
        candidate = False  # "il governo ha escluso l'invio …": no rule reads a described speaker's refusal
    if source is not None and _outlet_reports_a_speaker(frame, span, frames, source, run.kb, lex):
        reports.append((span[0], span[1], source.name))  # (the speaker's statement cites the outlet)
        return
    if source is not None and source.resolution == "description" and source.start < frame.cue.start < source.end:
        _cut_description(doc, source, frame.cue.start)  # (a parse that hung the clause on the noun)
    same = _same(doc, span[:2], frame)
    if same is not None:
        _correct_rules_statement(run, same, frame, span, source, candidate)
        return  # its content stays the rules' (PolNeAR dev: the parse's clause bounds measured worse)
    _add_frame_statement(run, frame, span, source, candidate)


def _correct_rules_statement(run: _Parsing, same: Statement, frame: ParsedFrame, span, source, candidate: bool) -> None:
    """Corrects the rules' statement of the frame's words: its speaker where the parse names one (or a dropped
    subject the rules misread), its content's bounds and cue."""
    doc, lex, kb = run.doc, run.lex, run.kb
    if source is not None and not candidate and not frame.weak and not _quoted_subject(same, source) \
            and not _opened_by_according(frame, source, lex) \
            and not _quoted_away(doc.text, source.start, frame.cue.start):
        # (nor a weak cue's: it overrides no rule; nor a subject inside the quote: "“Gli Stati Uniti
        # non credono che …,” ha aggiunto" is not the United States speaking)
        _correct_speaker(same, source, kb, doc, lex, _relative_cue(doc, frame.cue))
    elif source is None and frame.source is None and lex.pro_drop \
            and (_object_taken(doc, same, frame.cue) or _disagrees(doc, same, frame.cue, kb)):
        _correct_dropped(doc, same, frame.cue, run.mentions, kb)
    if run.every_frame:  # an act's complement, not the adjuncts after it (acts.py; the corpus guide keeps them)
        tighten(doc, same, frame, span)
    _widen(doc, same, frame, span)
    narrow_to_fronted_clause(doc, same, frame, span)


def _add_frame_statement(run: _Parsing, frame: ParsedFrame, span, source, candidate: bool) -> None:
    """Adds the statement of a frame the rules missed, where it has a source (a hedge needs none), overlaps no
    statement and, as a candidate, the scorer keeps it."""
    doc, lex, kb = run.doc, run.lex, run.kb
    if source is None and frame.source is None and lex.pro_drop and run.scoring:
        source = dropped_subject(doc, frame.cue, run.mentions)  # "Ha ribadito …": a candidate only
        candidate = source is not None
    glosses = candidate and _glosses(doc, frame)
    if frame.frame == "hedge" and source is None and not _overlaps_any(doc, span[:2]):
        doc.statements.append(_statement(doc, frame, span, None, kb))  # (PolNeAR's reading: no source)
        return
    if source is None or _overlaps_any(doc, span[:2]) or _restates(doc, frame, source, lex) \
            or glosses and "gloss" not in run.extra or _quoted_source(frame, source, span):
        return
    p = _score(doc, frame, span, source, lex, run.scorer, run.lang, glosses) if candidate else None
    if p is None or p >= 0:
        st = _statement(doc, frame, span, source, kb)
        if p is not None:
            st.attrs["p_attribution"] = round(p, 3)
        doc.statements.append(st)


def join_coordinated_complements(doc: Document, lang: str) -> None:
    """PolNeAR's reading: "said A and that B" is one report. The rules make two statements of one cue there
    (``coordinated_complement``, as the news' gold wants); every attribution's corpus keeps the clauses whole."""
    lex = lexicon(lang or None)
    kept: list[Statement] = []
    for st in sorted(doc.statements, key=lambda s: s.content_start):
        prev = next((k for k in reversed(kept) if k.cue_start is not None and k.cue_start == st.cue_start
                     and k.cue_end == st.cue_end), None)
        if prev is not None and _joined_by_complementizer(doc.text, prev, st, lex):
            shorten(doc, prev, st.content_end)
        else:
            kept.append(st)
    ids = {id(st) for st in kept}
    doc.statements[:] = [st for st in doc.statements if id(st) in ids]


def _joined_by_complementizer(text: str, first: Statement, second: Statement, lex) -> bool:
    """Only the language's "and that" (and the punctuation the parts were clipped of) between the two parts."""
    if not first.content_end <= second.content_start:
        return False
    m = lex.first("coordinated_complement", text, first.content_end, second.content_start)
    return m is not None and not text[first.content_end:m.start()].strip(' ,"”’') \
        and not text[m.end():second.content_start].strip(' "“‘')


def _quoted_source(frame: ParsedFrame, source: Source, span) -> bool:
    """A quotation next to the cue whose source lies inside it: a quoted name the parse took for both
    the words and who said them ("lancia la “coalizione dei volenterosi” per garantire …": no one speaks)."""
    return frame.frame == "quote" and span[0] <= source.start and source.end <= span[1]


def _outlet_reports_a_speaker(frame: ParsedFrame, span, frames: list[ParsedFrame], source: Source, kb,
                              lex: AttributionLexicon) -> bool:
    """"Secondo il Financial Times, i funzionari hanno spiegato che …", "according to a report by X, officials
    said …": an outlet's "according to" around a clause whose verb of saying has its own subject reports
    that speaker, who speaks (the outlet is the channel): the phrase makes no statement of its own."""
    if frame.frame != "according" or not (is_media(kb, source.entity_id)
                                          or frame.source.lemma.lower() in lex.report_nouns):
        return False
    return any(g is not frame and g.frame != "according" and g.source is not None and g.source.dep.startswith("nsubj")
               and span[0] <= g.cue.start < span[1] and span[0] <= g.source.start < span[1] for g in frames)


def written_sources(doc: Document) -> None:
    """``attrs['source_span']`` of a statement whose cue has a pronoun for its subject: the pronoun, as the
    sentence writes the source ("he said", "who told", "they argued"), whoever it resolves to; also where the
    tag stands inside the content it reports ("But to be safe, he said, officials should …")."""
    for st in doc.statements:
        subject = _pronoun_subject(doc, st)
        if subject is not None and (not st.content_start <= subject.start < st.content_end
                                    or st.content_start <= st.cue_start < st.content_end):
            st.attrs["source_span"] = [subject.start, subject.end]


def _unnamed_according(frame: ParsedFrame, source: Source | None, lex: AttributionLexicon) -> bool:
    """An "according to" frame whose source is a description of a kind the language keeps there
    (``unnamed_according``: "secondo fonti ucraine", "secondo le autorità russe"), where it leaves the parse's
    "according to" out otherwise (the rules read "secondo X" of a name, and do better there)."""
    return frame.frame == "according" and source is not None and source.resolution == "description" \
        and source.kind in lex.unnamed_according and speaker_noun(frame.source, lex)  # (not "secondo il piano")


def _open_source(doc: Document, frame: ParsedFrame, lex: AttributionLexicon) -> bool:
    """The frame's source speaks whatever noun it is: the subject of a verb of saying (``open_source_verbs``),
    or what "according to" names, which the phrase itself makes a source ("according to the results",
    "according to state law", "according to his campaign filings")."""
    if frame.frame == "according" and frame.cue.pos != "NOUN":
        return True  # (not "in his words": the owner of the words is a person already)
    return frame.lemma in lex.open_source and not _participle_on_noun(doc, frame)


def _opened_by_according(frame: ParsedFrame, source: Source, lex: AttributionLexicon) -> bool:
    """A source that is a speaker only because "according to" names it ("according to Article 5 of the
    charter"): it makes a statement of its own where the rules found none, but overrules no speaker of theirs."""
    return frame.frame == "according" and source.resolution == "description" and not speaker_noun(frame.source, lex)


def _widen(doc: Document, st: Statement, frame: ParsedFrame, span: tuple) -> None:
    """A rule's "X said …" whose content the parse's clause of the same cue holds with twice its words or more:
    the rules started the clause late (at a comma inside it: "said his band and its producer, a friend of
    the singer, wrote new songs") or ended it early; the clause is what was said."""
    if frame.frame != "clause" or not st.rule.startswith("leading") or st.cue_start != frame.cue.start:
        return
    a, b = span[0], span[1]
    if not (a <= st.content_start and st.content_end <= b) or (a, b) == (st.content_start, st.content_end) \
            or any(q in doc.text[a:b] for q in OPEN + CLOSE):
        return
    if 2 * len(_words(doc, st.content_start, st.content_end)) > len(_words(doc, a, b)):
        return
    if any(other is not st and other.content_start < b and a < other.content_end for other in doc.statements):
        return  # ("said that A and that B": the rules' two statements, one a clause, stay two)
    st.content_start = a
    shorten(doc, st, b)


def _participle_on_noun(doc: Document, frame: ParsedFrame) -> bool:
    """A participle or gerund cue the parse hung on a noun ("was “the backbone of the eastern flank,” adding
    that …"): that noun is a speaker only if it is a noun of speakers, not because a verb of saying is near."""
    cue = frame.cue
    return cue.feat("VerbForm") in ("Ger", "Part") and not cue.is_root and frame.source is doc.tokens[cue.head] \
        and not any(c.dep.startswith("nsubj") for c in doc.children(cue))


ADJUNCT = ("nsubj", "obl", "advmod", "advcl", "nmod")
INTRODUCERS = {"che", "come", "that", ":"}


def drop_misread_frames(doc: Document) -> None:
    """Drop the rules' readings that the parse contradicts: what they took for the content of "…, ha detto
    X" or "X said …" is no clause but the cue's own subject or an adjunct of it ("Zelensky, che lunedì
    incontrerà Trump, ha confermato la disponibilità …", "Speaking to reporters after the summit, Starmer
    said …", "Putin said while addressing an economic forum", "said the secretary of defense"), not what was
    said. The parse's frame of that cue, if it has one, takes its place."""
    if not doc.tokens:
        return
    keep = [not (st.rule in ("trailing", "leading") and st.cue_end is not None and _adjunct_of_cue(doc, st))
            for st in doc.statements]
    doc.keep_statements(keep)


def _adjunct_of_cue(doc: Document, st: Statement) -> bool:
    if _holds_clause(doc, st.content_start, st.content_end):
        return False  # a clause the parse misread into pieces of the reporting clause ("Tuttavia Kiev e Mosca non
        # hanno trovato un accordo, ha dichiarato X": "Tuttavia" and "Kiev" hung on the cue) is still a clause
    if _relative_after_cue(doc, st):
        return True
    before = doc.text[max(0, st.content_start - 8):st.content_start].split()
    if before and before[-1].lower().strip(",") in INTRODUCERS:
        return False  # the rules read a complementizer ("ha evidenziato come tali garanzie siano …"): the
        # parse, which took "come" for a preposition, does not overrule it
    cue = doc.token_at(st.cue_end - 1)
    root = doc.root(st.content_start, st.content_end)
    if cue is None or root is None or root.is_root or root.head != cue.i:
        return False
    clause = root.feat("VerbForm") == "Fin" or any(c.dep.startswith(("nsubj", "csubj", "cop")) for c in doc.children(root))
    return root.dep.split(":")[0] in ADJUNCT and not clause and doc.text[st.content_start] not in OPEN


def _holds_clause(doc: Document, a: int, b: int) -> bool:
    """The span holds a finite clause of its own: a finite verb, or a verb with a finite auxiliary or copula
    ("non hanno trovato", "istituiranno", "the side was represented"), that is no relative clause (no relative
    pronoun among its words: "Macron, che non escluderebbe …", "a briefing that followed …"). An adjunct of the
    cue ("Dopo le dichiarazioni di X", "Speaking to reporters", "Interpellato sulla possibilità …") has none."""
    for t in doc.tokens_in(a, b):
        if t.dep in ("aux", "aux:pass", "cop") or t.pos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
            continue
        kids = doc.children(t)
        finite = t.pos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin" \
            or any(c.dep in ("aux", "aux:pass", "cop") and c.feat("VerbForm") == "Fin" for c in kids)
        if finite and not any(c.feat("PronType") == "Rel" for c in kids):
            return True
    return False


def _relative_after_cue(doc: Document, st: Statement) -> bool:
    """What the rules took for the content is a relative clause of the cue, which the parse reads as a noun
    ("Austin said during a press briefing that followed the conference"): no verb of saying."""
    cue = doc.token_at(st.cue_end - 1)
    root = doc.root(st.content_start, st.content_end)
    if cue is None or root is None or root.is_root or root.dep not in ("acl:relcl", "relcl"):
        return False
    noun = doc.tokens[root.head]
    return noun.i == cue.i and noun.pos in ("NOUN", "PROPN")


def _score(doc: Document, frame: ParsedFrame, span: tuple, source: Source, lex: AttributionLexicon, scorer,
           lang: str, glosses: bool = False) -> float:
    """The scorer's probability of a candidate it keeps, -1 for one it drops."""
    feats = candidate_features(frame, doc.text[span[0]:span[1]], span[2], source, lex, lang, doc)
    if glosses:
        feats["x_gloss"] = 1.0
    kept, p = scorer.keep(feats, lang)
    return p if kept else -1.0


def _cut_description(doc: Document, source: Source, at: int) -> None:
    """A description ends before the cue ("A prominent Russian lawmaker declared …", not the whole clause)."""
    source.end = len(doc.text[:at].rstrip(" ,"))
    source.name = doc.text[source.start:source.end]


def _quoted_subject(st: Statement, source: Source, reach: int = 40) -> bool:
    """The parse's source lies inside the rules' content, away from the cue or in a content that follows the
    cue: a subject in what was said ("stressed that only a US guarantee could deter Russia")."""
    if not st.content_start <= source.start < st.content_end:
        return False
    near_cue = st.cue_start is not None and st.cue_start - reach <= source.start <= (st.cue_end or st.cue_start) + reach
    return not near_cue or (st.cue_end is not None and st.content_start >= st.cue_end)


def _quoted_away(text: str, at: int, cue_at: int) -> bool:
    """The parse's source stands inside quotation marks its cue stands outside of (He stressed that only a
    “US guarantee” could deter Russia and stated …": the quoted words' noun is no subject of "stated")."""
    return in_quotation(text, at) and not in_quotation(text, cue_at)


def _correct_speaker(st: Statement, source: Source, kb, doc: Document, lex: AttributionLexicon,
                     relative=None) -> None:
    """``relative``: the relative pronoun subject of the cue ("il presidente Zelensky, che afferma …")."""
    if _better(doc, st, source, kb) or _named_subject(doc, st, source) or _complement_of_description(doc, st, source, lex) \
            or _in_aside(doc, st, source) or _relative_source(doc, st, source, relative) \
            or _in_fronted_clause(doc, st, source):
        old = (st.speaker_entity_id, st.speaker_name)
        old_span = (st.speaker_start, st.speaker_end)
        _set_speaker(st, source, kb)
        st.rule += "+parse-speaker"
        _pass_on(doc, st, old, source, kb)
        _pass_to_adjuncts(doc, st, old, old_span, source, kb)
    st.attrs.setdefault("source_span", [source.start, source.end])


def _object_taken(doc: Document, st: Statement, cue) -> bool:
    """The rules took for the speaker of a cue with no subject (a language that drops it) a name the parse
    shows as no subject, in the cue's sentence before it: an object or a complement ("Poi ringrazia l'Italia
    e avverte: «…»", "rispondendo a Fox News, ha chiarito: «…»")."""
    if st.speaker_start is None or not st.rule.startswith("leading") \
            or st.attrs.get("speaker_resolution") in INHERITED | {"description", "pronoun"}:
        return False
    tok = doc.root(st.speaker_start, st.speaker_end)
    if tok is None or tok.sent != cue.sent or st.speaker_end > cue.start:
        return False
    governed = any(c.dep == "case" for c in doc.children(tok))  # ("Putin, pur …, ha detto": a subject set off)
    return (tok.dep in ("obj", "iobj") or tok.dep in ("obl", "nmod") and governed) and not is_subject(doc, tok)


def _disagrees(doc: Document, st: Statement, cue, kb) -> bool:
    """The rules' speaker of a cue with no subject is one the verb's form rules out: one person for a plural
    verb ("hanno detto"), or a person of the other gender than its participle's ("si è detta": not a man)."""
    if st.attrs.get("speaker_kind") not in (None, "person") or not st.speaker_name:
        return False
    _, number = agreement(doc, cue)
    if number == "Plur":  # (one person the text names, or the last speaker going on; not "alcuni Paesi")
        return st.attrs.get("speaker_resolution") in INHERITED or speaker_mention(doc, st) is not None
    gender = subject_gender(doc, cue)
    return gender is not None and speaker_gender(doc, kb, st) not in (None, gender)


def _recheck_dropped(doc: Document, mentions, kb) -> None:
    """A statement of the rules whose cue has no subject in its sentence and whose speaker, named in a
    sentence before, is one the cue's form rules out ("Si è detta convinta che …" after a man was named
    last): the one last named as a subject before the cue that agrees (sources.dropped_subject)."""
    for st in list(doc.statements):
        if st.cue_start is None or st.speaker_start is None or "parse-speaker" in st.rule:
            continue
        verbs = [t for t in doc.tokens_in(st.cue_start, st.cue_end or st.cue_start + 1) if t.pos in ("VERB", "AUX")]
        cue = next((t for t in verbs if t.feat("VerbForm") == "Part"), None) or (verbs[0] if verbs else None)
        if cue is None:
            continue
        heads = [cue]
        while heads[-1].dep in ("xcomp", "advcl", "conj") and not heads[-1].is_root and len(heads) < 4:
            heads.append(doc.tokens[heads[-1].head])
        if any(c.dep.startswith("nsubj") for h in heads for c in doc.children(h)):
            continue  # (a subject in its sentence, of the cue or of the verb it is joined to: not dropped)
        first = next((t for t in doc.tokens_in(max(0, cue.start - 400), cue.start + 1) if t.sent == cue.sent), cue)
        if st.speaker_end > first.start or not _disagrees(doc, st, cue, kb):
            continue
        _correct_dropped(doc, st, cue, mentions, kb)


def _correct_dropped(doc: Document, st: Statement, cue, mentions, kb) -> None:
    """The dropped subject of the cue speaks: the one last named as a subject before it (sources.dropped_subject)."""
    source = dropped_subject(doc, cue, mentions)
    if source is None or (source.entity_id or source.name) == (st.speaker_entity_id or st.speaker_name):
        return
    old = (st.speaker_entity_id, st.speaker_name)
    _set_speaker(st, source, kb)
    st.rule += "+parse-speaker"
    _pass_on(doc, st, old, source, kb)


def _pass_on(doc: Document, st: Statement, old: tuple, source: Source, kb) -> None:
    """The quotations right after a corrected statement that only inherited its old speaker go on with the new
    one (“…”, afferma un'alta fonte dell'intelligence. “…”: the source, not the speaker before)."""
    for nxt in went_on_from(doc, st):
        if (nxt.cue and not (source.resolution != "pronoun" and _pronoun_subject(doc, nxt) is not None)) \
                or (nxt.speaker_entity_id, nxt.speaker_name) != old:
            return
        _set_speaker(nxt, source, kb)
        nxt.attrs["speaker_resolution"] = "previous-speaker"
        if nxt.cue:  # ("He said …": its source as written is its own pronoun, which its frame gives)
            nxt.attrs.pop("source_span", None)


def _pass_to_adjuncts(doc: Document, st: Statement, old: tuple, old_span: tuple, source: Source, kb) -> None:
    """A gerund after the corrected cue that took the governing clause's speaker takes the corrected one
    ("Russia's foreign ministry said …, warning that …": the ministry warns, not the state its genitive named)."""
    if st.cue_end is None or old_span[0] is None:
        return
    for nxt in doc.statements:
        if nxt is st or nxt.attrs.get("speaker_resolution") != "governing-clause" or nxt.cue_start is None \
                or not st.cue_end <= nxt.cue_start or (nxt.speaker_entity_id, nxt.speaker_name) != old \
                or (nxt.speaker_start, nxt.speaker_end) != old_span:
            continue
        tok, cue = doc.root(nxt.cue_start, nxt.cue_end), doc.root(st.cue_start, st.cue_end)
        if tok is None or cue is None or tok.sent != cue.sent:
            continue
        _set_speaker(nxt, source, kb)
        nxt.attrs["speaker_resolution"] = "governing-clause"
        nxt.attrs.pop("source_span", None)


def _relative_cue(doc: Document, cue):
    """The relative pronoun subject of the cue, the verb of a relative clause ("…, che afferma"), or None."""
    if cue.dep not in ("acl:relcl", "relcl"):
        return None
    return next((c for c in doc.children(cue) if c.dep.startswith("nsubj") and c.feat("PronType") == "Rel"), None)


def _relative_source(doc: Document, st: Statement, source: Source, pronoun) -> bool:
    """The named source a relative clause of saying hangs on, right before its pronoun ("il presidente ucraino
    Zelensky, che afferma …"), where the rules took someone else; not a description (a parse that hung the
    clause on "remarks from X") nor a name further back (the parse's nearest noun: "invitato a Mosca Trump, che")."""
    if pronoun is None or source.resolution in ("pronoun", "description") \
            or (source.entity_id or source.name) == (st.speaker_entity_id or st.speaker_name):
        return False
    return source.end <= pronoun.start and not doc.text[source.end:pronoun.start].strip(" ,")


def _pronoun_subject(doc: Document, st: Statement):
    """The pronoun the statement's cue has for its subject ("He said …", "who told …"), or None."""
    cue = doc.token_at(st.cue_start) if st.cue_start is not None else None
    if cue is None:
        return None
    return next((c for c in doc.children(cue) if c.dep.startswith("nsubj") and c.pos == "PRON"), None)


def _in_aside(doc: Document, st: Statement, source: Source) -> bool:
    """The rules took a person named in the aside between the named subject and its verb, after a preposition
    ("Mykhailo Podolyak, advisor to Ukrainian President Volodymyr Zelensky, wrote": Podolyak; "The minister,
    after meeting his counterpart, X, stated": the minister)."""
    if source.kind != "person" or source.resolution in ("pronoun", "description") or st.speaker_start is None \
            or st.cue_start is None or not source.end <= st.speaker_start < st.speaker_end <= st.cue_start:
        return False
    before, after = doc.text[source.end:st.speaker_start], doc.text[st.speaker_end:st.cue_start]
    return before.lstrip().startswith(",") and after.strip().startswith(",") and len(before) < 120 \
        and any(t.pos == "ADP" for t in doc.tokens_in(source.end, st.speaker_start))


def _in_fronted_clause(doc: Document, st: Statement, source: Source) -> bool:
    """The rules took a person named in an adverbial clause set before the cue's subject ("Asked whether he
    would meet the Russian leader, the chancellor said": the chancellor, not the Russian leader)."""
    if st.speaker_start is None or st.cue_start is None or st.cue_end is None \
            or not st.speaker_end <= source.start < source.end <= st.cue_start \
            or "," not in doc.text[st.speaker_end:source.start]:
        return False
    cue, tok = doc.token_at(st.cue_end - 1), doc.root(st.speaker_start, st.speaker_end)
    for _ in range(12):  # up from the name to the clause that hangs on the cue
        if cue is None or tok is None or tok.is_root:
            return False
        if tok.head == cue.i:
            return tok.dep.startswith("advcl") and tok.start < source.start
        tok = doc.tokens[tok.head]
    return False


def _restates(doc: Document, frame: ParsedFrame, source: Source, lex: AttributionLexicon) -> bool:
    """A belief inside a statement, held by the side its speaker speaks for ("Peskov said that Russia
    believes it must keep its troops there"): the speaker's own claim on that side's behalf, not a second one."""
    if frame.lemma not in lex.cognition or frame.lemma in lex.speech or source.entity_id is None:
        return False
    return any(st.content_start <= frame.cue.start < st.content_end
               and source.entity_id in (st.on_behalf_of_id, st.speaker_entity_id) for st in doc.statements)


def _glosses(doc: Document, frame: ParsedFrame) -> bool:
    """"“…”, ha detto Peskov, ribadendo la posizione della Russia": a gerund whose object sums up the
    statement its governing verb of saying has just reported, not a claim of its own."""
    if frame.frame != "object" or frame.cue.feat("VerbForm") != "Ger" or frame.cue.is_root:
        return False
    head = doc.tokens[frame.cue.head]
    return any(st.cue_start is not None and st.cue_start <= head.start < (st.cue_end or st.cue_start + 1)
               for st in doc.statements)


def _better(doc: Document, st: Statement, source: Source, kb) -> bool:
    """The parse names the speaker better: the rules inherited one where the quote has its own tag, or
    one of the wrong gender for the tag's pronoun, or took a state named inside a description
    ("a senior US official") for the speaker."""
    if source.resolution == "pronoun" and source.gender in GENDER_PRONOUN \
            and (speaker_gender(doc, kb, st) not in (None, source.gender)
                 or st.attrs.get("speaker_kind") in ("state", "organisation", "group")):
        return True  # "she said" is not the man the rules found before it; "Ukraine, he stated, was …" not Ukraine
    if source.resolution == "pronoun" and source.gender in GENDER_PRONOUN and st.speaker_start is not None \
            and st.content_start <= st.speaker_start < st.content_end and source.name != st.speaker_name:
        return True  # "Donald Trump's America was a “reliable ally,” he said": not a name in what he said
    if source.resolution != "pronoun" and _named_in_own_content(st) and source.end <= (st.cue_start or 0):
        return True  # "a Bloomberg report that claimed that Putin has …": Putin is in what was said, not who said it
    if st.attrs.get("speaker_resolution") in INHERITED:
        return source.resolution != "pronoun" or (
            source.entity_id != st.speaker_entity_id and speaker_gender(doc, kb, st) != source.gender)
    if source.resolution == "pronoun":
        return False
    if source.resolution != "description" or st.speaker_start is None:
        return False
    return source.start <= st.speaker_start < source.end \
        and st.attrs.get("speaker_kind") in ("state", "organisation") \
        and not (source.head and st.speaker_start <= source.head[0] < st.speaker_end)


def _named_in_own_content(st: Statement) -> bool:
    """A leading cue's speaker the rules found inside its own content (a name after "claimed that")."""
    return st.rule.startswith("leading") and st.speaker_start is not None \
        and st.content_start <= st.speaker_start < st.content_end


def _named_subject(doc: Document, st: Statement, source: Source) -> bool:
    """The cue's subject is a person the knowledge base names, where the rules took a state or organisation that
    the parse reads as no subject ("Sunak endorsed the idea of Ukraine joining NATO but insisted …": Sunak) or
    that a preposition governs ("Il ministro della Difesa, Guido Crosetto, …, interpellato sul confine tra
    Ucraina e Russia, risponde": Crosetto, not Russia)."""
    if not source.entity_id or source.kind not in ("person", "organisation", "state") \
            or source.resolution in ("pronoun", "description") \
            or st.speaker_start is None or st.attrs.get("speaker_kind") not in ("state", "organisation", "person") \
            or source.entity_id == st.speaker_entity_id \
            or source.kind != "person" and st.attrs.get("speaker_kind") == "person":
        return False  # (a body or a state the parse names overrules no person the rules found)
    tok = doc.root(st.speaker_start, st.speaker_end)
    if tok is not None and tok.dep in ("obj", "iobj", "obl", "xcomp", "ccomp", "nmod:poss", "poss"):
        return True  # (a verb's object or complement, or a noun's possessor: no subject)
    return governed(doc, tok)


def _complement_of_description(doc: Document, st: Statement, source: Source, lex: AttributionLexicon) -> bool:
    """The rules took a person named inside the parse's description of the source, as the holder of another
    role a preposition governs ("Un portavoce del presidente Zelensky ha detto …"): the unnamed source speaks,
    not the person it is described by (but "il ministro della Difesa britannico John Healey" is Healey)."""
    if source.resolution != "description" or st.speaker_start is None or st.attrs.get("speaker_kind") != "person" \
            or not source.start <= st.speaker_start < source.end:
        return False
    tok = doc.root(st.speaker_start, st.speaker_end)
    if _second_subject_of(doc, tok, source, lex):
        return True
    for _ in range(2):  # the name, or the role noun it stands beside
        if tok is None or tok.is_root:
            return False
        if any(c.dep == "case" for c in doc.children(tok)):  # (a role's holder; "posted by Witkoff" is his)
            return tok.lemma.lower() in lex.anonymous_nouns or tok.pos == "PROPN" and _role_head(doc, source, lex)
        if not tok.dep.startswith(("flat", "appos", "compound", "nmod")):
            return False
        tok = doc.tokens[tok.head]
    return False


def _role_head(doc: Document, source: Source, lex: AttributionLexicon) -> bool:
    """The description's head is a person's role ("An adviser to France's President Emmanuel Macron", with the
    preposition on the name the title stands before)."""
    head = doc.token_at(source.head[0]) if source.head else None
    return head is not None and head.pos == "NOUN" and head.lemma.lower() in lex.anonymous_nouns


def _second_subject_of(doc: Document, tok, source: Source, lex: AttributionLexicon) -> bool:
    """The rules' speaker is the second subject the parse gave the cue, which the description of a role
    ("An advisor to … Zelensky") takes in (sources.second_subject)."""
    head = doc.token_at(source.head[0]) if source.head else None
    return tok is not None and head is not None and head.lemma.lower() in lex.anonymous_nouns \
        and second_subject(doc, head, subtree(doc, head, skip=NOT_SOURCE)[-1]) is tok


def governed(doc: Document, tok, steps: int = 4) -> bool:
    """A preposition governs the token or the noun it is in apposition to, part of a name or coordinated with."""
    for _ in range(steps):
        if tok is None or tok.is_root:
            return False
        if any(c.dep == "case" for c in doc.children(tok)):
            return True
        if tok.dep not in ("conj", "appos", "flat", "flat:name", "nmod", "compound"):
            return False
        tok = doc.tokens[tok.head]
    return False


def content_span(doc: Document, frame: ParsedFrame) -> tuple[int, int, str] | None:
    """Offsets and kind of a frame's content: its tokens less edge punctuation and a leading
    complementizer; a content that is one quotation loses its marks, as the rules' quotes do."""
    toks = trim(frame.content)
    if toks and toks[0].dep == "mark" and toks[0].pos == "SCONJ" and frame.frame in ("clause", "noun", "adjective"):
        toks = toks[1:]
    if len(toks) < (SHORT_FRAME_MIN if frame.frame in SHORT_FRAMES else 1 if frame.frame in ONE_WORD_FRAMES else 2):
        return None  # "proposed a truce" is a position; "discussed the talks" is not a statement
    a, b = toks[0].start, toks[-1].end
    a = dateline_end(doc.text, a, b)  # ("CAMBRIDGE, Mass., Dec. 11 (UPI) — …": the parse hung the dateline on the clause)
    b = quotation_close(doc.text, a, b)
    # (a quotation ending in "?" is kept: a speaker's quoted question states a position, "“Who would trust
    # Moscow's word?” X said", as the rules keep it; a journalist's question to X is no quotation of X)
    kind = _kind(doc.text[a:b])
    if kind == "direct":
        a, b = a + 1, b - 1
        while b > a and doc.text[b - 1] in " ,.":
            b -= 1
    return (a, b, kind) if b > a else None


PAIRS = {"“": "”", "«": "»", "\"": "\""}


def quotation_close(text: str, a: int, b: int) -> int:
    """The end of a content that opens a quotation its sentence does not close ("the announcer said, “A. B?”":
    the parse's tree is one sentence, the quotation goes on to its closing mark): right after that mark, when
    it closes in the same paragraph and no other quotation opens first; else ``b``. Past the sentence's end
    only for a quotation that opens the content or runs on in its words ("said the rules “are set… And …”"):
    one that a comma or colon sets off inside it ("asked questions, including, “…") is a quotation of its
    own, which the rules read as such."""
    opened = _unclosed_mark(text, a, b)
    if opened is None:
        return b
    mark, at = opened
    own = at > a and text[a:at].rstrip()[-1:] in ",:"
    for i in range(b, len(text)):
        c = text[i]
        if c == "\n":
            return b  # (a quotation left open at the paragraph's end goes on in the next: a link, not one span)
        if c == PAIRS[mark]:
            return b if own and _SENTENCE_END.search(text, b - 1, i) else i + 1  # (b may follow the full stop)
        if c in PAIRS and c != "\"":
            return b
    return b


_SENTENCE_END = re.compile(r"[.?!…]\s")


def _unclosed_mark(text: str, a: int, b: int) -> tuple[str, int] | None:
    """The opening mark text[a:b] leaves open and where the last one stands, if any (a straight mark: an odd
    count of them)."""
    content = text[a:b]
    for mark, close in PAIRS.items():
        opened = content.count(mark) % 2 if mark == close else content.count(mark) - content.count(close)
        if opened > 0:
            return mark, a + content.rindex(mark)
    return None


def _words(doc: Document, a: int, b: int) -> set[int]:
    return {a + m.start() for m in WORD.finditer(doc.text[a:b])}


def _overlap(doc: Document, x: tuple[int, int], y: tuple[int, int]) -> float:
    if x[1] <= y[0] or y[1] <= x[0]:
        return 0.0  # no word starts in both (the words of every statement were found for each frame: issue 16)
    wx, wy = _words(doc, *x), _words(doc, *y)
    return len(wx & wy) / max(1, len(wx), len(wy))


def _same(doc: Document, span: tuple[int, int], frame: ParsedFrame) -> Statement | None:
    """The rule-based statement of the same frame: same cue, or content overlapping by half or more."""
    for st in doc.statements:
        if st.cue_start is not None and st.cue_start <= frame.cue.start < max(st.cue_end or 0, st.cue_start + 1):
            return st
    for st in doc.statements:
        if _overlap(doc, span, (st.content_start, st.content_end)) >= 0.5:
            return st
    return None


def _overlaps_any(doc: Document, span: tuple[int, int]) -> bool:
    """Content that shares words with a statement already made (a nested or a partial frame)."""
    return any(_overlap(doc, span, (st.content_start, st.content_end)) > 0.2 for st in doc.statements)


def _concessive(doc: Document, frame: ParsedFrame, lex: AttributionLexicon) -> bool:
    """A content that is one concessive clause ("Whatever deal is reached, the ministry expects …": the parse
    took it for the complement): an opener ("whatever") in the content's own clause, not in a clause inside it
    ("Whatever happens, we will stay, he said" reports the main clause)."""
    inside = {t.i for t in frame.content}
    heads = [t for t in frame.content if t.is_root or t.head not in inside]
    opener = next((t for t in frame.content if t.text.lower() in lex.concessive_openers), None)
    if opener is None or len(heads) != 1:
        return False
    t = opener
    while t.i != heads[0].i:
        if t.dep in EMBEDDED:
            return False
        t = doc.tokens[t.head]
    return True


EMBEDDED = ("advcl", "acl", "acl:relcl", "ccomp", "csubj", "xcomp", "parataxis", "conj")


def _kind(text: str) -> str:
    marks = sum(text.count(q) for q in set(OPEN + CLOSE))  # (the straight mark, which both open and close, once)
    if not marks:
        return "indirect"
    return "direct" if text[:1] in OPEN and text[-1:] in CLOSE and marks == 2 else "mixed"


def shorten(doc: Document, st: Statement, end: int) -> None:
    """Ends the statement's content at ``end`` (its text and kind with it)."""
    st.content_end = end
    st.content = doc.text[st.content_start:end]
    st.kind = _kind(st.content)


def part_of(doc: Document, st: Statement, a: int, b: int, **changes) -> Statement:
    """A statement cut from ``st``: the same speaker, cue and date, its own content ``[a, b)`` and kind, no
    stances yet; ``changes`` set other fields (its own cue, its rule)."""
    return replace(st, content_start=a, content_end=b, content=doc.text[a:b], kind=_kind(doc.text[a:b]),
                   stances=[], attrs=dict(st.attrs), **changes)


def _statement(doc: Document, frame: ParsedFrame, span: tuple[int, int, str], source: Source, kb) -> Statement:
    a, b, kind = span
    content = doc.text[a:b]
    st = Statement(content_start=a, content_end=b, content=content, kind=kind,
                   component=COMPONENT, rule=f"parse-{frame.frame}" + ("-open" if frame.open else "-wordnet" if frame.weak else ""),
                   confidence=0.6 if frame.weak else 0.75)
    st.cue, st.cue_start, st.cue_end = frame.cue.text, frame.cue.start, frame.cue.end
    st.attrs["cue_lemma"] = frame.lemma or frame.cue.lemma.lower()
    st.attrs["depth"] = 0
    sentence = next((s for s in doc.layer("sentence") if s.start <= frame.cue.start < s.end), None)
    st.date, st.date_source = date_at(doc, sentence.start if sentence else a, frame.cue.end)
    if source is not None:
        _set_speaker(st, source, kb)
    return st


def _set_speaker(st: Statement, source: Source, kb) -> None:
    st.speaker_name, st.speaker_entity_id = source.name, source.entity_id
    st.speaker_start, st.speaker_end = source.start, source.end
    st.attrs["speaker_resolution"] = source.resolution
    st.attrs["speaker_kind"] = source.kind
    st.attrs["source_span"] = [source.start, source.end]  # the source as this sentence writes it
    mark_source(st, kb)
    target = None
    if kb is not None and source.entity_id:
        target, _ = speaker_side(kb, source.entity_id, st.date)
    elif source.behalf is not None and source.behalf.label == "LOC":  # "sources at the Pentagon", "officials in Kyiv"
        target = place_side(kb, source.behalf.attrs.get("entity_id"))
    elif source.behalf is not None:  # a description ("a senior US official"): the side named in it
        eid = source.behalf.attrs.get("entity_id")
        target = speaker_side(kb, eid, st.date)[0] \
            or (eid if source.behalf.label != "PER" else None)  # (a person stands for his side, never for himself)
    set_side(st, kb, target or None)


def label_kinds(doc: Document, kb) -> None:
    """``speaker_kind`` of every statement: from the knowledge base's type of the speaker, else from the
    mention that names it (person, organisation, state), else person; and ``source_kind`` (``sides.mark_source``:
    whether the speaker is a news outlet), for the rules' statements and the parse's as they are built."""
    types = {"PER": "person", "ORG": "organisation", "GPE": "state", "LOC": "state"}
    label_at: dict[tuple[int, int], str] = {}  # the first mention's label at each offset pair, found once
    for m in doc.layer("mention"):
        label_at.setdefault((m.start, m.end), m.label)
    for st in doc.statements:
        mark_source(st, kb)
        if st.attrs.get("speaker_kind") or not st.speaker_name:
            continue
        e = kb.get(st.speaker_entity_id) if kb is not None and st.speaker_entity_id else None
        label = e.type if e is not None else label_at.get((st.speaker_start, st.speaker_end), "PER")
        st.attrs["speaker_kind"] = types.get(label, "person")


def link_continuations(doc: Document, gap: int = 400, speech: frozenset[str] = frozenset()) -> None:
    """One quotation of one speaker in several statements is *linked*, not merged: each part keeps its own
    content span, and every part after the first gets ``attrs['continues']``, the index in ``doc.statements``
    of the quotation's first part (the export's ``continues``), so that consumers can merge them. Linked:
    - a quote split by its tag and going on in the next sentence of its paragraph (“…,” he said. “…”);
    - a quote split by its tag in one sentence (“…,” X said, “…”): two statements of the one cue;
    - a quotation that runs over paragraphs, each opening with a quotation mark and only the last closing
      it (the news convention for a long quotation): one statement per paragraph (or sentence), linked.
    Not linked: a quotation in a paragraph of its own after one that closed is a new attribution of the same
    speaker, not the rest of the one before (PolNeAR marks it so; train[:120] content F1 0.615 -> 0.622); nor
    one that a verb of saying (``speech``: lemmas, read in the parse) other than the tag's reports
    (``_reported_again``). The part before is the quotation's, past the parse's indirect statements of other
    cues inside the tag's sentence (``_part_before``)."""
    order = sorted(range(len(doc.statements)), key=lambda i: doc.statements[i].content_start)
    for k in range(1, len(order)):
        before, here = _part_before(doc, order, k), order[k]
        prev, st = doc.statements[before], doc.statements[here]
        same_level = st.attrs.get("depth", 0) == prev.attrs.get("depth", 0)
        rule = st.rule.split("+")[0]
        split_by_tag = rule == "leading-quote" and st.cue_start is not None and st.cue_start == prev.cue_start \
            and prev.content_end <= st.cue_start < st.content_start  # (the tag between the two parts)
        between = doc.text[prev.content_end:st.content_start]
        if (rule == "continuation" or split_by_tag) and prev.speaker_name == st.speaker_name \
                and 0 <= st.content_start - prev.content_end < gap and same_level \
                and ("\n" not in between or rule == "continuation" and _left_open(doc.text, prev.content_end, between)) \
                and not _reported_again(doc, prev, st, speech):
            st.attrs["continues"] = prev.attrs.get("continues", before)


def _part_before(doc: Document, order: list[int], k: int) -> int:
    """The statement before ``order[k]`` that a quotation's rest may go on from: the one just before, past the
    parse's indirect statements of other cues in between (“…,” she said of the plan, which she thought would
    fail. “…”: the second quotation goes on from the first, not from what "thought" reports)."""
    st, j = doc.statements[order[k]], k - 1
    while j > 0 and _other_parse_frame(doc.statements[order[j]], st):
        j -= 1
    return order[j]


def _other_parse_frame(frame_st: Statement, st: Statement) -> bool:
    return frame_st.rule.startswith("parse-") and frame_st.kind == "indirect" and frame_st.cue_start != st.cue_start


def _reported_again(doc: Document, prev: Statement, st: Statement, speech: frozenset[str]) -> bool:
    """Between two quotations of one speaker, in the second one's sentence, a verb of saying that is not the
    first one's tag ("“…,” X said, adding later, “…”", "…, saying the plan would “…”", "She tells the crowd: “…”"):
    the second quotation is what that verb reports, an attribution of its own, not the rest of the first."""
    inside = doc.tokens_in(st.content_start, st.content_end) if speech else []
    if not inside:
        return False
    tags = [(s.cue_start, s.cue_end) for s in (prev, st) if s.cue_start is not None and s.cue_end is not None]
    for t in doc.tokens_in(prev.content_end, st.content_start):
        if t.pos == "VERB" and t.sent == inside[0].sent and t.lemma.lower() in speech \
                and not any(a <= t.start < b for a, b in tags):
            return True
    return False


_REOPENED = re.compile(r"[\s.,;:!?…]*\n\s*[“«\"]")  # nothing but the paragraph break and the next one's mark


def _left_open(text: str, end: int, between: str) -> bool:
    """The paragraph of a content ending at ``end`` leaves its quotation open, and the next paragraph opens
    with a quotation mark right away: the quotation goes on there."""
    if not _REOPENED.fullmatch(between):
        return False
    p0 = text.rfind("\n", 0, end) + 1
    return _unclosed_mark(text, p0, end + between.index("\n")) is not None


def widen_cues(doc: Document, according: tuple[tuple[str, ...], ...]) -> None:
    """A cue's words as the sentence writes them: a phrasal verb's particle right after it ("points out",
    "called on": the verb's meaning needs it), the rest of a fixed phrase the cue opens ("according to",
    "in the words of", "a detta di"), and the preposition the verb governs its content by when the content
    starts right after it ("responded to X", "called on X to …"). Only the cue's end moves; its head word
    stays the span's root."""
    if not doc.tokens:
        return
    for st in doc.statements:
        if st.cue_start is None or st.cue_end is None:
            continue
        toks = doc.tokens_in(st.cue_start, st.cue_end)
        if not toks:
            continue
        last = toks[-1]
        nxt = doc.tokens[last.i + 1] if last.i + 1 < len(doc.tokens) else None
        end = None
        if nxt is not None and nxt.dep == "compound:prt" and nxt.head == last.i and nxt.sent == last.sent \
                and not doc.text[last.end:nxt.start].strip():
            end = nxt.end  # "points out", "called on"
        first = toks[0]
        words = [t.text.lower() for t in doc.tokens[first.i:first.i + 6]]
        for phrase in according:
            if len(phrase) > len(toks) and tuple(words[:len(phrase)]) == phrase \
                    and all(t.sent == first.sent for t in doc.tokens[first.i:first.i + len(phrase)]):
                end = max(end or 0, doc.tokens[first.i + len(phrase) - 1].end)  # "according" -> "according to"
        k = (nxt.i if end is not None and nxt is not None and nxt.end == end else last.i) + 1
        after = doc.tokens[k] if k < len(doc.tokens) else None
        if after is not None and after.pos == "ADP" and after.sent == last.sent \
                and not doc.text[(end or st.cue_end):after.start].strip() \
                and after.end <= st.content_start and not doc.text[after.end:st.content_start].strip(" “\"‘'"):
            end = after.end  # "referring to X", "called on X to …": the verb's own preposition, not its content
        if end is not None and end > st.cue_end and not st.cue_end <= st.content_start < end:
            st.cue_end = end
            st.cue = doc.text[st.cue_start:end]


def written_spans(doc: Document) -> None:
    """The source and the cue of each statement as its sentence writes them (``attrs['source_span']``,
    ``attrs['cue_span']``): the exact characters a reader finds them by, beside the speaker the source was
    resolved to and the cue's head word (which the readers of stances and dates use)."""
    if not doc.tokens:
        return
    for st in doc.statements:
        source = _written_source(doc, st)
        if source is not None:
            st.attrs["source_span"] = list(source)
        if st.cue_start is None or st.cue_end is None:
            continue
        group = cue_group(doc, st.cue_start, st.cue_end) or _stripped(doc.text, st.cue_start, st.cue_end)
        if group is not None and not _crosses_content(st, group):
            st.attrs["cue_span"] = list(group)


def _stripped(text: str, a: int, b: int) -> tuple[int, int] | None:
    """[a, b) without the spaces at its edges, where it has any (a rule's cue "Secondo ", "According to "
    takes in the space before what it names); None where it has none."""
    start = a + len(text[a:b]) - len(text[a:b].lstrip())
    end = b - len(text[a:b]) + len(text[a:b].rstrip())
    return (start, end) if (start, end) != (a, b) and start < end else None


def _in_sentence_of(doc: Document, span, cue):
    """The part of a mention in the cue's sentence, where the parse split the sentence inside the mention
    ("Friedrich | Merz warned": a name after a dateline); the span as it is otherwise."""
    toks = doc.tokens_in(*span)
    same = [t for t in toks if t.sent == cue.sent]
    return [same[0].start, same[-1].end] if same and len(same) < len(toks) else span


def _crosses_content(st: Statement, span) -> bool:
    """A written span would take in words of the content and words outside it (a cue or source inside its
    content, "the plan, officials have said, …", keeps its own, and so does one before or after it)."""
    return any(span[0] < edge < span[1] for edge in (st.content_start, st.content_end))


def _written_source(doc: Document, st: Statement) -> tuple[int, int] | None:
    """The whole noun phrase of the source mention in the cue's sentence ("the Post", "Homeland Security
    Secretary X", "X (D-Ohio), the party's whip"), not only the name the speaker was resolved by; None for a
    mention in another sentence (an inherited speaker) or a phrase that would run into the cue or the content."""
    speaker = [st.speaker_start, st.speaker_end] if None not in (st.speaker_start, st.speaker_end) else None
    span = st.attrs.get("source_span") or speaker
    cue = doc.token_at(st.cue_start) if st.cue_start is not None else None
    if span and speaker and cue is not None and span[0] < after_dateline(doc, cue) <= speaker[0]:
        span = speaker  # ("LONDON, March 3 - X, who …, said": the parse took the dateline for the subject)
    if span and cue is not None:
        span = _in_sentence_of(doc, span, cue)
    head = doc.root(*span) if span else None
    if cue is None or head is None or head.sent != cue.sent:
        return None
    phrase = written_phrase(doc, *span)
    if phrase is None or phrase[0] < st.cue_end and st.cue_start < phrase[1] or _crosses_content(st, phrase):
        return None
    return phrase

