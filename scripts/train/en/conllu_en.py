"""English CoNLL-U and IOB2 readers: sentences of syntactic words → spaCy Docs.

English multiword tokens ("don't" = "do" + "n't", "cannot" = "can" + "not") are kept split, the way
spaCy's English tokenizer splits them; the words of such a token touch (no space between them) and the
token's SpaceAfter goes to its last word. Empty nodes of enhanced graphs are skipped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based, 0 = root
    deprel: str
    space_after: bool = True


@dataclass
class Sentence:
    sent_id: str = ""
    text: str = ""
    new_doc: bool = False
    words: list[Word] = field(default_factory=list)


def _comment(sent: Sentence, line: str) -> None:
    key, _, value = line[1:].partition("=")
    key = key.strip()
    if key == "sent_id":
        sent.sent_id = value.strip()
    elif key == "text":
        sent.text = value.strip()
    elif key.startswith("newdoc"):
        sent.new_doc = True


def _word(cols: list[str], in_token_until: int) -> Word:
    wid = int(cols[0])
    space = "SpaceAfter=No" not in cols[9] and wid >= in_token_until
    return Word(cols[1], cols[2], cols[3], cols[4], "" if cols[5] == "_" else cols[5],
                int(cols[6]) if cols[6] != "_" else 0, cols[7], space)


def conllu_sentences(text: str) -> Iterator[Sentence]:
    sent, token_end, token_space = Sentence(), 0, True
    for line in text.splitlines():
        if not line:
            if sent.words:
                yield sent
            sent, token_end = Sentence(), 0
        elif line.startswith("#"):
            _comment(sent, line)
        else:
            cols = line.split("\t")
            if len(cols) != 10 or "." in cols[0]:
                continue
            if "-" in cols[0]:
                token_end = int(cols[0].split("-")[1])
                token_space = "SpaceAfter=No" not in cols[9]
                continue
            word = _word(cols, token_end)
            if int(cols[0]) == token_end:
                word.space_after = token_space
            sent.words.append(word)
    if sent.words:
        yield sent


def sentence_doc(vocab: Vocab, sent: Sentence) -> Doc:
    words = sent.words
    spaces = [w.space_after for w in words]
    spaces[-1] = False
    return Doc(vocab, words=[w.form for w in words], spaces=spaces, pos=[w.upos for w in words],
               tags=[w.xpos for w in words], morphs=[w.feats for w in words],
               lemmas=[w.lemma for w in words],
               heads=[(w.head - 1) if w.head else i for i, w in enumerate(words)],
               deps=["ROOT" if w.head == 0 else w.deprel for w in words],
               sent_starts=[i == 0 for i in range(len(words))])


def docs_from_sentences(vocab: Vocab, sents: list[Sentence], per_doc: int = 10) -> Iterator[Doc]:
    """Consecutive sentences of one source document, at most per_doc, make one Doc."""
    batch: list[Doc] = []
    for sent in sents:
        if batch and (sent.new_doc or len(batch) == per_doc):
            yield Doc.from_docs(batch)
            batch = []
        batch.append(sentence_doc(vocab, sent))
    if batch:
        yield Doc.from_docs(batch)


# --- UNER IOB2: id, token, B-/I-/O label, two annotator columns -----------------------------------

def iob2_sentences(text: str) -> Iterator[tuple[Sentence, list[str]]]:
    sent, labels = Sentence(), []
    for line in text.splitlines() + [""]:
        if not line.strip():
            if sent.words:
                yield sent, labels
            sent, labels = Sentence(), []
        elif line.startswith("#"):
            _comment(sent, line)
        else:
            cols = line.split("\t")
            sent.words.append(Word(cols[1], "", "", "", "", 0, ""))
            labels.append(cols[2] if len(cols) > 2 and cols[2] else "O")


def _spaces_from_text(sent: Sentence) -> list[bool]:
    """Whether each token is followed by a space in the sentence text (all True when it does not align)."""
    pos, spaces = 0, []
    for w in sent.words:
        at = sent.text.find(w.form, pos)
        if at < 0:
            return [True] * len(sent.words)
        pos = at + len(w.form)
        spaces.append(sent.text[pos:pos + 1].isspace())
    return spaces


def ner_docs(vocab: Vocab, text: str, per_doc: int = 10) -> Iterator[Doc]:
    batch: list[Doc] = []
    for sent, labels in iob2_sentences(text):
        if batch and (sent.new_doc or len(batch) == per_doc):
            yield Doc.from_docs(batch)
            batch = []
        words = [w.form for w in sent.words]
        batch.append(Doc(vocab, words=words, spaces=_spaces_from_text(sent), ents=labels,
                         sent_starts=[i == 0 for i in range(len(words))]))
    if batch:
        yield Doc.from_docs(batch)


# --- CoNLL-2003 (token POS chunk NER per line, IOB1 or IOB2; no document markers needed) -------------

def _iob2(labels: list[str]) -> list[str]:
    out, prev = [], "O"
    for label in labels:
        kind = label[2:] if label != "O" else ""
        if label.startswith("I-") and prev[2:] != kind:
            label = "B-" + kind
        out.append(label)
        prev = label
    return out


def conll2003_docs(vocab: Vocab, text: str, per_doc: int = 10) -> Iterator[Doc]:
    batch: list[Doc] = []
    words: list[str] = []
    labels: list[str] = []
    for line in text.splitlines() + [""]:
        cols = line.split()
        if cols and cols[0] != "-DOCSTART-":
            words.append(cols[0])
            labels.append(cols[-1])
            continue
        if words:
            batch.append(Doc(vocab, words=words, ents=_iob2(labels),
                             sent_starts=[i == 0 for i in range(len(words))]))
            words, labels = [], []
        if batch and (len(batch) == per_doc or (cols and cols[0] == "-DOCSTART-")):
            yield Doc.from_docs(batch)
            batch = []
    if batch:
        yield Doc.from_docs(batch)
