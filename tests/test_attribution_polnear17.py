"""English reported speech as PolNeAR annotates it (issue 12), seventeenth session: a quotation that goes on
after its tag is linked to the one before it (``attrs['continues']``) only within one paragraph; a quotation
in a paragraph of its own is a statement that stands alone, as PolNeAR and the corpus guide mark it.
Sentences written for these tests."""
from __future__ import annotations

from helpers import en_statements as _statements


def test_a_quote_that_goes_on_in_its_paragraph_continues_the_one_before():
    sts = _statements("Defence Minister Anna Berg spoke to reporters in Oslo on Monday.\n\n"
                      "“We will not send troops this year,” she said. “The budget does not allow it and our "
                      "partners know that.”\n\nThe opposition criticised the decision.")
    first = next(i for i, s in enumerate(sts) if s.content.startswith("We will not send"))
    then = next(s for s in sts if s.content.startswith("The budget does not"))
    assert then.speaker_name == sts[first].speaker_name == "Anna Berg"
    assert then.attrs.get("continues") == first


def test_a_quote_in_a_paragraph_of_its_own_is_not_linked_to_the_one_before():
    sts = _statements("Defence Minister Anna Berg spoke to reporters in Oslo on Monday.\n\n"
                      "“We will not send troops this year,” she said.\n\n"
                      "“The budget does not allow it and our partners know that.”\n\n"
                      "The opposition criticised the decision.")
    then = next(s for s in sts if s.content.startswith("The budget does not"))
    assert then.speaker_name == "Anna Berg"  # (still hers: only the link to the quote before is gone)
    assert then.attrs.get("continues") is None
