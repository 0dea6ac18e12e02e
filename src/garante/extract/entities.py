"""Entity mentions linked to the knowledge base. (Placeholder: exact alias matching.)"""
from __future__ import annotations

import re

from ..document import Document, Span


class EntityLinker:
    name = "entities"

    def __call__(self, doc: Document, ctx) -> None:
        kb = ctx.kb
        pats = []
        for e in kb.entities.values():
            for a in {e.name, *e.aliases}:
                pats.append((a, e))
        pats.sort(key=lambda p: -len(p[0]))
        taken: list[tuple[int, int]] = []
        for alias, e in pats:
            for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", doc.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                doc.add(Span(m.start(), m.end(), "mention", e.type,
                             {"entity_id": e.id, "name": e.name, "resolution": "alias"},
                             component=self.name, rule="alias"))
