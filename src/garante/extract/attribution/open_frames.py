"""Frames of verbs no list names, made only where every attribution is asked for (PolNeAR's reading,
``Context(options={"attribution_frames": "all"})``): a verb whose subject can speak or think and whose
complement is a clause opened by a complementizer ("X conceded that …", "the campaign disputed whether …",
"she groused that …"). Cognition, perception and speech verbs the lexicon lacks take this frame; a bare
complement ("we know it works") is left out: on PolNeAR train it is an attribution a quarter of the time,
against two thirds with the complementizer. The complementizers are data: ``open_clause_marks`` of
``data/lang/<code>/attribution.yaml`` (none: no frame), read into the language's ``AttributionLexicon``."""
from __future__ import annotations

from ...document import Document
from .frames import ParsedFrame, marked_clause, source_of, subtree
from .lexicon import AttributionLexicon
from .pronouns import in_quotation
from .sources import Source

NOMINAL = ("PROPN", "NOUN", "PRON")


def open_clause_frame(doc: Document, cue, lex: AttributionLexicon) -> ParsedFrame | None:
    """The clause a verb no list names reports, or None: its complement clause after it, opened by one of the
    language's complementizers, and a subject that is a name, a noun or a pronoun (the source)."""
    if cue.pos != "VERB" or not lex.open_clause_marks:
        return None
    clause = marked_clause(doc, cue, lex.open_clause_marks)
    if clause is None:
        return None
    source = source_of(doc, cue)
    if source is None or source.pos not in NOMINAL:
        return None
    return ParsedFrame(cue, "clause", subtree(doc, clause), source, weak=True, open=True)


def hedge_frame(doc: Document, cue, lemma: str, lex: AttributionLexicon) -> ParsedFrame | None:
    """"X seemed to waver", "the team appeared paralyzed", "X is expected to win", "it appears that …": the
    writer's hedge, an attribution with no source in PolNeAR's reading; the content is the subject and the
    complement (one span, the cue inside it), or the clause after an expletive subject. Its lemmas are data:
    ``hedge_verbs`` (active) and ``hedge_passives`` (passive, with no agent) of attribution.yaml, and the
    expletive's words, ``expletive_subjects``."""
    if cue.pos != "VERB":
        return None
    active, passive = lex.hedge_verbs, lex.hedge_passives
    children = doc.children(cue)
    if lemma in passive:
        if not any(c.dep == "aux:pass" for c in children) or any(c.dep in ("obl:agent", "agent") for c in children):
            return None
    elif lemma not in active:
        return None
    comp = next((c for c in children if c.i > cue.i and (
        c.dep == "xcomp" and c.pos in ("VERB", "AUX", "ADJ") or c.dep == "ccomp")), None)
    subject = next((c for c in children if c.dep in ("nsubj", "nsubj:pass") and c.i < cue.i), None)
    if comp is None or subject is None or subject.feat("PronType") in ("Rel", "Int"):
        return None  # ("a rule that seems to matter": what the relative clause says of its noun)
    if subject.pos == "PRON" and subject.text.lower() in lex.expletives and comp.dep == "ccomp":
        return ParsedFrame(cue, "hedge", subtree(doc, comp), None)  # "it appears that …"
    if comp.dep != "xcomp":
        return None
    own = subtree(doc, subject)
    rest = subtree(doc, comp)
    return ParsedFrame(cue, "hedge", doc.tokens[own[0].i:rest[-1].i + 1], None)


# frames whose source must be a speaker the lexicon knows even in PolNeAR's reading: an intention or a side taken
# of any noun ("the plan aims to …", "the bill backs …") is no one's, and a tag inside a quotation is the quoted
# speaker's (PolNeAR train[:250], any noun subject: infinitives right 10 of 52, sides 1 of 7)
NAMED_SOURCE_FRAMES = ("xcomp", "position", "parenthetical")


def speaks_as_written(frame: ParsedFrame) -> bool:
    """Whether a frame's subject speaks as the sentence writes it (any noun, a pronoun with no antecedent) in
    PolNeAR's reading of every attribution: not in ``NAMED_SOURCE_FRAMES`` (but a pronoun's infinitive) nor a
    verb no list names."""
    if frame.frame == "xcomp" and frame.source is not None and frame.source.pos == "PRON":
        return True  # ("I plan to …", "it vowed to …": a pronoun stands for someone who intends; train 5 of 12)
    return frame.frame not in NAMED_SOURCE_FRAMES and not frame.open


def written_pronoun(doc: Document, pronoun, lex: AttributionLexicon) -> Source | None:
    """A personal pronoun subject whose antecedent the resolver does not find ("It says the campaign broke
    the law" after "a letter", "I believe …" in a column) is still the source as the sentence writes it, in
    PolNeAR's reading of every attribution (its source is the pronoun): the statement keeps the pronoun, with
    no entity. A first person inside a quotation stays none (the quoted speaker talking)."""
    word = pronoun.text.lower()
    if pronoun.pos != "PRON" or word not in lex.pronouns:
        return None
    if word in lex.first_persons and in_quotation(doc.text, pronoun.start):
        return None
    return Source(pronoun.start, pronoun.end, pronoun.text, "anonymous", None, "pronoun")
