"""Features of one statement for the learned stance model (``stance_model.py``).

For each codebook issue a statement gets two sets of named features:

- *about*: whether the statement speaks to the issue at all: what the rules found for it (stance, rule,
  where the cue was), codebook cues of the issue in the content and around it, and the content's words
  (lemmas where the document has tokens, else word stems) joined with the issue's id;
- *side*: which side it takes, given that it does: the rules' stance, the language's stance cue classes
  found in the content, and from the parse (``Document.tokens``) the clause structure around the issue's
  cue: a negated or modal main predicate, a negation inside a purpose or relative clause (not the
  speaker's), a rejection verb governing the cue, the cue inside an if-clause, conditional mood.

Without tokens (a language with no parser) the parse features are simply absent. Feature names are
language-neutral where they can be (UD relations, cue classes), so Italian and English data train one
model.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document, Stance, Statement
from .pattern_anchors import narrowed

_WORD = re.compile(r"[^\W\d_]{3,}")
# function words carry no topic: kept out of the bag of words (the parse's UPOS does this where present)
_STOP = frozenset("""the and that this with from for are was were has have had will would not but its their they
which who what said says also been being into than then there these those our your his her she him them
che non per con una uno del della delle degli dei nel nella sono stato stata anche come più alla alle allo
agli sul sulla suoi sue loro essere viene hanno aveva questo questa questi queste quello quella dopo
""".split())
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
_NEG_LEMMAS = frozenset({"non", "not", "never", "mai", "no", "n't", "nessuno", "neppure", "nemmeno", "neanche"})
_MODAL_LEMMAS = frozenset({"potere", "dovere", "volere", "can", "could", "must", "should", "may", "might",
                           "will", "would", "shall"})
_IF_MARKS = frozenset({"se", "if", "unless", "qualora", "purché", "provided", "once", "until", "finché"})
# a purpose clause names an aim ("so that Russia does not win", "per garantire"): its negation is the aim's
_PURPOSE_MARKS = frozenset({"affinché", "perché", "per", "so", "to", "in order", "order"})
# clauses whose negation is not the main predicate's: purpose, relative, adverbial
_SUBORDINATE = frozenset({"advcl", "acl", "acl:relcl", "csubj"})
_REJECT_LEMMAS = frozenset({"respingere", "rifiutare", "escludere", "rigettare", "condannare", "opporre",
                            "reject", "refuse", "oppose", "rule", "dismiss", "condemn", "deny", "veto",
                            "rifiuto", "opposizione", "rejection", "refusal", "opposition", "no"})
_STANCE_CLASSES = ("negation", "rejection", "threat", "condition", "litotes", "support", "neutral",
                   "question_no", "question_yes", "without", "renounce", "negated_copula")


@dataclass
class StatementView:
    """What the features of one statement are computed from."""
    doc: Document
    statement: Statement
    window: tuple[int, int]  # the statement's sentences (content plus reporting clause)
    lang: str
    rules: list[Stance] = field(default_factory=list)
    topics: "DocTopics | None" = None
    codebook: object = None
    cues: dict | None = None  # issue_cues(), once
    candidates: list | None = None  # the codebook's cues that may match in the window (stances.window_cues)
    pointer: bool = False  # the content has a word pointing back ("this plan"): set by statement_features


@dataclass
class DocTopics:
    """What the whole document is about, for statements that name no issue themselves ("we are ready to
    do our part" in an article on the reassurance force): codebook cue counts per issue, and the issues
    the rules gave each statement (its neighbours' issues)."""
    cue_counts: dict[str, int]
    by_statement: list[tuple[int, set[str]]]  # (content_start, issues), in text order

    def top(self) -> str | None:
        # ties go to the issue named first in alphabetical order: never to a set's (hash-seeded) order
        return max(sorted(self.cue_counts), key=self.cue_counts.get) if self.cue_counts else None

    def near(self, start: int, reach: int = 2) -> set[str]:
        """Issues of the statements up to ``reach`` before and after the one starting at ``start``."""
        # by bisection (the rows are in text order): a scan per statement was quadratic in its length
        i = bisect.bisect_left(self.by_statement, start, key=lambda row: row[0])
        i = i if i < len(self.by_statement) and self.by_statement[i][0] == start else 0
        out: set[str] = set()
        for _, issues in self.by_statement[max(0, i - reach):i] + self.by_statement[i + 1:i + 1 + reach]:
            out |= issues
        return out


def doc_topics(views: list[StatementView], codebook) -> DocTopics:
    """Counted once per document over its statements' sentences (where the debate is), before the
    model changes any statement's stances; sets each view's ``topics``."""
    hits: set[tuple[str, int]] = set()
    for view in views:
        for issue, found in issue_cues(view, codebook).items():
            hits |= {(issue, start) for start, _, _ in found}
    counts: dict[str, int] = {}
    for issue, _ in sorted(hits):
        counts[issue] = counts.get(issue, 0) + 1
    rows = sorted((v.statement.content_start, {x.issue for x in v.rules}) for v in views)
    topics = DocTopics(counts, rows)
    for view in views:
        view.topics = topics
    return topics


_LEXICONS: dict[tuple[int, str], frozenset[str]] = {}


def issue_lexicon(codebook, issue: str) -> frozenset[str]:
    """Stems of the words an issue is described with: proposition, description, examples, and the
    literal words of its cue patterns in every language."""
    key = (id(codebook), issue)
    if key not in _LEXICONS:
        it = codebook.issues[issue]
        texts = [it.proposition or "", it.description or ""] + [e.get("text", "") for e in it.examples]
        for kind in ("cues", "weak_cues"):
            for pats in (it.data.get(kind) or {}).values():
                texts += [re.sub(r"\\\w|\(\?[:!<=]+", " ", p) for p in pats]
        _LEXICONS[key] = frozenset(_fold(w)[:6] for t in texts for w in _WORD.findall(t) if _fold(w) not in _STOP)
    return _LEXICONS[key]


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in w if not unicodedata.combining(c))


def words(view: StatementView, start: int, end: int) -> list[str]:
    """The content words of a span: lemmas from the parse, else folded stems of six letters."""
    toks = view.doc.tokens_in(start, end) if view.doc.tokens else []
    if toks:
        return [_fold(t.lemma) for t in toks if t.pos in _CONTENT_POS and len(t.lemma) > 2
                and _fold(t.lemma) not in _STOP]
    return [_fold(w)[:6] for w in _WORD.findall(view.doc.text, start, end) if _fold(w) not in _STOP]


def issue_cues(view: StatementView, codebook) -> dict[str, list[tuple[int, int, str]]]:
    """Every codebook cue match in the window, by issue: (start, end, kind); found once per view."""
    if view.cues is not None:
        return view.cues
    out: dict[str, list[tuple[int, int, str]]] = {}
    a, b = view.window
    if view.candidates is None:
        from .stances import window_cues  # (stances imports this module lazily)
        view.candidates = window_cues(codebook, view.lang, view.doc.text[a:b])
    for cue in view.candidates:
        if not cue.issue:
            continue
        for m in cue.pattern.finditer(view.doc.text, a, b):
            if m.end() > m.start():
                out.setdefault(cue.issue, []).append((m.start(), m.end(), cue.kind))
    view.cues = out
    return out


def about_features(view: StatementView, issue: str, cues: list[tuple[int, int, str]],
                   bag: list[str], shared: "_Shared | None" = None) -> dict[str, float]:
    """Features saying whether the statement is about ``issue``. ``shared``: what every issue of the
    statement reads alike (``_Shared.of(view, bag)``), computed once by ``statement_features``."""
    st = view.statement
    shared = shared if shared is not None else _Shared.of(view, bag)
    f: dict[str, float] = {"bias": 1.0, f"{issue}|bias": 1.0}
    rule = next((r for r in view.rules if r.issue == issue), None)
    if rule is None:
        f["rule:none"] = 1.0
        for other in {r.issue for r in view.rules}:
            f[f"rule.other:{other}|{issue}"] = 1.0
        if view.rules:
            f["rule.other"] = 1.0
    else:
        f[f"rule:{rule.stance}"] = 1.0
        f[f"rule.r:{rule.rule.split('+')[0]}"] = 1.0
        f[f"rule.found:{rule.attrs.get('found_in', '')}"] = 1.0
        f[f"rule.kind:{rule.attrs.get('cue_kind', '')}"] = 1.0
        f["rule.conf"] = rule.confidence
        f[f"{issue}|rule"] = 1.0
    for s, e, kind in cues:
        inside = st.content_start <= s and e <= st.content_end
        f[f"cue:{kind}:{'content' if inside else 'window'}"] = 1.0
    prefix = f"{issue}|w:"
    for w in shared.words:  # (text order, not a set's: the model sums in dict order, same every run)
        f[prefix + w] = 1.0
    if st.on_behalf_of_id:
        f[f"{issue}|side:{st.on_behalf_of_id}"] = 1.0
    overlap = len(shared.stems & issue_lexicon(view.codebook, issue)) if view.codebook is not None else 0
    if overlap:
        f["lexicon.overlap"] = min(overlap, 5) / 5
    topics = view.topics
    if topics is not None:
        n = topics.cue_counts.get(issue, 0)
        if n:
            f["doc.cues"] = min(n, 10) / 10
            f["doc.top"] = float(shared.top == issue)
        if issue in shared.near:
            f["near.rule"] = 1.0
        if view.pointer and not any(st.content_start <= c[0] < st.content_end for c in cues):
            # "this plan" with no cue of its own: what it points at is what the article is about
            f["pointer"] = 1.0
            if f.get("doc.top"):
                f["pointer&doc.top"] = 1.0
            if f.get("near.rule"):
                f["pointer&near"] = 1.0
    return f


@dataclass
class _Shared:
    """What the features of every issue of one statement read alike, found once for the statement (it was
    found again for each of the codebook's issues): the content's words in text order without repeats,
    their stems, the document's top issue and the issues of the statements around it."""
    words: list[str]
    stems: set[str]
    top: str | None
    near: set[str]
    side_words: list[str] = field(default_factory=list)  # "pw:<word>" of each word
    bare_parse: dict | None = None  # parse_features of an issue with no cue (the same for every such issue)

    @classmethod
    def of(cls, view: StatementView, bag: list[str]) -> "_Shared":
        topics = view.topics
        unique = list(dict.fromkeys(bag))
        return cls(unique, {w[:6] for w in bag if not w.startswith("ctx:")},
                   topics.top() if topics is not None else None,
                   topics.near(view.statement.content_start) if topics is not None else set(),
                   ["pw:" + w for w in unique])


def side_features(view: StatementView, issue: str, cues: list[tuple[int, int, str]], classes: list[str],
                  bag: list[str], clause=({}, None), shared: "_Shared | None" = None) -> dict[str, float]:
    """Features saying which side the statement takes on ``issue``."""
    st = view.statement
    f: dict[str, float] = {"bias": 1.0}
    rule = next((r for r in view.rules if r.issue == issue), None)
    if rule is not None:
        f[f"rule:{rule.stance}"] = 1.0
        f[f"rule:{rule.stance}|{rule.rule.split('+')[0]}"] = 1.0
    else:
        f["rule:none"] = 1.0
    for key in classes:
        f[f"lex:{key}"] = 1.0
    if st.on_behalf_of_id and rule is None:
        # the speaker's side, only where the rules found no polarity: what the text says comes first
        f[f"side:{st.on_behalf_of_id}|{issue}"] = 1.0
    if shared is None:
        for w in dict.fromkeys(bag):
            f[f"pw:{w}"] = 0.5
        f.update(parse_features(view, cues, clause))
        return f
    f.update(dict.fromkeys(shared.side_words, 0.5))
    if cues:
        f.update(parse_features(view, cues, clause))
    else:  # no cue of the issue: the statement's clause features alone, found once
        if shared.bare_parse is None:
            shared.bare_parse = parse_features(view, cues, clause)
        f.update(shared.bare_parse)
    return f


def clause_features(view: StatementView) -> tuple[dict[str, float], object]:
    """The main predicate of the content (negated, modal, conditional, a rejection verb), once per
    statement; with its root token. Nothing without tokens."""
    doc, st = view.doc, view.statement
    if not doc.tokens or not doc.tokens_in(st.content_start, st.content_end):
        return {}, None
    root = doc.root(st.content_start, st.content_end)
    f: dict[str, float] = {"parsed": 1.0}
    if root is not None:
        f.update(_predicate_features(doc, root, "root"))
        f.update(_verb_and_object(doc, root))
    return f, root


def _verb_and_object(doc: Document, root) -> dict[str, float]:
    """The content's main predicate by its lemma, and the lemma of its object ("escludere" + "invio",
    "welcome" + "proposal"): what a stance verb does to what."""
    f = {f"root.lemma:{_fold(root.lemma)}": 1.0}
    for kid in doc.children(root):
        if kid.dep.split(":")[0] in ("obj", "nsubj:pass", "xcomp", "ccomp"):
            f[f"root.{kid.dep.split(':')[0]}:{_fold(kid.lemma)}"] = 1.0
    return f


def parse_features(view: StatementView, cues: list[tuple[int, int, str]], clause) -> dict[str, float]:
    """The clause structure around the issue's cue, added to the statement's ``clause`` features."""
    f, root = clause
    if not f:
        return {}
    f = dict(f)
    st = view.statement
    inside = [c for c in cues if st.content_start <= c[0] < st.content_end] or cues
    if inside:
        head = _cue_head(view.doc, inside[0])
        if head is not None:
            f.update(_scope_features(view.doc, head, root, "root.neg" in f))
    return f


def _predicate_features(doc: Document, pred, prefix: str) -> dict[str, float]:
    f: dict[str, float] = {}
    for kid in doc.children(pred):
        lemma = _fold(kid.lemma)
        if lemma in _NEG_LEMMAS or kid.feat("Polarity") == "Neg":
            f[f"{prefix}.neg"] = 1.0
        if kid.dep.startswith("aux") and lemma in _MODAL_LEMMAS:
            f[f"{prefix}.modal"] = 1.0
        if kid.feat("Mood") == "Cnd" or lemma in ("would", "could"):
            f[f"{prefix}.cond_mood"] = 1.0
    if pred.feat("Mood") == "Cnd":
        f[f"{prefix}.cond_mood"] = 1.0
    if _fold(pred.lemma) in _REJECT_LEMMAS:
        f[f"{prefix}.reject"] = 1.0
    if pred.feat("Tense") == "Fut":
        f[f"{prefix}.future"] = 1.0
    return f


def _cue_head(doc: Document, cue: tuple[int, int, str]):
    """The token of the cue whose head lies outside the cue."""
    return doc.root(cue[0], cue[1])


def _scope_features(doc: Document, head, root, root_negated: bool) -> dict[str, float]:
    """Walks from the cue up to the root: the first predicate above it, whether a clause boundary
    (purpose, relative, conditional clause) lies between, and what governs it."""
    f: dict[str, float] = {}
    if any(_fold(k.lemma) in _NEG_LEMMAS for k in doc.children(head)):
        f["cue.neg"] = 1.0  # "no troops", "nessuna truppa": the negation is on the issue itself
    tok, seen, crossed = head, 0, None
    while not tok.is_root and seen < 12:
        parent = doc.tokens[tok.head]
        if tok.dep in _SUBORDINATE or tok.dep.startswith("advcl") or tok.dep.startswith("acl"):
            marks = {_fold(k.lemma) for k in doc.children(tok) if k.dep == "mark"}
            crossed = "if" if marks & _IF_MARKS else "purpose" if marks & _PURPOSE_MARKS else "sub"
            f[f"cue.in_{crossed}"] = 1.0
            break
        if parent.pos in ("VERB", "AUX") or parent.dep == "ROOT":
            for name in _predicate_features(doc, parent, "gov"):
                f[name] = 1.0
            if _fold(parent.lemma) in _REJECT_LEMMAS:
                f["cue.rejected"] = 1.0
            f[f"cue.dep:{tok.dep.split(':')[0]}"] = 1.0
            break
        if _fold(parent.lemma) in _REJECT_LEMMAS:  # "il rifiuto di X di Y"
            f["cue.rejected"] = 1.0
        tok, seen = parent, seen + 1
    if crossed and root_negated:
        f["neg.outside_cue_clause"] = 1.0
    return f


def statement_features(view: StatementView, codebook, lex) -> dict[str, tuple[dict, dict]]:
    """For every issue of the codebook: (about features, side features)."""
    return {issue: (about, side()) for issue, (about, side) in statement_features_by_need(view, codebook, lex).items()}


def statement_features_by_need(view: StatementView, codebook, lex) -> dict[str, tuple[dict, Callable[[], dict]]]:
    """For every issue of the codebook: (about features, a function that builds its side features). The
    model reads an issue's side features only where it keeps the issue (about one issue in twenty): the
    others, and the statement's clause features that only they read, are never built. Each function
    builds what ``statement_features`` gives, whatever order they are called in."""
    view.codebook = view.codebook or codebook
    cues = issue_cues(view, codebook)
    st = view.statement
    bag = words(view, st.content_start, st.content_end)
    classes = cue_classes(view, lex)
    view.pointer = "pointer" in classes
    shared = _Shared.of(view, bag)
    clause: list = []  # the statement's clause features, found by the first side built

    def side_of(issue: str, mine: list) -> Callable[[], dict]:
        def side() -> dict:
            if not clause:
                clause.append(clause_features(view))
            return side_features(view, issue, mine, classes, bag, clause[0], shared)
        return side

    out = {}
    for issue in codebook.issues:
        mine = cues.get(issue, [])
        out[issue] = (about_features(view, issue, mine, bag, shared), side_of(issue, mine))
    return out


def view_text(view: StatementView, part: str = "content") -> str:
    """The statement's content, or its ``window`` (the content with its reporting sentence): the texts
    the dense features embed."""
    st = view.statement
    a, b = (st.content_start, st.content_end) if part == "content" else view.window
    return view.doc.text[a:b]


def cue_classes(view: StatementView, lex) -> list[str]:
    """The language's stance cue classes (negation, rejection, condition...) found in the content."""
    st, text = view.statement, view.doc.text
    # only the patterns whose literal words are in the content (the same answer, fewer tried)
    lex = narrowed(lex, text[st.content_start:st.content_end])
    return [key for key in _STANCE_CLASSES + ("pointer",)
            if any(p.search(text, st.content_start, st.content_end) for p in lex.get(key, ()))]
