"""The parse keeps garante's sentences: a unit the linguistic layer parses is one sentence of the splitter
(``extract/sentences.py``), and the parser may not start another inside it.

Left free, the parser ended sentences where the splitter had none: after a wire dateline and inside the
name after it ("PARIS, April 10, 2025 - French President Emmanuel | Macron | said"), inside a title and a
name ("Il consigliere presidenziale Mykhailo | Podolyak ha precisato"), between a quotation and its cue
("“…,” | Trump said"). Every reader of ``Token.sent`` (frames, source spans, stances) then saw a broken
sentence. spaCy's transition parser never breaks before a token marked "not a sentence start"
(``is_sent_start = False``), so each unit comes out as one tree.

Held in one tree, the English parser hangs some names and titles where its break had hidden them; the
layer repairs three such attachments after the parse (``join_names``, ``free_openers``, ``hang_offices``), and an
Italian misreading of "ex" before an office (``hang_past_prefixes``).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

NAME = "garante_units"


@Language.component(NAME)
def one_sentence(doc):
    """Marks every token after the first as no sentence start, for the parser that runs after."""
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def install(nlp) -> None:
    """Adds the component right before the parser (once), so that every pass that parses runs it first."""
    if "parser" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")


# A person's name the NER reads as one hangs from one of its words: held in one sentence, the English parser
# sometimes hangs two words of a long name on the verb ("Recep/advcl Tayyip/nsubj Erdogan told").
PERSON_LABELS = frozenset({"PERSON", "PER"})
# a name's relations, the clause's arguments first: of "Antony/appos Blinken/nsubj warned" the subject heads it
NOMINAL = ("nsubj", "obj", "iobj", "obl", "nmod", "appos", "flat", "compound", "conj")


def join_names(doc) -> None:
    """Hangs the words of each many-word person name that the parse hangs outside it on one word of it
    (the sentence's root, else the one whose relation comes first in NOMINAL, else the first), as ``flat``."""
    changed = False
    for span in doc.layer("ner"):
        if span.label not in PERSON_LABELS:
            continue
        toks = doc.tokens_in(span.start, span.end)
        ids = {t.i for t in toks}
        outside = [t for t in toks if t.is_root or t.head not in ids]
        if len(outside) < 2 or len({t.sent for t in toks}) > 1:
            continue
        head = next((t for t in outside if t.is_root), None) or min(outside, key=_rank)
        for t in outside:  # a proper noun only: a function word at a name's edge is the NER's error ("X del")
            if t is not head and t.pos == "PROPN" and not _governs(doc, t, head):
                t.head, t.dep, changed = head.i, "flat", True
    if changed:
        doc.heads_changed()


def _rank(tok) -> int:
    """Where the relation of ``tok`` stands in NOMINAL (after all of them where it is not one)."""
    rel = tok.dep.split(":")[0]
    return NOMINAL.index(rel) if rel in NOMINAL else len(NOMINAL)


def _governs(doc, top, tok) -> bool:
    """Whether ``top`` is ``tok`` or one of its heads."""
    seen = 0
    while seen < 200:
        if tok.i == top.i:
            return True
        if tok.is_root:
            return False
        tok, seen = doc.tokens[tok.head], seen + 1
    return True


MODIFIERS = ("amod", "compound", "nmod", "flat", "appos")


def free_openers(doc) -> None:
    """A sentence's first word that the tagger took for a name only for its capital (a lower-case lemma:
    "Meanwhile", "Separately") and that the NER leaves out of the person's name after it is no modifier of
    that name: it hangs on the word the name hangs on, as ``advmod``. (Ended apart, the parse left it a
    sentence of its own; held in one, it made it the name's modifier, and the source took it in.)"""
    names = [(s.start, s.end) for s in doc.layer("ner")]
    persons = [(s.start, s.end) for s in doc.layer("ner") if s.label in PERSON_LABELS]
    changed = False
    for t in doc.tokens:
        if t.i and doc.tokens[t.i - 1].sent == t.sent or t.pos != "PROPN" or not t.lemma.islower():
            continue
        head = doc.tokens[t.head]
        if t.dep.split(":")[0] not in MODIFIERS or head.is_root or any(a <= t.start < b for a, b in names) \
                or not any(a <= head.start < b for a, b in persons):
            continue
        t.head, t.dep, changed = head.head, "advmod", True
    if changed:
        doc.heads_changed()


@lru_cache(maxsize=None)
def office_words(lang: str) -> dict[int, set[tuple[str, ...]]]:
    """The office phrases of ``data/lang/<lang>/roles.yaml`` ("prime minister", "PM", "secretary of state"),
    lower-cased word tuples by length."""
    from ..lang import topic
    out: dict[int, set[tuple[str, ...]]] = {}
    for office in (topic(lang, "roles") or {}).get("offices") or []:
        words = tuple(str(office.get("phrase", "")).lower().split())
        if words:
            out.setdefault(len(words), set()).add(words)
    return out


def hang_offices(doc, lang: str) -> None:
    """An office written right before a person's name ("Polish PM Donald Tusk", "Secretary of State Antony
    Blinken") that the parse hangs outside the name, on the verb, hangs on the name (``nmod:desc``, the
    relation the model gives a title it reads right: "President/nmod:desc Emmanuel")."""
    offices, changed = office_words(lang), False
    for span in doc.layer("ner"):
        toks = doc.tokens_in(span.start, span.end) if span.label in PERSON_LABELS else []
        ids = {t.i for t in toks}
        heads = [t for t in toks if t.is_root or t.head not in ids]
        if len(heads) != 1 or not toks or toks[0].i == 0:
            continue
        for n in sorted(offices, reverse=True):
            words = doc.tokens[max(0, toks[0].i - n):toks[0].i]
            if len(words) == n and tuple(w.text.lower() for w in words) in offices[n] \
                    and len({w.sent for w in words + [heads[0]]}) == 1:
                top = [w for w in words if w.head not in {x.i for x in words}]
                if len(top) == 1 and not top[0].is_root and not _governs(doc, top[0], heads[0]) \
                        and top[0].head not in ids:
                    top[0].head, top[0].dep, changed = heads[0].i, "nmod:desc", True
                break
    if changed:
        doc.heads_changed()


@lru_cache(maxsize=None)
def _past_prefixes(lang: str) -> frozenset[str]:
    from ..lang import topic
    return frozenset(str(w).lower() for w in (topic(lang, "parse") or {}).get("past_prefixes") or [])


def hang_past_prefixes(doc, lang: str) -> None:
    """"L'ex inviato americano ha detto": the Italian parser reads the prefix "ex" (``parse.yaml``
    past_prefixes) as the noun that heads the phrase and the office after it, shaped like a participle or an
    adjective ("inviato", "delegato"), as a clause or modifier on it, or it tags that office a verb; the subject
    of the verb is then "ex", or a verb, and names no one. The word after the prefix heads the phrase as a
    noun (the prefix and its other dependents hang on it)."""
    prefixes, changed = _past_prefixes(lang), False
    if not prefixes:
        return
    for x in doc.tokens[:-1]:
        w = doc.tokens[x.i + 1]
        if x.text.lower() not in prefixes or x.pos == "PROPN" or w.sent != x.sent \
                or w.pos not in ("VERB", "ADJ", "NOUN"):
            continue
        read_as_head = w.head == x.i  # "ex" heads the phrase
        word_a_verb = x.head == w.i and w.pos != "NOUN"  # "ex" on the office, tagged a verb
        if not (read_as_head or word_a_verb):
            continue
        for c in doc.tokens:
            if c.head == x.i and c.i not in (x.i, w.i):
                c.head = w.i
        if w.head == x.i:
            w.head, w.dep = (w.i, "ROOT") if x.is_root else (x.head, x.dep)
        x.head, x.dep = w.i, "amod"
        if w.pos != "NOUN":  # the participle's lemma is the verb's: the noun is its own word
            w.pos, w.lemma = "NOUN", w.text.lower()
            w.morph = "|".join(f for f in w.morph.split("|") if f.split("=")[0] in ("Gender", "Number"))
        changed = True
    if changed:
        doc.heads_changed()
