"""Assemble a shippable pipeline: the UD model (tok2vec, morphology, lemmas, parser) plus a NER
component trained apart (with a tok2vec of its own), a tokenizer tuned to news, and the metadata the
model card is written from.

    python scripts/train/assemble.py --lang it --ud RUNS/ud/model-best --ner RUNS/ner/model-best \
        --out src/garante/data/models/it_garante [--sources sources.json]

The tokenizer's patterns are saved with the pipeline, so ``spacy.load(out)`` needs no code of ours.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

import spacy
from spacy.util import compile_prefix_regex, compile_suffix_regex

NEWS_PREFIXES = [r"‹", r"›", r"„", r"‚"]  # guillemets and low quotes as opening marks
NEWS_SUFFIXES = [r"›", r"‹", r"“", r"‘"]
HASHTAG = r"^[#@][\w][\w_]*$"  # hashtags and handles stay one token


def tune_tokenizer(nlp) -> None:
    tok = nlp.tokenizer
    prefixes = [p for p in nlp.Defaults.prefixes if p not in ("#", "@", r"\#", r"\@")]  # hashtags stay whole
    tok.prefix_search = compile_prefix_regex(prefixes + NEWS_PREFIXES).search
    tok.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes) + NEWS_SUFFIXES).search
    tok.token_match = re.compile(HASHTAG).match


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", required=True)
    ap.add_argument("--ud", type=Path, required=True)
    ap.add_argument("--ner", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--version", default="0.1.0")
    args = ap.parse_args()
    nlp = spacy.load(args.ud)
    if args.ner:
        ner_nlp = spacy.load(args.ner)
        nlp.add_pipe("ner", source=ner_nlp)
    tune_tokenizer(nlp)
    nlp.meta.update({
        "name": "garante", "lang": args.lang, "version": args.version,
        "description": f"garante's {args.lang} pipeline: tokens, UPOS and features, lemmas, UD dependencies, "
                       "PER/ORG/LOC names. Trained by scripts/train/ (see MODEL_CARD.md).",
        "author": "garante", "license": "see MODEL_CARD.md (training data licences)",
    })
    nlp.meta.pop("performance", None)
    card = args.out / "MODEL_CARD.md"
    card_text = card.read_text(encoding="utf-8") if card.is_file() else None  # kept across retraining
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    if card_text:
        card.write_text(card_text, encoding="utf-8")
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(json.dumps({"out": str(args.out), "pipeline": nlp.pipe_names, "bytes": size}))


if __name__ == "__main__":
    main()
