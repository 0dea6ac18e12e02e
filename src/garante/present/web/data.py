"""What the workbench shows, read from the evidence store with corrections applied.

Pages and the JSON API both call these functions, so they always agree. Every query uses
placeholders; the few pieces of SQL assembled here are fixed strings chosen by code, never user text.
"""
from __future__ import annotations

import bisect
import json
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Callable

from ...analyse.changes import tentative_changes
from ...pipeline import Context
from ...store import Store, StoreError
from .. import corrections as corr
from . import search as fulltext
from .highlight import highlight, raw_lines
from .incremental import CorrectedPositions

STANCE_ORDER = ("support", "conditional", "neutral", "oppose")
MAX_KEYED = 256
COALESCE = 0.05  # seconds the refresher waits for more corrections before applying them  # cached per-parameter values (issue timelines, what-changed between two dates)


# the month a statement counts in: its own date, else its document's
_MONTH = "SUBSTR(COALESCE(st.date, d.published, ''), 1, 7)"


class Workbench:
    """The store (one connection per thread: SQLite in WAL mode lets readers run beside a writer),
    the knowledge (KB, codebook), and caches that are dropped whenever the store changes."""

    def __init__(self, db: str, ctx: Context | None = None, token: str | None = None, pipeline=None):
        self.db = db
        self.ctx = pipeline.ctx if pipeline is not None else (ctx or Context())
        self.pipeline = pipeline  # what uploads are analysed with (None: the default pipeline)
        self.token = token or None
        self._local = threading.local()
        self._cache: dict[str, tuple[Any, Any]] = {}
        self._lock = threading.Lock()
        self._building: dict[str, threading.Lock] = {}
        self.write_lock = threading.Lock()
        if "://" not in db and not Path(db).is_file():  # a typo must not quietly create an empty store
            raise StoreError(f"{db}: no such store (create it with: garante analyze PATH --db {db})")
        self.notices: list[str] = []
        self._incremental: CorrectedPositions | None = None
        self._refreshed = threading.Condition()
        self._wanted = self._done = 0  # refreshes asked for and made (see refresh)
        self._refresher: threading.Thread | None = None
        self.fts = self._index()

    @property
    def store(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            s = self._local.store = Store(self.db)
        return s

    # --- caching -----------------------------------------------------------------------------
    def fingerprint(self) -> tuple:
        """Changes whenever the store does: a document analysed again keeps its id but gets new
        statements (ids are never reused), so the statements' count and largest id say so; every
        figure here is answered from an index or the table's rowid: one query a figure, since SQLite
        counts from an index only a bare COUNT(*) (with MAX(id) beside it, it read every row: 14 ms on
        40,000 statements, for every request)."""
        one = lambda sql: self.store.execute(sql).fetchone()[0]
        return (one("SELECT COUNT(*) FROM documents"), one("SELECT MAX(id) FROM documents"),
                one("SELECT COUNT(*) FROM corrections"), one("SELECT MAX(id) FROM corrections"),
                one("SELECT COUNT(*) FROM entities"), one("SELECT MAX(id) FROM ingest_errors"),
                one("SELECT COUNT(*) FROM statements"), one("SELECT MAX(id) FROM statements"))

    @staticmethod
    def machine_key(fp: tuple) -> tuple:
        """The part of the fingerprint that analyses change, not corrections."""
        return (fp[0], fp[1], fp[4], fp[6], fp[7])

    def cached(self, name: str, build: Callable[[], Any], fp: tuple | None = None, wait: bool = False) -> Any:
        """``build()``, kept until the fingerprint changes; concurrent requests for the same value
        wait for one build instead of each computing it. While a value is being rebuilt after a
        change, readers get the previous one rather than wait (reads keep their speed under a stream
        of corrections); ``wait``: the caller needs the new one (the writer, after its correction)."""
        fp = fp if fp is not None else self.fingerprint()
        with self._lock:
            hit = self._cache.get(name)
            if hit and hit[0] == fp:
                return hit[1]
            building = self._building.setdefault(name, threading.Lock())
        if hit is not None and not wait and name in self._pending():
            return hit[1]  # the refresher is about to bring it up to date
        if not building.acquire(blocking=wait or hit is None):
            return hit[1]
        try:
            with self._lock:
                hit = self._cache.get(name)
                if hit and hit[0] == fp:
                    return hit[1]
            value = build()
            with self._lock:
                self._cache.pop(name, None)  # re-inserted last: the oldest go first
                self._cache[name] = (fp, value)
                # values per parameter (an issue, a pair of dates) are kept for the latest few only
                if ":" in name:
                    keyed = [k for k in self._cache if ":" in k]
                    for k in keyed[:max(0, len(keyed) - MAX_KEYED)]:
                        del self._cache[k]
        finally:
            building.release()
        return value

    def _pending(self) -> tuple[str, ...]:
        return ("corrected",) if self._done < self._wanted else ()

    def refresh(self) -> None:
        """Returns once the corrected positions include what was written before the call (the writer
        of a correction calls it, so that its response and the reads after it show it). One thread
        applies the corrections of many writers at once: under a stream of corrections the positions
        are brought up to date a few times a second, not once per correction, and readers meanwhile
        get the previous ones."""
        with self._refreshed:
            self._wanted += 1
            ticket = self._wanted
            if self._refresher is None or not self._refresher.is_alive():
                self._refresher = threading.Thread(target=self._refresh_loop, name="refresh", daemon=True)
                self._refresher.start()
            self._refreshed.notify_all()
            while self._done < ticket:
                self._refreshed.wait()

    def _refresh_loop(self) -> None:
        while True:
            with self._refreshed:
                while self._done >= self._wanted:
                    self._refreshed.wait()
            time.sleep(COALESCE)  # let the corrections arriving meanwhile join this update
            with self._refreshed:
                ticket = self._wanted
            try:
                self.corrected(self.fingerprint(), wait=True)
            finally:
                with self._refreshed:
                    self._done = ticket
                    self._refreshed.notify_all()

    def _index(self) -> bool:
        try:
            ok = fulltext.ensure_index(self.store)
            self.notices = [n for n in self.notices if not n.startswith("search index")]
            return ok
        except fulltext.IndexBusy:
            note = ("search index not built: another writer holds the store; searching without it (slower) "
                    "and trying again in the background")
            if note not in self.notices:
                self.notices.append(note)
            return False

    def retry_index(self, attempts: int = 8) -> None:
        """Tries again to build the search index while another writer held the store at start-up."""
        delay = 1.0
        while self.notices and attempts > 0 and not self.fts:
            time.sleep(delay)
            self.fts = self._index()
            attempts, delay = attempts - 1, min(delay * 2, 60.0)

    def warm(self) -> None:
        """Builds what the pages share (positions, overview) ahead of the first request, and the
        search index if a lock kept it from being built at start-up."""
        self.retry_index()
        fp = self.fingerprint()
        self.positions(fp)
        self.overview()

    def corrections(self, fp: tuple | None = None) -> corr.Corrections:
        return self.cached("corrections", lambda: corr.load(self.store), fp)

    def correction_list(self) -> list[dict[str, Any]]:
        """Corrections, oldest first, each with ``attached``: whether the statement it names (by
        content hash and offsets) exists now, and the document and statement it points at. A
        re-analysis that moves a statement's offsets leaves its corrections unattached, not lost."""
        rows = self.store.query("SELECT * FROM corrections ORDER BY id")
        for r in rows:
            r["attached"], r["document_id"], r["statement_id"] = r["target"] == "entity", None, None
            if r["content_hash"] is not None:
                hit = self.store.query(
                    """SELECT st.id, st.document_id FROM documents d JOIN statements st ON st.document_id = d.id
                       WHERE d.content_hash = ? AND st.content_start = ? AND st.content_end = ?""",
                    (r["content_hash"], r["content_start"], r["content_end"]))
                if hit:
                    r.update(attached=True, document_id=hit[0]["document_id"], statement_id=hit[0]["id"])
        return rows

    def names(self, fp: tuple | None = None) -> dict[str, dict[str, Any]]:
        return self.cached("names", lambda: {r["id"]: r for r in self.store.query(
            "SELECT id, name, type, origin FROM entities")}, fp)

    def _machine(self, fp: tuple) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict]:
        """Evidence rows, positions and rows by position cell as the machine computed them: rebuilt
        only when documents or entities change, not when an analyst adds a correction."""
        def build():
            from ...analyse.positions import evidence, positions
            rows = evidence(self.store)
            return rows, positions(self.store, rows), corr.rows_by_cell(rows)
        return self.cached("machine", build, self.machine_key(fp))

    def corrected(self, fp: tuple | None = None, wait: bool = False
                  ) -> tuple[list[dict[str, Any]] | None, set[tuple[int, str]], list[dict[str, Any]]]:
        """Corrected evidence rows (oldest first), the (statement, issue) pairs corrections changed,
        and corrected positions."""
        fp = fp or self.fingerprint()

        def build():
            rows, machine, by_cell = self._machine(fp)
            c, key = self.corrections(fp), self.machine_key(fp)
            state = self._incremental
            if state is not None and state.can_apply(key, c):  # only new speaker/stance corrections
                state.apply(self.store, c, self._machine_by_statement(fp))
                return state.result()
            out = corr.correct(self.store, c, rows, machine, by_cell)
            self._incremental = CorrectedPositions(key, c, *out)
            return out
        return self.cached("corrected", build, fp, wait)

    def corrected_rows(self, fp: tuple) -> list[dict[str, Any]]:
        """Corrected evidence rows, oldest first."""
        rows = self.corrected(fp)[0]
        if rows is None:  # brought up to date incrementally: sorted on demand
            rows = self.cached("corrected-rows", self._incremental.rows, fp)
        return rows

    def _machine_by_statement(self, fp: tuple) -> dict[int, list[dict[str, Any]]]:
        def build():
            out: dict[int, list[dict[str, Any]]] = {}
            for r in self._machine(fp)[0]:
                out.setdefault(r["statement_id"], []).append(r)
            return out
        return self.cached("machine-by-statement", build, self.machine_key(fp))

    def state_timelines(self, fp: tuple) -> dict[tuple[str, str], tuple[list[str], list[dict[str, Any]]]]:
        """Per (state or organisation, issue): the dates of its evidence and the row that sets its
        stance as of each (a neutral remark does not overturn a side taken, as in positions)."""
        def build():
            rows = self.corrected_rows(fp)
            out: dict[tuple[str, str], tuple[list[str], list[dict[str, Any]]]] = {}
            for r in rows:  # oldest first
                if not r["on_behalf_of_id"]:
                    continue
                whens, current = out.setdefault((r["on_behalf_of_id"], r["issue"]), ([], []))
                keep = current and r["stance"] == "neutral" and current[-1]["stance"] != "neutral"
                whens.append(r["when"])
                current.append(current[-1] if keep else r)
            return out
        return self.cached("state-timelines", build, fp)

    def positions(self, fp: tuple | None = None) -> list[dict[str, Any]]:
        return self.corrected(fp)[2]

    def issues(self) -> list[dict[str, Any]]:
        return [{"id": i.id, "proposition": i.proposition} for i in self.ctx.codebook.issues.values()]

    def issue_ids(self) -> set[str]:
        return set(self.ctx.codebook.issues)

    # --- overview ----------------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        fp = self.fingerprint()
        return self.cached("overview", lambda: self._overview(fp), fp)

    def _overview(self, fp: tuple) -> dict[str, Any]:
        """What the store holds (cached until documents, entities or errors change: a correction
        does not redo these counts) with the corrections applied on top."""
        base = self.cached("overview-store", self._overview_store, self.machine_key(fp) + (fp[5],))
        c = self.corrections(fp)
        names = self.names(fp)
        actor_counts: Counter = Counter()
        for a, n in base["statements_by_actor"]:
            actor_counts[c.resolve(a)] += n
        actors = [{"id": a, "name": (names.get(a) or {}).get("name") or a, "statements": n}
                  for a, n in actor_counts.most_common(30)]
        counts = {**base["counts"], "corrections": self.store.query("SELECT COUNT(*) AS n FROM corrections")[0]["n"]}
        out = {k: v for k, v in base.items() if k != "statements_by_actor"}
        return {**out, "counts": counts, "actors": actors}

    def _overview_store(self) -> dict[str, Any]:
        q = self.store.query
        counts = {t: q(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"]
                  for t in ("documents", "statements", "stances", "entities", "ingest_errors")}
        by_outlet = q("""SELECT COALESCE(outlet, '') AS outlet, COUNT(*) AS n FROM documents
                         GROUP BY COALESCE(outlet, '') ORDER BY n DESC, outlet LIMIT 100""")
        by_language = q("""SELECT COALESCE(language, '') AS language, COUNT(*) AS n FROM documents
                           GROUP BY COALESCE(language, '') ORDER BY n DESC""")
        by_month = q("""SELECT SUBSTR(COALESCE(published, ''), 1, 7) AS month, COUNT(*) AS n FROM documents
                        GROUP BY SUBSTR(COALESCE(published, ''), 1, 7) ORDER BY month""")
        errors = q("SELECT source, location, message, occurred_at FROM ingest_errors ORDER BY id DESC LIMIT 50")
        versions = q("""SELECT pipeline_version, COUNT(*) AS n, MAX(analysed_at) AS last FROM documents
                        GROUP BY pipeline_version ORDER BY last DESC""")
        by_actor = [(r["id"], r["n"]) for r in q("""SELECT on_behalf_of_id AS id, COUNT(*) AS n FROM statements
                                                     WHERE on_behalf_of_id IS NOT NULL GROUP BY on_behalf_of_id""")]
        issue_counts = {r["issue"]: r["n"] for r in q("SELECT issue, COUNT(*) AS n FROM stances GROUP BY issue")}
        issues = [{**i, "stances": issue_counts.get(i["id"], 0)} for i in self.issues()]
        recent = q("""SELECT id, title, outlet, language, published, source FROM documents
                      ORDER BY published DESC NULLS LAST, id DESC LIMIT 20""")
        return {"counts": counts, "by_outlet": by_outlet, "by_language": by_language, "by_month": by_month,
                "ingest_errors": errors, "pipeline_versions": versions, "statements_by_actor": by_actor,
                "issues": issues, "recent_documents": recent}

    def documents(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                  language: str | None = None) -> dict[str, Any]:
        where, params = [], []
        # "" stands for unknown; the plain comparison lets the column's index answer
        for col, value in (("outlet", outlet), ("language", language)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
            elif value is not None:
                where.append(f"({col} IS NULL OR {col} = '')")
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.store.query("SELECT COUNT(*) AS n FROM documents" + cond, params)[0]["n"]
        rows = self.store.query("SELECT id, title, outlet, language, published, source FROM documents" + cond
                                + " ORDER BY published DESC NULLS LAST, id DESC LIMIT ? OFFSET ?",
                                params + [limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "documents": rows}

    # --- one document ------------------------------------------------------------------------
    def document(self, doc_id: int) -> dict[str, Any] | None:
        store = self.store
        rows = store.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return None
        d = rows[0]
        fp = self.fingerprint()
        c = self.corrections(fp)
        names = self.names(fp)
        text = d["text"]
        spans = store.query("""SELECT layer, label, start_char, end_char, text, entity_id, value, attrs, rule
                               FROM spans WHERE document_id = ? AND layer IN ('mention', 'timex')
                               ORDER BY start_char, id""", (doc_id,))
        statements = self._statements(store.query("SELECT * FROM statements WHERE document_id = ? ORDER BY seq",
                                                  (doc_id,)), d["content_hash"], c)
        marks: list[dict[str, Any]] = []
        for st in statements:
            st["source_written"] = written_span(text, st, "source_span", "speaker_start", "speaker_end")
            st["cue_written"] = written_span(text, st, "cue_span", "cue_start", "cue_end")
        for n, st in enumerate(statements):
            marks.append({"kind": "statement", "start": st["content_start"], "end": st["content_end"], "n": n,
                          "corrected": bool(st["corrected"])})
            for kind, span in (("speaker", st["source_written"]), ("cue", st["cue_written"])):
                if span is not None:
                    marks.append({"kind": kind, "start": span["start"], "end": span["end"]})
        entities: dict[str, dict[str, Any]] = {}
        times = []
        for s in spans:
            if s["layer"] == "mention":
                eid = c.resolve(s["entity_id"]) if s["entity_id"] else None
                name = (names.get(eid) or {}).get("name") if eid else None
                marks.append({"kind": "mention", "start": s["start_char"], "end": s["end_char"], "entity_id": eid,
                              "label": s["label"], "name": name or s["text"]})
                key = eid or s["text"]
                e = entities.setdefault(key, {"id": eid, "name": name or s["text"], "type": s["label"],
                                              "mentions": 0, "merged": eid != s["entity_id"]})
                e["mentions"] += 1
            else:
                marks.append({"kind": "timex", "start": s["start_char"], "end": s["end_char"],
                              "value": s["value"]})
                times.append({"text": s["text"], "value": s["value"], "type": s["label"],
                              "start": s["start_char"], "end": s["end_char"]})
        meta = {k: d[k] for k in ("title", "published", "published_precision", "published_source", "outlet",
                                  "author", "url", "language", "section", "capture_date")}
        return {
            "id": d["id"], "source": d["source"], "format": d["format"], "content_hash": d["content_hash"],
            "pipeline_version": d["pipeline_version"], "analysed_at": d["analysed_at"], "meta": meta,
            "text": text, "raw": d["raw"], "statements": statements,
            "entities": sorted(entities.values(), key=lambda e: -e["mentions"]), "time_expressions": times,
            "_marks": marks, "_lines": json.loads(d["lines"] or "[]"), "_segments": json.loads(d["segments"] or "[]"),
        }

    def document_html(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {"text_html": highlight(doc["text"], doc["_marks"]),
                "raw_lines": raw_lines(doc["raw"], doc["_lines"], doc["_segments"])}

    def _statements(self, rows: list[dict[str, Any]], content_hash: str | dict[int, str],
                    c: corr.Corrections) -> list[dict[str, Any]]:
        """Statement rows with their stances, both corrected."""
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        stances: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for s in self.store.query(
                    f"""SELECT statement_id, issue, stance, confidence, evidence_start, evidence_end, rule
                        FROM stances WHERE statement_id IN ({', '.join('?' for _ in part)}) ORDER BY id""", part):
                stances[s["statement_id"]].append(s)
        out = []
        for r in rows:
            h = content_hash if isinstance(content_hash, str) else content_hash[r["document_id"]]
            st = c.statement(r, h)
            st["stances"] = c.stance_rows((h, r["content_start"], r["content_end"]), stances.get(r["id"], []))
            st["attrs"] = json.loads(r["attrs"]) if isinstance(r.get("attrs"), str) else r.get("attrs")
            if any(x["corrected"] for x in st["stances"]):
                st["corrected"] = st["corrected"] + ["stance"]
            out.append(st)
        return out

    # --- actors ------------------------------------------------------------------------------
    def actor(self, actor_id: str, limit: int = 100) -> dict[str, Any] | None:
        fp = self.fingerprint()
        c = self.corrections(fp)
        names = self.names(fp)
        kb_entity = self.ctx.kb.get(actor_id)
        row = names.get(actor_id)
        if row is None and kb_entity is None:
            return None
        merged_into = c.resolve(actor_id)
        aliases = sorted(a for a, t in c.merges.items() if c.resolve(a) == actor_id)
        ids = [actor_id] + aliases  # the actor and every actor an analyst merged into it
        by_month, joined, left = self._actor_months(ids, c)
        shown = self._actor_statements(ids, joined, left, limit, c)
        evidence = self.evidence_rows(actor_id, None, c, per_issue=5, fp=fp)
        positions = [{**summary(p), "evidence": evidence.get(p["issue"], [])} for p in self.positions(fp)
                     if (p.get("actor") or {}).get("id") == actor_id]
        return {
            "id": actor_id, "name": (row or {}).get("name") or kb_entity.name,
            "type": (row or {}).get("type") or (kb_entity.type if kb_entity else ""),
            "origin": (row or {}).get("origin") or "kb",
            "aliases": list(kb_entity.aliases) if kb_entity else [],
            "merged_into": merged_into if merged_into != actor_id else None, "merged_from": aliases,
            "roles": self._actor_roles(kb_entity, names), "statement_count": sum(by_month.values()),
            "timeline": [{"month": m, "statements": n} for m, n in sorted(by_month.items()) if n > 0],
            "statements": shown, "positions": positions,
        }

    @staticmethod
    def _actor_condition(ids: list[str]) -> str:
        marks = ", ".join("?" for _ in ids)
        return f"(st.on_behalf_of_id IN ({marks}) OR st.speaker_entity_id IN ({marks}))"

    def _actor_months(self, ids: list[str], c: corr.Corrections) -> tuple[Counter, list[int], set[int]]:
        """The actor's statements a month, and the statements whose speaker an analyst changed that join it
        (ids) or leave it (ids)."""
        q = self.store.query
        by_month: Counter = Counter({r["month"]: r["n"] for r in q(
            f"""SELECT {_MONTH} AS month, COUNT(*) AS n FROM statements st JOIN documents d ON d.id = st.document_id
                WHERE {self._actor_condition(ids)} GROUP BY {_MONTH}""", ids + ids)})
        joined, left = [], set()
        fixed = self._corrected_statement_ids(c)
        for chunk in range(0, len(fixed), 500):
            part = fixed[chunk:chunk + 500]
            for r in q(f"""SELECT st.*, d.content_hash, {_MONTH} AS month FROM statements st
                           JOIN documents d ON d.id = st.document_id
                           WHERE st.id IN ({', '.join('?' for _ in part)})""", part):
                was = r["on_behalf_of_id"] in ids or r["speaker_entity_id"] in ids
                st = c.statement(r, r["content_hash"])
                now = st["on_behalf_of_id"] in ids or st["speaker_entity_id"] in ids
                if was and not now:
                    by_month[r["month"]] -= 1
                    left.add(r["id"])
                elif now and not was:
                    by_month[r["month"]] += 1
                    joined.append(r["id"])
        return by_month, joined, left

    def _actor_statements(self, ids: list[str], joined: list[int], left: set[int], limit: int,
                          c: corr.Corrections) -> list[dict[str, Any]]:
        """The actor's latest statements as corrected, with their documents' title, outlet and date."""
        cond = self._actor_condition(ids)
        if joined:
            cond = f"({cond} OR st.id IN ({', '.join('?' for _ in joined)}))"
        rows = self.store.query(f"""SELECT st.*, d.content_hash, d.title, d.outlet, d.published FROM statements st
                     JOIN documents d ON d.id = st.document_id WHERE {cond}
                     ORDER BY COALESCE(st.date, d.published, '') DESC, st.id DESC LIMIT ?""",
                                ids + ids + joined + [limit + len(left)])
        mine = [r for r in rows if r["id"] not in left][:limit]
        shown = self._statements(mine, {r["document_id"]: r["content_hash"] for r in mine}, c)
        for s, r in zip(shown, mine):
            s.update(title=r["title"], outlet=r["outlet"], published=r["published"])
        return shown

    def _actor_roles(self, kb_entity, names: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"role": r.role, "of": r.of, "of_name": (names.get(r.of) or {}).get("name")
                 or (self.ctx.kb.get(r.of).name if self.ctx.kb.get(r.of) else r.of),
                 "start": r.start, "end": r.end} for r in (kb_entity.roles if kb_entity else [])]

    def _corrected_statement_ids(self, c: corr.Corrections) -> list[int]:
        if not c.speakers:
            return []
        out = []
        for key in c.speakers:
            out += [r["id"] for r in self.store.query(
                """SELECT st.id FROM statements st JOIN documents d ON d.id = st.document_id
                   WHERE d.content_hash = ? AND st.content_start = ? AND st.content_end = ?""", key)]
        return out

    def evidence_rows(self, actor_id: str, issue: str | None, c: corr.Corrections, per_issue: int = 50,
                      fp: tuple | None = None, offset: int = 0,
                      counts: dict[str, int] | None = None) -> dict[str, list[dict[str, Any]]]:
        """The statements behind an actor's positions (either level), per issue, newest first: the
        evidence each position row was computed from, so a cell and the evidence it opens agree.
        ``offset``: from the how-manieth newest; ``counts`` gets the number of statements per issue."""
        fp = fp or self.fingerprint()
        refs: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
        read: dict[bool, set[tuple[str, int]]] = {True: set(), False: set()}  # (issue, statement) by tentative
        for p in self.positions(fp):
            if (p.get("actor") or {}).get("id") == actor_id and (issue is None or p["issue"] == issue):
                for e in p["evidence"]:
                    refs[p["issue"]].setdefault(e["statement_id"], e)
                    read[bool(p.get("tentative"))].add((p["issue"], e["statement_id"]))
        tentative = read[True] - read[False]  # the model's weaker proposals, in a cell no stance speaks to
        chosen = {i: sorted(r.values(), key=lambda e: (e["date"] or "", e["statement_id"]),
                            reverse=True)[offset:offset + per_issue] for i, r in refs.items()}
        if counts is not None:
            counts.update((i, len(r)) for i, r in refs.items())
        ids = sorted({e["statement_id"] for v in chosen.values() for e in v})
        info, machine = self._statement_info(ids, c)
        out: dict[str, list[dict[str, Any]]] = {}
        for i, evs in chosen.items():
            rows = []
            for e in evs:
                st = info.get(e["statement_id"], {})
                m = machine.get((e["statement_id"], i), {})
                rows.append({
                    "statement_id": e["statement_id"], "document_id": e["document_id"], "issue": i,
                    "stance": e["stance"], "machine_stance": m.get("stance"),
                    "corrected": bool(e.get("corrected")), "tentative": (i, e["statement_id"]) in tentative,
                    "date": e["date"],
                    "speaker": st.get("speaker_name"), "speaker_id": st.get("speaker_entity_id"),
                    "on_behalf_of": st.get("on_behalf_of_name"), "content": st.get("content", ""),
                    "evidence": m.get("evidence"), "title": st.get("title"), "outlet": st.get("outlet")})
            out[i] = rows
        return out

    def _statement_info(self, ids: list[int], c: corr.Corrections
                        ) -> tuple[dict[int, dict[str, Any]], dict[tuple[int, str], dict[str, Any]]]:
        """Corrected statements by id, and the machine's stances with their evidence text by
        (statement id, issue)."""
        info: dict[int, dict[str, Any]] = {}
        machine: dict[tuple[int, str], dict[str, Any]] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            marks = ", ".join("?" for _ in part)
            for r in self.store.query(
                    f"""SELECT st.id, st.document_id, st.content, st.content_start, st.content_end,
                               st.speaker_entity_id, st.speaker_name, st.on_behalf_of_id, st.on_behalf_of_name,
                               st.addressee_id, st.addressee_name, d.content_hash, d.title, d.outlet
                        FROM statements st JOIN documents d ON d.id = st.document_id
                        WHERE st.id IN ({marks})""", part):
                info[r["id"]] = {**c.statement(r, r["content_hash"]), "title": r["title"], "outlet": r["outlet"]}
            for r in self.store.query(
                    f"""SELECT s.statement_id, s.issue, s.stance,
                               CASE WHEN s.evidence_start IS NOT NULL AND s.evidence_end > s.evidence_start
                                    THEN SUBSTR(d.text, s.evidence_start + 1, s.evidence_end - s.evidence_start)
                               END AS evidence
                        FROM stances s JOIN documents d ON d.id = s.document_id
                        WHERE s.statement_id IN ({marks})""", part):
                machine.setdefault((r["statement_id"], r["issue"]), r)
        return info, machine

    def evidence(self, actor_id: str, issue: str) -> list[dict[str, Any]]:
        fp = self.fingerprint()
        return self.evidence_rows(actor_id, issue, self.corrections(fp), per_issue=500, fp=fp).get(issue, [])

    def evidence_page(self, actor_id: str, issue: str, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        """A page of a cell's evidence, newest first, with the number of statements in all (the page shows
        a hundred: rendering every statement of a state's cell took most of the page's time)."""
        fp, counts = self.fingerprint(), {}
        rows = self.evidence_rows(actor_id, issue, self.corrections(fp), per_issue=limit, fp=fp, offset=offset,
                                  counts=counts).get(issue, [])
        return {"rows": rows, "total": counts.get(issue, 0), "limit": limit, "offset": offset}

    # --- issues and positions ----------------------------------------------------------------
    def issue(self, issue_id: str) -> dict[str, Any] | None:
        cb = self.ctx.codebook.issues.get(issue_id)
        fp = self.fingerprint()
        known = self.store.query("SELECT 1 AS x FROM stances WHERE issue = ? LIMIT 1", (issue_id,))
        if cb is None and not known:
            return None
        positions = [summary(p) for p in self.positions(fp) if p["issue"] == issue_id]
        timeline = self.cached(f"issue-timeline:{issue_id}", lambda: self._issue_timeline(issue_id, fp), fp)
        # analysts read an issue by the states and organisations taking sides; the people who spoke
        # for them are listed apart
        return {"id": issue_id, "proposition": cb.proposition if cb else "", "positions": positions,
                "by_stance": _by_stance(p for p in positions if p.get("actor_level") != "person"),
                "persons_by_stance": _by_stance(p for p in positions if p.get("actor_level") == "person"),
                "timeline": timeline}

    def _issue_timeline(self, issue_id: str, fp: tuple) -> list[dict[str, Any]]:
        """Stances on the issue per month (statements, not actors), corrections applied."""
        counts: dict[str, Counter] = defaultdict(Counter)
        for r in self.store.query("""SELECT SUBSTR(COALESCE(st.date, d.published, ''), 1, 7) AS month, s.stance,
                                     COUNT(*) AS n FROM stances s JOIN statements st ON st.id = s.statement_id
                                     JOIN documents d ON d.id = st.document_id WHERE s.issue = ?
                                     GROUP BY month, s.stance""", (issue_id,)):
            counts[r["month"]][r["stance"]] += r["n"]
        c = self.corrections(fp)
        if c.stances:
            for key, fixes in c.stances.items():
                if issue_id not in fixes:
                    continue
                for r in self.store.query(
                        """SELECT SUBSTR(COALESCE(st.date, d.published, ''), 1, 7) AS month, s.stance
                           FROM statements st JOIN documents d ON d.id = st.document_id
                           LEFT JOIN stances s ON s.statement_id = st.id AND s.issue = ?
                           WHERE d.content_hash = ? AND st.content_start = ? AND st.content_end = ?""",
                        (issue_id, *key)):
                    if r["stance"]:
                        counts[r["month"]][r["stance"]] -= 1
                    if fixes[issue_id]["stance"] != corr.NO_STANCE:
                        counts[r["month"]][fixes[issue_id]["stance"]] += 1
        return [{"month": m, **{s: max(0, counts[m].get(s, 0)) for s in STANCE_ORDER}}
                for m in sorted(counts) if m]

    def disagreements(self) -> list[dict[str, Any]]:
        """Speakers of one state or organisation on different sides of an issue, corrections applied."""
        from ...analyse.positions import disagreements
        fp = self.fingerprint()
        return self.cached("disagreements", lambda: disagreements(self.store, self.corrected_rows(fp)), fp)

    def conflicts(self, level: str = "state") -> list[dict[str, Any]]:
        """Issues with actors of ``level`` for and against them by their stances, corrections applied; the
        tentative cells listed apart, not counted (``analyse.conflicts``)."""
        from ...analyse.conflicts import conflicts
        fp = self.fingerprint()
        return self.cached(f"conflicts:{level}", lambda: conflicts(self.positions(fp), level), fp)

    def matrix(self, level: str = "state") -> dict[str, Any]:
        """Actors of one level ("state": states and organisations; "person") × issues."""
        fp = self.fingerprint()
        positions = [p for p in self.positions(fp) if p.get("actor_level", "state") == level]
        issues = [i["id"] for i in self.issues()]
        extra = sorted({p["issue"] for p in positions} - set(issues))
        issues += extra
        actors: dict[str, dict[str, Any]] = {}
        for p in positions:
            a = p.get("actor") or {}
            if not a.get("id"):
                continue
            row = actors.setdefault(a["id"], {"id": a["id"], "name": a.get("name") or a["id"], "cells": {},
                                              "statements": 0})
            row["cells"][p["issue"]] = summary(p)
            row["statements"] += p.get("statements") or 0
        rows = sorted(actors.values(), key=lambda r: (-r["statements"], r["name"]))
        return {"level": level, "issues": issues, "actors": rows}

    # --- search and change -------------------------------------------------------------------
    def search(self, q: str = "", actor: str | None = None, issue: str | None = None,
               outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
               limit: int = 50, offset: int = 0) -> dict[str, Any]:
        fp = self.fingerprint()
        c = self.corrections(fp)
        extra = self._corrected_statement_ids(c) if actor else None
        if actor:
            extra = (extra or []) + self._statement_ids_of_merged(actor, c)
        rows, total = fulltext.search(self.store, q, actor, issue, outlet, date_from, date_to, limit, offset,
                                      fts=self.fts, extra_statement_ids=extra)
        statements = self._statements(rows, {r["document_id"]: r["content_hash"] for r in rows}, c)
        for s, r in zip(statements, rows):
            s.update(title=r["title"], outlet=r["outlet"], published=r["published"])
        if actor:
            statements = [s for s in statements if actor in (s["on_behalf_of_id"], s["speaker_entity_id"])]
        return {"total": total, "limit": limit, "offset": offset, "statements": statements}

    def _statement_ids_of_merged(self, actor: str, c: corr.Corrections) -> list[int]:
        merged = [a for a in c.merges if c.resolve(a) == actor]
        if not merged:
            return []
        marks = ", ".join("?" for _ in merged)
        return [r["id"] for r in self.store.query(
            f"SELECT id FROM statements WHERE on_behalf_of_id IN ({marks}) OR speaker_entity_id IN ({marks})",
            merged + merged)]

    def changes(self, date_from: str, date_to: str) -> dict[str, Any]:
        """Positions as they stood at ``date_from`` and at ``date_to`` (latest stance on or before
        each date), and what moved between them."""
        fp = self.fingerprint()
        return self.cached(f"changes:{date_from}:{date_to}", lambda: self._changes(date_from, date_to, fp), fp)

    def _changes(self, date_from: str, date_to: str, fp: tuple) -> dict[str, Any]:
        """States' and organisations' stances as they stood at each date (set by the latest evidence
        on or before it) and those that differ."""
        _, changed_by_analyst, _ = self.corrected(fp)
        names = self.names(fp)
        start, end = date_from + "\uffff", date_to + "\uffff"
        changed = []
        new_statements = 0
        for (actor, issue), (whens, current) in self.state_timelines(fp).items():
            i, j = bisect.bisect_right(whens, start), bisect.bisect_right(whens, end)
            new_statements += max(0, j - i)
            if j == 0:
                continue
            old, r = (current[i - 1] if i else None), current[j - 1]
            if old is None or old["stance"] != r["stance"]:
                changed.append({
                    "actor": {"id": actor, "name": (names.get(actor) or {}).get("name") or r["actor_state"] or actor},
                    "issue": issue, "before": old["stance"] if old else None, "after": r["stance"],
                    "date": r["when"] or None, "statement_id": r["statement_id"], "document_id": r["document_id"],
                    "corrected": (r["statement_id"], issue) in changed_by_analyst})
        changed.sort(key=lambda x: (x["date"] or "", x["actor"]["name"]), reverse=True)
        docs = self.store.query("SELECT COUNT(*) AS n FROM documents WHERE published > ? AND published <= ?",
                                (start, end))[0]["n"]
        return {"date_from": date_from, "date_to": date_to, "changes": changed,
                "tentative_changes": self._tentative_moves(start, end, fp),
                "new_stance_statements": new_statements, "new_documents": docs}

    def _tentative_moves(self, start: str, end: str, fp: tuple) -> list[dict[str, Any]]:
        """The moves of the states' tentative cells dated after ``start`` and up to ``end``, listed apart from
        the changes (``analyse.changes``: a change of stance rests on stances; the timelines above read stances
        only), each ``tentative: true``, latest first."""
        moved = []
        for c in tentative_changes([p for p in self.positions(fp) if p["actor_level"] == "state"]):
            if c["date"] and start < c["date"] <= end:
                last = c["after"][-1]
                moved.append({"actor": c["actor"], "issue": c["issue"], "before": c["from"], "after": c["to"],
                              "date": c["date"], "statement_id": last["statement_id"],
                              "document_id": last["document_id"], "tentative": True})
        moved.sort(key=lambda x: (x["date"], x["actor"]["name"] or ""), reverse=True)
        return moved

def summary(p: dict[str, Any]) -> dict[str, Any]:
    """A position without its evidence list (that opens through ``evidence``), with its last ten
    changes of stance as dates only: what tables and the matrix show."""
    out = {k: v for k, v in p.items() if k not in ("evidence", "changes")}
    changes = p.get("changes", [])
    out["change_count"] = len(changes)
    out["changes"] = [{"from": ch["from"], "to": ch["to"], "date": ch["date"]} for ch in changes[-10:]]
    return out


def _by_stance(positions) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {s: [] for s in STANCE_ORDER}
    # an actor the stances place before one only the model's weaker proposals place (tentative)
    for p in sorted(positions, key=lambda p: (bool(p.get("tentative")), -(p.get("statements") or 0),
                                              (p.get("actor") or {}).get("name") or "")):
        groups.setdefault(p["stance"], []).append(p)
    return groups


def written_span(text: str, st: dict[str, Any], key: str, start: str, end: str) -> dict[str, Any] | None:
    """The statement's source or cue as its sentence writes it (``attrs[key]``, [start, end): "il ministro
    degli Esteri Antonio Tajani", "ha detto"), else its own span (the speaker's name, the cue's head word),
    as {text, start, end}; None where it has neither or the offsets do not fit the text."""
    attrs = st.get("attrs") or {}
    for a, b in (attrs.get(key) or (None, None), (st.get(start), st.get(end))):
        if isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text):
            return {"text": text[a:b], "start": a, "end": b}
    return None
