#!/usr/bin/env python3
"""End-to-end figures of stance-model candidates on a split of the annotated corpus, as
eval/stance/run.sh takes them (the shared scorer's stance F1 and positions), without running the
pipeline once per candidate.

The statements, and everything before the stance model, do not depend on the model: the split's pages
go through the pipeline once with the rules alone, into a store, exactly as run.sh feeds them (each page
with its URL). Where the model would run, a stand-in (``_ModelInputs``) keeps what the model reads there: the
rules' stances as the stance step hands them to the model, each issue's features, the issues a cue names. Each
candidate then decides, per statement and issue, as StanceModel.stances decides, which stances stay (the
rules', unless P(about) < threshold_drop) and which it adds (P(about) >= threshold_new, not an issue the rules
found declined, a cue of the issue or P(about) x P(side) >= floor_uncued), and its stances go through what
the pipeline does after the model: the stance step's silencing (an interviewer's question, an outlet's
report), the codebook's readings (stance_readings.py: support_by, side_by, also_by) and the calibration of each
rule's confidence (stance_calibration.py). They go into the export records and the positions' evidence rows,
which the shared scorer reads. (Before the twenty-seventh session the candidates decided on the rules' stances
as the whole pipeline left them, read and calibrated already, with no floor_uncued, no declined issues and no
silencing after the model: heldout 67/76 stances right here against run.sh's 67/77, heldout2 81/89 against
81/88; now the same stances as run.sh's export, statement by statement.)

Tentative stances (the model's proposals under its threshold, ``attrs.tentative_stances``) are left out, and
for stance F1 that is right: they are never exported as stances, so run.sh's scorer does not see them either.
The positions figure here leaves out the tentative cells too (``positions(None, evidence)``: no tentative
evidence), which run.sh's export holds: it is the positions the stances alone make, lower than run.sh's by the
cells only tentative stances fill (heldout2, shipped model, 2026-12-07: 24 of 27 here, 25 of 27 by
eval/run_heldout2.sh; heldout 21 of 22 both). Candidates compare alike on it; a guard set on it holds run.sh's
figure less those cells.

    .venv/bin/python scripts/train/stance/e2e.py dev                       # the shipped model
    .venv/bin/python scripts/train/stance/e2e.py dev --model /tmp/m.json --model none   # none: rules alone
    .venv/bin/python scripts/train/stance/e2e.py dev --docs-from /tmp/old_dev.txt   # a subset of documents
    .venv/bin/python scripts/train/stance/e2e.py heldout2 --model none   # seeds, heldout, heldout2: our sets
"""
from __future__ import annotations

import argparse
import json
import pathlib
import shutil
import sys
import tempfile
from contextlib import contextmanager
from functools import lru_cache

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import dataset  # noqa: E402
from split_gold import TEXTS, split_gold  # noqa: E402  (dataset put eval/stance on the path)

sys.path.insert(0, str(dataset.ROOT / "eval" / "corpus"))
import pages  # noqa: E402


class _Keep:
    """Last pipeline component: keeps each analysed Document (with its parse) for the features."""
    name = "keep"

    def __init__(self):
        self.docs = []

    def __call__(self, doc, ctx) -> None:
        self.docs.append(doc)


class _ModelInputs:
    """Stands in for the stance model in the stance step (extract/stances.py): keeps, per statement, what the
    model reads there (the rules' stances as the model gets them, before the readings and the calibration
    that run after the stance step; each issue's features; the issues a cue names in or around it; the issues
    the rules found the speaker does not know, whose proposals the step drops), and leaves the rules' stances
    as the pipeline without a model leaves them."""

    def __init__(self):
        self.seen: dict[int, dict] = {}  # by id() of the statement
        self.declined: dict[int, set] = {}

    def stances(self, view, codebook, lex) -> list:
        from garante.extract.stance_features import issue_cues, statement_features
        self.seen[id(view.statement)] = {
            "rules": [[x.issue, x.stance, x.confidence, x.rule] for x in view.rules],
            "feats": {issue: [fa, fs] for issue, (fa, fs) in statement_features(view, codebook, lex).items()},
            "cued": sorted(issue for issue, found in issue_cues(view, codebook).items() if found)}
        return list(view.rules)

    @contextmanager
    def standing_in(self):
        """The stance step, while in this block, hands this the model's work and tells it the declined issues."""
        from garante.extract import stances
        learned, rules_of = stances._learned_model, stances.StanceClassifier._stances

        def rules(doc, st, *args, declined=None, **kw):
            if declined is not None:
                self.declined[id(st)] = declined  # the set the step fills, read once the document is done
            return rules_of(doc, st, *args, declined=declined, **kw)
        stances._learned_model = lambda ctx: self
        stances.StanceClassifier._stances = staticmethod(rules)
        try:
            yield self
        finally:
            stances._learned_model, stances.StanceClassifier._stances = learned, staticmethod(rules_of)


def analysed(inputs: list[str], store_path: pathlib.Path) -> tuple[list, _ModelInputs]:
    """The inputs (files, folders, JSON Lines, as ``garante analyze`` takes them) analysed with the rules
    alone into the store at ``store_path``; the Documents, in the store's order, and what the model would
    have read of their statements."""
    from garante.batch import analyze
    from garante.pipeline import Context, Pipeline, default_components
    from garante.store import Store
    keep = _Keep()
    pipe = Pipeline(Context(options={"stance_model": False}), default_components() + [keep])
    with Store(str(store_path)) as store, _ModelInputs().standing_in() as model_inputs:
        report = analyze(inputs, store, pipeline=pipe)
    if not report.ok:
        print(f"e2e: {report.summary()}", file=sys.stderr)
    return keep.docs, model_inputs


def statement_items(docs: list, store, model_inputs: _ModelInputs) -> list[dict]:
    """Per statement (in store order): its store id, what the model reads of it (``_ModelInputs``: the rules'
    stances, every issue's features, the cued and the declined issues), the actors the codebook's readings
    look at, and whether the stance step takes its stances away after the model."""
    from garante.extract import stances
    ids = store.query("SELECT id, document_id, content_start FROM statements ORDER BY document_id, seq")
    doc_ids = store.document_ids()
    if len(doc_ids) != len(docs):
        raise SystemExit(f"e2e: {len(docs)} documents analysed, {len(doc_ids)} stored")
    by_doc: dict[int, list[dict]] = {}
    for r in ids:
        by_doc.setdefault(r["document_id"], []).append(r)
    items = []
    for doc_id, doc in zip(doc_ids, docs):
        asked = stances._asked_frames(doc.meta.get("language") or "en")
        stored = by_doc.get(doc_id, [])
        if [r["content_start"] for r in stored] != [st.content_start for st in doc.statements]:
            raise SystemExit(f"e2e: the statements of {doc.source} are not the stored ones")
        for st, row in zip(doc.statements, stored):
            seen = model_inputs.seen.get(id(st), {"rules": [], "feats": {}, "cued": []})
            items.append({"sid": row["id"], "doc": doc_id, **seen,
                          "declined": sorted(model_inputs.declined.get(id(st), ())),
                          "actors": sorted({st.on_behalf_of_id, st.speaker_entity_id} - {None}),
                          "silenced": stances.silenced(doc, st, asked)})
    return items


def statement_rows(store) -> dict[int, dict]:
    """Each statement's evidence row as analyse.positions.evidence() makes it, without its stance: the
    function itself reads them off a scratch copy of the store where every statement has one stance."""
    from garante.analyse.positions import evidence
    from garante.store import Store
    with tempfile.TemporaryDirectory(prefix="garante-e2e") as tmp:
        copy = pathlib.Path(tmp) / "c.db"
        shutil.copy(store.location, copy)
        with Store(str(copy)) as scratch:
            with scratch.transaction():
                scratch.execute("DELETE FROM stances")
                scratch.execute("INSERT INTO stances (statement_id, document_id, issue, stance, confidence, rule) "
                                "SELECT id, document_id, 'x', 'neutral', 1.0, 'x' FROM statements")
            rows = evidence(scratch)
    stance_keys = ("issue", "stance", "confidence", "stance_rule", "evidence_start", "evidence_end")
    return {r["statement_id"]: {k: v for k, v in r.items() if k not in stance_keys} for r in rows}


def export_records(store, files: dict[str, str]) -> dict[str, dict]:
    """The export's document records (present/export.py) by the file name the scorer matches them on:
    ``files`` renames a source (a page's URL) as pages.py does, else the source's last part."""
    from garante.present.export import document_record, entity_names
    names = entity_names(store)
    out = {}
    for doc_id in store.document_ids():
        rec = document_record(store.load_document(doc_id), store, names)
        rec["store_id"] = doc_id
        out[files.get(rec["source"]) or pathlib.PurePath(str(rec["source"])).name] = rec
    return out


FORMAT = 2  # of to_json: 2 since the items hold what the model reads (``_ModelInputs``)


class EndToEnd:
    """One split analysed once; ``figures(model)`` scores a model's stances on it end to end."""

    def __init__(self, gold: dict, items: list[dict], rows: dict[int, dict], records: dict[str, dict]):
        from garante.codebook import Codebook
        self.gold, self.items, self.rows, self.records = gold, items, rows, records
        self.codebook = Codebook.load()  # its readings apply to the stances decided (after_stance_step)
        # what the scorer reads to match statements and count stances: the rest (bodies, entities, time)
        # costs time per candidate and changes no stance figure
        self.gold_slim = {**gold, "documents": [slim_gold(d) for d in gold["documents"]]}
        self.slim = {f: slim_record(rec) for f, rec in records.items()}
        self.scorer = dataset.scorer()
        # the scorer folds the same names and anchors for every candidate: its pure string functions
        # remember their answers (same figures, a fraction of the time)
        for name in ("bare", "fold_name"):
            setattr(self.scorer, name, lru_cache(maxsize=None)(getattr(self.scorer, name)))
        self.by_doc: dict[int, list[int]] = {}
        for k, item in enumerate(items):
            self.by_doc.setdefault(item["doc"], []).append(k)
        self.file_of = {rec["store_id"]: f for f, rec in records.items()}
        # each document's language, as the pipeline gives StanceModel.stances (per-language thresholds)
        self.lang_of = {rec["store_id"]: rec.get("language") or "en" for rec in records.values()}

    @classmethod
    def build(cls, split: str, langs=("it", "en"), texts: pathlib.Path = TEXTS, exclude_rounds=(),
              rounds=None, available: bool = False) -> "EndToEnd":
        """A split of the corpus ("train+dev": both, pooled), each page fed with its URL as run.sh feeds
        it; without the documents of the rounds ``exclude_rounds``, or (``rounds``) with only those of
        these rounds (eval/corpus/rounds.tsv). The split's positions are derived from the documents kept;
        ``available``: a document whose capture is missing is left out (split_gold's ``available``)."""
        gold = pooled_gold(split.split("+"), list(langs), texts, available)
        gold = kept_rounds(gold, exclude_rounds, rounds)
        urls = pages._urls()
        files = {urls[d["file"].removesuffix(".txt")]: d["file"] for d in gold["documents"]}
        with tempfile.TemporaryDirectory(prefix="garante-e2e") as tmp:
            gold_path, jsonl = pathlib.Path(tmp) / "gold.json", pathlib.Path(tmp) / "pages.jsonl"
            gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            pages.write_jsonl(gold_path, jsonl, texts)
            return cls.of_inputs(gold, [str(jsonl)], files)

    @classmethod
    def of_inputs(cls, gold: dict, inputs: list[str], files: dict[str, str] | None = None) -> "EndToEnd":
        """Any gold file in the scorer's schema and its captures (``files``: source -> gold file name)."""
        from garante.store import Store
        with tempfile.TemporaryDirectory(prefix="garante-e2e") as tmp:
            path = pathlib.Path(tmp) / "c.db"
            docs, model_inputs = analysed(inputs, path)
            with Store(str(path)) as store:
                return cls(gold, statement_items(docs, store, model_inputs), statement_rows(store),
                           export_records(store, files or {}))

    def restricted(self, files: set[str]) -> "EndToEnd":
        """The same analysed split on the documents ``files`` alone (their own positions where the split's
        were derived from its documents): what a cached split gives when a round is left out."""
        docs = [d for d in self.gold["documents"] if d["file"] in files]
        gold = {**self.gold, "documents": docs}
        if self.gold.get("positions_from") == "own documents":
            gold["positions"] = by_language_positions(docs)
        else:
            gold = subset(self.gold, files)
        records = {f: rec for f, rec in self.records.items() if f in files}
        kept = {rec["store_id"] for rec in records.values()}
        items = [item for item in self.items if item["doc"] in kept]
        rows = {item["sid"]: self.rows[item["sid"]] for item in items if item["sid"] in self.rows}
        return EndToEnd(gold, items, rows, records)

    def without_rounds(self, names) -> "EndToEnd":
        """This split without the documents of the rounds ``names`` (itself where there are none)."""
        names = dataset.check_rounds(names)
        if not names:
            return self
        return self.restricted({d["file"] for d in self.gold["documents"] if not dataset.in_rounds(d["file"], names)})

    def guard(self, name: str, least_f1: float, least_positions: float) -> None:
        """Makes this set a guard: a model must keep its stance F1 and positions at these."""
        self.name, self.least = name, (least_f1, least_positions)

    def holds(self, figures: dict) -> bool:
        return figures["stance_f1"] >= self.least[0] - 1e-9 and figures["positions"] >= self.least[1] - 1e-9

    def figures_of(self, probs: list[list[tuple]], new: float, drop: float) -> dict:
        return brief(self.score(self.decide(probs, new, drop)))

    def to_json(self) -> dict:
        return {"format": FORMAT, "gold": self.gold, "items": self.items, "rows": list(self.rows.items()),
                "records": self.records}

    @classmethod
    def from_json(cls, data: dict) -> "EndToEnd":
        if data.get("format") != FORMAT:
            raise SystemExit("e2e: a cached split of an older e2e.py (its items hold the stances the whole pipeline "
                             "left, not what the model reads): delete the cache folder")
        return cls(data["gold"], data["items"], {int(k): v for k, v in data["rows"]}, data["records"])

    def probabilities(self, model: dict | None) -> list[list[tuple]]:
        """Per statement, per issue: (issue, the rules' stance or None, P(about), likeliest side, its P, the
        least P(about) x P(side) a stance the model adds needs: ``floor_uncued`` where no cue of the issue is
        in or around the statement, none where the rules found it declined); model None: the rules alone
        (P(about) 1 for their stances)."""
        from garante.extract.stance_model import StanceModel, by_language
        m = StanceModel(model) if model else None
        out = []
        for item in self.items:
            lang = self.lang_of.get(item["doc"])
            rules = {}
            for r in item["rules"]:
                rules.setdefault(r[0], r)  # as StanceModel.stances: the first stance the rules give an issue
            if m is None:
                out.append([(r[0], r, 1.0, None, 0.0, 0.0) for r in item["rules"]])
                continue
            row = []
            cued, declined = set(item["cued"]), set(item["declined"])
            for issue, (fa, fs) in item["feats"].items():
                pa = m.p_about(fa, lang)
                side, ps, floor = (None, 0.0, 0.0)
                if issue not in rules:
                    p = m.p_side(fs, lang)
                    side = max(p, key=p.get)
                    ps = p[side]
                    floor = (float("inf") if issue in declined
                             else 0.0 if issue in cued else by_language(m.floor_uncued, lang, 0.0))
                row.append((issue, rules.get(issue), pa, side, ps, floor))
            out.append(row)
        return out

    def decide(self, probs: list[list[tuple]], new, drop) -> list[list[tuple]]:
        """Per statement, its stances (issue, stance, confidence, rule), as StanceModel.stances decides;
        ``new`` and ``drop`` each a number or a dict by language (the model file's per-language form, with
        entries "<lang>|<issue>" where an issue has its own)."""
        from garante.extract.stance_model import by_language, keeps
        out = []
        for item, row in zip(self.items, probs):
            lang = self.lang_of.get(item["doc"])
            mine = []
            for issue, rule, pa, side, ps, floor in row:
                t_new, t_drop = by_language(new, lang, issue=issue), by_language(drop, lang, 0.0, issue=issue)
                # as StanceModel.stances: an issue only the embedding pass proposed is not dropped
                proposed = rule is not None and str(rule[3]).startswith("embedding+")
                if not keeps(rule is not None, pa, t_new, 0.0 if proposed else t_drop):
                    continue
                if rule is None and pa * ps < floor:
                    continue  # no cue of the issue (or one the speaker does not know): the step adds none
                mine.append(tuple(rule) if rule is not None else (issue, side, round(pa * ps, 3), "model"))
            out.append([] if item["silenced"] else self.after_stance_step(mine, item["actors"]))
        return out

    def after_stance_step(self, stances: list[tuple], actors: list[str]) -> list[tuple]:
        """One statement's stances (issue, stance, confidence, rule) as the pipeline's steps after the stance
        step leave them: the codebook's readings (stance_readings.py), then each rule's calibrated confidence
        (stance_calibration.py; the model's own stances keep theirs)."""
        from garante.document import Stance
        from garante.extract import stance_calibration as calibration
        from garante.extract.stance_readings import also_read, read, weak_sides
        found = [Stance(issue, stance, confidence, None, None, "stances", rule, {})
                 for issue, stance, confidence, rule in stances]
        who = set(actors)
        if who and found:
            cb = self.codebook
            found = also_read(read(weak_sides(found, who, cb.weak_sides), who, cb.support_readings), who,
                              cb.also_readings)
        table = calibration.load()
        return [(x.issue, x.stance, round(table[x.rule], 3) if x.rule in table and x.rule not in calibration.KEEP
                 else x.confidence, x.rule) for x in found]

    def score(self, stances: list[list[tuple]], files: set[str] | None = None) -> dict:
        """The shared scorer's figures of these stances (on the documents ``files`` only, when given)."""
        from garante.analyse.positions import positions
        gold = self.gold_slim if files is None else subset(self.gold_slim, files)
        pred, evidence = {}, []
        for d in gold["documents"]:
            rec = self.slim.get(d["file"])
            if rec is None:
                continue
            ks = self.by_doc.get(rec["store_id"], [])
            sts = [{**s, "issues": [{"issue": x[0], "stance": x[1], "confidence": round(x[2], 3), "rule": x[3]}
                                    for x in stances[k]]} for s, k in zip(rec["statements"], ks)]
            pred[d["file"]] = {**rec, "statements": sts}
        for k, item in enumerate(self.items):
            if files is None or self.file_of.get(item["doc"]) in files:
                evidence += [{**self.rows[item["sid"]], "issue": x[0], "stance": x[1], "confidence": x[2],
                              "stance_rule": x[3], "evidence_start": None, "evidence_end": None}
                             for x in stances[k]]
        evidence.sort(key=lambda r: (r["when"], r["document_id"], r["statement_id"]))
        # no tentative evidence: the positions of the stances alone (see the module's doc)
        return self.scorer.score(gold, pred, positions(None, evidence), False)

    def figures(self, model: dict | None, new: float | None = None, drop: float | None = None,
                files: set[str] | None = None) -> dict:
        """Stance F1, precision, recall and positions of a model (its own thresholds unless given)."""
        new = (model or {}).get("threshold_new", 1.0) if new is None else new
        drop = (model or {}).get("threshold_drop", 0.0) if drop is None else drop
        return brief(self.score(self.decide(self.probabilities(model), new, drop), files))


def pooled_gold(splits: list[str], langs: list[str], texts: pathlib.Path = TEXTS, available: bool = False) -> dict:
    """split_gold's gold of one split, or of several pooled (their documents together, each language's
    positions derived from its documents, as split_gold derives a split's)."""
    if len(splits) == 1:
        return split_gold(langs, splits[0], texts, available=available)[0]
    golds = [split_gold(langs, s, texts, available=available)[0] for s in splits]
    docs = [d for g in golds for d in g["documents"]]
    return {**golds[0], "about": f"splits {'+'.join(splits)} of {'+'.join(langs)}", "documents": docs,
            "positions": by_language_positions(docs)}


def by_language_positions(docs: list[dict]) -> list[dict]:
    """Positions derived from the documents, each language's from its own (as split_gold does)."""
    from split_gold import own_positions
    out = []
    for lang in dict.fromkeys(d["file"][:2] for d in docs):
        out += own_positions([d for d in docs if d["file"][:2] == lang])
    return out


def kept_rounds(gold: dict, exclude_rounds=(), rounds=None) -> dict:
    """The gold without the documents of the rounds ``exclude_rounds``, and with ``rounds`` only those of
    these rounds; positions derived anew from the documents kept where the gold's were derived from its own."""
    exclude_rounds, rounds = dataset.check_rounds(exclude_rounds), dataset.check_rounds(rounds) if rounds else None
    docs = [d for d in gold["documents"] if not dataset.in_rounds(d["file"], exclude_rounds)
            and (rounds is None or dataset.in_rounds(d["file"], rounds))]
    if len(docs) == len(gold["documents"]):
        return gold
    positions = by_language_positions(docs) if gold.get("positions_from") == "own documents" else gold["positions"]
    return {**gold, "documents": docs, "positions": positions}


def slim_gold(doc: dict) -> dict:
    return {**doc, "body_lines": [], "boilerplate_lines": [], "entities": [], "not_entities": [],
            "time_expressions": [],  # the page dates stay: own positions date undated statements by them
            "meta": {k: doc["meta"][k] for k in ("language", "published", "published_inferable") if k in doc["meta"]}}


def slim_record(rec: dict) -> dict:
    keys = ("content", "speaker", "on_behalf_of", "date")
    return {"store_id": rec["store_id"], "language": rec.get("language"),
            "statements": [{k: s.get(k) for k in keys} for s in rec["statements"]]}


def brief(r: dict) -> dict:
    c = r["counts"]
    return {"stance_f1": round(r["stance_f1"] or 0.0, 4), "positions": round(r.get("positions") or 0.0, 4),
            "stance_precision": c.get("stance_precision", [0, 0]), "stance_recall": c.get("stance_recall", [0, 0]),
            "positions_right": c.get("positions", [0, 0])}


def subset(gold: dict, files: set[str]) -> dict:
    """The gold of some of its documents, with split_gold's positions: derived from those documents alone
    where the gold's were derived from its own documents, else the cells their statements speak to (the
    seeds' and held-out sets' hand-made positions, the corpus-wide cells)."""
    from split_gold import _speaks_to, own_positions
    docs = [d for d in gold["documents"] if d["file"] in files]
    if gold.get("positions_from") == "own documents":
        return {**gold, "documents": docs, "positions": own_positions(docs)}
    statements = [s for d in docs for s in d["statements"]]
    return {**gold, "documents": docs, "positions": [p for p in gold["positions"] if _speaks_to(p, statements)]}


OWN_SETS = ("seeds", "heldout", "heldout2")


def own_set(name: str) -> EndToEnd:
    """The seeds (../shared) or one of our held-out sets (eval/heldout*), fed as run_heldout.sh feeds them."""
    if name == "seeds":
        shared = dataset.ROOT.parent / "shared"
        gold, inputs = shared / "gold" / "seeds.json", [str(shared / "seeds")]
    else:
        folder = dataset.ROOT / "eval" / name
        gold = folder / "gold.json"
        inputs = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".html"))
    return EndToEnd.of_inputs(json.loads(gold.read_text(encoding="utf-8")), inputs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", choices=["train", "dev", "train+dev", "test", "all", *OWN_SETS])
    ap.add_argument("--exclude-rounds", nargs="+", default=[], metavar="ROUND",
                    help="leave out the documents of these rounds (eval/corpus/rounds.tsv)")
    ap.add_argument("--rounds", nargs="+", metavar="ROUND", help="only the documents of these rounds")
    ap.add_argument("--lang", nargs="+", default=["it", "en"])
    ap.add_argument("--model", action="append", help="a model file (repeatable; 'none': the rules alone; "
                                                     "default: the shipped model)")
    ap.add_argument("--docs-from", help="a file naming the documents to score, one corpus file name a line")
    ap.add_argument("--texts", default=str(TEXTS))
    ap.add_argument("--available", action="store_true",
                    help="leave out the documents whose capture is missing (counted by split_gold), as run.sh's AVAILABLE=1")
    a = ap.parse_args()
    from garante.extract.stance_model import MODEL
    e2e = own_set(a.split) if a.split in OWN_SETS else EndToEnd.build(a.split, tuple(a.lang), pathlib.Path(a.texts),
                                                                      a.exclude_rounds, a.rounds, a.available)
    files = None
    if a.docs_from:
        files = {f.strip() for f in pathlib.Path(a.docs_from).read_text(encoding="utf-8").split() if f.strip()}
    for path in a.model or [str(MODEL)]:
        model = None if path == "none" else json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        print(json.dumps({"model": path, **e2e.figures(model, files=files)}))


if __name__ == "__main__":
    main()
