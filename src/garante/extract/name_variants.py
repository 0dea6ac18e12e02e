"""Names as news spell them: the keys under which two spellings of one name compare equal.

A known person written with another spelling ("Andriy Sibiga" for Andrii Sybiha, "Joseph Borel" for Josep
Borrell, "Orbàn" for Orbán) is the same person. The knowledge is data (``data/lang/names.yaml``, shared by
the languages of the text, plus ``first_names`` of ``data/lang/<code>/names.yaml``):

- ``plain``: the word without accents, case kept ("Orbàn", "Orbán" and "Orban" are one);
- ``key``: lower case, no accents, the transliteration replacements applied in order ("Sibiga" and
  "Sybiha", "Umierov" and "Umerov" are one);
- ``loose``: the key with double letters merged ("Borel", "Borrell"), used only beside a first name;
- ``first``: a first name's class ("Joseph" and "Josep", "Vladimir" and "Volodymyr"), else its key.

The entity layer (``extract/entities.py``) decides where these keys may link a name: accents anywhere,
transliteration for a surname the knowledge base lets stand alone, double letters and one typo only after
a first name of the right class; ``one_typo``: the typos news makes (a letter dropped, added or swapped with
its neighbour, an accent, a vowel for a vowel), not one consonant for another.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lang import LANG_DIR, DataFileError, load_yaml, topic

NAMES_FILE = LANG_DIR / "names.yaml"
_DOUBLE = re.compile(r"(.)\1+")


def plain(word: str) -> str:
    """``word`` without accents or other combining marks, case kept."""
    if word.isascii():
        return word
    s = unicodedata.normalize("NFKD", word)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


class NameVariants:
    """The keys of one language's data (see the module doc)."""

    def __init__(self, replacements: list[tuple[str, str]], classes: list[list[str]], typo_letters: str = ""):
        self.replacements = tuple(replacements)
        self.typo_letters = frozenset(typo_letters.casefold())
        self.classes: dict[str, str] = {}
        for members in classes:
            head = self.key(members[0])
            for m in members:
                self.classes.setdefault(self.key(m), head)

    @lru_cache(maxsize=65536)
    def key(self, word: str) -> str:
        s = plain(word).casefold().replace("’", "'")
        for a, b in self.replacements:
            s = s.replace(a, b)
        return s

    def one_typo(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` (a surname and a known one) are one typo of news apart (``typo_letters`` of
        ``names.yaml``): a letter dropped or added, two neighbours swapped, or a letter typed for another where
        both are the same letter but for an accent, or both are ``typo_letters`` (vowels), case aside."""
        if abs(len(a) - len(b)) > 1:
            return False
        k = next((x for x in range(min(len(a), len(b))) if a[x] != b[x]), min(len(a), len(b)))
        if len(a) != len(b):
            return a[k + 1:] == b[k:] if len(a) > len(b) else a[k:] == b[k + 1:]
        if k == len(a):
            return True  # the same word
        if a[k + 1:] == b[k + 1:]:
            x, y = plain(a[k]).casefold(), plain(b[k]).casefold()
            return x == y or (x in self.typo_letters and y in self.typo_letters)
        return a[k + 2:] == b[k + 2:] and a[k:k + 2] == b[k:k + 2][::-1]

    def loose(self, word: str) -> str:
        return _DOUBLE.sub(r"\1", self.key(word))

    def first(self, word: str) -> str:
        k = self.key(word)
        return self.classes.get(k, k)


def _pairs(data, where: str) -> list[tuple[str, str]]:
    out = []
    for item in data or []:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) and x for x in item)):
            raise DataFileError(f"{where}: a transliteration entry must be a pair of strings, not {item!r}")
        out.append((item[0].casefold(), item[1].casefold()))
    return out


def _classes(data, where: str) -> list[list[str]]:
    out = []
    for item in data or []:
        if not (isinstance(item, list) and item and all(isinstance(x, str) and x for x in item)):
            raise DataFileError(f"{where}: a first-name class must be a list of names, not {item!r}")
        out.append(item)
    return out


@lru_cache(maxsize=None)
def name_variants(lang: str | None = None) -> NameVariants:
    """The shared data and the first-name classes of ``lang``'s own ``names.yaml``, if any."""
    data = (load_yaml(NAMES_FILE) or {}) if NAMES_FILE.is_file() else {}
    own = topic(lang, "names") if lang else {}
    return NameVariants(_pairs(data.get("transliteration"), str(NAMES_FILE)),
                        _classes(data.get("first_names"), str(NAMES_FILE))
                        + _classes((own or {}).get("first_names"), f"{LANG_DIR / str(lang)}/names.yaml"),
                        str(data.get("typo_letters") or ""))
