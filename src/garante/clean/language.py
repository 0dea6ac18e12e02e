"""Language identification with lingua, limited to the languages garante is likely to meet."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder
    langs = [Language.ITALIAN, Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH,
             Language.PORTUGUESE, Language.RUSSIAN, Language.UKRAINIAN, Language.POLISH, Language.DUTCH]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect(text: str) -> str | None:
    sample = text[:2000].strip()
    if not sample:
        return None
    lang = _detector().detect_language_of(sample)
    return lang.iso_code_639_1.name.lower() if lang else None
