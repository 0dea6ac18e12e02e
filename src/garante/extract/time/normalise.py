"""From a match to its TIMEX3 reading: type, value, mod, precision."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from .dates import Anchor, _add_months, _choose, _fmt, _safe_date, _week, easter
from .grammar import Grammar, _norm
from .matching import Match


def _direction(g: Grammar, groups: dict) -> str | None:
    for key in ("mod", "mod_after"):
        if groups.get(key):
            return g.lookup("modifiers", groups[key])
    return None


def _bound(g: Grammar, groups: dict) -> str | None:
    b = groups.get("bound")
    if not b:
        return None
    for regex, mod in g.bounds:
        if regex.fullmatch(b) or regex.match(b):
            return mod
    return None


def _number(g: Grammar, word: str) -> int | None:
    if word.isdigit():
        return int(word)
    n = g.lookup("numbers", word)
    return n if isinstance(n, int) else None


def _part_code(g: Grammar, word: str) -> str | None:
    """The TIMEX3 code of a part of the day (MO, AF, EV, NI); None where the language lists no codes."""
    parts = g.data.get("parts_of_day")
    return parts.get(_norm(word)) if isinstance(parts, dict) else None


def _weekday_date(wd: int, anchor: Anchor, direction: str | None, tense: str | None) -> date:
    d = anchor.first
    back = (d.weekday() - wd) % 7
    ahead = (wd - d.weekday()) % 7
    if direction == "last":
        return d - timedelta(days=back or 7)
    if direction == "next":
        return d + timedelta(days=ahead or 7)
    if tense == "future":
        return d + timedelta(days=ahead)
    if tense in (None, "present") and ahead < back:
        return d + timedelta(days=ahead)  # no tense to go by: the nearer one ("the vote is Saturday")
    return d - timedelta(days=back)


def _calendar_day(m: Match, g: Grammar, anchor: Anchor | None, direction: str | None) -> tuple[date | None, bool]:
    """The day a calendar date names (ISO, numeric, or month and day, with or without its year), and
    whether it was resolved against the anchor."""
    gr = m.groups
    if gr.get("mon"):
        y, mo, dd = int(gr["year"]), int(gr["mon"]), int(gr["day"])
    elif gr.get("a"):
        a, b = int(gr["a"]), int(gr["b"])
        y = int(gr["year"]) + (2000 if len(gr["year"]) == 2 else 0)
        day_first = g.data.get("numeric_order", "dmy") == "dmy"
        if a > 12 or (b <= 12 and day_first):
            dd, mo = a, b
        else:
            mo, dd = a, b
    else:
        mo, dd = g.lookup("months", gr["month"]), int(gr["day"])
        y = int(gr["year"]) if gr.get("year") else None
    if y is not None:
        return _safe_date(y, mo, dd), False
    if anchor is None:
        return None, True
    cands = [c for c in (_safe_date(anchor.first.year + i, mo, dd) for i in (-1, 0, 1)) if c]
    return (_choose(cands, anchor, direction, m.tense) if cands else None), True


def _named_date(spec: str, year: int) -> date | None:
    spec = str(spec)
    if spec.startswith("easter"):
        offset = int(spec[6:] or 0)
        return easter(year) + timedelta(days=offset)
    parts = [int(x) for x in spec.split("-")]
    if len(parts) == 3:  # month-n-weekday: the n-th such weekday of the month (Thanksgiving: 11-4-3)
        first = date(year, parts[0], 1)
        return first + timedelta(days=(parts[2] - first.weekday()) % 7 + 7 * (parts[1] - 1))
    return _safe_date(year, parts[0], parts[1])


def normalise(m: Match, g: Grammar, anchor: Anchor | None) -> dict[str, Any]:
    """The TIMEX3-style reading of one match: label, value (None when unresolvable), precision."""
    reading = _Reading(m, g, anchor)
    step = _READERS.get(m.kind)
    return step(reading) if step else reading.out


class _Reading:
    """One match being read: what every kind of expression needs (its groups, the anchor, the direction its
    words point to) and the TIMEX3 dict the reading fills in. One method a kind (or a family of kinds)."""

    def __init__(self, m: Match, g: Grammar, anchor: Anchor | None):
        self.m, self.g, self.anchor = m, g, anchor
        self.kind, self.gr = m.kind, m.groups
        self.out: dict[str, Any] = {"label": "DATE", "value": None, "precision": None, "expression": m.kind}
        self.direction = _direction(g, self.gr)
        mod = _bound(g, self.gr)
        if mod:
            self.out["mod"] = mod

    def done(self, d: date | None, precision: str, relative: bool = False) -> dict:
        if d is not None:
            self.out["value"], self.out["precision"] = _fmt(d, precision), precision
        if relative:
            self.out["relative"] = True
        return self.out

    def _part_of_day(self) -> None:
        if self.gr.get("part"):  # "nella notte del 22 gennaio", "sabato mattina"
            self.out["part_of_day"] = _part_code(self.g, self.gr["part"])

    def _part_mod(self) -> None:
        if self.gr.get("partmod"):  # "sabato mattina presto", "nel primo pomeriggio", "in tarda serata"
            self.out["mod"] = self.g.lookup("part_mods", self.gr["partmod"])

    def calendar_day(self) -> dict:  # iso, date, numeric
        self._part_of_day()
        day, relative = _calendar_day(self.m, self.g, self.anchor, self.direction)
        return self.done(day, "day", relative)

    def week_of(self) -> dict:  # "the week of March 6": the calendar week that day falls in
        day, relative = _calendar_day(self.m, self.g, self.anchor, self.direction)
        self.out.update(value=_week(day) if day else None, precision="week", relative=relative)
        return self.out

    def month(self) -> dict:
        gr, anchor = self.gr, self.anchor
        mo = self.g.lookup("months", gr["month"])
        if gr.get("year"):
            return self.done(date(int(gr["year"]), mo, 1), "month")
        if anchor is None:
            return self.done(None, "month", True)
        cands = [date(anchor.first.year + i, mo, 1) for i in (-1, 0, 1)]
        return self.done(_choose(cands, anchor, self.direction, self.m.tense, "month"), "month", True)

    def year(self) -> dict:
        return self.done(date(int(self.gr["year"]), 1, 1), "year")

    def named(self) -> dict:
        gr, anchor = self.gr, self.anchor
        spec = self.g.lookup("named_days", gr["named"])
        if gr.get("year"):
            day, relative = _named_date(spec, int(gr["year"])), False
        elif anchor is None:
            day, relative = None, True
        else:
            cands = [c for c in (_named_date(spec, anchor.first.year + i) for i in (-1, 0, 1)) if c]
            day, relative = _choose(cands, anchor, self.direction, self.m.tense), True
        if gr.get("namedweek"):  # "Easter week": the calendar week of that day
            self.out.update(value=_week(day) if day else None, precision="week", relative=relative)
            return self.out
        return self.done(day, "day", relative)

    def weekday(self) -> dict:  # weekday, night
        wd = self.g.lookup("weekdays", self.gr["weekday"])
        self._part_of_day()
        self._part_mod()
        if self.kind == "night":
            self.out["part_of_day"] = "NI"
        if self.anchor is None or self.anchor.precision != "day":
            return self.done(None, "day", True)
        return self.done(_weekday_date(wd, self.anchor, self.direction, self.m.tense), "day", True)

    def relday(self) -> dict:  # "ieri", "ieri sera", "nel pomeriggio" (of the document's day)
        g, gr, anchor = self.g, self.gr, self.anchor
        n = g.lookup("relative_days", gr["relday"]) if gr.get("relday") else 0
        part = gr.get("part") or None
        code = _part_code(g, part) if part else g.lookup("relative_parts", gr.get("relday") or "")
        if code:
            self.out["part_of_day"] = code
        self._part_mod()
        if anchor is not None and anchor.precision == "month" and n == 0 and not code:
            return self.done(anchor.first, "month", True)  # "oggi" in a report dated to the month only
        if anchor is None or anchor.precision != "day":
            return self.done(None, "day", True)
        return self.done(anchor.first + timedelta(days=n), "day", True)

    def relative_period(self) -> dict:  # period, ago, ahead, shifted
        return _relative_period(self.m, self.g, self.anchor, self.direction, self.out, self.done)

    def same_period(self) -> dict:  # "that year", "quello stesso mese": the year or month told before (tagger)
        self.out.update(precision={"Y": "year", "M": "month"}.get(self.g.lookup("units", self.gr["unit"])),
                        relative=True)
        return self.out

    def same_day(self) -> dict:  # resolved against the expression before it, by the tagger
        self.out.update(precision="day", relative=True)
        return self.out

    def next_day(self) -> dict:  # resolved by the tagger against the day told just before, else the anchor
        g, gr, out = self.g, self.gr, self.out
        shift = gr.get("shift") or gr.get("shift2") or ""
        n = _number(g, gr["number"]) if gr.get("number") else 1
        out["shift"] = (n or 1) * (-1 if _norm(shift) in g.data.get("backward_words", ()) else 1)
        if self.anchor is not None and self.anchor.precision == "day":
            return self.done(self.anchor.first + timedelta(days=out["shift"]), "day", True)
        out["relative"] = True
        return out

    def ref(self) -> dict:
        self.out.update(value=self.g.lookup("references", self.gr["ref"]) or "PRESENT_REF", precision="ref",
                        relative=True)
        return self.out

    def past_or_future_ref(self) -> dict:  # future_ref, past_ref
        self.out.update(value="FUTURE_REF" if self.kind == "future_ref" else "PAST_REF", precision="ref",
                        relative=True)
        return self.out

    def set(self) -> dict:
        g, gr, out = self.g, self.gr, self.out
        out["label"] = "SET"
        if gr.get("setword"):
            out["value"] = g.lookup("set_words", gr["setword"])
        elif gr.get("weekday"):
            out["value"] = f"XXXX-WXX-{g.lookup('weekdays', gr['weekday']) + 1}"
        elif gr.get("month"):  # "each July"
            out["value"] = f"XXXX-{g.lookup('months', gr['month']):02d}"
        elif gr.get("season"):  # "every summer"
            out["value"] = f"XXXX-{g.lookup('seasons', gr['season'])}"
        else:
            out["value"] = _period(g.lookup("units", gr["unit"]), 1)
        return out

    def duration(self) -> dict:
        return _duration(self.m, self.g, self.out)

    def quarter_ref(self) -> dict:
        # "the quarter", "the latest period": the story's quarter (tagger), else the last one ended before the
        # anchor (the one a report is about)
        anchor = self.anchor
        y, mo = _add_months(anchor.first.year, anchor.first.month, -3) if anchor else (None, None)
        self.out.update(value=f"{y}-Q{(mo - 1) // 3 + 1}" if y else None, precision="quarter", relative=True)
        return self.out

    def half(self) -> dict:  # "the first half of 2025", "il secondo semestre": 2025-H1
        gr, anchor = self.gr, self.anchor
        n = self.g.lookup("ordinals", gr["ordinal"])
        year = int(gr["year"]) if gr.get("year") else (anchor.first.year if anchor else None)
        self.out.update(value=f"{year}-H{n}" if year and n in (1, 2) else None, precision="half",
                        relative=not gr.get("year"))
        return self.out

    def year_ago(self) -> dict:  # "the year-ago quarter", "year-earlier": the year before (the story's quarter: tagger)
        return self.done(date(self.anchor.first.year - 1, 1, 1) if self.anchor else None, "year", True)

    def calendar_unit(self) -> dict:  # decade, century, quarter, season, weekend, clock
        return _calendar_unit(self.m, self.g, self.anchor, self.direction, self.out)


# Which reading each kind of match gets (kinds not named keep the bare DATE with no value).
_READERS = {
    **dict.fromkeys(("iso", "date", "numeric"), _Reading.calendar_day),
    "week_of": _Reading.week_of, "month": _Reading.month, "year": _Reading.year, "named": _Reading.named,
    **dict.fromkeys(("weekday", "night"), _Reading.weekday),
    "relday": _Reading.relday,
    **dict.fromkeys(("period", "ago", "ahead", "shifted"), _Reading.relative_period),
    "same_period": _Reading.same_period, "same_day": _Reading.same_day, "next_day": _Reading.next_day,
    "ref": _Reading.ref,
    **dict.fromkeys(("future_ref", "past_ref"), _Reading.past_or_future_ref),
    "set": _Reading.set, "duration": _Reading.duration, "quarter_ref": _Reading.quarter_ref,
    "half": _Reading.half, "year_ago": _Reading.year_ago,
    **dict.fromkeys(("decade", "century", "quarter", "season", "weekend", "clock"), _Reading.calendar_unit),
}


def _period(unit: str | None, n: int | None) -> str | None:
    """The ISO 8601 duration of n units ('X' when the number is vague)."""
    if unit is None:
        return None
    q = "X" if n is None else n
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "F": (2, "W")}
    if unit in scale:
        k, u = scale[unit]
        return f"P{'X' if n is None else n * k}{u}"
    if unit in ("H", "MIN", "S"):
        return f"PT{q}{unit[0]}"
    return f"P{q}{unit}"


def _duration(m: Match, g: Grammar, out: dict) -> dict:
    gr = m.groups
    out["label"] = "DURATION"
    if gr.get("plural"):
        unit, n = g.lookup("units", gr["plural"]), None
    else:
        unit = g.lookup("units", gr["unit"])
        n = _number(g, gr["number"]) if gr.get("number") else (0 if gr.get("half") else 1)
    if gr.get("half") and unit == "H" and n:  # "tre ore e mezzo": PT3H30M
        out["value"] = f"PT{n}H30M"
    elif gr.get("number2") and unit == "H":  # "un'ora e dieci minuti": PT1H10M
        out["value"] = f"PT{n}H{_number(g, gr['number2'])}M"
    else:
        out["value"] = _period(*_and_a_half(unit, n)) if gr.get("half") else _period(unit, n)
    if gr.get("dmod"):
        out["mod"] = g.lookup("duration_mods", gr["dmod"])
    return out


# A half of each unit in the next smaller one ("two and a half years": P30M, "mezz'ora": PT30M).
_HALF = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _and_a_half(unit: str | None, n: int | None) -> tuple[str | None, int | None]:
    if unit not in _HALF or n is None:
        return unit, n
    smaller, per = _HALF[unit]
    return (smaller, n * per + per // 2) if per % 2 == 0 else (unit, n)


def _relative_period(m: Match, g: Grammar, anchor: Anchor | None, direction, out: dict, done) -> dict:
    """'last week', 'this year', 'three days ago', 'year-end': a calendar unit counted from the anchor."""
    k, gr = m.kind, m.groups
    if gr.get("yearend"):
        out["mod"] = "END"
        return done(anchor.first.replace(month=1, day=1), "year", True) if anchor else done(None, "year", True)
    unit = g.lookup("units", gr["unit"])
    if gr.get("dmod"):
        out["mod"] = g.lookup("duration_mods", gr["dmod"])
    if k in ("ago", "ahead", "shifted"):
        back = k == "ago" or (k == "shifted" and _norm(gr.get("shift") or "") in g.data.get("backward_words", ()))
        n = 0 if gr.get("half") else _number(g, gr["number"])
        if n is None:  # "several years ago", "tra qualche giorno"
            out.update(value="PAST_REF" if back else "FUTURE_REF", precision="ref", relative=True)
            return out
        if unit in ("H", "MIN", "S"):  # "mezz'ora fa": some time today
            return done(anchor.first if anchor is not None and anchor.precision == "day" else None, "day", True)
        n = -n if back else n
    else:
        n = {"last": -1, "next": 1}.get(direction, 0)
    if unit in ("DE", "CE") and k == "period" and anchor is not None:  # "the last decade", "il secolo scorso"
        y = anchor.first.year
        value = f"{y // 10 + n}" if unit == "DE" else f"{y // 100 + n:02d}"
        out.update(value=value, precision="decade" if unit == "DE" else "century", relative=True)
        return out
    unit, n = {"DE": ("Y", n * 10), "CE": ("Y", n * 100), "F": ("W", n * 2)}.get(unit, (unit, n))
    if unit not in ("D", "W", "M", "Y", "Q"):
        out["relative"] = True
        return out
    need = {"D": "day", "W": "day", "M": "month", "Q": "month", "Y": "year"}[unit]
    if anchor is None or ["year", "month", "day"].index(anchor.precision) < ["year", "month", "day"].index(need):
        out["relative"] = True
        out["precision"] = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[unit]
        return out
    d = anchor.first
    if unit == "D":
        return done(d + timedelta(days=n), "day", True)
    if unit == "W":
        out.update(value=_week(d + timedelta(weeks=n)), precision="week", relative=True)
        return out
    if unit == "Q":
        y, mo = _add_months(d.year, d.month, 3 * n)
        out.update(value=f"{y}-Q{(mo - 1) // 3 + 1}", precision="quarter", relative=True)
        return out
    if unit == "M":
        y, mo = _add_months(d.year, d.month, n)
        return done(date(y, mo, 1), "month", True)
    return done(date(d.year + n, 1, 1), "year", True)


SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _calendar_unit(m: Match, g: Grammar, anchor: Anchor | None, direction, out: dict) -> dict:
    """Decades, centuries, quarters, seasons, weekends and clock times."""
    k, gr = m.kind, m.groups
    year = int(gr["year"]) if gr.get("year") else (anchor.first.year if anchor else None)
    if k == "decade":
        d = gr["decade"]
        word = g.lookup("decade_words", d)  # "gli anni Novanta"
        d = f"19{word}0" if word is not None else d
        out.update(value=(d if len(d) == 4 else ("20" if int(d) < 30 else "19") + d)[:3], precision="decade")
    elif k == "century":
        n = _century_number(gr["century"])
        out.update(value=f"{n - 1:02d}" if n else None, precision="century")
    elif k == "quarter":
        q = g.lookup("ordinals", gr["ordinal"])
        out.update(value=f"{year}-Q{q}" if year and isinstance(q, int) else None, precision="quarter",
                   relative=not gr.get("year"))
    elif k == "season":
        tense = None if gr.get("this") else m.tense  # "this summer": the one of this year, whatever the verb
        out.update(value=_season(g.lookup("seasons", gr["season"]), year, anchor, direction, tense,
                                 bool(gr.get("year"))), precision="season", relative=not gr.get("year"))
    elif k == "weekend":
        if anchor is not None and anchor.precision == "day":
            shift = {"last": -1, "next": 1}.get(direction, 0)
            if direction is None and m.tense != "future" and anchor.first.weekday() < 4:
                shift = -1  # "over the weekend", told early in the week: the one just past
            out["value"] = _week(anchor.first + timedelta(weeks=shift)) + "-WE"
        out.update(precision="week", relative=True)
    elif k == "clock":
        out.update(_clock(m, g, anchor))
    return out


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _century_number(word: str) -> int | None:
    """20 from '20' or 'XX' ("XXe siècle", "siglo XXI", "XX secolo")."""
    if word.isdigit():
        return int(word)
    values = [_ROMAN.get(c) for c in word.upper()]
    if not values or None in values:
        return None
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _season(code: str, year: int | None, anchor: Anchor | None, direction, tense, explicit: bool) -> str | None:
    """'last summer', 'this winter', 'in the spring': the season's year (a winter is the year of its December)."""
    if year is None or code is None:
        return None
    if explicit or anchor is None:
        return f"{year}-{code}"
    def bounds(y: int) -> tuple[date, date]:
        first, last = SEASON_MONTHS[code]
        ly, lm = _add_months(y, last, 0)
        return date(y, first, 1), date(ly, lm, calendar.monthrange(ly, lm)[1])
    a = anchor.first
    years = [year - 1, year, year + 1]
    if direction == "last" or (direction is None and tense == "past"):
        past = [y for y in years if bounds(y)[1 if direction == "last" else 0] < a]
        return f"{max(past)}-{code}" if past else None
    if direction == "next" or (direction is None and tense == "future"):
        ahead = [y for y in years if bounds(y)[0 if direction == "next" else 1] > a]
        return f"{min(ahead)}-{code}" if ahead else None
    inside = [y for y in years if bounds(y)[0] <= a <= bounds(y)[1]]
    return f"{(inside or [year])[0]}-{code}"


def _clock(m: Match, g: Grammar, anchor: Anchor | None) -> dict:
    gr = m.groups
    if gr.get("noon"):
        hh, mm = int((g.data.get("noon_words") or {}).get(_norm(gr["noon"]), 12)), 0
    else:
        hh, mm = int(gr["hour"]), int(gr.get("minute") or 0)
        ampm = (gr.get("ampm") or g.lookup("clock_halves", gr.get("dayhalf") or "") or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
    wd_word = gr.get("weekday") or gr.get("weekday2")
    day = None
    if gr.get("month") or gr.get("a"):  # "5 p.m. EST, Nov. 9", "02/03/2022 ore 08.31"
        day = _calendar_day(m, g, anchor, _direction(g, gr))[0]
    elif anchor is not None and anchor.precision == "day":
        day = anchor.first
        if wd_word:
            day = _weekday_date(g.lookup("weekdays", wd_word), anchor, _direction(g, gr), m.tense)
        elif gr.get("relday"):  # "le 3:45 di domani"
            day = anchor.first + timedelta(days=g.lookup("relative_days", gr["relday"]) or 0)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return {"label": "TIME", "value": day.isoformat() if day else None, "timeml_value": f"{prefix}T{hh:02d}:{mm:02d}",
            "precision": "day" if day else None, "relative": True, "date": day.isoformat() if day else None}
