"""Language knowledge as data: ``data/lang/<code>/<topic>.yaml`` (cue verbs, role nouns, month and
weekday names, quote styles, furniture cues ...). Adding a language is adding a folder."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
LANG_DIR = DATA / "lang"


class DataFileError(Exception):
    """A data file that cannot be used: names the file, the line where known, and the reason."""


def load_yaml(path: Path, loader: type = yaml.SafeLoader, text: str | None = None) -> Any:
    """A YAML data file (``text``: its content, already read), or a DataFileError naming the file, the
    line and the problem. ``loader``: a SafeLoader subclass (line-keeping loaders for validation)."""
    try:
        if text is None:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader or a subclass of it
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataFileError(f"{where}: not valid YAML: {getattr(e, 'problem', None) or e}") from e
    except OSError as e:
        raise DataFileError(f"{path}: cannot read: {e.strerror or e}") from e


def available() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir())


@lru_cache(maxsize=None)
def resources(code: str | None) -> dict[str, Any]:
    """All data files of one language, keyed by file stem; an unknown language falls back to English."""
    code = (code or "en")[:2].lower()
    folder = LANG_DIR / code
    if not folder.is_dir():
        folder = LANG_DIR / "en"
    out: dict[str, Any] = {}
    for f in sorted(folder.glob("*.yaml")):
        out[f.stem] = load_yaml(f) or {}
    return out


def topic(code: str | None, name: str) -> Any:
    return resources(code).get(name, {})


@lru_cache(maxsize=None)
def _written_accents(code: str | None) -> dict[str, str]:
    """The language's accented letters that news may write as their base letter and an apostrophe at a word's
    end (``spelling.yaml``, ``accent_apostrophe``: Italian "e'" for "è", "perche'", "piu'"), lower case."""
    data = topic(code, "spelling") or {}
    return {str(k).lower(): str(v).lower() for k, v in (data.get("accent_apostrophe") or {}).items()}


def accent_variants(pattern: str, code: str | None) -> str:
    """``pattern`` (a regular expression of the language's data, written with accents) that also matches
    where a word-final accented letter is typed as its base letter and an apostrophe ("non e' possibile"
    for "non è possibile"): each such letter outside a character class and a lookbehind becomes
    ``(?:è|e['’]|e(?=['’]))``: the apostrophe taken with the word where a space or a word follows, left
    after it where the pattern asks for a word's end (``\\b``: an apostrophe and a space have none between
    them). The text matched is the text itself: every span is an offset into it. A language without
    ``accent_apostrophe``, or a pattern without those letters, is returned as it is."""
    table = _written_accents(code)
    if not table or not any(c.lower() in table for c in pattern):
        return pattern
    out: list[str] = []
    behind: list[bool] = []  # per open group: whether it is (or sits in) a lookbehind
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            if pattern[j:j + 1] == "]":  # "[]...]", "[^]...]": a literal ] first
                j += 1
            out.append(pattern[i:j])
            i = j
            continue
        elif c == "(":
            behind.append(pattern.startswith(("(?<=", "(?<!"), i) or (bool(behind) and behind[-1]))
        elif c == ")":
            if behind:
                behind.pop()
        elif c.lower() in table and not (behind and behind[-1]) and not pattern[i + 1:i + 2].isalpha():
            base = table[c.lower()]
            out.append(f"(?:{c}|{base}['’]|{base}(?=['’]))")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def accent_spellings(word: str, code: str | None) -> list[str]:
    """The other spellings of ``word`` (lower case; words of a phrase apart) that ``accent_variants`` lets a
    pattern match: each word-final accented letter typed as its base letter and an apostrophe, either
    apostrophe ("dichiarò" → "dichiaro'", "dichiaro’"); [] where there is none."""
    table = _written_accents(code)
    if not table or not any(c in table for c in word):
        return []
    finals = re.compile("[" + "".join(table) + r"](?![^\W\d_])")
    if not finals.search(word):
        return []
    return [finals.sub(lambda m: table[m.group(0)] + mark, word) for mark in ("'", "’")]
