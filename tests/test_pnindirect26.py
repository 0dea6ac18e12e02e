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
