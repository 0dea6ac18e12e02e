"""Speakers as the article knows them: a surname alone is the person the article named in full with
that surname ("Clinton said" after "Hillary Clinton" is Hillary, never Bill of the knowledge base)."""
from __future__ import annotations

from ...document import Document, Statement

# mentions that do not name the person by a name the knowledge base knows: an office, a description, a word
# the model alone took for a name ("General" of "Secretary General")
NOT_NAMES = ("role", "coreference", "unlinked")

def _surname(name: str) -> str:
    return name.split()[-1].strip(".,").lower() if name.split() else ""


def full_names(doc: Document) -> dict[str, list[tuple[int, str, str | None]]]:
    """Surname -> [(offset, full name, entity id)] of the people the article names with two words or more
    (not a role ending in another person's name: "consigliere di Zelensky" is Podolyak, no one called Zelensky)."""
    out: dict[str, list[tuple[int, str, str | None]]] = {}
    people = [m for m in doc.layer("mention") if m.label == "PER"]
    ends = {(m.end, m.attrs.get("entity_id")) for m in people if m.attrs.get("resolution") not in NOT_NAMES}
    for m in people:
        written = m.text_of(doc)
        if len(written.split()) < 2 or _ends_in_other_name(m, ends):
            continue
        name = m.attrs.get("name") or written
        out.setdefault(_surname(written), []).append((m.start, name, m.attrs.get("entity_id")))
    return out


def _ends_in_other_name(m, ends: set) -> bool:
    return m.attrs.get("resolution") in ("role", "coreference") \
        and any(end == m.end and eid != m.attrs.get("entity_id") for end, eid in ends)


def resolve_surnames(doc: Document, kb, titles: dict[str, str]) -> None:
    """Give a speaker named by surname alone the person of that surname the article named in full
    (the nearest before it, else the first after it), unless a title says otherwise ("Mrs. Clinton"
    is not the "Bill Clinton" named before)."""
    names = full_names(doc)
    for st in doc.statements:
        written = doc.text[st.speaker_start:st.speaker_end] if st.speaker_start is not None else ""
        if not st.speaker_name or len(written.split()) != 1 or not written[:1].isupper():
            continue
        found = names.get(_surname(written))
        if not found or st.attrs.get("speaker_kind") not in (None, "person"):
            continue
        before = [f for f in found if f[0] < st.speaker_start]
        _, name, eid = before[-1] if before else found[0]
        title = doc.text[max(0, st.speaker_start - 6):st.speaker_start].split()
        gender = titles.get(title[-1].lower().rstrip(".")) if title else None
        if gender is not None and gender_of(kb, eid) != gender:
            continue
        if (eid or name) != (st.speaker_entity_id or st.speaker_name):
            _rename(st, name, eid, kb)


def gender_of(kb, entity_id: str | None) -> str | None:
    """'f' for a woman the knowledge base marks so, 'm' for another person it knows, else None."""
    e = kb.get(entity_id) if kb is not None and entity_id else None
    if e is None or e.type != "PER":
        return None
    return "f" if e.data.get("gender") == "f" else "m"


def _rename(st: Statement, name: str, eid: str | None, kb) -> None:
    st.speaker_name, st.speaker_entity_id = name, eid
    st.attrs["speaker_resolution"] = "article-name"
    st.on_behalf_of_id = st.on_behalf_of_name = None
    target = kb.affiliation(eid, st.date) if kb is not None and eid else None
    if target:
        e = kb.get(target)
        st.on_behalf_of_id, st.on_behalf_of_name = target, (e.name if e else target)
