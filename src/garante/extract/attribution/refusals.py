"""Objects of refusal kept in a language that leaves the parse's object frames to the scorer (Italian): "il governo
ha escluso l'invio di truppe", "il ministro ha respinto la proposta di …", "il portavoce ha respinto le accuse".
The rules read these acts where the knowledge base names the subject (statements.yaml act_verbs); for a subject
only a description names, the object frame is the one reading, and the scorer, trained on objects of every verb,
leaves it out. A closed list of verbs (attribution.yaml ``kept_object_verbs``) keeps it where what is refused is
no harm ("ha respinto un attacco", stance.yaml ``harm``) and no people ("ha respinto i manifestanti")."""
from __future__ import annotations

from .frames import ParsedFrame
from .lexicon import AttributionLexicon
from .sources import Source, speaker_noun


def kept_refusal(doc, frame: ParsedFrame, source: Source | None, lex: AttributionLexicon) -> bool:
    """Whether an object frame of a refusal verb with a described speaker is kept without the scorer."""
    if frame.frame != "object" or frame.lemma not in lex.kept_object_verbs or source is None \
            or source.resolution != "description" or frame.source is None or not speaker_noun(frame.source, lex):
        return False
    obj = next((t for t in frame.content if t.head == frame.cue.i and t.dep in ("obj", "dobj")), None)
    return obj is not None and not _harm_or_people(obj, lex)


def _harm_or_people(obj, lex: AttributionLexicon) -> bool:
    """An object that names an attack or people: refused by force, not a position."""
    lemma = obj.lemma.lower()
    return any(lemma.startswith(stem) for stem in lex.harm_stems) or speaker_noun(obj, lex)
