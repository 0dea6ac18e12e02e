"""Statements: quotes and reported claims with speaker, date and provenance. (Placeholder.)"""
from __future__ import annotations

from ..document import Document


class StatementExtractor:
    name = "statements"

    def __call__(self, doc: Document, ctx) -> None:
        return None
