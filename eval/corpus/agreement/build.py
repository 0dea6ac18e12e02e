#!/usr/bin/env python3
"""Turn the second annotator's compact annotation (ann_<lang>.txt) into <lang>.json.

    python3 eval/corpus/agreement/build.py [--texts /work/corpus_texts] [--round round4]

The output has the file format of eval/corpus/<lang>/gold.json (the fields the scorer reads:
meta.published and meta.language, statements, positions; entities, body lines and time
expressions are left empty). Every anchor is checked to be an exact substring of its text.
"""
import argparse
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
COLUMNS = ("speaker", "speaker_kind", "on_behalf_of", "kind", "required", "date", "anchor",
           "issues", "optional_issues")


def aliases_of(name, table) -> list:
    if name in (None, "-"):
        return []
    return table.get(name, [name])


def parse_issues(field: str) -> dict:
    """'a=support/conditional, b=oppose' -> {'a': ['support', 'conditional'], 'b': ['oppose']}."""
    if field.strip() == "-":
        return {}
    pairs = (item.strip().split("=") for item in field.split(","))
    return {issue: stances.split("/") for issue, stances in pairs}


def parse_statement(line: str, doc_id: str, number: int, table: dict) -> dict:
    cells = [c.strip() for c in line.split(" | ")]
    if len(cells) != len(COLUMNS):
        raise ValueError(f"{doc_id}: {len(cells)} columns, want {len(COLUMNS)}: {line!r}")
    row = dict(zip(COLUMNS, cells))
    obo = None if row["on_behalf_of"] == "-" else row["on_behalf_of"]
    return {"id": f"{doc_id}-a{number}", "speaker": row["speaker"],
            "speaker_aliases": aliases_of(row["speaker"], table), "speaker_kind": row["speaker_kind"],
            "kind": row["kind"], "anchor": row["anchor"], "required": row["required"] == "req",
            "on_behalf_of": aliases_of(obo, table), "on_behalf_of_name": obo,
            "issues": parse_issues(row["issues"]), "optional_issues": parse_issues(row["optional_issues"]),
            "date": None if row["date"] == "null" else row["date"]}


def new_document(doc_id: str, published: str, lang: str) -> dict:
    return {"file": f"{doc_id}.txt",
            "meta": {"title": None, "published": None if published == "null" else published,
                     "language": lang},
            "genre": None, "body_lines": [], "boilerplate_lines": [], "entities": [],
            "not_entities": [], "statements": [], "not_statements": [], "time_expressions": []}


def parse(path: pathlib.Path, lang: str, table: dict) -> list:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            _, doc_id, published = line.split()
            docs.append(new_document(doc_id, published, lang))
            continue
        doc = docs[-1]
        doc_id = doc["file"][:-4]
        doc["statements"].append(parse_statement(line, doc_id, len(doc["statements"]) + 1, table))
    return docs


def check_anchors(docs: list, texts: pathlib.Path, lang: str) -> list:
    problems = []
    for doc in docs:
        text = (texts / lang / doc["file"]).read_text(encoding="utf-8")
        problems += [f"{doc['file']}: {s['id']} anchor not in text: {s['anchor']!r}"
                     for s in doc["statements"] if s["anchor"] not in text]
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", default="/work/corpus_texts", help="folder with <lang>/<doc_id>.txt")
    ap.add_argument("--round", default="", help="a later round's files: ann_<lang>_<round>.txt -> <lang>_<round>.json")
    a = ap.parse_args()
    suffix = f"_{a.round}" if a.round else ""
    sys.path.insert(0, str(HERE))
    from positions import derive_positions, load_aliases
    table = load_aliases()
    problems = []
    for lang in ("it", "en"):
        source = HERE / f"ann_{lang}{suffix}.txt"
        if not source.exists():
            continue
        docs = parse(source, lang, table)
        problems += check_anchors(docs, pathlib.Path(a.texts), lang)
        out = {"version": 1, "about": f"Second annotation ({lang}{suffix}) of the agreement sample; see README.md.",
               "documents": docs, "positions": derive_positions(docs)}
        (HERE / f"{lang}{suffix}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
        print(f"{lang}: {len(docs)} documents, {sum(len(d['statements']) for d in docs)} statements")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
