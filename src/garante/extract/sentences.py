"""Sentence spans over the article zones. (Placeholder splitter: the entity issue replaces it.)"""
from __future__ import annotations

import re

from ..document import Document, Span

_END = re.compile(r"(?<=[.!?…])[\"”»’]?\s+(?=[A-ZÀ-Ý“«\"‘])")


class SentenceSplitter:
    name = "sentences"

    def __call__(self, doc: Document, ctx) -> None:
        for zone in doc.layer("zone"):
            start = zone.start
            text = doc.text[zone.start:zone.end]
            for m in _END.finditer(text):
                doc.add(Span(start, zone.start + m.start(), "sentence", component=self.name, rule="punct"))
                start = zone.start + m.end()
            if start < zone.end:
                doc.add(Span(start, zone.end, "sentence", component=self.name, rule="zone-end"))
