"""The knowledge base: validation of data files (file, line, reason), aliases, roles over time."""
from pathlib import Path

import pytest

from garante.cli import main
from garante.kb import KnowledgeBase, Role, fold
from garante.lang import DataFileError


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    f = folder / "extra.yaml"
    f.write_text(text, encoding="utf-8")
    return f


BAD = [
    ("- id: a-person\n  name: A Person\n  roles:\n    - {role: president, of: russia, start: 2025-13-01}\n",
     4, "bad date"),
    ("- id: a-person\n  name: A Person\n  roles:\n    - {role: president, of: russia, start: \"2025-02-30\"}\n",
     4, "no such day"),
    ("- id: a-person\n  name: A Person\n  roles:\n    - {role: envoy, of: russia, start: 2025-05-01, end: 2024-01-01}\n",
     4, "ends (2024-01-01) before it starts"),
    ("- id: a-person\n  name: A Person\n- id: b-person\n  name: B\n- id: a-person\n  name: Again\n",
     5, "duplicate id 'a-person'"),
    ("- id: vladimir-putin\n  name: Another Putin\n", 1, "duplicate id 'vladimir-putin'"),
    ("- id: a-person\n  name: A Person\n  roles:\n    - {role: envoy, of: atlantis, start: 2025-01}\n",
     4, "unknown `of` reference 'atlantis'"),
    ("- id: a-ministry\n  name: A Ministry\n  type: ORG\n  part_of: nowhere\n", 1, "unknown part_of reference"),
    ("- id: a-person\n  aliases: [Nobody]\n", 1, "has no name"),
    ("- id: Bad Id\n  name: X\n", 1, "bad id"),
    ("- id: a-thing\n  name: X\n  type: THING\n", 1, "unknown type 'THING'"),
    ("- id: a-person\n  name: A\n  roles:\n    - {role: envoy, of: russia, start: 2025-01, until: 2026}\n",
     4, "unknown role field"),
    ("- id: a-person\n  name: [unclosed\n", 3, "not valid YAML"),
    ("- id: a-person\n  name: A\n  aliases: Putin\n", 1, "must be a list"),
    ("- id: a-ministry\n  name: A Ministry\n  type: ORG\n  headed_by: {role: minister}\n", 1,
     "`headed_by` of 'a-ministry' must be a role name"),
    ("- id: a-palace\n  name: A Palace\n  type: ORG\n  seat: yes please\n", 1, "`seat` of 'a-palace' must be true"),
]


@pytest.mark.parametrize("text,line,reason", BAD)
def test_bad_files_are_rejected_with_file_line_and_reason(tmp_path, text, line, reason):
    f = write(tmp_path / "kb", text)
    with pytest.raises(DataFileError) as e:
        KnowledgeBase.load([tmp_path / "kb"])
    msg = str(e.value)
    assert msg.startswith(f"{f}:{line}:"), msg
    assert reason in msg


def test_kb_check_command_reports_the_problem(tmp_path, capsys):
    write(tmp_path / "kb", "- id: x-envoy\n  name: X\n  roles:\n    - {role: envoy, of: russia, start: 2026-01-01, end: 2025-06}\n")
    assert main(["kb", "check", "--kb", str(tmp_path / "kb")]) == 2
    err = capsys.readouterr().err
    assert "extra.yaml:4:" in err and "ends (2025-06) before it starts (2026-01-01)" in err
    assert main(["kb", "check"]) == 0
    assert "knowledge base ok" in capsys.readouterr().out


def test_user_folder_extends_and_adds(tmp_path):
    write(tmp_path / "kb", "- id: vladimir-putin\n  extends: true\n  aliases: [Vova]\n"
          "- id: ivan-example\n  name: Ivan Example\n  roles:\n    - {role: arctic_envoy, of: russia, start: 2030-01-01}\n"
          "- id: some-event\n  name: Some Summit\n  type: EVENT\n  date: \"2030-02-02\"\n  place: Geneva\n")
    kb = KnowledgeBase.load([tmp_path / "kb"])
    assert kb.find("Vova").id == "vladimir-putin"
    assert kb.holder("arctic_envoy", "russia", "2030-05-01") == "ivan-example"
    assert kb.get("some-event").data == {"date": "2030-02-02", "place": "Geneva"}


@pytest.mark.parametrize("name,eid", [
    ("Dmitry Peskov", "dmitry-peskov"), ("Dmitri Peskov", "dmitry-peskov"), ("Dmitrij Peskov", "dmitry-peskov"),
    ("Sergey Lavrov", "sergey-lavrov"), ("Serghei Lavrov", "sergey-lavrov"), ("Sergei Lavrov", "sergey-lavrov"),
    ("Sergej Lavrov", "sergey-lavrov"), ("Zelensky", "volodymyr-zelensky"), ("Zelenskyy", "volodymyr-zelensky"),
    ("Zelenskiy", "volodymyr-zelensky"), ("Zelenski", "volodymyr-zelensky"), ("Wolodymyr Selenskyj", "volodymyr-zelensky"),
    ("Kim Jong Un", "kim-jong-un"), ("Cremlino", "kremlin"), ("Stati Uniti", "united-states"),
    ("Corea del Nord", "north-korea"), ("Odessa", "odesa"), ("Ginevra", "geneva"), ("RIA Novosti", "ria-novosti"),
])
def test_aliases_and_transliterations(kb, name, eid):
    assert kb.find(name).id == eid


def test_fold_merges_transliteration_variants():
    assert fold("Sergej") == fold("Sergey") == fold("Sergei") and fold("Zelenskyy") == fold("Zelenskiy")


@pytest.mark.parametrize("role,of,date,who", [
    ("president", "united-states", "2022-01-15", "joe-biden"),
    ("president", "united-states", "2025-08-18", "donald-trump"),
    ("president", "united-states", "2019-06", "donald-trump"),
    ("president", "united-states", "2025-01-20", None),  # the handover day: both; ambiguous
    ("foreign_minister", "ukraine", "2024-03-01", "dmytro-kuleba"),
    ("foreign_minister", "ukraine", "2025-03-01", "andrii-sybiha"),
    ("defence_minister", "russia", "2023-06-01", "sergei-shoigu"),
    ("defence_minister", "russia", "2024-09-01", "andrei-belousov"),
    ("chancellor", "germany", "2022-02-27", "olaf-scholz"),
    ("chancellor", "germany", "2025-09-01", "friedrich-merz"),
    ("secretary_general", "nato", "2023-07-11", "jens-stoltenberg"),
    ("secretary_general", "nato", "2025-06-24", "mark-rutte"),
    ("spokesperson", "kremlin", "2025-09-05", "dmitry-peskov"),  # through part_of: the Kremlin is Russia
    ("chair", "nato-military-committee", "2025-08-20", "giuseppe-cavo-dragone"),
    ("chair", "nato-military-committee", "2024-06-01", "rob-bauer"),
    ("supreme_allied_commander_europe", "nato", "2025-08-20", "alexus-grynkewich"),
    ("chairman_joint_chiefs", "united-states", "2025-08-20", "dan-caine"),
    ("prime_minister", "united-kingdom", "2022-10-01", "liz-truss"),
    ("president", "poland", "2025-09-01", "karol-nawrocki"),
])
def test_role_holder_by_date(kb, role, of, date, who):
    assert kb.holder(role, of, date) == who


def test_holder_without_date_is_the_current_one(kb):
    assert kb.holder("president", "russia") == "vladimir-putin"
    assert kb.holder("secretary_general", "nato") == "mark-rutte"


def test_role_dates_at_month_precision():
    r = Role("chair", "nato", start="2025-01", end="2025-06")
    assert r.active("2025-01-01") and r.active("2025-06-30") and r.active("2025")
    assert not r.active("2024-12-31") and not r.active("2025-07-01")


@pytest.mark.parametrize("eid,date,aff", [
    ("dmitry-peskov", "2025-09-05", "russia"),
    ("giuseppe-cavo-dragone", "2025-08-20", "nato"),
    ("giuseppe-cavo-dragone", "2023-03-01", "italy"),
    ("sergey-lavrov", None, "russia"),
    ("kremlin", None, "russia"),
    ("russia-mfa", None, "russia"),
    ("us-senate", None, "united-states"),  # part_of twice
    ("tass", None, "tass"),  # an agency reports, it does not speak for its state
    ("kaja-kallas", "2025-03-01", "eu"),
    ("kaja-kallas", "2023-03-01", "estonia"),
    ("maria-zakharova", "2025-01-01", "russia"),
    ("alexei-navalny", "2021-01-01", None),
    ("istanbul", None, None),
])
def test_affiliation(kb, eid, date, aff):
    assert kb.affiliation(eid, date) == aff


def test_events_file_loads_with_its_own_fields(kb):
    events = [e for e in kb.entities.values() if e.type == "EVENT"]
    assert events and all("date" in e.data for e in events)


def test_shipped_people_are_many_and_dated(kb):
    people = [e for e in kb.entities.values() if e.type == "PER"]
    assert len(people) > 150
    assert sum(1 for p in people if p.roles) > 140


def test_holder_prefers_the_organisation_itself_then_its_organs(kb):
    assert kb.holder_of_any(["president", "commander_in_chief"], "ukrainian-armed-forces", "2025-01-01") == \
        ("oleksandr-syrskyi", "commander_in_chief")
    assert kb.holder("commander_in_chief", "ukraine", "2023-01-01") == "valerii-zaluzhnyi"  # an organ of Ukraine
    assert kb.holder("spokesperson", "russia", "2025-01-01") == "dmitry-peskov"  # Russia's own before its MFA's
    assert kb.holder_of_any([["foreign_minister", "defence_minister"]], "russia", "2025-01-01") == (None, None)


def test_seats_of_power_are_headed_by_an_office(kb):
    assert kb.get("farnesina").data["headed_by"] == "foreign_minister" and kb.get("farnesina").data["seat"] is True
    assert kb.holder_of_any([kb.get("pentagon").data["headed_by"]], "pentagon", "2025-06-01") == \
        ("pete-hegseth", "defence_minister")
    assert kb.holder_of_any([kb.get("quirinale").data["headed_by"]], "quirinale", "2025-06-01")[0] == "sergio-mattarella"
