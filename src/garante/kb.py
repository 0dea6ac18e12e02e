"""The knowledge base: actors, their aliases, and the roles they held over time, as data files.

``data/kb/*.yaml`` ships with garante; users add folders of their own (``--kb DIR``) in the same shape.
(Minimal loader: the entity issue extends it with validation, roles by description and places.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .lang import DATA, load_yaml

KB_DIR = DATA / "kb"


@dataclass
class Role:
    role: str
    of: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, date: str | None) -> bool:
        if not date:
            return self.end is None
        d = date[:10]
        return (self.start is None or self.start[:len(d)] <= d) and (self.end is None or d <= self.end[:len(d)] or self.end[:len(d)] >= d)


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    part_of: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


class KnowledgeBase:
    def __init__(self, entities: Iterable[Entity] = ()):
        self.entities: dict[str, Entity] = {}
        for e in entities:
            self.entities[e.id] = e

    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> "KnowledgeBase":
        kb = cls()
        for folder in [KB_DIR, *extra_dirs]:
            for f in sorted(Path(folder).glob("*.yaml")):
                for item in load_yaml(f) or []:
                    roles = [Role(**r) for r in item.get("roles", [])]
                    kb.entities[item["id"]] = Entity(
                        id=item["id"], name=item["name"], type=item.get("type", "PER"),
                        aliases=list(item.get("aliases", [])), roles=roles, part_of=item.get("part_of"),
                        data={k: v for k, v in item.items()
                              if k not in ("id", "name", "type", "aliases", "roles", "part_of")})
        return kb

    def get(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def affiliation(self, entity_id: str | None, date: str | None = None) -> str | None:
        """The state or organisation that ``entity_id`` speaks for at ``date``."""
        e = self.get(entity_id)
        if e is None:
            return None
        if e.type in ("GPE",):
            return e.id
        if e.type == "ORG":
            return e.part_of or e.id
        for r in e.roles:
            if r.of and r.active(date):
                target = self.get(r.of)
                return target.part_of if target and target.type == "ORG" and target.part_of else r.of
        return None
