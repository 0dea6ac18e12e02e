"""Ending or lifting what an issue proposes ("stop sending weapons", "sanctions must be lifted", "le forniture
di armi devono cessare"): oppose; negated ("must not stop"): support. Sentences of our own writing. Before
this rule "must" and "deve" read these as support."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook
from garante.extract.stances import classify


def stances(text, lang):
    return {s.issue: (s.stance, s.rule) for s in classify(text, None, lang, Codebook.load())}


@pytest.mark.parametrize("lang,text,issue,side", [
    # a verb of ending just before the issue's cue
    ("en", "We call on Washington to halt arms shipments to Kyiv", "military_aid_to_ukraine", "oppose"),
    ("en", "Europe should stop sanctioning Russia", "sanctions_on_russia", "oppose"),
    ("it", "bisogna fermare l'invio di armi a Kiev", "military_aid_to_ukraine", "oppose"),
    ("it", "basta con le sanzioni alla Russia", "sanctions_on_russia", "oppose"),
    # the predicate of which the issue's cue is the subject
    ("en", "the flow of weapons to Kyiv must stop", "military_aid_to_ukraine", "oppose"),
    ("en", "China called for sanctions on Russia to be lifted", "sanctions_on_russia", "oppose"),
    ("it", "l'invio di armi all'Ucraina deve cessare", "military_aid_to_ukraine", "oppose"),
    ("it", "le sanzioni contro la Russia devono finire", "sanctions_on_russia", "oppose"),
    # negated: kept going
    ("en", "Arms deliveries to Ukraine must not stop", "military_aid_to_ukraine", "support"),
    ("it", "le sanzioni non devono essere revocate", "sanctions_on_russia", "support"),
])
def test_ending_the_issue_opposes_it_and_a_negated_ending_supports_it(lang, text, issue, side):
    got = stances(text, lang)
    assert got[issue][0] == side and got[issue][1].startswith("ending"), got


@pytest.mark.parametrize("lang,text,issue,side", [
    # an end of something else, far from the cue
    ("en", "At the end of the meeting, the leaders agreed new sanctions on Russia", "sanctions_on_russia", "support"),
    # the speaker's own aim suspended in a bargain is not an end to the issue
    ("en", "Ukraine will suspend its ambition of joining NATO in return for Western security guarantees",
     "ukraine_nato_membership", "support"),
    # weapons sent to stop something: the verb after the cue is no predicate of it
    ("en", "Britain will send more weapons to Kyiv to halt the Russian advance", "military_aid_to_ukraine", "support"),
])
def test_an_ending_word_said_of_something_else_takes_no_side_against_the_issue(lang, text, issue, side):
    got = stances(text, lang)
    assert got[issue][0] == side and not got[issue][1].startswith("ending"), got
