"""News leads (24th session, leadins): a dateline whose place is written in title case ("Paris, France – ",
"Kiev – ", "Roma, 18 mag. (askanews) – ") is a unit of its own, as one in capitals is, so that its place is
neither the subject the parse gives the reporting verb nor part of what was said; and a long office title
before a name ("Deputy Prime Minister and Minister of …", "il vicepremier e ministro degli Esteri …") ends where
the name begins: the person named after it speaks, not the office."""
import pytest

from garante.extract.sentences import dateline_end, split
from garante.pipeline import analyse_text


def said(text: str) -> list[tuple[str, str]]:
    doc = analyse_text(text + "\n\nThe negotiations resume next week.")
    return [(s.speaker_name, doc.text[s.content_start:s.content_end]) for s in doc.statements]


@pytest.mark.parametrize("lead, end", [
    ("Paris, France – The minister", len("Paris, France – ")),
    ("Kiev – Durante la notte", len("Kiev – ")),
    ("Roma, 18 mag. (askanews) – La proposta", len("Roma, 18 mag. (askanews) – ")),
    ("New York, March 3 (AP) — The envoy", len("New York, March 3 (AP) — ")),
    ("KYIV, March 3 (Reuters) - Ukraine", len("KYIV, March 3 (Reuters) - ")),
    ("MOSCA, 12 MAR - La Russia", len("MOSCA, 12 MAR - ")),
])
def test_dateline_forms_end_before_the_first_sentence(lead, end):
    assert dateline_end(lead) == end


@pytest.mark.parametrize("text", [
    "Ukraine-Russia talks resumed on Monday.",
    "The war – he said – will end.",
    "Donald Tusk – “We will not send troops,” he said.",
    "Zelensky: Putin - not Kyiv - started the war.",
])
def test_no_dateline_where_none_opens_the_text(text):
    assert dateline_end(text) == 0


def test_title_case_dateline_is_a_sentence_of_its_own():
    body = "Vienna, Austria – The Austrian chancellor said the summit would go ahead."
    first, second = split(body, "en", dateline=True)[:2]
    assert first == (0, len("Vienna, Austria –")) and body[second[0]:].startswith("The Austrian chancellor")


def test_title_case_dateline_place_is_not_the_speaker():
    got = said("Paris, France – French Foreign Minister Jean-Noël Barrot affirmed that Europe is preparing a "
               "reassurance force for Ukraine.")
    assert ("Jean-Noël Barrot", "Europe is preparing a reassurance force for Ukraine") in got
    assert not any(name in ("France", "Paris") for name, _ in got)


def test_italian_agency_dateline_stays_out_of_the_content():
    got = said("Roma, 4 mar. (askanews) – La Germania non invierà truppe in Ucraina prima di una tregua, ha "
               "dichiarato il cancelliere Friedrich Merz.")
    assert ("Friedrich Merz", "La Germania non invierà truppe in Ucraina prima di una tregua") in got


def test_english_dateline_then_trailing_tag_with_long_title():
    got = said("KYIV, March 3 (Reuters) - Ukraine will never accept a frozen front line, said Ukraine's Deputy "
               "Prime Minister and Minister of Digital Transformation Mykhailo Fedorov.")
    assert got == [("Mykhailo Fedorov", "Ukraine will never accept a frozen front line")]


def test_long_title_without_possessive_before_the_name():
    got = said("Drones will decide the next phase of the war, said Deputy Prime Minister and Minister of Digital "
               "Transformation Mykhailo Fedorov.")
    assert [name for name, _ in got] == ["Mykhailo Fedorov"]


def test_italian_ministry_name_of_several_capitalised_words_before_the_name():
    got = said("L'Italia sostiene Kiev, ha detto il Ministro degli Affari Esteri e della Cooperazione "
               "Internazionale Antonio Tajani.")
    assert [name for name, _ in got] == ["Antonio Tajani"]


def test_italian_two_offices_joined_by_e_before_the_name():
    doc = analyse_text("MOSCA, 12 MAR - Il Cremlino non vuole truppe europee, ha detto il vicepremier e ministro "
                       "degli Esteri Antonio Tajani.\n\nI colloqui proseguono.")
    assert [s.speaker_name for s in doc.statements] == ["Antonio Tajani"]
    # the first office is no other person's role mention ("il vicepremier" is no one else)
    assert {m.attrs.get("entity_id") for m in doc.layer("mention") if m.label == "PER"} == {"antonio-tajani"}


@pytest.mark.parametrize("text", [
    "The spokesman of President Vladimir Putin said Moscow was ready for talks.",
    "Russia is ready for talks, the spokesman of President Vladimir Putin said.",
    "Il portavoce del presidente Vladimir Putin ha detto che Mosca è pronta a trattare.",
])
def test_another_persons_office_after_of_is_not_a_continued_title(text):
    got = said(text)
    assert got and "Vladimir Putin" not in [name for name, _ in got]


def test_a_name_right_after_and_is_another_person():
    doc = analyse_text("The defence minister and Olaf Scholz met in Berlin on Monday.\n\nTalks went on.")
    mentions = [(doc.text[m.start:m.end], m.attrs.get("entity_id")) for m in doc.layer("mention")
                if m.label == "PER"]
    assert ("Olaf Scholz", "olaf-scholz") in mentions
    assert not any(text == "defence minister" and eid == "olaf-scholz" for text, eid in mentions)



@pytest.mark.parametrize("text, content", [
    ("Moscow rejects this entirely, Lavrov said following talks in Vienna.", "Moscow rejects this entirely"),
    ("The alliance wants a say over security across the continent, while Moscow rejects this, Sergey Lavrov said "
     "following talks with the OSCE Chairman-in-Office.", "The alliance wants a say over security across the continent"),
    ("Kyiv will not give up the Donbas, Andriy Yermak said ahead of the talks in Geneva.",
     "Kyiv will not give up the Donbas"),
])
def test_lead_ends_with_its_tag_and_an_adjunct_of_time(text, content):
    got = said(text)
    assert len(got) == 1 and got[0][1].startswith(content)


def test_following_after_the_cue_then_a_that_clause():
    got = said("Sergey Lavrov said following the talks that Moscow would not back down.")
    assert got == [("Sergey Lavrov", "Moscow would not back down")]
