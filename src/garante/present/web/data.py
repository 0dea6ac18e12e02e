"""What the workbench shows, read from the evidence store with corrections applied.

Pages and the JSON API both call these functions, so they always agree. Every query uses
placeholders; the few pieces of SQL assembled here are fixed strings chosen by code, never user text.
"""
from __future__ import annotations

import json
import threading
from collections import Counter, defaultdict
from typing import Any, Callable

from ...pipeline import Context
from ...store import Store
from .. import corrections as corr
from . import search as fulltext
from .highlight import highlight, raw_lines

STANCE_ORDER = ("support", "conditional", "neutral", "oppose")


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
        self.write_lock = threading.Lock()
        self.fts = fulltext.ensure_index(self.store)

    @property
    def store(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            s = self._local.store = Store(self.db)
        return s

    # --- caching -----------------------------------------------------------------------------
    def fingerprint(self) -> tuple:
        """Changes whenever the store does: re-analysing a document deletes and re-inserts it, so its
        id changes; every figure here is answered from an index or the table's rowid."""
        d = self.store.query("SELECT COUNT(*) AS n, MAX(id) AS m FROM documents")[0]
        c = self.store.query("SELECT COUNT(*) AS n, MAX(id) AS m FROM corrections")[0]
        e = self.store.query("SELECT COUNT(*) AS n FROM entities")[0]
        i = self.store.query("SELECT MAX(id) AS m FROM ingest_errors")[0]
        return (d["n"], d["m"], c["n"], c["m"], e["n"], i["m"])

    def cached(self, name: str, build: Callable[[], Any], fp: tuple | None = None) -> Any:
        fp = fp if fp is not None else self.fingerprint()
        with self._lock:
            hit = self._cache.get(name)
            if hit and hit[0] == fp:
                return hit[1]
        value = build()
        with self._lock:
            self._cache[name] = (fp, value)
        return value

    def corrections(self, fp: tuple | None = None) -> corr.Corrections:
        return self.cached("corrections", lambda: corr.load(self.store), fp)

    def names(self, fp: tuple | None = None) -> dict[str, dict[str, Any]]:
        return self.cached("names", lambda: {r["id"]: r for r in self.store.query(
            "SELECT id, name, type, origin FROM entities")}, fp)

    def positions(self, fp: tuple | None = None) -> list[dict[str, Any]]:
        fp = fp or self.fingerprint()

        def build():
            return corr.corrected_positions(self.store, None, self.corrections(fp))
        return self.cached("positions", build, fp)

    def issues(self) -> list[dict[str, Any]]:
        return [{"id": i.id, "proposition": i.proposition} for i in self.ctx.codebook.issues.values()]

    def issue_ids(self) -> set[str]:
        return set(self.ctx.codebook.issues)

    # --- overview ----------------------------------------------------------------------------
    def overview(self) -> dict[str, Any]:
        fp = self.fingerprint()
        return self.cached("overview", lambda: self._overview(fp), fp)

    def _overview(self, fp: tuple) -> dict[str, Any]:
        q = self.store.query
        counts = {t: q(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"]
                  for t in ("documents", "statements", "stances", "entities", "ingest_errors", "corrections")}
        by_outlet = q("""SELECT COALESCE(outlet, '') AS outlet, COUNT(*) AS n FROM documents
                         GROUP BY COALESCE(outlet, '') ORDER BY n DESC, outlet LIMIT 100""")
        by_language = q("""SELECT COALESCE(language, '') AS language, COUNT(*) AS n FROM documents
                           GROUP BY COALESCE(language, '') ORDER BY n DESC""")
        by_month = q("""SELECT SUBSTR(COALESCE(published, ''), 1, 7) AS month, COUNT(*) AS n FROM documents
                        GROUP BY SUBSTR(COALESCE(published, ''), 1, 7) ORDER BY month""")
        errors = q("SELECT source, location, message, occurred_at FROM ingest_errors ORDER BY id DESC LIMIT 50")
        versions = q("""SELECT pipeline_version, COUNT(*) AS n, MAX(analysed_at) AS last FROM documents
                        GROUP BY pipeline_version ORDER BY last DESC""")
        c = self.corrections(fp)
        names = self.names(fp)
        actor_counts: Counter = Counter()
        for r in q("""SELECT on_behalf_of_id AS id, COUNT(*) AS n FROM statements
                      WHERE on_behalf_of_id IS NOT NULL GROUP BY on_behalf_of_id"""):
            actor_counts[c.resolve(r["id"])] += r["n"]
        actors = [{"id": a, "name": (names.get(a) or {}).get("name") or a, "statements": n}
                  for a, n in actor_counts.most_common(30)]
        issue_counts = {r["issue"]: r["n"] for r in q("SELECT issue, COUNT(*) AS n FROM stances GROUP BY issue")}
        issues = [{**i, "stances": issue_counts.get(i["id"], 0)} for i in self.issues()]
        recent = q("""SELECT id, title, outlet, language, published, source FROM documents
                      ORDER BY COALESCE(published, '') DESC, id DESC LIMIT 20""")
        return {"counts": counts, "by_outlet": by_outlet, "by_language": by_language, "by_month": by_month,
                "ingest_errors": errors, "pipeline_versions": versions, "actors": actors, "issues": issues,
                "recent_documents": recent}

    def documents(self, limit: int = 50, offset: int = 0, outlet: str | None = None,
                  language: str | None = None) -> dict[str, Any]:
        where, params = [], []
        if outlet is not None:
            where.append("COALESCE(outlet, '') = ?")
            params.append(outlet)
        if language is not None:
            where.append("COALESCE(language, '') = ?")
            params.append(language)
        cond = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.store.query("SELECT COUNT(*) AS n FROM documents" + cond, params)[0]["n"]
        rows = self.store.query("SELECT id, title, outlet, language, published, source FROM documents" + cond
                                + " ORDER BY COALESCE(published, '') DESC, id DESC LIMIT ? OFFSET ?",
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
        for n, st in enumerate(statements):
            marks.append({"kind": "statement", "start": st["content_start"], "end": st["content_end"], "n": n,
                          "corrected": bool(st["corrected"])})
            if st["speaker_start"] is not None and st["speaker_end"] is not None:
                marks.append({"kind": "speaker", "start": st["speaker_start"], "end": st["speaker_end"]})
            if st["cue_start"] is not None and st["cue_end"] is not None:
                marks.append({"kind": "cue", "start": st["cue_start"], "end": st["cue_end"]})
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
    def actor(self, actor_id: str, limit: int = 200) -> dict[str, Any] | None:
        fp = self.fingerprint()
        c = self.corrections(fp)
        names = self.names(fp)
        kb_entity = self.ctx.kb.get(actor_id)
        row = names.get(actor_id)
        if row is None and kb_entity is None:
            return None
        merged_into = c.resolve(actor_id)
        aliases = sorted(a for a, t in c.merges.items() if c.resolve(a) == actor_id)
        ids = [actor_id] + aliases
        marks = ", ".join("?" for _ in ids)
        stmt_cond = f"(st.on_behalf_of_id IN ({marks}) OR st.speaker_entity_id IN ({marks}))"
        params: list[Any] = ids + ids
        corrected_ids = self._corrected_statement_ids(c)
        if corrected_ids:
            stmt_cond = f"({stmt_cond} OR st.id IN ({', '.join('?' for _ in corrected_ids)}))"
            params += corrected_ids
        rows = self.store.query(f"""SELECT st.*, d.content_hash, d.title, d.outlet, d.published FROM statements st
                                    JOIN documents d ON d.id = st.document_id WHERE {stmt_cond}
                                    ORDER BY COALESCE(st.date, d.published, '') DESC, st.id DESC""", params)
        mine = []
        for r in rows:
            st = c.statement(r, r["content_hash"])
            if actor_id in (st["on_behalf_of_id"], st["speaker_entity_id"]):
                mine.append(r)
        total = len(mine)
        by_month: Counter = Counter()
        for r in mine:
            by_month[(r["date"] or r["published"] or "")[:7]] += 1
        shown = self._statements(mine[:limit], {r["document_id"]: r["content_hash"] for r in mine[:limit]}, c)
        for s, r in zip(shown, mine[:limit]):
            s.update(title=r["title"], outlet=r["outlet"], published=r["published"])
        evidence = self.evidence_rows(actor_id, None, c, per_issue=5, fp=fp)
        positions = [{**p, "evidence": evidence.get(p["issue"], [])} for p in self.positions(fp)
                     if (p.get("actor") or {}).get("id") == actor_id]
        roles = [{"role": r.role, "of": r.of, "of_name": (names.get(r.of) or {}).get("name")
                  or (self.ctx.kb.get(r.of).name if self.ctx.kb.get(r.of) else r.of),
                  "start": r.start, "end": r.end} for r in (kb_entity.roles if kb_entity else [])]
        return {
            "id": actor_id, "name": (row or {}).get("name") or kb_entity.name,
            "type": (row or {}).get("type") or (kb_entity.type if kb_entity else ""),
            "origin": (row or {}).get("origin") or "kb",
            "aliases": list(kb_entity.aliases) if kb_entity else [],
            "merged_into": merged_into if merged_into != actor_id else None, "merged_from": aliases,
            "roles": roles, "statement_count": total,
            "timeline": [{"month": m, "statements": n} for m, n in sorted(by_month.items())],
            "statements": shown, "positions": positions,
        }

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
                      fp: tuple | None = None) -> dict[str, list[dict[str, Any]]]:
        """The statements behind an actor's positions (either level), per issue, newest first: the
        evidence each position row was computed from, so a cell and the evidence it opens agree."""
        fp = fp or self.fingerprint()
        refs: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
        for p in self.positions(fp):
            if (p.get("actor") or {}).get("id") == actor_id and (issue is None or p["issue"] == issue):
                for e in p["evidence"]:
                    refs[p["issue"]].setdefault(e["statement_id"], e)
        chosen = {i: sorted(r.values(), key=lambda e: (e["date"] or "", e["statement_id"]), reverse=True)[:per_issue]
                  for i, r in refs.items()}
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
                    "corrected": bool(e.get("corrected")), "date": e["date"],
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

    # --- issues and positions ----------------------------------------------------------------
    def issue(self, issue_id: str) -> dict[str, Any] | None:
        cb = self.ctx.codebook.issues.get(issue_id)
        fp = self.fingerprint()
        known = self.store.query("SELECT 1 AS x FROM stances WHERE issue = ? LIMIT 1", (issue_id,))
        if cb is None and not known:
            return None
        positions = [p for p in self.positions(fp) if p["issue"] == issue_id]
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
            row["cells"][p["issue"]] = p
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
        c = self.corrections(fp)
        names = self.names(fp)
        end = date_to + "\uffff"
        rows = corr.corrected_stance_rows(self.store, "COALESCE(st.date, d.published, '') <= ?", [end], c)
        rows.sort(key=lambda r: (r["date"] or r["published"] or "", r["statement_id"]))
        before: dict[tuple[str, str], dict[str, Any]] = {}
        after: dict[tuple[str, str], dict[str, Any]] = {}
        new_statements = 0
        for r in rows:
            actor = c.resolve(r["on_behalf_of_id"])
            if not actor:
                continue
            when = r["date"] or r["published"] or ""
            key = (actor, r["issue"])
            if when[:len(date_from)] <= date_from:
                before[key] = r
            else:
                new_statements += 1
            after[key] = r
        changed = []
        for key, r in after.items():
            old = before.get(key)
            if old is None or old["stance"] != r["stance"]:
                changed.append({
                    "actor": {"id": key[0], "name": (names.get(key[0]) or {}).get("name") or r["on_behalf_of_name"]
                              or key[0]},
                    "issue": key[1], "before": old["stance"] if old else None, "after": r["stance"],
                    "date": r["date"] or r["published"], "statement_id": r["statement_id"],
                    "document_id": r["document_id"], "corrected": bool(r["corrected"] or r["statement_corrected"])})
        changed.sort(key=lambda x: (x["date"] or "", x["actor"]["name"]), reverse=True)
        docs = self.store.query("SELECT COUNT(*) AS n FROM documents WHERE published > ? AND published <= ?",
                                (date_from + "\uffff", end))[0]["n"]
        return {"date_from": date_from, "date_to": date_to, "changes": changed,
                "new_stance_statements": new_statements, "new_documents": docs}


def _by_stance(positions) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {s: [] for s in STANCE_ORDER}
    for p in sorted(positions, key=lambda p: (-(p.get("statements") or 0), (p.get("actor") or {}).get("name") or "")):
        groups.setdefault(p["stance"], []).append(p)
    return groups
