"""Features of one attribution candidate (a parsed frame the language does not keep by default: an
object, an infinitive, an oblique, a noun, "secondo"/"according to", a weak cue), for the learned scorer
(``scorer.py``). Named, sparse, all 1.0: which frame, which lists name the cue, what the source is,
what the content looks like, how the cue stands in its clause."""
from __future__ import annotations

from .frames import ParsedFrame
from .lexicon import AttributionLexicon
from .sources import Source

LISTS = ("speech", "cognition", "xcomp", "objects", "obliques", "nouns", "adjectives", "open_source",
         "broad_verbs", "broad_nouns")
QUOTES = "“”«»\""


def candidate_features(frame: ParsedFrame, content: str, kind: str, source: Source,
                       lex: AttributionLexicon, lang: str, doc=None) -> dict[str, float]:
    cue = frame.cue
    names = ["bias", f"lang={lang}", f"frame={frame.frame}", f"frame={frame.frame}|lang={lang}",
             f"lemma={lang}:{frame.lemma}", f"kind={kind}", f"src_kind={source.kind}",
             f"src_res={source.resolution}", f"src_linked={source.entity_id is not None}",
             f"cue_dep={cue.dep.split(':')[0]}", f"cue_form={cue.feat('VerbForm') or cue.pos}",
             f"cue_tense={cue.feat('Tense')}", f"weak={frame.weak}", f"len={_bucket(len(content.split()))}",
             f"content_after={frame.content[0].i > cue.i if frame.content else False}",
             f"quotes={any(q in content for q in QUOTES)}"]
    names += [f"list={name}" for name in LISTS if frame.lemma in getattr(lex, name)]
    names += [f"frame={frame.frame}|src_kind={source.kind}", f"frame={frame.frame}|kind={kind}"]
    if doc is not None:
        names += _shape(doc, frame, lang)
    return {n: 1.0 for n in names}


NEGATION = {"not", "no", "never", "non", "mai", "né", "nor", "n't"}


def _shape(doc, frame: ParsedFrame, lang: str) -> list[str]:
    """The sixteenth session's features (all "x_"): the content's head (its lemma, part of speech, whether a
    finite verb or a negation is in it), the cue's frame with its lemma, a manner adverb on the cue ("ha
    ribadito fermamente", "firmly rejected"), where the source stands, and where the sentence stands in the
    document (a title or lead, or the body)."""
    cue, tokens = frame.cue, frame.content
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.is_root or t.head not in inside]
    head = heads[0] if heads else None
    out = [f"x_lf={lang}:{frame.lemma}|{frame.frame}", f"x_unlisted={frame.unlisted}",
           f"x_fin={any(t.feat('VerbForm') == 'Fin' for t in tokens)}",
           f"x_neg={any(t.text.lower() in NEGATION for t in tokens)}",
           f"x_sent={_bucket_sent(cue.sent)}"]
    if head is not None:
        out += [f"x_head={lang}:{head.lemma.lower()}", f"x_headpos={head.pos}",
                f"x_headpos={head.pos}|frame={frame.frame}"]
    if any(c.dep == "advmod" and c.text.lower().endswith(("mente", "ly")) for c in doc.children(cue)):
        out.append("x_manner")
    src = frame.source
    if src is not None:
        gap = abs(src.i - cue.i)
        out += [f"x_src_pos={src.pos}", f"x_src_before={src.i < cue.i}",
                f"x_src_gap={'1' if gap < 2 else '2-4' if gap < 5 else '5-9' if gap < 10 else '10+'}"]
    else:
        out.append("x_src_none")
    return out


def _bucket_sent(n: int) -> str:
    return "0" if n == 0 else "1-2" if n < 3 else "3-9" if n < 10 else "10+"


def _bucket(n: int) -> str:
    return "1-3" if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"
