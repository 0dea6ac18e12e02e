"""Positions of an annotation by the rule of GUIDE.md section 6, for a subset of documents.

Per actor and issue, the stances of the latest-dated required statement that has an on_behalf_of
(statements of the same date: the union of their stances). The guide does not say where an undated
statement stands; here it takes its document's publication date, and one with neither ranks first.
An actor is named by the canonical name of aliases.tsv that shares an alias with the statement's
on_behalf_of list (the first gold's English lists are sorted alphabetically: "Moscow" before "Russia").
"""
import pathlib

ALIASES = pathlib.Path(__file__).resolve().parent / "aliases.tsv"


def load_aliases(path=ALIASES) -> dict:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, aliases = line.split("\t")
            table[name] = aliases.split("|")
    return table


TABLE = load_aliases()


def actor_name(statement: dict) -> str:
    """The canonical name of the actor a statement speaks for, or None."""
    aliases = set(statement.get("on_behalf_of") or [])
    if not aliases:
        return None
    for name, known in TABLE.items():
        if name in aliases or aliases & set(known) - {"Kremlin", "Cremlino"}:
            return name
    return statement.get("on_behalf_of_name") or sorted(aliases)[0]


def statement_day(statement: dict, doc: dict) -> str:
    return statement.get("date") or doc["meta"].get("published") or doc["meta"].get("published_inferable") or ""


def _counted(doc: dict):
    for s in doc["statements"]:
        if s["required"] and s.get("on_behalf_of") and s.get("speaker_kind") not in ("group", "anonymous"):
            yield s


def derive_positions(docs: list) -> list:
    latest = {}  # (actor, issue) -> (day, stances, aliases)
    for doc in docs:
        for s in _counted(doc):
            actor = actor_name(s)
            day = statement_day(s, doc)
            for issue, stances in s["issues"].items():
                old = latest.get((actor, issue))
                if old is None or day > old[0]:
                    latest[(actor, issue)] = (day, list(stances), s["on_behalf_of"])
                elif day == old[0]:
                    old[1].extend(x for x in stances if x not in old[1])
    return [{"actor": actor, "actor_aliases": aliases, "issue": issue, "stance": stances}
            for (actor, issue), (day, stances, aliases) in sorted(latest.items())]
