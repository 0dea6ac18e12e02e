"""Time expressions normalised to TIMEX3-style values. (Placeholder: tags nothing.)"""
from __future__ import annotations

from ..document import Document


class TimeTagger:
    name = "time"

    def __call__(self, doc: Document, ctx) -> None:
        return None


def date_at(doc: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """The date of the event told in doc.text[start:end]: (value, source) where source is
    'expression' (a time expression governs it) or 'document' (fell back to the document date)."""
    published = doc.meta.get("published")
    return (published, "document") if published else (None, None)
