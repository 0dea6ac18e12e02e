"""Clean: from a raw capture to a Document with the article text, its zones and its metadata.

Text captures go through the line classifier (``capture``), HTML through trafilatura (``html``);
``metadata`` then settles title, date, outlet, author, URL, language and section.
"""
from __future__ import annotations

from ..document import Document
from ..ingest import Capture


def clean(capture: Capture) -> Document:
    from . import metadata
    if capture.format == "html":
        from .html import clean_html
        doc = clean_html(capture)
    else:
        from .capture import clean_text_capture
        doc = clean_text_capture(capture)
    metadata.complete(doc, capture)
    return doc
