"""Which guarantee (issue 13, twenty-first session): Moscow a party to the talks on the guarantees (its say, its
voice, its veto, talks held with it, guarantees of its own) is a security order negotiated with Russia; Moscow
asking for guarantees from Washington is that too, not a US backstop for Kyiv. And what must not take them: Moscow's
part in other talks, a vote in an election, a war that involves Russia, Europe alone giving the guarantees.
Sentences of our own writing."""
from __future__ import annotations

import pytest

from garante.codebook import Codebook

from helpers import issue_stances as stances
from helpers import speaker_stances as _stances

CSR, WSG, USB = "collective_security_with_russia", "western_security_guarantees", "us_backstop"


# (language, content, issue, expected stance)
CASES = [
    # Moscow's say over the guarantees, granted or denied
    ("en", "Moscow must have a voice in any talks on guarantees for Kyiv", CSR, "support"),
    ("en", "The Kremlin has no say over the security guarantees the allies will give Kyiv", CSR, "oppose"),
    ("en", "Russia should get a seat at the table where European security is decided", CSR, "support"),
    ("it", "Mosca non avrà alcun diritto di veto sulle garanzie per Kiev", CSR, "oppose"),
    ("it", "la Russia deve avere voce in capitolo sulla sicurezza del continente", CSR, "support"),
    # talks held with Moscow on the guarantees, Moscow involved, guarantees of its own
    ("en", "the allies should negotiate with Moscow about guarantees that bind both sides", CSR, "support"),
    ("en", "any settlement must directly involve Russia", CSR, "support"),
    ("en", "Russia will demand its own binding security guarantees before any deal", CSR, "support"),
    ("it", "l'Europa dovrebbe trattare con Mosca sulle garanzie per tutti i paesi della regione", CSR, "support"),
    ("it", "bisogna coinvolgere anche la Russia nel negoziato sulla sicurezza europea", CSR, "support"),
]


@pytest.mark.parametrize("lang,text,issue,stance", CASES)
def test_guarantee_is_told_by_its_parties(lang, text, issue, stance):
    got = stances(text, lang)
    assert got.get(issue) == stance, (text, got)


# near the new cues, and naming no such issue
NOT = [
    ("en", "Russia played a key role in the talks on the prisoner exchange", CSR),
    ("en", "the war involving Russia has dragged on for years", CSR),
    ("it", "i russi hanno il diritto di votare alle elezioni presidenziali", CSR),
    # Europe alone: no backstop
    ("it", "l'Europa darà a Kiev solide garanzie di sicurezza", USB),
    ("en", "Europe must provide robust security guarantees to Kyiv", USB),
]


@pytest.mark.parametrize("lang,text,issue", NOT)
def test_other_parties_do_not_name_it(lang, text, issue):
    got = stances(text, lang)
    assert issue not in got, (text, got)


def test_moscow_asking_washington_for_guarantees_is_a_settlement_with_russia():
    got = _stances("Mosca, 10 dicembre 2021 - Il ministro degli Esteri russo Sergej Lavrov ha detto che la Russia "
                   "vuole garanzie di sicurezza dagli Stati Uniti.", "Sergey Lavrov")
    assert got.get(CSR, ("",))[0] == "support" and USB not in got, got


def test_kyiv_asking_washington_for_guarantees_stays_a_us_backstop():
    got = _stances("Kyiv, 10 December 2025 - Ukrainian President Volodymyr Zelensky said that Ukraine wants "
                   "security guarantees from the United States.", "Volodymyr Zelensky")
    assert got.get(USB) == ("support", None) and CSR not in got, got


def test_washington_supporting_the_guarantees_supports_its_own_part_in_them():
    got = _stances("Washington, 10 December 2025 - US Secretary of State Marco Rubio said that Ukraine must receive "
                   "robust security guarantees after the war.", "Marco Rubio")
    assert got.get(WSG, ("",))[0] == "support" and got.get(USB, ("",))[0] == "support", got


def test_europe_supporting_the_guarantees_names_no_backstop():
    got = _stances("Paris, 10 December 2025 - French President Emmanuel Macron said that Ukraine must receive "
                   "robust security guarantees after the war.", "Emmanuel Macron")
    assert got.get(WSG, ("",))[0] == "support" and USB not in got, got


def test_also_by_adds_support_only_and_once():
    from garante.document import Stance
    from garante.extract.stance_readings import also_read
    also = Codebook.load().also_readings
    got = also_read([Stance(WSG, "support", rule="support")], {"united-states"}, also)
    assert [(s.issue, s.stance) for s in got] == [(WSG, "support"), (USB, "support")]
    assert got[1].attrs.get("also_from") == WSG
    doubt = also_read([Stance(WSG, "oppose", rule="negation")], {"united-states"}, also)
    assert [s.issue for s in doubt] == [WSG]
    both = also_read([Stance(WSG, "support"), Stance(USB, "oppose")], {"united-states"}, also)
    assert [(s.issue, s.stance) for s in both] == [(WSG, "support"), (USB, "oppose")]
    assert [s.issue for s in also_read([Stance(WSG, "support")], {"france"}, also)] == [WSG]
