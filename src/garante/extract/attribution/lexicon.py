"""The attribution lexicon of one language: cue lemmas by frame and source nouns, read from
``data/lang/<code>/attribution.yaml``, with the words by which an article names a speaker again
(``SpeakerLexicon``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ... import lang as langdata


@dataclass(frozen=True)
class SpeakerLexicon:
    """The words by which an article names again a speaker it named before (speakers.py): a courtesy title
    before a surname, an epithet or a document with no name in it."""
    titles: dict = field(default_factory=dict)  # courtesy title -> gender ("mrs": "f"): "Mrs. Clinton"
    epithets: frozenset[str] = frozenset()  # "the 70-year-old leader said": the person just quoted (plain and office)
    plain_epithets: frozenset[str] = frozenset()  # epithets that name no office ("the official", "il funzionario")
    # epithets of a profession ("l'analista", "the expert"): the person quoted before only where the article
    # called them so (speakers._described_as); another expert otherwise
    professions: frozenset[str] = frozenset()
    past_modifiers: frozenset[str] = frozenset()  # "the former presenter": a description of the past names no side
    # "the then prime minister X", "l'allora premier X": the office he held when he spoke, whatever the date
    then_modifiers: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()  # a text that speaks for whoever issued it ("the declaration said")


NO_SPEAKER_WORDS = SpeakerLexicon()  # a language without attribution data: only the article's own names resolve


@dataclass(frozen=True)
class AttributionLexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    xcomp: frozenset[str]
    objects: frozenset[str]
    obliques: frozenset[str]
    predicates: frozenset[str]
    nouns: frozenset[str]
    adjectives: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    organisation_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    anonymous_plural: frozenset[str]
    group_nouns: frozenset[str]
    pronouns: dict
    indefinite: frozenset[str]
    frames: frozenset[str]  # the frames this language's statements come from (empty: all)
    speakers: SpeakerLexicon  # the words that name a speaker again (speaker_lexicon)
    open_source: frozenset[str] = frozenset()  # verbs whose subject is a source whatever noun it is
    broad_verbs: frozenset[str] = frozenset()  # weak cues from open wordnets (attribution_wordnet.yaml)
    broad_nouns: frozenset[str] = frozenset()
    pro_drop: bool = False  # the language drops a subject the verb's person and number tell (Italian)
    # the source kinds an "according to" frame the language leaves out keeps all the same ("secondo fonti ucraine")
    unnamed_according: frozenset[str] = frozenset()
    # verbs of refusal whose object frame a described speaker keeps (refusals.py), and the stems of harm nouns
    # whose refusal is no position ("respingere un attacco": stance.yaml harm)
    kept_object_verbs: frozenset[str] = frozenset()
    harm_stems: tuple[str, ...] = ()
    split_conjoined: bool = False  # a second verb of saying joined to the cue gives a statement of its own
    split_quote_strings: bool = False  # "«…», mentre «…»": a statement per quotation
    report_nouns: frozenset[str] = frozenset()  # a news report ("according to a report by X, the minister said")
    light_verbs: frozenset[str] = frozenset()  # "made the point that", "ha espresso il timore che": the noun reports
    side_nouns: frozenset[str] = frozenset()  # "the Ukrainian side", "la parte russa": the state that is that side
    # "Some argue …", "many of its members say …": quantifiers that name a group of speakers (alone, or with
    # "of" before a noun that can speak); ``of_quantifiers`` only with such a noun ("all of the envoys")
    quantifiers: frozenset[str] = frozenset()
    of_quantifiers: frozenset[str] = frozenset()
    # "Whatever deal is reached, X expects …": words opening a concessive clause, never what is reported
    concessive_openers: frozenset[str] = frozenset()
    # "Asked whether …, X said": the verbs of asking and the words that open a question (questions.py)
    question_verbs: frozenset[str] = frozenset()
    interrogatives: frozenset[str] = frozenset()
    # "if", "when", "where": interrogatives that open adverbial clauses too (frames.misread_complement)
    adverbial_interrogatives: frozenset[str] = frozenset()
    # "announced this during …": a demonstrative object is no content, unless a verb of naming takes it or the
    # noun it determines stands for words said (anaphoric.py)
    demonstrative_objects: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    demonstrative_heads: frozenset[str] = frozenset()
    # PolNeAR's reading of every attribution only (open_frames.py): the complementizers that open the clause of
    # a verb no list names, and the writer's hedges (active; passive with no agent; an expletive subject's words)
    open_clause_marks: frozenset[str] = frozenset()
    hedge_verbs: frozenset[str] = frozenset()
    hedge_passives: frozenset[str] = frozenset()
    expletives: frozenset[str] = frozenset()
    quoting_verbs: frozenset[str] = frozenset()  # "quoted X as saying": the object of the verb is the speaker
    # the head words of private occupations (roles.yaml ``private_occupations``): "a Russian analyst said",
    # "esperti ucraini": a description by one of them speaks for no side, whatever state it names
    private_nouns: frozenset[str] = frozenset()
    # (plural ending, singular ending) pairs that give the lemma of a plural the parse left as written: a
    # capitalised common noun opening a sentence, tagged as a name ("Fonti del Cremlino …", "Officials said")
    plural_endings: tuple[tuple[str, str], ...] = ()
    # source nouns that speak for the government seated where a preposition places them ("sources at the
    # Pentagon", "funzionari a Kiev"; sources.placed_side)
    placed_nouns: frozenset[str] = frozenset()
    # "“We believe that …,” she said": a first person inside a quotation is the quoted speaker talking, no
    # source of a statement of its own (pronouns.antecedent)
    first_persons: frozenset[str] = frozenset()
    # "…, prima di ribadire che …": the marks of a temporal infinitive, whose subject is the clause's it hangs on
    # (not a purpose: "per assicurare che …" is no one's words)
    temporal_marks: frozenset[str] = frozenset()
    # "…, which …", "…, who …": the relative words that open a supplement the writer adds after a reported
    # clause (supplements.py; PolNeAR's reading of every attribution only)
    supplement_openers: frozenset[str] = frozenset()

    def verb_frames(self, lemma: str) -> set[str]:
        """Which frames a verb lemma takes: 'clause' (ccomp/parataxis), 'xcomp', 'object', 'oblique',
        'predicate' (reflexive with an adjective: "si è detto favorevole")."""
        out = set()
        if lemma in self.speech or lemma in self.cognition:
            out.add("clause")
        if lemma in self.xcomp:
            out.add("xcomp")
        if lemma in self.objects:
            out.add("object")
        if lemma in self.obliques:
            out.add("oblique")
        if lemma in self.predicates:
            out.add("predicate")
        return out


def _set(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(x).lower() for x in data.get(key) or [])


def _data(code: str | None) -> dict | None:
    """The attribution data of a language (``code``: "it", "it-IT" …), or None."""
    return langdata.topic(code[:2].lower(), "attribution") if code else None


@lru_cache(maxsize=None)
def speaker_lexicon(code: str | None) -> SpeakerLexicon:
    """The speaker words of a language, read once (``NO_SPEAKER_WORDS`` for one without attribution data)."""
    data = _data(code)
    if not data:
        return NO_SPEAKER_WORDS
    return SpeakerLexicon(
        titles={str(k).lower(): v for k, v in (data.get("titles") or {}).items()},
        epithets=_set(data, "plain_epithets") | _set(data, "office_epithets"),
        plain_epithets=_set(data, "plain_epithets"), professions=_set(data, "profession_epithets"),
        past_modifiers=_set(data, "past_modifiers"), document_nouns=_set(data, "document_nouns"),
        then_modifiers=_set(data, "then_modifiers"))


@lru_cache(maxsize=None)
def attribution_lexicon(code: str | None) -> AttributionLexicon | None:
    data = _data(code)
    if not data:
        return None
    broad = langdata.topic(code[:2].lower(), "attribution_wordnet") or {}
    return AttributionLexicon(
        speech=_set(data, "speech_verbs"), cognition=_set(data, "cognition_verbs"),
        xcomp=_set(data, "xcomp_verbs"), objects=_set(data, "object_verbs"),
        obliques=_set(data, "oblique_verbs"), predicates=_set(data, "predicate_verbs"), nouns=_set(data, "nouns"),
        adjectives=_set(data, "adjective_frames"),
        according=tuple(tuple(str(w).lower() for w in seq) for seq in data.get("according") or []),
        organisation_nouns=_set(data, "organisation_nouns"), anonymous_nouns=_set(data, "anonymous_nouns"),
        anonymous_plural=_set(data, "anonymous_plural"), group_nouns=_set(data, "group_nouns"),
        pronouns={str(k).lower(): v for k, v in (data.get("pronouns") or {}).items()},
        indefinite=_set(data, "indefinite"), frames=_set(data, "frames"), speakers=speaker_lexicon(code),
        open_source=_set(data, "open_source_verbs"),
        broad_verbs=_set(broad, "clause_verbs") - _set(data, "not_cues"),
        broad_nouns=_set(broad, "nouns") - _set(data, "not_cues"), pro_drop=bool(data.get("pro_drop")),
        unnamed_according=_set(data, "unnamed_according"),
        kept_object_verbs=_set(data, "kept_object_verbs"),
        harm_stems=tuple(str(x).lower() for x in (langdata.topic(code[:2].lower(), "stance") or {}).get("harm") or []),
        split_conjoined=bool(data.get("split_conjoined")), split_quote_strings=bool(data.get("split_quote_strings")),
        report_nouns=_set(data, "report_nouns"), light_verbs=_set(data, "light_verbs"),
        side_nouns=_set(data, "side_nouns"),
        question_verbs=_set(data, "question_verbs"), interrogatives=_set(data, "interrogatives"),
        adverbial_interrogatives=_set(data, "adverbial_interrogatives"),
        demonstrative_objects=_set(data, "demonstrative_objects"), naming_verbs=_set(data, "naming_verbs"),
        demonstrative_heads=_set(data, "demonstrative_heads"), quantifiers=_set(data, "quantifier_sources"),
        of_quantifiers=_set(data, "quantifier_sources") | _set(data, "of_quantifier_sources"),
        concessive_openers=_set(data, "concessive_openers"), open_clause_marks=_set(data, "open_clause_marks"),
        hedge_verbs=_set(data, "hedge_verbs"), hedge_passives=_set(data, "hedge_passives"),
        expletives=_set(data, "expletive_subjects"), quoting_verbs=_set(data, "quoting_verbs"),
        private_nouns=frozenset(str(x).lower().split()[-1] for x in
                                (langdata.topic(code[:2].lower(), "roles") or {}).get("private_occupations") or []),
        first_persons=_set(data, "first_person_pronouns"), temporal_marks=_set(data, "temporal_infinitive_marks"),
        supplement_openers=_set(data, "supplement_openers"), placed_nouns=_set(data, "placed_source_nouns"),
        plural_endings=tuple((str(p).lower(), str(q or "").lower()) for p, q in data.get("plural_endings") or []))
