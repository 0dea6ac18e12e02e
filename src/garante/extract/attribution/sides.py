"""The side an unknown person speaks for, read from the description the article gives him beside his
name (issue 12): "Oleg Petrenko, portavoce del ministero degli Esteri ucraino", "Petro Kovalenko, the
Ukrainian foreign ministry spokesman,". The knowledge base knows nothing of such a person, so the state or
body named inside the apposition right after one of his mentions is what he speaks for (its top: a ministry
speaks for its state). Only statements with no side yet are touched; a known person's roles decide his."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import lang as langdata
from ...document import Document
from ...nlp.layer import doc_language

# the apposition: after a comma, up to the next comma, stop, semicolon, colon, bracket or quotation mark
_APPOSITION = re.compile(r"\s*,\s*([^,.;:()\"“”«»\n]{3,90})")


@lru_cache(maxsize=8)
def _clause_opener(code: str) -> re.Pattern | None:
    """What opens a clause rather than a description ("X, who met the Russian envoy,", "X, che ha
    incontrato"): ``apposition_clause_words`` and ``participle_endings`` in the language's attribution data."""
    data = (langdata.topic(code, "attribution") if code else None) or {}
    words = sorted({str(w).lower() for w in data.get("apposition_clause_words") or []}, key=len, reverse=True)
    ends = sorted({str(w).lower() for w in data.get("participle_endings") or []}, key=len, reverse=True)
    alts = [re.escape(w).replace(r"\ ", r"\s+") for w in words] + ([rf"\w+(?:{'|'.join(ends)})"] if ends else [])
    return re.compile(rf"(?i)(?:{'|'.join(alts)})\b") if alts else None


def stated_sides(doc: Document, kb) -> None:
    """Fill ``on_behalf_of`` of the statements by an unknown person (``x:`` id) from the state or body
    named in the apposition after one of that person's mentions."""
    if kb is None or not doc.statements:
        return
    wanted = {st.speaker_entity_id for st in doc.statements
              if st.on_behalf_of_id is None and (st.speaker_entity_id or "").startswith("x:")}
    if not wanted:
        return
    mentions = sorted(doc.layer("mention"), key=lambda m: m.start)
    clause = _clause_opener(doc_language(doc))
    sides: dict[str, str] = {}
    for m in mentions:
        eid = m.attrs.get("entity_id")
        if eid not in wanted or eid in sides or m.label != "PER":
            continue
        side = _side_in_apposition(doc.text, m.end, mentions, kb, clause)
        if side is not None:
            sides[eid] = side
    for st in doc.statements:
        side = sides.get(st.speaker_entity_id) if st.on_behalf_of_id is None else None
        if side is not None:
            e = kb.get(side)
            st.on_behalf_of_id, st.on_behalf_of_name = side, (e.name if e else side)
            st.attrs["on_behalf_of_from"] = "description beside the name"


def _side_in_apposition(text: str, end: int, mentions, kb, clause: re.Pattern | None) -> str | None:
    m = _APPOSITION.match(text, end)
    if m is None or clause is not None and clause.match(m.group(1)) or not m.group(1)[:1].isalpha():
        return None
    a, b = m.start(1), m.end(1)
    for x in mentions:
        if a <= x.start and x.end <= b and x.label in ("GPE", "ORG"):
            eid = x.attrs.get("entity_id")
            e = kb.get(eid) if eid else None
            if e is None or e.type not in ("GPE", "ORG") or e.data.get("kind") in ("agency", "outlet", "platform", "journalist"):
                continue
            return kb.top(eid) or eid
    return None
