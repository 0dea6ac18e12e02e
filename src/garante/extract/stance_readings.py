"""Whose support means another issue: the codebook's ``support_by`` readings, applied to each stance.

An issue's proposition can name who acts: "Western states should give Ukraine firm security guarantees".
When Moscow says it is "ready to sign security guarantees" or "should be one of the guarantors", its words
name that issue's cue, but what it supports is guarantees it takes part in, a security arrangement
negotiated with Russia. The codebook says so as data (``support_by: [{actors: [russia, …], reads_as:
collective_security_with_russia}]``); this step, after the stance step, moves a support stance of a statement
made by or for one of those actors to the issue it reads as (dropped where the statement already has that
issue). The stance keeps its rule and evidence; ``attrs['read_from']`` names the issue its cue named.
Opposition, conditions and neutrality stay: Moscow rejecting Western guarantees is a stance on them.

``opposed_by: [russia, …]`` names the actors who speak of an issue only against it (the sanctions on Russia,
NATO's expansion, arms and troops for Kyiv): where the rules read their statement as support only weakly
(the issue named with no side, a generic word of support, the reporting clause's), the side is opposition
(``attrs['opposed_by']``). A side the content spells out stays.
"""
from __future__ import annotations

from ..document import Document


class StanceReadings:
    name = "stance_readings"

    def __call__(self, doc: Document, ctx) -> None:
        readings, opposed = ctx.codebook.support_readings, ctx.codebook.opposed_by
        if not readings and not opposed:
            return
        for st in doc.statements:
            actors = {st.on_behalf_of_id, st.speaker_entity_id} - {None}
            if actors and st.stances:
                st.stances = read(oppose_weak(st.stances, actors, opposed), actors, readings)


# the rules whose support says only that the issue was named, or that something was welcomed
WEAK_SUPPORT = frozenset({"named", "support", "frame-support"})


def oppose_weak(stances: list, actors: set[str], opposed: dict) -> list:
    """The stances of one statement made by or for ``actors``, a weakly read support of an issue those
    actors oppose turned to opposition."""
    for s in stances:
        if s.stance == "support" and s.rule in WEAK_SUPPORT and opposed.get(s.issue, frozenset()) & actors:
            s.stance = "oppose"
            s.attrs["opposed_by"] = sorted(opposed[s.issue] & actors)
    return stances


def read(stances: list, actors: set[str], readings: dict) -> list:
    """The stances of one statement made by or for ``actors``, each support moved to the issue it reads as."""
    have = {s.issue for s in stances}
    out = []
    for s in stances:
        target = next((issue for who, issue in readings.get(s.issue, ()) if who & actors), None)
        if s.stance != "support" or target is None:
            out.append(s)
            continue
        if target in have:
            continue  # the statement takes that issue already: one stance per issue
        s.attrs["read_from"] = s.issue
        s.issue = target
        have.add(target)
        out.append(s)
    return out
