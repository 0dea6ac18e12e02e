"""Sentence spans (layer ``sentence``) over the article zones.

A rule splitter for news typography: a sentence ends at ``. ! ? …`` (and at a line break), possibly
followed by closing quotes or brackets ("…fine.” Then", "…pace».  Poi"), when the next one starts with
a capital, a digit, an opening quote or a dash. A period after an abbreviation of the language
(``data/lang/<code>/abbreviations.yaml``: sig., dott., Gen., Mr., U.S. ...), after an initial
("Donald J. Trump") or inside a number ("3.5") does not end a sentence. A dateline that opens an article
paragraph ("MOSCOW (Reuters) -", "KYIV, Ukraine (AP) —", "ROMA, 5 dicembre (ANSA) -") is a unit of its own,
so that the sentence after it does not start with it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document, Span
from ..lang import topic

OPENERS = "„“«\"‘'(\\[—–-"
BOUNDARY = re.compile(
    r"(?P<end>[.!?…]+[”»\"’'\)\]]*|[”»\"’]\s*[.!?…]+)(?P<space>[ \t\u00a0]+)(?=(?P<open>[" + OPENERS + r"]{0,2})\s?[A-ZÀ-ÖØ-Þ0-9])"
    r"|(?P<nl>\s*\n\s*)"
    # a scraped page that lost the space after a full stop: "governati da Mosca.Lo dichiara il portavoce",
    # after a year ("primavera 2026.Ha esortato") or a closing quotation mark ("“… interno”.Nessun paese");
    # one digit alone is a list's number ("1.Introduzione"), not a sentence's end
    r"|(?:(?<=[a-zàèéìòù]{2})|(?<=[0-9]{2})|(?<=[”»\"]))(?P<glued>\.)(?=(?P<next>[A-ZÀ-Þ][a-zàèéìòù]+)\b)")
# what follows a glued full stop in a web address, not a new sentence ("News.Az", "Kremlin.Ru")
DOMAIN_ENDINGS = frozenset("az ru ua it com org net uk us eu info io tv fr de es ch by kz md pl".split())
QUOTE_OPENERS = "“«„"  # a curly or angled opening mark after an abbreviation's point opens a new sentence
WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
# a place in capitals, maybe a country or a date after a comma (and up to two more, each opening with a capital
# or a digit: "HEMPSTEAD, N.Y., Sept. 26", "KYIV, March 5, 2025"), maybe an agency in brackets, then a dash
DATELINE = re.compile(r"(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’. ]{1,30}?)(?:,[ \t][\w .'’]{1,40}?)?"
                      r"(?:,[ \t][A-ZÀ-ÖØ-Þ0-9][\w .'’]{0,39}?){0,2}"
                      r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*[-–—―]{1,2}[ \t]*(?=\S)")
# the same with a place in title case ("Moscow, Russia – ", "Kiev – ", "Roma, 18 mag. (askanews) – "): one to
# three capitalised words, maybe a country or a date after a comma or two ("Kyiv, March 5, 2025"), maybe an
# agency in brackets, then a dash with a space either side and a capital after it (not a quotation mark:
# "Name Surname – “…”" is a speaker)
TITLE_DATELINE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’.]+(?:[ -][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’.]+){0,2}"
                            r"(?:,[ \t][A-ZÀ-ÖØ-Þ0-9][\w.'’]*(?:[ \t][\w.'’]+){0,3}?){0,2}"
                            r"(?:[ \t]*\([^()\n]{1,30}\))?[ \t]+[-–—―]{1,2}[ \t]+(?=[A-ZÀ-ÖØ-Þ])")


@lru_cache(maxsize=None)
def abbreviations(lang: str | None) -> frozenset[str]:
    data = topic(lang, "abbreviations") or {}
    return frozenset(str(a).lower().rstrip(".") for a in data.get("abbreviations", []))


def dateline_end(text: str) -> int:
    """Where a dateline that opens ``text`` ends (0 where there is none)."""
    m = DATELINE.match(text)
    if m is None or sum(c.isupper() for c in m.group("place")) < 3:
        m = TITLE_DATELINE.match(text)
    return m.end() if m else 0


def split(text: str, lang: str | None = None, dateline: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, without surrounding whitespace; with ``dateline``, a
    dateline that opens the text is a unit of its own."""
    abbr = abbreviations(lang)
    out: list[tuple[int, int]] = []
    start = dateline_end(text) if dateline else 0
    if start:
        _add(text, 0, start, out)
    for m in BOUNDARY.finditer(text, start):
        if m.group("glued"):
            w = WORD_BEFORE.search(text, max(0, m.start() - 64), m.start())
            if m.group("next").lower() in DOMAIN_ENDINGS or (w and w.group(1).lower() in abbr):
                continue
            cut = m.end()
        elif m.group("nl") is None:
            end_mark = m.group("end")
            if end_mark.startswith(".") and not end_mark.startswith("..."):
                w = WORD_BEFORE.search(text, max(0, m.start() - 64), m.start())  # a window: linear in the text
                word = re.split(r"['’]", w.group(1).lower().strip("’'-"))[-1] if w else ""  # l'on. → on
                # "… backed by the U.S. “We will …”": an initialism (not a title: "Sen. “Bob” Smith") can end a
                # sentence, and an opening quotation mark after it begins the next
                quoted = bool(m.group("open")) and m.group("open")[0] in QUOTE_OPENERS and w is not None \
                    and "." in w.group(1).rstrip(".")
                if (word in abbr or (w and len(w.group(1)) == 1 and w.group(1).isupper())) and not quoted:
                    continue
            cut = m.start("space")
        else:
            cut = m.start()
        _add(text, start, cut, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, a: int, b: int, out: list) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


class SentenceSplitter:
    name = "sentences"

    def __call__(self, doc: Document, ctx) -> None:
        lang = doc.meta.get("language")
        for zone in doc.layer("zone"):
            for a, b in split(doc.text[zone.start:zone.end], lang, dateline=zone.label == "body"):
                doc.add(Span(zone.start + a, zone.start + b, "sentence", component=self.name, rule="punct"))
