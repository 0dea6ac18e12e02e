"""Plain-text web captures: classify each line, keep the article.

A capture is what a browser's "select all, copy" gives: menus, banners, the headline (sometimes twice), a
standfirst, captions with picture credits, a byline and dateline, the article with its subheadings, then
recommendations, related headlines, tags, footers and login forms. Each line gets a label and a reason:

0. lines: a capture hard-wrapped at a fixed width has its paragraphs joined back, each physical line
   keeping its own offsets;
1. line evidence: shape (length, sentence punctuation, bullets, capitals), repetition in the page, and
   lexical cues of ``data/lang/*/furniture.yaml`` (navigation words, reading time, end markers such as
   "Related Posts", inline ad markers, photo credits, bylines, dates);
2. the article block: the run of lines with the highest prose score (prose lines count for it, furniture
   against it), so that lists of short headlines, footers and menus fall outside it while an isolated
   marker or a subheading between paragraphs stays inside; on a live page the time and heading of each
   entry count for neither side, so that the entries make one article;
3. the head: title, standfirst, byline, dateline and captions in the lines before the block; a date
   above the headline (a page banner) is the capture date, not the publication date; a short line printed
   once above the headline and again after the article (or named by the footer's publisher) is the
   masthead, never the title; the headline is the text line right above the byline or dateline (the
   standfirst between them), not a section label or kicker above it; a newsletter saved as an e-mail
   takes its title, date and outlet from the header fields (subject, date, sender).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..document import Document, LineLabel, Span, TextBuilder
from ..ingest import Capture
from .cues import Cues, cues, norm, parse_date, published_match

COMPONENT = "clean.capture"
HEADER = re.compile(r"^ ?date (\d{4}-\d{2}(?:-\d{2})?)(?: (\S.*))?$")
TERMINAL = re.compile(r"[.!?…:;](?:[\"'”»’)\]]+)?$|[\"”»’][.!?…]$")
BULLET = re.compile(r"^[•·▪◦●■►\-–*]\s+")
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<name>[^–—|,;:\n]+?)\s*(?:[–—|,;:]|\s-\s|\.\s|\.?$)",
    re.IGNORECASE)
# "14:05", "8.05 pm"; a live blog's military time before its zone: "UPDATE 1958 GMT:"
TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?\b"
                  r"|\b[0-2]\d[0-5]\d(?=\s?(?:GMT|UTC|BST|CET|CEST)\b)", re.IGNORECASE)
SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[—–-]\s+|\s*\|\s*")
YEAR = re.compile(r"\d{4}")
# a name (after an optional opener word or two) then a slash or a comma and the rest: a byline with its date
NAME_THEN_DATE = re.compile(r"^(?P<name>(?:\w+\s+){0,2}?[A-ZÀ-Ý][\w'’.\-]*(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,3})"
                            r"\s*(?P<sep>/|,)\s*(?P<date>\S.*)$")
ISO_TIME = re.compile(r"(?<=\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
# a place's name, up to three capitalised words; two places joined by a slash ("Washington/Budapest")
PLACE = r"[A-ZÀ-Þ][\w'’.\-]*(?:/[A-ZÀ-Þ][\w'’.\-]*)?(?:\s[A-ZÀ-Þ][\w'’.\-]*){0,2}"
PLACE_PREFIX = re.compile(rf"^{PLACE},\s*")
# the article's first paragraph opening on its place and date: "Roma, 24 febbraio 2023 - …",
# "MOSCOW (Agency / Sputnik - 21st April, 2023) …"
# "ROMA – 5 novembre 2024 – …" (the place set off by a dash); a paragraph opening on its date alone before a
# dash ("Nov 5, 2024 — The minister …"), as search results and some sites print the page's date
OPENING_PLACE = re.compile(rf"^(?:{PLACE}\s*(?:,\s*|\(\s*[^()]{{0,50}}?[-–—,]\s*|[–—-]\s*))?$")
# what closes the date: its bracket, a clock and a dash, or the agency's name in brackets and a dash ("WASHINGTON,
# Nov 5, 2024 (Reuters) - …")
OPENING_END = re.compile(r"^(?:\)|,?\s*(?:\d{1,2}[:.]\d{2}\s*)?[-–—]|\s*\([^()]{1,30}\)\s*[-–—])")
ZONE_OFFSET = re.compile(r"(?<=[a-z])\s*[+-]\s*\d{1,2}(?::?\d{2})?\b", re.IGNORECASE)
SENTENCE_TAIL = re.compile(r"(?<=[.!?])\s+(\S[^.!?]{1,70})$")
WORD = re.compile(r"\w+", re.UNICODE)
TRAILING_YEAR = re.compile(r"\s+\d{4}(?:\s*[-–]\s*\d{4})?$")
LEGAL_FORM = re.compile(r"\s+(?:S\.?p\.?A|S\.?r\.?l|Srl|Ltd|Limited|LLC|Inc|Plc|PLC|GmbH|AG|SA|S\.A|SL|BV|Corp)\b\.?$")
MARKDOWN_TARGET = re.compile(r"\]\([^()\s]*\)")
MARKDOWN_IMAGE = re.compile(r"(?:!\[[^\]]*\]\([^()\s]*\)\s*)+")
# a sentence ending inside a line, then more words (a paragraph whose end the capture lost)
CUT_OFF = re.compile(r"\w{2,}[.!?][\"”»’]?\s+[\"“«‘]?[A-ZÀ-Ý]\w*\s+\S")
CLOSING_QUOTE = {"“": "”", "«": "»", "\"": "\"", "‘": "’"}  # a quotation opened, and how it closes
HEADLINE_WORDS_MAX = 16  # a line without final punctuation this long is a paragraph, not a headline
WEB_LINE = re.compile(r"https?://|www\.|@\w|#\w|\*$")  # links, handles, hashtags, form notes ("required *")
PAREN_TAIL = re.compile(r"\(([^()]{2,40})\)\s*$")
WRAP_WIDTH_MAX = 110  # hard-wrapped captures are wrapped at 60-100 characters
WRAP_SLACK = 18  # a full wrapped line ends within a long word of the width
WRAP_CUT_MIN = 40  # a shorter line stopping mid-sentence is a heading or a label, not a wrapped line
WRAP_CUTS = 5  # lines cut mid-sentence that show a capture wrapped at an uneven width
CRUMB_SEP = re.compile(r"\s+[›>»]\s+")
SECTION_LABEL = re.compile(r"^[\w'’&\-]+(?: [\w'’&\-]+)?$")
RULE = re.compile(r"^[-–—_*=~·•#]{3,}$")  # a rule line between the parts of a newsletter
EMAIL_ADDRESS = re.compile(r"<[^<>]*>|\S+@\S+")
PULL_QUOTE_OPENERS = "«“\"„‘'"
EMAIL_HEAD_LINES = 15  # an e-mail's header fields sit at the top of the capture

PROSE = "prose"
LONG = "long"
SHORT_SENTENCE = "short_sentence"
HEADLINE = "headline"
FRAGMENT = "fragment"


@dataclass
class Line:
    idx: int
    start: int  # raw offset of the trimmed text
    text: str
    key: str
    words: int
    shape: str
    cue: str | None = None  # furniture | end | inline | breadcrumb | copyright | url | caption | date | byline
    date: tuple[str, str] | None = None
    weekday: bool = False
    author: str | None = None
    repeats: int = 1
    listed: bool = False
    score: float = 0.0
    label: str = ""
    reason: str = ""
    extra: dict = field(default_factory=dict)
    end: int = 0  # raw offset after the line's last character
    parts: list[tuple[int, str]] | None = None  # (raw start, text) of each physical line of a wrapped paragraph


def split_header(raw: str) -> tuple[re.Match | None, int, int]:
    """The capture header line, if any: (match, raw offset of its end, raw offset of any article text in it)."""
    nl = raw.find("\n")
    first = raw if nl < 0 else raw[:nl]
    m = HEADER.match(first.rstrip("\r"))
    if not m:
        return None, 0, 0
    return m, len(first), m.start(2) if m.group(2) else len(first)


def header_section(rest: str | None) -> str | None:
    """The remainder of a header line is a section only when it reads as a short label."""
    if not rest:
        return None
    rest = rest.strip()
    if TERMINAL.search(rest) or not SECTION_LABEL.match(rest):
        return None
    if len(rest.split()) == 1 or rest.isupper():
        return rest
    return None


def _shape(text: str, words: int) -> str:
    n = len(text)
    terminal = bool(TERMINAL.search(text))
    if terminal and text.endswith("?") and n < 130 and words < 20 and not any(q in text for q in "\"“”«»"):
        return HEADLINE  # a question of its own is a headline more often than a paragraph
    if terminal and words >= 6:
        return PROSE
    if n >= 160 and words >= 20:
        return LONG
    if terminal and words >= 3:
        return SHORT_SENTENCE
    if words >= 2:
        return HEADLINE
    return FRAGMENT


def _is_date_line(text: str, c: Cues) -> tuple[tuple[str, str] | None, bool]:
    if not YEAR.search(text):  # every date form has a four-digit year: most lines are settled here, cheaply
        return None, False
    text = ISO_TIME.sub("", text)  # "2025-02-18T10:00:00Z": the time of an ISO timestamp
    matches = list(c.date_any.finditer(text))
    if not matches:
        return None, False
    m = published_match(text, matches, c) or matches[0]
    # "ROMA, 05 dicembre 2024, 13:47": a dateline opens with the place in capitals or title case
    rest = PLACE_PREFIX.sub("", text[:m.start()])
    for a, b in zip(matches, matches[1:] + [None]):  # "Pubblicato il 18/02/2025 - Aggiornato il 19/02/2025"
        rest += " " + text[a.end():b.start() if b else len(text)]
    rest = c.inline_patterns.sub(" ", TIME.sub(" ", ZONE_OFFSET.sub(" ", rest)))  # "8:42 PM 2 min read"
    rest = c.date_label_phrases.sub(" ", rest.casefold())
    leftover = [w for w in re.split(r"[\s,|·•—–\-:()/]+", rest) if w]
    # what is left must be labels ("Pubblicato il", "Updated", "GMT"), not words of a sentence; one bare
    # number after the date is a count of views or comments ("Jul 4, 2024 16:20 106")
    numbers = [w for w in leftover if w.isdigit()]
    if len(numbers) > 1 or any(w not in c.date_labels and w not in c.weekdays and not w.isdigit() for w in leftover):
        return None, False
    return parse_date(m, c), bool(m.group("wd"))


COUNTER_TAIL = re.compile(r"^(.*\S)\s+[-–]\s+\d{1,3}$")


def _without_counter(head: list[Line], title_i: int) -> int:
    """"Headline  - 1": a picture counter or page number after a headline the head prints again without
    it; the clean copy is the headline."""
    m = COUNTER_TAIL.match(head[title_i].text)
    if m is None:
        return title_i
    key = norm(m.group(1))
    return next((ln.idx for ln in head if ln.key == key), title_i)


def _byline(text: str, c: Cues) -> str | None:
    if len(text) > 120:
        return None
    parts = [p for p in SEPARATORS.split(text) if p.strip()]
    author = None
    for p in parts:
        p = p.strip()
        m = c.byline.match(p)
        if m and m.group("role") and not _is_role(m.group("role"), c):
            m = None
        if m and author is None:
            author = _person_names(m.group("name"))
            continue
        dated = _name_then_date(p, c) if author is None else None
        if dated:  # "Jane Doe / 4 March 2025", "By Jane Doe, 4 March 2025": the reporter and the day in one line
            author = _person_names(dated)
            continue
        named = c.name_published.match(p) if author is None else None
        if named and " " in named.group("name").strip() and _is_date_line(named.group("date"), c)[0]:  # a person: two words
            author = _person_names(named.group("name"))
            continue
        if (_is_date_line(p, c)[0] or TIME.fullmatch(p) or norm(p) in c.date_labels or c.credit_segment.match(p)
                or c.patterns.match(p)):  # "Tuesday, 4 March 2025 | Issue #12 | Written by Jane Doe"
            continue
        if author is None:
            return None
    return author


def _name_then_date(text: str, c: Cues) -> str | None:
    """The person of "Jane Doe / 4 March 2025" (a name of two to four title-case words, a slash, a date) or of
    "By Jane Doe, 4 March 2025" (the byline's opener, the name, a comma or a slash, a date); None otherwise."""
    m = NAME_THEN_DATE.match(text)
    if m is None:
        return None
    by = c.byline.match(text[:m.end("name")].strip())
    if by is None:
        words = m.group("name").split()
        if m.group("sep") != "/" or not 2 <= len(words) <= 4 or any(w.isupper() for w in words):
            return None  # "New York, 4 March 2025", "KYIV / 4 March": a dateline's place
        name = m.group("name")
    else:
        name = by.group("name")
    date, _ = _is_date_line(m.group("date").strip(), c)
    if not date or not c.date_any.match(m.group("date").strip()):
        return None
    return name


def _person_names(names: str) -> str:
    """The people of a byline: "Jane Doe, CNN" → "Jane Doe"; "JOHN MILLER" → "John Miller"."""
    names = names.strip()
    head, _, last = names.rpartition(",")
    if head and last.strip().isupper() and len(last.split()) == 1:  # the outlet after the reporter
        names = head.strip()
    elif head and _is_role(last, cues()):  # "Jane Doe, Political Editor": the job title after the reporter
        names = head.strip()
    words = names.split()
    if sum(1 for w in words if w.isupper() and len(w) > 1) * 2 > len(words):  # a byline set in capitals
        names = " ".join("and" if w == "AND" else w.title() if w.isupper() and len(w) > 1 else w for w in words)
    return names


def _caption(text: str, c: Cues) -> bool:
    if MARKDOWN_IMAGE.fullmatch(text):
        return True  # "![alt text](https://…jpg)": a picture the capture kept as markdown
    if c.photo_credit.match(text):
        return True  # "Foto di Paolo Rossi/Agenzia": the credit of a feature's pictures
    if c.photo_tail.search(text):
        return True
    if c.photo_label.search(text) and (text.rstrip().endswith(")") or "/" in text[-60:]):
        return True
    segs = [s.strip() for s in re.split(r"\s+[|/]\s+|\s+-\s+", text) if s.strip()]
    if len(segs) >= 2 and c.credit_segment.match(segs[-1]):
        return True
    if len(segs) >= 3 and c.credit_segment.match(segs[-2]) and len(segs[-1]) <= 60:
        return True  # "... | EPA/NAME/AFP / POOL - site" (not "MOSCOW (X / Sputnik - 21st April, 2023) The…")
    tail = SENTENCE_TAIL.search(text)
    if tail and c.credit_segment.match(tail.group(1).strip().lstrip("/ ")):
        return True  # "... in Riyadh, February 18, 2025. REUTERS/Evelyn Hockstein/Pool", "… 2025. /VCG"
    m = PAREN_TAIL.search(text)
    if m and not TERMINAL.search(text[:m.start()].rstrip()) and c.credit_segment.match(m.group(1).strip()):
        return True  # "Meloni e Zelensky a Kiev (Ansa)": a picture with its agency credit
    return bool(c.credit_segment.match(text)) and len(text) < 80 and ":" in text


def _crumb_trail(text: str) -> bool:
    """Sections joined by arrow signs, each of a few words: a headline never reads so ("»" closes a quote only
    where "«" opened it)."""
    if len(text) > 80 or "«" in text or not CRUMB_SEP.search(text):
        return False
    parts = CRUMB_SEP.split(text)
    return all(0 < len(WORD.findall(p)) <= 4 and not TERMINAL.search(p) for p in parts)


def _line_cue(ln: Line, c: Cues) -> None:
    """The cue one line gives on its own; the first test that fits decides (most specific first)."""
    if not (_service_cue(ln, c) or _furniture_cue(ln, c)):
        _dated_cue(ln, c)


def _service_cue(ln: Line, c: Cues) -> bool:
    """Addresses, newsletter and consent lines, disclaimers, and what sits inside an article without being
    its text (inline markers, teasers, pull quotes)."""
    t, k = ln.text, ln.key
    if URL_LINE.match(t):
        ln.cue = "url"
    elif c.mail_word.search(k) and c.mail.search(t):
        ln.cue = "end"  # a newsletter's service line: "view in your browser", "you are receiving this"
        ln.extra["mail"] = True
    elif c.consent_word.search(k) and c.consent.search(t):
        ln.cue = "furniture"
        ln.extra["consent"] = True
    elif c.disclaimer_word.search(k) and c.disclaimer.search(t):
        ln.cue = "end"  # a commentary's disclaimer closes the article: the author's box follows
        ln.extra["disclaimer"] = True
    elif k in c.inline_markers:
        ln.cue = "inline"
    elif ln.shape != PROSE and ":" in t[:30] and c.teaser.match(t) and not TERMINAL.search(t):
        ln.cue = "inline"  # "IN FULL: What the letter says": a link to another piece inside the article
        ln.extra["teaser"] = True
    elif t[0] in PULL_QUOTE_OPENERS and ln.words <= 30 and c.pull_quote.match(t):
        ln.cue = "inline"  # a pull quote, repeated from the article in large type with its speaker's name
        ln.extra["pull_quote"] = True
    else:
        return False
    return True


def _furniture_cue(ln: Line, c: Cues) -> bool:
    """The page's own furniture: end markers, known lines and prefixes, copyright, menus, breadcrumbs."""
    t, k = ln.text, ln.key
    if k in c.end_markers or k.rstrip(":") in c.end_markers:
        ln.cue = "end"
    elif k in c.lines or c.patterns.match(t):
        ln.cue = "furniture"
    elif k.startswith(c.prefixes):
        ln.cue = "end" if k.startswith(("tags", "tag:")) else "furniture"
    elif (COPYRIGHT.search(t) and (len(t) < 300) and ln.shape != PROSE or t.startswith("©")
          or len(t) < 200 and c.rights_notice.search(k)):  # "X is published by Y. All rights reserved."
        ln.cue = "copyright"
    elif BULLET.match(t) and ln.words <= 12 and not TERMINAL.search(t) and not _is_date_line(t, c)[0]:
        ln.cue = "furniture"  # menus and link lists; a bulleted sentence is a list inside the article
        ln.extra["bullet"] = True
    elif (m := c.breadcrumb.match(t)) and len(m.group("rest").split()) <= 3 and ln.shape != PROSE:
        ln.cue = "breadcrumb"
        ln.extra["section"] = re.split(r"\s*[>»/|›]\s*", m.group("rest"))[-1].strip()
    elif _crumb_trail(t):
        ln.cue = "breadcrumb"  # "Esteri › Guerra in Ucraina": a trail of sections without a root word
        ln.extra["section"] = CRUMB_SEP.split(t)[0].strip()
    else:
        return False
    return True


def _dated_cue(ln: Line, c: Cues) -> None:
    """Date lines, bare timestamps, bylines (with the date they carry) and captions."""
    t = ln.text
    date, wd = _is_date_line(t, c) if len(t) < 80 else (None, False)
    if date:
        ln.cue, ln.date, ln.weekday = "date", date, wd
        place = PLACE_PREFIX.match(t)
        if place and not any(w.casefold() in c.weekdays for w in WORD.findall(place.group(0))):
            ln.extra["placed"] = True  # "Vilnius, Wednesday, 12 July 2023": a dateline, not a site's banner
        return
    if len(t) < 60 and TIME.search(t) and all(
            w in c.date_labels for w in re.split(r"[\s,|·•—–\-:()/]+", TIME.sub(" ", t).casefold()) if w):
        ln.cue = "furniture"
        ln.extra["timestamp"] = True
        return
    author = _byline(t, c)
    if author:
        ln.cue, ln.author = "byline", author
        for p in SEPARATORS.split(t):
            d, _ = _is_date_line(p.strip(), c)
            if d:
                ln.date = d
        return
    if _caption(t, c):
        ln.cue = "caption"


def _credit_then_caption(lines: list[Line], c: Cues) -> None:
    """A picture credit on a line of its own ("Getty Images", "©Ansa") sits next to the picture's caption: the
    line after it, or else the line above it where that line is not the headline."""
    def caption_like(ln: Line) -> bool:
        return ln.cue is None and ln.shape in (HEADLINE, SHORT_SENTENCE) and ln.words >= 3 and len(ln.text) < 200

    for i, ln in enumerate(lines[:-1]):
        bare = ln.text.lstrip("©(c) ").rstrip(")")  # "©Ansa", "(Getty Images)"
        if not (len(ln.text) <= 40 and c.credit_segment.match(bare) and ln.cue in (None, "furniture", "caption",
                                                                                    "copyright")):
            continue
        ln.cue = "caption"
        if caption_like(lines[i + 1]):
            lines[i + 1].cue = "caption"
        elif i >= 2 and caption_like(lines[i - 1]) and lines[i - 2].cue is None and lines[i - 2].shape == HEADLINE:
            lines[i - 1].cue = "caption"  # the credit closes the caption above it, under the headline


def _name_and_role_bylines(lines: list[Line], c: Cues) -> None:
    """A reporter's name on a line of its own with the job title below it ("Clara Jennings" /
    "Defence correspondent"), or after a comma on the same line, is a byline."""
    for i, ln in enumerate(lines):
        if ln.cue is not None or len(ln.text) > 80:
            continue
        name, _, role = ln.text.partition(",")
        if role and c.name_line.match(name.strip()) and _is_role(role, c):
            ln.cue, ln.author = "byline", name.strip()
        elif (not role and i + 1 < len(lines) and c.name_line.match(ln.text) and lines[i + 1].cue is None
              and _is_role(lines[i + 1].text, c, most=8)):
            ln.cue, ln.author = "byline", ln.text
            lines[i + 1].cue = "byline"


def _is_role(text: str, c: Cues, most: int = 5) -> bool:
    """A job title: a few words, one of them a role noun ("Defence correspondent", "Senior Fellow, European
    Security Programme")."""
    words = WORD.findall(text.casefold())
    return 0 < len(words) <= most and any(w in c.byline_roles for w in words) and not TERMINAL.search(text)


def _email_header(lines: list[Line], c: Cues, evidence: dict) -> None:
    """A newsletter saved or forwarded as an e-mail opens with its header fields: the subject is the title,
    the date the publication date, the sender the outlet. Two fields or more, one of them the subject or the
    sender, make a header; the fields are furniture."""
    found: dict[str, tuple[Line, re.Match]] = {}
    for ln in lines[:EMAIL_HEAD_LINES]:
        m = c.email_field.match(ln.text)
        if m and ln.cue in (None, "date", "furniture"):
            found.setdefault(c.email_roles[norm(m.group("field"))], (ln, m))
    if len(found) < 2 or not ({"subject", "from"} & set(found)):
        return
    for role, (ln, m) in found.items():
        ln.cue, ln.date = "furniture", None
        ln.extra["email"] = role
    if "subject" in found:
        ln, m = found["subject"]
        value = m.group("value")
        value = value[c.subject_prefix.match(value).end() if c.subject_prefix.match(value) else 0:].strip()
        if len(WORD.findall(value)) >= 2:
            # the title line keeps the raw offsets of the subject itself, without the field name
            ln.start += ln.text.find(value)
            ln.text, ln.key, ln.parts = value, norm(value), None
            ln.cue = "email_subject"
    if "date" in found:
        dm = c.date_any.search(found["date"][1].group("value"))
        date = parse_date(dm, c) if dm else None
        if date:
            evidence["dateline"], evidence["dateline_published"] = date, True
    if "from" in found:
        sender = EMAIL_ADDRESS.sub(" ", found["from"][1].group("value")).strip(" \"'")
        if len(WORD.findall(sender)) >= 1 and not sender[:1].isdigit():
            evidence["email_sender"] = " ".join(sender.split())


def _bullet_lists(lines: list[Line]) -> None:
    """A bulleted item without final punctuation among bulleted sentences is an item of the same list inside
    the article ("- Kallas: "..."" between two bulleted sentences), not a menu."""
    def sentence_item(j: int) -> bool:
        return (0 <= j < len(lines) and lines[j].cue is None and BULLET.match(lines[j].text) is not None
                and lines[j].shape in (PROSE, SHORT_SENTENCE))

    for i, ln in enumerate(lines):
        if ln.extra.get("bullet") and ln.words >= 3 and (sentence_item(i - 1) or sentence_item(i + 1)):
            ln.cue = None
            ln.extra["bullet_item"] = True
            del ln.extra["bullet"]


def _sponsor_blocks(lines: list[Line], c: Cues) -> None:
    """A sponsor's block in a newsletter: a marker ("SPONSORED") and a few lines, closed by a rule line."""
    for i, ln in enumerate(lines):
        if ln.key not in c.sponsor_markers:
            continue
        close = next((j for j in range(i + 1, min(i + 6, len(lines))) if RULE.match(lines[j].text)), None)
        if close is None:
            continue
        for o in lines[i + 1:close]:
            if o.cue is None:
                o.cue = "inline"
                o.extra["sponsor"] = True


def _placed_bylines(lines: list[Line], c: Cues) -> None:
    """A line of names with the places they filed from, beside a date line, is a byline without "by"."""
    for i, ln in enumerate(lines):
        if ln.cue is not None or len(ln.text) > 120 or not c.placed_byline.match(ln.text):
            continue
        if any(0 <= j < len(lines) and lines[j].cue == "date" for j in (i - 1, i + 1)):
            ln.cue = "byline"
            ln.author = " and ".join(m.group("n") for m in c.placed_name.finditer(ln.text))


def _live_entries(lines: list[Line]) -> None:
    """A live page is a run of entries, each a time line ("20:14", "8.05 pm GMT"), often a short heading,
    then its paragraphs. Where a capture has two entries or more, their times and headings are part of the
    article, not furniture that would end it."""
    def opens_text(j: int) -> bool:
        return j < len(lines) and lines[j].cue is None and lines[j].shape in (PROSE, LONG)

    entries: list[tuple[Line, Line | None]] = []
    for i, ln in enumerate(lines[:-1]):
        if not ln.extra.get("timestamp"):
            continue
        nxt = lines[i + 1]
        if opens_text(i + 1):
            entries.append((ln, None))
        elif (nxt.cue is None and nxt.shape in (HEADLINE, SHORT_SENTENCE) and nxt.words <= 20
              and opens_text(i + 2)):
            entries.append((ln, nxt))
    if len(entries) < 2:
        return
    for time_line, heading in entries:
        time_line.cue = "entry_time"
        if heading is not None:
            heading.cue = "entry_heading"


def _score(ln: Line) -> float:
    cue = ln.cue
    if (cue in ("entry_time", "entry_heading") or ln.extra.get("sponsor") or ln.extra.get("pull_quote")
            or ln.words == 0 and RULE.match(ln.text)):
        return 0.0  # a sponsor's block, a pull quote, a rule between the parts of a newsletter: neither side
    if cue == "url":
        return -2.0
    if cue == "end":
        return -3.0
    if cue == "inline":
        return -0.5
    if cue in ("furniture", "breadcrumb", "copyright", "date", "byline", "email_subject"):
        return -1.5
    if cue == "caption":
        return -1.0
    if ln.repeats >= 2 and ln.shape != PROSE:
        return -1.0
    if ln.listed:
        return -1.0 if ln.shape in (HEADLINE, FRAGMENT) else -0.5
    if ln.shape == PROSE:
        return 1.0 + min(len(ln.text), 500) / 500
    if ln.shape == LONG:
        return 0.6
    if ln.shape == SHORT_SENTENCE:
        return 0.3
    if ln.shape == HEADLINE:
        return -0.5 if not ln.text.isupper() else -0.8
    return -0.8


def _mark_lists(lines: list[Line]) -> None:
    """Lines among runs of short headline-like lines are lists of links (related, recent, most read)."""
    heady = [ln.shape == HEADLINE and ln.cue is None for ln in lines]
    n = len(lines)
    for i, ln in enumerate(lines):
        if len(ln.text) >= 130 or ln.cue:
            continue
        lo, hi = max(0, i - 2), min(n, i + 3)
        # distinct lines only: a headline printed twice is one headline, not a list; a long line counts
        # only neighbours of headline length, so that a menu of one- or two-word items beside the
        # headline does not make the headline part of a list
        min_words = 3 if ln.words >= 5 else 1
        around = len({lines[j].key for j in range(lo, hi)
                      if heady[j] and lines[j].key != ln.key and lines[j].words >= min_words})
        if ln.shape == HEADLINE and around >= 2:
            ln.listed = True
        elif ln.shape in (SHORT_SENTENCE, PROSE) and around >= 3:
            ln.listed = True


def _best_block(lines: list[Line]) -> tuple[int, int] | None:
    best, best_lo, best_hi = 0.0, -1, -1
    run, lo = 0.0, 0
    for i, ln in enumerate(lines):
        if ln.cue == "end":  # "Related", "Commenti", "Tags:": what follows is another block, never the article's
            run = 0.0
            continue
        if run <= 0:
            run, lo = 0.0, i
        run += ln.score
        if run > best:
            best, best_lo, best_hi = run, lo, i
    return (best_lo, best_hi) if best_hi >= 0 else None


def classify(raw: str, url: str | None = None) -> tuple[list[Line], dict]:
    """Label every non-blank line of a capture; returns the lines and the evidence for metadata. The page's
    URL, where known, helps find the headline: most sites spell it in the URL's slug."""
    c = cues()
    evidence: dict = {}
    header_line, text_from, pos = _capture_header(raw, evidence)
    lines = _lines(_physical_lines(raw, pos, c), c)
    _mark_structures(lines, c, evidence)
    block = _best_block(lines)
    if block is None:
        for ln in lines:
            ln.label, ln.reason = "furniture", "no article prose in the capture"
        evidence["lines"] = [header_line] if header_line else []
        return lines, evidence
    lo, hi = block
    while lo > 0 and lines[lo - 1].cue in ("entry_time", "entry_heading"):
        lo -= 1  # the first entry of a live page opens with its time and heading
    _label_head(lines, lo, hi, evidence, slug_words(url))
    _label_block(lines, lo, hi, evidence)
    _label_tail(lines, hi, evidence, c)
    if header_line:
        _lead_in_header(lines, text_from, evidence)
        lines.insert(0, header_line)
    return lines, evidence


def _capture_header(raw: str, evidence: dict) -> tuple[Line | None, int, int]:
    """The capture header's line (its date and section go into ``evidence``), where the text after it starts
    and where the lines are read from (0 without a header)."""
    hm, header_end, text_from = split_header(raw)
    if not hm:
        return None, text_from, 0
    evidence["header_date"] = hm.group(1)
    section = header_section(hm.group(2))
    header_line = Line(-1, 0, raw[:header_end].rstrip("\r"), "", 0, FRAGMENT, label="header",
                       reason="capture header: date" + (" and section" if section else ""))
    if section:
        evidence["section"] = section
        text_from = header_end
    else:
        header_line.text = raw[:text_from].rstrip()
    return header_line, text_from, text_from


def _physical_lines(raw: str, pos: int, c: Cues) -> list[tuple[int, str, bool]]:
    """The non-blank lines from ``pos`` as (raw start, text, blank line before it), furniture glued to a
    line's text split off it."""
    physical: list[tuple[int, str, bool]] = []
    blank = True
    for piece in raw[pos:].splitlines(keepends=True):
        start = pos
        pos += len(piece)
        body = piece.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            blank = True
            continue
        for k, (offset, text) in enumerate(_unglue(stripped, c)):
            physical.append((start + len(body) - len(body.lstrip()) + offset, text, blank and k == 0))
        blank = False
    return physical


def _lines(physical: list[tuple[int, str, bool]], c: Cues) -> list[Line]:
    """The logical lines (a paragraph hard-wrapped over several physical lines is one), each with its shape,
    its cue and how often its text repeats in the capture."""
    lines: list[Line] = []
    for parts in _unwrap(physical):
        text = " ".join(t for _, t in parts)
        words = len(WORD.findall(text))
        shape = _shape(text, words)
        if shape == HEADLINE and (c.interview_label.match(text) or text.endswith("?") and c.speaker_label.match(text)):
            shape = SHORT_SENTENCE  # the interviewer's question ("Q: ...", "HOST: ...?") is article text
        ln = Line(len(lines), parts[0][0], text, norm(text), words, shape)
        ln.end = parts[-1][0] + len(parts[-1][1])
        if len(parts) > 1:
            ln.parts = parts
        _line_cue(ln, c)
        lines.append(ln)
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln.key] = counts.get(ln.key, 0) + 1
    for ln in lines:
        ln.repeats = counts[ln.key]
    return lines


def _mark_structures(lines: list[Line], c: Cues, evidence: dict) -> None:
    """The cues that span several lines (lists, an e-mail's header, bylines, captions, live entries), then
    each line's prose score."""
    _bullet_lists(lines)
    _email_header(lines, c, evidence)
    _sponsor_blocks(lines, c)
    _placed_bylines(lines, c)
    _name_and_role_bylines(lines, c)
    _credit_then_caption(lines, c)
    _live_entries(lines)
    _mark_lists(lines)
    for ln in lines:
        ln.score = _score(ln)


def _lead_in_header(lines: list[Line], text_from: int, evidence: dict) -> None:
    """A paragraph of prose right after the capture header's date ("date 2021-12 Il presidente americano,
    da parte sua, ha espresso …") is the page's lead as the capture gives it first: article text, neither
    the headline nor furniture above it (a headline of 20 words ending on a full stop is a sentence)."""
    first = lines[0] if lines else None
    if first is None or first.start != text_from or first.shape != PROSE or first.words < 20 \
            or first.label not in ("title", "furniture") or first.cue:
        return
    if first.label == "title":
        evidence.pop("title", None)
        evidence.pop("title_line", None)
    first.label, first.reason = "body", "the page's lead, given in the capture header"


def _unglue(text: str, c: Cues) -> list[tuple[int, str]]:
    """A line as the lines it should have been, where a page glued furniture to its text: (offset, text)."""
    m = c.glued.search(text)
    if m is None:
        return [(0, text)]
    if m.group("credit"):  # the text starts right after the credit (the pattern looks ahead for its capital)
        return [(0, m.group("credit")), (m.end("credit"), text[m.end("credit"):])]
    pieces = [(0, text[:m.start("time")]), (m.start("time"), m.group("time"))]
    return pieces + ([(m.start("after"), m.group("after"))] if m.group("after").strip() else [])


def _unwrap(physical: list[tuple[int, str, bool]]) -> list[list[tuple[int, str]]]:
    """Logical lines. A capture saved with its paragraphs hard-wrapped at a fixed width (text browsers,
    e-mail) has many lines that fill the width and stop mid-sentence, the next line going on in lower case;
    there a paragraph is the run of lines up to the next blank line or short line."""
    groups = [[(start, text)] for start, text, _ in physical]
    if len(physical) < 4:
        return groups
    width = max(len(t) for _, t, _ in physical)
    if width > WRAP_WIDTH_MAX:
        return groups
    full = [len(t) >= width - WRAP_SLACK for _, t, _ in physical]
    # a line that stops mid-sentence, long enough to be a wrapped one, the next going on in lower case:
    # the sign of a wrap even where the page wrapped by pixels, not characters (widths 50-80)
    cut = [i + 1 < len(physical) and not physical[i + 1][2] and len(t) >= WRAP_CUT_MIN
           and physical[i + 1][1][:1].islower() and not TERMINAL.search(t) for i, (_, t, _) in enumerate(physical)]
    if sum(1 for i in range(len(physical)) if cut[i] and full[i]) < 3 and sum(cut) < WRAP_CUTS:
        return groups
    out: list[list[tuple[int, str]]] = []
    for i, (start, text, blank_before) in enumerate(physical):
        if out and not blank_before and (full[i - 1] or cut[i - 1]) and not BULLET.match(text):
            out[-1].append((start, text))
        else:
            out.append([(start, text)])
    return out


def _is_caption_title(lines: list[Line], i: int, end: int) -> bool:
    """A short line that the next line repeats and extends with a credit is the caption's title."""
    ln = lines[i]
    j = i + 1
    return (j < end and lines[j].cue == "caption" and lines[j].text.startswith(ln.text)
            and len(lines[j].text) > len(ln.text))


# cues that end the run of headline-like lines above the article
_HARD_CUES = frozenset({"furniture", "end", "inline", "breadcrumb", "copyright", "url", "masthead"})


def _label_head(lines: list[Line], lo: int, hi: int, evidence: dict, slug: set[str] = frozenset()) -> None:
    """Labels the lines above the article (``lines[:lo]``): captions and mastheads, the headline and its
    standfirst, datelines, bylines and the rest of the furniture; what they tell goes to ``evidence``."""
    c = cues()
    head = lines[:lo]
    in_head = Counter(ln.key for ln in head)  # how often each line is printed above the article
    _captions_and_mastheads(lines, head, lo, hi, in_head, evidence, c)
    title_i, standfirst_i, title_reason = _headline(lines, head, lo, in_head, slug, c)
    if title_i is not None:
        _name_line_byline(lines, head, title_i, c)
    _label_head_lines(lines, head, title_i, standfirst_i, title_reason, evidence)


def _captions_and_mastheads(lines: list[Line], head: list[Line], lo: int, hi: int, in_head: Counter,
                            evidence: dict, c: Cues) -> None:
    """A picture's text above the headline is a caption; a head line printed again after the article is
    the site's masthead."""
    for i, ln in enumerate(head):
        if ln.cue is None and _is_caption_title(lines, i, lo):
            ln.cue = "caption"
            ln.extra["caption_title"] = True
    # a head line printed again after the article is the masthead (the site's name over the footer), not
    # the headline, which is printed twice above the article or at its top
    after = {ln.key for ln in lines[hi + 1:]}
    for i, ln in enumerate(head):
        if (ln.repeats >= 2 and ln.key in after and in_head[ln.key] == 1 and ln.cue is None and ln.words <= 6
                and any(_headline_like(o) and o.words > ln.words for o in head[i + 1:])):
            ln.cue = "masthead"
            evidence.setdefault("masthead", ln.text)
    _footer_masthead(lines, head, hi, evidence, c)


def _headline(lines: list[Line], head: list[Line], lo: int, in_head: Counter, slug: set[str],
              c: Cues) -> tuple[int | None, int | None, str]:
    """The headline and its standfirst among the head lines, with the reason for the headline."""
    standfirst_i = None
    subject = next((ln for ln in head if ln.cue == "email_subject"), None)
    anchored = _anchored_title(lines, head, lo) if subject is None else None
    repeated = _repeated_headlines(head, in_head)
    if anchored is not None and repeated and repeated[0].key in {lines[t].key for t in anchored if t is not None}:
        anchored = None  # the headline printed twice, its second copy over the byline: the picture's text between
    if subject is not None:
        title_i, title_reason = subject.idx, "headline: the subject of an e-mail"
    elif anchored is not None:
        title_i, standfirst_i = anchored
        title_reason = "headline: the text line(s) right above the byline or dateline"
    elif repeated:
        title_i = repeated[0].idx
        title_reason = "headline: the line appears twice in the page"
        _captions_between_copies(lines, head, title_i)
    else:
        title_i, title_reason = _last_headline_run(lines, head, lo, c)
    better = _slug_title(head, title_i, slug) if subject is None else None
    if better is not None:  # a site's tagline above "Zelensky: '…'" (…/zelensky-importante-…)
        standfirst_i = None if standfirst_i == better else standfirst_i
        if standfirst_i is None and title_i is not None and title_i > better:
            standfirst_i = title_i  # the line taken for the headline, under the real one, is its standfirst
        title_i, title_reason = better, "headline: the line the URL's slug spells"
    if title_i is not None:
        title_i = _without_counter(head, title_i)
    if title_i is not None and standfirst_i is None and subject is None:
        standfirst_i = _standfirst_under(lines, head, title_i)
    return title_i, standfirst_i, title_reason


def _repeated_headlines(head: list[Line], in_head: Counter) -> list[Line]:
    """The headline printed twice (or three or four times: page, article, share box) above the article."""
    return [ln for ln in head if ln.shape != PROSE and (ln.repeats == 2 and _headline_like(ln) or (
        ln.repeats > 2 and in_head[ln.key] == ln.repeats and _headline_like(ln, most_repeats=4)))]


def _captions_between_copies(lines: list[Line], head: list[Line], title_i: int) -> None:
    """A short line without final punctuation between the two copies of the headline is the picture's text
    (page headline, picture, article headline); a sentence there is the standfirst."""
    copy = next((ln.idx for ln in head[title_i + 1:] if ln.key == lines[title_i].key), None)
    for ln in head[title_i + 1:copy or title_i + 1]:
        if ln.cue is None and ln.shape == HEADLINE and len(ln.text) < len(lines[title_i].text):
            ln.cue = "caption"


def _last_headline_run(lines: list[Line], head: list[Line], lo: int, c: Cues) -> tuple[int | None, str]:
    """The first line of the last run of headline-like lines above the article (bylines, dates, captions and
    small cues such as a reading time may sit among them), below a short topic label (kicker) over it."""
    title_i = None
    for ln in reversed(head):
        if _headline_like(ln):
            title_i = ln.idx
        elif title_i is not None and (ln.cue in _HARD_CUES and not c.patterns.match(ln.text) or ln.cue is None):
            break
    reason = "headline: first line of the head above the article"
    if title_i is not None and title_i + 1 < lo:
        kicker, nxt = lines[title_i], lines[title_i + 1]
        # "Guerra in Ucraina" over the headline: a short topic label is not the headline (a longer line
        # under a short one is the standfirst of a short headline instead)
        if kicker.words <= 3 and _headline_like(nxt) and 6 <= nxt.words <= 14 and nxt.shape == HEADLINE:
            kicker.extra["kicker"] = True
            return nxt.idx, "headline: first line of the head above the article, under a short kicker"
    return title_i, reason


def _standfirst_under(lines: list[Line], head: list[Line], title_i: int) -> int | None:
    """The standfirst: the first headline-like or prose line under the headline, before a date, byline,
    caption or other hard cue."""
    for ln in head[title_i + 1:]:
        if ln.key == lines[title_i].key:
            continue
        if ln.cue in ("date", "byline", "caption"):
            return None
        if _headline_like(ln) or ln.shape in (PROSE, LONG):
            return ln.idx
        if ln.cue in _HARD_CUES:
            return None
    return None


def _label_head_lines(lines: list[Line], head: list[Line], title_i: int | None, standfirst_i: int | None,
                      title_reason: str | None, evidence: dict) -> None:
    """Each head line's label and reason, once the headline is chosen."""
    anchor = title_i
    near = {ln.idx for ln in head[-4:]}
    for ln in head:
        if ln.idx == title_i:
            ln.label, ln.reason = "title", title_reason
            evidence["title"] = ln.text
            evidence["title_line"] = ln.idx
        elif ln.idx == standfirst_i:
            ln.label, ln.reason = "standfirst", "line after the headline, before the byline or article"
        elif title_i is not None and ln.key == lines[title_i].key:
            ln.label, ln.reason = "furniture", "headline repeated"
        elif ln.cue == "date" and ln.extra.get("issue"):
            ln.label, ln.reason = "dateline", "the issue's date beside the masthead"
            _note_dateline(evidence, ln)
        elif ln.cue == "date":
            before_title = anchor is not None and ln.idx < anchor
            by_byline = any(0 < j < len(lines) and lines[j].cue == "byline" for j in (ln.idx - 1, ln.idx + 1))
            # the article's own stamp, with its clock time, right above its headline ("Jul 4, 2024 16:20")
            stamp = anchor is not None and ln.idx == anchor - 1 and TIME.search(ln.text) is not None
            if by_byline and not ln.weekday or (by_byline and anchor is not None and not before_title):
                ln.label, ln.reason = "dateline", "date beside the byline"
                _note_dateline(evidence, ln)
            elif stamp and not ln.weekday:
                ln.label, ln.reason = "dateline", "the article's time stamp right above its headline"
                _note_dateline(evidence, ln)
            elif before_title or (anchor is None and not ln.extra.get("placed") and (ln.idx not in near or ln.weekday)):
                ln.label, ln.reason = "furniture", "page banner date above the headline: capture date"
                evidence.setdefault("capture_date", ln.date)
            else:
                ln.label, ln.reason = "dateline", "date beside the headline or byline"
                _note_dateline(evidence, ln)
        elif ln.cue == "byline":
            ln.label, ln.reason = "byline", "byline"
            if anchor is None or ln.idx > anchor:
                _note_author(evidence, ln)
                if ln.date:
                    _note_dateline(evidence, ln)
        elif ln.cue == "caption":
            ln.label, ln.reason = "caption", "photo caption or credit"
        elif ln.cue == "breadcrumb":
            ln.label, ln.reason = "furniture", "breadcrumb"
            evidence.setdefault("section", ln.extra.get("section"))
        elif ln.cue == "masthead":
            ln.label, ln.reason = "furniture", "masthead: the site's name, printed again after the article"
        elif ln.extra.get("email"):
            ln.label, ln.reason = "furniture", f"e-mail header field ({ln.extra['email']})"
        elif ln.cue:
            ln.label, ln.reason = "furniture", f"{ln.cue} cue"
        else:
            ln.label, ln.reason = "furniture", "page furniture above the article"


def _footer_masthead(lines: list[Line], head: list[Line], hi: int, evidence: dict, c: Cues) -> None:
    """The site's name at the top of the page, named again in the footer ("The Daily Example" over
    "The Daily Example is published by ...", "THE DAILY EXAMPLE" over "© Example Media Group Ltd") is the
    masthead; a head line naming the masthead with a date is the date of the issue ("Example n. 31 – 4 May
    2024")."""
    tail = [ln for ln in lines[hi + 1:] if ln.cue != "url"]
    if not tail or "masthead" in evidence:
        return
    holders: set[str] | None = None
    for ln in head[:8]:
        if ln.cue is not None or not 1 <= ln.words <= 6 or TERMINAL.search(ln.text) or not ln.text[:1].isupper():
            continue
        spelled = None
        for o in tail:
            at = _word_find(o.key, ln.key)
            if at >= 0:
                # the footer's spelling where the masthead is set in capitals (keys are case-folded, spaces single)
                spelled = o.text[at:at + len(ln.key)] if o.text.casefold() == o.key else None
                spelled = spelled or ln.text
                break
        if spelled is None:
            if holders is None:
                holders = set()
                for o in tail:
                    if COPYRIGHT.search(o.text):
                        name, _ = _copyright_holder(o.text, c)
                        holders |= {w for w in WORD.findall((name or "").casefold()) if len(w) >= 4}
            if not holders & {w for w in WORD.findall(ln.key) if len(w) >= 4}:
                continue
        ln.cue = "masthead"
        name = spelled if spelled and not spelled.isupper() else ln.text
        if name.isupper():
            name = " ".join(w.capitalize() for w in name.split())
        evidence["masthead"] = name
        # "Il Settimanale n. 31 – 4 maggio 2024": the masthead, the issue, its date
        for o in head:
            if o.cue is None and ln.key in o.key and o.key != ln.key:
                date, wd = _is_date_line(o.text.casefold().replace(ln.key, " ", 1), c)
                if date:
                    o.cue, o.date, o.weekday = "date", date, wd
                    o.extra["issue"] = True
        return


def _word_find(text: str, part: str) -> int:
    """Where ``part`` occurs in ``text`` as whole words, or -1."""
    at = text.find(part)
    while at >= 0:
        end = at + len(part)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        at = text.find(part, at + 1)
    return -1


def _headline_like(ln: Line, most_repeats: int = 2, listed: bool = False) -> bool:
    """A line that could be a headline: three words or more, no cue, not in capitals, printed at most
    ``most_repeats`` times; ``listed``: also a line among menu links."""
    return (ln.cue is None and ln.words >= 3 and len(ln.text) <= 300 and ln.repeats <= most_repeats
            and not ln.text.isupper() and (listed or not ln.listed))


SLUG_WORD = re.compile(r"[^\W\d_]{3,}")


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's slug (the longest path segment of three words or more), lower case."""
    if not url:
        return set()
    path = unquote(urlsplit(url).path)
    best: list[str] = []
    for segment in path.split("/"):
        found = SLUG_WORD.findall(segment.lower())
        if len(found) >= 3 and len(found) > len(best):
            best = found
    return set(best)


def _slug_overlap(ln: Line, slug: set[str]) -> float:
    """The share of the slug's words the line spells, a word matching on its first five letters
    ("respond" / "response", "Russia's" / "russias")."""
    stems = {w[:5] for w in SLUG_WORD.findall(ln.text.lower())}
    return sum(w[:5] in stems for w in slug) / len(slug) if slug else 0.0


def _slug_title(head: list[Line], title_i: int | None, slug: set[str]) -> int | None:
    """The head line that spells most of the URL's slug (0.6 of its words at least), where the headline chosen
    so far spells much less of it (0.3 less); a line among menu links may be it (the slug vouches for it)."""
    if len(slug) < 3:
        return None
    current = next((_slug_overlap(ln, slug) for ln in head if ln.idx == title_i), 0.0)
    best = max((ln for ln in head if _headline_like(ln, listed=True)), key=lambda ln: _slug_overlap(ln, slug),
               default=None)
    if best is None or best.idx == title_i or _slug_overlap(best, slug) < max(0.6, current + 0.3):
        return None
    return best.idx


def _anchored_title(lines: list[Line], head: list[Line], lo: int) -> tuple[int, int | None] | None:
    """A headline stands right above its byline or dateline, with the standfirst between them where there is
    one: (title, standfirst) where the head has such a byline or dateline and nothing like a headline after it.
    A short kicker or a label with a full date over the headline ("Press review of 4 May 2024") is neither."""
    c = cues()
    for ln in head:
        k = ln.idx
        if ln.cue not in ("byline", "date") or k == 0 or not _headline_like(lines[k - 1], listed=True):
            continue
        if any(_headline_like(o) for o in lines[k + 1:lo]):
            continue  # a date above the headline: a page banner
        a = lines[k - 1]
        b = lines[k - 2] if k >= 2 and _headline_like(lines[k - 2], listed=True) and lines[k - 2].shape != PROSE \
            else None
        if b is not None:
            dm = c.date_any.search(b.text)
            if b.words <= 3 or (dm and (parse_date(dm, c) or ("", ""))[1] == "day"):
                b.extra["kicker"] = True
                return a.idx, None
            return b.idx, a.idx
        if a.shape == PROSE:
            return None
        return a.idx, None
    return None


def _name_line_byline(lines: list[Line], head: list[Line], title_i: int, c: Cues) -> None:
    """A reporter's name alone on a line under the headline, near the dateline, is the byline ("Jane Doe"
    between the date and the player of a broadcast page), where the head has no other byline."""
    after = [ln for ln in head if ln.idx > title_i]
    if any(ln.cue == "byline" for ln in after):
        return
    for ln in after:
        if (ln.cue is None and 2 <= ln.words <= 4 and c.name_line.match(ln.text) and ln.key not in c.lines
                and any(0 <= j < len(lines) and lines[j].cue == "date" for j in range(ln.idx - 3, ln.idx + 4))):
            ln.cue, ln.author = "byline", ln.text
            return


def _note_author(evidence: dict, ln: Line) -> None:
    """A byline that names a desk ("di Redazione", "By Staff", "Redazione ANSA") names no author."""
    name = norm(ln.author or "")
    if name and "author" not in evidence and not any(name == d or name.startswith(d + " ") for d in cues().desk_words):
        evidence["author"] = ln.author


def _note_dateline(evidence: dict, ln: Line) -> None:
    """The first dateline counts, unless a later one says it is the first publication ("First published
    on ...", "Pubblicato il ...") where the first was a display or update date."""
    if ln.date is None:
        return
    published = bool(cues().published_label.match(ln.text))
    if "dateline" not in evidence or (published and not evidence.get("dateline_published")):
        evidence["dateline"] = ln.date
        evidence["dateline_published"] = published


def _label_block(lines: list[Line], lo: int, hi: int, evidence: dict) -> None:
    c = cues()
    for i in range(lo, hi):
        # "Leggi anche" / "Read more" inside the article: the headline under it is a link, not a subheading
        if lines[i].cue == "inline" and lines[i].key in c.link_markers:
            nxt = lines[i + 1]
            if nxt.cue is None and nxt.shape == HEADLINE:
                nxt.cue = "link"
    for i in range(lo, hi + 1):
        ln = lines[i]
        if ln.cue is None and _is_caption_title(lines, i, hi + 1):
            ln.cue = "caption"
        if ln.cue == "link":
            ln.label, ln.reason = "furniture", "recommended article under an inline marker"
        elif ln.cue == "entry_time":
            ln.label, ln.reason = "furniture", "time of a live page's entry"
        elif ln.cue == "entry_heading":
            ln.label, ln.reason = "subheading", "heading of a live page's entry"
        elif ln.cue == "caption":
            ln.label, ln.reason = "caption", "photo caption or credit"
        elif ln.cue == "inline":
            ln.label, ln.reason = "furniture", "inline marker (advertising or recommendation)"
        elif ln.cue == "date" and i - lo < 2 and "dateline" not in evidence:
            ln.label, ln.reason = "dateline", "date at the top of the article"
            _note_dateline(evidence, ln)
        elif ln.cue == "byline" and i - lo < 2:
            ln.label, ln.reason = "byline", "byline at the top of the article"
            _note_author(evidence, ln)
        elif ln.cue:
            ln.label, ln.reason = "furniture", f"{ln.cue} cue inside the article"
        elif ln.shape in (PROSE, LONG, SHORT_SENTENCE) and not (ln.listed and ln.shape == SHORT_SENTENCE) \
                or ln.extra.get("bullet_item"):
            ln.label, ln.reason = "body", "article prose"
        elif ln.shape == HEADLINE and ln.repeats == 1 and not ln.listed and _between_prose(lines, i, lo, hi):
            if ln.words > 14:
                ln.label, ln.reason = "body", "paragraph without final punctuation between paragraphs"
            else:
                ln.label, ln.reason = "subheading", "short line between article paragraphs"
        else:
            ln.label, ln.reason = "furniture", "short line inside the article"
    first = next((ln for ln in lines[lo:min(hi + 1, lo + 3)] if ln.label == "body"), None)
    if first is not None and "dateline" not in evidence:
        date = _opening_dateline(first.text, c)
        if date:
            evidence["dateline"], evidence["dateline_published"] = date, False


def _opening_dateline(text: str, c: Cues) -> tuple[str, str] | None:
    """The date of a paragraph that opens on its place and date, as agencies write them."""
    m = c.date_any.search(text, 0, 90)
    if m is None or not OPENING_PLACE.match(text[:m.start()]) or not OPENING_END.match(text[m.end():m.end() + 40]):
        return None
    return parse_date(m, c)


def _between_prose(lines: list[Line], i: int, lo: int, hi: int) -> bool:
    prev = next((lines[j] for j in range(i - 1, lo - 1, -1)
                 if lines[j].cue not in ("caption", "inline", "link") and not RULE.match(lines[j].text)), None)
    nxt = next((lines[j] for j in range(i + 1, hi + 1)
                if lines[j].cue not in ("caption", "inline") and not RULE.match(lines[j].text)), None)
    ok = (PROSE, LONG, SHORT_SENTENCE)
    return prev is not None and nxt is not None and prev.shape in ok and nxt.shape in ok and not nxt.cue


def _label_tail(lines: list[Line], hi: int, evidence: dict, c: Cues) -> None:
    for ln in lines[hi + 1:]:
        ln.label = "furniture"
        if ln.idx == hi + 1 == len(lines) - 1 and _cut_off_paragraph(ln, c):
            ln.label, ln.reason = "body", "the article's last paragraph, cut off where the capture ends"
        elif ln.idx == hi + 1 and ln.cue == "date" and PLACE_PREFIX.match(ln.text) and "dateline" not in evidence:
            # "Vilnius, luglio 2023" under a long read: where and when it was written, the only date it has
            ln.label, ln.reason = "dateline", "place and date closing the article"
            _note_dateline(evidence, ln)
        elif ln.cue == "url":
            ln.reason = "URL of the page"
            evidence.setdefault("url", ln.text)
        elif ln.cue == "copyright":
            ln.reason = "copyright footer"
        elif ln.cue:
            ln.reason = f"{ln.cue} cue after the article"
        elif ln.listed:
            ln.reason = "list of headlines after the article"
        else:
            ln.reason = "after the article"
        if COPYRIGHT.search(ln.text) and "footer_outlet" not in evidence:
            name, company = _copyright_holder(ln.text, c)
            if name:
                evidence["footer_outlet"] = name
                # "© 2025 Editrice Ponente S.r.l.": a company, the publisher, which a masthead names better
                evidence["footer_company"] = company
        for p in c.promo:
            m = p.search(ln.text)
            if m:
                evidence.setdefault("promo_outlet", m.group("outlet"))
    # a URL line anywhere (e.g. at the very top) still names the page
    for ln in lines:
        if ln.cue == "url" and "url" not in evidence:
            evidence["url"] = ln.text


def _cut_off_paragraph(ln: Line, c: Cues) -> bool:
    """A capture's last line, right after the article, that breaks off mid-sentence: the article's text
    that the capture cut, not furniture after it. It opens with whole sentences ("«Non è affatto un
    accordo concluso», ha detto Trump. «E l'Ucraina"), or opens a quotation it never closes ("“We will
    not host foreign bases on our territory, as well as deploy"), or is a sentence of eight words or more
    in sentence case that stops where no sentence stops (on an article, a preposition, a conjunction, a
    comma: ``unfinished_endings`` in the language data) or runs past the length of a headline. A headline
    after the article is in title case or ends on a word of its own; links and handles are neither."""
    text = ln.text
    if ln.cue is not None or ln.shape != HEADLINE or TERMINAL.search(text) or WEB_LINE.search(text):
        return False
    if ln.words >= 8 and CUT_OFF.search(text):
        return True
    close = CLOSING_QUOTE.get(text[:1])
    if close and close not in text[1:] and ln.words >= 3:
        return True
    words = text.split()
    if ln.words < 8 or not (text[:1].isupper() or BULLET.match(text)) \
            or sum(1 for w in words if w[:1].isupper()) > len(words) / 2:
        return False
    last = WORD.findall(words[-1])
    return text.endswith(",") or ln.words >= HEADLINE_WORDS_MAX or bool(last) and last[-1].casefold() in c.unfinished_endings


def _copyright_holder(text: str, c: Cues) -> tuple[str | None, bool]:
    """The name after the copyright sign, without a company's legal form, and whether it had one; None
    for a bare notice ("© Riproduzione riservata", "© All rights reserved")."""
    m = COPYRIGHT_NAME.search(text)
    if not m:
        return None, False
    name = _holder_name(m.group("name"), c)
    company = bool(LEGAL_FORM.search(TRAILING_YEAR.sub("", m.group("name").strip(" .-"))))
    if name is None and m.start() > 0:
        # "Cronaca Globale - Reg. Trib. ... - © 2025 Tutti i diritti riservati": the name opens the line
        lead = SEPARATORS.split(text[:m.start()].strip())[0]
        name, company = (_holder_name(lead, c) if lead[:1].isupper() else None), False
    return name, company


def _holder_name(name: str, c: Cues) -> str | None:
    name = LEGAL_FORM.sub("", TRAILING_YEAR.sub("", name.strip(" .-"))).strip(" .,-")
    key = norm(name)
    if (not name or len(name.split()) > 5 or name[0].isdigit() or key in c.lines
            or key.startswith(c.prefixes) or any(p.startswith(key) for p in c.prefixes)):
        return None
    return name


def clean_text_capture(capture: Capture) -> Document:
    raw = capture.raw
    doc = Document(source=capture.source, raw=raw, format="text")
    url = (capture.hints or {}).get("url") or (capture.source if capture.source.startswith(("http://", "https://"))
                                                else None)
    lines, evidence = classify(raw, url)
    tb = TextBuilder()
    for ln in lines:
        doc.lines.append(LineLabel(ln.start, ln.end or ln.start + len(ln.text), ln.label, ln.reason))
    title = next((ln for ln in lines if ln.label == "title"), None)
    if title is not None:
        a, b = _add_line(tb, title)
        doc.spans.append(Span(a, b, "zone", "title", component=COMPONENT, rule=title.reason))
    for ln in lines:
        if ln.label in ("standfirst", "body", "subheading"):
            tb.add_separator()
            a, b = _add_line(tb, ln)
            doc.spans.append(Span(a, b, "zone", ln.label, component=COMPONENT, rule=ln.reason))
    doc.text = tb.text()
    doc.segments = tb.segments
    picture_day = _picture_day(lines)
    if picture_day:
        evidence["picture_day"] = picture_day
    head_day = _head_day(lines)
    if head_day:
        evidence["head_day"] = head_day
    doc.meta["evidence"] = evidence
    return doc


def _picture_day(lines: list[Line]) -> str | None:
    """The day the captions date their pictures ("… at Ramstein Air Base, Germany, April 26, 2022."), when
    they name one day only: on a page without a date, the day of the event it reports (a caption is taken
    out of the text, and its date with it)."""
    c = cues()
    days = set()
    for ln in lines:
        if ln.label == "caption":  # the article's own pictures, not those of the pages it links to
            for m in c.date_any.finditer(MARKDOWN_TARGET.sub("]", ln.text)):  # not the digits of a picture's URL
                date = parse_date(m, c)
                if date and date[1] == "day":
                    days.add(date[0])
    return days.pop() if len(days) == 1 else None


def _head_day(lines: list[Line]) -> str | None:
    """The one day the lines above the body spell out in full ("Zelensky a Vilnius il 25 gennaio 2026", a
    photo's "(February 18, 2026)" over the headline), whatever the cleaner made of them: on a page without a
    date, the day of the event it reports. None where they spell several days or none; a line that is a
    weekday and a date and little else is a site's banner of the day of the visit (GUIDE, section 16) and
    does not count."""
    c = cues()
    days = set()
    for ln in lines:
        if ln.label in ("body", "standfirst"):
            break
        text = MARKDOWN_TARGET.sub("]", ln.text)
        for m in c.date_any.finditer(text):
            date = parse_date(m, c)
            if not date or date[1] != "day":
                continue
            if m.group("wd") and len((text[:m.start()] + " " + text[m.end():]).split()) <= HEAD_BANNER_WORDS:
                continue
            days.add(date[0])
    return days.pop() if len(days) == 1 else None


# How many words besides its weekday and date a site's banner line holds ("Sabato 24 gennaio 2026 | Roma").
HEAD_BANNER_WORDS = 3


def _add_line(tb: TextBuilder, ln: Line) -> tuple[int, int]:
    """Adds a logical line; the physical lines of a wrapped paragraph each map to their raw characters,
    the spaces that join them to none."""
    if not ln.parts:
        return tb.add(ln.text, ln.start)
    a = tb.length
    for k, (start, text) in enumerate(ln.parts):
        if k:
            tb.add(" ", None)
        tb.add(text, start)
    return a, tb.length
