"""Time expressions normalised to TIMEX3-style values. (Placeholder: tags nothing.)"""
from __future__ import annotations

from ..document import Document


class TimeTagger:
    name = "time"

    def __call__(self, doc: Document, ctx) -> None:
        return None
