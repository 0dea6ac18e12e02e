"""Entity mentions linked to the knowledge base (layer ``mention``).

Only the article zones are read (title, standfirst, body, subheadings). In order:

1. names: the knowledge base's names and aliases, longest first, case as written (``alias``); a capital
   named without a locative preposition stands for its state (``metonym``: "Mosca ha risposto" is
   Russia, "a Mosca" is the city); a seat of power after a locative preposition ("alla Casa Bianca",
   "at the White House") is the place, not the actor: label ``LOC``, resolution ``locative``,
   ``attrs["locative"] = True`` (the entity id stays the organisation's); an alias matches whatever accents
   the text puts or omits ("Orbàn" for Orbán: rule ``alias-variant``, the text's spelling in ``attrs["spelt"]``);
   an alias that is a strict part of a longer name the model proposes or the parse builds ("[Moscow] Times") is
   not that entity; a state's alias and its body's read as one name are the body ("Congresso degli Stati
   Uniti"); a place's alias that is the surname of someone named in full is left to step 4; a known name in
   capitals labelling a headline or a dateline ("UCRAINA: …", "KYIV, March 3 -") is matched in any case
   (``headline-alias``, ``attrs["headline"]``; a capital there is the place); a state or a place the parse
   shows acting (the subject of a verb of saying or acting, or of one with an agent's auxiliary: "l'Italia ha
   deciso") is marked ``attrs["acting"]``; a known name inside a place's name the model proposes that opens
   with a kind of place ("provincia di Roma", "via Mosca": ``place_nouns``) is not that city;
2. unknown names typed by the title before them ("l'ammiraglio X", "General X", "l'agenzia X"):
   unlinked entities ``x:<slug>``, the same id in every document (``title``); here and for every other name
   found unknown, a known person's name in another spelling is that person (``_Linking.unknown``:
   ``alias-misspelt``, ``alias-variant`` by ``name_variants``, a misspelt surname of someone named in full);
3. role descriptions ("il portavoce del Cremlino", "the Russian president", "il suo portavoce"): followed
   by a name, the role goes to that name's mention; alone, it is resolved to whoever held the role at
   the document's date (``role``), or to the person of that role already named in the article
   (``coreference``); an unknown name after a role is an unlinked person (``role+name``); a head noun
   before an organisation with ``headed_by`` ("il titolare della Farnesina", "the Pentagon chief") is
   the holder of that role;
4. surnames of people named in full earlier or later in the article (``surname``); a surname two people of the
   article share is the one a courtesy title gives the gender of ("Mrs. Clinton"; a titled surname the title
   rule took for someone new is linked so: ``titled-surname``), else the one named in full just before, else
   the one named in full most often (``_Linking._bearer``);
5. whom someone spoke to: an unknown capitalised name after "in an interview with", "told", "in
   un'intervista a", "ha detto a" is an unlinked entity (``addressee``), an organisation when it takes
   an article or has an outlet word in it ("al Corriere", "Channel 4 News"), else a person;
6. state adjectives ("nordcoreane", "Russian") (``adjective``).

Role nouns, titles and prepositions are language data (``data/lang/<code>/roles.yaml``); names,
adjectives and roles over time are knowledge-base data.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..document import Document, Span
from ..lang import topic
from .gender import mark_genders, name_gender
from .institutions import INSTITUTION, mark_institutions, mark_named_institutions
from .name_variants import name_variants, plain
from .ordered import Ordered

# the knowledge base's kinds of a news outlet or agency: it reports what others say (the corpus guide, section 2)
MEDIA_KINDS = frozenset({"outlet", "agency"})

ZONES = ("title", "standfirst", "body", "subheading")
TOKEN = re.compile(r"\w+|[^\w\s]")  # hyphens apart: "Russia-Ukraine", "vertice Trump-Putin"
HYPHENS = {"-", "‐"}
# the dash that closes a dateline ("KYIV, March 3 (Reuters) - ", "ROMA — ")
DATELINE_DASHES = {"-", "–", "—"}
# what ends the place of a dateline or the label of a headline ("KYIV, …", "UCRAINA: …", "MOSCOW (Reuters)")
HEADLINE_ENDS = DATELINE_DASHES | {":", ",", "("}
APOSTROPHES = {"'", "’", "`"}
CAPITALISED = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][\w\-]*$")
PARTICLES = {"de", "di", "da", "del", "della", "von", "van", "der", "den", "bin", "al", "el", "le", "la", "du",
             "dos", "das", "ibn", "ter", "y"}
MAX_NAME = 4
# a capitalised word right after one of these (or at a zone's start) may be capitalised only for that
SENTENCE_OPENERS = {".", "!", "?", ":", ";", "«", "“", '"', "‘", "(", "[", "—", "–", "-", "•", "|", "…"}
# lower-case words that may join the parts of one proper name ("Banca d'Italia", "Bosnia ed Erzegovina")
NAME_LINKS = PARTICLES | {"d", "dell", "dello", "degli", "dei", "delle", "del", "della", "of", "the", "and", "e",
                          "ed", "&", "per", "for", "sulla", "sul", "in"}
# generational suffixes: "Lloyd J. Austin III" is Lloyd Austin, and his surname is Austin
# parts of speech that end no name: where the model's name ends in one governed from outside it, the
# word belongs to the next phrase
FUNCTION_POS = {"ADP", "DET", "ADV", "CCONJ", "SCONJ", "PRON", "AUX", "PART"}
NAME_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"}
NER_TYPES = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "NORP": None, "FAC": "LOC"}
NER_TYPES = {k: v for k, v in NER_TYPES.items() if v}


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def tokens_of(text: str) -> list[str]:
    return [m.group() for m in TOKEN.finditer(text)]


@dataclass
class Tok:
    text: str
    start: int
    end: int
    zone: int


@dataclass
class Mention:
    i: int  # first token
    j: int  # one past the last token
    entity_id: str
    name: str
    label: str
    resolution: str
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict)


def _lowered(data: dict, key: str) -> set[str]:
    return {w.lower() for w in data.get(key, [])}


def _longest_first(index: dict[str, list]) -> None:
    """Each first token's phrases, the longest first: the longest phrase that fits wins."""
    for v in index.values():
        v.sort(key=lambda x: -len(x[0]))


class Lexicon:
    """The knowledge base and one language's role data, indexed by first token."""

    def __init__(self, kb, lang: str):
        self.kb = kb
        self._index_names(kb)
        self._index_events(kb)
        self._index_plain_and_persons(kb, lang)
        self._index_folded(kb)
        self._index_stand_ins(kb, lang)
        data = topic(lang, "roles") or {}
        self._index_offices(data)
        self._role_words(data, lang)
        self._people_words(data, lang, kb)
        self._expand_roles(kb)

    def _index_names(self, kb) -> None:
        """Every name of the knowledge base (events only where they have aliases), by first token."""
        self.names: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for e in kb.entities.values():
            if e.type == "EVENT" and not e.aliases:
                continue
            for a in e.names:
                toks = tuple(tokens_of(a))
                if toks:
                    self.names.setdefault(toks[0], []).append((toks, e.id, a))
                if "'" in toks:  # "Russia’s Foreign Ministry", "Fratelli d’Italia": the typographic apostrophe too
                    curly = tuple("’" if t == "'" else t for t in toks)
                    self.names.setdefault(curly[0], []).append((curly, e.id, a))
        _longest_first(self.names)

    def _index_events(self, kb) -> None:
        # events are named in any case ("il vertice di Parigi", "the Alaska Summit")
        self.events: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for e in kb.entities.values():
            if e.type == "EVENT":
                for a in e.names:
                    toks = tuple(t.lower() for t in tokens_of(a))
                    if len(toks) > 1:
                        self.events.setdefault(toks[0], []).append((toks, e.id, a))
        _longest_first(self.events)

    def _index_plain_and_persons(self, kb, lang: str) -> None:
        # the same names without accents, case kept ("Orbàn" and "Orban" for "Orbán"), and the people's names
        # under the keys of their spelling variants (``name_variants``)
        self.variants = name_variants(lang)
        self.plain_names: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.person_names: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}  # loose surname -> first, middle, id
        # first name's key -> (surname without accents, id): the one-typo check asks of one first name's people
        self.person_surnames: dict[str, list[tuple[str, str]]] = {}
        self.surname_aliases: dict[str, set[str]] = {}  # key of a one-word alias of a person -> ids
        for e in kb.entities.values():
            for a in e.names:
                toks = tuple(tokens_of(a))
                if not toks:
                    continue
                self.plain_names.setdefault(plain(toks[0]), []).append((tuple(plain(t) for t in toks), e.id, a))
                if e.type != "PER":
                    continue
                words = [t for t in toks if t[:1].isalpha()]
                if len(toks) == 1 and len(a) >= 4 and a not in (e.data.get("only_with_full_name") or ()):
                    # a surname that stands alone only after the full name never stands alone in another
                    # spelling either ("Kamyshin", a town)
                    self.surname_aliases.setdefault(self.variants.key(a), set()).add(e.id)
                elif len(words) >= 2 and words == list(toks) and words[0][:1].isupper():
                    first = self.variants.first(words[0])
                    self.person_names.setdefault(self.variants.loose(words[-1]), []).append(
                        (first, tuple(self.variants.key(w) for w in words[1:-1]), e.id))
                    self.person_surnames.setdefault(self.variants.key(words[0]), []).append(
                        (plain(words[-1]).casefold(), e.id))
        _longest_first(self.plain_names)

    def _index_folded(self, kb) -> None:
        # names of two words or more in any case ("Alleanza atlantica" for "Alleanza Atlantica")
        self.folded: dict[tuple[str, ...], set[str]] = {}
        for e in kb.entities.values():
            short = set(e.data.get("only_with_full_name") or ())  # never alone, in whatever case
            for a in e.names:
                toks = tuple(t.casefold() for t in tokens_of(a))
                if len(toks) > 1 and a not in short:
                    self.folded.setdefault(toks, set()).add(e.id)

    def _index_stand_ins(self, kb, lang: str) -> None:
        """What stands for an entity: a capital for its state ("Kyiv"), an adjective of the language
        ("Russian"), a body the knowledge base says speaks for another."""
        self.stands_for: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        for e in kb.entities.values():
            if e.type == "GPE" and e.data.get("capital"):
                self.stands_for.setdefault(e.data["capital"], e.id)
            adj = e.data.get("adjectives") or {}
            for word in adj.get(lang, []) if isinstance(adj, dict) else []:
                self.adjectives.setdefault(str(word), e.id)
        for e in kb.entities.values():
            if e.data.get("stands_for"):
                self.stands_for[e.id] = e.data["stands_for"]

    def _index_offices(self, data: dict) -> None:
        """The office phrases of the language's roles.yaml, by first token, longest first."""
        self.offices: dict[str, list[tuple[tuple[str, ...], list[str], str | None, bool]]] = {}
        for o in data.get("offices", []):
            toks = tuple(t.lower() for t in tokens_of(o["phrase"]))
            self.offices.setdefault(toks[0], []).append((toks, list(o["roles"] or []), o.get("of"),
                                                         bool(o.get("head"))))
        _longest_first(self.offices)
        # a noun of person that names an office only as a periphrasis, with a definite article before it and a
        # state, capital or seat of power after it ("l'uomo di Kiev", "l'uomo forte del Cremlino")
        self.seat_offices = {tuple(t.lower() for t in tokens_of(o["phrase"])) for o in data.get("offices", [])
                             if o.get("seat")}

    def _role_words(self, data: dict, lang: str) -> None:
        """The word classes of the language's roles.yaml (articles, determiners, titles, missions,
        anaphors...) the phrase readers ask about."""
        self.indefinite = _lowered(data, "indefinite_articles")
        self.modifiers = self._phrases(data.get("modifiers", []))
        self.of_words = _lowered(data, "of_words")
        self.office_conjunctions = _lowered(data, "office_conjunctions")
        self.office_prepositions = _lowered(data, "office_prepositions")
        self.determiners = _lowered(data, "determiners")
        self.possessives = _lowered(data, "possessives")
        self.feminine = _lowered(data, "feminine_determiners")
        self.not_individual = _lowered(data, "not_individual")
        # an office named with no country is the article's (its dateline's state, or the state an earlier
        # mention of the office named): roles.yaml office_country_from_article, Italian only
        self.article_country = bool(data.get("office_country_from_article"))
        self.locative = _lowered(data, "locative")
        self.articles = _lowered(data, "articles")
        self.name_articles = _lowered(data, "name_articles")
        self.meeting_nouns = _lowered(data, "meeting_nouns")
        self.not_locative_before = _lowered(data, "not_locative_before")
        self.interview_cues = _lowered(data, "interview_cues")
        self.addressee_cues = _lowered(data, "addressee_cues")
        self.addressee_preps = _lowered(data, "addressee_preps")
        self.addressee_articles = _lowered(data, "addressee_articles")
        self.org_words = _lowered(data, "org_words")
        self.demonym_articles = _lowered(data, "demonym_articles")
        time_words = topic(lang, "time") or {}
        self.calendar = {str(w).lower() for w in [*(time_words.get("months") or {}), *(time_words.get("weekdays") or {})]}
        self.person_titles = self._phrases(data.get("person_titles", []))
        self.org_titles = self._phrases(data.get("org_titles", []))
        self.title_words = {t[0] for t in self.person_titles | self.org_titles}
        self.person_title_words = {t[0] for t in self.person_titles}
        self.government_words = _lowered(data, "government_words")
        self.state_body_words = _lowered(data, "state_body_words")
        self.body_name_words = _lowered(data, "body_name_words")
        self.head_offices = _lowered(data, "head_offices")
        missions = data.get("missions") or {}
        self.mission_nouns = self._phrases(missions.get("nouns", []))
        self.posted_missions = self._phrases(missions.get("posted", []))
        self.mission_words = {t[0] for t in self.mission_nouns | self.posted_missions}
        self.mission_possessives = _lowered(missions, "possessives")
        self.private_occupations = self._phrases(data.get("private_occupations", []))
        self.conjunctions = _lowered(data, "conjunctions")
        # "former", "ex" (attribution.yaml ``past_modifiers``): an office they modify is no longer held
        self.past_modifiers = {str(w).lower().rstrip("-") for w in
                               ((topic(lang, "attribution") or {}).get("past_modifiers") or [])} - {""}
        # a state or a city that is the subject of these acts as a body ("l'Italia ha deciso"): the verbs
        # of saying and acting of statements.yaml, and a verb whose auxiliary is an agent's (Italian "avere")
        speech = topic(lang, "statements") or {}
        self.acting_verbs = {str(v).lower() for v in [*(speech.get("speech_verbs") or []),
                                                      *(speech.get("act_verbs") or [])]}
        self.agentive_auxiliaries = _lowered(data, "agentive_auxiliaries")
        self.place_nouns = _lowered(data, "place_nouns")
        self.club_words = {str(w) for w in data.get("club_words") or []}  # case as written
        self.club_articles = _lowered(data, "club_articles")
        self.place_heads = {str(w) for w in data.get("place_heads") or []}  # case as written: "Piazza"
        self.place_tails = {str(w) for w in data.get("place_tails") or []}
        # a common noun that opens the name of the body named right after it ("regione Toscana": institutions.yaml)
        self.naming_nouns = _lowered(topic(lang, "institutions") or {}, "named_by_name")

    def _people_words(self, data: dict, lang: str, kb) -> None:
        """The anaphors of officials and ministries, the first names and the courtesy titles with their gender."""
        anaphors = data.get("anaphors") or {}
        self.anaphor_articles = _lowered(anaphors, "articles")
        self.official_nouns = _lowered(anaphors, "official")
        self.ministry_nouns = _lowered(anaphors, "ministry")
        self.ministry_words = _lowered(anaphors, "ministry_words")
        self.anaphor_modifiers = _lowered(anaphors, "modifiers")
        self.first_name_titles = list(data.get("first_name_titles", []))
        # the gender a courtesy title gives ("Mrs." f, "Mr." m: attribution.yaml ``titles``)
        self.title_genders = {str(k).lower(): str(v) for k, v in
                              ((topic(lang, "attribution") or {}).get("titles") or {}).items()}
        self.first_names = {str(x) for x in data.get("first_names", [])}
        self.first_names |= {e.name.split()[0] for e in kb.entities.values()
                             if e.type == "PER" and len(e.name.split()) > 1 and e.name.split()[0][:1].isupper()}

    def _expand_roles(self, kb) -> None:
        """The roles a wildcard of an office ("minister_*") stands for, among the roles the knowledge base holds."""
        all_roles = {r.role for e in kb.entities.values() for r in e.roles}
        self.expanded: dict[str, list[str]] = {}
        for v in self.offices.values():
            for _, roles, _, _ in v:
                for r in roles:
                    if "*" in r and r not in self.expanded:
                        pat = re.compile("^" + re.escape(r).replace(r"\*", ".*") + "$")
                        self.expanded[r] = sorted(x for x in all_roles if pat.match(x))

    @staticmethod
    def _phrases(items) -> set[tuple[str, ...]]:
        return {tuple(t.lower() for t in tokens_of(str(x))) for x in items}

    def roles(self, keys: list[str]) -> list[str]:
        out: list[str] = []
        for k in keys:
            out += self.expanded.get(k, [k]) if "*" in k else [k]
        return out

    def headed_by(self, entity_id: str | None) -> list[str]:
        """The role keys of whoever heads an organisation (knowledge-base ``headed_by``), or []."""
        e = self.kb.get(entity_id)
        h = e.data.get("headed_by") if e else None
        return [h] if isinstance(h, str) else list(h or [])

    def role_groups(self, keys: list[str]) -> list:
        """Role keys for KnowledgeBase.holder_of_any: a wildcard is one group ("ministro" = any minister)."""
        return [self.expanded.get(k, []) if "*" in k else k for k in keys]


@lru_cache(maxsize=8)
def _lexicon(kb_key: int, lang: str, kb) -> Lexicon:
    return Lexicon(kb, lang)


def lexicon(kb, lang: str | None) -> Lexicon:
    lang = (lang or "en")[:2].lower()
    if not topic(lang, "roles"):
        lang = "en"
    return _lexicon(id(kb), lang, kb)


class EntityLinker:
    name = "entities"

    def __call__(self, doc: Document, ctx) -> None:
        self.link_at(doc, ctx, doc.meta.get("published"))

    def link_at(self, doc: Document, ctx, date: str | None) -> None:
        """The mentions of the document, offices read at ``date`` (who held them then)."""
        doc.meta["entities_date"] = date
        lex = lexicon(ctx.kb, doc.meta.get("language"))
        toks = self._tokens(doc)
        names = proposed_names(doc, toks)
        aligned = aligned_tokens(doc, toks)
        evidence = ModelEvidence(names, syntactic_roles(doc, toks, aligned, lex), appositions(doc, aligned),
                                 {k: t.pos for k, t in aligned.items()}, {k: t.dep for k, t in aligned.items()},
                                 {k: doc.tokens[t.head].start for k, t in aligned.items()},
                                 parse_names(doc, toks) if aligned else [], acting_subjects(doc, toks, aligned, lex))
        for m in link(toks, lex, date, evidence):
            a, b = toks[m.i].start, toks[m.j - 1].end
            attrs = {"entity_id": m.entity_id, "name": m.name, "resolution": m.resolution, **m.attrs}
            doc.add(Span(a, b, "mention", m.label, attrs, component=self.name, rule=m.rule))
        mark_institutions(doc, doc.meta.get("language"))  # "la polizia", "il governo"
        mark_named_institutions(doc, doc.meta.get("language"))  # "il Governo", "presidente del Senato"
        mark_genders(doc, ctx.kb, doc.meta.get("language"))

    def redate(self, doc: Document, ctx) -> None:
        """After the time layer: where it found the page's date (or the day its story tells) and the cleaner
        had none, or only the month, the offices are read again at that date: "the Turkish foreign
        minister" in an undated story of the March 2022 talks is not today's."""
        date = doc.meta.get("published") or doc.meta.get("story_day")
        if date and date != doc.meta.get("entities_date") and doc.meta.get("language"):
            doc.drop_layer("mention")
            self.link_at(doc, ctx, date)

    @staticmethod
    def _tokens(doc: Document) -> list[Tok]:
        out: list[Tok] = []
        for z, zone in enumerate(s for s in doc.layer("zone") if s.label in ZONES):
            for m in TOKEN.finditer(doc.text, zone.start, zone.end):
                out.append(Tok(m.group(), m.start(), m.end(), z))
        return out


class EntityRedating:
    """The pipeline step after the time layer that runs ``EntityLinker.redate``."""
    name = "entities-redated"

    def __call__(self, doc: Document, ctx) -> None:
        EntityLinker().redate(doc, ctx)


def stated_affiliation(kb, entity_id: str | None, mentions) -> str | None:
    """The state or organisation that a role phrase names at any mention of an unknown person in the
    document ("il viceministro degli Esteri russo Sergej Vershinin", "Ukrainian Defence Minister X"):
    what a later "Vershinin ha detto" speaks for, where the knowledge base knows nothing of the person."""
    of = _stated_of(entity_id, mentions)
    if of is None or _independent(kb, of):  # "an analyst of the ISW": an independent body speaks for no side
        return None
    return kb.top(of) or of


def _stated_of(entity_id: str | None, mentions) -> str | None:
    """What the first role phrase of ``entity_id`` among ``mentions`` names him a member of (``attrs["of"]``)."""
    if isinstance(mentions, Ordered):
        return _role_index(mentions)[0].get(entity_id)
    return next((m.attrs["of"] for m in mentions if m.attrs.get("entity_id") == entity_id and m.attrs.get("of")),
                None)


def _role_index(mentions: Ordered) -> tuple[dict, set]:
    """Per entity, the ``of`` of its first mention that has one, and the entities a mention calls
    ``private``: built once per ordered list of a document's mentions (the statement rules ask for each
    statement; a scan each time was statements x mentions, quadratic in a long page). The statement
    rules do not change these attrs while the list is in use; a list grown since is indexed again."""
    cached = mentions.__dict__.get("_role_index")
    if cached is None or cached[0] != len(mentions):
        first_of, private = {}, set()
        for m in mentions:
            if m.attrs.get("of"):
                first_of.setdefault(m.attrs.get("entity_id"), m.attrs["of"])
            if m.attrs.get("private"):
                private.add(m.attrs.get("entity_id"))
        mentions.__dict__["_role_index"] = cached = (len(mentions), first_of, private)
    return cached[1], cached[2]


def _independent(kb, of: str) -> bool:
    """Whether ``of``, or what it is part of, is an independent body (``KnowledgeBase.independent``; a
    knowledge base without the notion has none)."""
    test = getattr(kb, "independent", None)
    return test is not None and bool(test(of) or test(kb.top(of)))


def stated_independent(kb, entity_id: str | None, mentions) -> bool:
    """Whether the role phrase that ``stated_affiliation`` reads names an independent body ("Anna Rossi, a
    fellow at Chatham House"; ``KnowledgeBase.independent``), or, where none names a body, the article presents
    the person by a private occupation ("the British analyst X", "X, a Russian military expert,": the mention's
    ``private``): the person speaks for no side, whatever state is named near him."""
    of = _stated_of(entity_id, mentions)
    if of is not None:
        return _independent(kb, of)
    if isinstance(mentions, Ordered):
        return entity_id in _role_index(mentions)[1]
    return any(m.attrs.get("entity_id") == entity_id and m.attrs.get("private") for m in mentions)


def proposed_names(doc: Document, toks: list[Tok]) -> list[tuple[int, int, str]]:
    """The names the NER model proposes (layer ``ner``) as (first token, end token, type) over ``toks``."""
    first = {t.start: k for k, t in enumerate(toks)}
    last = {t.end: k + 1 for k, t in enumerate(toks)}
    out = []
    for span in doc.layer("ner"):
        i, j = first.get(span.start), last.get(span.end)
        if i is not None and j is not None and j > i and span.label in NER_TYPES:
            out.append((i, j, NER_TYPES[span.label]))
    return out


@dataclass
class ModelEvidence:
    """What the linguistic layer says about the tokens the linker reads (empty without a model)."""
    names: list[tuple[int, int, str]] = field(default_factory=list)  # (first, end, type) proposed by NER
    roles: dict[int, str] = field(default_factory=dict)  # token index → "place" | "actor" from the parse
    # a proper noun's token → the description beside it: (text, start, end, start of its head word)
    appositions: dict[int, tuple] = field(default_factory=dict)
    pos: dict[int, str] = field(default_factory=dict)  # token index → UPOS where parsed
    deps: dict[int, str] = field(default_factory=dict)  # token index → dependency relation where parsed
    heads: dict[int, int] = field(default_factory=dict)  # token index → character start of its head where parsed
    # names of several words the parse builds ("Moscow Times": flat, compound), as (first, end) tokens
    parse_names: list[tuple[int, int]] = field(default_factory=list)
    acting: set[int] = field(default_factory=set)  # token indices of subjects that act (``acting_subjects``)


# the relations that join the words of one proper name in the parse
NAME_CHAIN_DEPS = {"flat", "flat:name", "flat:foreign", "compound"}


def parse_names(doc: Document, toks: list[Tok]) -> list[tuple[int, int]]:
    """The proper names of several words the parse builds: a proper noun with the capitalised words that hang
    on it as parts of one name (flat, compound: "Moscow Times", "Radio Mosca Internazionale"), in one run of words, as
    (first, end) over ``toks``. A chain inside another's is not one of its own."""
    first = {t.start: k for k, t in enumerate(toks)}
    last = {t.end: k + 1 for k, t in enumerate(toks)}
    out = []
    for t in doc.tokens:
        if t.pos != "PROPN" or (t.dep in NAME_CHAIN_DEPS and not t.is_root
                                and doc.tokens[t.head].text[:1].isupper()):
            continue  # a word of the name its head begins
        words = _name_chain(doc, t)
        if len(words) < 2 or words[-1].i - words[0].i + 1 != len(words):
            continue
        a, b = first.get(words[0].start), last.get(words[-1].end)
        if a is not None and b is not None and b - a > 1:
            out.append((a, b))
    return out


def _name_chain(doc: Document, head) -> list:
    """``head`` and the capitalised words joined to it, directly or through each other, as parts of a name."""
    words, todo = [head], [head]
    while todo:
        for c in doc.children(todo.pop()):
            if c.dep in NAME_CHAIN_DEPS and c.text[:1].isupper():
                words.append(c)
                todo.append(c)
    return sorted(words, key=lambda x: x.start)


def aligned_tokens(doc: Document, toks: list[Tok]) -> dict[int, object]:
    """The linker's token index → the parsed token that starts at the same character (where parsed)."""
    out = {}
    parsed, p = doc.tokens, 0
    for k, tok in enumerate(toks if parsed else ()):  # both in text order: one merge, no search per token
        while p < len(parsed) and parsed[p].start < tok.start:
            p += 1
        if p < len(parsed) and parsed[p].start == tok.start:
            out[k] = parsed[p]
    return out


def appositions(doc: Document, aligned: dict) -> dict[int, tuple[str, int, int, int]]:
    """The description the parse attaches to a proper noun ("Mario Rossi, ambasciatore a Mosca,"): kept as
    evidence of who a person is, as (text, start, end, start of its head word), by the linker's index of
    the noun (any word of a name: the parse may hang it on the surname). The parse may read it as a
    conjunct: a common noun after a comma with no coordinating word ("Oleg Petrenko, portavoce del
    ministero"). A clause inside it (a relative, an adverbial, a further conjunct) is not part of it."""
    out: dict[int, tuple[str, int, int, int]] = {}
    for k, t in aligned.items():
        if t.pos != "PROPN":
            continue
        head = _apposed(doc, t)
        if head is None:
            continue
        keep = [head] + [x for c in doc.children(head) if c.dep.split(":")[0] not in _NOT_DESCRIPTION
                         for x in doc.subtree(c)]
        keep.sort(key=lambda x: x.start)
        a, b = keep[0].start, keep[-1].end
        if b - a <= 120:
            out[k] = (doc.text[a:b].strip(" ,"), a, b, head.start)
    return out


# what hangs on a description's head word but is no part of it: a clause, a conjunct, punctuation
_NOT_DESCRIPTION = {"acl", "advcl", "parataxis", "conj", "cc", "punct", "ccomp", "xcomp", "appos", "nsubj",
                    "obj", "iobj", "cop", "aux", "mark"}


def _apposed(doc: Document, t):
    """The head word of the description the parse attaches after proper noun ``t``."""
    kids = doc.children(t)
    end = max([t.end] + [c.end for c in kids if c.dep.startswith("flat")])  # "Oleg" → "Oleg Petrenko"
    for child in kids:
        if child.start < end:
            continue
        if child.dep == "appos" and child.pos in ("NOUN", "PROPN", "NUM", "PRON"):  # "one of the negotiators"
            return child
        if child.dep == "conj" and child.pos == "NOUN" and _comma_before(doc, child, end) \
                and not any(c.dep == "cc" for c in doc.children(child)):
            return child
    if t.dep == "appos" and not t.is_root:  # "il presidente dell'Ispi, Mario Rossi, già segretario …": the
        for sib in doc.children(doc.tokens[t.head]):  # next apposition of the same noun describes him too
            if sib.start > end and sib.dep == "appos" and sib.pos == "NOUN" and _comma_before(doc, sib, end):
                return sib
    # "l'ambasciatore ucraino a Roma, Oleh Bondar,": the noun he is apposed to (or, as the parse may read
    # it, coordinated with: a comma before the name, no coordinating word)
    head = doc.tokens[t.head] if not t.is_root else None
    if head is not None and head.pos == "NOUN" and head.end <= t.start and (t.dep == "appos" or t.dep == "conj"
            and not any(c.dep == "cc" for c in kids)) and t.i > 0 and doc.tokens[t.i - 1].text == ",":
        return head
    return None


def _comma_before(doc: Document, head, end: int) -> bool:
    """Only a comma (and the description's own words) between the name's end and ``head``."""
    between = [t for t in doc.tokens_in(end, head.start)]
    return bool(between) and between[0].text == "," and all(
        t.pos in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV") or t.text == "," and k == 0
        for k, t in enumerate(between))


def syntactic_roles(doc: Document, toks: list[Tok], aligned: dict, lex: Lexicon) -> dict[int, str]:
    """Capitalised words the parse shows as a place (governed by a locative preposition, directly or as
    a conjunct: "a Kiev e Mosca") or as an actor (subject or agent: "Kiev e Mosca hanno firmato")."""
    out: dict[int, str] = {}
    for k, t in aligned.items():
        if not toks[k].text[:1].isupper():
            continue
        conj_head = t
        while conj_head.dep == "conj" and conj_head.head != conj_head.i:
            conj_head = doc.tokens[conj_head.head]
        if conj_head.dep in ("nsubj", "nsubj:pass", "obl:agent"):
            out[k] = "actor"
        elif conj_head is not t and conj_head.dep.startswith("obl") and any(
                c.dep == "case" and c.text.lower() in lex.locative for c in doc.children(conj_head)):
            out[k] = "place"
    return out


def acting_subjects(doc: Document, toks: list[Tok], aligned: dict, lex: Lexicon) -> set[int]:
    """Capitalised words the parse shows as the subject of a verb of saying or acting, or of a verb whose
    auxiliary an agent takes ("Mosca ha risposto", "Cina e Russia hanno criticato"; not "la Russia si è
    unita", "la Francia è un paese"): a state or a city named so acts as a body."""
    out: set[int] = set()
    for k, t in aligned.items():
        if not toks[k].text[:1].isupper():
            continue
        while t.dep == "conj" and not t.is_root:
            t = doc.tokens[t.head]
        if t.dep != "nsubj" or t.is_root:
            continue
        verb = doc.tokens[t.head]
        if _relative_between(doc, t, verb):
            continue  # "X e Y, che hanno firmato": the parse took the relative clause's antecedent for its subject
        if verb.lemma.lower() in lex.acting_verbs or any(
                c.dep == "aux" and c.lemma.lower() in lex.agentive_auxiliaries for c in doc.children(verb)):
            out.add(k)
    return out


def _relative_between(doc: Document, a, b) -> bool:
    """Whether a relative pronoun stands between tokens ``a`` and ``b`` (in either order)."""
    lo, hi = sorted((a.i, b.i))
    return any(doc.tokens[k].feat("PronType") == "Rel" for k in range(lo + 1, hi))


def link(toks: list[Tok], lex: Lexicon, date: str | None, evidence: ModelEvidence | None = None) -> list[Mention]:
    """The mentions of known and unknown entities in a document's tokens, step by step (module doc)."""
    run = _Linking(toks, lex, date, evidence or ModelEvidence())
    for step in (run.known_names, run.headline_names, run.titled_names, run.first_name_pairs, run.role_descriptions,
                 run.surnames_after_office, run.model_names_of_their_own, run.dateline_names, run.surnames,
                 run.model_names_again,
                 run.addressees, run.state_missions, run.state_bodies, run.definite_descriptions,
                 run.state_adjectives):
        step()
    return run.result()


# what may follow a description beside a name: a comma, a stop, a bracket, a dash, a closing quotation mark
DESCRIPTION_ENDS = set(",.;:)]—–-”»’!?")
# How many tokens back a definite description ("the official", "il dicastero") looks for what it refers to.
ANAPHOR_REACH = 250
# How many tokens back the straight quotation marks around a mention are counted.
QUOTE_REACH = 400


@dataclass
class _Office:
    """An office phrase being linked: where it starts (i; i0 with the words before it that belong to it),
    where it ends with its complement (j2), its roles, whether it names the head of a body, the body it is
    an office of, the state that posted its holder and the past modifier that makes the holder a private
    person ("former")."""
    i: int
    i0: int
    j2: int
    role_keys: list[str]
    head: bool
    of: str | None
    sent_by: str | None
    former: str | None = None


class _Linking:
    """One document's linking: its tokens, the mentions found so far and which token each one owns."""

    def __init__(self, toks: list[Tok], lex: Lexicon, date: str | None, evidence: ModelEvidence):
        self.toks, self.lex, self.kb, self.date, self.evidence = toks, lex, lex.kb, date, evidence
        self.n = len(toks)
        self.texts = [t.text for t in toks]
        self.lower = [t.lower() for t in self.texts]
        self._starts = [t.start for t in toks]  # for bisection by character offset
        # the model's names without the article or quote marks at their edges ("The United States",
        # "“Coalition of the Willing”"): a known name inside them is the name, not a word inside a longer one
        self.names = _one_type_per_person([(a, b, self._typed_by_words(a, b, label))
                                           for i, j, label in self._rejoined(evidence.names)
                                           for a, b in [self._model_name_edges(i, j, label)] if b > a],
                                          self.texts, self.lower, lex)
        self.model_names = Ordered.of_pairs(self.names)  # bisection: a scan per name was quadratic (issue 16)
        self.parse_only_names = Ordered.of_pairs([(a, b, "") for a, b in evidence.parse_names
                                                  if not self.model_names.overlapping(a, b)])
        self.covered: list[int | None] = [None] * self.n  # index of the mention that owns each token
        self.mentions: list[Mention] = []
        self.variant_hits: dict[tuple[int, int], str] = {}  # aliases found with other accents: their spelling
        self.held_surnames: list[tuple[int, int]] = []  # one-word aliases no full name let stand (``known_names``)
        self.offices_named: list[tuple[int, list[str], str]] = []  # office phrases: (start, roles, of)
        self.office_words = _office_words(lex, self.lower)  # tokens inside an office phrase (steps 1 and 3b)

    # -- shared helpers -------------------------------------------------------------------------------
    def _rejoined(self, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The model's names with a body's name it broke after "of" made whole again: a capitalised name of
        an organisation that ends in "di", "della"... with the next organisation's name right after it is one
        name ("[Consiglio Superiore della] [Banca d'Italia]"; KIND WikiNews train: 15 of 15 such pairs)."""
        out: list[tuple[int, int, str]] = []
        for i, j, label in sorted(names):
            if out and out[-1][1] == i and out[-1][2] == label == "ORG" and self.lower[i - 1] in self.lex.of_words \
                    and self.texts[out[-1][0]][:1].isupper():
                out[-1] = (out[-1][0], j, label)
            else:
                out.append((i, j, label))
        return out

    def _model_name_edges(self, i: int, j: int, label: str) -> tuple[int, int]:
        """A model's name without what the model ran into at its edges: articles and quote marks
        (``_trim_name``), a function word of the next phrase where a headline ends without a stop ("la Banca
        d'Italia [Alle] 17:25", "Gordon Brown [Tutti] i leader"), and a person's title before a name
        ("[Padre] Giancarlo Bossi": the name is the person's own, as the model's training data has it)."""
        i, j = _trim_name(self.toks, self.texts, self.lower, self.lex, i, j)
        while j - i > 1 and self._of_next_phrase(j - 1):
            j -= 1
        if label == "PER" and j - i > 1 and self.lower[i] in self.lex.person_title_words \
                and CAPITALISED.match(self.texts[i + 1]):
            i += 1
        return i, j

    def _of_next_phrase(self, k: int) -> bool:
        """Token k, the last of a name, is a function word (a preposition, an article, an adverb...) that
        the parse hangs on a word after it, outside the name (a word it calls part of a name, "flat", stays:
        a tagger may take a foreign surname for an adverb); unparsed, a lower-case word that links names."""
        pos, head = self.evidence.pos.get(k), self.evidence.heads.get(k)
        if pos is None or head is None:
            return self.texts[k].islower() and self.lower[k] in NAME_LINKS
        return pos in FUNCTION_POS and head > self.toks[k].start \
            and not self.evidence.deps.get(k, "").startswith("flat")

    def same_zone(self, i: int, j: int) -> bool:
        return self.toks[i].zone == self.toks[j - 1].zone

    def add(self, m: Mention) -> Mention:
        self.mentions.append(m)
        for k in range(m.i, m.j):
            if self.covered[k] is None:
                self.covered[k] = len(self.mentions) - 1
        return m

    def covering(self, x: int) -> Mention | None:
        """The mention that covers token ``x``, if any (None past the last token)."""
        c = self.covered[x] if x < self.n else None
        return self.mentions[c] if c is not None else None

    def free(self, i: int, j: int) -> bool:
        return j <= self.n and all(self.covered[k] is None for k in range(i, j))

    def fitted(self, i: int, j: int, etype: str | None) -> tuple[int, int]:
        """A name a rule found, fitted to the model's names: the model's name of the rule's type inside it
        ("il leader M5s [Giuseppe Conte]"), else cut where a model name begins inside it or where the
        one starting there ends ("[Roberta Pinotti] Ministero della Difesa"); empty where it lies inside or
        across a longer model name ("via Gabriele D'Annunzio")."""
        near = self.model_names.overlapping(i, j)
        inside = [(a, b) for a, b, label in near if i <= a and b <= j and (a, b) != (i, j) and label == etype]
        if inside:
            return inside[0]
        for a, b, _ in near:
            if a < i and self.covered[i - 1] is not None and self.mentions[self.covered[i - 1]].j == i \
                    and self.mentions[self.covered[i - 1]].i >= a:
                continue  # "all'[Onu Zhang Wei]": the model ran a known name into the next one
            if i < a < j < b or (a == i and b < j):
                j = a if a > i else b
            elif (a <= i and j <= b and (a, b) != (i, j)) or a < i < b < j:
                return i, i
        return i, j

    def prev_word(self, i: int) -> int:
        k = i - 1
        while k >= 0 and self.texts[k] in APOSTROPHES:
            k -= 1
        return k

    def locative(self, i: int) -> bool:
        """A locative preposition before token i, maybe with an article between ("at the", "presso la"),
        that does not make a source of it ("according to the Kremlin", "stando al Cremlino")."""
        lex, lower = self.lex, self.lower
        k = self.prev_word(i)
        if k >= 0 and lower[k] in lex.articles and lower[k] not in lex.locative:
            k = self.prev_word(k)
        if not (k >= 0 and lower[k] in lex.locative):
            return False
        k = self.prev_word(k)
        return not (k >= 0 and lower[k] in lex.not_locative_before)

    def unknown(self, i: int, j: int, label: str, resolution: str, rule: str, attrs: dict | None = None) -> Mention:
        name = _join(self.toks, i, j)
        known = _known_but_misspelt(self.lex, self.texts[i:j]) if label == "PER" else None
        if known is not None:  # "Volodymyr Zelenksyy": the first name right, a typo in the surname
            return self.add(Mention(i, j, known.id, known.name, known.type, "alias", "alias-misspelt",
                                    {**(attrs or {}), "spelt": name}))
        named = self._named_in_full_as(self.texts[i], (attrs or {}).get("title")) \
            if j - i == 1 and label == "PER" else None
        if named is not None:  # "Labour minister Healy" after "John Healey": his surname, misspelt
            m = self.mentions[named]
            return self.add(Mention(i, j, m.entity_id, m.name, "PER", "surname", "surname-misspelt",
                                    {**(attrs or {}), "spelt": name}))
        # a person's name in another spelling, which the model may take for an organisation's
        known = self._known_variant(i, j) if label in ("PER", "ORG") else None
        if known is not None:  # "Andriy Sibiga", "Joseph Borel", "Umierov": another spelling of a known name
            return self.add(Mention(i, j, known.id, known.name, known.type, "alias", "alias-variant",
                                    {**(attrs or {}), "spelt": name}))
        return self.add(Mention(i, j, f"x:{slug(name)}", name, label, resolution, rule, attrs or {}))

    def _named_in_full_as(self, word: str, title: str | None = None) -> int | None:
        """The mention of the one person named in full so far whose surname ``word`` misspells or
        transliterates otherwise (``misspelt_surnames`` for a name a title introduces: "the Labour minister
        Healy" after "John Healey"), unless the title gives another gender ("Mrs. Healy")."""
        if not CAPITALISED.match(word) or word.isupper():
            return None
        gender = self.lex.title_genders.get(title.replace(" ", "").lower().rstrip(".")) if title else None
        found: dict[str, int] = {}
        for k, m in enumerate(self.mentions):
            if m.label == "PER" and m.j - m.i > 1 and " " in m.name:
                names = {_surname(m.name), _surname(m.attrs.get("spelt") or m.name)}
                if word in names:
                    return None  # the surname itself: the surname steps and the attribution's own
                if _misspelt(word, names) or _transliterated(self.lex, word, names):
                    found.setdefault(m.entity_id, k)
        if len(found) != 1:
            return None
        k = next(iter(found.values()))
        if gender is not None and _gender(self.kb, self.mentions[k].entity_id) != gender:
            return None
        return k

    def _known_variant(self, i: int, j: int):
        """The one known person whose name this is in another spelling (``name_variants``): a surname the
        knowledge base lets stand alone, transliterated otherwise ("Umierov"), where the article names nobody
        else with that surname in full; or a first name of the class of the person's own and the surname
        transliterated, with double letters merged ("Joseph Borel"); or the person's own first name and the
        surname one typo away ("Friedrich Mertz"; not one consonant for another: ``_one_edit``). A first name of
        another class is another person ("Ed Harris", "Andrea Orban"), and so is a typo after another first name
        of the class."""
        words = self.texts[i:j]
        if not all(CAPITALISED.match(w) and not w.isupper() for w in words):
            return None
        lex, v = self.lex, self.lex.variants
        if len(words) == 1:
            word = words[0]
            ids = lex.surname_aliases.get(v.key(word), set()) if len(word) >= 5 else set()
            if len(ids) != 1:
                return None
            eid = next(iter(ids))
            if any(m.label == "PER" and m.j - m.i > 1 and m.entity_id != eid
                   and v.key(_surname(m.attrs.get("spelt") or m.name)) == v.key(word) for m in self.mentions):
                return None  # "Andrea Orbàn … Orbàn": the surname of someone else the article names
            e = self.kb.get(eid)
            return e if e is not None and e.type == "PER" else None
        first, middle = v.first(words[0]), tuple(v.key(w) for w in words[1:-1])
        ids = {eid for f, mid, eid in lex.person_names.get(v.loose(words[-1]), ())
               if f == first and (len(words) == 2 or mid == middle)}
        if not ids and len(words) == 2 and len(words[-1]) >= 4:  # one typo in the surname after the first name
            # itself (its transliteration, not another of its class: "Mikhail Fedotov" is not Mykhailo Fedorov)
            last, own = plain(words[-1]).casefold(), v.key(words[0])
            ids = {eid for s, eid in lex.person_surnames.get(own, ())
                   if len(s) >= 4 and s[0] == last[0] and s != last and _one_edit(s, last)}
        e = self.kb.get(next(iter(ids))) if len(ids) == 1 else None
        return e if e is not None and e.type == "PER" else None

    # -- 1. names of the knowledge base -----------------------------------------------------------------
    def known_names(self) -> None:
        found = self._alias_hits()
        full = {eid for i, j, eid, alias in found if j - i > 1 or self.kb.get(eid).type != "PER"}
        known = Ordered.of_pairs(found)
        bodies = self._bodies_named_with_state(found)
        inside = {n for n, (i, j, eid, _) in enumerate(found)
                  if self._part_of_another_name(i, j, known, self.kb.get(eid).type == "ORG")}
        surnames = {self.texts[i] for n, (i, j, _, _) in enumerate(found) if n in inside and self._ends_person(i, j)}
        for n, (i, j, eid, alias) in enumerate(found):
            if all(k in self.office_words for k in range(i, j)) and self.kb.get(eid).data.get("kind") in MEDIA_KINDS:
                self._office_body(i, j)  # "presidente della [Repubblica]": the state's body, not the newspaper
                continue
            if n in bodies:  # "Congresso degli Stati Uniti": the body, once, over both names
                if bodies[n][0] == i:
                    self._add_known(self.kb.get(bodies[n][2]), bodies[n][2], bodies[n][0], bodies[n][1])
                continue
            e = self._entity_of_alias(found, full, i, j, eid, alias)
            if e is None and j - i == 1 and self.kb.get(eid).type == "PER":
                self.held_surnames.append((i, j))
            if e is None or n in inside or self._surname_not_place(e, i, j, surnames):
                continue  # "Forza [Italia]", "Maurizio [Mosca]", "Ed [Harris]", "[Moscow] Times": another name
            self._add_known(e, eid, i, j)

    def _office_body(self, i: int, j: int) -> None:
        """The body an office phrase names with an outlet's alias ("presidente della Repubblica"): an institution
        of its own (as ``institutions.py`` marks them: attribution reads it as no one), never the outlet."""
        name = _join(self.toks, i, j)
        self.add(Mention(i, j, f"x:{slug(name)}", name, "ORG", INSTITUTION, "institution-name", {}))

    def _part_of_another_name(self, i: int, j: int, known: Ordered, body: bool = False) -> bool:
        """The alias is a strict part of a longer proper name the model proposes, or, where the model proposes
        nothing there, one the parse builds of flat or compound words ("[Moscow] Times", "Nord [Europa]").
        A body's meeting is still the body (``body``: "the NATO Summit"; a place's is not: "the Paris Forum")."""
        args = (self.toks, self.texts, self.lower, self.lex, known, self.evidence.pos, body)
        return _inside_longer_name(i, j, self.model_names, *args) \
            or _inside_longer_name(i, j, self.parse_only_names, *args)

    def _bodies_named_with_state(self, found) -> dict[int, tuple[int, int, str]]:
        """Two aliases side by side, a state's and one of its bodies' (``part_of``), that the model or the
        parse reads as one name ("U.S. Central Intelligence Agency", "Congresso degli Stati Uniti"): the body
        named in full. By index in ``found``: (start, end, the body's id)."""
        out: dict[int, tuple[int, int, str]] = {}
        for n in range(len(found) - 1):
            (i, j1, a, _), (i2, j, b, _) = found[n], found[n + 1]
            if all(self.lower[k] in NAME_LINKS or self.texts[k] in APOSTROPHES for k in range(j1, i2)) \
                    and self._read_as_one_name(i, j):
                body = _body_of_state(self.kb, a, b) or _body_of_state(self.kb, b, a)
                if body is not None:
                    out[n] = out[n + 1] = (i, j, body)
        return out

    def _read_as_one_name(self, i: int, j: int) -> bool:
        return any((a, b) == (i, j) for a, b, _ in self.model_names.overlapping(i, j)) \
            or (i, j) in self.evidence.parse_names

    def _ends_person(self, i: int, j: int) -> bool:
        """A one-word alias that ends a person's name the model proposes ("Michael [Jordan]")."""
        return j - i == 1 and any(b == j and a < i and label == "PER"
                                  for a, b, label in self.model_names.overlapping(i, j))

    def _surname_not_place(self, e, i: int, j: int, surnames: set[str]) -> bool:
        """A one-word place's alias that is, elsewhere in the article, the surname of a person named in full
        (``surnames``: "Michael Jordan visited … Jordan said"): that person's (step 4), unless a
        locative preposition governs it or the parse makes it a place."""
        return j - i == 1 and e.type in ("LOC", "GPE") and self.texts[i] in surnames \
            and not self.locative(i) and self.evidence.roles.get(i) != "place"

    def _alias_hits(self) -> list[tuple[int, int, str, str]]:
        """The longest alias of the knowledge base starting at each token, left to right."""
        lex, texts, lower, toks, n = self.lex, self.texts, self.lower, self.toks, self.n
        found: list[tuple[int, int, str, str]] = []
        i = 0
        while i < n:
            hit = None
            for cand, eid, alias in lex.names.get(texts[i], ()):
                j = i + len(cand)
                if j <= n and tuple(texts[i:j]) == cand and self.same_zone(i, j) \
                        and not (i > 0 and texts[i - 1] in HYPHENS and toks[i - 1].end == toks[i].start
                                 and texts[i - 2:i - 1] and texts[i - 2][:1].islower()):
                    hit = (i, j, eid, alias)
                    break
            if not hit:
                for cand, eid, alias in lex.events.get(lower[i], ()):
                    j = i + len(cand)
                    if j <= n and tuple(lower[i:j]) == cand and self.same_zone(i, j):
                        hit = (i, j, eid, alias)
                        break
            if not hit and texts[i][:1].isupper() and not (  # accents put or omitted: "Orbàn" for "Orbán"
                    i > 0 and texts[i - 1] in HYPHENS and toks[i - 1].end == toks[i].start
                    and texts[i - 2:i - 1] and texts[i - 2][:1].islower()):
                for cand, eid, alias in lex.plain_names.get(plain(texts[i]), ()):
                    j = i + len(cand)
                    if len(cand) == 1 and len(texts[i]) < 4:
                        continue  # "Lì" (there) is no "Li", "Sì" no "Si": short words differ by their accent
                    if j <= n and tuple(plain(t) for t in texts[i:j]) == cand and self.same_zone(i, j):
                        hit = (i, j, eid, alias)
                        self.variant_hits[(i, j)] = _join(toks, i, j)
                        break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    def _entity_of_alias(self, found, full: set[str], i: int, j: int, eid: str, alias: str):
        """The entity an alias found at i..j stands for, or None (a short alias without the full name; one
        alias of several entities none of which the article names in full)."""
        kb = self.kb
        words = tokens_of(alias) if (i, j) in self.variant_hits else self.texts[i:j]
        ids = [x for x in dict.fromkeys(lex_ids(self.lex, words))] or [eid]
        if len(ids) > 1 and all(kb.get(x).type == "EVENT" for x in ids):
            return kb.get(_nearest_event(kb, ids, self.date))
        if len(ids) > 1:  # one alias, several entities: the one named in full, else nobody
            named = [x for x in ids if x in full]
            if len(named) != 1:
                return None
            eid = named[0]
        e = kb.get(eid)
        # a short alias stands for its entity only after the full name ("Wang" after "Wang Wenbin", not
        # after "Wang Yi": asked of the entity the alias resolves to, not of the first that lists it)
        if alias in (e.data.get("only_with_full_name") or []) and not any(
                x[2] == eid and x[3] != alias for x in found):
            return None
        return e

    def _add_known(self, e, eid: str, i: int, j: int) -> None:
        kb, lex, lower, roles = self.kb, self.lex, self.lower, self.evidence.roles
        if self._city_club(e, i, j):
            self.unknown(i, j, "ORG", "club", "city-club")
            return
        res, label, attrs, rule = "alias", e.type, {}, "alias"
        target = lex.stands_for.get(e.id)
        if e.type == "LOC" and target and roles.get(i) != "place" \
                and (roles.get(i) == "actor" or not self.locative(i)):
            state = kb.get(target)
            if state is not None:
                e, res, label, attrs, rule = state, "metonym", state.type, {"place": eid}, "capital-metonym"
        elif e.type == "ORG" and e.data.get("seat") and self.locative(i) \
                and not _office_at(lex, lower, _skip_modifiers(lex, lower, j)):  # "to the Kremlin spokesman"
            # "ha parlato alla Casa Bianca": the building, which says nothing
            res, label, attrs, rule = "locative", "LOC", {"locative": True}, "seat-locative"
        if (i, j) in self.variant_hits:
            rule, attrs = ("alias-variant" if rule == "alias" else rule), {**attrs, "spelt": self.variant_hits[(i, j)]}
        if label in ("GPE", "LOC") and any(k in self.evidence.acting for k in range(i, j)):
            attrs = {**attrs, "acting": True}
        self.add(Mention(i, j, e.id, e.name, label, res, rule, attrs))
        if e.type == "EVENT":  # "il vertice di Parigi" also names Paris
            for k in range(i + 1, j):
                for cand, pid, _ in lex.names.get(self.texts[k], ()):
                    if k + len(cand) <= j and tuple(self.texts[k:k + len(cand)]) == cand \
                            and kb.get(pid).type == "LOC":
                        p = kb.get(pid)
                        self.mentions.append(Mention(k, k + len(cand), p.id, p.name, "LOC", "alias", "inside-event"))
                        break

    def _city_club(self, e, i: int, j: int) -> bool:
        """An Italian city of one word named with a masculine article ("il Livorno", "del Vicenza":
        ``club_articles``): its sports club, as an Italian city's name takes no article and its province is "la
        provincia di". Only the cities of ``kind: city``: a Russian or Ukrainian city's name so is its region ("nel
        Kursk"), some foreign ones take an article ("il Cairo", "nel Queens"); a name of more words may be a
        state's too ("lo stato del New York"); after a kind of place it is a region's ("la regione del X")."""
        k = self.prev_word(i)
        if not (j - i == 1 and e.type == "LOC" and e.data.get("kind") == "city" and k == i - 1
                and self.lower[k] in self.lex.club_articles and self.same_zone(k, j)):
            return False
        before = self.prev_word(k)
        return not (before >= 0 and (self.lower[before] in self.lex.place_nouns
                                     or self.lower[before] in self.lex.naming_nouns))

    def headline_names(self) -> None:
        """A known name in capitals that opens a headline or a dateline, before its colon, comma, bracket or
        dash ("POLONIA: chiuso il confine", "KYIV, March 3 (Reuters) -"): the capitals are the line's style, so the
        name is matched in any case (``_known_in_other_case``). Nowhere else: a word in capitals inside a
        sentence may be an acronym. A capital there is the place where the story was filed, not its state.
        Rule ``ner+alias`` where the model proposed the name, else ``headline-alias``; ``attrs["headline"]``."""
        texts, n = self.texts, self.n
        for i in range(n):
            if not (_in_capitals(texts[i]) and _starts_sentence(self.toks, i)):
                continue
            j = i + 1
            while j < n and j - i < MAX_NAME and _in_capitals(texts[j]) and self.same_zone(i, j + 1):
                j += 1
            if j >= n or texts[j] not in HEADLINE_ENDS or not self.same_zone(i, j + 1) or not self.free(i, j):
                continue
            e = _known_in_other_case(self.lex, texts[i:j])
            if e is not None and e.type != "EVENT":
                rule = "ner+alias" if any((a, b) == (i, j) for a, b, _ in self.model_names.overlapping(i, j)) \
                    else "headline-alias"
                self.add(Mention(i, j, e.id, e.name, e.type, "alias", rule, {"headline": True}))

    # -- 2. unknown names typed by a title, and name-shaped pairs ------------------------------------
    def titled_names(self) -> None:
        lex, texts, lower, n = self.lex, self.texts, self.lower, self.n
        for i in range(n):
            if lower[i] not in lex.title_words:
                continue
            for phrase, etype in _titles_at(lex, lower, i):
                j = i + len(phrase)
                k = _skip_modifiers(lex, lower, j)
                while k < n and texts[k] in lex.adjectives:
                    k += 1
                k, name_end = self.fitted(k, _name_end(texts, k, etype == "ORG"), etype)
                if name_end > k and self.free(k, name_end) and self.same_zone(i, name_end) \
                        and not _known_start(lex, texts, k) \
                        and not _office_at(lex, lower, k) \
                        and not (etype == "PER" and self._no_person_name_at(k)):  # "Vice Primo Ministro"
                    if etype == "ORG" and texts[i][:1].isupper() and i > 0 and self.free(i, k):
                        k = i  # a capitalised title is part of the name: "Banca Centrale Europea"
                    self.unknown(k, name_end, etype, "unlinked", "title", {"title": " ".join(texts[i:j])})
                    break

    def _no_person_name_at(self, k: int) -> bool:
        """A capitalised article or title cannot begin a person's name: after a person's title it opens the
        next sentence of a headline run into the text ("la classifica generale Il favorito …") or another
        title ("Direttore Generale"). An organisation's may ("il quotidiano Il Centro")."""
        lower = self.lower[k]
        return lower in self.lex.articles or lower in self.lex.title_words

    def first_name_pairs(self) -> None:
        """A known first name and a capitalised surname ("Volker Türk")."""
        lex, texts = self.lex, self.texts
        for i in range(self.n - 1):
            if texts[i] in lex.first_names and self.covered[i] is None and CAPITALISED.match(texts[i + 1]) \
                    and not texts[i + 1].isupper():
                start, end = self.fitted(i, _name_end(texts, i, False), "PER")
                if end - start >= 2 and self.free(start, end) and self.same_zone(start, end) \
                        and not _known_start(lex, texts, start + 1) and not self._named_otherwise(start, end):
                    self.unknown(start, end, "PER", "unlinked", "first-name")

    def _named_otherwise(self, i: int, j: int) -> bool:
        """The model names exactly i..j a place or an organisation after an article ("la Marina Militare"): a
        first name that begins it is a word of that name, not a person's. Without the article the first name
        wins: news names a person without one, and the model's type for an unknown "Pavel Orlov" is a guess."""
        if i == 0 or self.lower[i - 1].rstrip("'’") not in self.lex.name_articles:
            return False
        return any((a, b) == (i, j) and label != "PER" for a, b, label in self.model_names.overlapping(i, j))

    # -- 3. role descriptions -------------------------------------------------------------------------
    def role_descriptions(self) -> None:
        i, offices, lower = 0, self.lex.offices, self.lower
        while i < self.n:
            hit = _longest(_office_at(self.lex, lower, i), _office_around_adjective(self.lex, self.texts, lower, i)) \
                if i < len(lower) and lower[i] in offices else None  # both look offices up by the first word
            if not hit or (self.covered[i] is not None and self.mentions[self.covered[i]].label != "GPE"):
                i += 1
            else:
                i = self._role_phrase(i, hit)

    def _role_phrase(self, i: int, hit) -> int:
        """Links the office phrase at i (its holder, a name after it, or nobody); returns where to go on."""
        lex = self.lex
        phrase, role_keys, fixed_of, head = hit
        j = i + len(phrase)
        if head and _office_at(lex, self.lower, j):  # "the Kremlin chief spokesman": a modifier here
            return i + 1
        if phrase in lex.seat_offices and not self._seat_periphrasis(i, j):  # "un uomo di 40 anni"
            return i + 1
        office = self._office(i, j, role_keys, fixed_of, head)
        if not office.role_keys:  # a head noun with nothing to head ("il titolare")
            return office.j2
        return self._link_office(office)

    def _office(self, i: int, j: int, role_keys: list[str], fixed_of: str | None, head: bool) -> _Office:
        """The office phrase at i..j with the body it is an office of, named after it ("minister of defence")
        or before it ("the Russian defence minister"), and the state that posted its holder."""
        lex, kb, texts, lower, date = self.lex, self.kb, self.texts, self.lower, self.date
        i0 = i
        of, j2, of_rule = _of_after(lex, kb, texts, lower, self.covered, self.mentions, j, date)
        if of is None:
            of, of_rule, i0 = _of_before(lex, kb, texts, lower, self.covered, self.mentions, i, date)
            j2 = j
        if head and lex.headed_by(of):  # "il titolare della Farnesina": whoever heads the ministry
            role_keys = lex.headed_by(of)
        of = fixed_of or of
        # "China's UN envoy Li", "the Chinese UN envoy Li": the state that posts a named person there
        state = _state_before(lex, texts, self.covered, self.mentions, i0) if of_rule == "premodifier" else None
        sent_by = state[0] if state is not None else of
        return _Office(i, i0, j2, role_keys, head, of, sent_by)

    def _link_office(self, o: _Office) -> int:
        """Gives the office to the person named right after it (known or not), else to the holder named after
        its complement, else to whoever holds it on the day; returns where to go on."""
        texts, n = self.texts, self.n
        roles = self.lex.roles(o.role_keys)
        k = self._posted_to(o.j2)  # "l'ambasciatore cinese all'Onu Zhang Wei", "ucraino a Roma, Oleh Bondar,"
        k = k + 1 if k < n and texts[k] == "," else k
        # a name right after the role: the role belongs to that person; after the rest of a long title too
        # ("Deputy Prime Minister and Minister of Digital Transformation Mykhailo Fedorov")
        nxt = self.covering(k)
        o.former = self._former(o.i0)  # "l'ex segretario di Stato Usa X": a private person now, no side
        if o.former and o.sent_by:
            o.sent_by = None
        titled = nxt is None or nxt.i != k or nxt.label != "PER"
        if titled:
            k = self._title_continued(k)
            nxt = self.covering(k)
        if nxt is not None and nxt.i == k and nxt.label == "PER":
            return self._office_to_mention(o, roles, k, nxt, titled)
        end = self._office_to_new_name(o, k)
        if end is None:
            end = self._office_to_complement_holder(o, roles)
        if end is not None:
            return end
        if o.head and o.of is None and o.j2 < n and self.lower[o.j2] in self.lex.of_words:
            return o.j2  # "il capo della regione": the head of a body the knowledge base does not know, no one named
        self._role_holder(o.i, o.i0, o.j2, o.role_keys, roles, o.of)
        return o.j2

    def _office_to_mention(self, o: _Office, roles: list[str], k: int, nxt: Mention, titled: bool) -> int:
        """The person mention at k holds the office (the role of the day the knowledge base gives, if any)."""
        nxt.attrs.setdefault("role", next((r.role for r in self.kb.roles_at(nxt.entity_id, self.date)
                                           if r.role in roles), o.role_keys[0]))
        if o.former:
            nxt.attrs.setdefault("private", o.former)
        if o.sent_by:
            nxt.attrs.setdefault("of", o.sent_by)
        if k > o.j2 and not titled and not any(
                self.covered[x] is not None and self.mentions[self.covered[x]].label == "PER"
                for x in range(o.i0, o.j2)):
            self._apposed_role(o.i0, o.j2, nxt)  # "Il portavoce del Cremlino, Dmitry Peskov, ha detto"
        return nxt.j

    def _office_to_new_name(self, o: _Office, k: int) -> int | None:
        """A name no mention covers right after the office: a person of that role, not in the knowledge base;
        where the name ends, or None."""
        lex, texts = self.lex, self.texts
        k, name_end = self.fitted(k, _name_end(texts, k, False), "PER") if k < self.n else (k, k)
        if not (name_end > k and self.free(k, name_end) and self.same_zone(o.i, name_end)
                and not _known_start(lex, texts, k) and texts[k] not in lex.adjectives
                and not self._no_person_name_at(k)):
            return None
        person = self.unknown(k, name_end, "PER", "unlinked", "role+name",
                              {"role": o.role_keys[0], **({"of": o.sent_by} if o.sent_by else {}),
                               **({"private": o.former} if o.former else {})})
        if k > o.j2 and self._possessed(o.i0, o.j2):  # "Ukraine's deputy prime minister, Oksana Darchuk,"
            self._apposed_role(o.i0, o.j2, person)
        return name_end

    def _office_to_complement_holder(self, o: _Office, roles: list[str]) -> int | None:
        """"il capo dell'amministrazione filorussa, Vladimir Rogov": the person named after the office's
        complement holds it; where that person ends, or None."""
        held_by = self._holder_after_complement(o.j2, o.i)
        if held_by is None:
            return None
        person, end = held_by
        person.attrs.setdefault("role", next((r.role for r in self.kb.roles_at(person.entity_id, self.date)
                                              if r.role in roles),
                                             "head" if o.head and "head" in o.role_keys else o.role_keys[0]))
        side = o.sent_by or self._side_in_complement(o.j2, end)
        if side and not o.former:
            person.attrs.setdefault("of", side)
        self._apposed_role(o.i0, end, person)
        return person.j

    def _side_in_complement(self, a: int, b: int) -> str | None:
        """The state or body an office's complement names, not as a place ("l'amministrazione instaurata dai
        russi nella regione": Russia; "l'ambasciata russa a Roma": Russia, not Italy); news outlets are no side."""
        kb = self.kb
        for x in range(a, b):
            m = self.covering(x)
            sid = m.entity_id if m is not None and m.i == x and m.label in ("GPE", "ORG") \
                and not m.attrs.get("locative") else self.lex.adjectives.get(self.texts[x]) if m is None else None
            e = kb.get(sid) if sid else None
            if e is not None and e.type in ("GPE", "ORG") and not self.locative(x) \
                    and e.data.get("kind") not in ("agency", "outlet", "platform", "journalist"):
                return sid
        return None

    def _holder_after_complement(self, j: int, i: int) -> tuple[Mention, int] | None:
        """The person an office phrase presents after its complement and a comma ("il capo dell'amministrazione
        instaurata dai russi nella regione, Vladimir Rogov"; "the head of the regional administration, X"): the
        complement opens with "of", a locative preposition or an adjective, runs on through the words of one
        noun phrase (no verb but a participle that modifies it, no punctuation), and a name follows the comma,
        closed by punctuation. (the person's mention, the complement's end); None otherwise."""
        lex, lower, texts, n, pos = self.lex, self.lower, self.texts, self.n, self.evidence.pos
        if j >= n or not (lower[j] in lex.of_words or lower[j] in lex.locative or pos.get(j) == "ADJ"):
            return None
        x = j
        while x < n and x - j <= 12 and texts[x] != ",":
            m = self.covering(x)
            if m is not None and m.label == "PER" or not self.same_zone(i, x + 1):
                return None
            word = texts[x] in APOSTROPHES or texts[x][:1].isalpha() or texts[x] in HYPHENS
            if not word or pos.get(x) in ("AUX", "PRON", "CCONJ", "SCONJ") \
                    or pos.get(x) == "VERB" and self.evidence.deps.get(x) not in ("acl", "amod"):
                return None
            x += 1
        k = x + 1
        if x >= n or texts[x] != "," or x == j or k >= n or not self.same_zone(i, k + 1):
            return None
        nxt = self.covering(k)
        if nxt is not None:
            person = nxt if nxt.i == k and nxt.label == "PER" and nxt.resolution not in ("role", "coreference") \
                else None
        else:
            k, name_end = self.fitted(k, _name_end(texts, k, False), "PER")
            if name_end - k < 2 or not self.free(k, name_end) or _known_start(lex, texts, k) \
                    or texts[k] in lex.adjectives or pos.get(k, "PROPN") != "PROPN":
                return None
            person = self.unknown(k, name_end, "PER", "unlinked", "role+name", {})
        if person is None or not (person.j >= n or texts[person.j][:1] in DESCRIPTION_ENDS):
            return None
        return person, x

    def _former(self, i0: int) -> str | None:
        """The past modifier ("former", "ex") before the office phrase starting at i0, past its other modifiers
        and state adjectives ("the former Ukrainian defence minister", "l'ex premier", "ex-premier"), or None."""
        lex, lower, texts = self.lex, self.lower, self.texts
        d, steps = i0 - 1, 0
        while d >= 0 and steps < 4:
            if texts[d] in APOSTROPHES or texts[d] in HYPHENS:
                d -= 1
                continue
            if lower[d] in lex.past_modifiers:
                return lower[d]
            if not ((lower[d],) in lex.modifiers or texts[d] in lex.adjectives):
                return None
            d, steps = d - 1, steps + 1
        return None

    def _title_continued(self, k: int) -> int:
        """Where the holder's name starts after the rest of a long office title that begins at k: another office
        joined by a conjunction ("and Minister of Digital Transformation", "e ministro degli Esteri"), or the
        capitalised words of a ministry's name ("of Digital Transformation", "e della Cooperazione
        Internazionale"); a person named right after a conjunction is another person ("the minister and Olaf
        Scholz"), and a known body after one another office's ("and NATO chief"). ``k`` where no name follows."""
        lex, lower, texts, n = self.lex, self.lower, self.texts, self.n
        covered, mentions = self.covered, self.mentions
        if k >= n or texts[k - 1] == "," \
                or not (lower[k] in lex.office_conjunctions or lower[k] in lex.office_prepositions):
            # the title goes on with "and" or "of", not with a word of a name ("il presidente, Vladimir Putin")
            return k
        x = k
        while x < n and x - k < 14:
            m = mentions[covered[x]] if covered[x] is not None else None
            if m is not None and m.label == "PER":
                joined = lower[x - 1] in lex.office_conjunctions or texts[x - 1] == ","
                ok = m.i == x and x > k and not joined and m.resolution not in ("role", "coreference") \
                    and self.same_zone(k, m.j)
                return x if ok else k
            if lower[x] in lex.office_conjunctions or texts[x] == ",":
                nx = x + 1
                nm = mentions[covered[nx]] if nx < n and covered[nx] is not None else None
                if nx >= n or not (_office_at(lex, lower, nx) or lower[nx] in lex.office_prepositions
                                   or (CAPITALISED.match(texts[nx]) and (nm is None or nm.resolution == "ner"))):
                    return k
                if nx < n and _office_at(lex, lower, nx):  # "and Minister of …": another office of the same person
                    x = nx + len(_office_at(lex, lower, nx)[0])
                    continue
            elif _office_at(lex, lower, x) or not (
                    lower[x] in lex.office_prepositions or texts[x] in lex.adjectives or texts[x] in APOSTROPHES
                    or (CAPITALISED.match(texts[x]) and (m is None or m.label in ("ORG", "GPE", "LOC")))):
                return k  # (an office governed by "of" is another person's: "the envoy of President Trump")
            x += 1
        return k

    def _seat_periphrasis(self, i: int, j: int) -> bool:
        """A person noun at i..j used for an office: a definite article before it, and "di/del" + a state,
        its capital or a seat of power (not a person: "l'uomo di Putin" is his envoy) right after it."""
        lex, lower, texts, n = self.lex, self.lower, self.texts, self.n
        d = self.prev_word(i)
        if d < 0 or lower[d] not in lex.determiners or lower[d] in lex.indefinite or lower[d] in lex.not_individual:
            return False
        if j >= n or lower[j] not in lex.of_words:
            return False
        k = j + 1
        while k < n and texts[k] in APOSTROPHES:
            k += 1
        m = self.covering(k)
        return m is not None and m.i == k and m.label in ("GPE", "ORG") and not m.attrs.get("locative")

    def _posted_to(self, j: int) -> int:
        """Past the place or body an office is held at, right after it ("ambasciatore a Roma", "envoy to the
        UN", "all'Onu"): where a name of its holder may follow. ``j`` where there is none."""
        lex, lower, texts, n = self.lex, self.lower, self.texts, self.n
        if j >= n or lower[j] not in lex.locative:
            return j
        k = j + 1
        while k < n and (texts[k] in APOSTROPHES or lower[k] in lex.articles):
            k += 1
        m = self.covering(k)
        return m.j if m is not None and m.i == k and m.label in ("GPE", "ORG", "LOC") else j

    def _before_modifiers(self, i0: int, past_former: bool) -> int:
        """The word before an office phrase and its modifiers ("la nuova premier": "la"); a modifier that
        makes it no one's now ("ex") stops the walk unless ``past_former``."""
        lower, lex = self.lower, self.lex
        d = self.prev_word(i0)
        while d > 0 and (lower[d],) in lex.modifiers and (past_former or lower[d] not in lex.not_individual):
            d = self.prev_word(d)
        return d

    def _apposed_role(self, i0: int, j2: int, person: Mention) -> None:
        """The office phrase before a comma and the name it presents: a mention of that person too, where
        a determiner makes the phrase one person ("il portavoce", not "portavoce di turno"; "l'ex premier,
        Mario Draghi," is Draghi too)."""
        d = self._before_modifiers(i0, past_former=True)
        if not self._possessed(i0, j2) and (d < 0 or self.lower[d] not in self.lex.determiners
                                            or self.lower[d] in self.lex.not_individual):
            return
        self.add(Mention(i0, j2, person.entity_id, person.name, "PER", "coreference", "role-apposition",
                         {"role": person.attrs.get("role"), **({"of": person.attrs["of"]} if "of" in person.attrs else {})}))

    def _possessed(self, i0: int, j2: int) -> bool:
        """An office phrase that opens with a state's or body's possessive ("Ukraine's deputy prime minister"):
        definite as a determiner makes it, one person."""
        texts = self.texts
        return i0 + 2 < j2 and texts[i0 + 1] in APOSTROPHES and texts[i0 + 2] == "s" \
            or i0 + 1 < j2 and texts[i0 + 1] in ("'s", "’s")

    def _role_holder(self, i: int, i0: int, j2: int, role_keys: list[str], roles, of) -> None:
        """The person an office phrase without a name stands for: its holder at the date ("il ministro degli
        Esteri russo"), or the holder named before ("il ministro" after "Lavrov")."""
        lex, kb, lower, date = self.lex, self.kb, self.lower, self.date
        d = self._before_modifiers(i0, past_former=False)  # "la nuova premier", but "l'ex premier" is no one now
        det = lower[d] if d >= 0 else ""
        if det in lex.not_individual or (det not in lex.determiners and det not in lex.possessives
                                         and of is None):
            return
        pid, res = None, "role"
        if det in lex.possessives and of is None:
            leader = _last_person(self.mentions, i)
            of = kb.affiliation(leader.entity_id, date) if leader else None
        held = role_keys[0]
        if of is not None:
            self.offices_named.append((i0, list(roles), of))
            pid, r = self._holder_named_here(roles, of) if date is None else (None, None)
            if pid is None:
                pid, r = kb.holder_of_any(lex.role_groups(role_keys), of, date)
            if pid is None:  # several hold it ("il consigliere del Cremlino"): the one the article named
                pid, r, res = self._holder_named_before(i, roles, of)
            held = r or held
        else:
            leader = _last_person(self.mentions, i, roles, kb, date, feminine=det in lex.feminine, texts=self.texts)
            if leader is not None:
                pid, res = leader.entity_id, "coreference"
                held = next((r.role for r in kb.roles_at(pid, date) if r.role in roles),
                            leader.attrs.get("role") or held)
            elif det in lex.determiners and lex.article_country:
                pid, held, of = self._article_office_holder(i, j2, role_keys, roles, held)
        if pid:
            e = kb.get(pid)
            name = e.name if e else next(m.name for m in self.mentions if m.entity_id == pid)
            # the adjective or organisation inside the role phrase is part of it, not a mention of its own
            self.add(Mention(i0, j2, pid, name, "PER", res, "role" if res == "role" else "role-coreference",
                             {"role": held, **({"of": of} if of else {})}))

    def _article_office_holder(self, i: int, j2: int, role_keys: list[str], roles, held: str):
        """(person, role, state) for a definite office with no country and no holder named before ("il
        presidente della Repubblica ha detto", "il premier"): its holder at the date in the article's country,
        else (None, ``held``, None). Not an office of a body the knowledge base does not know ("il presidente
        della Cei": the words after it name whose office it is)."""
        if j2 < self.n and self.lower[j2] in self.lex.of_words:
            return None, held, None
        state = self._article_state(i, roles)
        if state is None:
            return None, held, None
        pid, r = self.kb.holder_of_any(self.lex.role_groups(role_keys), state, self.date)
        return (pid, r or held, state) if pid else (None, held, None)

    def _article_state(self, i: int, roles) -> str | None:
        """The country of an office named before token ``i`` with no country of its own: the state an earlier
        mention of that office named ("il ministro degli Esteri russo … il ministro degli Esteri"), else the
        state of the place of the last dateline before it ("MOSCA, 3 marzo - "; not a headline's label
        "UCRAINA: …", which names the story's subject)."""
        kb = self.kb
        for k, named_roles, of in reversed(self.offices_named):
            state = kb.top(of)
            if k < i and set(named_roles) & set(roles) and kb.get(state) is not None and kb.get(state).type == "GPE":
                return state
        for m in sorted(self.mentions, key=lambda m: -m.i):
            if m.i < i and m.attrs.get("headline") and m.label in ("LOC", "GPE") and m.j < self.n \
                    and self.texts[m.j] in HEADLINE_ENDS and self.texts[m.j] != ":":
                e = kb.get(m.entity_id)
                return e.id if e is not None and e.type == "GPE" else (e.data.get("country") if e else None)
        return None

    def _holder_named_before(self, i: int, roles, of: str) -> tuple[str | None, str | None, str]:
        """The person last named before token i who holds one of ``roles`` for ``of`` (or the state it is
        part of) at the date: (id, role, 'coreference'), or (None, None, 'role')."""
        lex, kb = self.lex, self.kb
        leader = _last_person(self.mentions, i, roles, kb, self.date, texts=self.texts)
        if leader is None or i - leader.j > ANAPHOR_REACH:
            return None, None, "role"
        held = [r for r in kb.roles_at(leader.entity_id, self.date) if r.role in roles and r.of in (of, kb.top(of))]
        return (leader.entity_id, held[0].role, "coreference") if held else (None, None, "role")

    def _holder_named_here(self, roles, of: str) -> tuple[str | None, str | None]:
        """On a page without a date, the one person the article names who held the office at some time ("Joe
        Biden e Vladimir Putin …" then "il presidente statunitense"), rather than its holder today."""
        found: dict[str, str] = {}
        for m in self.mentions:
            e = self.kb.get(m.entity_id) if m.label == "PER" else None
            for r in e.roles if e else ():
                if r.role in roles and r.of == of:
                    found.setdefault(e.id, r.role)
        return next(iter(found.items())) if len(found) == 1 else (None, None)

    def surnames_after_office(self) -> None:
        """A surname the knowledge base lets stand alone only after the full name, or one of several of its
        people, that the article explains by an office named before it ("the Russian deputy prime minister
        … Novak said"): the one person with that surname who holds that office at the date, where the
        article names no other person with that surname in full."""
        if not self.held_surnames or not self.offices_named or not self.date:
            return
        kb, lex, texts = self.kb, self.lex, self.texts
        for i, j in self.held_surnames:
            if not self.free(i, j):
                continue
            word = plain(texts[i]).casefold()
            ids = {x for x in lex_ids(lex, texts[i:j]) if kb.get(x) is not None and kb.get(x).type == "PER"}
            ids |= {eid for people in lex.person_surnames.values() for s, eid in people if s == word}
            holders = {pid for pid in ids for k, roles, of in self.offices_named if k < i
                       for r in kb.roles_at(pid, self.date) if r.role in roles and r.of in (of, kb.top(of))}
            if len(holders) != 1:
                continue
            pid = next(iter(holders))
            if any(m.label == "PER" and m.j - m.i > 1 and m.entity_id != pid
                   and plain(_surname(m.attrs.get("spelt") or m.name)).casefold() == word for m in self.mentions):
                continue  # "Katalin Novák … Novák": another person with that surname, named in full
            if any(label == "PER" and b - a > 1 and plain(texts[b - 1]).casefold() == word
                   and not (self.covered[a] is not None and self.mentions[self.covered[a]].entity_id == pid)
                   for a, b, label in self.names):
                continue  # a full name the model found and nothing linked yet: someone else, maybe
            e = kb.get(pid)
            self.add(Mention(i, j, pid, e.name, "PER", "surname", "surname-office", {}))

    # -- 3b. names the model proposes that nothing above claimed: entities of their own ---------------
    def model_names_of_their_own(self) -> None:
        lex, texts, lower, toks, pos = self.lex, self.texts, self.lower, self.toks, self.evidence.pos
        longest_first = sorted(self.names, key=lambda x: x[0] - x[1])  # full names before step 4's surnames
        surnames_so_far: set[str] | None = None  # once the names of two words or more are in
        for i, j, label in longest_first:
            if j - i == 1 and surnames_so_far is None:
                surnames_so_far = _surnames_named_in_full(self.mentions)
            if j - i == 1 and ((pos.get(i) == "NOUN" and _starts_sentence(toks, i))
                               or lower[i] in lex.government_words or texts[i] in lex.adjectives
                               or (lower[i] in lex.calendar and label != "PER")  # "May" may be a person
                               or texts[i] in surnames_so_far or _misspelt(texts[i], surnames_so_far)
                               or _transliterated(lex, texts[i], surnames_so_far)):
                continue  # "Governo ha deciso", "Ukrainian officials", "Mercoledì scorso", "Austin" (or "Austen")
                # after "Lloyd Austin"
            if all(k in self.office_words for k in range(i, j)):
                continue  # "Secretary of [State]", "[Defense] Secretary": a word of an office
            if j > i and self.free(i, j) and self.same_zone(i, j) \
                    and (_name_shaped(texts, i, j) or _place_with_generic_head(texts, lex, i, j, label)):
                known = _known_in_other_case(lex, texts[i:j])
                if known is not None:  # "SERGEI RYABKOV:" in a transcript is the known person
                    self.add(Mention(i, j, known.id, known.name, known.type, "alias", "ner+alias"))
                    continue
                of = _state_of_body(lex, texts, lower, i, j) if label == "ORG" else None
                i, label = self._opened_by_naming_noun(i, j, label)
                self.unknown(i, j, label, "ner", "ner", {"of": of} if of else {})

    def _typed_by_words(self, i: int, j: int, label: str) -> str:
        """The type of a model's name where a word in it says what it names: a club's word ("Spartak Mosca": an
        organisation), a kind of place opening it or closing it ("Piazza Fontana", "Lafayette Square":
        ``place_heads``, ``place_tails``; a place, not the person the model may read in it)."""
        if self._club_name(i, j):
            return "ORG"
        if label == "PER" and j - i > 1 and (self.texts[i] in self.lex.place_heads
                                             or self.texts[j - 1] in self.lex.place_tails):
            return "LOC"
        return label

    def _club_name(self, i: int, j: int) -> bool:
        """A name of several words with a word of a sports club's name in it ("Spartak Mosca", "Olympique
        Lione": ``club_words``): the club, which the model may read as its city or as a person."""
        return j - i > 1 and any(self.texts[k] in self.lex.club_words for k in range(i, j))

    def _opened_by_naming_noun(self, i: int, j: int, label: str) -> tuple[int, str]:
        """The start and type of a model's name i..j with the common noun before it that names the body it is
        ("la regione Lombardia": the region's government, one ORG name; ``naming_nouns``), where the parse hangs
        the name on that noun with no preposition; else the name as it is."""
        k = i - 1
        if k < 0 or self.lower[k] not in self.lex.naming_nouns or not self.texts[k].islower() \
                or not self.free(k, i) or not self.same_zone(k, j):
            return i, label
        heads = self.evidence.heads
        return (k, "ORG") if heads.get(i) == self.toks[k].start else (i, label)

    # -- 4b. a name of the model's own, again where the model missed it -------------------------------------
    def model_names_again(self) -> None:
        """Where the article repeats, in the same spelling, a name the model proposed and the linker kept
        as an entity of its own (rule ``ner``), the repetition is that entity too: the model reads each
        sentence alone and misses some ("Stortoni rimonta" after "rimangono in tre: Stortoni, …")."""
        texts, n = self.texts, self.n
        kept = sorted({tuple(texts[m.i:m.j]): m for m in self.mentions if m.rule == "ner"}.items(),
                      key=lambda item: -len(item[0]))
        for words, m in kept:
            w = len(words)
            for i in range(n - w + 1):
                if texts[i] == words[0] and tuple(texts[i:i + w]) == words and self.free(i, i + w) \
                        and self.same_zone(i, i + w) and not self.model_names.overlapping(i, i + w) \
                        and not _joined(self.toks, i, i + w):
                    self.add(Mention(i, i + w, m.entity_id, m.name, m.label, m.resolution, "ner-again",
                                     dict(m.attrs)))

    # -- 3c. a name that opens the story after its dateline, which the model did not propose ----------------
    def dateline_names(self) -> None:
        """"BRUSSELS, March 3 - Marek Dvorak said …": two or three capitalised words right after the dash
        that closes a dateline, which the parse reads as proper nouns and the subject of a verb, followed by
        a lower-case word. The model reads the dateline's date into the name, or nothing."""
        texts, pos, roles, n = self.texts, self.evidence.pos, self.evidence.roles, self.n
        for d in range(1, n - 2):
            if texts[d] not in DATELINE_DASHES or not self.same_zone(d - 1, d + 1):
                continue
            i, j = d + 1, d + 1
            while j < n and j - i < 3 and CAPITALISED.match(texts[j]) and not texts[j].isupper() \
                    and pos.get(j) == "PROPN":
                j += 1
            if j - i < 2 or j >= n or not texts[j][:1].islower() or "actor" not in (roles.get(i), roles.get(j - 1)) \
                    or not self.free(i, j) or _known_start(self.lex, texts, i) \
                    or any(texts[k] in self.lex.adjectives for k in range(i, j)):
                continue
            self.unknown(i, j, "PER", "unlinked", "dateline")

    # -- 4. surnames of people named in full ----------------------------------------------------------
    def surnames(self) -> None:
        texts, n, mentions = self.texts, self.n, self.mentions
        surnames: dict[tuple[str, ...], str] = {}
        named: dict[tuple[str, ...], list[tuple[int, str]]] = {}  # where each person of a surname is named in full
        for m in mentions:
            if m.label == "PER" and m.j - m.i > 1 and m.resolution in ("alias", "unlinked", "ner"):
                for last in dict.fromkeys([_surname(m.name), *([_surname(m.attrs["spelt"])]
                                                                if m.attrs.get("spelt") else [])]):
                    if len(last) > 2 and last[:1].isupper():  # as the knowledge base and the article spell it
                        surnames.setdefault(tuple(tokens_of(last)), m.entity_id)
                        named.setdefault(tuple(tokens_of(last)), []).append((m.i, m.entity_id))
                for title in self.lex.first_name_titles:  # "Sir Tony" after "Sir Tony Brenton"
                    surnames.setdefault((title, m.name.split()[0]), m.entity_id)
        if not surnames:
            return
        names_of = {m.entity_id: m.name for m in mentions}
        for m in mentions:  # "Sir Tony", which the title rule took for someone new
            key = (texts[m.i - 1], texts[m.i]) if m.rule == "title" and m.j - m.i == 1 and m.i else None
            if key in surnames and surnames[key] != m.entity_id:
                m.entity_id, m.name = surnames[key], names_of[surnames[key]]
                m.resolution, m.rule = "surname", "first-name"
            elif m.rule == "title" and m.j - m.i == 1 and m.resolution == "unlinked" and (texts[m.i],) in named:
                # "Mrs. Harlan" after "Senator Ellen Harlan": the person of that surname and the title's gender
                eid = self._bearer(named[(texts[m.i],)], m.i, names_of, (m.attrs.get("title") or "").split())
                if eid is not None and eid != m.entity_id:
                    m.entity_id, m.name, m.resolution, m.rule = eid, names_of[eid], "surname", "titled-surname"
        for key, eid in surnames.items():
            w = len(key)
            for i in range(n - w + 1):
                if texts[i] == key[0] and tuple(texts[i:i + w]) == key and self.free(i, i + w) \
                        and not (i + w < n and CAPITALISED.match(texts[i + w])):
                    who = self._bearer(named[key], i, names_of, texts[max(0, i - 2):i]) if key in named else eid
                    if who is not None:
                        self.add(Mention(self._hyphened_particle(i), i + w, who, names_of[who], "PER", "surname",
                                         "surname"))
        self.misspelt_surnames({key[0]: eid for key, eid in surnames.items() if len(key) == 1}, names_of)

    def _hyphened_particle(self, i: int) -> int:
        """Where the surname at token i begins: at the particle hyphened to it, if any ("al-Nouri" after "Abu
        Bakr Al Nouri", "el-Sisi"): the particle is part of the name, not a preposition."""
        t, texts = self.toks, self.texts
        if i >= 2 and texts[i - 1] in HYPHENS and texts[i - 2].islower() and self.lower[i - 2] in PARTICLES \
                and t[i - 2].end == t[i - 1].start and t[i - 1].end == t[i].start and self.free(i - 2, i):
            return i - 2
        return i

    def _bearer(self, named: list[tuple[int, str]], i: int, names_of: dict[str, str], before: list[str],
                near: int = 60) -> str | None:
        """Which of the people the article names in full with one surname (``named``: where, who) the surname
        alone at token ``i`` stands for: the one a courtesy title before it gives the gender of ("Mrs. Clinton",
        none where no one has it), else the one named in full in the ``near`` tokens before it (the last such),
        else the one the article names in full most often (the one it is about), else of those the one named
        last before it, else the first named after it."""
        ids = list(dict.fromkeys(eid for _, eid in named))
        words = [w.lower().rstrip(".") for w in before if w not in (".", " ")]
        gender = self.lex.title_genders.get(words[-1]) if words else None
        if gender is not None:
            ids = [x for x in ids if (_gender(self.kb, x) or name_gender(names_of[x])) in (None, gender)]
            if len(ids) > 1:  # (one of them of that gender by name: that one)
                ids = [x for x in ids if (_gender(self.kb, x) or name_gender(names_of[x])) == gender] or ids
        if len(ids) <= 1:
            return ids[0] if ids else None
        earlier = [(k, eid) for k, eid in named if k < i and eid in ids]
        if earlier and i - max(earlier)[0] <= near:
            return max(earlier)[1]
        times = {x: sum(eid == x for _, eid in named) for x in ids}
        most = [x for x in ids if times[x] == max(times.values())]
        if len(most) == 1:
            return most[0]
        earlier = [(k, eid) for k, eid in earlier if eid in most]
        return max(earlier)[1] if earlier else min((k, eid) for k, eid in named if eid in most)[1]

    def misspelt_surnames(self, surnames: dict[str, str], names_of: dict[str, str]) -> None:
        """"Hagseth emphasised…" after "Pete Hegseth": a typo of the surname of someone the article names
        in full is that person (one typo of news, ``_one_edit``; long names only), where
        the word is no name the knowledge base or the model knows otherwise."""
        if not any(len(s) >= 4 for s in surnames):
            return  # no surname long enough to be misspelt or transliterated: no scan of the tokens
        texts, pos = self.texts, self.evidence.pos
        for i in range(self.n):
            if not CAPITALISED.match(texts[i]) or texts[i] in surnames or not self.free(i, i + 1) \
                    or pos.get(i) not in (None, "PROPN") or (i + 1 < self.n and CAPITALISED.match(texts[i + 1])) \
                    or (i and CAPITALISED.match(texts[i - 1]) and not _starts_sentence(self.toks, i)):
                continue
            near = [s for s in surnames if _misspelt(texts[i], (s,))]
            rule = "surname-misspelt"
            if not near:  # "Sibiga" after "Andrii Sybiha": the surname transliterated otherwise
                near, rule = [s for s in surnames if _transliterated(self.lex, texts[i], (s,))], "surname-variant"
            if len({surnames[s] for s in near}) == 1:
                eid = surnames[near[0]]
                self.add(Mention(i, i + 1, eid, names_of[eid], "PER", "surname", rule, {"spelt": texts[i]}))

    # -- 5. whom someone spoke to: unknown names after "interview with", "told", "intervista a" ------
    def addressees(self) -> None:
        lex, texts, lower, n = self.lex, self.texts, self.lower, self.n
        for i in range(n):
            one_word = lower[i] in lex.interview_cues
            if not one_word and lower[i] not in lex.addressee_cues:
                continue
            k, article = i + 1, False
            while k < n and (lower[k] in lex.addressee_preps or lower[k] in lex.addressee_articles
                             or texts[k] in APOSTROPHES) and k - i <= 3:
                article = article or lower[k] in lex.addressee_articles
                k += 1
            k, end = self.fitted(k, _name_end(texts, k, True), None) if k < n else (k, k)
            if end - k < (1 if one_word else 2) or not self.free(k, end) or not self.same_zone(i, end) \
                    or _known_start(lex, texts, k) or lower[k] in lex.calendar or texts[k] in lex.adjectives \
                    or lower[k] in lex.title_words:
                continue
            person = texts[k] in lex.first_names or (not article and end - k > 1)
            if article or any(w in lex.org_words for w in lower[k:end]):
                person = False
            self.unknown(k, end, "PER" if person else "ORG", "unlinked", "addressee", {"cue": texts[i]})

    # -- 6. bodies of state in common words, with the state's adjective ----------------------------------
    def state_missions(self) -> None:
        """"the Russian embassy in Sweden", "Russia's mission to the UN", "l'ambasciata russa a Roma", "la
        rappresentanza permanente d'Italia presso la Nato": a state's body abroad (``missions`` in roles.yaml)
        named with the state's adjective or name is an organisation of its own that speaks for that state (its
        ``of``), where it serves part of its name; "the embassy" after one, with nothing of its own, is that one."""
        lex, lower, n = self.lex, self.lower, self.n
        if not lex.mission_words:
            return
        for k in range(n):
            if lower[k] not in lex.mission_words:
                continue
            noun = _phrase_at(lower, k, lex.mission_nouns | lex.posted_missions)
            if noun is None or not self.same_zone(k, k + len(noun)):
                continue
            e = k + len(noun)
            state, i, e2 = self._mission_state(k, e)
            end = self._posted_to(e2)
            if noun not in lex.mission_nouns and end == e2:
                continue  # "la missione russa" with nowhere it serves: a mission of any kind
            owner = self.covered[k]
            if owner is not None:
                m = self.mentions[owner]
                if m.label == "ORG" and m.entity_id.startswith("x:") and (m.i, m.j) == (k, e):
                    self._drop_inside(k, e)  # the model's bare "Embassy": the rule names it better
                else:
                    if state and m.label == "ORG" and m.entity_id.startswith("x:") and m.i <= k and e <= m.j:
                        m.attrs.setdefault("of", state)  # the model's "Russian Embassy": its state is its side
                    continue
            if state is None:
                self._mission_anaphor(k, e, noun)
                continue
            # the state's own mention inside the phrase is part of the body's name ("[Russia]'s embassy")
            self._drop_inside(i, e2)
            name = _join(self.toks, i, end)
            self.add(Mention(i, end, f"x:{slug(name)}", name, "ORG", "unlinked", "state-mission",
                             {"of": state, "mission": " ".join(noun)}))

    def _mission_state(self, k: int, e: int) -> tuple[str | None, int, int]:
        """The state a body abroad at k..e belongs to, (state, start, end) of the phrase: its adjective after it
        ("ambasciata russa") or before it ("Russian embassy"), its name after "of" ("embassy of Ukraine",
        "ambasciata d'Italia") or with a possessive before it ("Russia's embassy", "Russia's Sweden embassy"), its
        name before it ("U.S. embassy"). (None, k, e) where none."""
        lex, kb, texts, lower, n = self.lex, self.kb, self.texts, self.lower, self.n
        if e < n and texts[e] in lex.adjectives and texts[e].islower() and kb.get(lex.adjectives[texts[e]]):
            return lex.adjectives[texts[e]], k, e + 1
        if e < n and lower[e] in lex.of_words:
            x = e + 1
            while x < n and (texts[x] in APOSTROPHES or lower[x] in lex.articles):
                x += 1
            m = self._state_mention_at(x)
            if m is not None and m.i == x:
                return m.entity_id, k, m.j
        owner = self._possessor(k)
        if owner is not None:  # "Russia's embassy"
            return owner.entity_id, owner.i, e
        b = self.prev_word(k) if k > 0 else -1
        if b >= 0 and texts[b] in lex.adjectives and texts[b][:1].isupper() and kb.get(lex.adjectives[texts[b]]):
            return lex.adjectives[texts[b]], b, e
        # the name before it ("the U.S. embassy"), or a possessive, maybe with the place it serves in between
        # ("Russia's embassy", "Russia's Sweden embassy": Russia's, in Sweden)
        before = self.mentions[self.covered[b]] if b >= 0 and self.covered[b] is not None else None
        if b >= 0 and lower[b] in lex.mission_possessives:  # "its embassy"
            return self._pronoun_owner(b, None), k, e
        if before is None or before.j != k:
            return None, k, e
        owner = self._possessor(before.i)
        if owner is not None:
            return owner.entity_id, owner.i, e
        p = self.prev_word(before.i)
        if p >= 0 and lower[p] in lex.mission_possessives and before.label in ("GPE", "LOC"):
            return self._pronoun_owner(p, before.entity_id), before.i, e  # "its Stockholm embassy"
        if before.label in ("GPE", "LOC") and self._state_mention_at(b) is before:
            return before.entity_id, before.i, e
        return None, k, e

    def _pronoun_owner(self, p: int, host: str | None) -> str | None:
        """The state a possessive pronoun before a body abroad stands for ("Russia vowed …, in a message from its
        Stockholm embassy"): the one state its sentence names before it, besides the one the body serves in (a
        state keeps no embassy at home); None where it names none or several."""
        states, x = set(), p - 1
        while x >= 0 and self.texts[x] not in (".", "!", "?") and self.same_zone(x, p):
            m = self.covering(x)
            e = self.kb.get(m.entity_id) if m is not None and m.label == "GPE" else None
            if e is not None and e.type == "GPE" and e.id != host:
                states.add(e.id)
            x -= 1
        return next(iter(states)) if len(states) == 1 else None

    def _possessor(self, x: int) -> Mention | None:
        """The state whose possessive ends right before token x ("Russia's"), or None."""
        if x >= 2 and self.lower[x - 1] == "s" and self.texts[x - 2] in APOSTROPHES:
            m = self._state_mention_at(x - 3)
            return m if m is not None and m.j == x - 2 else None
        return None

    def _state_mention_at(self, x: int) -> Mention | None:
        """The mention at token x of a state by its own name (not a capital standing for it), or None."""
        if x < 0 or x >= self.n or self.covered[x] is None:
            return None
        m = self.mentions[self.covered[x]]
        e = self.kb.get(m.entity_id)
        return m if m.label == "GPE" and m.resolution == "alias" and e is not None and e.type == "GPE" else None

    def _mission_anaphor(self, k: int, e: int, noun: tuple[str, ...]) -> None:
        """"the embassy said", "secondo l'ambasciata": a definite body abroad with no state of its own refers to
        the last one of the same noun named before."""
        lex, lower = self.lex, self.lower
        d = self.prev_word(k)
        if d < 0 or lower[d] not in lex.determiners or lower[d] in lex.indefinite or lower[d] in lex.not_individual \
                or lower[d] in ("a", "an"):
            return
        ante = next((m for m in reversed(self.mentions) if m.rule == "state-mission" and m.j <= k
                     and m.attrs.get("mission") == " ".join(noun)), None)
        if ante is not None and k - ante.j <= 4 * ANAPHOR_REACH:
            self.add(Mention(k, e, ante.entity_id, ante.name, "ORG", "coreference", "mission-coreference",
                             {"of": ante.attrs["of"], "mission": ante.attrs["mission"]}))

    def _drop_inside(self, i: int, j: int) -> None:
        """Drops the mentions inside tokens i..j (a longer name takes their place) and recounts who owns which token."""
        if not any(i <= m.i and m.j <= j for m in self.mentions):
            return
        kept = [m for m in self.mentions if not (i <= m.i and m.j <= j)]
        self.mentions, self.covered = [], [None] * self.n
        for m in kept:
            self.add(m)

    def state_bodies(self) -> None:
        """"il governo cinese", "l'esercito nigeriano", "the Turkish government": the state its adjective
        names, acting through one of its bodies (a mention of the state typed ORG, as KIND types a state
        that acts), in either order of noun and adjective, with up to two words of the body's name between."""
        lex, texts, lower, n = self.lex, self.texts, self.lower, self.n
        for k in range(n):
            if lower[k] not in lex.state_body_words or lower[k] in lex.head_offices or texts[k][:1].isupper() \
                    or self.covered[k] is not None:
                continue
            span = self._body_with_adjective(k)
            if span and self.free(*span) and self.same_zone(*span):
                state = self.kb.get(lex.adjectives[texts[span[1] - 1] if span[0] == k else texts[span[0]]])
                if state is not None:  # the state acting through one of its bodies: an organisation's mention
                    self.add(Mention(span[0], span[1], state.id, state.name, "ORG", "state-body", "state-body",
                                     {"body": _join(self.toks, *span)}))

    def _body_with_adjective(self, k: int) -> tuple[int, int] | None:
        lex, texts, lower = self.lex, self.texts, self.lower
        inner = lex.state_body_words | lex.body_name_words
        j = k + 1  # Italian: the noun, then its adjective ("ministero degli esteri cinese")
        while j < self.n and j - k <= 3 and lower[j] in inner and not texts[j][:1].isupper():
            j += 1
        if j < self.n and texts[j] in lex.adjectives and texts[j].islower():
            return k, j + 1
        i = k - 1  # English: the adjective, then the noun ("the Chinese foreign ministry")
        while i >= 0 and k - i <= 3 and lower[i] in inner and not texts[i][:1].isupper():
            i -= 1
        if i >= 0 and texts[i] in lex.adjectives and texts[i][:1].isupper() and texts[i] != texts[i].upper():
            return i, k + 1
        return None

    # -- 6b. definite descriptions -------------------------------------------------------------------
    def definite_descriptions(self) -> None:
        """"The official said", "secondo il dicastero": a definite noun phrase that refers back to the last
        person holding an office, or to the last ministry named, a few sentences before."""
        lex, lower = self.lex, self.lower
        for k in range(self.n):
            person = lower[k] in lex.official_nouns and self.evidence.pos.get(k, "NOUN") == "NOUN" \
                and not self._modified_after(k)
            if not (person or lower[k] in lex.ministry_nouns) or self.covered[k] is not None:
                continue
            i = self._description_start(k)
            while i is not None and i < k and self.covered[i] is not None:
                i += 1  # "the Pentagon official": the organisation keeps its own mention
            if i is None or not self.free(i, k + 1):
                continue
            state = next((lex.adjectives[self.texts[x]] for x in range(i, k) if self.texts[x] in lex.adjectives), None)
            ante = self._last_official(i, state) if person else self._last_ministry(i)
            if ante is not None:
                self.add(Mention(i, k + 1, ante.entity_id, ante.name, "PER" if person else "ORG", "coreference",
                                 "description-coreference", {"description": _join(self.toks, i, k + 1)}))

    def _modified_after(self, k: int) -> bool:
        """"il funzionario politico più alto del Pentagono", "the official in charge of": a description
        that goes on after its noun presents someone new, it does not refer back."""
        if k + 1 >= self.n:
            return False
        return self.evidence.pos.get(k + 1) == "ADJ" or self.lower[k + 1] in self.lex.of_words

    def _description_start(self, k: int) -> int | None:
        """The first word after the definite article of the noun phrase ending at ``k`` (up to two modifiers
        between: "the senior US official", "the Pentagon official"); None without a definite article."""
        lex, lower = self.lex, self.lower
        i = k
        for _ in range(3):
            d = self.prev_word(i)
            if d < 0:
                return None
            if lower[d] in lex.anaphor_articles:
                return i
            if i - d > 1 or not (lower[d] in lex.anaphor_modifiers or self.texts[d] in lex.adjectives
                                 or (self.texts[d][:1].isupper() and not _starts_sentence(self.toks, d))):
                return None
            i = d
        return None

    def _last_official(self, before: int, state: str | None) -> Mention | None:
        """The person last named before ``before``, within reach, if an office holder (of ``state`` when the
        description names one); None where the last one named is not, or where an unnamed one ("a senior
        official") was told of after him: the description is his."""
        last = max((m for m in self.mentions if m.label == "PER" and m.j <= before), key=lambda m: m.i, default=None)
        if last is None or before - last.j > ANAPHOR_REACH:
            return None
        lo = max(0, before - ANAPHOR_REACH)
        if any(self.lower[x] in self.lex.official_nouns and self.covered[x] is None for x in range(lo, before)):
            return None  # "a senior official said … the official added": the unnamed one
        if _inside_quote(self.texts, last, before):
            return None  # a person named inside a quotation is not whom the narrative goes on about
        known = not last.entity_id.startswith("x:")
        if not (last.attrs.get("role") or (known and self.kb.roles_at(last.entity_id, self.date))):
            return None
        if state and known and self.kb.affiliation(last.entity_id, self.date) != state:
            return None
        return last

    def _last_ministry(self, before: int) -> Mention | None:
        """The last ministry or department named before ``before``, within reach."""
        lex = self.lex
        for m in sorted((m for m in self.mentions if m.label == "ORG" and m.j <= before
                         and before - m.j <= ANAPHOR_REACH), key=lambda m: -m.i):
            if any(w in lex.ministry_words for w in tokens_of(m.name.lower())):
                return m
        return None

    # -- 7. state adjectives --------------------------------------------------------------------------
    def state_adjectives(self) -> None:
        kb = self.kb
        role_cover = {k for m in self.mentions if m.resolution in ("role", "coreference") for k in range(m.i, m.j)}
        for i in range(self.n):
            sid = self.lex.adjectives.get(self.texts[i])
            if sid and self.covered[i] is None and i not in role_cover and kb.get(sid):
                # a plural adjective right after its article is a noun, the state's people or side ("i russi
                # sottolineano", "secondo gli ucraini"): a mention of the state that may speak, no adjective
                how = "demonym" if i > 0 and self.lower[i - 1] in self.lex.demonym_articles \
                    and self.texts[i][-1:] in "ie" else "adjective"
                self.add(Mention(i, i + 1, sid, kb.get(sid).name, "GPE", how, how))

    def _just_before(self, description: tuple, person: Mention) -> bool:
        """A description that ends with a comma right before the name ("l'ambasciatore ucraino a Roma, X")."""
        k = person.i - 1
        return k >= 1 and self.texts[k] == "," and description[2] == self.toks[k - 1].end

    def _closed(self, end: int) -> bool:
        """A description ends where a comma, a stop, a bracket or a closing quotation mark follows it, or
        the text does: "Secondo Rossi, il presidente russo è convinto" goes on with the verb of another
        subject, no description of Rossi."""
        k = bisect.bisect_left(self._starts, end)
        return k >= self.n or self.texts[k][:1] in DESCRIPTION_ENDS

    def _office_after_comma(self, person: Mention) -> list[tuple[str, int, int, int]]:
        """Where the parse sets no description beside a name: an office phrase right after it and a comma
        (its determiner and modifiers between), the way "Il portavoce del Cremlino, Dmitry Peskov" has it
        before the name. [] if none."""
        if person.label != "PER" or person.resolution in ("role", "coreference") \
                or person.j >= self.n or self.texts[person.j] != ",":
            return []
        k = person.j + 1
        while k < self.n and (self.lower[k] in self.lex.determiners or (self.lower[k],) in self.lex.modifiers
                              or self.texts[k] in APOSTROPHES):
            k += 1
        office = next((m for m in self.mentions if m.i == k and m.label == "PER" and m.attrs.get("role")
                       and m.resolution in ("role", "coreference")), None)
        if office is None:
            return []
        a, b = self.toks[person.j + 1].start, self.toks[office.j - 1].end
        return [(" ".join(self.texts[person.j + 1:office.j]), a, b, self.toks[office.i].start)]

    def _described(self, person: Mention, text: str, a: int, b: int, head: int) -> None:
        """The description the parse sets beside a person's name ("Oleg Petrenko, portavoce del ministero
        degli Esteri ucraino", "Petro Kovalenko, the Ukrainian foreign ministry spokesman,"): an office
        phrase whose head word it is names him, not the office's holder at the date; the state or body it
        names is the side he speaks for (``of``, as a role phrase before the name gives it). News agencies
        and outlets are no side ("X, a Reuters correspondent")."""
        toks, kb = self.toks, self.kb
        inside = [m for m in self.mentions if m is not person and a <= toks[m.i].start and toks[m.j - 1].end <= b]
        unknown = person.entity_id.startswith("x:")
        if unknown:
            person.attrs.setdefault("apposition", text)
        for m in inside:
            if m.label == "PER" and m.attrs.get("role") and toks[m.i].start <= head < toks[m.j - 1].end \
                    and m.resolution in ("role", "coreference") and m.entity_id != person.entity_id:
                m.entity_id, m.name, m.resolution, m.rule = person.entity_id, person.name, "coreference", "role-apposition"
        private = self._private_in(person, a, b, head)
        if private:
            person.attrs.setdefault("private", private)
        if not unknown or "of" in person.attrs or private:
            return  # "X, a Russian military expert,": no side, whatever state the description names
        # "ambasciatore a Roma": where he serves, not whom for; "adviser to the Swedish defence ministry"
        # where nothing else is named
        for m in sorted(inside, key=lambda m: (self.locative(m.i), m.i)):
            if m.label == "GPE" and self.locative(m.i):
                continue
            of = m.attrs.get("of") if m.label == "PER" else m.entity_id if m.label in ("GPE", "ORG") else None
            e = kb.get(of) if of else None
            if e is not None and e.type in ("GPE", "ORG") \
                    and e.data.get("kind") not in ("agency", "outlet", "platform", "journalist"):
                person.attrs["of"] = of
                return

    def _private_in(self, person: Mention, a: int, b: int, head: int) -> str | None:
        """The private occupation whose head word is the head of the description a..b beside ``person`` ("X, a
        Russian military expert,", "X, politologo ucraino,"), where no office is named in it ("the Russian
        ambassador and former professor"); None otherwise."""
        lo, hi, h = (bisect.bisect_left(self._starts, x) for x in (a, b, head))
        for length in range(min(3, h - lo + 1), 0, -1):
            words = tuple(self.lower[h - length + 1:h + 1])
            if words in self.lex.private_occupations and not self._office_among(range(lo, hi)):
                return " ".join(words)
        # "X, a former Ukrainian defence minister,": the offices it names are all past ones
        offices, x = [], lo
        while x < hi:
            hit = _office_at(self.lex, self.lower, x) if self.lower[x] in self.lex.offices else None
            if hit:
                offices.append(x)
            x += len(hit[0]) if hit else 1
        formers = [self._former(x) for x in offices]
        return formers[0] if offices and all(formers) else None

    def _private_before(self, person: Mention) -> str | None:
        """The private occupation in the words right before a person's name that present him ("British analyst
        Piers Hadley", "l'analista russo X", "il politologo ucraino X"): an occupation, state adjectives and
        other modifiers, up to the article or a punctuation mark; None where an office is among them ("the
        Russian ambassador and former professor X") or there is no occupation."""
        lex, lower, texts = self.lex, self.lower, self.texts
        window, x = [], person.i - 1
        while x >= 0 and len(window) < 6 and texts[x][:1].isalpha() \
                and (lower[x] not in lex.determiners or lower[x] in lex.conjunctions) \
                and self.same_zone(x, person.i) \
                and (not texts[x][:1].isupper() or texts[x] in lex.adjectives
                     or any(lower[x] in p for p in lex.private_occupations)):
            window.insert(0, x)
            x -= 1
        if not window or self._office_among(window):
            return None
        found = [p for y in window if (p := _phrase_at(lower, y, lex.private_occupations)) and y + len(p) <= person.i]
        return " ".join(max(found, key=len)) if found else None

    def _office_among(self, indices) -> bool:
        """Whether an office or an official's noun ("diplomat", "funzionario") stands at one of ``indices``."""
        lex, lower = self.lex, self.lower
        return any((lower[x] in lex.offices and _office_at(lex, lower, x)
                    and _phrase_at(lower, x, lex.private_occupations) is None)
                   or lower[x] in lex.official_nouns for x in indices)

    def result(self) -> list[Mention]:
        for m in self.mentions:  # a person presented by a private occupation speaks for no side
            if m.label == "PER" and m.resolution not in ("role", "coreference"):
                private = self._private_before(m)
                if private:
                    m.attrs.setdefault("private", private)
        for m in list(self.mentions):  # who a person is, in the article's words
            found = [self.evidence.appositions[k] for k in range(m.i, m.j) if k in self.evidence.appositions] \
                if m.label == "PER" and m.resolution not in ("role", "coreference") else []
            found = [x for x in found if x[1] >= self.toks[m.j - 1].end or self._just_before(x, m)] \
                or self._office_after_comma(m)
            found = [x for x in found if self._closed(x[2])]
            if found:
                self._described(m, *found[0])
        self.mentions.sort(key=lambda m: (m.i, m.j))
        return self.mentions


def _one_type_per_person(names: list[tuple[int, int, str]], texts: list[str], lower: list[str],
                         lex: Lexicon) -> list[tuple[int, int, str]]:
    """The model's names with one type per person: a name the model calls a person somewhere in the document
    is that person where it calls it a place or an organisation ("la difesa di [Gelfand]", read as "di Roma"),
    unless an article stands before it there ("la Virginia", "la EFF": a place or a body takes one, a
    person's name seldom does) or it is written in capitals (an acronym)."""
    people = {tuple(texts[a:b]) for a, b, label in names if label == "PER"}
    people -= {tuple(texts[a:b]) for a, b, label in names if label != "PER" and a > 0
               and (lower[a - 1] in lex.articles or lower[a - 1] in lex.determiners)}
    people = {words for words in people if not all(w.isupper() or not w.isalpha() for w in words)}
    return [(a, b, "PER" if tuple(texts[a:b]) in people else label) for a, b, label in names]


def _body_of_state(kb, body: str, state: str) -> str | None:
    """``body`` where it is an organisation of the state ``state`` (its ``part_of`` chain reaches it)."""
    e, s = kb.get(body), kb.get(state)
    if e is None or s is None or e.type != "ORG" or s.type != "GPE":
        return None
    seen, up = {body}, e.part_of
    while up and up not in seen:
        if up == state:
            return body
        seen.add(up)
        parent = kb.get(up)
        up = parent.part_of if parent is not None else None
    return None


def _inside_quote(texts: list[str], m: "Mention", before: int) -> bool:
    """Whether mention ``m`` stands inside a quotation that closes before token ``before``: a closing curly
    mark comes after it before any opening one, or straight double quotes opened before it and not closed."""
    for t in texts[m.j:before]:
        if t in ("”", "»"):
            return True
        if t in ("“", "«"):
            return False
    opened = sum(t.count('"') for t in texts[max(0, m.i - QUOTE_REACH):m.i]) % 2 == 1
    return opened and any('"' in t for t in texts[m.j:before])


def _inside_longer_name(i: int, j: int, names: Ordered, toks: list[Tok], texts: list[str], lower: list[str],
                        lex: Lexicon, found: Ordered, pos_of: dict[int, str], body: bool = False) -> bool:
    """A known alias that is only part of a longer proper name the model proposes, where the rest is
    name-shaped (capitalised words, not a person's title, a role or a government: "Premier Meloni" and
    "Governo Meloni" stay Meloni; an organisation's type is part of its name: "Banca d'Italia") and no other
    known name shares the span ("Consiglio di sicurezza dell'Onu" keeps the UN). A capitalised word that
    the parse calls a common noun counts as part of the name inside a sentence ("della Banca d'Italia"),
    not at its start ("Ieri Putin")."""
    for a, b, label in names.overlapping(i, j):
        if a <= i and j <= b and (a, b) != (i, j):
            others = [k for k in list(range(a, i)) + list(range(j, b))]
            words = [k for k in others if texts[k][:1].isalpha()]
            if not words or any(not texts[k][:1].isupper() and lower[k] not in NAME_LINKS
                                and not _kind_of_place_opening(k, a, label, lower, lex) for k in words):
                return False
            if all(texts[k] in NAME_SUFFIXES for k in words):
                return False  # "Lloyd J. Austin [III]": the same person
            if any(lower[k] in lex.calendar or (pos_of.get(k, "PROPN") not in ("PROPN", "X")
                                                and _starts_sentence(toks, k)
                                                and not _kind_of_place_opening(k, a, label, lower, lex))
                   for k in words if lower[k] not in NAME_LINKS):  # "(provincia di Brescia)" is still a place
                return False  # "Mercoledì Putin", "Ieri Putin": a capital that is no name
            if any(lower[k] in lex.person_title_words or lower[k] in lex.offices or texts[k] in lex.adjectives
                   or lower[k] in lex.government_words for k in words):  # "Governo Meloni" is still Meloni's
                return False
            if body and any(lower[k] in lex.meeting_nouns for k in words):
                return False  # "the NATO Summit's declaration", "il Vertice Ue": the body's meeting, still the body
            if any(x[:2] != (i, j) and x[1] <= b for x in found.starting(a, b)):
                return False
            return not _same_person_spelled_otherwise(i, j, a, b, texts, lex, found.starting(a, b))
    return False


def _kind_of_place_opening(k: int, a: int, label: str, lower: list[str], lex: Lexicon) -> bool:
    """Word k opens a place's name the model proposes with a common noun of a kind of place ("[provincia] di
    Roma", "[via] Milano", "[quartiere] di Kreuzberg", ``place_nouns``): the name inside is not the city."""
    return k == a and label == "LOC" and lower[k] in lex.place_nouns


def _same_person_spelled_otherwise(i, j, a, b, texts, lex: Lexicon, found) -> bool:
    """A surname alias at the end of a longer name whose first name has the same initial as the known
    person's: a spelling the knowledge base lacks ("Dmitrij Peskov"), not someone else ("Ed Harris")."""
    if j != b:
        return False
    for x in found:
        if x[:2] == (i, j):
            e = lex.kb.get(x[2])
            if e is not None and e.type == "PER" and len(e.name.split()) > 1 \
                    and e.name.split()[-1] == texts[j - 1] and e.name[:1] == texts[a][:1]:
                return True
    return False


def _known_in_other_case(lex: Lexicon, words: list[str]):
    """The knowledge-base entity a name written in capitals, in lower case or, for names of two words or
    more, in another mix of cases ("Alleanza atlantica") stands for, if one alone."""
    ids: list[str] | set[str] = []
    if all(w.isupper() or not w[:1].isalpha() for w in words) or all(w.islower() for w in words):
        ids = list(dict.fromkeys(lex_ids(lex, [w if not w[:1].isalpha() else w.title() for w in words])))
    if not ids and len(words) > 1:
        ids = lex.folded.get(tuple(w.casefold() for w in words), set())
    return lex.kb.get(next(iter(ids))) if len(ids) == 1 else None


def _trim_name(toks: list[Tok], texts: list[str], lower: list[str], lex: Lexicon, i: int, j: int) -> tuple[int, int]:
    """Drop articles, apostrophes and titles the model left at the edges ("Il Cremlino", "l'"); a
    capitalised article inside a sentence is part of the name ("ad Al Qaeda", "su La Stampa")."""
    while i < j and (((lower[i] in lex.articles or lower[i] in lex.determiners)
                      and (texts[i][:1].islower() or _starts_sentence(toks, i) or j - i < 2))
                     or texts[i] in APOSTROPHES or not texts[i][:1].isalnum()):
        i += 1
    while j > i and not texts[j - 1][:1].isalnum() and not _mark_of_name(toks, texts, j - 1):
        j -= 1
    if j - i > 2 and texts[j - 1] == "s" and texts[j - 2] in APOSTROPHES:
        j -= 2  # "Radio 4’s": the possessive is not part of the name
    return i, j


def _mark_of_name(toks: list[Tok], texts: list[str], k: int) -> bool:
    """An exclamation mark glued to the name's last word that ends no sentence (a lower-case word or a comma
    follows): part of the name ("il portale Yahoo! ha chiuso")."""
    return texts[k] == "!" and k > 0 and toks[k - 1].end == toks[k].start and texts[k - 1][:1].isalnum() \
        and k + 1 < len(toks) and (texts[k + 1][:1].islower() or texts[k + 1] == ",")


def _in_capitals(word: str) -> bool:
    """A word of two letters or more written all in capitals."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _joined(toks: list[Tok], i: int, j: int) -> bool:
    """Tokens i..j are hyphened to a word before or after them ("pro-Stortoni"), or a capitalised word
    follows them (a longer name: "Black Lives Matter Plaza")."""
    before = i > 0 and toks[i - 1].end == toks[i].start and toks[i - 1].text in HYPHENS
    after = j < len(toks) and (toks[j].start == toks[j - 1].end and toks[j].text in HYPHENS
                               or CAPITALISED.match(toks[j].text) is not None)
    return before or after


def _starts_sentence(toks: list[Tok], k: int) -> bool:
    return k == 0 or toks[k - 1].zone != toks[k].zone or toks[k - 1].text in SENTENCE_OPENERS


def _place_with_generic_head(texts: list[str], lex: Lexicon, i: int, j: int, label: str) -> bool:
    """A place or body the model names with a common-noun head and a proper name ("via Gradoli", "piazza
    Tienanmen", "tunnel della Manica"): a name, though it starts in lower case. A state adjective alone
    ("governo cinese") is not: that stays a mention of the state."""
    return label in ("LOC", "ORG") and j - i <= 6 and texts[i][:1].islower() and texts[i].isalpha() \
        and texts[i].lower() not in lex.calendar and texts[i].lower() not in lex.title_words \
        and any(CAPITALISED.match(t) and t not in lex.adjectives for t in texts[i + 1:j])


def _name_shaped(texts: list[str], i: int, j: int) -> bool:
    """Starts with a capital, not too long, and more than one letter."""
    return texts[i][:1].isupper() and j - i <= 8 and len("".join(texts[i:j])) > 1


def _nearest_event(kb, ids: list[str], date: str | None) -> str:
    """Of several events with one name, the last one held by the document's date."""
    dated = sorted(ids, key=lambda x: str(kb.get(x).data.get("date") or ""))
    before = [x for x in dated if date and str(kb.get(x).data.get("date") or "")[:len(date)] <= date]
    return (before or dated)[-1]


def lex_ids(lex: Lexicon, words: list[str]) -> list[str]:
    key = tuple(words)
    ids = [eid for cand, eid, _ in lex.names.get(words[0], ()) if cand == key]
    low = tuple(w.lower() for w in words)
    return ids + [eid for cand, eid, _ in lex.events.get(low[0], ()) if cand == low and eid not in ids]


def _titles_at(lex: Lexicon, lower: list[str], i: int):
    out = []
    for phrase in lex.person_titles:
        if tuple(lower[i:i + len(phrase)]) == phrase:
            out.append((phrase, "PER"))
    for phrase in lex.org_titles:
        if tuple(lower[i:i + len(phrase)]) == phrase:
            out.append((phrase, "ORG"))
    return sorted(out, key=lambda x: -len(x[0]))


def _phrase_at(lower: list[str], k: int, phrases) -> tuple[str, ...] | None:
    """The longest of ``phrases`` (token tuples) that starts at token k, or None."""
    return max((p for p in phrases if tuple(lower[k:k + len(p)]) == p), key=len, default=None)


def _state_of_body(lex: Lexicon, texts: list[str], lower: list[str], i: int, j: int) -> str | None:
    """The state a body of state names with its adjective ("Turkish Foreign Ministry", "ministero degli
    Esteri cinese"): what it speaks for. A party or a company named after a state is not the state."""
    if not any(lower[k] in lex.state_body_words for k in range(i, j)):
        return None
    return next((lex.adjectives[texts[k]] for k in range(i, j) if texts[k] in lex.adjectives), None)


def _office_words(lex: Lexicon, lower: list[str]) -> set[int]:
    """Indices of the tokens inside an office phrase ("secretary of state", "segretario di stato")."""
    out: set[int] = set()
    for i in range(len(lower)):
        hit = _office_at(lex, lower, i) if lower[i] in lex.offices else None
        if hit:
            out.update(range(i, i + len(hit[0])))
    return out


def _surnames_named_in_full(mentions: list[Mention]) -> set[str]:
    """The surnames of the people named in full so far, as the knowledge base and as the article spell them."""
    out = {_surname(m.name) for m in mentions if m.label == "PER" and m.j - m.i > 1 and " " in m.name}
    return out | {_surname(m.attrs["spelt"]) for m in mentions
                  if m.label == "PER" and m.j - m.i > 1 and " " in (m.attrs.get("spelt") or "")}


def _known_but_misspelt(lex: Lexicon, words: list[str]):
    """The one known person whose alias has these first names and a surname one typo away."""
    if len(words) < 2:
        return None
    found = {pid for cand, pid, _ in lex.names.get(words[0], ())
             if len(cand) == len(words) and list(cand[:-1]) == words[:-1] and _misspelt(words[-1], (cand[-1],))}
    e = lex.kb.get(found.pop()) if len(found) == 1 else None
    return e if e is not None and e.type == "PER" else None


def _misspelt(word: str, surnames) -> bool:
    """One typo of news (a letter dropped, added, or two swapped, an accent, a vowel for a vowel: ``_one_edit``)
    from one of ``surnames``, same initial, the surname six letters or more (the word may have dropped one): a
    typo, not another person's name."""
    return len(word) >= 5 and any(len(s) >= 6 and s[0] == word[0] and s != word and _one_edit(word, s)
                                  for s in surnames)


def _gender(kb, entity_id: str) -> str | None:
    """'f' for a woman the knowledge base marks so, 'm' for another person it knows, else None."""
    e = kb.get(entity_id)
    if e is None or e.type != "PER":
        return None
    return "f" if e.data.get("gender") == "f" else "m"


def _transliterated(lex: Lexicon, word: str, surnames) -> bool:
    """Another spelling of one of ``surnames`` under the language's transliteration keys ("Sibiga" for
    Sybiha, "Umierov" for Umerov): four letters or more, not the same word."""
    if len(word) < 4 or word.isupper() or not word[:1].isupper():
        return False  # "KULEBA" in a transcript is the name in capitals (``_known_in_other_case``)
    key, folded = lex.variants.key(word), plain(word).casefold()
    return any(len(s) >= 4 and plain(s).casefold() != folded and lex.variants.key(s) == key for s in surnames)


def _one_edit(a: str, b: str) -> bool:
    """One typo of news apart (``NameVariants.one_typo``: not one consonant for another)."""
    return name_variants().one_typo(a, b)


def _surname(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in NAME_SUFFIXES:
        words.pop()
    return words[-1]


def _office_at(lex: Lexicon, lower: list[str], i: int):
    for phrase, roles, of, head in lex.offices.get(lower[i], ()) if i < len(lower) else ():
        if tuple(lower[i:i + len(phrase)]) == phrase:
            return phrase, roles, of, head
    return None


def _longest(*hits):
    return max((h for h in hits if h), key=lambda h: len(h[0]), default=None)


def _office_around_adjective(lex: Lexicon, texts: list[str], lower: list[str], i: int):
    """An office phrase with a state's adjective inside it, as English writes it ("the head of the Ukrainian
    state", "the head of the Russian delegation"): the phrase as written, its `of` the adjective's state."""
    for phrase, roles, of, head in lex.offices.get(lower[i], ()) if i < len(lower) else ():
        for k in range(i + 1, min(i + len(phrase), len(texts))):
            if texts[k] in lex.adjectives and tuple(lower[i:k] + lower[k + 1:i + len(phrase) + 1]) == phrase:
                return tuple(lower[i:i + len(phrase) + 1]), roles, of or lex.adjectives[texts[k]], head
    return None


def _skip_modifiers(lex: Lexicon, lower: list[str], k: int) -> int:
    moved = True
    while moved:
        moved = False
        for p in lex.modifiers:
            if tuple(lower[k:k + len(p)]) == p:
                k += len(p)
                moved = True
                break
    return k


def _name_end(texts: list[str], k: int, allow_caps: bool) -> int:
    """End of a capitalised name starting at k (k if there is none)."""
    n = len(texts)
    j = k
    while j < n and j - k < MAX_NAME:
        t = texts[j]
        if CAPITALISED.match(t) and (allow_caps or not (t.isupper() and len(t) > 1) or j > k):
            j += 1
        elif j > k and t in HYPHENS and j + 1 < n and CAPITALISED.match(texts[j + 1]):  # Jean-Pierre
            j += 1
        elif j > k and t.lower() in PARTICLES and j + 1 < n and CAPITALISED.match(texts[j + 1]):
            j += 1
        else:
            break
    while j > k and texts[j - 1].lower() in PARTICLES:
        j -= 1
    return j


def _known_start(lex: Lexicon, texts: list[str], k: int) -> bool:
    """A known name starts at token k; not an alias its person answers to only after his full name ("Zhang"
    of "Zhang Jun") where another capitalised word follows it ("Zhang Wei")."""
    if k >= len(texts) or texts[k] not in lex.names:
        return False
    for c, eid, alias in lex.names[texts[k]]:
        if tuple(texts[k:k + len(c)]) != c:
            continue
        e = lex.kb.get(eid)
        if e is not None and alias in (e.data.get("only_with_full_name") or []) \
                and k + len(c) < len(texts) and CAPITALISED.match(texts[k + len(c)]):
            continue
        return True
    return False


def _join(toks: list[Tok], i: int, j: int) -> str:
    out = toks[i].text
    for a, b in zip(toks[i:j], toks[i + 1:j]):
        out += (" " if b.start > a.end else "") + b.text
    return out


def _of_after(lex, kb, texts, lower, covered, mentions, j: int, date):
    """The state or organisation given after an office: adjective or "of/del/della X"."""
    n = len(texts)
    k = _skip_modifiers(lex, lower, j)
    if k < n and texts[k] in lex.adjectives:
        return lex.adjectives[texts[k]], k + 1, "adjective"
    if k < n and covered[k] is not None and _short_form_after(texts[k], mentions[covered[k]], k):
        m = mentions[covered[k]]  # "il presidente Usa", "il segretario Nato", "l'inviato Onu"
        return m.entity_id, m.j, "short-form"
    if k < n and lower[k] in lex.of_words:
        k2 = k + 1
        while k2 < n and (texts[k2] in APOSTROPHES or lower[k2] == "the"):
            k2 += 1
        if k2 < n and covered[k2] is not None:
            m = mentions[covered[k2]]
            if m.i == k2:
                of = m.entity_id if m.label != "PER" else kb.affiliation(m.entity_id, date)
                end = m.j
                if end < n and texts[end] in lex.adjectives:  # "del ministero degli Esteri russo"
                    end += 1
                return of, end, "of"
    return None, j, ""


def _short_form_after(word: str, m: Mention, k: int) -> bool:
    """A state's or organisation's short name right after an office, as Italian writes it for "of":
    an acronym or a name of four letters at most ("Usa", "Ue", "Nato", "Onu")."""
    return m.i == k and m.j == k + 1 and m.label in ("GPE", "ORG") and word[:1].isupper() \
        and (word.isupper() or len(word) <= 4)


def _of_before(lex, kb, texts, lower, covered, mentions, i: int, date):
    """English premodifier: "Russian President", "Kremlin spokesman", "Russia's foreign minister", and a
    person's possessive for the state he speaks for ("Putin's spokesman")."""
    k = i - 1
    while k >= 0 and lower[k] in {p[0] for p in lex.modifiers if len(p) == 1}:
        k -= 1
    possessive = k >= 1 and texts[k] in ("s",) and texts[k - 1] in APOSTROPHES
    if possessive:
        k -= 2
    if k < 0:
        return None, "", i
    if covered[k] is not None:
        m = mentions[covered[k]]
        if m.j == k + 1 and m.label in ("GPE", "ORG"):
            return m.entity_id, "premodifier", m.i
        if m.j == k + 1 and m.label == "PER" and possessive and kb.affiliation(m.entity_id, date):
            return kb.affiliation(m.entity_id, date), "possessive", m.i
    if texts[k] in lex.adjectives and texts[k][:1].isupper():
        return lex.adjectives[texts[k]], "adjective", k
    return None, "", i


def _state_before(lex, texts, covered, mentions, i: int):
    """A state's possessive or adjective right before token ``i`` ("China's", "Chinese"), as
    _of_before returns it, or None."""
    k = i - 1
    if k >= 2 and texts[k] == "s" and texts[k - 1] in APOSTROPHES and covered[k - 2] is not None:
        m = mentions[covered[k - 2]]
        if m.j == k - 1 and m.label == "GPE":
            return m.entity_id, "possessive", m.i
    if k >= 0 and texts[k] in lex.adjectives and texts[k][:1].isupper():
        return lex.adjectives[texts[k]], "adjective", k
    return None


def _last_person(mentions: list[Mention], before: int, roles=None, kb=None, date=None, feminine=False,
                 texts: list[str] | None = None):
    """The person last named before ``before`` (holding one of ``roles`` when given; a woman when the
    role phrase says so grammatically: "la premier"), not one named only inside a quotation that closed
    before it (with ``texts``: "… what the Prime Minister said,” … the minister added")."""
    for m in sorted((m for m in mentions if m.label == "PER" and m.j <= before), key=lambda m: -m.i):
        if feminine and kb is not None:
            e = kb.get(m.entity_id)
            if e is None or e.data.get("gender") != "f":
                continue
        if roles is not None and m.attrs.get("role") not in roles \
                and not (kb is not None and any(r.role in roles for r in kb.roles_at(m.entity_id, date))):
            continue
        # last, as it reads the tokens up to ``before``: only for the one who would be taken
        if texts is None or not _inside_quote(texts, m, before):
            return m
    return None
