"""Acts whose content is no clause: the prepositional complement a verb selects ("accused X [of lying]",
"called [for a ceasefire]", "called on [Congress to act]", "warned [against escalation]"), the
complement of an attitude noun a light verb carries ("expressed concern [about the plan]", "made the case
[for sanctions]", "showed support [for Kyiv]") and the subject of a passive act whose agent is named
("[The nominee] was endorsed by the paper"), what a naming verb calls its object ("called [the plan a
hoax]", "described [the talks as productive]") and the complement of an attitude adjective ("X is opposed
[to sending troops]", "was critical [of the deal]"). The lemmas are data: ``preposition_verbs``,
``attitude_nouns``, ``light_verbs``, ``passive_act_verbs``, ``naming_verbs`` and ``attitude_adjectives``
of ``data/lang/<code>/attribution.yaml``.

These frames are acts and positions more than speech: they are made where every frame is asked for
(``Context(options={"attribution_frames": "all"})``) or where a language lists them in ``frames``."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ... import lang as langdata
from ...document import Document
from ...nlp.layer import doc_language
from .frames import ParsedFrame, source_of, subtree, trim

ACT_FRAMES = ("preposition", "attitude", "passive", "naming", "stance", "position")
COMPLEMENT = ("obl", "advcl", "nmod", "obl:arg", "ccomp")  # where a parse hangs "of lying", "for X"
FOLLOWER = ("xcomp", "advcl", "acl")  # "called on people [to protest]": the infinitive after the complement


@dataclass(frozen=True)
class ActLexicon:
    prepositions: dict  # verb lemma -> frozenset of the prepositions whose complement is its content
    attitude_nouns: dict  # noun lemma -> frozenset of prepositions ("concern": about, over, for …)
    light_verbs: frozenset
    passive_verbs: frozenset  # acts whose passive subject is the content ("was endorsed by X")
    naming_verbs: frozenset  # "called X a hoax", "described X as …"
    adjectives: dict  # adjective lemma -> prepositions opening its content ("opposed": to …)
    wording: dict  # noun lemma -> prepositions of "in his words", "by his account"
    position_verbs: frozenset = frozenset()  # "endorsed Cruz", "backs Clinton": a short object is the content
    own_wording: dict = field(default_factory=dict)  # noun lemma -> prepositions of "in the poll, …" (its own source)
    depicting: dict = field(default_factory=dict)  # verb lemma -> prepositions of "showed X [with a lead]"
    frames: frozenset = frozenset(ACT_FRAMES + ("according",))  # the frames this module makes


def _table(data: dict, key: str) -> dict:
    return {str(k).lower(): frozenset(str(p).lower() for p in v) for k, v in (data.get(key) or {}).items()}


@lru_cache(maxsize=None)
def act_lexicon(code: str) -> ActLexicon | None:
    data = langdata.topic(code, "attribution") if code else None
    if not data or not data.get("preposition_verbs"):
        return None
    return ActLexicon(_table(data, "preposition_verbs"), _table(data, "attitude_nouns"),
                      _set(data, "light_verbs"),
                      _set(data, "passive_act_verbs"), _set(data, "naming_verbs"), _table(data, "attitude_adjectives"),
                      _table(data, "wording_nouns"), _set(data, "position_verbs"), _table(data, "own_wording_nouns"),
                      _table(data, "depicting_verbs"))


def _set(data: dict, key: str) -> frozenset:
    return frozenset(str(x).lower() for x in data.get(key) or [])


def act_frame(doc: Document, cue, lemma: str, kept: frozenset = frozenset(),
              every: bool = False) -> ParsedFrame | None:
    """The act frame of a verb, adjective or noun token, or None; ``kept``: the frames asked for (empty:
    all of them); ``every``: the reading of every attribution (PolNeAR's), where a side taken is one too
    ("endorsed Cruz": ``_position``), not only the frames a scorer weighs for news."""
    if cue.pos not in ("VERB", "ADJ", "NOUN"):
        return None
    acts = act_lexicon(doc_language(doc))
    if acts is None:
        return None
    frame = _frame(doc, cue, lemma, acts, every) if not kept or not kept.isdisjoint(acts.frames) else None
    if frame is None and every and not kept and lemma in acts.position_verbs and cue.pos == "VERB":
        frame = _position(doc, cue)
    return frame if frame is not None and (not kept or frame.frame in kept) else None


def _frame(doc: Document, cue, lemma: str, acts: ActLexicon, every: bool = False) -> ParsedFrame | None:
    if cue.pos == "NOUN":
        if lemma in acts.own_wording and every:  # (a poll's figures: PolNeAR's reading, not news statements)
            return _wording(doc, cue, acts.own_wording[lemma], own=True)
        return _wording(doc, cue, acts.wording[lemma]) if lemma in acts.wording else None
    if cue.pos == "ADJ":
        key = lemma if lemma in acts.adjectives else cue.text.lower()  # ("opposed" read as the verb's lemma)
        return _stance(doc, cue, acts.adjectives[key]) if key in acts.adjectives else None
    if lemma in acts.prepositions:
        frame = _preposition(doc, cue, acts.prepositions[lemma])
        if frame is not None:
            return frame
    if lemma in acts.light_verbs:
        frame = _attitude(doc, cue, acts)
        if frame is not None:
            return frame
    if lemma in acts.naming_verbs:
        frame = _naming(doc, cue)
        if frame is not None:
            return frame
    if lemma in acts.depicting and every:
        frame = _depiction(doc, cue, acts.depicting[lemma])
        if frame is not None:
            return frame
    if lemma in acts.passive_verbs:
        return _passive(doc, cue)
    return None


def _marker(doc: Document, tok, preps: frozenset):
    """The preposition or complementizer opening ``tok``'s phrase, if it is one of ``preps``."""
    return next((m for m in doc.children(tok) if m.dep in ("case", "mark") and m.i < tok.i
                 and m.text.lower() in preps), None)


def _preposition(doc: Document, cue, preps: frozenset) -> ParsedFrame | None:
    """"accused Holt [of being a Democrat]", "called [for more investment]", "called on [people to
    protest]" (the particle the parse may hang on the verb: "call on [their help]")."""
    particle = next((c for c in doc.children(cue) if c.dep == "compound:prt" and c.text.lower() in preps), None)
    if particle is not None:
        obj = next((c for c in doc.children(cue) if c.dep in ("obj", "dobj") and c.i > particle.i), None)
        if obj is not None:
            return ParsedFrame(cue, "preposition", _with_follower(doc, cue, subtree(doc, obj)), source_of(doc, cue))
    objects = [c for c in doc.children(cue) if c.dep in ("obj", "dobj")]
    for head in [cue] + objects:
        for c in doc.children(head):
            if c.i < cue.i or c.dep not in COMPLEMENT:
                continue
            marker = _marker(doc, c, preps)
            if marker is None or _temporal(doc, c):
                continue  # ("called on Friday for an inquiry": a date is no complement)
            content = [t for t in subtree(doc, c) if t.i != marker.i]
            return ParsedFrame(cue, "preposition", _with_follower(doc, cue, content), source_of(doc, cue))
    return None


def _temporal(doc: Document, tok) -> bool:
    return any(x.start <= tok.start < x.end for x in doc.layer("timex"))


def _with_follower(doc: Document, cue, content: list) -> list:
    """The complement and the infinitive right after it that the parse hung on the verb ("called on people
    [to protest]")."""
    nxt = next((c for c in doc.children(cue) if c.dep in FOLLOWER and c.i > content[-1].i), None)
    if nxt is None:
        return content
    rest = subtree(doc, nxt)
    return content + rest if rest[0].i == content[-1].i + 1 and rest[0].text.lower() == "to" else content


def _attitude(doc: Document, cue, acts: ActLexicon) -> ParsedFrame | None:
    """"expressed misgivings [about Mrs. Clinton]", "made the case [for higher taxes]": a light verb whose
    object is an attitude noun says what the noun's complement names (the parse hangs it on the noun or on
    the verb after the noun)."""
    noun = next((c for c in doc.children(cue) if c.dep in ("obj", "dobj") and c.pos == "NOUN"
                 and c.lemma.lower() in acts.attitude_nouns), None)
    if noun is None:
        return None
    preps = acts.attitude_nouns[noun.lemma.lower()]
    for head in (noun, cue):
        for c in doc.children(head):
            if c.i > noun.i and c.dep in COMPLEMENT:
                marker = _marker(doc, c, preps)
                if marker is not None:
                    content = [t for t in subtree(doc, c) if t.i != marker.i]
                    return ParsedFrame(cue, "attitude", content, source_of(doc, cue))
    return None


def _passive(doc: Document, cue) -> ParsedFrame | None:
    """"The nominee was endorsed by the paper": the passive subject is what the agent's act is about."""
    subject = next((c for c in doc.children(cue) if c.dep == "nsubj:pass"), None)
    agent = next((c for c in doc.children(cue) if c.dep in ("obl:agent", "agent")), None)
    if subject is None or agent is None:
        return None
    return ParsedFrame(cue, "passive", subtree(doc, subject), agent)


NAMED = ("obj", "dobj", "xcomp", "obl", "conj", "appos")  # what the parse hangs on "called [X] [a hoax]"


def _naming(doc: Document, cue) -> ParsedFrame | None:
    """"called climate change a hoax", "called Oz a quack, a fake and a charlatan", "described the plan as a
    disaster": the object and what the verb names it, one run of words right after the verb (the parse
    hangs the name as xcomp, conjuncts or an oblique with "as" on the verb)."""
    parts = [c for c in doc.children(cue) if c.i > cue.i and c.dep in NAMED and c.pos in ("NOUN", "PROPN", "ADJ", "PRON")
             and (c.dep != "obl" or _marker(doc, c, frozenset({"as"})) is not None)]
    named = [c for c in parts if c.dep in ("xcomp", "obl") or c.dep == "conj" and c.pos != "PROPN"]
    if not named or not any(c.dep in ("obj", "dobj", "xcomp") for c in parts) or len(parts) < 2:
        return None
    tokens = sorted({t.i for c in parts for t in subtree(doc, c)})
    if tokens[-1] - tokens[0] + 1 != len(tokens) or tokens[0] != cue.i + 1 + _adverbs(doc, cue):
        return None  # not one run right after the verb: another reading of the sentence
    return ParsedFrame(cue, "naming", doc.tokens[tokens[0]:tokens[-1] + 1], source_of(doc, cue))


def _depiction(doc: Document, cue, preps: frozenset) -> ParsedFrame | None:
    """"the poll showed the mayor [with] a lead", "the video shows him [with] his hands up", "shows X leading
    Y": the object and the predicate the parse hangs beside it on the verb (an oblique opened by one of
    ``preps``, or an infinitive or participle), one run right after the verb; the object alone is too short to
    be the object frame's content."""
    obj = next((c for c in doc.children(cue) if c.i > cue.i and c.dep in ("obj", "dobj")), None)
    if obj is None:
        return None
    predicate = next((c for c in doc.children(cue) if c.i > obj.i and (
        c.dep == "xcomp" or c.dep == "obl" and _marker(doc, c, preps) is not None)), None)
    if predicate is None:
        return None
    tokens = sorted({t.i for c in (obj, predicate) for t in subtree(doc, c)})
    if tokens[-1] - tokens[0] + 1 != len(tokens) or tokens[0] != cue.i + 1 + _adverbs(doc, cue):
        return None  # (not one run right after the verb)
    return ParsedFrame(cue, "naming", doc.tokens[tokens[0]:tokens[-1] + 1], source_of(doc, cue))


def _adverbs(doc: Document, cue) -> int:
    """How many adverbs stand right after the verb ("called [Friday] for", "called again …")."""
    n = 0
    while cue.i + 1 + n < len(doc.tokens) and doc.tokens[cue.i + 1 + n].dep == "advmod" \
            and doc.tokens[cue.i + 1 + n].head == cue.i:
        n += 1
    return n


def _stance(doc: Document, cue, preps: frozenset) -> ParsedFrame | None:
    """"Germany is opposed [to sending troops]", "Graham has been critical [of the nominee]", "France is
    ready [to send troops]": an adjective of attitude predicated of its subject says what its complement
    names; the subject is the source."""
    if not any(c.dep == "cop" for c in doc.children(cue)):
        return None
    for c in doc.children(cue):
        if c.i > cue.i and c.dep in COMPLEMENT + ("xcomp",):
            marker = _marker(doc, c, preps)
            if marker is not None:
                infinitive = marker.text.lower() == "to" and (c.dep == "xcomp" or c.feat("VerbForm") == "Inf")
                content = [t for t in subtree(doc, c) if t.i != marker.i or infinitive]  # "to send", not "to sending"
                return ParsedFrame(cue, "stance", content, source_of(doc, cue))
    return None


POSITION_MAX = 3  # (a longer object is the object frame's: attribution.yaml object_verbs)


def _position(doc: Document, cue) -> ParsedFrame | None:
    """"Adelson endorsed Cruz", "most donors back Bush", "she opposed the war": a verb of taking a side whose
    object is a short noun phrase (a name, "the war") reports the side taken, which the object frame, wary of
    short objects ("discussed the talks"), leaves out."""
    obj = next((c for c in doc.children(cue) if c.dep in ("obj", "dobj") and c.i > cue.i), None)
    if obj is None or obj.pos not in ("NOUN", "PROPN"):
        return None
    tokens = trim(subtree(doc, obj))
    if not tokens or len(tokens) > POSITION_MAX:
        return None
    return ParsedFrame(cue, "position", tokens, source_of(doc, cue))


def _wording(doc: Document, cue, preps: frozenset, own: bool = False) -> ParsedFrame | None:
    """"In his words, the plan is a disaster", "by his own account, …", "in the view of the minister": the
    owner of the words is the source, the clause the phrase modifies the content (less the phrase where it
    opens or closes the clause; one inserted in the middle stays, as a parenthetical cue does). ``own``: the
    noun is its own source ("In the latest poll, A leads B by 5 points")."""
    if cue.is_root or _marker(doc, cue, preps) is None or own and not _opens_sentence(doc, _marker(doc, cue, preps)):
        return None  # (a poll's "in" inside the sentence, "leads in the latest poll", is as often no report)
    source = cue if own else next((c for c in doc.children(cue) if c.dep in ("nmod:poss", "poss")), None) or next(
        (c for c in doc.children(cue) if c.dep == "nmod" and _marker(doc, c, frozenset({"of"})) is not None), None)
    head = doc.tokens[cue.head]
    predicate = head.pos in ("VERB", "AUX", "ADJ") or any(c.dep == "cop" for c in doc.children(head))
    if source is None or not predicate:
        return None  # ("the talks, in the view of X, …" read as a modifier of "talks": no clause to report)
    phrase = {t.i for t in subtree(doc, cue)}
    tokens = subtree(doc, head)
    while tokens and (tokens[0].i in phrase or tokens[0].text == ","):
        tokens = tokens[1:]
    while tokens and (tokens[-1].i in phrase or tokens[-1].dep == "punct"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    # (a noun that is its own source gives the preposition for the cue: "in", as "according to" is one)
    return ParsedFrame(_marker(doc, cue, preps) if own else cue, "according", tokens, source)


def _opens_sentence(doc: Document, tok) -> bool:
    return tok.i == 0 or doc.tokens[tok.i - 1].sent != tok.sent


def tighten(doc: Document, st, frame: ParsedFrame, span: tuple) -> None:
    """A rule's act statement ("accused X of …", "called for …") whose content the parse's act frame of the
    same cue ends earlier ("more school investment [in a statement on Thursday]") or starts later ("[Holt
    of] being a Democrat") takes the parse's bounds: the complement, not the adjuncts after it."""
    if frame.frame not in ACT_FRAMES + ("object", "xcomp", "oblique") or not st.rule.startswith("leading-act"):
        return
    a, b = span[0], span[1]
    if not (st.content_start <= a < b <= st.content_end) or (a, b) == (st.content_start, st.content_end):
        return
    from .merge import shorten  # (merge reads the frames this module makes)
    st.content_start = a
    shorten(doc, st, b)


ACT_RULES = ("parse-object", "parse-xcomp", "parse-oblique", "parse-predicate", "leading-act") + tuple(
    f"parse-{f}" for f in ACT_FRAMES)


def classify(doc: Document) -> None:
    """``attrs['cue_class']`` of every statement, for users who want speech only: ``belief`` where the cue
    reports what a source thinks, hopes or fears (``belief_cues`` of attribution.yaml: "believes that", "is
    confident that"), ``act`` where it reports a position taken or an act done (objects, infinitives, the
    frames of this module: "vowed to fight", "called for a truce"), ``speech`` otherwise."""
    beliefs = _belief_cues(doc_language(doc))
    for st in doc.statements:
        lemma = (st.attrs.get("cue_lemma") or "").lower()
        if lemma in beliefs:
            st.attrs["cue_class"] = "belief"
        elif st.rule.startswith(ACT_RULES):
            st.attrs["cue_class"] = "act"
        else:
            st.attrs["cue_class"] = "speech"


@lru_cache(maxsize=None)
def _belief_cues(code: str) -> frozenset:
    data = langdata.topic(code, "attribution") if code else None
    return _set(data or {}, "belief_cues")
