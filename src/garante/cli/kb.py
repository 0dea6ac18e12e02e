"""garante kb check / kb find, and garante entity: the knowledge base and the entities in the store.

    garante kb check [--kb DIR]           validate the shipped knowledge base and your folders
    garante kb find NAME [--date D]       who answers to NAME, and what they held at D
    garante entity NAME --db FILE         every mention of an entity across the stored corpus
"""
from __future__ import annotations

import json
from pathlib import Path

from . import add_db


def register(sub) -> None:
    p = sub.add_parser("kb", help="check or query the knowledge base")
    ksub = p.add_subparsers(dest="kb_command", required=True, metavar="SUBCOMMAND")
    c = ksub.add_parser("check", help="validate knowledge-base files (file, line and reason for each problem)")
    c.add_argument("--kb", action="append", default=[], metavar="DIR", help="an extra knowledge-base folder")
    c.set_defaults(func=run_check)
    f = ksub.add_parser("find", help="look up an entity by name or alias")
    f.add_argument("name")
    f.add_argument("--kb", action="append", default=[], metavar="DIR", help="an extra knowledge-base folder")
    f.add_argument("--date", help="show the roles held at this date (YYYY[-MM[-DD]])")
    f.add_argument("--json", action="store_true")
    f.set_defaults(func=run_find)

    e = sub.add_parser("entity", help="list an entity's mentions across the stored corpus")
    e.add_argument("name", help="a name, alias or entity id (x:... for unlinked entities)")
    add_db(e)
    e.add_argument("--kb", action="append", default=[], metavar="DIR", help="an extra knowledge-base folder")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=run_entity)


def run_check(args) -> int:
    from ..kb import check
    kb = check([Path(d) for d in args.kb])
    counts: dict[str, int] = {}
    for ent in kb.entities.values():
        counts[ent.type] = counts.get(ent.type, 0) + 1
    roles = sum(len(ent.roles) for ent in kb.entities.values())
    print(f"knowledge base ok: {len(kb.entities)} entities ("
          + ", ".join(f"{n} {t}" for t, n in sorted(counts.items())) + f"), {roles} roles")
    return 0


def run_find(args) -> int:
    from ..kb import KnowledgeBase
    kb = KnowledgeBase.load([Path(d) for d in args.kb])
    found = [kb.get(args.name)] if kb.get(args.name) else kb.lookup(args.name)
    if not found:
        print(f"garante: no entity answers to {args.name!r}")
        return 1
    out = []
    for ent in found:
        out.append({"id": ent.id, "name": ent.name, "type": ent.type, "aliases": ent.aliases,
                    "part_of": ent.part_of, "affiliation": kb.affiliation(ent.id, args.date),
                    "roles": [vars(r) for r in (kb.roles_at(ent.id, args.date) if args.date else ent.roles)]})
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for o in out:
        print(f"{o['id']}  {o['name']}  [{o['type']}]  speaks for: {o['affiliation'] or '-'}")
        if o["aliases"]:
            print("  aliases: " + ", ".join(o["aliases"]))
        for r in o["roles"]:
            print(f"  {r['role']} of {r['of'] or '-'}  {r['start'] or '?'} – {r['end'] or ''}")
    return 0


def entity_mentions(store, kb, name: str) -> tuple[list[str], list[dict]]:
    """Python API of ``garante entity``: the ids ``name`` stands for and their stored mentions."""
    ids = [name] if kb.get(name) or name.startswith("x:") else [e.id for e in kb.lookup(name)]
    if not ids:  # an unlinked entity, by the name it was found under
        ids = [r["id"] for r in store.query("SELECT id FROM entities WHERE lower(name) = lower(?)", (name,))]
    if not ids:
        return [], []
    marks = ", ".join("?" for _ in ids)
    rows = store.query(f"""SELECT s.document_id, d.source, d.published, s.start_char, s.end_char, s.text,
                               s.entity_id, s.attrs, s.rule
                           FROM spans s JOIN documents d ON d.id = s.document_id
                           WHERE s.layer = 'mention' AND s.entity_id IN ({marks})
                           ORDER BY s.document_id, s.start_char""", ids)
    for r in rows:
        attrs = json.loads(r.pop("attrs") or "{}")
        r["resolution"] = attrs.get("resolution")
        r["role"] = attrs.get("role")
    return ids, rows


def run_entity(args) -> int:
    from ..kb import KnowledgeBase
    from ..store import Store
    kb = KnowledgeBase.load([Path(d) for d in args.kb])
    with Store(args.db) as store:
        ids, rows = entity_mentions(store, kb, args.name)
    if not ids:
        print(f"garante: no entity answers to {args.name!r}")
        return 1
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(f"{', '.join(ids)}: {len(rows)} mentions in {len({r['document_id'] for r in rows})} documents")
    print(f"{'doc':>4}  {'offsets':>11}  {'resolution':12}  text")
    for r in rows:
        print(f"{r['document_id']:>4}  {r['start_char']:>5}-{r['end_char']:<5}  {r['resolution'] or '-':12}  "
              f"{r['text']}  ({Path(r['source']).name})")
    return 0
