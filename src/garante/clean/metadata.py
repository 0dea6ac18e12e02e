"""Article metadata: title, publication date (with precision), outlet, author, URL, language, section."""
from __future__ import annotations

import re

from ..document import Document
from ..ingest import Capture
from .capture import HEADER


def complete(doc: Document, capture: Capture) -> None:
    m = doc.meta
    for k, v in capture.hints.items():
        m.setdefault(k, v)
    first = capture.raw.splitlines()[0] if capture.raw else ""
    hm = HEADER.match(first)
    if hm:
        m.setdefault("published", hm.group(1))
        m.setdefault("published_precision", "day" if len(hm.group(1)) == 10 else "month")
        m.setdefault("published_source", "capture header")
        if hm.group(2) and not hm.group(2).strip().startswith(("Mosca", "La ", "Il ")):
            m.setdefault("section", hm.group(2).strip())
    titles = [z for z in doc.layer("zone") if z.label == "title"]
    if titles and not m.get("title"):
        m["title"] = titles[0].text_of(doc)
    m.setdefault("language", detect_language(doc.text))


def detect_language(text: str) -> str | None:
    from .language import detect
    return detect(text)
