"""Codebooks: the issues of a negotiation as propositions, with cue patterns per language, as data.

``data/codebooks/*.yaml`` ships with garante; users add their own (``--codebook FILE``) in the same
shape. Each file is validated on load: a problem names the file, the line and the reason.
Named proposals and frameworks (the 2022 Istanbul draft, the June 2024 Russian conditions ...) are
data too, each linked to the issues its provisions touch and the stance it implies on them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .extract.first_chars import first_class_of
from .lang import DATA, DataFileError, load_yaml

CODEBOOK_DIR = DATA / "codebooks"
STANCES = ("support", "oppose", "conditional", "neutral")
CUE_KINDS = ("cues", "weak_cues", "inverted_cues")


@dataclass
class Cue:
    issue: str
    pattern: re.Pattern
    lang: str
    kind: str  # cues | weak_cues | inverted_cues | framework
    framework: str | None = None


@dataclass
class Issue:
    id: str
    proposition: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def description(self) -> str:
        return self.data.get("description", "")

    @property
    def examples(self) -> list[dict[str, Any]]:
        return list(self.data.get("examples") or [])


@dataclass(frozen=True)
class IssueScope:
    """An issue's ``scope`` (see ``SCOPE_KEYS``): per language, frozen sets of lowercase words."""
    framed_by: dict[str, frozenset[str]] = field(default_factory=dict)
    framed_after: dict[str, frozenset[str]] = field(default_factory=dict)
    elsewhere: dict[str, frozenset[str]] = field(default_factory=dict)
    parties: frozenset[str] = frozenset()

    def words(self, key: str, lang: str | None) -> frozenset[str]:
        per_lang = getattr(self, key)
        code = (lang or "en")[:2].lower()
        return per_lang.get(code, per_lang.get("en", frozenset()))


@dataclass
class Framework:
    id: str
    name: str
    issue: str | None = None  # the codebook issue that is this framework itself, if any
    implies: dict[str, str] = field(default_factory=dict)
    touches: list[str] = field(default_factory=list)
    date: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    description: str = ""


class CodebookProblem:
    def __init__(self, file: Path | None, line: int | None, reason: str):
        self.file, self.line, self.reason = file, line, reason

    def __str__(self) -> str:
        if self.file is None:
            return self.reason
        return f"{self.file}:{self.line}: {self.reason}" if self.line else f"{self.file}: {self.reason}"


ISSUE_KEYS = {"id", "proposition", "description", "examples", "notes", "refines", "support_by", "side_by", "scope",
              "also_by",
              *CUE_KINDS}
# ``scope``: where a cue of the issue names something else. Word lists per language (lowercase words or lemmas)
# read on the parse around the cue, and the parties an issue's meeting needs:
#   framed_by     the word that governs the cue's phrase makes it the setting of another act ("troops to
#                 enforce a ceasefire", "violated the truce"), not a side on the issue
#   framed_after  the word that introduces or governs the cue's phrase makes it the time or case of another
#                 issue the statement names ("deploy only after a ceasefire", "in caso di tregua")
#   elsewhere     a place or party of another conflict in the cue's phrase or clause ("a truce in Gaza")
#   parties       knowledge-base ids of the states whose leaders the issue's meeting is between; a meeting
#                 the parse gives another participant ("a summit between Putin and Trump") is not the issue
SCOPE_WORDS = ("framed_by", "framed_after", "elsewhere")
SCOPE_KEYS = {*SCOPE_WORDS, "parties"}
FRAMEWORK_KEYS = {"id", "name", "date", "issue", "implies", "touches", "aliases", "description", "notes"}
TOP_KEYS = {"name", "id", "description", "issues", "frameworks"}


class _LineLoader(yaml.SafeLoader):
    """Keeps the line of every mapping so validation can point at it."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read(path: Path) -> Any:
    return load_yaml(path, _LineLoader)


def _strip(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _strip(v) for k, v in x.items() if k != "__line__"}
    if isinstance(x, list):
        return [_strip(v) for v in x]
    return x


def _compile(pattern: str) -> re.Pattern:
    return re.compile(first_char_guard(pattern) + r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def first_char_guard(pattern: str, flags: int = re.IGNORECASE) -> str:
    """A lookahead on the characters a match of ``pattern`` (read with ``flags``) can start with, to be put
    before it and compiled with the same flags, or "" where they cannot be told. Python's regex engine
    tries every position of the text for a pattern that opens with a lookbehind and an alternation; the
    guard lets it pass over most of them at once, and never refuses a position where the pattern matches.
    The characters are read by ``extract.first_chars`` (the time rules' gate)."""
    if _GLOBAL_FLAGS.match(pattern):  # flags written at the start may stand nowhere else
        return ""
    cls = first_class_of(pattern, flags)
    return "" if cls is None else f"(?={cls})"


class Codebook:
    def __init__(self, issues: Iterable[Issue] = (), name: str = "", frameworks: Iterable[Framework] = ()):
        self.name = name
        self.issues = {i.id: i for i in issues}
        self.frameworks = {f.id: f for f in frameworks}
        self._cues: dict[str, list[Cue]] = {}
        # per issue that has any, the broader issues it is a case of (``refines``: the US backstop is a case
        # of foreign troops and of Western guarantees)
        self.refinements: dict[str, tuple[str, ...]] = {
            i.id: tuple(i.data["refines"]) for i in self.issues.values() if i.data.get("refines")}
        # per issue, whose support of it means another issue (``support_by``): Moscow "ready to sign security
        # guarantees" supports guarantees it takes part in, not the West's
        self.support_readings: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
            i.id: tuple((frozenset(r["actors"]), r["reads_as"]) for r in i.data["support_by"])
            for i in self.issues.values() if i.data.get("support_by")}
        # per issue, whose side on it is a side on another issue too (``also_by``): Washington speaking of the
        # guarantees for Kyiv speaks of its own part in them, the US backstop
        self.also_readings: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
            i.id: tuple((frozenset(r["actors"]), r["adds"]) for r in i.data["also_by"])
            for i in self.issues.values() if i.data.get("also_by")}
        # per issue, the side its actors take where the rules read their support only weakly (``side_by``):
        # Moscow names the sanctions on it only to condemn them, and a truce only on its conditions
        self.weak_sides: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
            i.id: tuple((frozenset(r["actors"]), r["side"]) for r in i.data["side_by"])
            for i in self.issues.values() if i.data.get("side_by")}
        # per issue that has one, where its cues name something else (``scope``)
        self.scopes: dict[str, IssueScope] = {
            i.id: _scope_of(i.data["scope"]) for i in self.issues.values() if i.data.get("scope")}

    # --- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, files: Iterable[Path] = ()) -> "Codebook":
        """The default codebook(s) plus the user's files; raises DataFileError on the first problem."""
        files = [Path(f) for f in files]
        return _load_cached(tuple(sorted(CODEBOOK_DIR.glob("*.yaml"))) + tuple(files))

    @classmethod
    def from_files(cls, files: Iterable[Path]) -> "Codebook":
        problems: list[CodebookProblem] = []
        book = cls._parse(list(files), problems)
        if problems:
            raise DataFileError("; ".join(str(p) for p in problems[:10]))
        return book

    @classmethod
    def _parse(cls, files: list[Path], problems: list[CodebookProblem]) -> "Codebook":
        issues: dict[str, Issue] = {}
        frameworks: dict[str, Framework] = {}
        name = ""
        pending_refs: list[tuple[Path, int | None, str, str]] = []
        for f in files:
            try:
                data = _read(f)
            except DataFileError as e:
                problems.append(CodebookProblem(None, None, str(e)))
                continue
            if data is None:
                continue
            if not isinstance(data, dict):
                problems.append(CodebookProblem(f, 1, "a codebook is a mapping with 'issues' (and 'frameworks')"))
                continue
            for key in sorted(set(data) - TOP_KEYS - {"__line__"}):
                problems.append(CodebookProblem(f, data["__line__"], f"unknown key {key!r} (expected one of "
                                                f"{sorted(TOP_KEYS)})"))
            name = name or data.get("name", "")
            items = data.get("issues") or []
            if not isinstance(items, list):
                problems.append(CodebookProblem(f, data.get("__line__"), "'issues' must be a list"))
                items = []
            seen: set[str] = set()
            for item in items:
                issue = _parse_issue(f, item, problems)
                if issue is None:
                    continue
                for r in issue.data.get("support_by") or []:
                    pending_refs.append((f, item.get("__line__"), f"issue {issue.id!r}: support_by", r["reads_as"]))
                for r in issue.data.get("also_by") or []:
                    pending_refs.append((f, item.get("__line__"), f"issue {issue.id!r}: also_by", r["adds"]))
                if issue.id in seen:
                    problems.append(CodebookProblem(f, item.get("__line__"), f"issue {issue.id!r} defined twice"))
                seen.add(issue.id)
                issues[issue.id] = issue  # a later file may redefine an issue of the default codebook
            fw_items = data.get("frameworks") or []
            if not isinstance(fw_items, list):
                problems.append(CodebookProblem(f, data.get("__line__"), "'frameworks' must be a list"))
                fw_items = []
            fw_seen: set[str] = set()
            for item in fw_items:
                fw = _parse_framework(f, item, problems, pending_refs)
                if fw is not None:
                    if fw.id in fw_seen:
                        problems.append(CodebookProblem(f, item.get("__line__"), f"framework {fw.id!r} defined twice"))
                    fw_seen.add(fw.id)
                    frameworks[fw.id] = fw
        for f, line, what, ref in pending_refs:
            if ref not in issues:
                problems.append(CodebookProblem(f, line, f"{what} names unknown issue {ref!r}"))
        return cls(issues.values(), name, frameworks.values())

    # --- cues --------------------------------------------------------------------------------
    def cues(self, lang: str | None) -> list[Cue]:
        """Compiled cue patterns for one language (English patterns serve unknown languages)."""
        code = (lang or "en")[:2].lower()
        if code not in self._cues:
            out: list[Cue] = []
            for issue in self.issues.values():
                for kind in CUE_KINDS:
                    per_lang = issue.data.get(kind) or {}
                    pats = per_lang[code] if code in per_lang else per_lang.get("en", [])
                    for p in pats:
                        out.append(Cue(issue.id, _compile(p), code, kind))
            for fw in self.frameworks.values():
                pats = fw.aliases.get(code) or fw.aliases.get("en") or []
                for p in pats:
                    out.append(Cue(fw.issue or "", _compile(p), code, "framework", fw.id))
            self._cues[code] = out
        return self._cues[code]


def _support_by_ok(f: Path, line: int | None, iid: str, readings: Any, problems: list[CodebookProblem]) -> bool:
    """``support_by``: a list of {actors: [knowledge-base ids], reads_as: another issue's id}."""
    if readings is None:
        return True
    ok = isinstance(readings, list) and all(
        isinstance(r, dict) and isinstance(r.get("reads_as"), str) and r["reads_as"] != iid
        and isinstance(r.get("actors"), list) and r["actors"] and all(isinstance(a, str) for a in r["actors"])
        for r in readings)
    if not ok:
        problems.append(CodebookProblem(f, line, f"issue {iid!r}: support_by must be a list of "
                                        "{actors: [ids], reads_as: another issue}"))
    return ok


def _also_by_ok(readings: Any, iid: str) -> bool:
    """``also_by``: a list of {actors: [knowledge-base ids], adds: another issue's id}."""
    return readings is None or isinstance(readings, list) and all(
        isinstance(r, dict) and isinstance(r.get("adds"), str) and r["adds"] != iid
        and isinstance(r.get("actors"), list) and r["actors"] and all(isinstance(a, str) for a in r["actors"])
        for r in readings)


def _side_by_ok(sides: Any) -> bool:
    """``side_by``: a list of {actors: [knowledge-base ids], side: a stance other than support}."""
    return sides is None or isinstance(sides, list) and all(
        isinstance(r, dict) and r.get("side") in STANCES[1:] and isinstance(r.get("actors"), list) and r["actors"]
        and all(isinstance(a, str) for a in r["actors"]) for r in sides)


def _scope_of(data: dict) -> IssueScope:
    words = {key: {code: frozenset(str(w).lower() for w in ws) for code, ws in (data.get(key) or {}).items()}
             for key in SCOPE_WORDS}
    return IssueScope(**words, parties=frozenset(data.get("parties") or ()))


def _scope_ok(scope: Any) -> bool:
    """``scope``: a mapping of SCOPE_KEYS; the word keys map a language code to a list of words, ``parties``
    is a list of knowledge-base ids."""
    if scope is None:
        return True
    if not isinstance(scope, dict) or set(scope) - SCOPE_KEYS - {"__line__"}:
        return False
    for key in SCOPE_WORDS:
        per_lang = scope.get(key)
        if per_lang is None:
            continue
        if not isinstance(per_lang, dict) or not all(
                isinstance(code, str) and re.fullmatch(r"[a-z]{2,3}", code) and isinstance(ws, list)
                and all(isinstance(w, str) and w.strip() for w in ws)
                for code, ws in per_lang.items() if code != "__line__"):
            return False
    parties = scope.get("parties")
    return parties is None or isinstance(parties, list) and all(isinstance(p, str) and p for p in parties)


def _parse_issue(f: Path, item: Any, problems: list[CodebookProblem]) -> Issue | None:
    if not isinstance(item, dict):
        problems.append(CodebookProblem(f, None, f"an issue must be a mapping, not {item!r}"))
        return None
    line = item.get("__line__")
    iid = item.get("id")
    if not iid or not isinstance(iid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", iid):
        problems.append(CodebookProblem(f, line, f"issue id {iid!r} must be lower_snake_case"))
        return None
    if not item.get("proposition") or not isinstance(item.get("proposition"), str):
        problems.append(CodebookProblem(f, line, f"issue {iid!r} has no proposition"))
    for key in sorted(set(item) - ISSUE_KEYS - {"__line__"}):
        problems.append(CodebookProblem(f, line, f"issue {iid!r}: unknown key {key!r} (expected one of "
                                        f"{sorted(ISSUE_KEYS)})"))
    has_cue = False
    given = any(item.get(kind) for kind in CUE_KINDS)  # bad patterns are reported one by one
    for kind in CUE_KINDS:
        per_lang = item.get(kind)
        if per_lang is None:
            continue
        if not isinstance(per_lang, dict):
            problems.append(CodebookProblem(f, line, f"issue {iid!r}: {kind} must map a language code to a list"))
            continue
        where = per_lang.get("__line__", line)
        for code, pats in per_lang.items():
            if code == "__line__":
                continue
            has_cue |= _check_patterns(f, where, f"issue {iid!r}: {kind}[{code}]", code, pats, problems)
    if not has_cue and not given:
        problems.append(CodebookProblem(f, line, f"issue {iid!r} has no cue patterns"))
    bad = set() if _support_by_ok(f, line, iid, item.get("support_by"), problems) else {"support_by"}
    if not _also_by_ok(item.get("also_by"), iid):
        problems.append(CodebookProblem(f, line, f"issue {iid!r}: also_by must be a list of "
                                        "{actors: [ids], adds: another issue}"))
        bad.add("also_by")
    if not _side_by_ok(item.get("side_by")):
        problems.append(CodebookProblem(f, line, f"issue {iid!r}: side_by must be a list of "
                                        "{actors: [ids], side: oppose, conditional or neutral}"))
        bad.add("side_by")
    if not _scope_ok(item.get("scope")):
        problems.append(CodebookProblem(f, line, f"issue {iid!r}: scope must map {sorted(SCOPE_KEYS)} to lists "
                                        "(the word lists per language code)"))
        bad.add("scope")
    examples = item.get("examples") or []
    if not isinstance(examples, list):
        problems.append(CodebookProblem(f, line, f"issue {iid!r}: examples must be a list"))
        examples = []
    for ex in examples:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or ex.get("stance") not in STANCES:
            problems.append(CodebookProblem(f, ex.get("__line__", line) if isinstance(ex, dict) else line,
                                            f"issue {iid!r}: an example needs text and a stance in {STANCES}"))
    data = _strip({k: v for k, v in item.items() if k not in ("id", "proposition", *bad)})
    return Issue(iid, item.get("proposition", ""), data)


def _check_patterns(f: Path, line: int | None, what: str, code: Any, pats: Any,
                    problems: list[CodebookProblem]) -> bool:
    """Whether ``pats`` holds at least one usable pattern; every bad one is a problem."""
    if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}", code):
        problems.append(CodebookProblem(f, line, f"{what}: {code!r} is not a language code (it, en, ...)"))
        return False
    if not isinstance(pats, list) or not all(isinstance(p, str) for p in pats):
        problems.append(CodebookProblem(f, line, f"{what}: must be a list of regular expressions (strings)"))
        return False
    ok = False
    for p in pats:
        try:
            rx = _compile(p)
        except re.error as e:
            problems.append(CodebookProblem(f, line, f"{what}: pattern {p!r}: {e}"))
            continue
        if rx.fullmatch("") or not p.strip():
            problems.append(CodebookProblem(f, line, f"{what}: pattern {p!r} matches the empty string"))
            continue
        ok = True
    return ok


def _parse_framework(f: Path, item: Any, problems: list[CodebookProblem], refs: list) -> Framework | None:
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        problems.append(CodebookProblem(f, item.get("__line__") if isinstance(item, dict) else None,
                                        "a framework needs an id and a name"))
        return None
    line = item["__line__"]
    for key in sorted(set(item) - FRAMEWORK_KEYS - {"__line__"}):
        problems.append(CodebookProblem(f, line, f"framework {item['id']!r}: unknown key {key!r} (expected one "
                                        f"of {sorted(FRAMEWORK_KEYS)})"))
    if not isinstance(item.get("implies") or {}, dict) or not isinstance(item.get("touches") or [], list) \
            or not isinstance(item.get("aliases") or {}, dict):
        problems.append(CodebookProblem(f, line, f"framework {item['id']!r}: implies must map issue ids to "
                                        "stances, touches must list issue ids, aliases must map a language "
                                        "code to a list"))
        return None
    implies = _strip(item.get("implies") or {})
    for issue, stance in implies.items():
        refs.append((f, line, f"framework {item['id']!r} implies", issue))
        if stance not in STANCES:
            problems.append(CodebookProblem(f, line, f"framework {item['id']!r}: stance {stance!r} not in {STANCES}"))
    if item.get("issue"):
        refs.append((f, line, f"framework {item['id']!r}", item["issue"]))
    for issue in item.get("touches") or []:
        refs.append((f, line, f"framework {item['id']!r} touches", issue))
    aliases = _strip(item.get("aliases") or {})
    for code, pats in aliases.items():
        _check_patterns(f, line, f"framework {item['id']!r}: aliases[{code}]", code, pats, problems)
    if not aliases and not item.get("issue"):
        problems.append(CodebookProblem(f, line, f"framework {item['id']!r} needs aliases or an issue"))
    touches = list(dict.fromkeys([*(item.get("touches") or []), *implies, *([item["issue"]] if item.get("issue") else [])]))
    return Framework(item["id"], item["name"], item.get("issue"), implies, touches,
                     str(item.get("date") or "") or None, aliases, str(item.get("description") or ""))


@lru_cache(maxsize=8)
def _load_cached(files: tuple[Path, ...]) -> Codebook:
    return Codebook.from_files(files)


def check(files: Iterable[Path]) -> list[CodebookProblem]:
    """Every problem in the given codebook files (validated together with the default codebook)."""
    problems: list[CodebookProblem] = []
    Codebook._parse(sorted(CODEBOOK_DIR.glob("*.yaml")) + [Path(f) for f in files], problems)
    return problems
