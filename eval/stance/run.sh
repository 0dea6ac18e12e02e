#!/usr/bin/env bash
# Runs garante on one split of the annotated corpus (texts in /work/corpus_texts, or $TEXTS) and scores it.
# Usage: eval/stance/run.sh [train|dev|test|all] [it|en|both] [score.py arguments...]
#   KEEP=dir  keeps the export, the split gold and the store;  GARANTE=...  another garante binary.
#   AVAILABLE=1  scores the documents whose capture is present (the others left out and counted) instead of stopping.
#   The split's positions are derived from its own documents (split_gold.py); CORPUS_POSITIONS=1 gives the
#   corpus-wide cells its statements speak to instead (split_gold.py --corpus-positions: figures before 2026-12-06).
#   Statements anchored only in the page's title are optional; HEADLINES=required counts them (before 2026-12-06).
#   Each page goes in with its URL (eval/corpus/pages.py), as a user's capture would; FILES=1 gives the bare
#   text files instead (the figures before 2026-12-05 08:00 were taken so).
set -euo pipefail
cd "$(dirname "$0")/../.."
SPLIT=${1:-dev}; LANGS=${2:-both}; shift $(( $# > 2 ? 2 : $# )) || true
[ "$LANGS" = both ] && LANGS="it en"
GARANTE=${GARANTE:-.venv/bin/garante}
TEXTS=${TEXTS:-/work/corpus_texts}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/garante-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 eval/stance/split_gold.py "$SPLIT" --lang $LANGS --out "$tmp/gold.json" --list "$tmp/files" --texts "$TEXTS" \
  ${CORPUS_POSITIONS:+--corpus-positions} ${AVAILABLE:+--available} --headline-statements "${HEADLINES:-optional}"
if [ -n "${FILES:-}" ]; then
  mapfile -t captures < "$tmp/files"
else
  python3 eval/corpus/pages.py jsonl "$tmp/gold.json" "$tmp/pages.jsonl" --texts "$TEXTS"
  captures=("$tmp/pages.jsonl")
fi
"$GARANTE" analyze "${captures[@]}" --db "$tmp/c.db" --quiet || echo "run.sh: some captures failed (above); scoring the rest" >&2
"$GARANTE" export --db "$tmp/c.db" --out "$tmp/out"
[ -n "${FILES:-}" ] || python3 eval/corpus/pages.py rename "$tmp/gold.json" "$tmp/out/documents.jsonl"
python3 ../shared/eval/score.py --gold "$tmp/gold.json" --pred "$tmp/out/documents.jsonl" \
  --positions "$tmp/out/positions.json" "$@"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP"; cp -r "$tmp/out" "$tmp/gold.json" "$tmp/c.db" "$KEEP"; echo "export copied to $KEEP"; fi
