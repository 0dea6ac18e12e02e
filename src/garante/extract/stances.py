"""Stances of statements on the codebook's issues. (Placeholder.)"""
from __future__ import annotations

from ..document import Document


class StanceClassifier:
    name = "stances"

    def __call__(self, doc: Document, ctx) -> None:
        return None
