"""The ``garante`` command line. Each command group lives in its own module with ``register(sub)``;
every command mirrors a function of the Python API."""
from __future__ import annotations

import argparse
import sys

from ..lang import DataFileError
from ..store import StoreError

COMMAND_MODULES = ["analyze", "documents", "kb", "statements", "report", "serve", "timeml"]


def build_parser() -> argparse.ArgumentParser:
    import importlib
    from .. import __version__
    parser = argparse.ArgumentParser(prog="garante", description="Evidence-backed statements, stances and "
                                     "positions from raw news.")
    parser.add_argument("--version", action="version", version=f"garante {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (StoreError, DataFileError) as e:
        print(f"garante: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("garante: interrupted; run the same command again to finish the job", file=sys.stderr)
        return 130


def add_db(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--db", required=required, default=None if required else "garante.db",
                   help="the evidence store: a SQLite file, or a postgresql:// URL")


def add_knowledge(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kb", action="append", default=[], metavar="DIR",
                   help="a folder of extra knowledge-base files (repeatable)")
    p.add_argument("--codebook", action="append", default=[], metavar="FILE",
                   help="an extra codebook file (repeatable)")


def context_from(args):
    from pathlib import Path
    from ..pipeline import Context
    return Context(kb_dirs=[Path(d) for d in getattr(args, "kb", [])],
                   codebook_files=[Path(f) for f in getattr(args, "codebook", [])],
                   embeddings=getattr(args, "embeddings", False))
