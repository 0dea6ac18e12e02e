"""Italian patterns of the codebook and the stance lexicon that meant a word in the singular or the plural
("accordi?" for accordo / accordi) matched only the plural: "accordo", "ambizione", "consegna", "utile" named
nothing. Our own sentences, the stance rules alone (``classify``)."""
from __future__ import annotations

import pytest

from helpers import issue_stances


@pytest.mark.parametrize("text,issue,side", [
    ("l'accordo di Istanbul resta la base di ogni negoziato", "istanbul_framework", "support"),
    ("un'ambizione di adesione che Mosca respinge", "ukraine_nato_membership", "oppose"),
    ("non credo che una tregua sia utile adesso", "ceasefire", "oppose"),
    ("serve un accordo di sicurezza collettiva che includa anche Mosca", "collective_security_with_russia", "support"),
])
def test_the_singular_names_the_issue_as_the_plural_does(text, issue, side):
    assert issue_stances(text, "it").get(issue) == side
