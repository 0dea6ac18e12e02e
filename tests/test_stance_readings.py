"""The codebook's support_by readings (extract/stance_readings.py): Moscow supporting "security
guarantees" supports guarantees it takes part in, a settlement negotiated with Russia; the West's
support, and Moscow's opposition, stay on the Western guarantees. Sentences of our own, whole pipeline."""
from __future__ import annotations

from garante.codebook import Codebook
from garante.document import Stance
from garante.extract.stance_readings import read

from helpers import speaker_stances as _stances

WSG, CSR = "western_security_guarantees", "collective_security_with_russia"


def test_moscow_ready_to_give_guarantees_supports_a_settlement_with_russia():
    got = _stances("Mosca, 3 aprile 2025 - Il ministro degli Esteri russo Sergej Lavrov ha detto che la Russia è "
                   "pronta a dare all'Ucraina solide garanzie di sicurezza.", "Sergey Lavrov")
    assert got.get(CSR) == ("support", WSG) and WSG not in got


def test_the_west_offering_guarantees_and_moscow_rejecting_them_stay_on_the_western_guarantees():
    got = _stances("Paris, 3 April 2025 - French President Emmanuel Macron said that Europe will give Ukraine "
                   "robust security guarantees.", "Emmanuel Macron")
    assert got.get(WSG) == ("support", None) and CSR not in got
    got = _stances("Moscow, 3 April 2025 - Kremlin spokesman Dmitry Peskov said that Russia rejects the robust "
                   "security guarantees the Europeans are preparing for Ukraine.", "Dmitry Peskov")
    assert got.get(WSG, ("",))[0] == "oppose" and CSR not in got


def test_a_statement_that_takes_the_issue_already_keeps_one_stance_on_it():
    readings = Codebook.load().support_readings
    both = [Stance(WSG, "support", rule="support"), Stance(CSR, "support", rule="named")]
    assert [(s.issue, s.rule) for s in read(both, {"russia"}, readings)] == [(CSR, "named")]
    west = [Stance(WSG, "support", rule="support")]
    assert [(s.issue, s.stance) for s in read(west, {"france"}, readings)] == [(WSG, "support")]
