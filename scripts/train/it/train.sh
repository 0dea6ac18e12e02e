#!/usr/bin/env bash
# Train the Italian pipeline: UD (tagger, morphology, lemmas, parser) and NER (KIND) separately, then assemble.
#   python scripts/train/it/prepare.py            # fetched corpora → /work/train_data/it/*.spacy
#   bash scripts/train/it/train.sh [ud|ud-more|lemma|ner|ner-more|assemble]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=${PY:-.venv/bin/python}
DATA=${DATA:-/work/train_data/it}
RUNS=${RUNS:-/work/train_runs/it}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
what=${1:-all}
if [[ $what == ud || $what == all ]]; then
  $PY -m spacy train scripts/train/it/config_ud.cfg --output "$RUNS/ud" \
      --paths.train "$DATA/ud_train.spacy" --paths.dev "$DATA/ud_dev.spacy"
fi
if [[ $what == ner || $what == all ]]; then
  $PY -m spacy train scripts/train/it/config_ner.cfg --output "$RUNS/ner" \
      --paths.train "$DATA/ner_train.spacy" --paths.dev "$DATA/ner_dev.spacy"
fi
if [[ $what == ud-more || $what == all ]]; then  # more steps from the last UD weights, lower rate
  $PY -m spacy train scripts/train/it/config_ud_more.cfg --output "$RUNS/ud2" \
      --paths.train "$DATA/ud_train.spacy" --paths.dev "$DATA/ud_dev.spacy" --paths.ud_source "$RUNS/ud/model-last"
fi
if [[ $what == lemma || $what == all ]]; then  # the lemmatizer again, on the frozen features of ud-more
  # (sourced and trained on, the edit-tree lemmatizer loses its trees: trained apart it keeps them)
  $PY -m spacy train scripts/train/it/config_lemma.cfg --output "$RUNS/ud3" \
      --paths.train "$DATA/ud_train.spacy" --paths.dev "$DATA/ud_dev.spacy" --paths.ud_source "$RUNS/ud2/model-last"
fi
if [[ $what == ner-more ]]; then  # more steps from the last NER weights
  $PY -m spacy train scripts/train/it/config_ner_more.cfg --output "$RUNS/ner2" \
      --paths.train "$DATA/ner_train.spacy" --paths.dev "$DATA/ner_dev.spacy" --paths.ner_source "$RUNS/ner/model-last"
fi
if [[ $what == assemble || $what == all ]]; then
  $PY scripts/train/assemble.py --lang it --ud "$RUNS/ud3/model-best" --ner "$RUNS/ner/model-best" \
      --out src/garante/data/models/it_garante
fi
