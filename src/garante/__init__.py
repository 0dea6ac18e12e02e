"""garante: who said what, when, on whose behalf, and where each actor stands: from raw news."""
__version__ = "0.1.0"

from .document import Document, Span, Statement, Stance  # noqa: E402
from .pipeline import Context, Pipeline, analyse_text  # noqa: E402
from .store import Store  # noqa: E402

__all__ = ["Document", "Span", "Statement", "Stance", "Context", "Pipeline", "analyse_text", "Store",
           "__version__"]
