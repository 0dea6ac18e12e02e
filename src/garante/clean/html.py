"""HTML pages through trafilatura, with its metadata and date extraction."""
from __future__ import annotations

from ..document import Document, Span, TextBuilder
from ..ingest import Capture


def clean_html(capture: Capture) -> Document:
    import trafilatura

    doc = Document(source=capture.source, raw=capture.raw, format="html")
    extracted = trafilatura.bare_extraction(capture.raw, url=capture.hints.get("url"), with_metadata=True,
                                            include_comments=False, include_tables=False, favor_precision=True)
    tb = TextBuilder()
    meta = {}
    if extracted is not None:
        data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
        for key in ("title", "author", "date", "sitename", "url", "categories"):
            if data.get(key):
                meta[key] = data[key]
        title = (data.get("title") or "").strip()
        if title:
            a, b = tb.add(title, _locate(capture.raw, title))
            doc.spans.append(Span(a, b, "zone", "title", component="clean.html", rule="trafilatura"))
        for para in (data.get("text") or "").split("\n"):
            para = para.strip()
            if not para:
                continue
            tb.add_separator()
            a, b = tb.add(para, _locate(capture.raw, para))
            doc.spans.append(Span(a, b, "zone", "body", component="clean.html", rule="trafilatura"))
    doc.text = tb.text()
    doc.segments = tb.segments
    doc.meta["html"] = meta
    return doc


def _locate(raw: str, piece: str) -> int | None:
    i = raw.find(piece)
    return i if i >= 0 else None
