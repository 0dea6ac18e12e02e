#!/usr/bin/env bash
# Runs eval/stance/flag_positions.py over every corpus we have: the seeds, examples/, our held-out sets
# and the annotated corpus's train and dev splits (test too with FLAG_TEST=1, only when reporting).
# Prints, per corpus, the positions flag_positions.py flags (a state against its leader, a side the codebook
# rules out, an outlet or a person as a party, an unknown name), and a count per cause.
# Usage: bash eval/stance/flag_all.sh          GARANTE=... another garante binary; TEXTS=... the corpus texts
set -uo pipefail
cd "$(dirname "$0")/../.."
GARANTE=${GARANTE:-.venv/bin/garante}
TEXTS=${TEXTS:-/work/corpus_texts}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/garante-flags.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
flag() {  # name, captures...
  local name=$1; shift
  "$GARANTE" analyze "$@" --db "$tmp/$name.db" --quiet >/dev/null 2>&1
  "$GARANTE" export --db "$tmp/$name.db" --out "$tmp/$name" >/dev/null
  echo "== $name"
  .venv/bin/python eval/stance/flag_positions.py --export "$tmp/$name" | sed 's/^/   /'
}
shopt -s nullglob
flag seeds ../shared/seeds
flag examples examples
flag heldout eval/heldout/*.txt eval/heldout/*.html
flag heldout2 eval/heldout2/*.txt eval/heldout2/*.html
splits="train dev"
[ -n "${FLAG_TEST:-}" ] && splits="train dev test"
for split in $splits; do
  python3 eval/stance/split_gold.py "$split" --out "$tmp/$split.json" --list "$tmp/$split.files" --texts "$TEXTS" 2>/dev/null
  mapfile -t captures < "$tmp/$split.files"
  flag "corpus-$split" "${captures[@]}"
done
