"""Furniture, byline, date and caption cues compiled from ``data/lang/*/furniture.yaml`` and ``time.yaml``.

The cues of all language folders are merged: a capture's language is only known once its article text
has been found, and page furniture of one language rarely reads as article prose in another.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lang

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁІЇЄ"
NAME_WORD = rf"[{UPPER}][\w'’.\-]*"
PARTICLES = r"(?:de|di|da|del|della|dei|van|von|der|den|le|la|al|el|bin|dos|du|des|y|ten|ter)"
NAME = rf"{NAME_WORD}(?:\s+(?:{PARTICLES}\s+)?{NAME_WORD}){{0,3}}"


def norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted({w for w in words if w}, key=len, reverse=True))


@dataclass
class Cues:
    lines: frozenset[str]
    end_markers: frozenset[str]
    inline_markers: frozenset[str]
    link_markers: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: re.Pattern
    breadcrumb: re.Pattern
    byline: re.Pattern
    name_published: re.Pattern
    placed_byline: re.Pattern
    placed_name: re.Pattern
    name_line: re.Pattern
    byline_roles: frozenset[str]
    desk_words: frozenset[str]
    date_any: re.Pattern
    date_labels: frozenset[str]
    date_label_phrases: re.Pattern
    published_label: re.Pattern
    issue_line: re.Pattern
    inline_patterns: re.Pattern
    consent: re.Pattern
    consent_word: re.Pattern
    disclaimer: re.Pattern
    disclaimer_word: re.Pattern
    months: dict[str, int]
    weekdays: frozenset[str]
    photo_label: re.Pattern
    photo_tail: re.Pattern
    glued: re.Pattern
    credit_segment: re.Pattern
    promo: list[re.Pattern]
    sponsor_markers: frozenset[str]
    email_field: re.Pattern
    email_roles: dict[str, str]
    subject_prefix: re.Pattern
    mail_word: re.Pattern
    mail: re.Pattern
    interview_label: re.Pattern
    speaker_label: re.Pattern
    teaser: re.Pattern
    pull_quote: re.Pattern
    photo_credit: re.Pattern
    rights_notice: re.Pattern
    unfinished_endings: frozenset[str]


def _union(topic: str, key: str) -> list:
    out: list = []
    for code in lang.available():
        data = lang.topic(code, topic) or {}
        v = data.get(key) or []
        if isinstance(v, dict):
            out.extend(v.items())
        else:
            out.extend(v)
    return out


@lru_cache(maxsize=1)
def cues() -> Cues:
    months: dict[str, int] = {}
    for name, num in _union("time", "months"):
        months[str(name).casefold()] = int(num)
    weekdays = frozenset(str(w).casefold() for w, _ in _union("time", "weekdays"))
    month_alt = _alt(months)
    wd_alt = _alt(weekdays)
    wd = rf"(?:\b(?P<wd>{wd_alt})\.?,?\s+)?"
    date_any = re.compile(
        rf"{wd}(?:(?P<d1>\d{{1,2}})(?:º|°|\.|st|nd|rd|th)?\s+(?:de\s+)?(?P<m1>{month_alt})\.?,?\s+(?:de\s+)?(?P<y1>\d{{4}})"
        rf"|\b(?P<m2>{month_alt})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
        # not the tail of a longer run of numbers: "177-11-02-2026" is a document's number, not a stamp
        rf"|(?<!\d)(?<!\d[./-])(?P<d3>\d{{1,2}})(?P<sep3>[./-])(?P<m3>\d{{1,2}})(?P=sep3)(?P<y3>\d{{4}})"
        rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})"
        rf"|\b(?P<m5>{month_alt})\.?\s+(?P<y5>\d{{4}}))",
        re.IGNORECASE)
    byline_prefixes = _union("furniture", "byline_prefixes")
    joiners = r"(?:,|&|\band\b|\be\b|\bet\b|\bund\b|\by\b)"
    # "byRainer Hofmann": a one-word opener glued to the name by a page that lost the space
    glued_openers = _alt(w for w in byline_prefixes if " " not in w and w.islower())
    byline = re.compile(
        rf"^(?:(?i:{_alt(byline_prefixes)})\s*:?\s+|(?:{glued_openers})(?=[{UPPER}]))"
        rf"(?P<name>{NAME}(?:\s*{joiners}\s*{NAME})*)"
        rf"(?:\s*,\s*(?P<role>[\w'’ .\-]{{2,40}}))?\s*$")  # "di Sara Rossi, inviata": the job title after a comma
    # "Martha Ellis in Fasano and Peter Crane in Washington": names with where each reporter filed from
    places = _alt(_union("furniture", "byline_place_words"))
    placed = rf"(?P<n>{NAME})\s+(?:{places})\s+{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
    placed_byline = re.compile(rf"^{placed}(?:\s*{joiners}\s*{placed.replace('?P<n>', '?:')})*$")
    credits = _union("furniture", "credits")
    photo_labels = _union("furniture", "photo_labels")
    credit_segment = re.compile(
        rf"^(?:(?:{_alt(credits)})(?:\s*/\s*(?:{_alt(credits)}|[{UPPER}][\w.'\-]*(?:\s[{UPPER}][\w.'\-]*){{0,3}}))*"
        rf"|[A-Z][A-Z.\-]+(?:\s*/\s*[{UPPER}][\w .'\-]+)+"  # agency slash credits: EPA/NAME/AFP
        rf"|(?i:{_alt(photo_labels)})\s*:\s*.{{1,80}})\s*$")
    pats = [p for p in _union("furniture", "patterns")]
    email_roles: dict[str, str] = {}
    for role, labels in _union("furniture", "email_fields"):
        for label in labels:
            email_roles[norm(str(label))] = role
    roots = _union("furniture", "breadcrumb_roots")
    return Cues(
        lines=frozenset(norm(x) for x in _union("furniture", "lines")),
        end_markers=frozenset(norm(x) for x in _union("furniture", "end_markers")),
        inline_markers=frozenset(norm(x) for x in _union("furniture", "inline_markers")),
        link_markers=frozenset(norm(x) for x in _union("furniture", "link_markers")),
        prefixes=tuple(sorted({norm(x) for x in _union("furniture", "prefixes")}, key=len, reverse=True)),
        patterns=re.compile(rf"^(?:{'|'.join(f'(?:{p})' for p in pats)})$", re.IGNORECASE),
        breadcrumb=re.compile(rf"^(?:{_alt(roots)})(?:\s*[>»/|›]\s*|\s+)(?P<rest>\S.{{0,60}})$", re.IGNORECASE),
        byline=byline,
        # "Sumaira FH Published April 21, 2023": the reporter's name, then the publication label and date
        name_published=re.compile(rf"^(?P<name>{NAME})\s+(?i:{_alt(_union('furniture', 'published_labels'))})"
                                  rf"(?:\s+(?i:on|il|el|le|am))?\s*:?\s+(?P<date>\S.*)$"),
        placed_byline=placed_byline,
        placed_name=re.compile(placed),
        name_line=re.compile(rf"^{NAME_WORD}(?:\s+(?:{PARTICLES}\s+)?{NAME_WORD}){{1,3}}$"),
        byline_roles=frozenset(norm(x) for x in _union("furniture", "byline_roles")),
        desk_words=frozenset(norm(x) for x in _union("furniture", "desk_words")),
        date_any=date_any,
        date_labels=frozenset(norm(x) for x in _union("furniture", "date_labels")),
        # labels of several words ("first published on", "ultimo aggiornamento") taken out as a whole
        date_label_phrases=re.compile(
            rf"(?<!\w)(?:{_alt(norm(x) for x in _union('furniture', 'date_labels') if ' ' in norm(x))})(?!\w)"),
        published_label=re.compile(rf"^(?:{_alt(_union('furniture', 'published_labels'))})(?!\w)", re.IGNORECASE),
        # a periodical's issue line: "Issue November 2024", "IssueAugust - September 2024" (glued), "Numero di
        # marzo 2025"; the month of the issue, or its year where the issue spans two months
        issue_line=re.compile(
            rf"^(?:{_alt(_union('furniture', 'issue_labels'))})\s*:?\s*(?:(?:di|of)\s+)?(?P<m1>{month_alt})"
            rf"(?:\s*[-–/]\s*(?P<m2>{month_alt}))?\s+(?P<y>\d{{4}})\s*$", re.IGNORECASE),
        consent=re.compile("|".join(f"(?:{p})" for p in _union("furniture", "consent_patterns")) or "(?!)",
                           re.IGNORECASE),
        consent_word=re.compile(_alt(norm(w) for w in _union("furniture", "consent_words")) or "(?!)"),
        disclaimer=re.compile("|".join(f"(?:{p})" for p in _union("furniture", "disclaimer_patterns")) or "(?!)",
                              re.IGNORECASE),
        disclaimer_word=re.compile(_alt(norm(w) for w in _union("furniture", "disclaimer_words")) or "(?!)"),
        inline_patterns=re.compile(rf"(?:{'|'.join(f'(?:{p})' for p in pats)})", re.IGNORECASE),
        months=months,
        weekdays=weekdays,
        # "… over the past few weeksImage: picture alliance/Zoonar": a credit glued to its caption counts too
        photo_tail=re.compile(rf"(?:^|[.!?)]\s+|\s[|/]\s|(?-i:(?<=[a-z])(?=[A-Z])))(?:{_alt(photo_labels)})\s*:\s*"
                              rf"\S[^!?]{{0,60}}$", re.IGNORECASE),
        # "(Photo: X)", and the credit of an agency or a service: "(AP Photo/Jane Doe)", "(DoD photo by X)"
        photo_label=re.compile(rf"\(\s*(?:(?:{_alt(photo_labels)})\s*:?|(?:[^()\s]+\s+){{1,4}}?"
                               rf"(?:{_alt(photo_labels)})\s*(?:/|\bby\b))[^()]*\)", re.IGNORECASE),
        # furniture glued to the text of the same line by a page without line breaks: a picture's source
        # before it ("Image source, AFP via Getty ImagesUS Secretary…"), a live post's time after its
        # heading ("… for talkspublished at 09:06 GMTBreaking")
        glued=re.compile(
            rf"^(?P<credit>(?:{_alt(_union('furniture', 'glued_credit_labels')) or '(?!)'}),\s[^\n]{{0,80}}?"
            rf"(?:{_alt(credits)}))(?=[{UPPER}“\"‘])"
            rf"|(?<=[a-z.!?”\"])(?P<time>(?:{'|'.join(_union('furniture', 'glued_post_times')) or '(?!)'}))(?P<after>.*)$"),
        credit_segment=credit_segment,
        promo=[re.compile(p) for p in _union("furniture", "promo_patterns")],
        sponsor_markers=frozenset(norm(x) for x in _union("furniture", "sponsor_markers")),
        email_field=re.compile(rf"^(?P<field>{_alt(email_roles) or '(?!)'})\s?:\s*(?P<value>.*)$", re.IGNORECASE),
        email_roles=email_roles,
        subject_prefix=re.compile(rf"^(?:(?:{_alt(_union('furniture', 'subject_prefixes')) or '(?!)'})\s?:\s*)+",
                                  re.IGNORECASE),
        # searched in the case-folded line: an alternation of lower-case words is much faster than IGNORECASE
        mail_word=re.compile(_alt(norm(w) for w in _union("furniture", "mail_words")) or "(?!)"),
        mail=re.compile("|".join(f"(?:{p})" for p in _union("furniture", "mail_patterns")) or "(?!)", re.IGNORECASE),
        # case as written: "Q:" and "A:" label an interview, "a:" opens nothing
        interview_label=re.compile(rf"^(?:{_alt(_union('furniture', 'interview_labels')) or '(?!)'})\s?[:.]\s+\S"),
        # a transcript's speaker label in capitals: "MARY SMITH, HOST:", "SMITH:"
        speaker_label=re.compile(rf"^[{UPPER}][{UPPER}.'’\-]+(?:\s+[{UPPER}][{UPPER}.'’\-]+){{0,3}}"
                                 rf"(?:,\s+[{UPPER}][{UPPER} ]+)?:\s+\S"),
        teaser=re.compile(rf"^(?:{_alt(_union('furniture', 'teaser_labels')) or '(?!)'})\s?:\s+\S", re.IGNORECASE),
        # "«We will not waver» — Jane Doe": a quote set apart with its speaker's name after a dash
        rights_notice=re.compile(_alt(norm(w) for w in _union("furniture", "rights_notices")) or "(?!)"),  # on the case-folded line
        unfinished_endings=frozenset(norm(w) for w in _union("furniture", "unfinished_endings")),
        photo_credit=re.compile(rf"^(?i:{_alt(_union('furniture', 'photo_credit_prefixes')) or '(?!)'})\s+{NAME}"
                                rf"(?:\s*/\s*\S.{{0,60}})?$"),
        pull_quote=re.compile(rf"^[«“\"„‘'](?P<quote>[^«»“”\"]{{2,240}})[»”\"“’']\s*[—–-]{{1,2}}\s*{NAME}$"),
    )


# The word that joins a publication label to its date: "Published on March 4, 2025", "Pubblicato il 4 marzo"
LABEL_JOINER = re.compile(r"\s+(?:on|il|el|le|am)\Z", re.IGNORECASE)
LABEL_BEFORE = re.compile(r"(?:^|[\s|·•,;:–—-])((?:[^\W\d_]+\s+)?[^\W\d_]+)\Z")


def published_match(text: str, matches: list[re.Match], c: Cues) -> re.Match | None:
    """Of a line's several dates, the one a publication label stands right before ("Last updated: April
    11, 2024 | Published: April 9, 2024"): the page's date, not the day of its last update; else None."""
    if len(matches) < 2:
        return None
    for mt in matches:
        lead = LABEL_JOINER.sub("", text[:mt.start()].rstrip(" \t|·•,;:–—-"))
        word = LABEL_BEFORE.search(lead)
        if word and c.published_label.fullmatch(" ".join(word.group(1).split())):
            return mt
    return None


def parse_date(m: re.Match, c: Cues) -> tuple[str, str] | None:
    """(value, precision) of a date match; None if the numbers are not a date."""
    g = m.groupdict()
    for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3"), ("d4", "m4", "y4")):
        if g.get(y):
            month = g[mo]
            mnum = int(month) if month.isdigit() else c.months.get(month.casefold())
            day = int(g[d])
            if d == "d3" and mnum and mnum > 12 and day <= 12:  # US order 03/25/2024
                day, mnum = mnum, day
            if not mnum or not 1 <= mnum <= 12 or not 1 <= day <= 31:
                return None
            return f"{int(g[y]):04d}-{mnum:02d}-{day:02d}", "day"
    if g.get("y5"):
        mnum = c.months.get(g["m5"].casefold())
        return (f"{int(g['y5']):04d}-{mnum:02d}", "month") if mnum else None
    return None
