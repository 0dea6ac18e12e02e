"""The time layer's event scan: every matcher tried only where the text holds a string of each of its
required sets, all event names found in one pass; the same hits as running every matcher."""
from __future__ import annotations

import re
from datetime import date

from garante.extract import pattern_anchors as pa
from garante.extract.time import infer


def _event(pattern: str, ident: str = "x:ev") -> infer.Event:
    return infer.Event(ident, date(2024, 7, 9), date(2024, 7, 11), [re.compile(pattern, re.I)])


def _plain(text, events):
    return [(ev, starts) for ev in events
            if any(starts := [[h.start() for h in p.finditer(text)] for p in ev.matchers])]


def _hits(text, events):
    infer._LAST_HITS = (None, None, None)
    return infer._event_hits(text, events)


def test_required_gives_every_word_of_a_name_and_each_group_of_options():
    sets = pa.required(r"(?<!\w)summit\s+of\s+(?:Lisbon|Porto)(?!\w)")
    assert set(sets) == {frozenset({"summit"}), frozenset({"of"}), frozenset({"lisbon", "porto"})}
    # an optional group and a group with a one-letter option require nothing
    assert pa.required(r"talks(?:\s+in\s+Oslo)?") == (frozenset({"talks"}),)
    assert pa.required(r"x|y") is None


def test_a_name_gated_by_all_its_words_is_found_where_the_text_has_them_all():
    ev = _event(r"(?<!\w)summit\s+of\s+Lisbon(?!\w)")
    assert _hits("The leaders left the Summit of  LISBON late on Tuesday.", [ev])
    # "lisbon" alone, once enough to try the matcher, is no longer: no hit either way
    assert not _hits("The leaders met in Lisbon after a summit in Oslo.", [ev])
    assert _hits("Il summit of Lisbon, said the minister.", [ev])[0][1] == [[3]]


def test_a_pattern_shared_by_two_events_hits_for_both():
    a = _event(r"White\s+House[^.;]{0,40}Zelensky", "x:a")
    b = _event(r"White\s+House[^.;]{0,40}Zelensky", "x:b")
    text = "At the White House on Friday, Zelensky spoke for an hour."
    got = _hits(text, [a, b])
    assert [ev.id for ev, _ in got] == ["x:a", "x:b"] and got == _plain(text, [a, b])


def test_scan_equals_running_every_matcher_on_own_sentences():
    from garante.pipeline import Context
    events = infer._events(Context().kb)
    texts = ["Il vertice NATO di Washington si è chiuso ieri con una dichiarazione comune.",
             "Talks in Istanbul resumed on Monday, three years after the first round.",
             "Zelensky arrived at the White House with European leaders this afternoon.",
             "La Casa Bianca non ha commentato; Zelensky ha parlato con i leader europei.",
             "Nothing here names a meeting, a summit or a town."]
    named = 0
    for text in texts:
        got = _hits(text, events)
        assert got == _plain(text, events), text
        named += bool(got)
    assert named >= 2
