"""Codebooks: the issues of a negotiation as propositions, with cue patterns per language, as data.
(Minimal loader: the stance issue extends it.)"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .lang import DATA, load_yaml

CODEBOOK_DIR = DATA / "codebooks"


@dataclass
class Issue:
    id: str
    proposition: str
    data: dict[str, Any] = field(default_factory=dict)


class Codebook:
    def __init__(self, issues: Iterable[Issue] = (), name: str = ""):
        self.name = name
        self.issues = {i.id: i for i in issues}

    @classmethod
    def load(cls, files: Iterable[Path] = ()) -> "Codebook":
        files = list(files) or sorted(CODEBOOK_DIR.glob("*.yaml"))
        issues = []
        name = ""
        for f in files:
            data = load_yaml(Path(f)) or {}
            name = name or data.get("name", "")
            for item in data.get("issues", []):
                issues.append(Issue(item["id"], item.get("proposition", ""),
                                    {k: v for k, v in item.items() if k not in ("id", "proposition")}))
        return cls(issues, name)
