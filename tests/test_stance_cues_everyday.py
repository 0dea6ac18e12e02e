"""Everyday wordings of NATO membership, of ceding territory, of arms for Ukraine, of economic pressure and of
security negotiated with Russia (issue 13, second round): sentences of our own writing, in the way news
reports them; each names the issue without the words the first cues knew ('part of NATO', 'the alliance's
doors', 'give away its land', 'borders changed by force', 'talks on European security with Moscow')."""
from __future__ import annotations

import pytest

from helpers import issue_stances as stances


# (language, content, expected {issue: stance})
MEMBERSHIP = [
    ("en", "Ukraine will never become part of NATO", {"ukraine_nato_membership": "oppose"}),
    ("en", "Kyiv belongs in the alliance and we will keep saying so", {"ukraine_nato_membership": "support"}),
    ("en", "the alliance's door must stay open to Kyiv", {"ukraine_nato_membership": "support"}),
    ("en", "we support Ukraine's membership of the alliance", {"ukraine_nato_membership": "support"}),
    ("en", "the country will pursue its Euro-Atlantic course", {"ukraine_nato_membership": "support"}),
    ("it", "l'Ucraina non farà mai parte dell'Alleanza atlantica", {"ukraine_nato_membership": "oppose"}),
    ("it", "il posto di Kiev è nella Nato, ne siamo convinti", {"ukraine_nato_membership": "support"}),
    ("it", "sosteniamo il percorso di Kiev verso l'Alleanza", {"ukraine_nato_membership": "support"}),
    ("it", "Mosca respinge l'integrazione euro-atlantica dell'Ucraina", {"ukraine_nato_membership": "oppose"}),
]

TERRITORY = [
    ("en", "Ukraine will not give away its land to anyone", {"territorial_withdrawal": "oppose"}),
    ("en", "borders must never be changed by force in Europe", {"territorial_withdrawal": "oppose"}),
    ("en", "Kyiv has to accept the new territorial realities", {"territorial_withdrawal": "support"}),
    ("en", "Europe will not recognise the annexation of these regions", {"territorial_withdrawal": "oppose"}),
    ("en", "Kyiv must pull its troops out of the rest of Donbas", {"territorial_withdrawal": "support"}),
    ("it", "Kiev non regalerà alcuna città all'invasore", {"territorial_withdrawal": "oppose"}),
    ("it", "i confini non possono essere ridisegnati con la forza", {"territorial_withdrawal": "oppose"}),
    ("it", "l'Ucraina deve ritirare i suoi reparti dal resto del Donbass", {"territorial_withdrawal": "support"}),
    ("it", "non riconosceremo mai l'annessione della Crimea", {"territorial_withdrawal": "oppose"}),
]


@pytest.mark.parametrize("lang,text,expected", MEMBERSHIP + TERRITORY)
def test_everyday_wordings_of_membership_and_territory(lang, text, expected):
    got = stances(text, lang)
    for issue, stance in expected.items():
        assert got.get(issue) == stance, (text, got)


# arms named with their destination, Ukrainian soldiers trained, and the measures of economic pressure by name
AID_AND_SANCTIONS = [
    ("en", "Oslo will send ten more tanks to Kyiv", {"military_aid_to_ukraine": "support"}),
    ("en", "Norway will pay for artillery shells for Ukraine", {"military_aid_to_ukraine": "support"}),
    ("it", "la Spagna manderà altri carri armati a Kiev entro l'estate", {"military_aid_to_ukraine": "support"}),
    ("it", "Madrid continuerà ad addestrare piloti ucraini", {"military_aid_to_ukraine": "support"}),
    ("en", "the EU should ban Russian crude at once", {"sanctions_on_russia": "support"}),
    ("en", "we oppose any use of the frozen Russian assets", {"sanctions_on_russia": "oppose"}),
    ("it", "bisogna abbassare il tetto al prezzo del petrolio russo", {"sanctions_on_russia": "support"}),
    ("it", "l'Ungheria si oppone all'embargo sul gas russo", {"sanctions_on_russia": "oppose"}),
]


# European security negotiated with Moscow, named without 'collective' or 'indivisible'
COLLECTIVE = [
    ("en", "we are ready for talks on European security with Moscow", {"collective_security_with_russia": "support"}),
    ("en", "peace needs a security deal between NATO and Russia", {"collective_security_with_russia": "support"}),
    ("en", "there will be no talks on European security with Moscow while the war goes on",
     {"collective_security_with_russia": "oppose"}),
    ("it", "servono colloqui sulla sicurezza europea con Mosca", {"collective_security_with_russia": "support"}),
    ("it", "la sicurezza si costruisce con la Russia, non contro", {"collective_security_with_russia": "support"}),
    ("it", "vanno affrontate le preoccupazioni di sicurezza di tutte le parti", {"collective_security_with_russia": "support"}),
]


@pytest.mark.parametrize("lang,text,expected", AID_AND_SANCTIONS + COLLECTIVE)
def test_everyday_wordings_of_arms_and_economic_pressure(lang, text, expected):
    assert stances(text, lang) == expected


# the same words said of others, or a place named in passing, are not these issues
NOT_THESE = [
    ("en", "Ukraine's allies in NATO pledged more air defence", "ukraine_nato_membership"),
    ("en", "Ukraine's membership of the European Union is a matter for the member states", "ukraine_nato_membership"),
    ("en", "North Korea sold shells to Russia", "military_aid_to_ukraine"),
    ("en", "Seoul will sell tanks to Poland", "military_aid_to_ukraine"),
    ("it", "la Corea del Nord ha venduto proiettili alla Russia", "military_aid_to_ukraine"),
    ("en", "the minister held talks on energy security with Norway", "collective_security_with_russia"),
]


@pytest.mark.parametrize("lang,text,issue", NOT_THESE)
def test_the_same_words_said_of_others_are_not_the_issue(lang, text, issue):
    assert issue not in stances(text, lang)


def test_russian_troops_leaving_is_the_opposite_of_kyiv_ceding():
    # the corpus guide: "Putin must fully retreat from our territory" -> territorial_withdrawal oppose (twenty-first
    # session, second round: Italian inverted cues for Russia's own forces leaving; was: no issue at all)
    assert stances("le truppe russe devono lasciare i territori occupati, ha detto Kiev", "it") == \
        {"territorial_withdrawal": "oppose"}
    # the same in English (twenty-eighth session: English inverted cues as the Italian ones; this sentence was
    # asserted "not the issue" before the twenty-first session's reading of the guide)
    assert stances("Russian troops must leave the occupied regions of Ukraine", "en") == \
        {"territorial_withdrawal": "oppose"}
