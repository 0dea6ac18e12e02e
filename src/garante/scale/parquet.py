"""Parquet datasets of the evidence: ``documents``, ``spans``, ``statements``, ``stances``, ``entities``
and ``errors``, one folder each, readable by pandas, DuckDB and Spark.

The columns are the store's (``store.rows``), plus the place of each document in the input
(``input_file``, ``input_record``): loading the datasets in that order gives a store with the ids a
local run gives. Written from a store (``export_parquet``) or by the Spark engine; read back into a
store by ``load`` (``garante load``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..document import Document
from ..store import rows as store_rows

S, I, F = "string", "int64", "double"
KEY = [("input_file", I), ("input_record", I), ("content_hash", S)]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": KEY + [("source", S), ("format", S), ("raw", S), ("text", S), ("body_start", I)]
    + [(c, S) for c in sorted(store_rows.META_COLUMNS)]
    + [("meta", S), ("segments", S), ("lines", S), ("pipeline_version", S)],
    "spans": KEY + [("seq", I), ("layer", S), ("label", S), ("start_char", I), ("end_char", I), ("text", S),
                    ("entity_id", S), ("value", S), ("attrs", S), ("component", S), ("rule", S),
                    ("confidence", F)],
    "statements": KEY + [("seq", I), ("content_start", I), ("content_end", I), ("content", S), ("kind", S),
                         ("cue", S), ("cue_start", I), ("cue_end", I), ("speaker_name", S),
                         ("speaker_entity_id", S), ("speaker_start", I), ("speaker_end", I),
                         ("on_behalf_of_id", S), ("on_behalf_of_name", S), ("addressee_id", S),
                         ("addressee_name", S), ("channel", S), ("cited_source", S), ("date", S),
                         ("date_source", S), ("parent_seq", I), ("confidence", F), ("component", S),
                         ("rule", S), ("attrs", S)],
    "stances": KEY + [("statement_seq", I), ("seq", I), ("issue", S), ("stance", S), ("confidence", F),
                      ("evidence_start", I), ("evidence_end", I), ("component", S), ("rule", S), ("attrs", S)],
    "entities": [("id", S), ("name", S), ("type", S), ("origin", S), ("data", S)],
    "errors": [("input_file", I), ("input_record", I), ("source", S), ("location", S), ("message", S)],
}


def _typed(row: dict[str, Any], table: str) -> dict[str, Any]:
    """The row with exactly the table's columns, text columns as text (as the store keeps them)."""
    out = {}
    for name, kind in COLUMNS[table]:
        v = row.get(name)
        out[name] = str(v) if (kind == S and v is not None and not isinstance(v, str)) else v
    return out


def document_rows(doc: Document, version: str, place: tuple[int, int],
                  entities: Iterable[dict[str, Any]] = ()) -> dict[str, list[dict[str, Any]]]:
    """One analysed document as rows of each dataset."""
    key = {"input_file": place[0], "input_record": place[1], "content_hash": doc.content_hash}
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in COLUMNS}
    out["documents"].append(_typed({**key, **store_rows.document_row(doc, version)}, "documents"))
    out["spans"] = [_typed({**key, **s, "seq": i}, "spans") for i, s in enumerate(store_rows.span_rows(doc))]
    for st, stances in store_rows.statement_rows(doc):
        out["statements"].append(_typed({**key, **st}, "statements"))
        out["stances"] += [_typed({**key, **s, "statement_seq": st["seq"], "seq": i}, "stances")
                           for i, s in enumerate(stances)]
    out["entities"] = [_typed({**e, "data": json.dumps(e.get("data") or {}, ensure_ascii=False, default=str)},
                              "entities") for e in entities]
    return out


def error_row(place: tuple[int, int], source: str, location: str | None, message: str) -> dict[str, Any]:
    return {"input_file": place[0], "input_record": place[1], "source": source, "location": location,
            "message": message}


def arrow_schema(table: str):
    import pyarrow as pa
    types = {S: pa.string(), I: pa.int64(), F: pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table]])


def write_tables(rows: dict[str, list[dict[str, Any]]], out: str | Path, part: str = "part-0") -> None:
    """Each table's rows as ``out/<table>/<part>.parquet``."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    for table, records in rows.items():
        folder = Path(out) / table
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(records, schema=arrow_schema(table)), folder / f"{part}.parquet")


def read_table(folder: str | Path, table: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq
    path = Path(folder) / table
    if not path.is_dir() or not any(path.glob("*.parquet")):
        return []
    return pq.read_table(path, schema=arrow_schema(table)).to_pylist()


def documents(folder: str | Path) -> Iterator[tuple[dict[str, Any], Document]]:
    """(documents row, Document) in input order."""
    by_key: dict[str, dict[tuple, list]] = {}
    for table in ("spans", "statements", "stances"):
        groups: dict[tuple, list] = {}
        for r in read_table(folder, table):
            groups.setdefault((r["input_file"], r["input_record"]), []).append(r)
        by_key[table] = groups
    for r in sorted(read_table(folder, "documents"), key=lambda r: (r["input_file"], r["input_record"])):
        k = (r["input_file"], r["input_record"])
        spans, statements, stances = (sorted(by_key[t].get(k, []), key=_seq) for t in ("spans", "statements", "stances"))
        yield r, store_rows.document_from_rows(r, spans, statements, stances, key="seq")


def _seq(r: dict[str, Any]) -> tuple:
    return (r.get("statement_seq") or 0, r["seq"])


def export_parquet(store, out: str | Path, batch: int = 1000) -> Path:
    """The store's documents as datasets (in id order; ``input_record`` is the document id)."""
    out = Path(out)
    rows: dict[str, list] = {t: [] for t in COLUMNS}
    part = 0
    versions = {r["id"]: r["pipeline_version"] for r in store.query("SELECT id, pipeline_version FROM documents")}
    for doc_id in store.document_ids():
        for table, records in document_rows(store.load_document(doc_id), versions[doc_id], (0, doc_id)).items():
            rows[table] += records
        if len(rows["documents"]) >= batch:
            write_tables(rows, out, f"part-{part:05d}")
            rows, part = {t: [] for t in COLUMNS}, part + 1
    rows["entities"] = [_typed(e, "entities") for e in store.query("SELECT id, name, type, origin, data FROM entities")]
    rows["errors"] = [error_row((0, 0), e["source"], e["location"], e["message"])
                      for e in store.query("SELECT source, location, message FROM ingest_errors ORDER BY id")]
    write_tables(rows, out, f"part-{part:05d}")
    return out
