"""Which mention speaks: ``_pick_speaker`` over a region (persons before organisations before states, never a
mention governed by a preposition or fronted as an adjunct), the speaker a frame names itself, a pronoun's
antecedent, the subject of a clause and the asides ("- ha detto X -") that name one."""
from __future__ import annotations

import re

from ...document import Document, Span, Statement
from ..ordered import Ordered
from .base import Frame, _SPEAKER_RANK, _WORD, _eligible, _is_media, _is_platform, _iter, _tokens, _words
from .language import Lexicon
from .merge import governed
from .quotes import find_quotes


_ASIDE = re.compile(r"\s[-–—]\s+([^-–—\n]{3,80}?)\s*[-–—][\s,.]")


def _inciso(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """"«Abbiamo suggerito … - ha detto Medinsky -.»": a reporting clause set off by dashes inside a
    quotation tags it; where its speaker may be named (after the verb), or None."""
    for m in _ASIDE.finditer(text, a, b + 2):
        verb = lex.verb.search(text, m.start(1), m.end(1))
        if lex.form_of(verb)[2] == "speech":
            return verb.end(), m.end(1)
    return None


def _inciso_speaker(text: str, a: int, b: int, mentions: Ordered, kb, lex: Lexicon) -> Span | None:
    """The person a reporting clause between dashes inside the quotation names ("«La questione - ha spiegato
    ieri il capo negoziatore X - è aperta. …», ha aggiunto": X, not the speaker before)."""
    aside = _inciso(text, a, b, lex)
    return _pick_speaker(mentions, aside, kb, nearest_last=False) if aside else None


def _own_speaker(text: str, f: Frame, mentions: list[Span], kb, lex: Lexicon, exclude) -> Span | None:
    """The speaker a frame names itself: after a trailing cue ("ha detto Peskov", "”, Peskov said"), else
    the subject before a leading one."""
    # a name a preposition governs, other than one tying it to a noun ("al Senato", "ad Axios", "a Vilnius",
    # "insieme al presidente X"), is where or to whom it was said, never the subject of a verb of saying
    plain = f.rule.startswith(("leading", "trailing", "parenthetical"))
    # a verb whose object is whom it tells names its addressee after it, never its speaker ("“…,” X, an
    # adviser, told Reuters": X; the language lists such verbs, ``addressee_verbs``)
    told = f.cue is not None and f.cue.lemma in lex.addressee_verbs
    # an outlet after a preposition past the cue is where it was said ("Lo ha detto in un'intervista con il
    # quotidiano Guardian", "said in an interview with the BBC"), not who said it ("Lo ha riferito il
    # quotidiano X" names it as the subject; "secondo" and the agent of a passive name it as the source)
    channel = [] if f.rule.startswith(("according", "passive")) or not f.speaker_after else \
        [(m.start, m.end) for m in mentions.starting(*f.speaker_after) if _is_media(m, kb)
         and any(w in lex.prepositions for _, w in _tokens(text, f.speaker_after[0], m.start))]
    named_after = lambda: _pick_speaker(mentions, _speaker_window(text, f.speaker_after, lex, mentions), kb,
                                        nearest_last=False, prefer_names=True, text=text, lex=lex if plain else None,
                                        no_complements=plain, exclude=channel) if f.speaker_after else None
    after = lambda: None if told else named_after()
    before = lambda: _pick_speaker(mentions, f.speaker_region, kb, nearest_last=True, exclude=exclude,
                                   text=text, lex=lex, adjacent=f.adjacent, prefer_names=f.rule == "trailing",
                                   no_complements=plain) \
        if f.speaker_region else None  # ("…, John Kirby, the White House spokesman, said": the name)
    # a leading cue has its subject before it and names a speaker after it only in inverted order
    # ("ha dichiarato il portavoce X che …"); the other frames name it after the cue
    first, second = (before, after) if f.rule.startswith("leading") else (after, before)
    # (with no one named before a cue of telling, the one after it stays, as no other speaker is named: a
    # description the rules cannot name, "a senior official, speaking on condition of anonymity, told Reuters")
    return first() or second() or (named_after() if told else None)


def _colon_intro(text: str, at: int, mentions: list[Span], doc: Document | None = None) -> Span | None:
    """'Biden si è mostrato scettico: "…", ha detto.': the person who introduces a quote with a colon; with a
    parse, not one a preposition governs ("Meloni ha rivolto un messaggio al presidente Zelensky: «…»"). A
    quotation that opens its paragraph is introduced by a colon that ends the paragraph before ("X ha
    risposto:\n«…»")."""
    line = text.rfind("\n", 0, at) + 1
    if line > 0 and not text[line:at].strip(" \t«“\"„"):
        at = len(text[:line].rstrip())
    lo = max(text.rfind("\n", 0, at) + 1, at - 160)
    head = text[lo:at].rstrip()
    if not head.endswith(":"):
        return None
    start = lo
    for m in re.finditer(r"[.!?…]\s", head):
        start = lo + m.end()
    people = [m for m in mentions.starting(start, lo + len(head)) if m.label == "PER"]
    # (one the parse hangs on a preposition, "al presidente ucraino Volodymyr Zelensky", is an addressee)
    free = [m for m in people if doc is None or not governed(doc, doc.root(m.start, m.end), steps=3)]
    return (free or people)[-1] if people else None


def _relative_spans(text: str, span: tuple[int, int], lex: Lexicon) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _iter(lex.patterns.get("relative_clause", []), text, span[0], span[1])]


def _pronoun_antecedent(text: str, f: Frame, mentions: list[Span], lex: Lexicon, last: Statement | None,
                        sentences: list[tuple[int, int]], doc: Document | None = None) -> Span | None:
    """"he said": the person who opened a sentence since the last statement ("The German chancellor,
    Friedrich Merz, was blunter. This war, he said, …"), else None: the last speaker goes on."""
    at = f.cue.start if f.cue is not None else f.content_start
    if _plural_pronoun_before(text, at, lex):
        return None  # "They said": not the one person who opened the sentence (the parse may name the group)
    # (no statement before: the paragraph before may name him, "Il leader russo ha presentato …\n\nHa affermato che")
    floor = last.content_end if last is not None else max(0, text.rfind("\n\n", 0, max(0, text.rfind("\n\n", 0, at))))
    quoted = find_quotes(text, floor, at, lex)
    people = [m for m in mentions.starting(floor, at) if m.label == "PER"
              and not any(q.open < m.start < q.close for q in quoted)]
    openers = []
    for a, b in sentences.overlapping(floor, at):
        if a <= at < b:  # (in the pronoun's own sentence, not a name after it: "He met Macron and said": not Macron)
            b = next((pos for pos, tok in _tokens(text, a, at) if tok in lex.pronouns
                      and not any(q.open < pos < q.close for q in quoted)), b)
        first = next((m for m in mentions.starting(a, min(b, at)) if _eligible(m)), None)
        if first is not None and doc is not None and _not_opener(doc, first, last) \
                and not _sourced_to(text, first, lex):
            first = None
        titled = _titled_subject(doc, max(a, floor), min(b, at), people)
        if first is not None and first in people and _words(text[max(a, floor):first.start]) <= 5:
            openers.append(first)  # (not a name deep in the sentence: "A chi gli domanda se, come Salvini, …")
        elif titled is not None:
            openers.append(titled)
        elif doc is not None:
            subject = _main_subject(doc, max(a, floor), min(b, at), people)
            if subject is not None:
                openers.append(subject)  # ("Despite the threats from US officials, Peskov focused …")
    return openers[-1] if openers else None


def _titled_subject(doc: Document | None, a: int, b: int, people: list[Span]) -> Span | None:
    """The first person of [a, b) where only a noun phrase stands before him, however long, and no preposition
    governs him: the name set off after the sentence's subject, a title ("Il capo di stato maggiore della
    Difesa, il generale X, ha illustrato …"); not one after a verb ("A chi gli domanda se, come X, …") nor a
    noun's complement ("Il piano di X")."""
    person = next((m for m in people if a <= m.start < b), None) if doc is not None else None
    before = doc.tokens_in(a, person.start) if person is not None else []
    if all(t.pos == "PUNCT" for t in before):  # a quotation's closing mark alone ("” Vladimir Putin's spokesman
        return None                            # said") sets nobody off: a word must stand before him
    if any(t.pos in ("VERB", "AUX") for t in before) or before[-1].pos == "ADP":
        return None
    return person


def _not_opener(doc: Document, m: Span, last: Statement | None) -> bool:
    """A name that does not open its sentence as the one acting: a preposition governs it outside the subject
    ("This is a victory for Putin - said Zelensky. He noted …": not Putin; but "Macron's remarks followed the
    summit, where he urged": Macron), or it is part of the last statement's speaker, not that speaker ("“…,”
    Putin's spokesman said. He added …": the spokesman)."""
    if last is not None and last.speaker_start is not None and last.speaker_start <= m.start \
            and m.end <= last.speaker_end and (m.start, m.end) != (last.speaker_start, last.speaker_end):
        return True
    tok = doc.root(m.start, m.end)
    if not governed(doc, tok, steps=3):
        return False
    for _ in range(5):  # up through the nouns it completes: inside the subject, it still opens the sentence
        if tok is None or tok.is_root:
            return True
        if tok.dep.startswith("nsubj"):
            return False
        tok = doc.tokens[tok.head]
    return True


def _sourced_to(text: str, m: Span, lex: Lexicon) -> bool:
    """The name a sentence is sourced to ("According to Prime Minister X, …"): its preposition makes it the source,
    an antecedent of the next "he said" as much as a subject."""
    lo = max(0, m.start - 80)
    return any(not re.search(r"[,.;:!?()\n]", text[a.end():m.start])
               for a in _iter(lex.patterns.get("according_to", []), text, lo, m.start))


def _main_subject(doc: Document, a: int, b: int, people: list[Span]) -> Span | None:
    """The person the parse gives for the subject of the sentence's main verb, however far into it."""
    root = next((t for t in doc.tokens_in(a, b) if t.is_root and t.pos in ("VERB", "AUX")), None)
    subj = next((c for c in doc.children(root) if c.dep == "nsubj"), None) if root is not None else None
    if subj is None:
        return None
    return next((m for m in people if m.start <= subj.start < m.end), None)


def _plural_pronoun_before(text: str, at: int, lex: Lexicon) -> bool:
    words = _WORD.findall(text[max(0, at - 30):at])
    return bool(words) and words[-1].lower() in lex.plural_pronouns


_DESCRIBED = ("coreference", "role")  # a speaker mention that describes (an office, "il capo"), not names


def _pick_speaker(mentions: list[Span], region: tuple[int, int] | None, kb, nearest_last: bool,
                  exclude: list[tuple[int, int]] = (), text: str = "", lex: Lexicon | None = None,
                  prefer_names: bool = False, adjacent: bool = True, no_complements: bool = False) -> Span | None:
    """The speaker named in ``region``: persons before organisations before states; after the cue the
    first one, before it the one nearest the cue — which must stand next to its verb, up to a title, an
    apposition or a relative clause ("Trump, che ha ricevuto Zelensky, ha promesso": Trump)."""
    if not region or region[1] <= region[0]:
        return None
    relative = []
    if nearest_last and lex is not None:
        for m in _iter(lex.patterns.get("relative_clause", []), text, region[0], region[1]):
            relative.append((m.start(), m.end()))
    cands = [m for m in mentions.starting_through(region[0], region[1]) if m.end <= region[1] and _eligible(m)
             and not any(a <= m.start < b for a, b in list(exclude) + relative) and not _is_platform(m, kb)]
    if nearest_last and lex is not None:
        # an outlet a preposition governs before the cue is the agent or the owner of another noun ("i funzionari
        # sentiti dal Financial Times hanno detto", "officials interviewed by the Guardian said", "non ha
        # smentito le notizie del Corriere, ma ha definito"): the channel of what is said, never its subject
        cands = [m for m in cands if not (_is_media(m, kb) and _after_preposition(text, m, lex))]
    every = cands
    if no_complements and lex is not None and (lex.complement or lex.agent):
        # (and a name in the channel after the cue: "ha detto in un'intervista con il quotidiano Guardian")
        channels = [] if nearest_last else \
            [(c.start(), c.end()) for c in _iter(lex.patterns.get("channel", []), text, region[0], region[1])]
        # after an active cue (a passive one makes a frame of its own), a name an agent's preposition governs is
        # the agent of another participle ("ha detto … dopo la notizia pubblicata da NBC News"), not the speaker
        # (before the cue only where the language asks it: ``complement_before_cue``)
        complement = lex.complement_before_cue or not nearest_last
        cands = [m for m in cands if not (complement and _complement_of(text, m, lex))
                 and not any(a <= m.start < b for a, b in channels)
                 and (nearest_last or _governing_word(text, m, lex) not in lex.agent)]
        if not nearest_last and not cands:
            return None  # ("ha detto al Corriere": no speaker after the cue; the one before it, or the last)
    if not cands:
        cands = every
    if not cands:
        return None
    # ``prefer_names``, after a cue: a name beats the description it follows ("secondo il capo delle forze
    # armate britanniche Tony Radakin": Radakin, whatever person the linker took "il capo" for)
    # a name after a preposition completes another noun ("Yuri Ushakov, consigliere del presidente russo, ha
    # dichiarato"): it speaks only where no one else is named
    complements = {id(m) for m in cands if lex is not None and _after_preposition(text, m, lex, genitive=adjacent)}
    # a possessor names whose the speaker is, not the speaker, where another is named ("X, Zelensky's chief of
    # staff, told": X)
    complements |= {id(m) for m in cands if text[m.end:m.end + 2] in ("'s", "’s")}
    ranked = sorted(cands, key=lambda m: (-_SPEAKER_RANK[m.label], id(m) in complements,
                                          prefer_names and m.attrs.get("resolution") in _DESCRIBED,
                                          -m.start if nearest_last else m.start))
    if not nearest_last or lex is None or not adjacent:
        return ranked[0]  # (``adjacent`` False: the speaker need not stand next to the verb, as before a colon)
    for m in ranked:
        if _next_to_verb(text, m, region[1], mentions, relative, lex) and not _fronted_adjunct(text, m, region, lex):
            return m
    if len(cands) < len(every):  # the verb's subject is the one named, the complement set aside ("X, nel corso
        return ranked[0]         # di un punto stampa al Senato dopo il voto, ha sottolineato": X)
    return None


def _fronted_adjunct(text: str, m: Span, region: tuple[int, int], lex: Lexicon) -> bool:
    """``m`` closes a phrase that opens with a preposition and is set off by a comma right before the verb
    ("Senza aggiungere dettagli sull'impegno per l'Italia, ha spiegato"): an adjunct, no subject."""
    if text[m.end:region[1]].strip() != ",":
        return False
    start = max(region[0], text.rfind(",", region[0], m.start) + 1)
    words = [w.lower() for w in _WORD.findall(text[start:m.start])]
    verbs = set(lex.aux) | set(lex.passive_aux)  # ("A dirlo è stato il segretario X, secondo cui": a clause)
    return bool(words) and words[0] in lex.prepositions and not verbs & set(words)


def _word_before(text: str, m: Span) -> str | None:
    """The word just before the mention, with no comma between them (the preposition that may govern it)."""
    before = list(_tokens(text, max(0, m.start - 30), m.start))
    return before[-1][1] if before and not text[before[-1][0]:m.start].count(",") else None


def _governing_word(text: str, m: Span, lex: Lexicon) -> str | None:
    """The word that may govern the mention: the one before it, or the one before its article where the language
    writes the article apart ("issued by the Kremlin"; Italian fuses it: "dal Cremlino")."""
    word = _word_before(text, m)
    if word in lex.articles:
        before = list(_tokens(text, max(0, m.start - 60), m.start))[-2:]
        word = before[0][1] if len(before) == 2 and "," not in text[before[0][0]:m.start] else None
    return word


def _complement_of(text: str, m: Span, lex: Lexicon) -> bool:
    """A preposition of place, time, addressee or company governs the mention ("al Senato", "ad Axios",
    "insieme al presidente X", "at a meeting with Putin"), or one of the audience's nouns does ("ai giornalisti
    della Casa Bianca"): not the subject of a verb of saying. (Not through an English article: "the envoy to the
    UN Jane Doe said" names the speaker right after such a complement.)"""
    if _word_before(text, m) in lex.complement:
        return True
    before = list(_tokens(text, max(0, m.start - 60), m.start))[-3:]
    if len(before) < 3 or "," in text[before[0][0]:m.start]:
        return False
    return before[2][1] in lex.prepositions and before[1][1] in lex.audiences and before[0][1] in lex.complement


def _after_preposition(text: str, m: Span, lex: Lexicon, genitive: bool = True) -> bool:
    """A preposition governs the mention (an article may stand between: "adviser to the Ukrainian President");
    ``genitive`` False: not one that ties it to the noun before ("un funzionario del Pentagono"), only a
    complement's ("colloqui con Trump")."""
    word = _governing_word(text, m, lex)
    return word in lex.prepositions and (genitive or word not in lex.genitive)


def _next_to_verb(text: str, m: Span, verb_at: int, mentions: list[Span], skip: list[tuple[int, int]],
                  lex: Lexicon) -> bool:
    unknown = 0
    skip = list(skip) + [(c.start(), c.end()) for c in _iter(lex.patterns.get("channel", []), text, m.end, verb_at)]
    skip += _comma_aside(text, m.end, verb_at, lex)
    for pos, tok in _tokens(text, m.end, verb_at):
        if any(a <= pos < b for a, b in skip) or mentions.covers(pos):
            continue
        if tok in lex.function_words or tok in lex.adverbs or tok in lex.prepositions or not tok[:1].isalnum():
            continue  # (and the dashes of an aside: "Tajani, che - al contrario - ha escluso")
        unknown += 1
    return unknown <= 3


def _comma_aside(text: str, a: int, b: int, lex: Lexicon, max_words: int = 16) -> list[tuple[int, int]]:
    """An aside set off by commas between a subject and its verb ("Putin, pur «soddisfatto» della telefonata
    avuta, ha detto"), with no verb of saying in it: [(start, end)] to pass over, else []."""
    gap = text[a:b]
    last = gap.rfind(",")
    if not gap.startswith(",") or gap.count(",") != 2 or any(t not in lex.aux for _, t in _tokens(gap, last, len(gap))):
        return []  # (only an auxiliary after the aside: "…, ha detto")
    if _words(gap[:last]) > max_words or lex.verb.search(gap[:last]):
        return []
    return [(a, a + last + 1)]


def _speaker_window(text: str, span: tuple[int, int], lex: Lexicon, mentions: Ordered = Ordered()) -> tuple[int, int]:
    """Where a speaker named after its cue can be: up to the first clause break, the channel, or — once a
    name has been seen — the addressee ("ha detto Putin a Kim": Kim is not the speaker)."""
    a, b = span
    a = _past_adjuncts(text, a, b, lex)
    m = re.search(r"[,;:.!?]|\s(?:che|that)\s", text[a:b])
    end = a + m.start() if m else b
    if m and text[end] == "," and not any(x.label == "PER" and not _after_preposition(text, x, lex)
                                          for x in mentions.starting_through(a, end)):
        # "È quanto afferma il direttore del Cesi, Marco Di Liddo, …": the person in apposition to the role
        # (a person inside the role is not the speaker: "l'inviato speciale di Donald Trump, Steve Witkoff")
        after = end + re.match(r",\s*", text[end:b]).end()
        if any(x.start == after and x.label == "PER" for x in mentions.starting_through(after, after + 1)):
            m2 = re.search(r"[,;:.!?]|\s(?:che|that)\s", text[after:b])
            end = after + m2.start() if m2 else b
            if any(x.label == "PER" for x in mentions.starting_through(a, after - 1)):
                a = after  # the name in apposition, not the one its role was governed by
    ch = lex.first("channel", text, a, end)
    if ch and text[a:ch.start()].strip():  # a channel first ("Lo dice in un'intervista all'Economist X") is passed
        end = ch.start()
    passed = ch.end() if ch and not text[a:ch.start()].strip() else a  # (the outlet it names is no name seen)
    adjunct = lex.first("adjunct_after_speaker", text, a, end) if passed > a else None
    if adjunct:  # "… in un'intervista con il quotidiano X a Helsinki prima di recarsi …": no speaker past it
        end = adjunct.start()
    for ad in re.finditer(r"\s(?:a|al|alla|ai|agli|to)\s", text[a:end]):
        if any(x.end <= a + ad.start() and x.label in _SPEAKER_RANK
               for x in mentions.starting_through(passed, a + ad.start())):
            end = a + ad.start()
            break
    return a, end


_ADJUNCT_HEAD = re.compile(r"\s*,\s*([^\W\d_]+)(['’]?)", re.UNICODE)


def _past_adjuncts(text: str, a: int, b: int, lex: Lexicon) -> int:
    """Past the phrases that a preposition opens, set off by commas, right after a cue ("A dirlo, nell'Aula, il
    ministro X", "ha detto, in conferenza stampa, il portavoce X"): the speaker follows them."""
    for _ in range(2):
        m = _ADJUNCT_HEAD.match(text, a, b)
        if not m:
            break
        word = m.group(1).lower()
        elided = word + "'" if m.group(2) else None  # "nell'", "dall'": the article's elided form
        if not (word in lex.prepositions and not m.group(2)
                or elided and (elided in lex.prepositions or word + "o" in lex.prepositions)):
            break
        close = text.find(",", m.end(), b)
        if close < 0 or re.search(r"[;:.!?]", text[m.end():close]):
            break
        a = close + 1
    return a


def _subject_words(region: str, lex: Lexicon) -> bool:
    """Whether a subject stands before the cue (words that are not adverbs or linkers). A phrase opening
    with a preposition and set off by a comma is an adjunct, no subject ("Nel quadro delle trattative, ha
    riaffermato …")."""
    *fronted, last = region.split(",")
    region = ",".join([p for p in fronted if _WORD.findall(p)[:1] and _WORD.findall(p)[0].lower() not in lex.prepositions]
                      + [last])
    words = [w.lower() for w in _WORD.findall(region)]
    words = [w for w in words if w not in lex.adverbs and w not in lex.conjunctions and w not in lex.pronouns
             and w not in lex.function_words and w not in lex.prepositions and w not in lex.audiences
             and w not in ("che", "that")]
    return bool(words)


def _reported_subject(text: str, a: int, b: int, mentions: list[Span], lex: Lexicon):
    """The person an attributed clause opens with, next to a reporting verb: (mention, verb offset)."""
    verb = lex.verb.search(text, a, min(b, a + 100))
    if verb is None:
        return None
    people = [m for m in mentions.starting_through(a, verb.start()) if m.end <= verb.start() and m.label == "PER"]
    for m in reversed(people):
        if _next_to_verb(text, m, verb.start(), mentions, [], lex):
            return m, verb.start()
    return None
