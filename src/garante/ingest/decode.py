"""Bytes to text: detect the encoding, refuse binary data, repair mixed encodings and mojibake line by line.

``decode_report`` returns the text and a list of notes saying what was repaired (mixed encodings,
mojibake), so that the caller can report them; ``decode_bytes`` returns the text alone.
"""
from __future__ import annotations

import codecs
import re
import unicodedata


class DecodeError(Exception):
    pass


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# UTF-8 read as cp1252/latin-1: "Ã¨" for "è", "â€™" for "’" (latin-1: "â" and two C1 controls), "Â°" for "°"
MOJIBAKE = re.compile(r"[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u0192]"
                      r"|â€[\u0098-\u00bf\u2018-\u203a™œ\"]|â€|â[\u0080-\u009f][\u0080-\u00bf]")


def decode_bytes(data: bytes) -> str:
    return decode_report(data)[0]


def decode_report(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """``declared``: the charset the container or the page states (HTTP header, <meta charset>); it is
    used when the bytes are not UTF-8, before any guessing."""
    notes: list[str] = []
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), notes
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}: {e.reason}")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), [f"no byte-order mark; read as {utf16}"]
        except UnicodeDecodeError:
            pass
    if (why := _binary(data)):
        raise DecodeError(f"binary data, not text ({why}); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        # Mixed captures: most lines UTF-8, some in a legacy single-byte encoding. Decode each line on
        # its own rather than letting one bad line decide the encoding of the whole file.
        lines = data.split(b"\n")
        bad = [i for i, ln in enumerate(lines, 1) if not _is_utf8(ln)]
        utf8_ok = sum(1 for ln in lines if _is_utf8(ln) and any(b > 0x7F for b in ln))
        if utf8_ok:
            legacy = "cp1252"
            text = "\n".join(ln.decode("utf-8", "garante-legacy") for ln in lines)
            notes.append(f"mixed encodings: {_lines(bad)} not UTF-8, decoded as {legacy}")
        elif (stated := _codec(declared)) and _decodes(data, stated):
            text = data.decode(stated)  # the page says what it is and it is: nothing to report
        else:
            legacy = _legacy_encoding(data)
            text = data.decode(legacy, "replace")
            notes.append(f"not UTF-8; decoded as {legacy}")
    text, fixed = repair_mojibake(text)
    if fixed:
        notes.append(f"mojibake (UTF-8 read as cp1252) repaired on {_lines(fixed)}")
    return text, notes


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first kilobytes (<meta charset> or http-equiv)."""
    m = META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # latin-1 as declared on the web means windows-1252 (as browsers read it)
    return "cp1252" if codec in ("latin_1", "iso8859-1", "ascii") else codec


def _decodes(data: bytes, codec: str) -> bool:
    if codec.startswith("utf"):
        return False  # a page that says UTF-8 but is not: the declaration is what went wrong
    try:
        data.decode(codec)
        return True
    except UnicodeDecodeError:
        return False


def _legacy_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode-error handler: bytes that are not UTF-8 are read as cp1252 (latin-1 where cp1252 has a hole)."""
    bad = err.object[err.start:err.end]
    return "".join(_legacy(bytes([b]), "cp1252") for b in bad), err.end


codecs.register_error("garante-legacy", _legacy_bytes)


def _lines(nums: list[int]) -> str:
    shown = ", ".join(str(n) for n in nums[:8])
    more = f" and {len(nums) - 8} more" if len(nums) > 8 else ""
    return f"line{'s' if len(nums) > 1 else ''} {shown}{more}"


def _legacy(b: bytes, enc: str) -> str:
    try:
        return b.decode(enc)
    except UnicodeDecodeError:
        return b.decode("latin-1")


# one UTF-8 character misread as cp1252: a lead byte (Â..ô) and one to three continuation bytes, each shown
# as the cp1252 character of that byte (0x80-0xBF: "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ" and U+00A0-U+00BF)
_CONT = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
        "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MISREAD = re.compile(f"[\u00c2-\u00f4][{_CONT}]{{1,3}}")


def repair_mojibake(text: str) -> tuple[str, list[int]]:
    """Undo UTF-8 text that was once decoded as cp1252, sequence by sequence: a sequence is replaced only
    when its bytes are one valid UTF-8 character."""
    if not MOJIBAKE.search(text):
        return text, []
    out, fixed = [], []
    for n, line in enumerate(text.split("\n"), 1):
        if MOJIBAKE.search(line):
            new = _MISREAD.sub(lambda m: _roundtrip(m.group(0)) or m.group(0), line)
            if new != line:
                fixed.append(n)
                line = new
        out.append(line)
    return "\n".join(out), fixed


def _roundtrip(line: str) -> str | None:
    raw = bytearray()
    for ch in line:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            o = ord(ch)
            if o < 256:
                raw.append(o)  # bytes cp1252 leaves undefined (0x81, 0x8d ...) come through as latin-1
            else:
                raw += ch.encode("utf-8")
    try:
        out = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return out if len(out) == 1 else None


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _legacy_encoding(data: bytes) -> str:
    """The single-byte encoding of a file that is not UTF-8. charset-normalizer proposes one; on short
    texts it often confuses the Latin code pages (cp1250 for an Italian "è" gives "č"), so its guess is
    kept only where the text it gives reads more surely as a language than the Western default does."""
    guess = None
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data[:65536]).best()
        if best is not None and best.encoding and not best.encoding.startswith("utf"):
            guess = best.encoding
    except Exception:  # detection is a hint, never a reason to fail
        pass
    if not guess or codecs.lookup(guess).name == "cp1252":
        return "cp1252"
    sample = data[:4096]
    theirs, western = sample.decode(guess, "replace"), sample.decode("cp1252", "replace")
    if theirs == western or _foreign_letters(theirs) > _foreign_letters(western):
        return "cp1252"
    return guess


def _foreign_letters(text: str) -> int:
    """Accented letters that the text's language does not write (``letters`` in data/lang/<code>/
    furniture.yaml): many where a code page was misread. 0 where the language's letters are not known."""
    from .. import lang
    from ..clean.language import detect
    code = detect(text)
    letters = (lang.topic(code, "furniture") or {}).get("letters") if code in lang.available() else None
    if not letters:
        return 0
    allowed = set(str(letters).casefold())
    return sum(1 for ch in text.casefold()
               if ord(ch) > 127 and ch not in allowed and unicodedata.category(ch)[0] in "LMC")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _binary(data: bytes) -> str | None:
    """Why ``data`` is not text: a NUL byte anywhere (wherever it is: a file is refused or stored
    the same whatever its length), or many control bytes at its start."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"a NUL byte at byte {nul}"
    sample = data[:8192]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if sample and control / len(sample) > 0.05:
        return f"{control} control bytes in the first {len(sample)}"
    return None
