"""Bytes to text: detect the encoding, refuse binary data, repair mixed encodings line by line."""
from __future__ import annotations


class DecodeError(Exception):
    pass


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_bytes(data: bytes) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}: {e.reason}")
    if _is_binary(data):
        raise DecodeError("binary data, not text (NUL or control bytes); skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mixed captures: most lines UTF-8, some in a legacy single-byte encoding. Decode each line on
    # its own rather than letting one bad line decide the encoding of the whole file.
    lines = data.split(b"\n")
    utf8_ok = sum(1 for ln in lines if _is_utf8(ln) and any(b > 0x7F for b in ln))
    if utf8_ok:
        legacy = _legacy_encoding(data)
        return "\n".join(ln.decode("utf-8") if _is_utf8(ln) else ln.decode(legacy, "replace") for ln in lines)
    return data.decode(_legacy_encoding(data), "replace")


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _legacy_encoding(data: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is not None and best.encoding and not best.encoding.startswith("utf"):
            return best.encoding
    except Exception:  # detection is a hint, never a reason to fail
        pass
    return "cp1252"


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(sample) > 0.05
