"""A definite group description that names no side of its own ("the leaders said") stands for the one state or
organisation named in the phrase of the same noun earlier in the article ("Leaders of the Group of Seven …");
a phrase naming two sides gives none. And the language data's word lists hold each word once (a duplicate is
a sign of two hands editing one list without reading it). Sentences of our own, the real pipeline."""
from __future__ import annotations

import collections
import pathlib

import yaml

from garante import lang as langdata

from helpers import en_statements


def _behalf(text: str, speaker: str) -> str | None:
    st = next(s for s in en_statements(text) if s.speaker_name == speaker)
    return st.on_behalf_of_id


def test_the_leaders_speak_for_the_body_their_noun_named_before():
    text = ("Leaders of the Group of Seven met in Rome on Tuesday to discuss aid to Ukraine.\n\n"
            "\u201cWe will stand by Ukraine for as long as it takes,\u201d the leaders said in a joint statement.")
    assert _behalf(text, "the leaders") == "g7"


def test_ministers_speak_for_the_union_named_with_them_earlier():
    text = ("The foreign ministers of the European Union gathered in Brussels on Monday.\n\n"
            "The ministers said that new sanctions on Russia would be agreed within weeks.")
    assert _behalf(text, "The ministers") == "eu"


def test_two_sides_named_before_give_the_group_no_side():
    text = ("Leaders of France and Germany met in Paris on Tuesday to discuss aid to Ukraine.\n\n"
            "\u201cWe will stand by Ukraine for as long as it takes,\u201d the leaders said in a joint statement.")
    assert _behalf(text, "the leaders") is None


def test_an_indefinite_group_is_not_the_group_named_before():
    text = ("Leaders of the Group of Seven met in Rome on Tuesday to discuss aid to Ukraine.\n\n"
            "Some leaders said that the aid would come too late for the spring.")
    sts = [s for s in en_statements(text) if "too late" in s.content]
    assert sts and all(s.on_behalf_of_id != "g7" for s in sts)


def _string_lists(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _string_lists(value, (*path, str(key)))
    elif isinstance(node, list):
        if node and all(isinstance(x, str) for x in node):
            yield path, node
        else:
            for i, value in enumerate(node):
                yield from _string_lists(value, (*path, str(i)))


def test_language_word_lists_hold_each_word_once():
    files = sorted(pathlib.Path(langdata.LANG_DIR).glob("*/*.yaml"))
    assert len(files) > 10
    duplicated = []
    for f in files:
        for path, words in _string_lists(yaml.safe_load(f.read_text(encoding="utf-8"))):
            extra = [w for w, n in collections.Counter(words).items() if n > 1]
            if extra:
                duplicated.append(f"{f.parent.name}/{f.name}:{'/'.join(path)} {extra}")
    assert duplicated == []


def test_plural_ministers_are_not_the_one_minister_named_before():
    text = ("Il ministro della Difesa danese ha incontrato ieri a Roma i colleghi europei.\n\n"
            "I ministri hanno detto che l'Ucraina avrà bisogno di garanzie di sicurezza solide.")
    from garante.pipeline import analyse_text
    from conftest import LEAD_IT
    st = next(s for s in analyse_text(LEAD_IT + text).statements if "garanzie" in s.content)
    assert st.on_behalf_of_id != "denmark"
