"""HTML pages through trafilatura, with its metadata and date extraction.

trafilatura gives the main text as paragraphs; each paragraph is located back in the raw HTML (as written,
or with its characters escaped as entities) so that offsets stay traceable where the page allows it.
"""
from __future__ import annotations

import html as htmllib
import re

from ..document import Document, LineLabel, Span, TextBuilder
from ..ingest import Capture

COMPONENT = "clean.html"
TAGS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<[^>]+>", re.IGNORECASE | re.DOTALL)
BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|article|section|header|footer|br|tr|blockquote)\s*>|<br\s*/?>",
                       re.IGNORECASE)


def clean_html(capture: Capture) -> Document:
    doc = Document(source=capture.source, raw=capture.raw, format="html")
    data = _extract(capture, doc)
    meta: dict = _page_meta(capture, data) if data is not None else {}
    title = (data.get("title") or "").strip() if data is not None else ""
    paragraphs = [p.strip() for p in (data.get("text") or "").split("\n") if p.strip()] if data is not None else []
    if not paragraphs:
        paragraphs = _fallback_paragraphs(capture.raw)
        meta["fallback"] = "tag-stripped text: trafilatura found no main text"
    _Layout(capture.raw, doc).add(title, paragraphs)
    doc.meta["html"] = meta
    return doc


def _extract(capture: Capture, doc: Document) -> dict | None:
    """trafilatura's reading of the page as a dict, or None when it fails (the reason kept in doc.meta)."""
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            capture.raw, url=capture.hints.get("url"), with_metadata=True, include_comments=False,
            include_tables=False, favor_precision=True)
    except Exception as e:  # trafilatura on a broken page: fall back to the page's text, say why
        doc.meta["clean_warning"] = f"trafilatura failed: {type(e).__name__}: {e}"
        return None
    if extracted is None:
        return None
    return extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)


def _page_meta(capture: Capture, data: dict) -> dict:
    """The metadata trafilatura found, with the page's own URL note and publication date preferred."""
    meta: dict = {}
    for key in ("title", "author", "date", "sitename", "url", "categories", "description"):
        if data.get(key):
            meta[key] = data[key]
    if not meta.get("url") and (saved := SAVED_FROM.search(capture.raw[:2048])):
        meta["url"] = saved.group(1)  # the browser's note on a saved page
    declared = published_in_markup(capture.raw)
    if declared and declared != meta.get("date"):
        # the page's own statement of its publication date beats a date read from its URL
        meta["date_guessed"], meta["date"] = meta.get("date"), declared
    return meta


class _Layout:
    """Writes the title and the paragraphs into the document's text, each traced back to the raw page."""

    def __init__(self, raw: str, doc: Document):
        self.raw, self.doc = raw, doc
        self.tb = TextBuilder()
        self.cursor = 0  # paragraphs come in page order: each is looked for after the previous one
        self.projection: RawText | None = None  # built only when a paragraph is not in the page as written

    def add(self, title: str, paragraphs: list[str]) -> None:
        if title:
            a, b = self.tb.add(title, _locate(self.raw, title, 0))
            self.doc.spans.append(Span(a, b, "zone", "title", component=COMPONENT, rule="trafilatura title"))
        for para in paragraphs:
            if title and para == title:
                continue
            self.tb.add_separator()
            a, b = self._paragraph(para)
            self.doc.spans.append(Span(a, b, "zone", "body", component=COMPONENT, rule="trafilatura main text"))
        self.doc.text = self.tb.text()
        self.doc.segments = self.tb.segments

    def _paragraph(self, para: str) -> tuple[int, int]:
        pos = _locate(self.raw, para, self.cursor)
        if pos is not None:
            self.cursor = pos + len(para)
            self.doc.lines.append(LineLabel(pos, pos + len(para), "body", "trafilatura main text"))
            return self.tb.add(para, pos)
        # written with entities or inline markup: map the characters that are copied as they stand
        self.projection = self.projection or RawText(self.raw)
        runs = self.projection.runs(para)
        a = self.tb.length
        for start, end, raw_start in runs:
            self.tb.add(para[start:end], raw_start)
        mapped = [r for r in runs if r[2] is not None]
        if mapped:
            self.doc.lines.append(LineLabel(mapped[0][2], mapped[-1][2] + mapped[-1][1] - mapped[-1][0], "body",
                                            "trafilatura main text (entities or markup in the page)"))
        return a, self.tb.length


_DATE_KEYS = r"(?:article:published_time|og:published_time|datepublished|pubdate|publishdate|publish-date|" \
             r"dc\.date\.issued|dcterms\.issued|parsely-pub-date|sailthru\.date)"
META_DATE = re.compile(
    rf"<meta\b(?=[^>]*\b(?:property|name|itemprop)\s*=\s*[\"']{_DATE_KEYS}[\"'])[^>]*\bcontent\s*=\s*[\"']\s*"
    r"(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
JSONLD_DATE = re.compile(r"[\"']datePublished[\"']\s*:\s*[\"'](\d{4}-\d{2}-\d{2})")


def published_in_markup(raw: str) -> str | None:
    """The publication date a page declares in its metadata (Open Graph, schema.org, Dublin Core), as the
    calendar day written there, in the outlet's own time zone."""
    head = raw[:200_000]
    m = META_DATE.search(head) or JSONLD_DATE.search(head)
    return m.group(1) if m else None


def _locate(raw: str, piece: str, cursor: int) -> int | None:
    """Where ``piece`` starts in the raw page; None where the page writes it differently (entities, markup
    inside the paragraph): only verbatim copies are mapped, so every mapped offset points at the same text."""
    i = raw.find(piece, cursor)
    if i < 0:
        i = raw.find(piece)
    return i if i >= 0 else None


ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|mark|q|s|samp|small|span|"
                        r"strong|sub|sup|time|u|var|wbr)\b", re.IGNORECASE)
SKIP = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)


class RawText:
    """The page's text as a reader sees it (no tags, entities decoded, white space collapsed), with the
    raw offset of every character that the page writes as it stands (None for decoded entities and
    collapsed white space)."""

    def __init__(self, raw: str):
        chars: list[str] = []
        offsets: list[int | None] = []
        pos = 0
        for m in SKIP.finditer(raw):
            self._text(raw, pos, m.start(), chars, offsets)
            inline = INLINE_TAG.match(m.group(0))
            if not inline and (not chars or chars[-1] != " "):  # a block boundary separates words
                chars.append(" ")
                offsets.append(None)
            pos = m.end()
        self._text(raw, pos, len(raw), chars, offsets)
        self.text = "".join(chars)
        self.offsets = offsets
        self.cursor = 0

    @staticmethod
    def _text(raw: str, a: int, b: int, chars: list[str], offsets: list[int | None]) -> None:
        i = a
        while i < b:
            ch = raw[i]
            if ch == "&" and (m := ENTITY.match(raw, i, b)):
                for d in htmllib.unescape(m.group(0)):
                    chars.append(d)
                    offsets.append(None)
                i = m.end()
                continue
            if ch.isspace():
                j = i
                while j < b and raw[j].isspace():
                    j += 1
                if not chars or chars[-1] != " ":
                    chars.append(" ")
                    offsets.append(i if ch == " " and j == i + 1 else None)
                i = j
                continue
            chars.append(ch)
            offsets.append(i)
            i += 1

    def runs(self, piece: str) -> list[tuple[int, int, int | None]]:
        """(start, end, raw start) runs of ``piece`` (None where not copied verbatim); one unmapped run
        if the page does not have the piece."""
        k = self.text.find(piece, self.cursor)
        if k < 0:
            k = self.text.find(piece)
        if k < 0:
            return [(0, len(piece), None)]
        self.cursor = k + len(piece)
        out: list[tuple[int, int, int | None]] = []
        for j in range(len(piece)):
            off = self.offsets[k + j]
            if out and ((off is None and out[-1][2] is None) or
                        (off is not None and out[-1][2] is not None and off == out[-1][2] + j - out[-1][0])):
                out[-1] = (out[-1][0], j + 1, out[-1][2])
            else:
                out.append((j, j + 1, off))
        return out


def _fallback_paragraphs(raw: str) -> list[str]:
    text = BLOCK_END.sub("\n", raw)
    text = htmllib.unescape(TAGS.sub(" ", text))
    return [" ".join(p.split()) for p in text.split("\n") if len(p.split()) >= 3]
