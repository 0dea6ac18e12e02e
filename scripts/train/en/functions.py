"""Training-time code for the English pipeline (passed to ``spacy train --code``).

Nothing here is needed to load the shipped pipeline: the tokenizer rules and the norm table are saved in
its directory (tokenizer, vocab/lookups.bin), so ``spacy.load(path)`` alone reproduces them.
"""
from __future__ import annotations

import spacy
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

# News punctuation spaCy's English defaults leave attached: single guillemets ‹ ›.
EXTRA_QUOTES = ["‹", "›"]
EXTRA_SUFFIXES = [r"(?<=[‹›])\."]
EXTRA_INFIXES = [
    r"(?<=[A-Za-z]\.)[-–—](?=[A-Za-z])",  # "U.S.-EU": a dash after an abbreviation's period
    r"(?<=[0-9])[–—](?=[0-9])",  # "2022–2023": a number range with an en dash
]
# Hashtags and handles stay one token ("#Ukraine", "@ZelenskyyUa"), as do URLs (spaCy's url_match).
HASHTAG = r"^[#@][^\W_][\w]*(?:_[\w]+)*$"


def customise_news_tokenizer(nlp) -> None:
    tok = nlp.tokenizer
    defaults = nlp.Defaults
    prefixes = [p for p in defaults.prefixes if p != "#"] + [r"#(?!\w)"] + EXTRA_QUOTES
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.suffix_search = compile_suffix_regex(list(defaults.suffixes) + EXTRA_QUOTES + EXTRA_SUFFIXES).search
    tok.infix_finditer = compile_infix_regex(list(defaults.infixes) + EXTRA_INFIXES).finditer
    tok.token_match = compile_infix_regex([HASHTAG]).match


def copy_norms(nlp, source: str) -> None:
    """The norm table the sourced en_core_web_sm layers were trained with (their NORM features hash it)."""
    table = spacy.load(source, exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler",
                                        "lemmatizer", "ner"]).vocab.lookups.get_table("lexeme_norm")
    if nlp.vocab.lookups.has_table("lexeme_norm"):
        nlp.vocab.lookups.remove_table("lexeme_norm")
    nlp.vocab.lookups.add_table("lexeme_norm", dict(table.items()))


def restore_tree_labels(nlp) -> None:
    """spaCy 3.8's EditTreeLemmatizer.from_disk leaves tree2label empty, so a sourced lemmatizer that goes
    on training maps every gold lemma to label 0 (lemma accuracy falls from 0.95 to 0.76 in 400 steps)."""
    for _, pipe in nlp.components:  # disabled ones too: initialize() runs with sourced pipes disabled
        if hasattr(pipe, "tree2label") and not pipe.tree2label:
            pipe.tree2label.update({tree: label for label, tree in enumerate(pipe.labels)})


@registry.callbacks("garante_en.before_init.v1")
def make_before_init(norms_from: str):
    def before_init(nlp):
        customise_news_tokenizer(nlp)
        copy_norms(nlp, norms_from)
        restore_tree_labels(nlp)
        return nlp
    return before_init
