"""A short alias that two people of the knowledge base share and answer to only after their full name
("Wang" of Wang Yi and of Wang Wenbin: the family name comes first) is the one the article names in full
(extract/entities.py ``_entity_of_alias``; kb/people.yaml ``only_with_full_name``). Our own sentences."""
from __future__ import annotations

import pytest

from garante.pipeline import analyse_text

SAID = ("Beijing, 3 March 2023. {role} {name} said on Monday that China supports a ceasefire in Ukraine. "
        "\"All parties should return to the talks,\" Wang said.")


@pytest.mark.parametrize("role,name", [("Chinese foreign ministry spokesman", "Wang Wenbin"),
                                       ("Chinese Foreign Minister", "Wang Yi")])
def test_the_family_name_alone_is_the_wang_the_article_named(role, name):
    statements = analyse_text(SAID.format(role=role, name=name)).statements
    assert [(s.speaker_name, s.on_behalf_of_name) for s in statements] == [(name, "China"), (name, "China")]


def test_the_family_name_alone_with_no_full_name_is_nobody_known():
    doc = analyse_text("Beijing, 3 March 2023. \"All parties should return to the talks,\" Wang said.")
    assert all(s.speaker_entity_id not in ("wang-yi", "wang-wenbin") for s in doc.statements)


def test_a_quoted_name_beside_a_cue_is_not_a_statement_of_the_name():
    # a headline quoting a name next to a verb of the lexicon: the name neither speaks nor is said
    doc = analyse_text("Downing Street, Starmer lancia la \"coalizione dei volenterosi\" per garantire la pace in "
                       "Ucraina\nIl premier britannico Keir Starmer ha annunciato domenica a Londra che il Regno Unito "
                       "è pronto a guidare una \"coalizione dei volenterosi\" per difendere la pace in Ucraina.")
    assert [s.speaker_name for s in doc.statements] == ["Keir Starmer"]
    assert all(not s.content.strip('"').startswith("coalizione") for s in doc.statements)
