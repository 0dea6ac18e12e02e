"""The time layer lives in ``garante.extract.time`` (one module a concern); this name stays for the
pipeline, the statements component and user code: ``from garante.extract.timex import TimeTagger``."""
from .time import (Anchor, Grammar, Match, TimeDataError, TimeTagger, date_at, day_of_month,  # noqa: F401
                   easter, find, grammar, infer_published, normalise, timeml_start)
