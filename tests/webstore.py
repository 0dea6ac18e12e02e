"""Small evidence stores for the workbench tests, built from short texts written for them.

Statements and stances are set by hand (offsets found in the text) and saved with Store.save_document,
so the web tests do not depend on how well the extractors do.
"""
from __future__ import annotations

import html

from garante.document import Document, LineLabel, Segment, Span, Stance, Statement
from garante.store import Store

VERSION = "test"

ENTITIES = [
    {"id": "vladimir-putin", "name": "Vladimir Putin", "type": "PER"},
    {"id": "russia", "name": "Russia", "type": "GPE"},
    {"id": "ukraine", "name": "Ukraine", "type": "GPE"},
    {"id": "emmanuel-macron", "name": "Emmanuel Macron", "type": "PER", "origin": "discovered"},
    {"id": "france", "name": "France", "type": "GPE", "origin": "discovered"},
    {"id": "x:macron-elysee", "name": "Macron (Élysée)", "type": "PER", "origin": "discovered"},
]

FURNITURE = "Home | World | Sport | Login\n"

# (meta, title, body, statements: (speaker text, speaker id, on behalf of id, quote, date, [(issue, stance)]))
DOCS = [
    ({"outlet": "Daily Example", "language": "en", "published": "2025-03-01",
      "url": "https://example.org/news/troops"},
     "Leaders split over troops for Ukraine",
     'French President Emmanuel Macron said on Monday that "European troops could be deployed in Ukraine '
     'once a ceasefire holds". Vladimir Putin said in Moscow that "foreign troops in Ukraine would be '
     'legitimate targets".',
     [("Emmanuel Macron", "emmanuel-macron", "france",
       "European troops could be deployed in Ukraine once a ceasefire holds", "2025-03-01",
       [("foreign_troops_in_ukraine", "support")]),
      ("Vladimir Putin", "vladimir-putin", "russia", "foreign troops in Ukraine would be legitimate targets",
       "2025-03-01", [("foreign_troops_in_ukraine", "oppose")])]),
    ({"outlet": "Gazzetta di Prova", "language": "it", "published": "2025-06-10"},
     "Il Cremlino apre a una tregua",
     'Il presidente russo Vladimir Putin ha detto che «una tregua è possibile solo se cessano le forniture '
     'di armi». A Parigi, Emmanuel Macron ha ribadito che «le truppe europee restano un\'opzione».',
     [("Vladimir Putin", "vladimir-putin", "russia",
       "una tregua è possibile solo se cessano le forniture di armi", "2025-06-10",
       [("ceasefire", "conditional")]),
      ("Emmanuel Macron", "emmanuel-macron", "france", "le truppe europee restano un'opzione", "2025-06-10",
       [("foreign_troops_in_ukraine", "support")])]),
    ({"outlet": "Daily Example", "language": "en", "published": "2025-09-05"},
     "Kremlin hardens line",
     'The Kremlin said that "a ceasefire is out of the question while weapons keep flowing". Officials at '
     'the Elysee said that "Paris will not send soldiers without an American backstop".',
     [("The Kremlin", "russia", "russia", "a ceasefire is out of the question while weapons keep flowing",
       "2025-09-05", [("ceasefire", "oppose")]),
      ("Officials at the Elysee", None, None, "Paris will not send soldiers without an American backstop",
       "2025-09-05", [("foreign_troops_in_ukraine", "conditional")])]),
]

HOSTILE_TITLE = 'Breaking <script>window.__pwned = 1</script>" onmouseover="window.__pwned = 2" x="'
HOSTILE_BODY = ('Readers wrote <img src=x onerror="window.__pwned = 3"> and <script>window.__pwned = 4</script> '
                'and a link <a href="javascript:window.__pwned = 5">click</a>. Vladimir Putin said that '
                '"<b onmouseover=\\"window.__pwned = 6\\">nothing</b> will change".')


def annotate(doc: Document, statements: list, published: str | None) -> None:
    """Adds the entity mentions, time expressions, statements and stances that the fixture texts
    are known to hold (found by their words in ``doc.text``), leaving what is already marked."""
    text = doc.text
    for e in ENTITIES:
        for name in dict.fromkeys([e["name"], e["name"].split()[-1]]):
            at = text.find(name)
            if at >= 0 and not any(s.start < at + len(name) and at < s.end for s in doc.layer("mention")):
                doc.add(Span(at, at + len(name), "mention", e["type"], {"entity_id": e["id"], "name": e["name"]},
                             component="test", rule="fixture"))
    for when in ("Monday", "2025"):
        at = text.find(when)
        if at >= 0 and not any(s.start < at + len(when) and at < s.end for s in doc.layer("timex")):
            doc.add(Span(at, at + len(when), "timex", "DATE", {"value": published}, component="test",
                         rule="fixture"))
    taken = {(st.content_start, st.content_end) for st in doc.statements}
    for speaker, speaker_id, obo, quote, date, stances in statements:
        start = text.find(quote)
        if start < 0 or (start, start + len(quote)) in taken:
            continue
        sp = text.find(speaker)
        doc.statements.append(Statement(
            content_start=start, content_end=start + len(quote), content=quote, kind="direct", cue="said",
            speaker_name=speaker, speaker_entity_id=speaker_id,
            speaker_start=sp if sp >= 0 else None, speaker_end=sp + len(speaker) if sp >= 0 else None,
            on_behalf_of_id=obo, on_behalf_of_name=next((e["name"] for e in ENTITIES if e["id"] == obo), None),
            date=date, date_source="document", component="test", rule="fixture",
            stances=[Stance(issue, stance, 0.9, start, start + len(quote), component="test", rule="fixture")
                     for issue, stance in stances]))


def make_document(meta: dict, title: str, body: str, statements: list, source: str) -> Document:
    text = f"{title}\n\n{body}"
    raw = FURNITURE + text + "\n© Example Media 2025 - All rights reserved\n"
    base = len(FURNITURE)
    doc = Document(source=source, raw=raw, format="text", text=text, meta={**meta, "title": title})
    doc.segments = [Segment(0, base, len(text))]
    doc.lines = [LineLabel(0, len(FURNITURE) - 1, "furniture", "navigation words"),
                 LineLabel(base, base + len(title), "title", "first prose line"),
                 LineLabel(base + len(title) + 2, base + len(text), "body", "article block"),
                 LineLabel(base + len(text) + 1, len(raw) - 1, "furniture", "copyright")]
    doc.add(Span(0, len(title), "zone", "title", component="test", rule="fixture"))
    doc.add(Span(len(title) + 2, len(text), "zone", "body", component="test", rule="fixture"))
    annotate(doc, statements, meta.get("published"))
    return doc


def documents(hostile: bool = False) -> list[Document]:
    docs = [make_document(m, t, b, s, f"test/{n}.txt") for n, (m, t, b, s) in enumerate(DOCS)]
    if hostile:
        docs.append(make_document(HOSTILE_META, HOSTILE_TITLE, HOSTILE_BODY, HOSTILE_STATEMENTS,
                                  "test/hostile<script>.txt"))
    return docs


def build_store(path: str, hostile: bool = False) -> dict[str, int]:
    """Writes the test documents into a store at ``path``; returns {source: document id}."""
    with Store(path) as store:
        store.upsert_entities([{**e, "origin": e.get("origin", "kb")} for e in ENTITIES])
        return {d.source: store.save_document(d, VERSION) for d in documents(hostile)}


# --- captures for garante's own pipeline ---------------------------------------------------------

HOSTILE_META = {"outlet": 'Evil" onmouseover="window.__pwned = 7', "language": "en", "published": "2025-07-01",
                "url": "javascript:window.__pwned = 8", "author": "<script>window.__pwned = 9</script>"}
HOSTILE_STATEMENTS = [("Vladimir Putin", "vladimir-putin", "russia",
                       '<b onmouseover=\\"window.__pwned = 6\\">nothing</b> will change', "2025-07-01",
                       [("ceasefire", "neutral")])]


def _html_capture(meta: dict, title: str, body: str) -> str:
    """A web page as a crawler saves it: metadata in the head, navigation and footer around the
    article, and (for the hostile page) live script. Article text is HTML-escaped as a site would."""
    e = html.escape
    head = [f'<meta property="og:site_name" content="{e(meta["outlet"])}">',
            f'<meta property="article:published_time" content="{e(meta["published"])}T09:00:00Z">']
    if meta.get("url"):
        head.append(f'<link rel="canonical" href="{e(meta["url"])}">')
    if meta.get("author"):
        head.append(f'<meta name="author" content="{e(meta["author"])}">')
    paragraphs = "".join(f"<p>{e(p)}</p>" for p in body.split("\n\n"))
    return (f'<!doctype html><html lang="{meta["language"]}"><head><meta charset="utf-8">'
            f'<title>{e(title)}</title>{"".join(head)}<script>window.__pwned = 10</script></head>'
            f'<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Login</a></nav>'
            f'<article><h1>{e(title)}</h1>{paragraphs}</article>'
            f'<footer>© Example Media 2025 - All rights reserved</footer></body></html>')


def write_captures(directory, hostile: bool = False) -> list[str]:
    """The fixture articles as HTML captures in ``directory`` (for ``garante analyze``); their paths."""
    from pathlib import Path
    out = []
    items = [(m, t, b) for m, t, b, _ in DOCS] + ([(HOSTILE_META, HOSTILE_TITLE, HOSTILE_BODY)] if hostile else [])
    for n, (meta, title, body) in enumerate(items):
        path = Path(directory) / f"article-{n}.html"
        path.write_text(_html_capture(meta, title, body), encoding="utf-8")
        out.append(str(path))
    return out


class KnownStatements:
    """A pipeline component that marks the fixture articles' known statements, stances and
    mentions, in place of the extractors: the workbench's tests then do not depend on how well
    (or whether) the extractors do, while captures still go through garante's own ingest, cleaner,
    batch runner and store, and re-analysis replaces the stored output as it does for users."""
    name = "known-statements"

    def __call__(self, doc: Document, ctx) -> None:
        known = [s for _, _, _, ss in DOCS for s in ss] + HOSTILE_STATEMENTS
        annotate(doc, known, doc.meta.get("published"))


def pipeline(ctx=None):
    from garante.pipeline import Context, Pipeline
    return Pipeline(ctx or Context(), [KnownStatements()])
