"""Positions of an annotation by the rule of GUIDE.md section 6, for a subset of documents.

Per actor and issue, the stances of the latest-dated required statement that has an on_behalf_of
(statements of the same date: the union of their stances). The guide does not say where an undated
statement stands; here it takes its document's publication date, and one with neither ranks first.
"""


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
            actor = s.get("on_behalf_of_name") or s["on_behalf_of"][0]
            day = statement_day(s, doc)
            for issue, stances in s["issues"].items():
                old = latest.get((actor, issue))
                if old is None or day > old[0]:
                    latest[(actor, issue)] = (day, list(stances), s["on_behalf_of"])
                elif day == old[0]:
                    old[1].extend(x for x in stances if x not in old[1])
    return [{"actor": actor, "actor_aliases": aliases, "issue": issue, "stance": stances}
            for (actor, issue), (day, stances, aliases) in sorted(latest.items())]
