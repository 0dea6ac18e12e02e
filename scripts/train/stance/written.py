"""Training examples from labelled sentences of our own writing (eval/stance/written/{it,en}.jsonl).

One JSON object a line: {"text", "issue", "stance", "also"?: {issue: stance}, "note"?}. ``stance`` is
support / oppose / conditional / neutral, or ``none``: a sentence about the war that is NOT about
``issue`` (a hard negative). The sentence goes through the same pipeline as a corpus capture; its
statement (the one garante finds, the longest where it finds several) gives one example per codebook
issue: the labelled issue (and those of ``also``) about it with the gold side, every other issue not
about it. A sentence where garante finds no statement gives no example (counted in the report).
"""
from __future__ import annotations

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
WRITTEN = ROOT / "eval" / "stance" / "written"
STANCES = ("support", "oppose", "conditional", "neutral", "none")


def default_files() -> list[pathlib.Path]:
    return sorted(WRITTEN.glob("*.jsonl"))


def read(path: pathlib.Path, issues: set[str]) -> list[dict]:
    """The rows of one file; a row that is not one is an error naming the file and the line."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            bad = _problem(row, issues)
        except ValueError as e:
            bad = f"not JSON ({e})"
        if bad:
            raise ValueError(f"{path}:{n}: {bad}")
        rows.append(row)
    return rows


def _problem(row: dict, issues: set[str]) -> str | None:
    if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
        return "no text"
    if row.get("issue") not in issues:
        return f"unknown issue {row.get('issue')!r}"
    if row.get("stance") not in STANCES:
        return f"stance {row.get('stance')!r} is not one of {', '.join(STANCES)}"
    for issue, stance in (row.get("also") or {}).items():
        if issue not in issues or stance not in STANCES[:4]:
            return f"'also' names {issue!r}: {stance!r}"
    return None


def labels(row: dict) -> dict[str, str]:
    """The issues the sentence is about, with their stances."""
    out = dict(row.get("also") or {})
    if row["stance"] != "none":
        out[row["issue"]] = row["stance"]
    return out


def examples(paths: list[pathlib.Path], weight: float, stats: dict | None = None) -> list[dict]:
    """Rows in dataset.examples_of's form, each with ``weight`` (the corpus rows weigh 1)."""
    from garante.codebook import Codebook
    from garante.extract.stance_features import statement_features, view_text
    from garante.extract.stances import lexicon
    from garante.pipeline import Context, Pipeline
    from garante.ingest import Capture
    import dataset
    codebook = Codebook.load()
    issues = set(codebook.issues)
    pipe = Pipeline(Context(options={"stance_model": False}))
    stats = stats if stats is not None else {}
    out = []
    for path in paths:
        lang = path.stem[:2]
        for n, row in enumerate(read(path, issues), 1):
            doc = pipe.analyse_capture(Capture(f"{path.name}:{n}", row["text"], "text"))
            if not doc.statements:
                stats["no_statement"] = stats.get("no_statement", 0) + 1
                continue
            st = max(doc.statements, key=lambda s: len(s.content or ""))
            view = dataset.statement_views(doc, lang)[id(st)]
            wanted = labels(row)
            texts = {"tc": view_text(view, "content"), "tw": view_text(view, "window")}
            for issue, (fa, fs) in statement_features(view, codebook, lexicon(lang)).items():
                side = wanted.get(issue)
                out.append({"doc": f"written:{path.name}:{n}", "st": st.content_start, "lang": lang,
                            "issue": issue, "about": int(side is not None), "side": side,
                            "allowed": [side] if side else [], "fa": fa, "fs": fs, "weight": weight, **texts})
            stats["sentences"] = stats.get("sentences", 0) + 1
    return out
