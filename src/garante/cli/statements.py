"""garante statements: who said what, filtered by speaker, actor, issue, dates or words, as a table."""
from __future__ import annotations

import json
import sys

from . import add_db, add_knowledge, context_from


SPEAKER_KINDS = ("person", "organisation", "state", "group", "anonymous")


def register(sub) -> None:
    p = sub.add_parser("statements", help="list stored statements by speaker, actor, issue, date or words")
    add_db(p)
    add_knowledge(p)
    p.add_argument("--speaker", help="who spoke: a name, alias or entity id (Peskov, 'Dmitri Peskov', dmitry-peskov)")
    p.add_argument("--actor", help="the state or organisation spoken for (Russia, Francia, nato)")
    p.add_argument("--issue", help="an issue id of the codebook (foreign_troops_in_ukraine)")
    p.add_argument("--since", help="first date, YYYY[-MM[-DD]]")
    p.add_argument("--until", help="last date, YYYY[-MM[-DD]]")
    p.add_argument("--words", help="words the statement must contain (full-text search)")
    p.add_argument("--outlet", help="only documents of this outlet")
    p.add_argument("--speaker-kind", choices=SPEAKER_KINDS,
                   help="only speakers of this kind (group: 'European leaders'; anonymous: 'a senior official')")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true", help="one JSON object a line instead of a table")
    p.set_defaults(func=run)


def entity_ids(store, kb, name: str | None) -> list[str] | None:
    """Entity ids that a name given on the command line stands for (None: no filter)."""
    if not name:
        return None
    ids = set()
    e = kb.get(name) or kb.find(name)
    if e is not None:
        ids.add(e.id)
    rows = store.query("SELECT id FROM entities WHERE id = ? OR LOWER(name) = LOWER(?)", (name, name))
    ids.update(r["id"] for r in rows)
    return sorted(ids)


def find(store, kb, speaker=None, actor=None, issue=None, since=None, until=None, words=None, outlet=None,
         limit=100, speaker_kind=None) -> list[dict]:
    """Statements with their stances, newest first: the Python twin of ``garante statements``."""
    from ..present.web.search import ensure_index, search
    fts = ensure_index(store)
    rows: list[dict] = []
    speaker_ids = entity_ids(store, kb, speaker)
    actor_ids = entity_ids(store, kb, actor)
    for sid in speaker_ids or [None]:
        for aid in actor_ids or [None]:
            found, _ = search(store, q=words or "", actor=aid or sid, issue=issue, outlet=outlet, date_from=since,
                              date_to=until, limit=limit, fts=fts)
            rows += found
    if speaker:
        wanted = set(speaker_ids or [])
        key = speaker.lower()
        rows = [r for r in rows if r["speaker_entity_id"] in wanted or key in (r["speaker_name"] or "").lower()]
    if actor:
        rows = [r for r in rows if r["on_behalf_of_id"] in set(actor_ids or [])
                or actor.lower() in (r["on_behalf_of_name"] or "").lower()]
    for r in rows:
        r["speaker_kind"] = json.loads(r.get("attrs") or "{}").get("speaker_kind")
    if speaker_kind:
        rows = [r for r in rows if r["speaker_kind"] == speaker_kind]
    seen, unique = set(), []
    for r in sorted(rows, key=lambda r: (r["date"] or r["published"] or "", r["id"]), reverse=True):
        if r["id"] not in seen:
            seen.add(r["id"])
            unique.append(r)
    unique = unique[:limit]
    if unique:
        ids = [r["id"] for r in unique]
        marks = ", ".join("?" for _ in ids)
        stances: dict[int, list[dict]] = {}
        for s in store.query(f"SELECT statement_id, issue, stance, confidence FROM stances "
                             f"WHERE statement_id IN ({marks}) ORDER BY id", ids):
            stances.setdefault(s["statement_id"], []).append(
                {"issue": s["issue"], "stance": s["stance"], "confidence": s["confidence"]})
        for r in unique:
            r["issues"] = stances.get(r["id"], [])
    return unique


def run(args) -> int:
    from ..store import Store
    ctx = context_from(args)
    with Store(args.db) as store:
        rows = find(store, ctx.kb, args.speaker, args.actor, args.issue, args.since, args.until, args.words,
                    args.outlet, args.limit, args.speaker_kind)
    if args.json:
        for r in rows:
            out = {k: r[k] for k in ("id", "document_id", "date", "date_source", "speaker_name", "speaker_entity_id",
                                     "speaker_kind",
                                     "on_behalf_of_name", "on_behalf_of_id", "kind", "content", "content_start",
                                     "content_end", "cue", "channel", "cited_source", "rule", "confidence")}
            out["issues"] = r["issues"]
            print(json.dumps(out, ensure_ascii=False))
        return 0
    if not rows:
        print("no statements match", file=sys.stderr)
        return 0
    print(f"{'date':10}  {'speaker':22}  {'for':14}  {'kind':8}  {'doc':>4}  content  [issues]")
    for r in rows:
        issues = ", ".join(f"{i['issue']}:{i['stance']}" for i in r["issues"])
        content = " ".join(r["content"].split())
        if len(content) > 90:
            content = content[:89] + "…"
        print(f"{(r['date'] or '-'):10}  {(r['speaker_name'] or '-')[:22]:22}  {(r['on_behalf_of_name'] or '-')[:14]:14}  "
              f"{r['kind']:8}  {r['document_id']:>4}  {content}" + (f"  [{issues}]" if issues else ""))
    return 0
