"""Quotations: every pair of quotation marks of a paragraph (mismatched and unbalanced ones included, nested
quotes kept inside the outer one) and the tests on a quoted stretch of text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .language import Lexicon


@dataclass
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== end of paragraph when left open)
    depth: int
    parent: int | None = None  # index of the enclosing quote

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def outer_end(self) -> int:
        return self.close + 1


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


# Single quotation marks (‘…’, and '…' where the language's data says so) share their characters with the
# apostrophe ("it’s", "Moscow’s", "allies’", "l’Ucraina"): single_marks tells them apart by where they stand.
_SINGLE = re.compile("[‘’']")
_OPENS_AFTER = "([{—–-/“«\""  # what may stand right before an opening mark (besides a space or the paragraph's start)
_DECADE = re.compile(r"\d\ds\b")  # "the '90s": an elided century, no quotation
_POSSESSIVE = re.compile(r"s[’'] [^\W\d_]")  # "the allies’ leaders": a plural's possessive, or a quotation closing


def _single_kind(text: str, i: int, p0: int, p1: int) -> str | None:
    """What the single mark at i may be in the paragraph text[p0:p1]: "open", "close", "weak" (a close that is
    also a plural's possessive) or None (an apostrophe: inside a word, an elision, or neither)."""
    c = text[i]
    before = text[i - 1] if i > p0 else "\n"
    after = text[i + 1] if i + 1 < p1 else "\n"
    if before.isalnum() and after.isalnum():
        return None  # "it’s", "l’Ucraina", "dell’Ue"
    if c != "’" and (before.isspace() or before in _OPENS_AFTER) and not after.isspace() \
            and after not in ",.;:!?)’'" and not _DECADE.match(text, i + 1):
        return "open"
    if c != "‘" and not before.isspace() and not after.isalnum():
        return "weak" if _POSSESSIVE.match(text, i - 1) else "close"
    return None


def single_marks(text: str, lex: Lexicon) -> str:
    """The text with its single quotation marks read (same length, so offsets hold): a mark that opens a
    quotation becomes ‘ and the mark that closes it ’, every other ’ (and ') an apostrophe '. An opening mark
    stands at a word's start; its closing mark is the first one after it not followed by a letter, never in
    another paragraph; a ’ after a plural's s followed by a word ("the allies’ leaders") closes only where no
    other mark would close the quotation before the next one opens. A quotation that opens a paragraph and
    does not close in it goes on in the next one (kept open, as find_quotes reads it); a straight ' opening
    elsewhere with no closing is an apostrophe. Languages whose marks do not include ‘ and ’ are left alone."""
    if "‘" not in lex.opening or "’" not in lex.closing:
        return text
    if "‘" not in text and "’" not in text and not (lex.straight_single and "'" in text):
        return text
    out = list(text)
    for para in re.finditer(r"[^\n]+", text):
        p0, p1 = para.span()
        marks = [(m.start(), _single_kind(text, m.start(), p0, p1)) for m in _SINGLE.finditer(text, p0, p1)
                 if lex.straight_single or text[m.start()] != "'"]
        if not marks:
            continue
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        for k, (i, kind) in enumerate(marks):
            if kind == "open":
                stack.append(i)
            elif kind == "close" and stack:
                pairs.append((stack.pop(), i))
            elif kind == "weak" and stack:
                nxt = next((x for _, x in marks[k + 1:] if x in ("open", "close")), None)
                if nxt != "close":  # no other mark closes it: the s’ does
                    pairs.append((stack.pop(), i))
        for i, _ in marks:
            out[i] = "'"
        for o, c in pairs:
            out[o], out[c] = "‘", "’"
        for o in stack:  # left open: a quotation going on in the next paragraph ("'…\n\n'…'"), or a ‘ as typed
            if text[o] == "‘" or not text[p0:o].strip(" \t“\"«—–-"):
                out[o] = "‘"
    return "".join(out)


# The quotation marks of a lexicon, as one character class: find_quotes visits them alone (a character that is
# none of them changes nothing; the loop went through every character of the paragraph in Python).
_MARKS: dict[tuple[str, str, str], re.Pattern] = {}


def _marks(lex: Lexicon) -> re.Pattern:
    key = (lex.either, lex.opening, lex.closing)
    found = _MARKS.get(key)
    if found is None:
        chars = sorted(set("".join(key)))
        found = _MARKS[key] = re.compile("[" + "".join(map(re.escape, chars)) + "]" if chars else "(?!)")
    return found


def find_quotes(text: str, start: int, end: int, lex: Lexicon) -> list[Quote]:
    """Quotations in text[start:end], pairing any opening mark with the next closing one (scraped pages
    mix styles: "…» is a quote), nesting by a stack."""
    stack: list[int] = []
    pairs: list[tuple[int, int, int]] = []
    for mark in _marks(lex).finditer(text, start, end):
        i = mark.start()
        c = text[i]
        if c in lex.either:
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            opening = (before.isspace() or before in "([{—–-:,;" or i == start) and not after.isspace() or \
                (before.isspace() or i == start) and after == " " and not stack and text[i + 2:i + 3].isupper()
            # ('" Prevalga il dialogo…": a space typed after the opening mark)
            if opening and not (stack and text[stack[-1]] == c and not after.isalnum()):
                stack.append(i)
            elif stack:
                pairs.append((stack.pop(), i, len(stack)))
            continue
        if c in ("’", "‘") and _is_apostrophe(text, i):
            continue
        if c in lex.opening and stack and text[stack[-1]] == c and not text[i - 1].isspace() \
                and (i + 1 >= end or not text[i + 1].isalnum()):
            pairs.append((stack.pop(), i, len(stack)))  # "“… un successo concreto“.": the opening mark typed
            continue  # again at the end closes the quote
        if c in lex.opening and not (c in lex.closing and stack):
            if c == "‘" and not (i + 1 < end and text[i + 1].isalnum()):
                continue
            stack.append(i)
        elif c in lex.closing:
            if c == "’" and not stack:
                continue  # an apostrophe at a word's end ("po’")
            if stack:
                if c == "’" and text[stack[-1]] != "‘":
                    continue  # a single closing mark only closes a single opening one
                pairs.append((stack.pop(), i, len(stack)))
    # quotes left open run to the end of the paragraph (a quote that goes on in the next one)
    while stack:
        o = stack.pop()
        pairs.append((o, end, len(stack)))
    pairs.sort()
    quotes = [Quote(o, c, d) for o, c, d in pairs]
    # each quote's parent is the nearest quote before it (openings are distinct) that closes at or after
    # it: a stack of the quotes not yet passed by a later one's close finds it without a scan back
    open_quotes: list[int] = []
    for i, q in enumerate(quotes):
        while open_quotes and quotes[open_quotes[-1]].close < q.close:
            open_quotes.pop()
        if open_quotes:
            q.parent = open_quotes[-1]
            q.depth = quotes[q.parent].depth + 1
        else:
            q.depth = 0
        open_quotes.append(i)
    return quotes


def _utterance(text: str, q, s_hi: int, lo: int = 0) -> bool:
    """A quotation that is a whole utterance of its own: set off by a comma or colon, opening with a capital,
    and closing the sentence ("…, telling them, “We cannot wait.”"). The words before it frame it (who
    spoke, where, to whom); they are no part of what was said."""
    inner = text[q.open + 1:q.close].lstrip(" '‘")
    return q.close < s_hi + 2 and inner[:1].isupper() and not text[q.outer_end:s_hi].strip(" .;!?") \
        and re.search(r"[,:]\s*$", text[lo:q.open]) is not None


def _inside_quote(text: str, a: int, b: int) -> bool:
    return any(c in "«“\"" for c in text[a:b])


def _single_quote(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """text[a:b] is one quotation from its opening to its closing mark."""
    depth = 0
    for i in range(a, b):
        c = text[i]
        if c in lex.opening and i == b - 1 and c == text[a] and depth == 1:
            return True  # "“…“": the opening mark typed again closes it (see find_quotes)
        if c in lex.opening or (c in lex.either and i == a):
            depth += 1
        elif c in lex.closing or c in lex.either:
            if c == "’" and _is_apostrophe(text, i):
                continue
            depth -= 1
            if depth == 0 and i < b - 1:
                return False
    return True


def _quote_spans(text: str, sentence: tuple[int, int], lex: Lexicon) -> list[tuple[int, int]]:
    """Quotations of a sentence: a subject is not looked for inside them."""
    lo, hi = sentence
    if hi <= lo:
        return []
    return [(q.open, q.outer_end) for q in find_quotes(text, lo, hi, lex) if q.depth == 0]


def _kind(text: str, ia: int, ib: int, a: int, b: int, quoted_all: bool, lex: Lexicon) -> str:
    if quoted_all:
        return "direct"
    marks = lex.opening + lex.either
    if any(c in marks for c in text[ia:ib]):
        return "mixed"
    return "indirect"
