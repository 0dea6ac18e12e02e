"""Wordings that name an issue without the words the earlier cues knew (issue 13, eighteenth session): aid named
by its destination or its kind (a weapon named alone stays out), Washington's part in the guarantees, foreign
troops, firm guarantees, Moscow's say, NATO, the truce and the sanctions in other words, ceding land and a leaders'
meeting in everyday words. Sentences of our own writing, in the way news reports them; each must take its issue
(a required issue names its subject)."""
from __future__ import annotations

import pytest

from helpers import issue_stances as stances


# (language, content, issue, expected stance or None where only the issue is checked)
CASES = [
    # military aid
    ("en", "Congress must pass the new aid package for Kyiv without delay", "military_aid_to_ukraine", "support"),
    ("en", "the supply of Western weapons only prolongs the war", "military_aid_to_ukraine", None),
    ("en", "our partners must strengthen Ukrainian air defence this winter", "military_aid_to_ukraine", "support"),
    ("en", "we back continued support for the Ukrainian armed forces", "military_aid_to_ukraine", "support"),
    ("it", "dobbiamo intensificare gli aiuti a Kiev in questa fase", "military_aid_to_ukraine", "support"),
    ("it", "gli aiuti economici e militari all'Ucraina non si fermeranno", "military_aid_to_ukraine", None),
    ("en", "the partners pledged more interceptors and joined the drone coalition", "military_aid_to_ukraine", "support"),
    ("it", "la difesa aerea resta la priorità: i partner mandino nuove batterie", "military_aid_to_ukraine", "support"),
    # Washington's part
    ("en", "the allies agreed on a US-led monitoring of the truce", "us_backstop", None),
    ("en", "Washington could give the European force air cover from bases outside the country", "us_backstop", None),
    ("it", "l'Europa dovrà farsi carico della parte del leone, ha detto il vicepresidente", "us_backstop", None),
    # troops, guarantees, Moscow's say, NATO, the truce and the sanctions in other words
    ("en", "a multinational military force would patrol the skies and the coast", "foreign_troops_in_ukraine", None),
    ("en", "the allies will invite Ukraine to join once the war is over", "ukraine_nato_membership", "support"),
    ("en", "the creeping expansion of the bloc is a threat to our country", "nato_eastward_expansion", "oppose"),
    ("it", "serve un contingente di pace di almeno trentamila uomini", "foreign_troops_in_ukraine", None),
    ("en", "Kyiv wants Article Five protection written into law", "western_security_guarantees", None),
    ("it", "firmeremo con Kiev un accordo bilaterale di sicurezza della durata di dieci anni", "western_security_guarantees", None),
    ("en", "Moscow must be part of any talks on the future of the continent", "collective_security_with_russia", None),
    ("en", "we call for a common, comprehensive, cooperative and sustainable security for all", "collective_security_with_russia", None),
    ("it", "la Russia non accetterà di essere esclusa dalle discussioni", "collective_security_with_russia", None),
    ("it", "non permetteremo l'espansione del blocco verso i confini", "nato_eastward_expansion", "oppose"),
    ("en", "we want the guns to fall silent before any talks", "ceasefire", None),
    ("it", "chiediamo che tacciano le armi da subito", "ceasefire", "support"),
    ("en", "the new bill will target Putin's customers in Asia", "sanctions_on_russia", None),
    ("it", "bisogna colpire chi compra petrolio russo", "sanctions_on_russia", None),
    # ceding land
    ("en", "Kyiv will never relinquish the territory it still holds", "territorial_withdrawal", "oppose"),
    ("en", "Moscow wants the whole of Donetsk before any deal", "territorial_withdrawal", None),
    ("en", "we will never agree to leave Donbas", "territorial_withdrawal", "oppose"),
    ("it", "non lasceremo mai il Donbass agli invasori", "territorial_withdrawal", "oppose"),
    ("it", "Kiev non riconoscerà la Crimea russa", "territorial_withdrawal", "oppose"),
    # a leaders' meeting
    ("en", "I am ready to sit across from him at any table", "leaders_summit", "support"),
    ("en", "he proposed a face-to-face meeting next month", "leaders_summit", None),
    ("en", "a meeting between Putin and Zelenskyy is possible only at the end", "leaders_summit", None),
    ("it", "la questione va risolta a livello dei leader", "leaders_summit", None),
]


@pytest.mark.parametrize("lang,text,issue,stance", CASES)
def test_issue_named(lang, text, issue, stance):
    got = stances(text, lang)
    assert issue in got, got
    if stance is not None:
        assert got[issue] == stance, got


# wordings left out as ambiguous: a bare "forces", a counterpart, an aid of no named kind
NOT = [
    ("en", "the forces of nature are hard to predict", "foreign_troops_in_ukraine"),
    ("en", "the minister met his Slovak counterpart on Tuesday", "leaders_summit"),
    ("it", "il governo stanzia aiuti alle famiglie colpite dall'alluvione", "military_aid_to_ukraine"),
]


@pytest.mark.parametrize("lang,text,issue", NOT)
def test_issue_not_named(lang, text, issue):
    assert issue not in stances(text, lang)
