"""TempEval-3 data and scoring, our own code.

Reading: a TimeML file (``.tml``) becomes (doc id, creation date, plain text, gold TIMEX3 spans with
character offsets) — the text is what lies between <TEXT> and </TEXT> with every tag removed.

Scoring follows the TE3 entity scorer (``tools/evaluation-entities/evaluate_entities.py`` of the
TempEval-3 toolkit, which needs Python 2, Perl and the Java TimeML-Normalizer, so it is re-implemented
here): both sides are tokenised the same way; a system expression matches a gold one *relaxed* when
they share a token and *strict* when they cover the same tokens (one to one, greedy on overlap);
precision and recall over expressions; type and value accuracy over the relaxed matches;
value F1 = value accuracy × relaxed F1 (the figure TE3 ranks timex systems by).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
TOKEN = re.compile(r"\w+(?:[.'’]\w+)*|[^\w\s]")


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    mod: str = ""

    def text(self, doc: "TmlDoc") -> str:
        return doc.text[self.start:self.end]


@dataclass
class TmlDoc:
    id: str
    dct: str
    text: str
    timexes: list[Timex] = field(default_factory=list)


def parse_tml(xml: str, name: str = "<tml>") -> TmlDoc:
    """One TimeML document: its id, creation date, plain text and gold TIMEX3 spans."""
    dct = re.search(r"<DCT>[^<]*<TIMEX3([^>]*)>", xml)
    if not dct:
        raise ValueError(f"{name}: no <DCT><TIMEX3 …> creation date")
    dct_value = dict(ATTR.findall(dct.group(1))).get("value", "")[:10]
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S)
    if not body:
        raise ValueError(f"{name}: no <TEXT> element")
    docid = re.search(r"<DOCID>\s*([^<]+?)\s*</DOCID>", xml)
    raw = body.group(1)
    out, timexes, open_timex = [], [], None
    pos = length = 0
    for m in TAG.finditer(raw):
        piece = html.unescape(raw[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if tag != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, attrs)
            if m.group(4):  # an empty TIMEX3 (an implicit anchor) has no extent
                open_timex = None
        elif open_timex is not None:
            begin, a = open_timex
            timexes.append(Timex(begin, length, a.get("type", ""), a.get("value", ""), a.get("mod", "")))
            open_timex = None
    out.append(html.unescape(raw[pos:]))
    ident = docid.group(1) if docid else name
    return TmlDoc(ident, dct_value, "".join(out), timexes)


def tokens(text: str, start: int, end: int, index: dict[int, int]) -> frozenset[int]:
    """The token numbers a character span touches (``index`` maps character offsets to tokens)."""
    return frozenset(index[i] for i in range(start, end) if i in index)


def token_index(text: str) -> dict[int, int]:
    index = {}
    for n, m in enumerate(TOKEN.finditer(text)):
        for i in range(m.start(), m.end()):
            index[i] = n
    return index


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    misses: list = field(default_factory=list)

    def add(self, other: "Counts") -> None:
        for k in ("gold", "system", "relaxed", "strict", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.misses += other.misses

    def figures(self) -> dict[str, float]:
        def f1(hit: int) -> tuple[float, float, float]:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)
        rp, rr, rf = f1(self.relaxed)
        sp, sr, sf = f1(self.strict)
        acc_v = self.value_ok / self.relaxed if self.relaxed else 0.0
        acc_t = self.type_ok / self.relaxed if self.relaxed else 0.0
        return {"gold": self.gold, "system": self.system, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
                "strict_p": sp, "strict_r": sr, "strict_f1": sf, "value_accuracy": acc_v,
                "type_accuracy": acc_t, "value_f1": acc_v * rf, "type_f1": acc_t * rf}


def score(doc: TmlDoc, system: list[Timex]) -> Counts:
    """Counts for one document; ``misses`` lists (kind, gold, system) for every error, for study."""
    index = token_index(doc.text)
    gold = [(g, tokens(doc.text, g.start, g.end, index)) for g in doc.timexes]
    sys_ = [(s, tokens(doc.text, s.start, s.end, index)) for s in system]
    gold = [x for x in gold if x[1]]
    sys_ = [x for x in sys_ if x[1]]
    c = Counts(gold=len(gold), system=len(sys_))
    pairs = sorted(((len(gt & st), gi, si) for gi, (_, gt) in enumerate(gold) for si, (_, st) in enumerate(sys_)
                    if gt & st), reverse=True)
    used_g, used_s = set(), set()
    for _, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        (g, gt), (s, st) = gold[gi], sys_[si]
        c.relaxed += 1
        c.strict += gt == st
        c.type_ok += g.type == s.type
        c.value_ok += g.value == s.value
        if gt != st or g.type != s.type or g.value != s.value:
            c.misses.append(("wrong", _show(doc, g), _show(doc, s)))
    c.misses += [("missed", _show(doc, g), None) for gi, (g, _) in enumerate(gold) if gi not in used_g]
    c.misses += [("spurious", None, _show(doc, s)) for si, (s, _) in enumerate(sys_) if si not in used_s]
    c.misses = [(f"{kind} {doc.id} dct={doc.dct}", g, s) for kind, g, s in c.misses]
    return c


def _show(doc: TmlDoc, t: Timex) -> str:
    lo = max(0, t.start - 40)
    ctx = doc.text[lo:t.start].replace("\n", " ")
    mod = f" mod={t.mod}" if t.mod else ""
    return f"[{doc.text[t.start:t.end]}] {t.type} {t.value}{mod}   …{ctx[-40:]}"
