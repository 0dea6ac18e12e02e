"""Plain-text web captures: classify each line, keep the article. (Placeholder: keeps every line.)"""
from __future__ import annotations

import re

from ..document import Document, LineLabel, Span, TextBuilder
from ..ingest import Capture

HEADER = re.compile(r"^ date (\d{4}-\d{2}(?:-\d{2})?)(?: (\S.*))?$")


def clean_text_capture(capture: Capture) -> Document:
    raw = capture.raw
    doc = Document(source=capture.source, raw=raw, format="text")
    tb = TextBuilder()
    pos = 0
    first = True
    for line in raw.splitlines(keepends=True):
        start = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if first and HEADER.match(body):
            doc.lines.append(LineLabel(start, start + len(body), "header", "capture header"))
            first = False
            continue
        first = False
        stripped = body.strip()
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip())
        tb.add_separator()
        a, b = tb.add(stripped, start + lead)
        label = "title" if not doc.lines or all(ln.label == "header" for ln in doc.lines) else "body"
        doc.lines.append(LineLabel(start + lead, start + lead + len(stripped), label, "placeholder"))
        doc.spans.append(Span(a, b, "zone", label, component="clean.capture", rule="placeholder"))
    doc.text = tb.text()
    doc.segments = tb.segments
    return doc
