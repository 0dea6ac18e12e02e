"""Frames the page's layout makes rather than a cue in a sentence: subheadings and titles that are a name, a
colon and what was said, quotations signed after a dash, a reporting clause after a dialogue dash, speakers'
labels of transcripts and interviews ("Q:", "SERGEI RYABKOV:") with the interviewee's answers, and paragraphs
a colon introduces."""
from __future__ import annotations

import re

from ...document import Document, Span
from ..ordered import Ordered
from .base import Cue, Frame, _clip, _eligible, _sentence_bounds, _words
from .cues import _accept, _cues
from .language import Lexicon


def _dash_tag(text: str, z: Span, before: Span | None, lex: Lexicon, frames: list[Frame]) -> Frame | None:
    """A paragraph that is a dialogue dash and a reporting clause ("- ha dichiarato Salvini durante un
    viaggio a Milano.") tags the whole paragraph before it, when no cue there claimed any of it."""
    dash = re.match(r"[–—-]\s*", text[z.start:z.end])
    if dash is None or before is None or any(before.start <= f.content_start < before.end for f in frames):
        return None
    at = z.start + dash.end()
    aux = re.match(r"(?:" + "|".join(map(re.escape, lex.aux)) + r")\s+", text[at:z.end], re.IGNORECASE) if lex.aux else None
    verb = lex.verb.match(text, at + (aux.end() if aux else 0), z.end)
    lemma, tense, category = lex.form_of(verb)
    if category != "speech":
        return None
    a, b = _clip(text, before.start, before.end)
    cue = Cue(at, verb.end(), lemma, tense, "speech", text[at:verb.end()])
    return Frame(a, b, cue, "trailing", speaker_after=(verb.end(), z.end), frame_span=(at, z.end),
                 sentence=(a, b))


# (a transcript quoted over paragraphs opens each with a quotation mark before the label: "“PENCE: Well, …")
_LABEL = re.compile(r"\s*([“\"«]\s*)?([A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})\s*(?:,\s*([A-ZÀ-Ý][\w ]{1,30}?))?\s*:\s+"
                    r"(?:\((?:[^()]{1,40})\)\s*)?")


def _interviewee(doc: Document, mentions: list[Span]) -> Span | None:
    """The person an interview is with: the first person named in the title or the opening paragraph."""
    zones = [z for z in doc.layer("zone")]
    for z in zones[:3]:
        found = next((m for m in mentions if z.start <= m.start < z.end and m.label == "PER"), None)
        if found is not None:
            return found
    return None


def _speaker_label(text: str, lo: int, hi: int, lex: Lexicon, kb, mentions: list[Span], interviewee,
                   recurring: frozenset = frozenset()):
    """A paragraph that opens with a speaker's label — 'Q:', 'A:', 'SERGEI RYABKOV:', 'REYES, BYLINE:' —
    as (kind, speaker, where the words start): kind 'question', 'answer', 'speaker' or 'turn' (a speaker
    only the transcript's layout names, whose paragraph is one statement); speaker is a
    mention-like (entity id, name, start, end) or None when the label names the reporter or nobody known.
    ``recurring``: the capitalised labels that open two paragraphs or more (``transcript_labels``): speakers
    even where no list knows them."""
    m = _LABEL.match(text, lo, min(hi, lo + 120))
    if not m:
        return _dotted_label(text, lo, hi, lex, interviewee, recurring)
    label = m.group(2).strip()
    role = (m.group(3) or "").strip().lower()
    if m.group(1) and not (label.isupper() and label in recurring):
        return None  # (after a quotation mark, only a transcript's speaker: "“Zelensky: …" may be a quotation)
    key = label.lower().rstrip(".")
    if key in lex.qa_questions or key in lex.qa_answers:
        return _qa_turn(text, key, m.end(), lex, interviewee)
    if role and role in lex.reporter_roles:
        return "speaker", None, m.end()
    inside = next((x for x in mentions.starting(m.start(2), m.end(2)) if x.label == "PER"), None)
    entity = None
    if inside is not None:
        entity = (inside.attrs.get("entity_id"), inside.attrs.get("name"), inside.start, inside.end)
    elif kb is not None and label.isupper():
        e = kb.find(label.title())
        if e is not None and e.type == "PER":
            entity = (e.id, e.name, m.start(2), m.end(2))
    if entity is None and label.split()[-1].lower() in lex.headline_sources and not m.group(1):
        entity = (None, label, m.start(2), m.end(2))  # "Poll: …", "AP-GfK Poll: …": what the label names speaks
    if entity is None and label.isupper() and label in recurring:  # a transcript's speaker no list knows: "WALLACE:"
        return "turn", (None, label.title(), m.start(2), m.end(2)), m.end()
    if entity is None:
        return None if not label.isupper() else ("speaker", None, m.end())
    return "speaker", entity, m.end()


def _qa_turn(text: str, key: str, start: int, lex: Lexicon, interviewee):
    """An interview's question (the interviewer's words) or answer (the interviewee's), from ``start``."""
    if key in lex.qa_questions:
        return "question", None, start
    who = None
    if interviewee is not None:
        who = (interviewee.attrs.get("entity_id"),
               interviewee.attrs.get("name") or text[interviewee.start:interviewee.end],
               interviewee.start, interviewee.end)
    return "answer", who, start


# an interview's label printed with a full stop ("D. Che cosa chiede Kiev?" / "R. Più difesa aerea.")
_DOTTED = re.compile(r"\s*([A-ZÀ-Ý][a-zà-ý]*)\.\s+(?=\S)")


def _dotted_label(text: str, lo: int, hi: int, lex: Lexicon, interviewee, recurring: frozenset):
    """A question or answer label with a full stop, read only where the article prints both kinds so
    (``dotted_qa_labels``): alone, "R. Kennedy" is an initial."""
    m = _DOTTED.match(text, lo, min(hi, lo + 40))
    if m is None or m.group(1) + "." not in recurring:
        return None
    return _qa_turn(text, m.group(1).lower(), m.end(), lex, interviewee)


def dotted_qa_labels(text: str, paragraphs: list[Span], lex: Lexicon) -> frozenset:
    """The question and answer labels with a full stop that open paragraphs ("D.", "R."), where both a
    question's and an answer's label open some: the article is an interview laid out so."""
    found = {m.group(1) for z in paragraphs if (m := _DOTTED.match(text, z.start, min(z.end, z.start + 40)))
             and m.group(1).lower() in lex.qa_questions | lex.qa_answers}
    keys = {f.lower() for f in found}
    if not keys & lex.qa_questions or not keys & lex.qa_answers:
        return frozenset()
    return frozenset(f + "." for f in found)


def transcript_labels(text: str, paragraphs: list[Span], lex: Lexicon) -> frozenset:
    """The labels in capitals that open two paragraphs or more ("WALLACE:", "PENCE:"): a transcript's
    speakers, as its layout names them turn by turn (a one-off "CLARIFICATION:" or "UPDATE:" is no speaker),
    less the reporters a role names once ("DAN REYES, BYLINE:", then "REYES:": the reporter's narration)."""
    seen: dict[str, int] = {}
    reporters: set[str] = set()
    for z in paragraphs:
        m = _LABEL.match(text, z.start, min(z.end, z.start + 120))
        label = m.group(2).strip() if m else ""
        if not label.isupper():
            continue
        if m.group(3) and m.group(3).strip().lower() in lex.reporter_roles:
            reporters.update(label.split())
        elif not m.group(3):
            seen[label] = seen.get(label, 0) + 1
    return frozenset(k for k, n in seen.items() if n >= 2 and not set(k.split()) & reporters)


def labelled_quotation(frames: list[Frame], z: Span, start: int, who) -> None:
    """A quotation that opens the paragraph before a transcript's label ("“WALLACE: …") is the labelled
    speaker's from the label on, not the last speaker's it would go on from."""
    for f in frames:
        if f.rule == "continuation" and f.depth == 0 and f.content_start <= z.start + 1 < start:
            f.content_start, f.fixed = start, who


_HEADLINE = re.compile(r"(?:^|(?<=[.!?]\s))([^:.!?\n]{2,60}?)\s*:\s*([“«\"‘])([^“”«»\"\n]+)([”»\"’])[\s.]*$", re.M)


def _headline(text: str, lo: int, hi: int, mentions: Ordered) -> list[Frame]:
    """A subheading that is a quotation after its speaker's name and a colon ("Zelensky: «Temo che …»",
    "… intesa sulla forza multinazionale. Meloni: “No a invio truppe italiane”")."""
    m = _HEADLINE.search(text, lo, hi)
    if not m:
        return []
    name = [x for x in mentions.starting_through(m.start(1), m.end(1)) if x.end == m.end(1) and _eligible(x)]
    if not name or _words(m.group(3)) < 2 or text.find(m.group(3).strip(" .,"), hi) >= 0:
        return []  # (a quotation the article gives again below is the statement made there)
    x = name[-1]
    who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    return [Frame(m.start(2), m.end(4), None, "headline", fixed=who, sentence=(m.start(2), m.end(4)))]


def _plain_headline(text: str, lo: int, hi: int, mentions: Ordered) -> list[Frame]:
    """A title that is a person's name, a colon and what they said, unquoted ("Ucraina, Crosetto: Ogni
    soluzione dovrà passare per garanzie convincenti", "UK's Sunak: It's time to double down"): nothing but the
    name stands between the colon and the comma or start before it."""
    m = _PLAIN_HEADLINE.search(text, lo, hi)
    if not m or _words(m.group(2)) < 4:
        return []
    name = [x for x in mentions.starting_through(m.start(1), m.end(1)) if x.end == m.end(1) and x.label == "PER"]
    if not name or not re.fullmatch(r"(?:[\w.]+['’]s\s+)?", text[m.start(1):name[-1].start]):
        return []  # (a possessive may precede the name: "UK's Sunak")
    x = name[-1]
    who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    a, b = _clip(text, m.start(2), m.end(2))
    return [Frame(a, b, None, "headline", fixed=who, sentence=(a, b))]


_PLAIN_HEADLINE = re.compile(r"(?:^|(?<=[,]\s))([^:.!?,\n]{2,40}?)\s*:\s*([^“”«»\"\n:]{10,200})$", re.M)
# (a paragraph may open with the closing mark, a slip pages make: "”Fear. I am …” ― Edwin G. Monroy")
_SIGNED = re.compile(r"([“«\"”])(.+)([”»\"])\s*[―—]\s*((?:[A-ZÀ-Ý][\w'’.-]*\s*){1,5}?)[\s.]*$")


def _signed(text: str, lo: int, hi: int, mentions: Ordered) -> list[Frame]:
    """A paragraph that is a quotation signed after a dash ("“…” ― Sonya Herridge", as pages give
    readers' words and embedded posts): the person named, or two capitalised words or more, said it."""
    m = _SIGNED.match(text, lo, hi)
    if not m or _words(m.group(2)) < 2:
        return []
    a, b = m.span(4)
    b = _clip(text, a, b)[1]
    named = [x for x in mentions.starting_through(a, b) if x.label == "PER" and x.end <= b]
    if named:
        x = named[0]
        who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    elif len(text[a:b].split()) >= 2:
        who = (None, text[a:b], a, b)
    else:
        return []
    a, b = m.span(1)[0], m.span(3)[1]
    if m.group(1) == "”":  # (no quotation opens at a closing mark: the words inside it are the content)
        a, b = m.end(1), m.start(3)
    return [Frame(a, b, None, "signed", fixed=who, sentence=(a, b))]


def _interview_subject(doc: Document, lex: Lexicon, mentions: Ordered):
    """The person an interview is with, where the headline or the first paragraph says it is one
    ("L'intervista al presidente ucraino …"): the first person it names, as (entity id, name, start, end)."""
    for z in doc.layer("zone")[:2]:
        if lex.first("interview", doc.text, z.start, z.end):
            m = next((m for m in mentions.starting(z.start, z.end) if m.label == "PER"), None)
            if m is not None:
                return m.attrs.get("entity_id"), m.attrs.get("name") or doc.text[m.start:m.end], m.start, m.end
    return None


def _is_question(text: str, z: Span) -> bool:
    return text[z.start:z.end].rstrip(" \n”»\"’").endswith("?")


def _answer(frames: list[Frame], z: Span, who) -> None:
    """After a question, a quotation opening the paragraph that no cue claims is the interviewee's answer."""
    for f in frames:
        if f.rule == "continuation" and f.depth == 0 and f.content_start <= z.start + 1:
            f.rule, f.fixed = "answer", who


def _introduced_paragraphs(text: str, paragraphs: list[Span], lex: Lexicon, mentions: Ordered,
                           sentences: Ordered) -> dict[int, Frame]:
    """A paragraph introduced by a colon ending the one before ("Il presidente russo ha sottolineato
    specificamente:", "Primo Ministro d'Italia:"), as pages print a quotation set apart: the speaker's
    words, by paragraph start, where the paragraph has no reporting cue of its own."""
    out: dict[int, Frame] = {}
    for z, nxt in zip(paragraphs, paragraphs[1:]):
        if nxt.label != "body" or not text[z.start:z.end].rstrip().endswith(":"):  # (a short one: a subheading)
            continue
        if _words(text[nxt.start:nxt.end]) < 3 or any(_accept(text, c, nxt.start, nxt.end, lex, mentions)
                                                       for c in _cues(text, nxt.start, nxt.end, lex, [])):
            continue
        a, b = _clip(text, nxt.start, nxt.end)
        colon = text.rindex(":", z.start, z.end)
        frame = _colon_cue(text, z.start, colon, a, b, lex, sentences) or _colon_label(text, z, colon, a, b, mentions)
        if frame is not None:
            out[nxt.start] = frame
    return out


def _colon_cue(text: str, lo: int, colon: int, a: int, b: int, lex: Lexicon, sentences: Ordered) -> Frame | None:
    """"… ha dichiarato:" / "… said:" right before the colon: a leading cue whose content is the next paragraph."""
    cues = [c for c in _cues(text, lo, colon, lex, []) if c.category == "speech"]
    if not cues or _words(text[cues[-1].end:colon]) > 2 or not _accept(text, cues[-1], lo, colon + 1, lex, Ordered()):
        return None
    cue = cues[-1]
    s_lo, _ = _sentence_bounds(text, sentences, cue.start, lo, colon + 1)
    return Frame(a, b, cue, "leading", speaker_region=(s_lo, cue.start), inherit="previous",
                 frame_span=(s_lo, colon), sentence=(a, b))


def _colon_label(text: str, z: Span, colon: int, a: int, b: int, mentions: Ordered) -> Frame | None:
    """"Primo Ministro d'Italia:" / "Meloni:" alone on a line: the person it names says the next paragraph."""
    if _words(text[z.start:colon]) > 6:
        return None
    named = [m for m in mentions.starting(z.start, colon) if m.label == "PER" and _eligible(m)]
    if not named:
        return None
    x = named[-1]
    who = (x.attrs.get("entity_id"), x.attrs.get("name") or text[x.start:x.end], x.start, x.end)
    return Frame(a, b, None, "label", fixed=who, sentence=(a, b))


def _turn(text: str, lo: int, hi: int, who) -> list[Frame]:
    """A transcript's turn whose speaker only the label names ("FALLIN: Well, I think …"): the paragraph after
    the label, one statement (nothing but the layout tells where the speaker's words divide)."""
    a, b = _clip(text, lo, hi)
    return [Frame(a, b, None, "label", fixed=who, sentence=(a, b))] if _words(text[a:b]) >= 2 else []


def _labelled(text: str, lo: int, hi: int, who, sentences) -> list[Frame]:
    out = []
    for a, b in sentences.overlapping(lo, hi):
        a, b = max(a, lo), min(b, hi)
        if b <= a:
            continue
        a, b = _clip(text, a, b)
        if _words(text[a:b]) >= 2:
            out.append(Frame(a, b, None, "label", fixed=who, sentence=(a, b)))
    return out
