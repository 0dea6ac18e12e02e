"""Timeline: dated stance evidence per actor and issue, for charts and briefs."""
from __future__ import annotations

from typing import Any


def timeline(evidence: list[dict[str, Any]], level: str = "state") -> list[dict[str, Any]]:
    """Events oldest first: {date, actor, issue, stance, statement_id, document_id, source}."""
    out = []
    for r in evidence:
        actor = r["actor_state"] if level == "state" else r["speaker"]
        if not actor:
            continue
        out.append({"date": r["when"] or None, "actor": actor, "issue": r["issue"], "stance": r["stance"],
                    "statement_id": r["statement_id"], "document_id": r["document_id"], "source": r["source"],
                    "outlet": r["outlet"], "content": r["content"]})
    return out
