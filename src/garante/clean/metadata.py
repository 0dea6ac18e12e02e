"""Article metadata: title, publication date (with precision), outlet, author, URL, language, section.

Each field is settled from the strongest evidence available and records where it came from
(``<field>_source``). Unknown stays None: a date that cannot be read from the capture is left to the
temporal tagger, which may infer it from the text later.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

import yaml

from ..document import Document
from ..ingest import Capture
from ..kb import KB_DIR
from ..lang import DataFileError, load_yaml
from .capture import HEADER, header_section  # noqa: F401  (HEADER is part of this module's API)
from .cues import LABEL_JOINER, cues, parse_date, published_match

ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# a publication date in a URL's path: /2025/08/21/, /2025-02-20/, -20250220-, /2025/08/ (as htmldate reads them)
URL_DAY = re.compile(r"(?<![\d])((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![\d])")
IP_HOST = re.compile(r"^[\d.]+$|^[0-9a-f]*:[0-9a-f:.]*$")
# the year and month as one folder, the day as the next: "/a/202304/05/"
URL_MONTH_DAY = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/")
# day first, as European sites write it in a path or a slug ("/12-07-2023/", "…-strategia-01-03-2024-529013")
URL_DAY_FIRST = re.compile(r"(?<![\d])(0[1-9]|[12]\d|3[01])([_.-])(0[1-9]|1[0-2])\2((?:19|20)\d{2})(?![\d])")
# a slug's word separators, read as spaces so that the text's date pattern finds a date in words
SLUG_SEPARATORS = re.compile(r"[-_/]+")
# a compact date opening a query's value, before the item's number: "?nid=20220306-549076" (a bare number,
# "?p=20250220", is a post's id)
URL_QUERY_DAY = re.compile(r"(?:^|[=&])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[-_]\d)")


def complete(doc: Document, capture: Capture) -> None:
    m = doc.meta
    ev = m.get("evidence") or {}
    if doc.lines and "_furniture_text" not in m:
        m["_furniture_text"] = "\n".join(doc.raw[ln.raw_start:ln.raw_end] for ln in doc.lines
                                          if ln.label in ("furniture", "header"))
    hints = capture.hints or {}
    html = m.get("html") or {}
    if hints.get("input_notes"):
        m["input_notes"] = list(hints["input_notes"])

    # URL: the container's, the page's own, a URL line of the capture
    url = hints.get("url") or html.get("url") or ev.get("url")
    if not url and capture.source.startswith(("http://", "https://")):
        url = capture.source
    _set(m, "url", url, "container" if hints.get("url") else "page")

    _set(m, "title", hints.get("title") or html.get("title") or ev.get("title"),
         "container" if hints.get("title") else ("html" if html.get("title") else "capture"))
    _set(m, "author", hints.get("author") or html.get("author") or ev.get("author"),
         "container" if hints.get("author") else ("html" if html.get("author") else "byline"))
    _set(m, "section", hints.get("section") or _first(html.get("categories")) or ev.get("section"),
         "page")
    if ev.get("capture_date"):
        m.setdefault("capture_date", ev["capture_date"][0])
    if hints.get("capture_date"):
        m.setdefault("capture_date", hints["capture_date"])

    _settle_date(m, ev, hints, html, date_from_url(url), _head_stamp(doc), _foot_stamp(doc), _issue_date(doc))
    _settle_outlet(m, ev, hints, html, url, doc.raw)
    m.pop("_furniture_text", None)
    if not m.get("language"):
        m["language"] = hints.get("language") or detect_language(doc.body or doc.text)


def _first(v):
    if isinstance(v, list):
        return v[0] if v else None
    return v


def _set(m: dict, key: str, value, source: str) -> None:
    if m.get(key) or not value:
        m.setdefault(key, m.get(key))
        return
    m[key] = value.strip() if isinstance(value, str) else value
    m[f"{key}_source"] = source


def _precision(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


def date_from_url(url: str | None) -> str | None:
    """The publication date a URL's path gives ("/2025/08/21/", "/2025-02-20/", "20250220", day first
    "/12-07-2023/", in words "…-del-17-febbraio-2024-…"), or its query a compact one ("?nid=20220306-549076"),
    to the day or the month; None where it gives none or the date does not exist."""
    try:
        parts = urlsplit(url) if url else None
    except ValueError:  # a malformed address
        return None
    path, query = (parts.path, parts.query) if parts else ("", "")
    day = _first_day(URL_DAY.finditer(path), (1, 3, 4)) or _first_day(URL_DAY_FIRST.finditer(path), (4, 3, 1)) \
        or _first_day(URL_MONTH_DAY.finditer(path), (1, 2, 3)) or _day_in_words(path) or _first_day(URL_QUERY_DAY.finditer(query), (1, 2, 3))
    if day:
        return day
    m = URL_MONTH.search(path)
    return f"{m.group(1)}-{m.group(2)}" if m else None


def _first_day(matches, groups: tuple[int, int, int]) -> str | None:
    """The first of the (year, month, day) matches that is a real day."""
    y, mo, d = groups
    for m in matches:
        try:
            return dt.date(int(m.group(y)), int(m.group(mo)), int(m.group(d))).isoformat()
        except ValueError:
            continue
    return None


def _day_in_words(path: str) -> str | None:
    """"…-17-febbraio-2024-…", "…/march-3-2025/": a day with its month's name (any language's) in a slug,
    read by the same date pattern as the text's (``cues().date_any``), whole numbers only."""
    c = cues()
    slug = SLUG_SEPARATORS.sub(" ", path)
    for m in c.date_any.finditer(slug):
        date = parse_date(m, c)
        if not date or date[1] != "day" or slug[m.start() - 1:m.start()].isalnum() \
                or slug[m.end():m.end() + 1].isdigit():
            continue
        try:
            return dt.date.fromisoformat(date[0]).isoformat()  # a day that exists ("31 febbraio" does not)
        except ValueError:
            continue
    return None


def _settle_date(m: dict, ev: dict, hints: dict, html: dict, from_url: str | None = None,
                 stamp: tuple[str | None, str | None, str | None] = (None, None, None),
                 foot: str | None = None, issue: str | None = None) -> None:
    """``stamp``: the head's day, a yearless dateline's month-day (or day alone) and a weekday banner's day
    (``_head_stamp``); ``foot``: the day a labelled stamp under the article gives (``_foot_stamp``);
    ``issue``: the month (or year) of a periodical's issue line above the article (``_issue_date``)."""
    if m.get("published"):
        return
    clues = _DateClues(ev, hints, html, from_url, stamp, foot, issue)
    value, source = clues.exact() or clues.fallback() or (None, None)
    _record_published(m, ev, value, source)


class _DateClues:
    """The page's date clues, read in order of trust: ``exact`` gives a day (or a header's own reading) that
    agrees with the others, ``fallback`` the coarser or weaker clues when none does."""

    def __init__(self, ev: dict, hints: dict, html: dict, from_url: str | None,
                 stamp: tuple[str | None, str | None, str | None], foot: str | None, issue: str | None):
        self.day, self.dateline_md, self.banner = stamp
        self.header = ev.get("header_date")
        self.dateline = ev.get("dateline")  # (value, precision)
        self.capture_date = ev.get("capture_date")
        self.given = hints.get("published")
        self.html_date = ISO_DATE.match(str(html["date"])).group(0) if html.get("date") else None
        self.from_url = from_url
        self.url_day = from_url if from_url and len(from_url) == 10 else None
        self.foot, self.issue = foot, issue

    def exact(self) -> tuple[str, str] | None:
        header, dateline, url_day, day = self.header, self.dateline, self.url_day, self.day
        if isinstance(self.given, str) and ISO_DATE.match(self.given.strip()):
            return ISO_DATE.match(self.given.strip()).group(0), "container"
        if header and len(header) == 10:
            return header, "capture header"
        if dateline and (not header or dateline[0].startswith(header)):
            # a dateline agreeing with a coarser header is the more precise reading of the same date
            return dateline[0], "dateline"
        if self.html_date and len(self.html_date) == 10:
            return self.html_date, "html metadata"
        if url_day and (not header or url_day.startswith(header) or _month_before(url_day, header)):
            # the publisher's own path, agreeing with a coarser header (or in the month before the month a
            # capture was saved in: "date 2025-05" over "/2025/04/30/")
            return url_day, "url"
        if day and header and day.startswith(header):
            return day, "head stamp"  # the day of a coarser header, as the page's head prints it
        if self.banner and any(len(month or "") == 7 and self.banner.startswith(month)
                               for month in (header, self.from_url)):
            # a weekday banner's day within the month the header or the page's address gives ("Saturday, May 20,
            # 2023" over /2023/05/): the page's own day, not only the visit's
            return self.banner, "weekday line in the page's month"
        if header and len(header) == 7 and self.dateline_md and len(self.dateline_md) == 2 \
                and _valid_day(f"{header}-{self.dateline_md}"):
            # "Roma, 3. …" under a header of the month: the dateline gives the day of the header's month
            return f"{header}-{self.dateline_md}", "dateline's day in the header's month"
        return None

    def fallback(self) -> tuple[str, str] | None:
        if self.header:
            return self.header, "capture header"
        if self.html_date:
            return self.html_date, "html metadata"
        if self.from_url:
            return self.from_url, "url"
        if self.day:
            return self.day, "head stamp"
        if self.foot:
            return self.foot, "foot stamp"  # "Published at: 2025-11-18 08:24:17" under the article
        if self.dateline_md and self.capture_date and self.capture_date[0][5:] == self.dateline_md:
            # a site's banner day that the article's own dateline repeats without its year ("Friday, January 23,
            # 2026" over "MOSCOW, Jan 23 (Reuters) –"): the day of the report, not only of the visit
            return self.capture_date[0], "banner day repeated by the dateline"
        if self.issue:
            return self.issue, "issue"  # "Issue November 2024" over a magazine's article
        return None


def _record_published(m: dict, ev: dict, value: str | None, source: str | None) -> None:
    if value:
        m["published"] = value
        m["published_precision"] = _precision(value)
        m["published_source"] = source
        if len(value) == 7 and str(ev.get("picture_day") or "").startswith(value):
            m["story_day"] = ev["picture_day"]  # the day within the page's month its pictures were taken
    else:
        m["published"] = None
        m["published_source"] = None
        if ev.get("picture_day") or ev.get("head_day"):
            # not the page's date: the day its pictures were taken, or the day its head lines spell out
            m["story_day"] = ev.get("picture_day") or ev["head_day"]


# A clock time beside a date ("2023-04-05 06:49", "January 20, 2023 5:49 PM", "4:41 AM ET, Thu June 17, 2021").
STAMP_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}[:.]\d{2}(?![\d:.]|\.\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?", re.IGNORECASE)
# How many words besides its date a bare date line of the head may hold ("Issue Brief May 23, 2023",
# "09 July 2024  Read: 714")
STAMP_WORDS = 3
# How many words besides its date a stamp line holds at most (a byline, a clock, a reading time).
STAMP_LINE_WORDS = 10
# Labels that announce the page's date right before it on a line of the head ("Date : 26 Feb, 2023"); weekday
# names and time zones of the furniture's date labels are not labels of this kind
STAMP_LABEL = re.compile(r"(?:^|[\s|•·,;])([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*[:\-–]?\s*\Z")
# A dateline without its year opening the body ("MOSCOW, Jan 23 (Reuters) –", "Mosca, 20 ago. (askanews) -")
YEARLESS_DATELINE = r"^[^\W\d_][\w'’. ]{{1,30}},\s+(?:(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{months})\.?)\s*(?:\(|[–—-])"


def _head_stamp(doc: Document) -> tuple[str | None, str | None, str | None]:
    """(day, month-day, banner day) the page's head shows as its own: the first line above the body, not its headline,
    that dates the page with its year and a clock time ("Updated: 2023-04-05 06:49", "by A. Writer January 20,
    2023 5:49 PM 3 min read"), a date label ("Date : 26 Feb, 2023") or nothing much else ("Issue Brief May 23,
    2023"); a line naming the weekday without a clock is a site's banner of the day of the visit (GUIDE,
    section 16) and is passed over (it comes third, as the banner day). And the "MM-DD" of a dateline without
    its year that opens the body."""
    if not doc.lines or not doc.raw:
        return None, None, None
    c = cues()
    day = banner = None
    labels = {x for x in c.date_labels if len(x) >= 4 and x not in c.weekdays}
    for i, ln in enumerate(doc.lines):
        if ln.label == "body":
            # a standfirst the cleaner read as the article's first line may stand above the byline: a signed
            # stamp right under it is still the head's ("…. / By Jane Doe in Kyiv March 4, 2025")
            day = day or next(filter(None, (_signed_stamp(doc.raw[x.raw_start:x.raw_end], c)
                                            for x in doc.lines[i + 1:i + 1 + SIGNED_AFTER_BODY])), None)
            return day, _yearless_dateline(doc.raw[ln.raw_start:ln.raw_end], c), banner
        if not day and ln.label != "subheading":
            text = re.sub(r"\s+,", ",", doc.raw[ln.raw_start:ln.raw_end])
            day = _line_stamp(text, ln.label == "title", c, labels)
            banner = banner or _banner_day(text, c)
    return day, None, banner  # a page with no body line: its stamp still dates it


def _banner_day(text: str, c) -> str | None:
    """The day of a head line that is a weekday and a date and little else ("Saturday, May 20, 2023",
    "martedì 12 agosto 2025"): a site's banner of the day of the visit, or the page's own date; which one,
    only the page's address or header can tell (``_settle_date``)."""
    for mt in c.date_any.finditer(text):
        date = parse_date(mt, c)
        if not date or date[1] != "day" or not mt.group("wd"):
            continue
        if len((text[:mt.start()] + " " + text[mt.end():]).split()) > STAMP_WORDS:
            return None
        try:
            return dt.date.fromisoformat(date[0]).isoformat()
        except ValueError:
            return None
    return None


def _line_stamp(text: str, is_title: bool, c, labels: set[str]) -> str | None:
    """The day a head line stamps the page with, or None: a sentence that names a date is no stamp, nor a
    headline that is more than a date; a date needs a clock, a date label before it, or little else on the
    line, and a weekday without a clock is the site's banner of the day of the visit. Of two labelled days
    ("Last updated: April 11, 2024 | Published: April 9, 2024") the published one is the page's date."""
    published = _published_day(text, c)
    if published:
        return published
    for mt in c.date_any.finditer(text):
        date = parse_date(mt, c)
        if not date or date[1] != "day":
            continue
        try:
            dt.date.fromisoformat(date[0])
        except ValueError:
            continue
        rest = (text[:mt.start()] + " " + text[mt.end():]).split()
        if len(rest) > STAMP_LINE_WORDS:
            return None  # a sentence that names a date, not a stamp
        before = STAMP_LABEL.search(text[:mt.start()])
        clock = STAMP_CLOCK.search(text[:mt.start()] + " " + text[mt.end():])
        bare = len(rest) <= STAMP_WORDS and not mt.group("wd")
        if _signed(text[:mt.start()], date[0], c):
            return date[0]  # (also where the cleaner took the line for the headline: no headline is signed)
        if is_title and not bare:
            return None  # a headline that names a day; a "headline" that is a date and little else is the stamp
        if clock or (before and " ".join(before.group(1).casefold().split()) in labels) or bare \
                or _furniture_around(text, mt, c):
            if mt.group("wd") and not clock:
                continue
            return date[0]
    return None


# What may stand between a byline or a dateline and the date that follows it on the same line.
STAMP_JOIN = " \t|·•,;:–—-"
# The separators of a head line's parts: "Jane Doe · March 4, 2025 · 3 min read"
STAMP_SEPARATOR = re.compile(r"\s+[|·•]\s+|\s*[|·•]\s*(?=\Z)|\A\s*[|·•]\s*")


def _published_day(text: str, c) -> str | None:
    """The day a publication label stands right before on a head line of several dates (``published_match``)."""
    mt = published_match(text, list(c.date_any.finditer(text)), c)
    date = parse_date(mt, c) if mt else None
    return date[0] if date and date[1] == "day" and _valid_day(date[0]) else None


def _furniture_around(text: str, mt: re.Match, c) -> bool:
    """Whether the rest of a head line, split at its separators around the date, is page furniture alone: a
    byline or a name, a reading time ("Jane Doe · March 4, 2025 · 3 min read"): the article's stamp line."""
    parts = [p.strip(STAMP_JOIN) for p in STAMP_SEPARATOR.split(text[:mt.start()] + " | " + text[mt.end():])]
    parts = [p for p in parts if p]
    if not parts or len(parts) > 3 or not STAMP_SEPARATOR.search(text):
        return False
    return all(c.patterns.match(p) or c.byline.match(p) or c.name_line.match(p) for p in parts)


# How many lines under the body's first one a signed stamp may still date the page.
SIGNED_AFTER_BODY = 2


def _signed_stamp(text: str, c) -> str | None:
    """The day of a short line that a byline or a dateline signs (``_signed``), else None."""
    text = re.sub(r"\s+,", ",", text)
    if len(text.split()) > STAMP_LINE_WORDS + 3:
        return None
    for mt in c.date_any.finditer(text):
        date = parse_date(mt, c)
        if date and date[1] == "day" and _valid_day(date[0]) and _signed(text[:mt.start()], date[0], c):
            return date[0]
    return None


def _signed(lead: str, day: str, c) -> bool:
    """Whether the words before a date on a head line sign it: a byline ("By Jane Doe in Kyiv March 4,
    2025", "di Marco Rossi | 4 marzo 2025") or a wire dateline of the same day ("Stockholm, Feb 28 (AFP)
    Feb 28, 2024"): the date the report is filed with, the page's own (GUIDE: a byline date, a dateline)."""
    lead = lead.strip(STAMP_JOIN)
    if not lead:
        return False
    joined = LABEL_JOINER.sub("", lead)  # the word joining a byline to its date ("Written by X on …")
    if joined != lead and c.byline.match(joined):
        return True  # "Written by Jane Doe on March 4, 2025"
    if c.byline.match(lead) or c.placed_byline.match(lead):
        return True
    md = _yearless_dateline(lead + " (", c)  # ("(" stands for the agency or dash that closes a dateline)
    return md is not None and md == day[5:]


@lru_cache(maxsize=1)
def _yearless_pattern() -> re.Pattern:
    names = sorted(cues().months, key=len, reverse=True)
    return re.compile(YEARLESS_DATELINE.format(months="|".join(re.escape(n) for n in names)), re.IGNORECASE)


def _yearless_dateline(line: str, c) -> str | None:
    """"MM-DD" of a dateline without its year opening the body; "DD" of one that gives the day alone
    ("Roma, 3. «…»", as a daily writes the day of its own issue's month)."""
    mt = _yearless_pattern().match(line)
    if not mt:
        dd = DAY_DATELINE.match(line)
        return f"{int(dd.group(1)):02d}" if dd and 1 <= int(dd.group(1)) <= 31 else None
    month = c.months.get((mt.group("m1") or mt.group("m2")).casefold())
    day = int(mt.group("d1") or mt.group("d2"))
    return f"{month:02d}-{day:02d}" if month and 1 <= day <= 31 else None


# A dateline with the day alone ("Roma , 3. «Prove di dialogo»", "CITTÀ DEL VATICANO, 12. Il Papa …").
DAY_DATELINE = re.compile(r"^[^\W\d_][\w'’. ]{1,30}?\s?,\s+(\d{1,2})\.\s+\S")


def _valid_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# A clock time of a stamp, seconds allowed ("08:24:17", "18:29").
FOOT_CLOCK = re.compile(r"(?<![\d:.])\d{1,2}[:.]\d{2}(?::\d{2})?(?![\d:.]|\.\d)")
# How many lines under the article's last one a stamp with no label may stand: the article's own stamp closes
# it (a repeated headline between them at most), a date further down belongs to the lists under it.
FOOT_BARE_REACH = 2
# A word of a foot line besides its date: its separators and a clock's "am"/"pm" stripped
FOOT_WORD_STRIP = " \t|·•,;:–—-()[]"


def _foot_stamp(doc: Document) -> str | None:
    """The day a line under the article stamps it with, else None: a publication label and a date, with a
    clock or with nothing else ("Published at: 2025-11-18 08:24:17", "Pubblicato – 7 gennaio 2026 18:29 IST",
    "Published: 5 November 2024"), or, right under the article, a date and a clock and nothing but date
    labels ("26 marzo, 2025 • 16:00", "05/11/2024 - 10:32"): the page's own date where its head gives none.
    None where such lines give several days (a list of other articles)."""
    if not doc.lines or not doc.raw:
        return None
    c = cues()
    last = max((k for k, ln in enumerate(doc.lines) if ln.label == "body"), default=None)
    if last is None:
        return None
    days = set()
    for k, ln in enumerate(doc.lines[last + 1:], 1):
        text = " ".join(doc.raw[ln.raw_start:ln.raw_end].split())
        label = c.published_label.match(text)
        labelled = label is not None
        if not labelled and k > FOOT_BARE_REACH:
            continue
        for mt in c.date_any.finditer(text, label.end() if label else 0):
            date = parse_date(mt, c)
            if not date or date[1] != "day" or not _valid_day(date[0]):
                continue
            around = text[label.end() if label else 0:mt.start()] + " " + text[mt.end():]
            rest = around.split()
            clock = FOOT_CLOCK.search(around)
            other = [w for w in FOOT_CLOCK.sub(" ", around).split()
                     if w.strip(FOOT_WORD_STRIP) and w.strip(FOOT_WORD_STRIP).casefold() not in c.date_labels]
            if labelled and len(rest) <= STAMP_LINE_WORDS and (clock or len(other) <= 1):
                days.add(date[0])
            elif not labelled and clock and not other:
                days.add(date[0])
            break
    return days.pop() if len(days) == 1 else None


def _issue_date(doc: Document) -> str | None:
    """The month of a periodical's issue line above the article ("Issue November 2024"), or its year where the
    issue spans months ("Issue August - September 2024"); None where the head has no such line."""
    c = cues()
    for ln in doc.lines:
        if ln.label == "body":
            return None
        mt = c.issue_line.match(" ".join(doc.raw[ln.raw_start:ln.raw_end].split()))
        if mt:
            first, last = (c.months.get((mt.group(g) or "").casefold()) for g in ("m1", "m2"))
            if last and last != first:
                return mt.group("y")
            return f"{mt.group('y')}-{first:02d}" if first else None
    return None


def _month_before(day: str, month: str) -> bool:
    """Whether ``day`` falls in the month before ``month`` (a capture header's "2025-05")."""
    if len(month) != 7 or len(day) != 10:
        return False
    y, mo = int(month[:4]), int(month[5:7])
    prev = f"{y - 1}-12" if mo == 1 else f"{y}-{mo - 1:02d}"
    return day.startswith(prev)


def _media_entries() -> list:
    """The knowledge base entries that tie a name to web domains. Only files that mention domains are
    parsed (the people, places and GeoNames files are large and hold none), with libyaml where present."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out: list = []
    for f in sorted(KB_DIR.glob("*.yaml")):
        try:
            text = f.read_text(encoding="utf-8")
        except OSError as e:
            raise DataFileError(f"{f}: cannot read: {e.strerror or e}") from e
        if "domains" not in text:
            continue
        data = load_yaml(f, loader, text)
        if isinstance(data, list):
            out.extend(data)
    return out


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """Outlet names by web domain and by lower-cased alias, from the knowledge base media file(s)."""
    by_domain: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    for item in _media_entries():
        if not isinstance(item, dict) or not item.get("domains"):
            continue
        for d in item["domains"]:
            by_domain[str(d).lower()] = item["name"]
        if item.get("kind") != "agency":
            for a in [item["name"], *item.get("aliases", [])]:
                by_alias[str(a).casefold()] = item["name"]
    return by_domain, by_alias


def outlet_from_url(url: str | None) -> tuple[str | None, str | None]:
    """(outlet name, domain) of a URL: the knowledge base's name for the domain, else the bare domain."""
    if not url:
        return None, None
    try:
        host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return None, None
    if not host or IP_HOST.match(host):
        return None, None  # a mirror at a bare address names no outlet
    by_domain, _ = _outlets()
    labels = host.split(".")
    for i in range(len(labels) - 1):  # www.example.co.uk → example.co.uk → co.uk
        cand = ".".join(labels[i:])
        if cand in by_domain:
            return by_domain[cand], cand
    bare = host[4:] if host.startswith("www.") else host
    return None, bare


def _settle_outlet(m: dict, ev: dict, hints: dict, html: dict, url: str | None, raw: str = "") -> None:
    if m.get("outlet"):
        return
    _, by_alias = _outlets()
    name, domain = outlet_from_url(url)
    spelled = name_spelling_domain(raw, domain) if domain and not name else None
    # a name the page declares (og:site_name) beats a reading of its domain: "Daily Example" on example.org
    candidates = [
        (hints.get("outlet"), "container"),
        (name, "url domain"),
        (html.get("sitename"), "html metadata"),
        (ev.get("email_sender"), "e-mail sender"),
        (spelled, "the page's spelling of its url domain"),
        (ev.get("masthead") if ev.get("footer_company") else None, "masthead over the publisher's footer"),
        (ev.get("footer_outlet"), "copyright footer"),
        (ev.get("promo_outlet"), "site promotion"),
        (ev.get("masthead"), "masthead printed again after the article"),
        (domain, "url domain"),
    ]
    candidates.append((_outlet_named_in_furniture(m.get("_furniture_text")), "named in page furniture"))
    for value, source in candidates:
        if value:
            value = by_alias.get(value.casefold(), value)
            m["outlet"] = value
            m["outlet_source"] = source
            return
    m["outlet"] = None


ARTICLE = re.compile(r"(?:\b(?:The|Il|Lo|La|Le|Gli|I|Der|Die|Das|El|Los|Las)\s+|\b[LlDd]['’])$")


def name_spelling_domain(text: str, domain: str) -> str | None:
    """The page's own spelling of the name its domain squashes together: "Cronache di Levante" for
    cronachedilevante.it, "The Continental Ledger" for continentalledger.com."""
    label = re.sub(r"[^a-z0-9]", "", domain.split(".")[0] if not domain.startswith("www.") else domain.split(".")[1])
    if len(label) < 4 or not text:
        return None
    pat = re.compile(r"(?<![\w.])" + r"[\s'’\-]*".join(re.escape(ch) for ch in label) + r"(?![\w.])",
                     re.IGNORECASE)
    for mt in pat.finditer(text):
        name = mt.group(0)
        if not any(ch.isupper() for ch in name) or "\n" in name:
            continue
        before, after = _name_around(text, mt.start(), mt.end())
        if before:
            return before + name + after
        art = ARTICLE.search(text[max(0, mt.start() - 5):mt.start()])
        return (art.group(0) + name) if art else name + after
    return None


# the words that join the capitalised words of one name: "President of Ukraine", "Ministero della Difesa"
_JOINED = r"(?:of|the|for|and|di|del|della|dello|dei|degli|delle|de|du|des|der|für|per)"
_AFTER_NAME = re.compile(rf"(?:[ \t]+{_JOINED}[ \t]+[A-ZÀ-Ý][\w'’-]*){{1,2}}")
_BEFORE_NAME = re.compile(rf"(?<![\w'’-])(?:[A-ZÀ-Ý][\w'’-]*[ \t]+(?:{_JOINED}[ \t]+)?){{1,2}}$")


def _name_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The capitalised words joined to a domain's word in the page's spelling of an official site's name:
    "President of Ukraine" for president.gov.ua, "Ministero della Difesa" for difesa.it (a name that
    ends in the word takes it before, one that starts with it after; within the line)."""
    left = text[max(0, start - 40):start].rsplit("\n", 1)[-1]
    b = _BEFORE_NAME.search(left)
    before = b.group(0) if b and re.search(_JOINED + r"[ \t]+$", b.group(0)) else ""
    a = _AFTER_NAME.match(text, end)
    return before, (a.group(0) if a and not before else "")


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern | None:
    _, by_alias = _outlets()
    names = sorted((a for a in by_alias if len(a) >= 3), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)", re.IGNORECASE)


def _outlet_named_in_furniture(text: str | None) -> str | None:
    """An outlet of the knowledge base named in the page's own furniture (footer, promotion, menus)."""
    pat = _alias_pattern()
    if not text or pat is None:
        return None
    _, by_alias = _outlets()
    furniture = cues()
    counts: dict[str, int] = {}
    for mt in pat.finditer(text):
        # a name as written, capitalised, and not a word of a cue line: "Reading time: 7 min" names no "Time"
        if not mt.group(0)[:1].isupper():
            continue
        a, b = text.rfind("\n", 0, mt.start()) + 1, text.find("\n", mt.end())
        if furniture.patterns.match(text[a:b if b >= 0 else len(text)].strip()):
            continue
        name = by_alias[mt.group(0).casefold()]
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


def detect_language(text: str) -> str | None:
    from .language import detect
    return detect(text)
