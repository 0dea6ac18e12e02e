"""Readers that turn fetched public corpora into spaCy Docs for training and evaluation.

CoNLL-U (Universal Dependencies): a multiword token ("della" = "di" + "la", "dirgli" = "dire" + "gli")
becomes one token, as in running text, carrying the annotation of its syntactic root (the subtoken whose
head lies outside the word; the first one when several do): UPOS, lemma, features, head and relation.
Heads that pointed at any subtoken point at the merged token. Scores computed on these Docs are
therefore over surface tokens, the way spaCy's own pipelines are scored.

Token-per-line NER files (KIND: ``token<TAB>LOC|PER|ORG|O``; WikiNEuRal: ``index<TAB>token<TAB>B-PER``;
blank line between sentences): in IO files an entity is a maximal run of one label, the way KIND is
annotated; the text is rebuilt with ordinary spacing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab


@dataclass
class Word:
    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)


def read_conllu(lines: Iterable[str]) -> Iterator[Sentence]:
    sent = Sentence("", "")
    ranges: list[tuple[int, int, str, bool]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line:
            if sent.words:
                yield _merge_multiword(sent, ranges)
            sent, ranges = Sentence("", ""), []
        elif line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sent.sent_id = value.strip()
            elif key.strip() == "text":
                sent.text = value.strip()
        else:
            cols = line.split("\t")
            if len(cols) != 10 or "." in cols[0]:
                continue  # empty nodes of enhanced graphs
            space_after = "SpaceAfter=No" not in cols[9]
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                ranges.append((int(a), int(b), cols[1], space_after))
                continue
            sent.words.append(Word(int(cols[0]), cols[1], cols[2], cols[3], cols[4],
                                   "" if cols[5] == "_" else cols[5], int(cols[6]) if cols[6] != "_" else 0,
                                   cols[7], space_after))
    if sent.words:
        yield _merge_multiword(sent, ranges)


def _merge_multiword(sent: Sentence, ranges: list[tuple[int, int, str, bool]]) -> Sentence:
    if not ranges:
        return sent
    by_id = {w.id: w for w in sent.words}
    new_id: dict[int, int] = {}
    merged: list[Word] = []
    starts = {a: (a, b, form, space) for a, b, form, space in ranges}
    i = 1
    while i <= len(sent.words):
        if i in starts:
            a, b, form, space = starts[i]
            parts = [by_id[k] for k in range(a, b + 1)]
            outside = [w for w in parts if not (a <= w.head <= b)]
            root = outside[0] if outside else parts[0]
            merged.append(Word(len(merged) + 1, form, root.lemma, root.upos, "_".join(w.xpos for w in parts),
                               root.feats, root.head, root.deprel, space))
            for k in range(a, b + 1):
                new_id[k] = len(merged)
            i = b + 1
        else:
            w = by_id[i]
            merged.append(Word(len(merged) + 1, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel,
                               w.space_after))
            new_id[i] = len(merged)
            i += 1
    for w in merged:
        w.head = new_id.get(w.head, 0) if w.head else 0
        if w.head == w.id:  # a word whose head was its own other half
            w.head = 0
    return Sentence(sent.sent_id, sent.text, merged)


def sentence_to_doc(vocab: Vocab, sent: Sentence) -> Doc:
    words = [w.form for w in sent.words]
    spaces = [w.space_after for w in sent.words]
    spaces[-1] = False
    heads = [(w.head - 1) if w.head else (w.id - 1) for w in sent.words]
    deps = [("ROOT" if w.head == 0 else w.deprel) for w in sent.words]
    return Doc(vocab, words=words, spaces=spaces, pos=[w.upos for w in sent.words],
               tags=[w.xpos for w in sent.words], morphs=[w.feats for w in sent.words],
               lemmas=[w.lemma for w in sent.words], heads=heads, deps=deps,
               sent_starts=[i == 0 for i in range(len(words))])


def grouped(sentences: Iterable[Doc], sents_per_doc: int) -> Iterator[Doc]:
    """Sentence Docs joined ``sents_per_doc`` at a time, so the parser learns sentence boundaries."""
    batch: list[Doc] = []
    for doc in sentences:
        batch.append(doc)
        if len(batch) == sents_per_doc:
            yield Doc.from_docs(batch)
            batch = []
    if batch:
        yield Doc.from_docs(batch)


def conllu_docs(vocab: Vocab, path: Path | str, sents_per_doc: int = 10) -> Iterator[Doc]:
    with open(path, encoding="utf-8") as f:
        yield from grouped((sentence_to_doc(vocab, sent) for sent in read_conllu(f)), sents_per_doc)


# --- token-per-line NER -------------------------------------------------------------------------

_NO_SPACE_BEFORE = re.compile(r"^[.,;:!?%)\]}»”’]$|^'$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{«“‘]$|^\w+'$|^\w+’$")


def read_token_label_sentences(lines: Iterable[str]) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            if sent:
                yield sent
            sent = []
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0].isdigit():  # "index<TAB>token<TAB>BIO tag" (WikiNEuRal)
            cols = cols[1:]
        token, label = cols[0], (cols[1].strip() if len(cols) > 1 else "")
        if token:
            sent.append((token, label or "O"))
    if sent:
        yield sent


def labelled_sentence_to_doc(vocab: Vocab, sent: list[tuple[str, str]],
                             keep: frozenset = frozenset({"PER", "ORG", "LOC"})) -> Doc:
    """Types outside ``keep`` (MISC) become O: the target annotation (KIND) does not mark them."""
    words = [t for t, _ in sent]
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(bool(nxt) and not _NO_SPACE_BEFORE.match(nxt) and not _NO_SPACE_AFTER.match(w))
    ents, prev = [], "O"
    for label in (lab for _, lab in sent):
        lab = label.split("-")[-1] if label != "O" else "O"
        if lab not in keep:
            lab = "O"
        if lab == "O":
            ents.append("O")
        else:  # IO runs (KIND) merge; an explicit B- (BIO files) starts a new name
            ents.append(("I-" if lab == prev and not label.startswith("B-") else "B-") + lab)
        prev = lab
    return Doc(vocab, words=words, spaces=spaces, ents=ents, sent_starts=[i == 0 for i in range(len(words))])


def labelled_docs(vocab: Vocab, lines: Iterable[str], sents_per_doc: int = 10) -> Iterator[Doc]:
    yield from grouped((labelled_sentence_to_doc(vocab, s) for s in read_token_label_sentences(lines)),
                       sents_per_doc)
