"""Codebooks as data: the default codebook, user codebooks and their validation, the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from garante.cli import main
from garante.codebook import Codebook, check
from garante.extract.stances import classify
from garante.lang import DataFileError

GOLD_ISSUES = {
    "foreign_troops_in_ukraine", "western_security_guarantees", "us_backstop", "ukraine_nato_membership",
    "nato_eastward_expansion", "ukraine_neutrality", "istanbul_framework", "territorial_withdrawal", "ceasefire",
    "sanctions_on_russia", "military_aid_to_ukraine", "collective_security_with_russia", "leaders_summit",
}


def test_default_codebook_has_the_annotation_issues_with_descriptions_and_examples():
    book = Codebook.load()
    assert set(book.issues) == GOLD_ISSUES
    for issue in book.issues.values():
        assert issue.proposition and issue.description, issue.id
        assert {e["lang"] for e in issue.examples} >= {"it", "en"}, issue.id
        assert issue.data["cues"]["it"] and issue.data["cues"]["en"], issue.id


def test_every_example_of_the_default_codebook_gets_its_stance():
    book = Codebook.load()
    wrong = []
    for issue in book.issues.values():
        for ex in issue.examples:
            got = {s.issue: s.stance for s in classify(ex["text"], lang=ex["lang"], codebook=book)}
            if got.get(issue.id) != ex["stance"]:
                wrong.append((issue.id, ex["text"], got))
    assert wrong == []


def test_named_frameworks_are_linked_to_the_issues_they_touch():
    book = Codebook.load()
    fw = book.frameworks
    for key in ("istanbul_2022", "russia_draft_treaties_2021", "russia_conditions_june_2024",
                "coalition_of_the_willing_plan", "alaska_understandings"):
        assert key in fw and fw[key].touches and fw[key].date, key
        assert set(fw[key].touches) <= set(book.issues)
    assert fw["russia_conditions_june_2024"].implies == {"territorial_withdrawal": "support",
                                                         "ukraine_nato_membership": "oppose"}
    assert fw["istanbul_2022"].issue == "istanbul_framework"
    # a framework that only touches issues (its content is not public) implies no stance
    assert classify("Lavrov said the Anchorage understandings remain valid", lang="en") == []
    got = {s.issue: s.stance for s in classify("Moscow insists on its draft treaties of December 2021",
                                               lang="en")}
    assert got == {"nato_eastward_expansion": "oppose", "ukraine_nato_membership": "oppose",
                   "collective_security_with_russia": "support"}


def write(tmp_path: Path, text: str, name: str = "book.yaml") -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


GOOD = """name: Gaza ceasefire
issues:
  - id: hostage_release
    proposition: All hostages should be released as part of the deal.
    description: Release of the hostages held in Gaza.
    cues:
      en: ['(?:release|freeing) of (?:the |all )?hostages']
      it: ['(?:rilascio|liberazione) (?:degli |di tutti gli )?ostaggi']
    examples:
      - {lang: en, stance: support, text: "Washington demands the release of all hostages."}
frameworks:
  - id: gaza_plan_20_points
    name: 20-point plan for Gaza
    aliases:
      en: ['20-point plan']
    implies: {hostage_release: support}
"""


def test_user_codebook_adds_issues_and_frameworks(tmp_path):
    book = Codebook.load([write(tmp_path, GOOD)])
    assert "hostage_release" in book.issues and "foreign_troops_in_ukraine" in book.issues
    got = {s.issue: s.stance for s in classify("Israel said it supports the 20-point plan", lang="en",
                                               codebook=book)}
    assert got == {"hostage_release": "support"}
    assert check([tmp_path / "book.yaml"]) == []


@pytest.mark.parametrize("text,line,reason", [
    ("issues:\n  - id: Bad Id\n    proposition: x\n    cues: {en: ['x']}\n", 2, "lower_snake_case"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['(unclosed']}\n", 4, "unclosed"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']}\n  - id: b\n    proposition: y\n", 5,
     "no cue patterns"),
    ("issues:\n  - id: a\n    proposition: x\n    cue: {en: ['x']}\n", 2, "unknown key 'cue'"),
    ("issues:\n  - id: a\n    cues: {en: ['x']}\n", 2, "no proposition"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x?']}\n", 4, "matches the empty string"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: 'x'}\n", 4, "list of regular expressions"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']}\n    examples:\n      - {lang: en, stance: maybe, text: t}\n",
     6, "stance in"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']}\n  - id: a\n    proposition: y\n    cues: {en: ['y']}\n",
     5, "defined twice"),
    ("issues: []\nframeworks:\n  - id: f\n    name: F\n    aliases: {en: ['f plan']}\n    implies: {nowhere: support}\n",
     3, "unknown issue 'nowhere'"),
    ("issues: []\nframeworks:\n  - id: f\n    name: F\n    aliases: {en: ['f plan']}\n    implies: {ceasefire: perhaps}\n",
     3, "stance 'perhaps'"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']}\n    support_by: {actors: [russia]}\n", 2,
     "support_by must be a list"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']}\n    support_by:\n      - {actors: [russia], reads_as: nowhere}\n",
     2, "support_by names unknown issue 'nowhere'"),
    ("issues:\n  - id: a\n    proposition: x\n    cues: {en: ['x']\n", 5, "not valid YAML"),
    ("- just\n- a list\n", 1, "a codebook is a mapping"),
])
def test_bad_codebook_is_a_clear_error_naming_file_line_and_reason(tmp_path, text, line, reason):
    f = write(tmp_path, text)
    with pytest.raises(DataFileError) as e:
        Codebook.load([f])
    msg = str(e.value)
    assert f"{f}:{line}:" in msg and reason in msg, msg
    problems = check([f])
    assert problems and any(reason in str(p) for p in problems)


def test_missing_codebook_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        Codebook.load([tmp_path / "nope.yaml"])


def test_cli_codebook_check_and_show(tmp_path, capsys):
    good = write(tmp_path, GOOD)
    assert main(["codebook", "check", str(good)]) == 0
    bad = write(tmp_path, "issues:\n  - id: a\n    proposition: x\n    cues: {en: ['(']}\n", "bad.yaml")
    assert main(["codebook", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:4:" in err and "1 problem" in err
    assert main(["codebook", "show", str(good)]) == 0
    out = capsys.readouterr().out
    assert "hostage_release\tAll hostages" in out and "framework russia_conditions_june_2024" in out
    # a command that loads a bad codebook fails with the file and the reason, not a traceback
    assert main(["codebook", "show", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


def test_codebook_examples_are_not_json_dumped_with_line_markers():
    book = Codebook.load()
    dumped = json.dumps(book.issues["ceasefire"].data)
    assert "__line__" not in dumped


def test_first_char_guard_keeps_every_match():
    """The lookahead that lets the regex engine skip positions never changes what a cue matches."""
    import re

    from garante.codebook import first_char_guard

    def starts(pattern: str) -> str:
        """The characters, of a sample, at which the guard of ``pattern`` lets a match be tried."""
        guard = re.compile(first_char_guard(pattern), re.IGNORECASE)
        return "".join(c for c in "aAeEtTcCxX1 _," if guard.match(c))

    assert starts("(?:espansione|allargamento) della nato") == "aAeE"  # a text without a or e is skipped
    assert starts("(?<=without )(?:america|the us)") == "aAtT"
    assert starts(r"(?:\w+ )?ciao") == "aAeEtTcCxX1_"  # any word character may start it, not a space
    assert first_char_guard("x*") == ""  # may match nothing: no guard
    assert first_char_guard(r"^\W*(?:only )?if\b") == ""  # anchored: tried at one position anyway
    assert first_char_guard("(?i)abc") == ""  # flags at the start may stand nowhere else
    for pattern in ("(?:espansione|allargamento) della nato", r"(?:\w+ )?ciao", r"(?:\d+|some)\s+troops"):
        guarded = re.compile(first_char_guard(pattern) + pattern, re.IGNORECASE)
        plain = re.compile(pattern, re.IGNORECASE)
        sample = "Ciao, bella ciao: 300 TROOPS and some troops; ESPANSIONE DELLA NATO, l'allargamento della Nato."
        assert [m.span() for m in guarded.finditer(sample)] == [m.span() for m in plain.finditer(sample)] != []
    text = ("Without America the guarantees are weaker. L'allargamento della Nato verso est e "
            "l'Espansione della NATO, disse; peacekeepers e peace-keeping; 20,000 troops from some countries.")
    cb = Codebook.load()
    for lang in ("it", "en"):
        for cue in cb.cues(lang):
            src = cue.pattern.pattern
            plain = re.compile(src[src.index("(?<!"):], re.IGNORECASE)
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in cue.pattern.finditer(text)], src


IRAN = Path(__file__).resolve().parents[1] / "src" / "garante" / "data" / "codebooks" / "other" / "iran_nuclear.yaml"


def test_a_second_domain_is_data_only_every_example_of_the_iran_codebook_gets_its_stance():
    assert check([IRAN]) == []
    book = Codebook.from_files([IRAN])
    assert set(book.issues) == {"iran_enrichment", "iran_sanctions_relief", "iaea_inspections", "snapback_sanctions"}
    wrong = []
    for issue in book.issues.values():
        assert {e["lang"] for e in issue.examples} >= {"en"}, issue.id
        for ex in issue.examples:
            got = {s.issue: s.stance for s in classify(ex["text"], lang=ex["lang"], codebook=book)}
            if got.get(issue.id) != ex["stance"]:
                wrong.append((issue.id, ex["text"], got))
    assert wrong == []
    # its framework speaks for the provisions it lists, as the Ukraine codebook's do
    got = {s.issue: s.stance for s in classify("Tehran said it supports a return to the JCPOA.", lang="en",
                                               codebook=book)}
    assert got == {"iaea_inspections": "support", "iran_sanctions_relief": "support"}


def test_the_second_codebook_is_not_loaded_by_default():
    assert not set(Codebook.load().issues) & {"iran_enrichment", "snapback_sanctions"}
    both = Codebook.load([IRAN])
    assert {"iran_enrichment", "foreign_troops_in_ukraine"} <= set(both.issues)
