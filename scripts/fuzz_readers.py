"""Fuzzing the ingest readers and the cleaner with generated and mutated inputs.

    .venv/bin/python scripts/fuzz_readers.py [--inputs 100000] [--seed 1] [--out DIR] [--budget 5]

Seeds of every kind the readers take (plain text, HTML, JSON Lines, JSON, WARC, WARC.gz, gzip text)
are written here and mutated: bytes flipped, inserted, deleted, duplicated, cut, spliced from another
seed, hostile tokens put in (NUL, a WARC header, a huge Content-Length, U+2028, a gzip magic, escape
sequences), recompressed. Each input goes through ``read_inputs`` from a real file, and each capture
through ``clean``. It is a failure when a reader raises, when an input takes longer than the budget,
when it yields nothing at all (a bad input must be reported), or when an error does not name the file.
Failing inputs are saved under --out. The run prints a summary and the peak memory, and exits 1 on
any failure. tests/test_fuzz_readers.py runs a small sample of the same checks in CI.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from garante.clean import clean  # noqa: E402
from garante.ingest import Capture, IngestError, read_inputs  # noqa: E402

TEXT = ("Vertice a Bruxelles sulle garanzie per Kiev\n"
        "I ministri della Difesa si sono riuniti martedì a Bruxelles. «Servono garanzie solide», ha detto il "
        "ministro. Defence ministers met on Tuesday; \"talks will go on\", a diplomat said.\n")
HTML = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Talks resume</title></head><body><article>"
        "<h1>Talks resume in Geneva</h1><p>" + TEXT.replace("\n", "</p><p>") + "</p></article></body></html>")
TOKENS = [b"\x00", b"\r\n\r\nWARC/1.0\r\n", b"Content-Length: 99999999999\r\n", b"Content-Length: 3\r\n",
          "\u2028".encode(), "\u0085".encode(), b"\x1f\x8b\x08\x00", b"\x1b]0;x\x07", b"\xff\xfe", b"\xef\xbb\xbf",
          b"\n", b"\r", b"{", b"}", b'"', b"\\", b"</html>", b"<script>", b"\xc3", b"\xe2\x80", b"WARC/1.1\r\n"]
KINDS = ["txt", "html", "jsonl", "json", "warc", "warc.gz", "txt.gz"]


def warc(pages: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=http))
    return buf.getvalue()


def seeds() -> dict[str, bytes]:
    records = [{"url": f"https://ex.org/{k}", "title": "Talks", "text": TEXT.replace("martedì", f"giorno {k}")}
               for k in range(3)]
    pages = [(f"https://ex.org/{k}", HTML.replace("Geneva", f"Geneva {k}")) for k in range(3)]
    return {"txt": TEXT.encode(), "html": HTML.encode(),
            "jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode(),
            "json": json.dumps(records, ensure_ascii=False).encode(),
            "warc": warc(pages, gz=False), "warc.gz": warc(pages, gz=True), "txt.gz": gzip.compress(TEXT.encode())}


def mutate(data: bytes, rnd: random.Random, others: list[bytes]) -> bytes:
    """One to four random edits of ``data``."""
    b = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        op = rnd.randrange(9)
        at = rnd.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(at, len(b) - 1)] ^= 1 << rnd.randrange(8)
        elif op == 1:
            b[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        elif op == 2:
            del b[at:at + rnd.randint(1, 64)]
        elif op == 3:
            b[at:at] = b[at:at + rnd.randint(1, 256)] * rnd.randint(1, 4)
        elif op == 4:
            del b[at:]
        elif op == 5:
            other = rnd.choice(others)
            cut = rnd.randrange(len(other) + 1)
            b = b[:at] + bytearray(other[cut:cut + rnd.randint(1, 512)]) + b[at:]
        elif op in (6, 7):
            b[at:at] = rnd.choice(TOKENS)
        else:
            b = bytearray(gzip.compress(bytes(b)))
    return bytes(b)


@dataclass
class Tally:
    inputs: int = 0
    captures: int = 0
    errors: int = 0
    failures: list[str] = field(default_factory=list)
    slowest: float = 0.0


def check_one(path: Path, data: bytes, tally: Tally, budget: float = 5.0) -> str | None:
    """Reads ``data`` from ``path`` and cleans what it yields; a failure's description, or None."""
    path.write_bytes(data)
    t = time.perf_counter()
    try:
        items = list(read_inputs([str(path)], max_bytes=1 << 20))
        for item in items:
            if isinstance(item, Capture):
                clean(item)
    except Exception as e:
        return f"{path.name}: {type(e).__name__}: {e}"
    took = time.perf_counter() - t
    tally.inputs += 1
    tally.slowest = max(tally.slowest, took)
    tally.captures += sum(isinstance(i, Capture) for i in items)
    errors = [i for i in items if isinstance(i, IngestError)]
    tally.errors += len(errors)
    if took > budget:
        return f"{path.name}: took {took:.1f} s, over the {budget} s budget"
    if not items and not path.name.endswith((".warc", ".warc.gz")):
        return f"{path.name}: nothing read and nothing reported"
    bad = [e for e in errors if not (e.source == str(path) or e.source.startswith("https://")) or not e.message]
    if bad:
        return f"{path.name}: an error that does not name the file: {bad[0]}"
    return None


SHORT = ["Ciao come stai oggi", "Hello how are you today", "Bonjour comment allez vous", "Guten Tag wie geht es",
         "Hola como estas hoy", "Olá como você está", "Привет как дела", "Привіт як справи", "Cześć jak się masz",
         "Hallo hoe gaat het", "ab", "é"]


def warm_up(folder: Path) -> None:
    """Reads every seed once and identifies the language of short and long samples: lingua loads
    each language's models on first use (seconds, once a process), which is not a hang."""
    from garante.clean.language import detect
    for text in SHORT + [t * 20 for t in SHORT]:
        detect(text)
    for kind, data in seeds().items():
        check_one(folder / f"seed.{kind}", data, Tally(), budget=float("inf"))


def run(n: int, seed: int = 1, out: Path | None = None, budget: float = 5.0, progress: bool = False) -> Tally:
    rnd = random.Random(seed)
    base = seeds()
    pool = list(base.values())
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="garante-fuzz-") as tmp:
        warm_up(Path(tmp))
        for k in range(n):
            kind = KINDS[k % len(KINDS)]
            data = base[kind] if rnd.random() < 0.02 else mutate(base[kind], rnd, pool)
            path = Path(tmp) / f"input{k}.{kind}"
            failure = check_one(path, data, tally, budget)
            if failure:
                tally.failures.append(failure)
                if out:
                    out.mkdir(parents=True, exist_ok=True)
                    (out / path.name).write_bytes(data)
            path.unlink(missing_ok=True)
            if progress and (k + 1) % 5000 == 0:
                print(f"{k + 1} inputs, {len(tally.failures)} failures, peak {peak_mb():.0f} MB", file=sys.stderr)
    return tally


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=None, help="where failing inputs are saved")
    ap.add_argument("--budget", type=float, default=5.0, help="seconds one input may take")
    a = ap.parse_args()
    t = time.perf_counter()
    tally = run(a.inputs, a.seed, a.out, a.budget, progress=True)
    print(f"{tally.inputs} inputs read in {time.perf_counter() - t:.0f} s: {tally.captures} captures, "
          f"{tally.errors} errors reported, {len(tally.failures)} failures; slowest input {tally.slowest:.2f} s; "
          f"peak memory {peak_mb():.0f} MB")
    for f in tally.failures[:20]:
        print("FAIL", f)
    return 1 if tally.failures or peak_mb() > 500 else 0


if __name__ == "__main__":
    sys.exit(main())
