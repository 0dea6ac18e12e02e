"""A Document as table rows and back: the one encoding shared by the store, Parquet datasets and the
Spark engine, so that a document written by any of them reads back the same."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from ..document import Document, LineLabel, Segment, Span, Stance, Statement

# metadata with a column of its own in ``documents``; the rest goes to its ``meta`` JSON
META_COLUMNS = ("title", "published", "published_precision", "published_source", "outlet", "author",
                "url", "language", "section", "capture_date")


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, default=str)


def scalar(v: Any) -> Any:
    if v is None or isinstance(v, (str, int, float)):
        return v
    return _json(v)


def document_row(doc: Document, pipeline_version: str) -> dict[str, Any]:
    """The ``documents`` row, without id and timestamps."""
    meta = doc.meta
    return {
        "content_hash": doc.content_hash, "source": doc.source, "format": doc.format,
        "raw": doc.raw, "text": doc.text, "body_start": doc.body_start,
        **{k: scalar(meta.get(k)) for k in sorted(META_COLUMNS)},
        "meta": _json({k: v for k, v in meta.items() if k not in META_COLUMNS}),
        "segments": json.dumps([[s.text_start, s.raw_start, s.length] for s in doc.segments]),
        "lines": _json([[ln.raw_start, ln.raw_end, ln.label, ln.reason] for ln in doc.lines]),
        "pipeline_version": pipeline_version,
    }


def span_rows(doc: Document) -> list[dict[str, Any]]:
    return [{"layer": s.layer, "label": s.label, "start_char": s.start, "end_char": s.end,
             "text": doc.text[s.start:s.end], "entity_id": s.attrs.get("entity_id"),
             "value": scalar(s.attrs.get("value")), "attrs": _json(s.attrs),
             "component": s.component, "rule": s.rule, "confidence": s.confidence} for s in doc.spans]


def statement_rows(doc: Document) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(statement row, its stance rows) for each statement, in order; ``seq`` is the position."""
    out = []
    for seq, st in enumerate(doc.statements):
        row = asdict(st)
        stances = row.pop("stances")
        attrs = row.pop("attrs")
        row.update(seq=seq, parent_seq=row.pop("parent"), attrs=_json(attrs))
        out.append((row, [{**s, "attrs": _json(s.get("attrs") or {})} for s in stances]))
    return out


@dataclass
class DocumentRows:
    """A document ready to store: its rows, built where it was analysed (a worker process), so the
    writer only inserts them. Plain dicts and lists pickle far faster than a Document with its tokens."""
    content_hash: str
    document: dict[str, Any]
    spans: list[dict[str, Any]]
    statements: list[tuple[dict[str, Any], list[dict[str, Any]]]]
    entities: list[dict[str, Any]] = field(default_factory=list)  # those its annotations refer to


def prepare(doc: Document, pipeline_version: str, kb=None) -> DocumentRows:
    """The rows of ``doc``; with a knowledge base, the entities it refers to as well."""
    return DocumentRows(doc.content_hash, document_row(doc, pipeline_version), span_rows(doc),
                        statement_rows(doc), entity_rows(doc, kb) if kb is not None else [])


def entity_rows(doc: Document, kb) -> list[dict[str, Any]]:
    """Every entity the document's mentions and statements refer to, by id: from the knowledge base,
    or discovered in this text (named as its first mention names it)."""
    mentions = [s for s in doc.spans if s.layer == "mention"]
    ids = {s.attrs.get("entity_id") for s in mentions}
    for st in doc.statements:
        ids.update({st.speaker_entity_id, st.on_behalf_of_id, st.addressee_id})
    out = []
    for eid in sorted(i for i in ids if i):
        e = kb.get(eid)
        if e is not None:
            out.append({"id": e.id, "name": e.name, "type": e.type, "origin": "kb",
                        "data": {"aliases": e.aliases, "part_of": e.part_of}})
            continue
        first = next((s for s in mentions if s.attrs.get("entity_id") == eid), None)
        name = first.attrs.get("name") if first else None
        out.append({"id": eid, "name": name or eid, "type": first.label if first else "", "origin": "discovered"})
    return out


def document_from_rows(r: dict[str, Any], spans: list[dict], statements: list[dict],
                       stances: list[dict], key: str = "id") -> Document:
    """The Document of stored rows. A stance row belongs to the statement whose ``key`` column
    (``id`` in the store, ``seq`` in datasets) equals its ``statement_<key>``."""
    meta = json.loads(r["meta"] or "{}")
    for k in META_COLUMNS:
        meta[k] = r[k]
    doc = Document(source=r["source"], raw=r["raw"], format=r["format"], text=r["text"], meta=meta,
                   segments=[Segment(*s) for s in json.loads(r["segments"])],
                   lines=[LineLabel(*ln) for ln in json.loads(r["lines"])], id=r.get("id"))
    for s in spans:
        doc.spans.append(Span(s["start_char"], s["end_char"], s["layer"], s["label"], json.loads(s["attrs"]),
                              s["component"], s["rule"], s["confidence"]))
    by_statement: dict[Any, list[Stance]] = {}
    for s in stances:
        by_statement.setdefault(s[f"statement_{key}"], []).append(Stance(
            s["issue"], s["stance"], s["confidence"], s["evidence_start"], s["evidence_end"],
            s["component"], s["rule"], json.loads(s["attrs"])))
    for s in statements:
        fields = {k: s[k] for k in Statement.__dataclass_fields__ if k in s and k not in ("attrs", "stances")}
        st = Statement(**fields)
        st.parent = s["parent_seq"]
        st.attrs = json.loads(s["attrs"])
        st.stances = by_statement.get(s[key], [])
        doc.statements.append(st)
    return doc
