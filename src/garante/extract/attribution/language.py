"""The language data of the rule-based statements: reporting verbs in every tense, the words and the quotation
marks of one language (``data/lang/<code>/statements.yaml``), read once per language."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ... import lang as langdata


@dataclass
class Lexicon:
    code: str
    verb: re.Pattern
    forms: dict[str, tuple[str, str, str]]  # form -> (lemma, tense: present|past|participle|gerund, speech|act)
    aux: tuple[str, ...]
    passive_aux: tuple[str, ...]
    adverbs: frozenset[str]
    function_words: frozenset[str]
    audiences: frozenset[str]
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    qa_questions: frozenset[str]
    qa_answers: frozenset[str]
    reporter_roles: frozenset[str]
    conjunctions: frozenset[str]
    prepositions: frozenset[str]
    quote_only: frozenset[str]
    participles: frozenset[str]
    base_after: tuple[str, ...]
    initial_participle: bool
    opening: str
    closing: str
    either: str
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)
    plural_pronouns: frozenset[str] = frozenset()  # "they", "loro": a group, never one person
    title_statements: bool = False  # a page title "X: «…»" / "X: …" is a statement (statements.yaml)
    genitive: frozenset[str] = frozenset()  # prepositions that tie a name to the noun before ("del Pentagono")
    complement: frozenset[str] = frozenset()  # prepositions of place, addressee, company ("al Senato", "ad Axios")
    agent: frozenset[str] = frozenset()  # prepositions of a passive's agent ("pubblicata da NBC", "citato dalla Tass")
    # complements set aside before the cue too ("X, nel corso di un punto stampa al Senato, ha sottolineato"); False
    # where the subject stands right before its verb and a complement there may name a source ("in his meeting
    # with X, he was assured")
    complement_before_cue: bool = True
    articles: frozenset[str] = frozenset()  # articles that may stand between a preposition and its name
    resumptive: frozenset[str] = frozenset()  # "Il quale ha affermato": the person named last
    addressee_verbs: frozenset[str] = frozenset()  # "told reporters", "informed the Commons": an object is no content
    zero_complementizer: bool = False  # "said Kyiv needs to …": a clause may follow a verb of saying with no "that"
    apposition_openers: frozenset[str] = frozenset()  # "…, said X, a professor at Y": what follows a tag
    headline_sources: frozenset[str] = frozenset()  # "Poll: …", "New Report: …": a label that names no one speaks
    apposition_heads: frozenset[str] = frozenset()  # "…, said X, director of Y": a title with no article
    topic_prepositions: frozenset[str] = frozenset()  # "X said of Cruz": whom the words were about, no speaker
    # verbs of saying whose object, whatever its noun, is what they say ("ha annunciato lo stop alle forniture")
    object_speech: frozenset[str] = frozenset()
    # clitics that stand only before a verb, never an article: after a source they open its clause ("Secondo X si
    # dovrebbe …", "ci vorrebbe …"); the adverbs list holds them for the words between an auxiliary and its participle
    proclitics: frozenset[str] = frozenset()
    # the definite articles a body or a state named as the source of "secondo" may have alone before it ("secondo il
    # Cremlino …"); not the general ``articles``, which entity and speaker picking read
    source_articles: frozenset[str] = frozenset()
    phrase_before_quote: bool = False  # "said the “loose talk” …": the article before a quotation opens the content
    # the straight mark ' also sets off quotations ('…'), told from the apostrophe by single_marks (quotes.py)
    straight_single: bool = False
    # headings capitalise their words ("‘All Bets Are Off.’"): a paragraph that is one short quotation so written
    # is a section's heading, not the last speaker going on (statements.yaml title_case_heads)
    title_case_heads: bool = False

    def form_of(self, m: re.Match | None) -> tuple[str, str, str]:
        """(lemma, tense, speech|act) of a match of ``verb`` (its words' spacing evened out); empty strings for
        no match or a form the table lacks."""
        if m is None:
            return "", "", ""
        return self.forms.get(re.sub(r"\s+", " ", m.group(0).lower()), ("", "", ""))

    def first(self, key: str, text: str, pos: int = 0, endpos: int | None = None):
        best = None
        for p in self.patterns.get(key, []):
            m = p.search(text, pos, len(text) if endpos is None else endpos)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def match(self, key: str, text: str, pos: int = 0, endpos: int | None = None):
        for p in self.patterns.get(key, []):
            m = p.match(text, pos, len(text) if endpos is None else endpos)
            if m:
                return m
        return None


def _regular_forms(lemma: str, table: dict[str, dict[str, list[str]]], klass: str | None) -> dict[str, list[str]]:
    if "regular" in table:  # English-like: suffixes on the infinitive
        out: dict[str, list[str]] = {}
        for tense, suffixes in table["regular"].items():
            forms = []
            for suf in suffixes:
                if suf == "s":
                    forms.append(lemma + ("es" if re.search(r"(?:s|sh|ch|x|z|o)$", lemma) else "s"))
                elif suf == "ed":
                    forms.append(lemma + ("d" if lemma.endswith("e") else "ed"))
                elif suf == "ing":
                    forms.append((lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma) + "ing")
                else:
                    forms.append(lemma + suf)
            out[tense] = forms
        return out
    klass = klass or lemma[-3:]
    if klass not in table:
        return {}
    stem = lemma[:-3]
    out = {}
    for tense, suffixes in table[klass].items():
        forms = []
        for suf in suffixes:
            s = stem
            if klass == "are" and suf.startswith("e"):
                if s.endswith(("ci", "gi")):
                    s = s[:-1]  # annunciare → annuncerà
                elif s.endswith(("c", "g")):
                    s += "h"  # criticare → criticherà
            forms.append(s + suf)
        out[tense] = forms
    return out


def words_alternation(words) -> str:
    """Words (a set) as one regex alternation, escaped, longest first and then alphabetical: the same pattern
    whatever the order a set gives them in (it changes with the hash seed), and a longer word tried before
    a shorter one it begins with."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _trie_pattern(words) -> str:
    """One regular expression for many words, as a trie ("ha(?:nno)?…"): the engine follows one branch
    instead of trying a thousand alternatives at every position; longer words are tried first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + pattern(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer ones first, then this one
            return "(?:" + body + ")?"
        return body
    return pattern(trie)


@lru_cache(maxsize=None)
def lexicon(code: str | None) -> Lexicon:
    """The rules' Lexicon of a language (``statements.yaml``; English where the language has none)."""
    data = langdata.topic(code, "statements") or langdata.topic("en", "statements")
    code = (code or "en")[:2]
    forms, all_forms = _verb_forms(data)
    verb = re.compile(r"(?<![\w'’])(?:" + _trie_pattern(forms) + r")(?![\w])", re.IGNORECASE)
    q = data.get("quotes") or {}
    words = _word_sets(data)
    lex = Lexicon(
        code=code, verb=verb, forms=forms,
        aux=tuple(str(a).lower() for a in data.get("auxiliaries") or []),
        passive_aux=tuple(str(a).lower() for a in data.get("passive_auxiliaries") or []),
        **words,
        initial_participle=bool(data.get("sentence_initial_past_is_participle")),
        title_statements=bool(data.get("title_statements")),
        complement_before_cue=bool(data.get("complement_before_cue", True)),
        zero_complementizer=bool(data.get("zero_complementizer")),
        phrase_before_quote=bool(data.get("phrase_before_quote")),
        base_after=tuple(str(a).lower() for a in data.get("base_form_after") or []),
        participles=frozenset(f for lemma in all_forms for f in all_forms[lemma].get("participle") or []),
        opening="".join(q.get("open") or "“«"), closing="".join(q.get("close") or "”»"),
        either="".join(q.get("either") or '"'),
        straight_single=bool(q.get("straight_single")),
        title_case_heads=bool(data.get("title_case_heads")),
    )
    lex.patterns["office"] = _office_pattern(code)
    _add_patterns(lex, data)
    return lex


def _verb_forms(data: dict) -> tuple[dict[str, tuple[str, str, str]], dict[str, dict[str, list[str]]]]:
    """Each form of the language's verbs of saying and acts: form -> (lemma, tense, category), and each
    verb's table of forms by tense."""
    forms: dict[str, tuple[str, str, str]] = {}
    irregular = data.get("irregular") or {}
    classes = data.get("classes") or {}
    all_forms: dict[str, dict[str, list[str]]] = {}
    for category, key in (("speech", "speech_verbs"), ("act", "act_verbs"), ("act", "quote_only_verbs")):
        for lemma in data.get(key) or []:
            table = irregular.get(lemma) or _regular_forms(lemma, data.get("conjugation") or {}, classes.get(lemma))
            all_forms[lemma] = table
            for tense, fs in table.items():
                for f in fs or []:
                    forms.setdefault(f.lower(), (lemma, tense, category))
    if data.get("base_form_after"):
        for lemma, table in all_forms.items():
            if lemma.isalpha():
                forms.setdefault(lemma, (lemma, "base", "speech" if lemma in (data.get("speech_verbs") or []) else "act"))
    return forms, all_forms


def _lower_set(data: dict, key: str) -> frozenset[str]:
    """The words of a list in the language's data, lower-cased."""
    return frozenset(str(a).lower() for a in data.get(key) or [])


# the Lexicon's word sets and the list of the language's data each one reads
_WORD_SETS = {
    "adverbs": "adverbs", "audiences": "audiences", "pronouns": "pronouns", "plural_pronouns": "plural_pronouns",
    "relative_pronouns": "relative_pronouns", "conjunctions": "conjunctions", "reporter_roles": "reporter_roles",
    "prepositions": "prepositions", "quote_only": "quote_only_verbs", "genitive": "genitive_prepositions",
    "complement": "complement_prepositions", "agent": "agent_prepositions", "articles": "articles",
    "resumptive": "resumptive_pronouns", "addressee_verbs": "addressee_verbs",
    "apposition_openers": "apposition_openers", "apposition_heads": "apposition_heads",
    "topic_prepositions": "topic_prepositions", "headline_sources": "headline_sources",
    "object_speech": "object_speech_verbs", "proclitics": "proclitics", "source_articles": "source_articles",
}


def _word_sets(data: dict) -> dict[str, frozenset[str]]:
    """The Lexicon's word sets, lower-cased: each list of ``_WORD_SETS``, the function words (with the
    audiences) and the interview labels."""
    words = {field: _lower_set(data, key) for field, key in _WORD_SETS.items()}
    words["function_words"] = frozenset(str(a).lower() for a in (data.get("function_words") or [])
                                        + (data.get("audiences") or []))
    labels = data.get("interview_labels") or {}
    words["qa_questions"] = frozenset(str(a).lower() for a in labels.get("question") or [])
    words["qa_answers"] = frozenset(str(a).lower() for a in labels.get("answer") or [])
    return words


def _office_pattern(code: str) -> list[re.Pattern]:
    """An office or occupation (roles.yaml ``offices`` and ``private_occupations``, whole words): a title set off
    by commas before the name of a trailing tag's speaker ("“…,” the foreign minister, X, said")."""
    roles = langdata.topic(code, "roles") or {}
    offices = {str(o["phrase"]).lower() for o in roles.get("offices") or [] if o.get("phrase")}
    offices |= {str(x).lower() for x in roles.get("private_occupations") or []}
    return [re.compile(r"(?<![\w'’])(?:" + _trie_pattern(offices) + r")(?![\w'’-])", re.IGNORECASE)] \
        if offices else []


def _add_patterns(lex: Lexicon, data: dict) -> None:
    """Adds to ``lex.patterns`` the language's patterns (lists of them, and single ones) and the patterns made
    from its word lists."""
    for key in ("according_to", "according_pronoun", "according_person", "relative_according", "cited_by", "backward_cues",
                "backward_subject_cues", "channel", "clause_joiners",
                "relative_clause", "interview", "source_before_colon", "noun_colon"):
        lex.patterns[key] = [re.compile(p, re.IGNORECASE) for p in data.get(key) or []]
    for key in ("gerund_complement", "complementizer", "how_complementizer", "noun_before_infinitive",
                "coordinated_complement", "passive_agent", "bare_conjunction",
                "addressee", "adjunct_after_speaker", "speech_object", "definite_object", "predicative", "described_speaker", "held_role",
                "quoted_predicate", "reduced_passive", "backward_continuation", "quote_only_object"):
        lex.patterns[key] = [re.compile(data[key], re.IGNORECASE)] if data.get(key) else []
    # a conjunction that ends a stretch of text ("X ha affermato che … e ha ribadito"): a second verb joined
    lex.patterns["trailing_conjunction"] = [re.compile(r"\s(?:" + words_alternation(lex.conjunctions) + r")\s+$",
                                                       re.IGNORECASE)]
    if data.get("complementizer"):
        lex.patterns["complementizer_next"] = [re.compile(r"\s*,?\s*(?:" + data["complementizer"] + ")", re.IGNORECASE)]
