"""A non-restrictive relative clause closing a reported noun phrase is the writer's aside, not part of what the
source is reported to do (supplements.cut_supplements; twenty-sixth session). PolNeAR's reading of every
attribution only (attribution_frames: all)."""
from garante.ingest import Capture


def _statements(pipeline, text):
    doc = pipeline.analyse_capture(Capture(source="t.txt", raw=text, format="text"))
    return [(st.speaker_name or "", st.content, st.rule) for st in doc.statements]


def test_object_ends_before_a_which_clause(every):
    out = _statements(every, "The union leaders praised the new pension rules, which the council passed in a late "
                             "session on Monday.")
    contents = [c for _, c, _ in out]
    assert "the new pension rules" in contents
    assert not any("late session" in c for c in contents)


def test_object_ends_before_a_who_clause(every):
    out = _statements(every, "Several farmers criticized the regional minister, who has refused to visit the "
                             "flooded valleys since April.")
    assert any(c == "the regional minister" for _, c, _ in out)


def test_restrictive_relative_stays(every):
    out = _statements(every, "Several farmers criticized the officials who refused to visit the flooded valleys.")
    assert any(c.endswith("refused to visit the flooded valleys") for _, c, _ in out)


def test_reported_clause_keeps_its_relative(every):
    # a clause's own supplement is as often the source's words: left whole
    out = _statements(every, "The engineer said the old bridge needed new cables, which would cost the city "
                             "two million dollars.")
    assert any(c.endswith("two million dollars") for _, c, _ in out)


def test_quoted_supplement_is_the_speakers(every):
    out = _statements(every, "The residents thanked the fire crews, who “never stopped working” through the night.")
    assert any(c.startswith("the fire crews, who") for _, c, _ in out)


def test_default_frames_leave_contents_whole(news):
    out = _statements(news, "The governor said the road would reopen in May, which pleased the truck drivers.")
    assert any(c.endswith("pleased the truck drivers") for _, c, _ in out)


def test_light_verb_with_a_misread_lemma(every):
    # the model lemmatises "expressed" as "expresse": the light verb is still found
    out = _statements(every, "The senator expressed concern that the new tariffs could raise food prices.")
    assert any(r == "parse-light" and c.endswith("could raise food prices") and "senator" in s.lower()
               for s, c, r in out)


def test_light_frame_before_the_object_frame(every):
    out = _statements(every, "Democrats have voiced fears that the new rules could keep poor voters away.")
    assert any(r == "parse-light" and c.endswith("keep poor voters away") for _, c, r in out)
    assert not any(c.startswith("fears") for _, c, _ in out)


def test_light_verb_object_without_that_clause_stays(every):
    out = _statements(every, "The foreign minister has voiced his government's conditions for ending the strike.")
    assert any(c.endswith("conditions for ending the strike") for _, c, _ in out)


def test_according_after_a_whole_clause_reports_the_clause(every):
    out = _statements(every, "Wheat prices would rise by nearly 20 percent, according to the farm bureau, more than "
                             "twice what it forecast for corn.")
    assert any(c == "Wheat prices would rise by nearly 20 percent" for _, c, _ in out)
    assert not any(c.startswith("more than twice") for _, c, _ in out)


def test_according_tail_after_a_named_source(every):
    out = _statements(every, "Exports fell by 4 percent last year, according to an estimate by Anna Berg, a former "
                            "trade official who now teaches in Oslo.")
    assert any(c == "Exports fell by 4 percent last year" for _, c, _ in out)


def test_according_inside_the_clause_keeps_the_sentence(news):
    out = _statements(news, "The fishing quotas, according to Anna Berg, will be cut by a third next spring.")
    assert any("will be cut by a third" in c and c.startswith("The fishing quotas") for _, c, _ in out)


def test_according_before_the_verbs_complement(every):
    out = _statements(every, "The mayor said, according to two aides, that the stadium plan would be dropped.")
    assert not any(c == "The mayor said" for _, c, _ in out)
