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
                       lex: AttributionLexicon, lang: str) -> dict[str, float]:
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
    return {n: 1.0 for n in names}


def _bucket(n: int) -> str:
    return "1-3" if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"
