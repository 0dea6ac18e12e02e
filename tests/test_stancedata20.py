"""The word lists that the stance rules read on the parse (negators, restrictors, contrast words, disjunctions,
predicative prepositions) are language data: ``data/lang/<code>/stance.yaml``, one list per language, read once
through ``stance_syntax.words``. A word a user adds to one language's file changes what the rules do in that
language, and in no other. Sentences of our own, the rules alone (no learned model), the real parser."""
from __future__ import annotations

import shutil

import pytest
import yaml

from garante import lang as langdata
from garante.extract import stance_syntax, stances
from garante.extract.attribution.lexicon import attribution_lexicon

from helpers import rule_stances as stances_of


def _clear() -> None:
    for cached in (langdata.resources, stance_syntax.words, stance_syntax._plain_negators, stances.lexicon,
                   stances.harm_stems, stances.refusal_lemmas):
        cached.cache_clear()


@pytest.fixture
def add_words(monkeypatch, tmp_path):
    """``add(code, key, *words)``: the language data read from a copy in which ``words`` are added to the list
    ``key`` of ``<code>/stance.yaml``."""
    copy = tmp_path / "lang"
    shutil.copytree(langdata.LANG_DIR, copy)
    monkeypatch.setattr(langdata, "LANG_DIR", copy)
    _clear()

    def add(code: str, key: str, *words: str) -> None:
        path = copy / code / "stance.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data[key] = list(data.get(key) or []) + list(words)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        _clear()

    yield add
    _clear()  # the next reader loads the real files again


HARDLY = "The Kremlin's envoy said on Monday that Moscow is hardly seeking a ceasefire with Kyiv."
EXCLUSIVELY = "The Kremlin's envoy said on Monday that Moscow is not exclusively seeking a ceasefire with Kyiv."


def test_the_lists_are_per_language():
    assert {"not", "never"} <= stance_syntax.words("en", "negator_words")
    assert "non" not in stance_syntax.words("en", "negator_words")
    assert {"non", "mai"} <= stance_syntax.words("it", "negator_words")
    assert "not" not in stance_syntax.words("it", "negator_words")
    assert "ma" in stance_syntax.words("it", "contrast_words") and "ma" not in stance_syntax.words("en", "contrast_words")
    assert stance_syntax.words("en", "restrictors") and stance_syntax.words("it", "disjunctions")
    # "no" describes as often as it refuses: a negator, not a plain one
    assert "no" in stance_syntax.words("en", "negator_words") and "no" not in stance_syntax._plain_negators("en")
    # a language with no stance file reads English's lists
    assert stance_syntax.words("de", "negator_words") == stance_syntax.words("en", "negator_words")


def test_the_expletive_of_the_hedge_frame_is_data():
    assert attribution_lexicon("en").expletives == frozenset({"it"})
    assert not attribution_lexicon("it").expletives


def test_a_negator_added_to_the_language_negates_a_word_of_support(add_words):
    assert stances_of(HARDLY).get("ceasefire", ("", ""))[1] != "negated-support"
    add_words("en", "negator_words", "hardly")
    assert stances_of(HARDLY)["ceasefire"] == ("oppose", "negated-support")


def test_a_word_added_to_another_language_changes_nothing_here(add_words):
    before = stances_of(HARDLY)
    add_words("it", "negator_words", "hardly")
    assert stances_of(HARDLY) == before


def test_a_restrictor_added_to_the_language_keeps_the_negator_from_negating(add_words):
    assert stances_of(EXCLUSIVELY)["ceasefire"] == ("oppose", "negated-support")
    add_words("en", "restrictors", "exclusively")
    assert stances_of(EXCLUSIVELY).get("ceasefire", ("", ""))[1] != "negated-support"


def _reaches(code: str, key: str, text: str) -> bool:
    return any(p.search(text) for p in stances.lexicon(code)[key])


def test_the_articles_after_a_framing_word_are_per_language():
    assert _reaches("en", "without", "a truce without the ") and _reaches("it", "without", "una tregua senza l'")
    assert _reaches("it", "without", "una tregua senza alcuna ")
    assert not _reaches("en", "without", "a truce without una ")  # an Italian article is no English one


def test_an_article_added_to_the_language_lets_a_framing_word_reach_the_issue(add_words):
    assert not _reaches("en", "without", "a deal without some ")
    add_words("en", "articles", "some")
    assert _reaches("en", "without", "a deal without some ")
    assert not _reaches("it", "without", "un accordo senza some ")


def test_possessives_and_complements_are_per_language():
    en, it = stances.lexicon("en"), stances.lexicon("it")
    assert any(p.search("suspend its ambition") for p in en["possessive"])
    assert not any(p.search("sospendere la sua ambizione") for p in en["possessive"])
    assert any(p.search("sospendere la sua ambizione") for p in it["possessive"])
    assert any(p.match(" that Kyiv", 0) for p in en["complement"])
    assert not any(p.match(" che Kiev", 0) for p in en["complement"])
    assert any(p.match(" che Kiev", 0) for p in it["complement"])
