"""The knowledge base: actors, their aliases, and the roles they held over time, as data files.

``data/kb/*.yaml`` ships with garante; users add folders of their own (``--kb DIR``) in the same shape.
Each file is a list of entities::

    - id: sergey-lavrov            # unique across all folders (lower case, digits, - _ . :)
      name: Sergey Lavrov          # canonical name
      type: PER                    # PER | ORG | GPE | LOC | EVENT | MISC (default PER)
      aliases: [Lavrov, Sergei Lavrov, Serghei Lavrov]
      roles:                       # offices held; dates YYYY, YYYY-MM or YYYY-MM-DD, end inclusive
        - {role: foreign_minister, of: russia, start: 2004-03-09}
      part_of: russia              # an ORG inside a state or organisation (a ministry, the Kremlin)

An organisation may carry ``headed_by: <role>`` (the role of its head, held in the state or organisation
it is part of: the Farnesina is headed by Italy's foreign_minister) and ``seat: true`` (its name is also a
building: "alla Casa Bianca" is the place).

Any other key (``adjectives``, ``metonyms``, ``kind``, ``domains``, ``date``, ...) lands in
``Entity.data``. An entry with ``extends: true`` adds aliases, roles and data to an entity defined in an
earlier file or folder instead of defining a new one (how users correct the shipped data).

Every file is validated when loaded (and by ``garante kb check``): a malformed or contradictory entry
raises :class:`garante.lang.DataFileError` naming the file, the line and the reason.

Affiliation (who an entity speaks for): a state speaks for itself; an organisation for the state or
organisation it is ``part_of`` (the Kremlin and the Russian foreign ministry speak for Russia), otherwise
for itself (NATO, the EU, and news agencies: TASS reports, it does not speak for Russia); a person for
the state or organisation of the first role listed that is active at the date, through ``part_of``. An
independent body (``kind: think_tank`` or ``ngo``: ISW, Chatham House, Amnesty) speaks for no side: its
experts and the body itself are no party to what they comment on (``INDEPENDENT_KINDS``).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from .lang import DATA, DataFileError, load_yaml

KB_DIR = DATA / "kb"
TYPES = ("PER", "ORG", "GPE", "LOC", "EVENT", "MISC")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
REF_KEYS = ("capital", "country", "stands_for")  # data keys naming another entity
_CORE = ("id", "name", "type", "aliases", "roles", "part_of", "extends")
# kinds of organisation that speak for no side (think tanks, research centres, NGOs): no on_behalf_of, no position
INDEPENDENT_KINDS = frozenset({"think_tank", "ngo"})


@dataclass
class Role:
    role: str
    of: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, date: str | None) -> bool:
        """Held at ``date`` (any precision; the start and end are inclusive at their own precision).
        Without a date: held now (no end)."""
        if not date:
            return self.end is None
        d = str(date)[:10]
        if self.start and d[:len(self.start)] < self.start[:len(d)]:
            return False
        if self.end and d[:len(self.end)] > self.end[:len(d)]:
            return False
        return True


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    part_of: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([self.name, *self.aliases]))


def fold(name: str) -> str:
    """A name folded for lookup: no accents, no case, common transliteration variants merged
    (Sergey/Sergei/Sergej, Zelenskyy/Zelenskiy, Dmitrij/Dmitry)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("’", "'")
    for a, b in (("ey", "ei"), ("ej", "ei"), ("iy", "i"), ("yy", "y"), ("j", "i"), ("y", "i"), ("-", " ")):
        s = s.replace(a, b)
    return " ".join(s.split())


# --- reading files with line numbers ------------------------------------------------------------
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Keeps the line of every mapping (as ``__line__``) so errors can name it."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise _BadDate(node.start_mark.line + 1, node.value) from None


class _BadDate(Exception):
    def __init__(self, line: int, value: str):
        super().__init__(line, value)
        self.line, self.value = line, value


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)


def _read(path: Path) -> list:
    try:
        data = load_yaml(path, _LineLoader)
    except _BadDate as e:  # an unquoted impossible date such as 2025-02-30
        raise DataFileError(f"{path}:{e.line}: bad date {e.value!r} (no such day)") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError(f"{path}:1: a knowledge-base file must be a list of entities")
    return data


def _date(value: Any, where: str, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()[:10]
    s = str(value).strip()
    if isinstance(value, int) and len(s) == 4:
        return s
    if not DATE_RE.match(s):
        raise DataFileError(f"{where}: bad {key} date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        _dt.date(int(s[:4]), int(s[5:7] or 1) if len(s) >= 7 else 1, int(s[8:10]) if len(s) == 10 else 1)
    except ValueError:
        raise DataFileError(f"{where}: bad {key} date {value!r} (no such day)") from None
    return s


def _strip(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _strip(x) for k, x in v.items() if k != "__line__"}
    if isinstance(v, list):
        return [_strip(x) for x in v]
    if isinstance(v, _dt.date):
        return v.isoformat()[:10]
    return v


class KnowledgeBase:
    def __init__(self, entities: Iterable[Entity] = ()):
        self.entities: dict[str, Entity] = {}
        self._by_alias: dict[str, list[str]] = {}
        self._by_fold: dict[str, list[str]] = {}
        self._holders: dict[tuple[str, str | None], list[tuple[Role, str]]] = {}
        for e in entities:
            self.entities[e.id] = e
        self._index()

    # --- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_dirs: Iterable[Path] = ()) -> "KnowledgeBase":
        kb = cls()
        refs: list[tuple[str, str, str]] = []  # (where, field, id) checked once everything is read
        origin: dict[str, str] = {}
        for folder in [KB_DIR, *extra_dirs]:
            folder = Path(folder)
            if not folder.is_dir():
                raise DataFileError(f"{folder}: knowledge-base folder not found")
            for f in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                for n, item in enumerate(_read(f)):
                    kb._add(item, f, n, refs, origin)
        for where, what, ref in refs:
            if ref not in kb.entities:
                raise DataFileError(f"{where}: unknown {what} reference {ref!r} (no entity has this id)")
        kb._index()
        return kb

    def _add(self, item: Any, f: Path, n: int, refs: list, origin: dict[str, str]) -> None:
        if not isinstance(item, dict):
            raise DataFileError(f"{f}: entry {n + 1} is not a mapping (id, name, type ...)")
        where = f"{f}:{item.get('__line__', '?')}"
        eid = item.get("id")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            raise DataFileError(f"{where}: missing or bad id {eid!r} (lower case letters, digits, - _ . :)")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, (str, int)) for a in aliases):
            raise DataFileError(f"{where}: aliases of {eid!r} must be a list of names")
        aliases = [str(a) for a in aliases]
        roles = []
        for r in item.get("roles") or []:
            rwhere = f"{f}:{r.get('__line__', item.get('__line__', '?'))}" if isinstance(r, dict) else where
            if not isinstance(r, dict) or not isinstance(r.get("role"), str):
                raise DataFileError(f"{rwhere}: a role of {eid!r} needs a `role` name")
            unknown = set(r) - {"role", "of", "start", "end", "__line__", "note"}
            if unknown:
                raise DataFileError(f"{rwhere}: unknown role field(s) {sorted(unknown)} for {eid!r}")
            start, end = _date(r.get("start"), rwhere, "start"), _date(r.get("end"), rwhere, "end")
            if start and end and end < start[:len(end)]:
                raise DataFileError(f"{rwhere}: role {r['role']!r} of {eid!r} ends ({end}) before it starts ({start})")
            if r.get("of") is not None:
                refs.append((rwhere, "`of`", str(r["of"])))
            roles.append(Role(r["role"], str(r["of"]) if r.get("of") is not None else None, start, end))
        data = {k: _strip(v) for k, v in item.items() if k not in _CORE and k != "__line__"}
        if "seat" in data and not isinstance(data["seat"], bool):
            raise DataFileError(f"{where}: `seat` of {eid!r} must be true or false")
        heads = data.get("headed_by")
        if heads is not None and not (isinstance(heads, str) or (
                isinstance(heads, list) and heads and all(isinstance(h, str) for h in heads))):
            raise DataFileError(f"{where}: `headed_by` of {eid!r} must be a role name or a list of role names")
        part_of = item.get("part_of")
        for key in ("part_of", *REF_KEYS):
            if item.get(key) is not None:
                refs.append((where, key, str(item[key])))
        if item.get("extends"):
            base = self.entities.get(eid)
            if base is None:
                raise DataFileError(f"{where}: `extends: true` but no earlier entity has id {eid!r}")
            base.aliases += [a for a in aliases if a not in base.aliases]
            base.roles += roles
            base.data.update(data)
            if part_of:
                base.part_of = str(part_of)
            return
        if eid in self.entities:
            raise DataFileError(f"{where}: duplicate id {eid!r} (first defined at {origin[eid]}); "
                                f"use `extends: true` to add to it")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise DataFileError(f"{where}: entity {eid!r} has no name")
        etype = item.get("type", "PER")
        if etype not in TYPES:
            raise DataFileError(f"{where}: entity {eid!r} has unknown type {etype!r} (one of {', '.join(TYPES)})")
        origin[eid] = where
        self.entities[eid] = Entity(id=eid, name=name.strip(), type=etype, aliases=aliases, roles=roles,
                                    part_of=str(part_of) if part_of is not None else None, data=data)

    def _index(self) -> None:
        self._by_alias, self._by_fold, self._holders = {}, {}, {}
        for e in self.entities.values():
            for a in e.names:
                self._by_alias.setdefault(a, []).append(e.id)
                ids = self._by_fold.setdefault(fold(a), [])
                if e.id not in ids:
                    ids.append(e.id)
            for r in e.roles:
                self._holders.setdefault((r.role, r.of), []).append((r, e.id))

    # --- queries -------------------------------------------------------------------------------
    def get(self, entity_id: str | None) -> Entity | None:
        return self.entities.get(entity_id) if entity_id else None

    def find(self, name: str) -> Entity | None:
        """The entity with this name or alias: exact first, then accent-, case- and
        transliteration-folded (``Serghei Lavrov`` finds Sergey Lavrov); None if unknown or ambiguous."""
        ids = self._by_alias.get(name) or self._by_fold.get(fold(name)) or []
        ids = list(dict.fromkeys(ids))
        return self.entities[ids[0]] if len(ids) == 1 else None

    def lookup(self, name: str) -> list[Entity]:
        """All entities answering to ``name`` (folded)."""
        return [self.entities[i] for i in self._by_fold.get(fold(name), [])]

    def holders(self, role: str, of: str | None, date: str | None = None) -> list[str]:
        """Ids of the people holding ``role`` of ``of`` at ``date``. Without a date: the current holders
        (no end), or else the last one to hold it."""
        entries = self._holders.get((role, of), [])
        out = [pid for r, pid in entries if r.active(date)]
        if not out and not date and entries:
            last = max(entries, key=lambda x: (x[0].end or "9999", x[0].start or ""))
            out = [last[1]]
        return list(dict.fromkeys(out))

    def chain(self, entity_id: str | None) -> list[str]:
        """``entity_id`` and the organisations and state it is part of, innermost first."""
        out: list[str] = []
        while entity_id and entity_id not in out:
            out.append(entity_id)
            e = self.get(entity_id)
            entity_id = e.part_of if e else None
        return out

    def holder(self, role: str, of: str | None, date: str | None = None) -> str | None:
        """The one person holding ``role`` of ``of`` at ``date``, looking up the ``part_of`` chain
        (the spokesman "of the Kremlin" is the spokesman of Russia); None if nobody or several."""
        return self.holder_of_any([role], of, date)[0]

    def holder_of_any(self, roles: list, of: str | None, date: str | None = None) -> tuple[str | None, str | None]:
        """(person, role): the first of ``roles`` with exactly one holder, at ``of`` itself before the
        organisations it is part of ("the head of the Ukrainian army" is its commander, not the president).
        An item of ``roles`` may be a list of roles that must have one holder between them ("il ministro
        russo" is nobody: Russia has several ministers)."""
        for level in self.chain(of) or [of]:
            for within in (False, True):  # the office of the level itself, then of its own organs
                for group in roles:
                    found: dict[str, str] = {}
                    for role in ([group] if isinstance(group, str) else group):
                        for pid in (self.holders_within(role, level, date) if within
                                    else self.holders(role, level, date)):
                            found.setdefault(pid, role)
                    if found:
                        return next(iter(found.items())) if len(found) == 1 else (None, None)
        return None, None

    def holders_within(self, role: str, of: str | None, date: str | None = None) -> list[str]:
        """Holders of ``role`` in any organisation that is part of ``of`` (the Ukrainian army's
        commander for "the Ukrainian commander-in-chief")."""
        out = []
        for (r_name, r_of), entries in self._holders.items():
            if r_name == role and r_of != of and of in self.chain(r_of):
                out += [pid for r, pid in entries if r.active(date)]
        return list(dict.fromkeys(out))

    def roles_at(self, entity_id: str | None, date: str | None = None) -> list[Role]:
        e = self.get(entity_id)
        return [r for r in e.roles if r.active(date)] if e else []

    def top(self, entity_id: str | None) -> str | None:
        """Follow ``part_of`` to the outermost state or organisation."""
        seen = set()
        e = self.get(entity_id)
        while e is not None and e.part_of and e.part_of not in seen and self.get(e.part_of):
            seen.add(e.id)
            e = self.get(e.part_of)
        return e.id if e else None

    def independent(self, entity_id: str | None) -> bool:
        """Whether ``entity_id`` is an independent body (``kind`` in ``INDEPENDENT_KINDS``): it speaks for no side."""
        e = self.get(entity_id)
        return e is not None and e.data.get("kind") in INDEPENDENT_KINDS

    def side(self, entity_id: str | None) -> str | None:
        """``top(entity_id)``, or None where that, or the body itself, is independent (a think tank)."""
        side = self.top(entity_id)
        return None if self.independent(entity_id) or self.independent(side) else side

    def affiliation(self, entity_id: str | None, date: str | None = None) -> str | None:
        """The state or organisation that ``entity_id`` speaks for at ``date`` (see the module doc)."""
        e = self.get(entity_id)
        if e is None:
            return None
        if e.type == "GPE":
            return e.id
        if e.type == "ORG":
            return self.side(e.id)
        if e.type != "PER":
            return None
        for r in self.roles_at(e.id, date) or ([] if date else self._latest_roles(e)):
            if r.of:
                return self.side(r.of)
        return None

    @staticmethod
    def _latest_roles(e: Entity) -> list[Role]:
        return sorted((r for r in e.roles if r.of), key=lambda r: r.end or "9999", reverse=True)[:1]


def check(extra_dirs: Iterable[Path] = ()) -> KnowledgeBase:
    """Load and validate the shipped knowledge base and ``extra_dirs``; raises DataFileError."""
    return KnowledgeBase.load(extra_dirs)
