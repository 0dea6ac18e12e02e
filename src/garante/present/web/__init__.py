"""The analyst's workbench: ``create_app(db, token)`` builds the FastAPI app that ``garante serve`` runs."""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
