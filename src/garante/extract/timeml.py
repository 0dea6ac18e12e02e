"""TIMEX3 export: a document's time expressions as a TimeML document.

Each expression is written with its TimeML extent (``attrs['timeml_extent']``: no preposition, no focus
adverb) and TIMEX3 value (``attrs['timeml_value']`` for times of day, else ``value``); the document date,
when known, is the creation time ``t0`` that relative expressions are anchored to.

    from garante.extract.timeml import to_timeml
    print(to_timeml(doc))
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..document import Document, Span


def extent(span: Span) -> tuple[int, int]:
    """The TimeML extent of a timex span (its phrase minus prepositions and focus adverbs)."""
    found = span.attrs.get("timeml_extent")
    return (int(found[0]), int(found[1])) if found else (span.start, span.end)


def timex3_attrs(span: Span, tid: str, dct: bool) -> dict[str, str]:
    a = span.attrs
    out = {"tid": tid, "type": span.label, "value": str(a.get("timeml_value") or a.get("value") or "")}
    if a.get("mod"):
        out["mod"] = str(a["mod"])
    if span.label == "SET":
        out["quant"] = "EVERY"
    if a.get("relative"):
        out["temporalFunction"] = "true"
        if dct:
            out["anchorTimeID"] = "t0"
    return out


def _tag(attrs: dict[str, str]) -> str:
    return "<TIMEX3 " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items()) + ">"


def to_timeml(doc: Document) -> str:
    """The document's text with its time expressions marked up as TIMEX3 (TimeML 1.2)."""
    published = doc.meta.get("published")
    head = [f"<DOCID>{escape(str(doc.id if doc.id is not None else doc.source))}</DOCID>"]
    if published:
        dct = {"tid": "t0", "type": "DATE", "value": str(published), "functionInDocument": "CREATION_TIME"}
        head.append(f"<DCT>{_tag(dct)}{escape(str(published))}</TIMEX3></DCT>")
    body, pos, n = [], 0, 0
    for span in doc.layer("timex"):
        start, end = extent(span)
        if start < pos:
            continue  # overlapping expressions cannot both be marked up
        n += 1
        body.append(escape(doc.text[pos:start]))
        body.append(_tag(timex3_attrs(span, f"t{n}", bool(published))) + escape(doc.text[start:end]) + "</TIMEX3>")
        pos = end
    body.append(escape(doc.text[pos:]))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n' + "\n".join(head)
            + "\n<TEXT>" + "".join(body) + "</TEXT>\n</TimeML>\n")
