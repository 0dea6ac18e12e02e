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
    """Words as one alternation, longest first, then alphabetical: the same pattern whatever the order the set
    gives them in (it changes with the hash seed)."""
    return "|".join(re.escape(w) for w in sorted({w for w in words if w}, key=lambda w: (-len(w), w)))


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


def _furniture(key: str) -> list:
    return _union("furniture", key)


def _norm_set(key: str) -> frozenset[str]:
    return frozenset(norm(x) for x in _furniture(key))


def _any_of(key: str) -> re.Pattern:
    """The furniture patterns under ``key`` as one alternation (one that never matches when there are none)."""
    return re.compile("|".join(f"(?:{p})" for p in _furniture(key)) or "(?!)", re.IGNORECASE)


def _word_of(key: str) -> re.Pattern:
    """The words under ``key``, searched in the case-folded line: an alternation of lower-case words is much
    faster than IGNORECASE."""
    return re.compile(_alt(norm(w) for w in _furniture(key)) or "(?!)")


def _label(key: str) -> str:
    return _alt(_furniture(key)) or "(?!)"


@lru_cache(maxsize=1)
def cues() -> Cues:
    months: dict[str, int] = {}
    for name, num in _union("time", "months"):
        months[str(name).casefold()] = int(num)
    weekdays = frozenset(str(w).casefold() for w, _ in _union("time", "weekdays"))
    credits = _furniture("credits")
    return Cues(
        lines=_norm_set("lines"),
        end_markers=_norm_set("end_markers"),
        inline_markers=_norm_set("inline_markers"),
        link_markers=_norm_set("link_markers"),
        prefixes=tuple(sorted({norm(x) for x in _furniture("prefixes")}, key=len, reverse=True)),
        breadcrumb=re.compile(rf"^(?:{_alt(_furniture('breadcrumb_roots'))})(?:\s*[>»/|›]\s*|\s+)(?P<rest>\S.{{0,60}})$",
                              re.IGNORECASE),
        sponsor_markers=_norm_set("sponsor_markers"),
        promo=[re.compile(p) for p in _furniture("promo_patterns")],
        unfinished_endings=_norm_set("unfinished_endings"),
        **_pattern_cues(),
        **_byline_cues(),
        **_date_cues(months, weekdays),
        **_photo_cues(credits),
        **_notice_cues(),
        **_mail_cues(),
        **_quote_cues(),
    )


def _pattern_cues() -> dict:
    pats = _furniture("patterns")
    return dict(
        patterns=re.compile(rf"^(?:{'|'.join(f'(?:{p})' for p in pats)})$", re.IGNORECASE),
        inline_patterns=re.compile(rf"(?:{'|'.join(f'(?:{p})' for p in pats)})", re.IGNORECASE),
    )


def _byline_cues() -> dict:
    byline_prefixes = _furniture("byline_prefixes")
    joiners = r"(?:,|&|\band\b|\be\b|\bet\b|\bund\b|\by\b)"
    # "byRainer Hofmann": a one-word opener glued to the name by a page that lost the space
    glued_openers = _alt(w for w in byline_prefixes if " " not in w and w.islower())
    # "Martha Ellis in Fasano and Peter Crane in Washington": names with where each reporter filed from
    places = _alt(_furniture("byline_place_words"))
    placed = rf"(?P<n>{NAME})\s+(?:{places})\s+{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
    return dict(
        byline=re.compile(
            rf"^(?:(?i:{_alt(byline_prefixes)})\s*:?\s+|(?:{glued_openers})(?=[{UPPER}]))"
            rf"(?P<name>{NAME}(?:\s*{joiners}\s*{NAME})*)"
            rf"(?:\s*,\s*(?P<role>[\w'’ .\-]{{2,40}}))?\s*$"),  # "di Sara Rossi, inviata": the job title after a comma
        # "Sumaira FH Published April 21, 2023": the reporter's name, then the publication label and date
        name_published=re.compile(rf"^(?P<name>{NAME})\s+(?i:{_alt(_furniture('published_labels'))})"
                                  rf"(?:\s+(?i:on|il|el|le|am))?\s*:?\s+(?P<date>\S.*)$"),
        placed_byline=re.compile(rf"^{placed}(?:\s*{joiners}\s*{placed.replace('?P<n>', '?:')})*$"),
        placed_name=re.compile(placed),
        name_line=re.compile(rf"^{NAME_WORD}(?:\s+(?:{PARTICLES}\s+)?{NAME_WORD}){{1,3}}$"),
        byline_roles=_norm_set("byline_roles"),
        desk_words=_norm_set("desk_words"),
    )


def _date_cues(months: dict[str, int], weekdays: frozenset[str]) -> dict:
    month_alt = _alt(months)
    wd = rf"(?:\b(?P<wd>{_alt(weekdays)})\.?,?\s+)?"
    return dict(
        months=months,
        weekdays=weekdays,
        date_any=re.compile(
            rf"{wd}(?:(?P<d1>\d{{1,2}})(?:º|°|\.|st|nd|rd|th)?\s+(?:de\s+)?(?P<m1>{month_alt})\.?,?\s+(?:de\s+)?(?P<y1>\d{{4}})"
            rf"|\b(?P<m2>{month_alt})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
            # not the tail of a longer run of numbers: "177-11-02-2026" is a document's number, not a stamp
            rf"|(?<!\d)(?<!\d[./-])(?P<d3>\d{{1,2}})(?P<sep3>[./-])(?P<m3>\d{{1,2}})(?P=sep3)(?P<y3>\d{{4}})"
            rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})"
            rf"|\b(?P<m5>{month_alt})\.?\s+(?P<y5>\d{{4}}))",
            re.IGNORECASE),
        date_labels=_norm_set("date_labels"),
        # labels of several words ("first published on", "ultimo aggiornamento") taken out as a whole
        date_label_phrases=re.compile(
            rf"(?<!\w)(?:{_alt(norm(x) for x in _furniture('date_labels') if ' ' in norm(x))})(?!\w)"),
        published_label=re.compile(rf"^(?:{_alt(_furniture('published_labels'))})(?!\w)", re.IGNORECASE),
        # a periodical's issue line: "Issue November 2024", "IssueAugust - September 2024" (glued), "Numero di
        # marzo 2025"; the month of the issue, or its year where the issue spans two months
        issue_line=re.compile(
            rf"^(?:{_alt(_furniture('issue_labels'))})\s*:?\s*(?:(?:di|of)\s+)?(?P<m1>{month_alt})"
            rf"(?:\s*[-–/]\s*(?P<m2>{month_alt}))?\s+(?P<y>\d{{4}})\s*$", re.IGNORECASE),
    )


def _photo_cues(credits: list) -> dict:
    photo_labels = _furniture("photo_labels")
    return dict(
        credit_segment=re.compile(
            rf"^(?:(?:{_alt(credits)})(?:\s*/\s*(?:{_alt(credits)}|[{UPPER}][\w.'\-]*(?:\s[{UPPER}][\w.'\-]*){{0,3}}))*"
            rf"|[A-Z][A-Z.\-]+(?:\s*/\s*[{UPPER}][\w .'\-]+)+"  # agency slash credits: EPA/NAME/AFP
            rf"|(?i:{_alt(photo_labels)})\s*:\s*.{{1,80}})\s*$"),
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
            rf"^(?P<credit>(?:{_label('glued_credit_labels')}),\s[^\n]{{0,80}}?"
            rf"(?:{_alt(credits)}))(?=[{UPPER}“\"‘])"
            rf"|(?<=[a-z.!?”\"])(?P<time>(?:{'|'.join(_furniture('glued_post_times')) or '(?!)'}))(?P<after>.*)$"),
        photo_credit=re.compile(rf"^(?i:{_label('photo_credit_prefixes')})\s+{NAME}"
                                rf"(?:\s*/\s*\S.{{0,60}})?$"),
    )


def _notice_cues() -> dict:
    return dict(
        consent=_any_of("consent_patterns"),
        consent_word=_word_of("consent_words"),
        disclaimer=_any_of("disclaimer_patterns"),
        disclaimer_word=_word_of("disclaimer_words"),
        rights_notice=_word_of("rights_notices"),
    )


def _mail_cues() -> dict:
    email_roles: dict[str, str] = {}
    for role, labels in _furniture("email_fields"):
        for label in labels:
            email_roles[norm(str(label))] = role
    return dict(
        email_field=re.compile(rf"^(?P<field>{_alt(email_roles) or '(?!)'})\s?:\s*(?P<value>.*)$", re.IGNORECASE),
        email_roles=email_roles,
        subject_prefix=re.compile(rf"^(?:(?:{_label('subject_prefixes')})\s?:\s*)+", re.IGNORECASE),
        mail_word=_word_of("mail_words"),
        mail=_any_of("mail_patterns"),
    )


def _quote_cues() -> dict:
    return dict(
        # case as written: "Q:" and "A:" label an interview, "a:" opens nothing
        interview_label=re.compile(rf"^(?:{_label('interview_labels')})\s?[:.]\s+\S"),
        # a transcript's speaker label in capitals: "MARY SMITH, HOST:", "SMITH:"
        speaker_label=re.compile(rf"^[{UPPER}][{UPPER}.'’\-]+(?:\s+[{UPPER}][{UPPER}.'’\-]+){{0,3}}"
                                 rf"(?:,\s+[{UPPER}][{UPPER} ]+)?:\s+\S"),
        teaser=re.compile(rf"^(?:{_label('teaser_labels')})\s?:\s+\S", re.IGNORECASE),
        # "«We will not waver» — Jane Doe": a quote set apart with its speaker's name after a dash
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
