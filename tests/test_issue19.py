"""Wordings that name an issue without the words the earlier cues knew (issue 13, nineteenth session): the truce
as an end to the fighting or the hostilities, the 2022 Istanbul agreements by place and year, Washington's
guarantees with words between and Washington sending peacekeepers, military and financial aid named together,
Moscow a party to the security framework, stopping the enlargement, the Italian calque of tariffs. And what must
not take them: a plan merely backed by Washington, the EU's enlargement, political forces that "apparently" want
something, economic or energy security guarantees. Sentences of our own writing, in the way news reports them."""
from __future__ import annotations

import pytest

from helpers import issue_stances as stances


# (language, content, issue, expected stance or None where only the issue is checked)
CASES = [
    # the truce in other words
    ("it", "chiediamo una cessazione immediata dei combattimenti su tutto il fronte", "ceasefire", "support"),
    ("it", "Mosca è pronta a porre fine alle ostilità se Kiev accetta le condizioni", "ceasefire", None),
    ("it", "il congelamento del conflitto lungo la linea attuale sarebbe un errore", "ceasefire", None),
    ("en", "both armies should cease fighting before the talks begin", "ceasefire", "support"),
    ("en", "Kyiv is ready to stop all battlefield activity for thirty days", "ceasefire", "support"),
    # the 2022 agreements by place and year
    ("en", "Moscow wants the talks to resume on the basis of the Istanbul 2022 agreements", "istanbul_framework", None),
    ("en", "the terms that were reached in Istanbul remain valid for us", "istanbul_framework", None),
    ("it", "l'accordo negoziato in Turchia resta la base per un'intesa", "istanbul_framework", None),
    # Washington's guarantees with words between
    ("it", "Kiev vuole garanzie di sicurezza degli Stati Uniti valide per trent'anni", "us_backstop", "support"),
    ("it", "l'Ucraina chiede garanzie sul modello della Nato dagli Stati Uniti", "us_backstop", None),
    ("en", "we need binding guarantees from all partners, including the United States", "us_backstop", None),
    # Washington the subject of sending peacekeepers: its part, not only foreign troops
    ("en", "Washington will not send peacekeepers to Ukraine after the deal", "us_backstop", "oppose"),
    ("it", "gli Stati Uniti non invieranno forze di pace in Ucraina", "us_backstop", "oppose"),
    # missiles and aid named together
    ("en", "Bratislava will not provide military or financial assistance to Kyiv", "military_aid_to_ukraine", "oppose"),
    # Moscow's part and say
    ("en", "Moscow must be a party to any security arrangement in Europe", "collective_security_with_russia", "support"),
    ("en", "a security order with the participation of Russia must come first", "collective_security_with_russia", None),
    # the enlargement stopped, the tariffs
    ("en", "the Kremlin wants a treaty on stopping enlargement for good", "nato_eastward_expansion", None),
    ("it", "imporremo tariffe secondarie a chi compra il greggio di Mosca", "sanctions_on_russia", "support"),
]


@pytest.mark.parametrize("lang,text,issue,stance", CASES)
def test_everyday_wording_names_issue(lang, text, issue, stance):
    got = stances(text, lang)
    assert issue in got, (text, got)
    if stance is not None:
        assert got[issue] == stance, (text, got)


# wordings near the new cues that name no such issue
NOT = [
    ("en", "the minister presented a US-backed peace plan to the parliament", "us_backstop"),
    ("en", "the summit agreed to halt EU enlargement talks with two candidates", "nato_eastward_expansion"),
    # political forces that "apparently" want something are no troops arriving
    ("it", "ci sono forze che apparentemente vogliono far fallire i colloqui", "foreign_troops_in_ukraine"),
    # a security qualified as economic or energy security is no military guarantee
    ("it", "l'ingresso nel mercato unico è una garanzia di sicurezza economica per Kiev", "western_security_guarantees"),
    ("en", "the pipeline deal gives Europe energy security guarantees for a decade", "western_security_guarantees"),
    ("it", "le garanzie di qualità dei prodotti americani non sono in discussione", "us_backstop"),
]


@pytest.mark.parametrize("lang,text,issue", NOT)
def test_near_wording_takes_no_issue(lang, text, issue):
    assert issue not in stances(text, lang), text
