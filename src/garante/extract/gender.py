"""A person's gender where the text or the knowledge base tells it: the knowledge base for a person it knows,
else a courtesy title before the name ("Mrs.", "signora": attribution.yaml ``titles``), a gendered noun of
office or role just before it ("the spokeswoman", "la ministra": attribution.yaml ``gender_nouns``), else the
first word of the name when it is a first name of one sex (data/first_names.yaml). None where nothing tells."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import DATA, load_yaml, topic

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PHRASE = re.compile(r"[^\W\d_][\w'’-]*\.?|[,;:!?()\n«»“”\"]")


@lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    data = load_yaml(DATA / "first_names.yaml") or {}
    return {str(n).lower(): g for g in ("f", "m") for n in data.get(g) or []}


@lru_cache(maxsize=None)
def _lang(code: str | None) -> tuple[dict[str, str], dict[str, str]]:
    data = topic(code, "attribution") or {}
    titles = {str(k).lower().rstrip("."): str(v) for k, v in (data.get("titles") or {}).items()}
    nouns = {str(w).lower(): g for g, ws in (data.get("gender_nouns") or {}).items() for w in ws or []}
    return titles, nouns


def kb_gender(kb, entity_id: str | None) -> str | None:
    """'f' for a woman the knowledge base marks so, 'm' for another person it knows, else None."""
    e = kb.get(entity_id) if kb is not None and entity_id else None
    if e is None or e.type != "PER":
        return None
    return "f" if e.data.get("gender") == "f" else "m"


def name_gender(name: str | None, lang: str | None = None) -> str | None:
    """The gender the first word of a name tells (after any courtesy title): "Anna Kowalska" f."""
    titles, _ = _lang(lang)
    for w in _WORD.findall(name or ""):
        key = w.lower().rstrip(".")
        if key in titles:
            return titles[key]
        return first_names().get(w.lower()) if w[:1].isupper() else None
    return None


def phrase_gender(text: str, start: int, lang: str | None) -> str | None:
    """The gender the three words before a name tell: a courtesy title or a gendered role noun ("Mrs.",
    "the spokeswoman", "la ministra"), the nearest first; a comma or a full stop ends the phrase."""
    titles, nouns = _lang(lang)
    words = _PHRASE.findall(text[max(0, start - 60):start])
    for w in list(reversed(words))[:3]:
        if not w[:1].isalpha():
            return None
        key = w.lower()
        if key.rstrip(".") in titles:
            return titles[key.rstrip(".")]
        if key in nouns:
            return nouns[key]
    return None


def person_gender(kb, entity_id: str | None, name: str | None, text: str = "", start: int | None = None,
                  lang: str | None = None) -> str | None:
    """The gender of a person mention: the knowledge base, else his first name (or a title written in his
    name), else his phrase's title or role noun ("il premier Giorgia Meloni": the name, not the noun)."""
    return kb_gender(kb, entity_id) or name_gender(name, lang) \
        or (phrase_gender(text, start, lang) if start is not None and text else None)


def mark_genders(doc, kb, lang: str | None) -> None:
    """Give each person mention the gender its name, phrase or the knowledge base tells (``attrs["gender"]``);
    a surname alone takes the gender of the person of that surname the article named in full before."""
    full: dict[str, str] = {}
    of_person: dict[str, str] = {}  # entity id -> the gender its name in full told
    for m in sorted(doc.layer("mention"), key=lambda s: s.start):
        if m.label != "PER":
            continue
        # (the name as written: a surname the linker took for another person of that surname, "Clinton" for
        # "Bill Clinton", tells no first name)
        name = m.text_of(doc)
        g = person_gender(kb, m.attrs.get("entity_id"), name, doc.text, m.start, lang)
        words = _WORD.findall(name)
        if g is None and len(words) == 1:  # the surname of the person it stands for, else the last so named
            g = of_person.get(m.attrs.get("entity_id")) or full.get(words[0].lower())
        if g is not None:
            m.attrs["gender"] = g
            if len(words) > 1:
                full[words[-1].lower()] = g
                of_person.setdefault(m.attrs.get("entity_id"), g)
