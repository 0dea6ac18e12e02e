#!/usr/bin/env bash
# Runs garante on one of our held-out development sets and scores it against its gold.json.
# Usage (from anywhere): eval/run_heldout.sh [heldout|heldout2] [--json]   Other arguments go to score.py.
set -euo pipefail
cd "$(dirname "$0")/.."
SET=heldout
case "${1:-}" in heldout|heldout2) SET=$1; shift ;; esac
GARANTE=${GARANTE:-.venv/bin/garante}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/garante-$SET.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# only the captures: gold.json sits in the same folder and is not an article
shopt -s nullglob
captures=(eval/$SET/*.txt eval/$SET/*.html)
"$GARANTE" analyze "${captures[@]}" --db "$tmp/h.db" --quiet
"$GARANTE" export --db "$tmp/h.db" --out "$tmp/out"
SCORER=../shared/eval/score.py
if [ ! -f "$SCORER" ]; then
  echo "run_heldout.sh: $SCORER not found (the shared scorer lives beside this repository in ../shared);" >&2
  echo "the export is in $tmp/out but cannot be scored here." >&2
  trap - EXIT
  exit 2
fi
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--verbose)
python3 "$SCORER" --gold eval/$SET/gold.json --pred "$tmp/out/documents.jsonl" \
  --positions "$tmp/out/positions.json" "${args[@]}"
if [ -n "${KEEP:-}" ]; then cp -r "$tmp/out" "$KEEP"; echo "export copied to $KEEP"; fi
