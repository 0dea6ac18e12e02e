"""Language knowledge as data: ``data/lang/<code>/<topic>.yaml`` (cue verbs, role nouns, month and
weekday names, quote styles, furniture cues ...). Adding a language is adding a folder."""
from __future__ import annotations

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
