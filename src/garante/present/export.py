"""Exports: ``documents.jsonl`` (one analysed document a line), ``positions.json``, ``positions.csv`` and
``disagreements.json`` (speakers of one actor on different sides of an issue)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..document import Document, Statement
from ..store import Store


def document_record(doc: Document, store: Store | None = None,
                    names: dict[str, str] | None = None) -> dict[str, Any]:
    """The export record of one document. ``names`` maps entity ids to canonical names (read from the
    store when not given)."""
    m = doc.meta
    if names is None:
        names = entity_names(store) if store is not None else {}
    entities = _entity_records(doc, names)
    statements = [_statement_record(doc, st) for st in doc.statements]
    times = [{"text": s.text_of(doc), "value": s.attrs.get("value"), "type": s.label,
              "start": s.start, "end": s.end, "rule": s.rule} for s in doc.layer("timex")]
    return {
        "id": doc.id,
        "source": doc.source,
        "title": m.get("title"),
        "published": m.get("published"),
        "published_precision": m.get("published_precision"),
        "published_source": m.get("published_source"),
        "outlet": m.get("outlet"),
        "author": m.get("author"),
        "url": m.get("url"),
        "language": m.get("language"),
        "section": m.get("section"),
        "capture_date": m.get("capture_date"),
        "body": doc.body,
        "text": doc.text,  # every "start"/"end" offset of the record is into this: title, standfirst and body
        "entities": list(entities.values()),
        "statements": statements,
        "time_expressions": times,
    }


def _entity_records(doc: Document, names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The document's entities, each with its mentions, by entity id (by the mention's words where unlinked)."""
    entities: dict[str, dict[str, Any]] = {}
    for s in doc.layer("mention"):
        eid = s.attrs.get("entity_id")
        key = eid or s.text_of(doc)
        e = entities.setdefault(key, {"id": eid, "name": s.attrs.get("name") or names.get(eid) or s.text_of(doc),
                                      "type": s.label, "linked": not (eid or "").startswith("x:") and bool(eid),
                                      "mentions": []})
        e["mentions"].append({"text": s.text_of(doc), "start": s.start, "end": s.end,
                              "resolution": s.attrs.get("resolution"), "rule": s.rule})
    return entities


def _statement_record(doc: Document, st: Statement) -> dict[str, Any]:
    """The export record of one statement: its speaker, content, cue, source and cue spans, date and stances."""
    return {
        "speaker": {"name": st.speaker_name, "id": st.speaker_entity_id,
                    "start": st.speaker_start, "end": st.speaker_end,
                    "resolution": st.attrs.get("speaker_resolution"),
                    "kind": st.attrs.get("speaker_kind")},  # person|organisation|state|group|anonymous
        "reported_by": st.parent,  # index in this list of the statement that quotes this one
        # a quotation in several parts is linked, not merged: each later part gives the index of the first part
        # (“…,” X said. “…” in one paragraph; a quotation over paragraphs left open at each paragraph's end)
        "continues": st.attrs.get("continues"),
        "on_behalf_of": {"name": st.on_behalf_of_name, "id": st.on_behalf_of_id},
        "addressee": {"name": st.addressee_name, "id": st.addressee_id} if st.addressee_id or st.addressee_name else None,
        "kind": st.kind,
        "content": st.content,
        "start": st.content_start, "end": st.content_end,
        "raw_span": doc.raw_span(st.content_start, st.content_end),
        "cue": st.cue,
        # the exact characters of the cue (with its verb group: "has also said") and of the source mention in
        # the statement's sentence (its whole noun phrase: "the former chairman", "he"), as written
        "cue_span": written(doc, st.attrs.get("cue_span") or (st.cue_start, st.cue_end)),
        "source_span": written(doc, st.attrs.get("source_span") or (st.speaker_start, st.speaker_end)),
        "cue_class": st.attrs.get("cue_class"),  # speech|belief|act (extract/attribution/acts.py)
        "channel": st.channel, "cited_source": st.cited_source,
        "date": st.date, "date_source": st.date_source,
        "confidence": round(st.confidence, 3), "rule": st.rule, "component": st.component,
        "issues": [{"issue": x.issue, "stance": x.stance, "confidence": round(x.confidence, 3),
                    "evidence": [x.evidence_start, x.evidence_end], "rule": x.rule} for x in st.stances],
    }


def written(doc: Document, span) -> dict[str, Any] | None:
    """{"text", "start", "end"} of a span of the cleaned text, or None where it has no offsets."""
    start, end = span
    if start is None or end is None:
        return None
    return {"text": doc.text[start:end], "start": start, "end": end}


def entity_names(store: Store) -> dict[str, str]:
    return {r["id"]: r["name"] for r in store.query("SELECT id, name FROM entities")}


def export(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Writes the exports, with the analysts' corrections applied (as the workbench shows them)."""
    from .corrections import apply_corrections, correct, load
    corrections = load(store)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = entity_names(store)
    docs_path = out / "documents.jsonl"
    tmp = docs_path.with_suffix(".jsonl.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for doc in store.documents():
            rec = document_record(doc, store, names)
            apply_corrections(store, [rec], corrections)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(docs_path)
    # positions: one row per actor and issue, persons first and states last (a reader that keeps the
    # last row per actor name and issue sees the state level); the same rows flat in positions.csv
    from .report import write_positions_csv
    evidence, _, rows = correct(store, corrections)  # corrected evidence and positions, read once
    pos_path = out / "positions.json"
    tmp = pos_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(pos_path)
    csv_path = write_positions_csv(rows, out / "positions.csv")
    # where the speakers of one state or organisation take different sides: each one's stance, not a balance
    from ..analyse.positions import disagreements
    dis_path = out / "disagreements.json"
    tmp = dis_path.with_suffix(".json.tmp")
    found = disagreements(store, evidence)
    tmp.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(dis_path)
    return {"documents": docs_path, "positions": pos_path, "positions_csv": csv_path, "disagreements": dis_path}
