"""Article text as HTML with its annotations highlighted, built from character offsets.

Every character of the text goes through ``html.escape``: article text is untrusted and nothing in it
may become markup. Annotations may overlap, so the text is cut at every annotation boundary and each
piece is wrapped in the tags of the annotations covering it (always in the same nesting order).
"""
from __future__ import annotations

import bisect
from html import escape
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

# outermost first
ORDER = ("statement", "speaker", "cue", "mention", "timex")


def _attr(v: Any) -> str:
    return escape(str(v), quote=True)


def _open(mark: dict[str, Any]) -> str:
    kind = mark["kind"]
    if kind == "statement":
        cls = "hl-statement" + (" corrected" if mark.get("corrected") else "")
        return f'<span class="{cls}" data-statement="{int(mark["n"])}">'
    if kind == "speaker":
        return '<span class="hl-speaker">'
    if kind == "cue":
        return '<span class="hl-cue">'
    if kind == "mention":
        eid = mark.get("entity_id")
        label = _attr(mark.get("label") or "")
        if eid:
            return (f'<a class="hl-mention hl-{label}" href="/actors/{quote(str(eid), safe="")}" '
                    f'title="{_attr(mark.get("name") or eid)}">')
        return f'<span class="hl-mention hl-{label}">'
    if kind == "timex":
        return f'<span class="hl-timex" title="{_attr(mark.get("value") or "")}">'
    raise ValueError(kind)


def _close(mark: dict[str, Any]) -> str:
    return "</a>" if mark["kind"] == "mention" and mark.get("entity_id") else "</span>"


def highlight(text: str, marks: list[dict[str, Any]]) -> Markup:
    """``marks``: dicts with ``start``, ``end``, ``kind`` (one of ORDER) and kind-specific keys."""
    n = len(text)
    good = [m for m in marks if 0 <= m["start"] < m["end"] <= n]
    cuts = sorted({0, n, *(m["start"] for m in good), *(m["end"] for m in good)})
    rank = {k: i for i, k in enumerate(ORDER)}
    out: list[str] = []
    # marks sorted by start let us keep only those that can cover the current piece
    good.sort(key=lambda m: m["start"])
    active: list[dict[str, Any]] = []
    i = 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(good) and good[i]["start"] <= a:
            active.append(good[i])
            i += 1
        active = [m for m in active if m["end"] > a]
        cover = sorted((m for m in active if m["start"] <= a and m["end"] >= b),
                       key=lambda m: (rank[m["kind"]], m["start"]))
        # at most one link per piece: nested anchors are not HTML
        seen_link = False
        wrap = []
        for m in cover:
            if m["kind"] == "mention":
                if seen_link:
                    continue
                seen_link = True
            wrap.append(m)
        out.extend(_open(m) for m in wrap)
        out.append(escape(text[a:b], quote=True))
        out.extend(_close(m) for m in reversed(wrap))
    return Markup("".join(out))


def raw_lines(raw: str, lines: list[list[Any]], segments: list[list[Any]]) -> list[dict[str, Any]]:
    """The raw capture cut into the cleaner's lines, each marked kept (some of it reached the cleaned
    text) or removed; text not covered by any line is shown as removed. Captures the cleaner did not
    classify line by line (HTML pages) are cut where the cleaned text's pieces came from instead."""
    kept_ranges = _merge(sorted((s[1], s[1] + s[2]) for s in segments if s[1] is not None and s[2] > 0))
    if not lines:
        return _by_segments(raw, kept_ranges)
    out = []
    pos = 0
    for raw_start, raw_end, label, reason in sorted((tuple(x) + ("",) * (4 - len(x)) for x in lines)):
        raw_start, raw_end = max(raw_start, pos), min(raw_end, len(raw))
        if raw_start > pos:
            out.append({"text": raw[pos:raw_start], "label": "", "reason": "", "kept": False})
        if raw_end <= raw_start:
            continue
        kept = _overlaps(kept_ranges, raw_start, raw_end)
        out.append({"text": raw[raw_start:raw_end], "label": label, "reason": reason or "", "kept": kept})
        pos = raw_end
    if pos < len(raw):
        out.append({"text": raw[pos:], "label": "", "reason": "", "kept": False})
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in ranges:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _by_segments(raw: str, kept_ranges: list[tuple[int, int]]) -> list[dict[str, Any]]:
    out = []
    pos = 0
    for a, b in kept_ranges:
        a, b = max(a, pos), min(b, len(raw))
        if b <= a:
            continue
        if a > pos:
            out.append({"text": raw[pos:a], "label": "", "reason": "", "kept": False})
        out.append({"text": raw[a:b], "label": "kept", "reason": "reached the cleaned text", "kept": True})
        pos = b
    if pos < len(raw):
        out.append({"text": raw[pos:], "label": "", "reason": "", "kept": False})
    return out


def _overlaps(ranges: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether any of the sorted, disjoint ``ranges`` overlaps [a, b)."""
    i = bisect.bisect_left(ranges, (b, -1)) - 1  # last range starting before b
    return i >= 0 and ranges[i][1] > a
