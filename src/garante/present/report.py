"""A readable brief of the store: positions matrix, conflicts, changes and a timeline, in Markdown and
self-contained HTML (inline CSS and SVG, no scripts). All article text is escaped. The analysts' corrections
are applied, as the exports and the workbench apply them; a tentative cell (only the stance model's weaker
proposals speak to it, ``analyse/positions.py``) is marked "?" and says so."""
from __future__ import annotations

import csv
import html
from datetime import date
from pathlib import Path
from typing import Any

from ..analyse.changes import changes as find_changes
from ..analyse.changes import tentative_changes
from ..analyse.conflicts import conflicts as find_conflicts
from ..analyse.positions import disagreements as find_disagreements
from ..analyse.positions import positions_rows_for_csv
from ..analyse.timeline import timeline as build_timeline
from ..store import Store
from .corrections import correct, corrected_tentative, load

COLOURS = {"support": "#2e7d32", "oppose": "#c62828", "conditional": "#ef8f00", "neutral": "#757575"}
SYMBOL = {"support": "+", "oppose": "−", "conditional": "~", "neutral": "="}
TENTATIVE = "?"  # the mark of a tentative cell
TENTATIVE_NOTE = ("? tentative: no stance of the actor speaks to the issue; the stance model's weaker proposals "
                  "(under its threshold) do.")

# a conflict rests on the states' stances: a tentative cell is shown apart and makes none (analyse/conflicts.py)
CONFLICTS_NOTE = ("Issues with states for and against them by their own stances. A state only the stance model's "
                  "weaker proposals place (?) is listed apart and makes no conflict.")
_SIDE_LABELS = (("support", "for"), ("oppose", "against"), ("conditional", "with conditions"))
# a change of stance rests on stances: the moves of a tentative cell's proposals are listed apart (analyse/changes.py)
TENTATIVE_CHANGES_NOTE = ("Tentative readings, not counted: the stance model's weaker proposals moved where no stance "
                          "of the actor speaks to the issue (?).")


def build(store: Store) -> dict[str, Any]:
    c = load(store)
    ev, _, pos = correct(store, c)
    states = [p for p in pos if p["actor_level"] == "state"]
    # the statements the evidence lists name: those of the tentative cells too
    statements = {r["statement_id"]: r for r in corrected_tentative(store, c)[0]}
    statements.update((r["statement_id"], r) for r in ev)
    return {"positions": pos, "states": states, "conflicts": find_conflicts(pos), "changes": find_changes(states),
            "tentative_changes": tentative_changes(states),
            "disagreements": find_disagreements(store, ev), "timeline": build_timeline(ev),
            "statements": statements, "stats": store.stats()}


def _conflict_line(c: dict[str, Any]) -> str:
    """One conflict as plain text: the sides its states take by their stances, then the tentative cells apart,
    marked and not counted: "for France, Ukraine; against Russia (tentative, not counted: against Hungary?)"."""
    line = "; ".join(f"{label} {', '.join(c[side])}" for side, label in _SIDE_LABELS if c[side])
    weak = [f"{label} {', '.join(name + TENTATIVE for name in c['tentative'][side])}"
            for side, label in _SIDE_LABELS if c["tentative"][side]]
    return line + (f" (tentative, not counted: {'; '.join(weak)})" if weak else "")


def _change_line(c: dict[str, Any]) -> str:
    """One change as plain text, a tentative cell's sides marked: "support → oppose (2025-03-05; before:
    statements 3, after: 7)", "support? → oppose? (…)"."""
    mark = TENTATIVE if c.get("tentative") else ""
    before = ", ".join(str(b["statement_id"]) for b in c["before"])
    after = ", ".join(str(b["statement_id"]) for b in c["after"])
    return (f"{c['from']}{mark} → {c['to']}{mark} ({c['date'] or 'undated'}; before: statements {before}; "
            f"after: {after})")


def _speakers_line(d: dict[str, Any]) -> str:
    """Each speaker's own stance, as plain text: "Dmitry Peskov: support (2 statements, last 2025-03-01); …"."""
    return "; ".join(f"{x['name']}: {x['stance']} ({x['statements']} statements, last {x['last_date'] or 'undated'})"
                     for x in d["speakers"])


def _matrix(states: list[dict[str, Any]]) -> tuple[list[str], list[str], dict[tuple[str, str], dict]]:
    actors = sorted({p["actor"]["name"] for p in states})
    issues = sorted({p["issue"] for p in states})
    return actors, issues, {(p["actor"]["name"], p["issue"]): p for p in states}


def _weak(p: dict[str, Any]) -> str:
    """The mark of a tentative cell, else nothing."""
    return TENTATIVE if p.get("tentative") else ""


def _excerpt(text: str | None, n: int = 140) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "…"


# --- Markdown ----------------------------------------------------------------------------------
def _md_cell(s: str) -> str:
    # article text must not become markup in a Markdown viewer: no raw HTML, no table breaks
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\n", " "))


def markdown(data: dict[str, Any]) -> str:
    lines = ["# Positions brief", "",
             f"{data['stats']['documents']} documents, {data['stats']['statements']} statements, "
             f"{data['stats']['stances']} stances. Legend: + support, − oppose, ~ conditional, = neutral; "
             f"{TENTATIVE_NOTE}", "",
             "## Positions matrix", ""]
    lines += _md_matrix(data)
    lines += ["", "## Evidence", ""]
    lines += _md_evidence(data)
    lines += ["## Persons", ""]
    lines += _md_items([f"- {_md_cell(p['actor']['name'] or '?')} — {p['issue']}: {p['stance']}{_weak(p)} "
                        f"({p['statements']} statements, last {p['last_evidence']['date'] or 'undated'})"
                        for p in data["positions"] if p["actor_level"] == "person"], "None.")
    lines += ["", "## Conflicts", "", CONFLICTS_NOTE, ""]
    lines += _md_items([f"- **{c['issue']}**: {_md_cell(_conflict_line(c))}" for c in data["conflicts"]])
    lines += ["", "## Disagreements inside an actor", "",
              "Speakers for one state or organisation on different sides of an issue, each with his own stance.", ""]
    lines += _md_items([f"- **{_md_cell(d['actor'])}** on {d['issue']}: {_md_cell(_speakers_line(d))}"
                        for d in data["disagreements"]])
    lines += ["", "## Changes of stance", ""]
    lines += _md_items([f"- {_md_cell(c['actor']['name'])} on {c['issue']}: {c['from']} → {c['to']} "
                        f"({c['date'] or 'undated'}; before: statements {[b['statement_id'] for b in c['before']]}, "
                        f"after: {[b['statement_id'] for b in c['after']]})" for c in data["changes"]])
    if data.get("tentative_changes"):
        lines += ["", TENTATIVE_CHANGES_NOTE, ""]
        lines += [f"- {_md_cell(c['actor']['name'])} on {c['issue']}: {_md_cell(_change_line(c))}"
                  for c in data["tentative_changes"]]
    lines.append("")
    return "\n".join(lines)


def _md_items(items: list[str], empty: str = "None found.") -> list[str]:
    """A section's list, or the line that says it has nothing."""
    return items or [empty]


def _md_matrix(data: dict[str, Any]) -> list[str]:
    actors, issues, cells = _matrix(data["states"])
    if not actors:
        return ["No stances in the store yet."]
    lines = ["| actor | " + " | ".join(issues) + " |", "|---" * (len(issues) + 1) + "|"]
    for a in actors:
        row = [a]
        for i in issues:
            p = cells.get((a, i))
            row.append(f"{SYMBOL[p['stance']]} {p['stance']}{_weak(p)} ({p['statements']})" if p else "")
        lines.append("| " + " | ".join(_md_cell(x) for x in row) + " |")
    return lines


def _md_evidence(data: dict[str, Any]) -> list[str]:
    """Each state's cell with the statements it rests on, in the matrix's order."""
    actors, issues, cells = _matrix(data["states"])
    st = data["statements"]
    lines: list[str] = []
    for a in actors:
        for i in issues:
            p = cells.get((a, i))
            if not p:
                continue
            lines.append(f"### {_md_cell(a)} — {i}: {p['stance']}" + (" (tentative)" if p.get("tentative") else ""))
            lines.append(f"Since {p.get('since') or 'undated'}. First evidence {p['first_evidence']['date'] or 'undated'}, "
                         f"last {p['last_evidence']['date'] or 'undated'}; {p['statements']} statements in "
                         f"{p['outlets']} outlets.")
            lines.append("")
            for e in p["evidence"]:
                r = st.get(e["statement_id"], {})
                lines.append(f"- {e['date'] or 'undated'} · {e['stance']} · {_md_cell(r.get('speaker') or '?')}: "
                             f"“{_md_cell(_excerpt(r.get('content')))}” — {_md_cell(r.get('outlet') or r.get('source') or '')}"
                             f" (document {e['document_id']}, statement {e['statement_id']})")
            lines.append("")
    return lines


# --- HTML --------------------------------------------------------------------------------------
def _e(x: Any) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _to_day(d: str | None) -> int | None:
    if not d:
        return None
    parts = (d + "-01-01")[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1)).toordinal()
    except ValueError:
        return None


def timeline_svg(events: list[dict[str, Any]], width: int = 900) -> str:
    """Dots per actor/issue lane on a time axis, coloured by stance; undated evidence in its own column."""
    lanes = sorted({(e["actor"], e["issue"]) for e in events})
    if not lanes:
        return ""
    days = [d for d in (_to_day(e["date"]) for e in events) if d is not None]
    lo, hi = (min(days), max(days)) if days else (0, 1)
    hi = hi if hi > lo else lo + 1
    left, right, row_h, top = 300, 60, 22, 30
    height = top + row_h * len(lanes) + 30
    plot_w = width - left - right
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="timeline of stances">']
    out.append(f'<text x="{left}" y="18" font-size="11">{_e(date.fromordinal(lo).isoformat()) if days else ""}</text>')
    out.append(f'<text x="{left + plot_w - 70}" y="18" font-size="11">{_e(date.fromordinal(hi).isoformat()) if days else ""}</text>')
    out.append(f'<text x="{width - right + 8}" y="18" font-size="11">undated</text>')
    for k, (actor, issue) in enumerate(lanes):
        y = top + k * row_h + row_h // 2
        out.append(f'<text x="4" y="{y + 4}" font-size="11">{_e(actor)} · {_e(issue)}</text>')
        out.append(f'<line x1="{left}" y1="{y}" x2="{left + plot_w}" y2="{y}" stroke="#ddd"/>')
    for e in events:
        k = lanes.index((e["actor"], e["issue"]))
        y = top + k * row_h + row_h // 2
        d = _to_day(e["date"])
        x = width - right + 25 if d is None else left + (d - lo) / (hi - lo) * plot_w
        title = f"{e['date'] or 'undated'} {e['actor']} {e['issue']}: {e['stance']} — {_excerpt(e['content'], 120)}"
        out.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{COLOURS.get(e["stance"], "#999")}">'
                   f'<title>{_e(title)}</title></circle>')
    out.append("</svg>")
    return "".join(out)


_CSS = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px;vertical-align:top;font-size:13px}"
        "th{background:#f4f4f4}.cell{color:#fff;font-weight:bold;padding:2px 4px;border-radius:3px}"
        "details{font-weight:normal}li{margin:2px 0}.tentative{opacity:.55}")


def html_page(data: dict[str, Any]) -> str:
    h = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>Positions brief</title>",
         f"<style>{_CSS}</style></head><body><h1>Positions brief</h1>",
         f"<p>{_e(data['stats']['documents'])} documents, {_e(data['stats']['statements'])} statements, "
         f"{_e(data['stats']['stances'])} stances.</p>",
         "<p>" + " ".join(f"<span class='cell' style='background:{c}'>{_e(k)}</span>" for k, c in COLOURS.items())
         + f" <span class='tentative'>{_e(TENTATIVE_NOTE)}</span></p><h2>Positions matrix</h2>"]
    h += _html_matrix(data)
    h.append("<h2>Timeline</h2>" + (timeline_svg(data["timeline"]) or "<p>No evidence.</p>"))
    h.append(f"<h2>Conflicts</h2><p>{_e(CONFLICTS_NOTE)}</p><ul>")
    h += _html_items([f"<li><b>{_e(c['issue'])}</b>: {_e(_conflict_line(c))}</li>" for c in data["conflicts"]])
    h.append("</ul><h2>Disagreements inside an actor</h2><ul>")
    h += _html_items([f"<li><b>{_e(d['actor'])}</b> on {_e(d['issue'])}: {_e(_speakers_line(d))}</li>"
                      for d in data["disagreements"]])
    h.append("</ul><h2>Changes of stance</h2><ul>")
    h += _html_items([f"<li>{_e(c['actor']['name'])} on {_e(c['issue'])}: {_e(c['from'])} → {_e(c['to'])} "
                      f"({_e(c['date'] or 'undated')}; before: statements "
                      f"{_e(', '.join(str(b['statement_id']) for b in c['before']))}; after: "
                      f"{_e(', '.join(str(b['statement_id']) for b in c['after']))})</li>" for c in data["changes"]])
    if data.get("tentative_changes"):
        h.append(f"</ul><p class='tentative'>{_e(TENTATIVE_CHANGES_NOTE)}</p><ul class='tentative'>")
        h += [f"<li>{_e(c['actor']['name'])} on {_e(c['issue'])}: {_e(_change_line(c))}</li>"
              for c in data["tentative_changes"]]
    h.append("</ul><h2>Persons</h2><table><tr><th>person</th><th>issue</th><th>stance</th><th>statements</th>"
             "<th>last evidence</th></tr>")
    for p in (x for x in data["positions"] if x["actor_level"] == "person"):
        h.append(f"<tr><td>{_e(p['actor']['name'])}</td><td>{_e(p['issue'])}</td><td>{_e(p['stance'])}{_weak(p)}</td>"
                 f"<td>{_e(p['statements'])}</td><td>{_e(p['last_evidence']['date'] or 'undated')}</td></tr>")
    h.append("</table></body></html>")
    return "\n".join(h)


def _html_items(items: list[str]) -> list[str]:
    return items or ["<li>None found.</li>"]


def _html_matrix(data: dict[str, Any]) -> list[str]:
    """The states' matrix, each cell with its evidence folded under it."""
    actors, issues, cells = _matrix(data["states"])
    if not actors:
        return ["<p>No stances in the store yet.</p>"]
    h = ["<table><tr><th>actor</th>" + "".join(f"<th>{_e(i)}</th>" for i in issues) + "</tr>"]
    for a in actors:
        h.append(f"<tr><th>{_e(a)}</th>")
        for i in issues:
            p = cells.get((a, i))
            h.append(_html_cell(p, data["statements"]) if p else "<td></td>")
        h.append("</tr>")
    h.append("</table>")
    return h


def _html_cell(p: dict[str, Any], st: dict[int, dict[str, Any]]) -> str:
    items = []
    for e in p["evidence"]:
        r = st.get(e["statement_id"], {})
        items.append(f"<li>{_e(e['date'] or 'undated')} · {_e(e['stance'])} · {_e(r.get('speaker'))}: "
                     f"“{_e(_excerpt(r.get('content')))}” — {_e(r.get('outlet') or r.get('source'))} "
                     f"(doc {_e(e['document_id'])}, st {_e(e['statement_id'])})</li>")
    attrs = f"class='cell tentative' title='{_e(TENTATIVE_NOTE)}'" if p.get("tentative") else "class='cell'"
    return (f"<td><span {attrs} style='background:{COLOURS.get(p['stance'], '#999')}'>"
            f"{_e(p['stance'])}{_weak(p)}</span> {p['statements']}<details><summary>evidence</summary>"
            f"<ul>{''.join(items)}</ul></details></td>")


def write_positions_csv(rows: list[dict[str, Any]], path: Path) -> Path:
    flat = positions_rows_for_csv(rows)
    fields = ["actor", "actor_id", "actor_level", "issue", "stance", "since", "statements", "outlets", "first_date",
              "first_statement", "last_date", "last_statement", "changes", "tentative"]
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(flat)
    tmp.replace(path)
    return path


def write_report(store: Store, out_dir: str | Path, formats: tuple[str, ...] = ("md", "html")) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data = build(store)
    paths: dict[str, Path] = {}
    if "md" in formats:
        paths["md"] = out / "report.md"
        paths["md"].write_text(markdown(data), encoding="utf-8")
    if "html" in formats:
        paths["html"] = out / "report.html"
        paths["html"].write_text(html_page(data), encoding="utf-8")
    paths["csv"] = write_positions_csv(data["positions"], out / "positions.csv")
    return paths
