"""Whose support means another issue: the codebook's ``support_by`` readings, applied to each stance.

An issue's proposition can name who acts: "Western states should give Ukraine firm security guarantees".
When Moscow says it is "ready to sign security guarantees" or "should be one of the guarantors", its words
name that issue's cue, but what it supports is guarantees it takes part in, a security arrangement
negotiated with Russia. The codebook says so as data (``support_by: [{actors: [russia, …], reads_as:
collective_security_with_russia}]``); this step, after the stance step, moves a support stance of a statement
made by or for one of those actors to the issue it reads as (dropped where the statement already has that
issue). The stance keeps its rule and evidence; ``attrs['read_from']`` names the issue its cue named.
Opposition, conditions and neutrality stay: Moscow rejecting Western guarantees is a stance on them.

``side_by: [{actors: [russia, …], side: oppose}]`` names the side some actors always take on an issue (Moscow
speaks of the sanctions on Russia, NATO's expansion, arms and troops for Kyiv only against them, of a truce only
on its conditions): where the rules read their statement as support only weakly (the issue named with no
side, a generic word of support, the reporting clause's), the side is that one (``attrs['side_by']``). A side
the content spells out stays.

``also_by: [{actors: [united-states], adds: us_backstop}]`` names the actors whose side on an issue is a side on
another issue as well: Washington speaking of the security guarantees for Kyiv speaks of its own part in them.
The statement keeps its support and supports the other issue too (``attrs['also_from']``), unless it takes that
issue already; other sides stay on the issue named (Washington doubting the guarantees is no side on its part).
"""
from __future__ import annotations

from ..document import Document, Stance


class StanceReadings:
    name = "stance_readings"

    def __call__(self, doc: Document, ctx) -> None:
        readings, sides = ctx.codebook.support_readings, ctx.codebook.weak_sides
        also = ctx.codebook.also_readings
        if not readings and not sides and not also:
            return
        for st in doc.statements:
            actors = {st.on_behalf_of_id, st.speaker_entity_id} - {None}
            if actors and st.stances:
                st.stances = also_read(read(weak_sides(st.stances, actors, sides), actors, readings), actors, also)


# the rules whose support says only that the issue was named, or that something was welcomed
WEAK_SUPPORT = frozenset({"named", "support", "frame-support"})


def weak_sides(stances: list, actors: set[str], sides: dict) -> list:
    """The stances of one statement made by or for ``actors``, a weakly read support of an issue turned to
    the side the codebook says those actors take on it."""
    for s in stances:
        if s.stance != "support" or s.rule not in WEAK_SUPPORT:
            continue
        who, side = next(((who, side) for who, side in sides.get(s.issue, ()) if who & actors), (None, None))
        if side is not None:
            s.stance = side
            s.attrs["side_by"] = sorted(who & actors)
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


def also_read(stances: list, actors: set[str], also: dict) -> list:
    """The stances of one statement made by or for ``actors``, with support of the issues those actors' support
    of an issue also gives (``also_by``), where the statement does not take them already."""
    have = {s.issue for s in stances}
    out = list(stances)
    for s in stances:
        for who, target in also.get(s.issue, ()):
            if who & actors and target not in have and s.stance == "support":
                out.append(Stance(target, s.stance, s.confidence, s.evidence_start, s.evidence_end, s.component,
                                  s.rule, {**s.attrs, "also_from": s.issue}))
                have.add(target)
    return out
