#!/usr/bin/env bash
# Runs garante on the train and dev documents of one language of the annotated corpus (eval/corpus,
# texts re-materialised in $TEXTS/<lang>/, see eval/corpus/materialise.md) and scores them with the
# shared scorer. The test documents are never read. Other arguments go to score.py.
#   eval/attribution/corpus.sh it [--verbose]      PARTS="dev" eval/attribution/corpus.sh en
# Statements anchored only in the page's title are optional (HEADLINES=required: as the gold says; see
# eval/README.md). Each page goes in with its URL (eval/corpus/pages.py), as a user's capture would; FILES=1 gives the bare
# text files instead (the figures before 2026-12-05 08:00 were taken so).
set -euo pipefail
cd "$(dirname "$0")/../.."
LANG_CODE=${1:?usage: corpus.sh it|en [score.py arguments]}; shift
TEXTS=${TEXTS:-/work/corpus_texts}
PARTS=${PARTS:-train dev}
GARANTE=${GARANTE:-.venv/bin/garante}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/garante-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 - "$LANG_CODE" "$TEXTS" "$tmp" "${HEADLINES:-optional}" $PARTS <<'PY'
import json, sys, pathlib
lang, texts, tmp, headlines, *parts = sys.argv[1:]
ids = {i for p in parts for i in json.load(open("eval/corpus/splits.json"))["splits"][lang][p]}
gold = json.load(open(f"eval/corpus/{lang}/gold.json"))
gold["documents"] = [d for d in gold["documents"] if d["file"].removesuffix(".txt") in ids]
if headlines == "optional":  # as eval/stance/split_gold.py: statements only in the page's title are optional
    sys.path.insert(0, "eval/stance")
    from split_gold import headline_statements_optional
    gold["documents"] = [headline_statements_optional(d, (pathlib.Path(texts) / lang / d["file"]).read_text(encoding="utf-8"))
                         if (pathlib.Path(texts) / lang / d["file"]).is_file() else d for d in gold["documents"]]
json.dump(gold, open(f"{tmp}/gold.json", "w"), ensure_ascii=False)
(pathlib.Path(tmp) / "in").mkdir()
for d in gold["documents"]:
    src = pathlib.Path(texts) / lang / d["file"]
    if not src.is_file():
        sys.exit(f"corpus.sh: {src} is missing (re-materialise the texts: eval/corpus/materialise.md)")
    (pathlib.Path(tmp) / "in" / d["file"]).write_bytes(src.read_bytes())
print(f"{len(gold['documents'])} documents ({' + '.join(parts)})", file=sys.stderr)
PY
inputs="$tmp/in"
[ -n "${FILES:-}" ] || { python3 eval/corpus/pages.py jsonl "$tmp/gold.json" "$tmp/pages.jsonl" --texts "$TEXTS"; inputs="$tmp/pages.jsonl"; }
"$GARANTE" analyze "$inputs" --db "$tmp/c.db" --quiet || echo "corpus.sh: some documents failed (above); scoring the rest" >&2
"$GARANTE" export --db "$tmp/c.db" --out "$tmp/out"
[ -n "${FILES:-}" ] || python3 eval/corpus/pages.py rename "$tmp/gold.json" "$tmp/out/documents.jsonl"
python3 ../shared/eval/score.py --gold "$tmp/gold.json" --pred "$tmp/out/documents.jsonl" \
  --positions "$tmp/out/positions.json" "$@"
if [ -n "${KEEP:-}" ]; then cp -r "$tmp/out" "$KEEP"; echo "export copied to $KEEP"; fi
