"""Indirect questions are no statements (issue 12): "Asked whether he would travel to Moscow, X said …",
"When asked if Berlin would send troops, X said …": what follows the bare participle of a verb of asking and
a word that opens a question is what a journalist wanted to know, not what the speaker holds. A request
("asked for guarantees", "chiede che Kiev ceda", "asked NATO to withdraw") stays. The verbs and the words
are language data (``question_verbs``, ``interrogatives`` in ``data/lang/<code>/attribution.yaml``)."""
from __future__ import annotations

import re

from ...document import Document
from ...nlp.layer import doc_language
from .lexicon import attribution_lexicon

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def drop_indirect_questions(doc: Document) -> None:
    lex = attribution_lexicon(doc_language(doc) or None)
    if lex is None or not lex.question_verbs or not lex.interrogatives or not doc.tokens or not doc.statements:
        return
    verbs, opens = lex.question_verbs, lex.interrogatives
    keep = [not (_indirect_question(doc, st, verbs, opens) or _asked_by_others(doc, st, verbs)
                 or _question_put_to_someone(doc, st, verbs)) for st in doc.statements]
    doc.keep_statements(keep)


def _indirect_question(doc: Document, st, verbs: frozenset[str], opens: frozenset[str]) -> bool:
    if st.cue_end is None or st.kind == "direct":
        return False
    cue = doc.token_at(st.cue_end - 1)
    if cue is None or (cue.lemma or "").lower() not in verbs or not _asked_of_the_speaker(doc, cue):
        return False
    if st.content_start < st.cue_end <= st.content_end:  # the cue read inside its own content ("Asked whether …")
        after = _WORD.findall(doc.text[st.cue_end:st.cue_end + 20])[:1]
        return bool(after) and after[0].lower() in opens
    if st.cue_end > st.content_start:
        return False
    between = _WORD.findall(doc.text[st.cue_end:st.content_start])
    first = _WORD.findall(doc.text[st.content_start:st.content_start + 20])[:1]
    word = between[-1] if between else (first[0] if first else "")
    return word.lower() in opens


def _asked_of_the_speaker(doc: Document, cue) -> bool:
    """The bare participle of "Asked whether …, X said": the speaker was asked, the question is someone
    else's. "X asked whether …" (a finite verb with its own subject) may be X's own point, and stays."""
    if cue.feat("VerbForm") != "Part" and not cue.dep.startswith("advcl"):  # (a sentence's first "Asked" may
        return False  # be parsed finite, but it hangs on the main verb)
    return not any(t.head == cue.i and t.i != cue.i and t.dep in ("aux", "aux:pass", "nsubj", "nsubj:pass")
                   for t in doc.tokens[max(0, cue.i - 6):cue.i])


def _asked_by_others(doc: Document, st, verbs: frozenset[str]) -> bool:
    """"X told reporters, who asked about …, that …": a verb of asking whose subject is a relative pronoun
    after a comma, the relative standing for someone other than the speaker (the reporters): what they
    asked is no statement of his."""
    if st.cue_end is None or st.speaker_start is None:
        return False
    cue = doc.token_at(st.cue_end - 1)
    if cue is None or (cue.lemma or "").lower() not in verbs:
        return False
    rel = next((t for t in doc.children(cue) if t.dep.startswith("nsubj") and t.i < cue.i
                and (t.feat("PronType") == "Rel" or t.pos == "PRON" and t.i > 0 and doc.tokens[t.i - 1].text == ",")), None)
    if rel is None or rel.i < 2 or doc.tokens[rel.i - 1].text != ",":
        return False
    antecedent = doc.tokens[rel.i - 2]
    return not st.speaker_start <= antecedent.start < st.speaker_end


def _question_put_to_someone(doc: Document, st, verbs: frozenset[str]) -> bool:
    """"“Would you sign such a treaty?” the interviewer asked", "«Siete pronti a firmare?», ha chiesto X": a
    quotation that ends in "?", tagged by a verb of asking and addressed to its listener (a word in the second
    person), is a question put to someone, not a position (an interviewer's question). A question of the
    speaker's own that addresses nobody ("“Who would trust Moscow's word?” X asked") stays."""
    if not doc.text[st.content_start:st.content_end + 2].rstrip(" ,”»\"’'").endswith("?"):
        return False
    if _asking_lemma(doc, st) not in verbs:
        return False
    return any(t.feat("Person") == "2" for t in doc.tokens_in(st.content_start, st.content_end))


def _asking_lemma(doc: Document, st) -> str:
    """The lemma of the statement's cue; for a quotation with no cue of its own, that of the first verb of the
    tag right after it ("“…?” X asked")."""
    if st.cue_end is not None:
        cue = doc.token_at(st.cue_end - 1)
        return ((st.attrs or {}).get("cue_lemma") or (cue.lemma if cue is not None else "") or "").lower()
    end = doc.text.find("\n", st.content_end)
    after = doc.tokens_in(st.content_end, end if end >= 0 else len(doc.text))[:8]
    verb = next((t for t in after if t.pos in ("VERB", "AUX") or t.text in ".!?"), None)
    return (verb.lemma or "").lower() if verb is not None and verb.pos == "VERB" else ""
