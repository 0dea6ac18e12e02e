"""Language identification with lingua, limited to the languages garante is likely to meet."""
from __future__ import annotations

from functools import lru_cache


SAMPLE_CHARS = 300


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    langs = [Language.ITALIAN, Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH,
             Language.PORTUGUESE, Language.RUSSIAN, Language.UKRAINIAN, Language.POLISH, Language.DUTCH]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect(text: str) -> str | None:
    # a few sentences identify the language as surely as the whole article, at a fraction of the time
    sample = text[:SAMPLE_CHARS].rsplit(" ", 1)[0] if len(text) > SAMPLE_CHARS else text
    sample = sample.strip()
    if not sample:
        return None
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else None
