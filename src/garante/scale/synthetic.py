"""Synthetic stances for benchmarks and equivalence tests: documents, statements and stances written
straight into a store, with the cases the position rules care about (same-date evidence, neutral
statements, undated ones, speakers the knowledge base does not know, states speaking for themselves)."""
from __future__ import annotations

import random

ISSUES = ["nato_membership", "foreign_troops_in_ukraine", "security_guarantees", "territorial_concessions",
          "sanctions_relief", "ceasefire", "reparations", "neutrality"]
STANCES = ["support", "oppose", "conditional", "neutral"]
STATES = [("russia", "Russia"), ("ukraine", "Ukraine"), ("france", "France"), ("united-kingdom", "United Kingdom"),
          ("germany", "Germany"), ("united-states", "United States"), ("nato", "NATO"), ("italy", "Italy")]


def people(n: int) -> list[tuple[str, str, str]]:
    return [(f"person-{i}", f"Person {i:03d}", STATES[i % len(STATES)][0]) for i in range(n)]


def fill(store, stances: int, seed: int = 7, per_statement: int = 2, per_document: int = 5,
         persons: int = 200) -> None:
    """About ``stances`` stances over ``stances / per_statement / per_document`` documents."""
    rnd = random.Random(seed)
    folk = people(persons)
    state_name = dict(STATES)
    entities = [(i, n, "PER") for i, n, _ in folk] + [(i, n, "GPE") for i, n in STATES]
    with store.transaction():
        _many(store, "INSERT INTO entities (id, name, type, origin, data) VALUES (?, ?, ?, 'kb', '{}')", entities)
    doc_id = st_id = stance_id = 0
    while stance_id < stances:
        docs, sts, sps = [], [], []
        for _ in range(min(2000, (stances - stance_id) // (per_statement * per_document) + 1)):
            doc_id += 1
            published = None if rnd.random() < 0.05 else f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            outlet = rnd.choice(["Ledger", "Gazzetta", "Courier", "", None])
            docs.append((doc_id, f"h{doc_id}", f"synthetic/{doc_id}.txt", published, outlet))
            for seq in range(per_document):
                st_id += 1
                sts.append((st_id, doc_id, seq, *_speaker(rnd, folk, state_name), _date(rnd, published)))
                for _ in range(per_statement):
                    stance_id += 1
                    sps.append((stance_id, st_id, doc_id, rnd.choice(ISSUES), rnd.choice(STANCES),
                                rnd.choice([0.5, 0.7, 0.9, 1.0, None])))
        _write(store, docs, sts, sps)


def _speaker(rnd, folk, state_name) -> tuple:
    """speaker_name, speaker_entity_id, on_behalf_of_id, on_behalf_of_name"""
    roll = rnd.random()
    if roll < 0.1:  # a state speaking for itself
        sid, name = rnd.choice(list(state_name.items()))
        return name, sid, None, None
    if roll < 0.15:  # a speaker the knowledge base does not know, for no one or for a named state
        return f"Unknown {rnd.randint(1, 20)}", None, None, rnd.choice([None, "Moldova"])
    pid, name, state = rnd.choice(folk)
    return name, pid, state, state_name[state]


def _date(rnd, published):
    roll = rnd.random()
    if roll < 0.6:
        return published
    return None if roll < 0.7 else f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"


def _write(store, docs, sts, sps) -> None:
    with store.transaction():
        _many(store, "INSERT INTO documents (id, content_hash, source, format, raw, text, published, outlet, "
                     "pipeline_version, ingested_at, analysed_at) VALUES (?, ?, ?, 'text', '', '', ?, ?, "
                     "'synthetic', '', '')", docs)
        _many(store, "INSERT INTO statements (id, document_id, seq, content_start, content_end, content, kind, "
                     "speaker_name, speaker_entity_id, on_behalf_of_id, on_behalf_of_name, date) "
                     "VALUES (?, ?, ?, 0, 0, '', 'indirect', ?, ?, ?, ?, ?)", sts)
        _many(store, "INSERT INTO stances (id, statement_id, document_id, issue, stance, confidence) "
                     "VALUES (?, ?, ?, ?, ?, COALESCE(?, 1.0))", sps)


def _many(store, sql: str, rows: list[tuple]) -> None:
    if store.dialect == "postgres":
        store.conn.cursor().executemany(store._sql(sql), rows)
    else:
        store.conn.executemany(sql, rows)


# --- synthetic captures, varied from a sample corpus -------------------------------------------------

SWAPS = [("Peskov", "Lavrov"), ("Macron", "Starmer"), ("Zelensky", "Sybiha"), ("Rutte", "Stoltenberg"),
         ("Mosca", "Minsk"), ("Parigi", "Londra"), ("Paris", "London")]


def vary_corpus(sources: list[str], n: int, out: str, seed: int = 11) -> list[str]:
    """``n`` captures written under ``out``, each a variation of one of the captures read from
    ``sources``: names swapped, body paragraphs reordered, a line of its own (so no two are the same
    content). Text captures stay text, HTML pages stay HTML."""
    import random
    from pathlib import Path
    from ..ingest import Capture, read_inputs
    rnd = random.Random(seed)
    base = [c for c in read_inputs(sources) if isinstance(c, Capture)]
    folder = Path(out)
    written = []
    for i in range(n):
        c = base[i % len(base)]
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{i:06d}.{'html' if c.format == 'html' else 'txt'}"
        path.write_text(_vary(c.raw, c.format, i, rnd), encoding="utf-8")
        written.append(str(path))
    return written


def _vary(raw: str, fmt: str, i: int, rnd) -> str:
    for a, b in SWAPS:
        if rnd.random() < 0.5:
            raw = raw.replace(a, "\0").replace(b, a).replace("\0", b)
    if fmt == "html":
        return raw.replace("</body>", f"<!-- variant {i} --></body>") if "</body>" in raw else raw + f"<!-- {i} -->"
    head, _, body = raw.partition("\n\n")
    paragraphs = body.split("\n\n")
    if len(paragraphs) > 3:
        middle = paragraphs[1:-1]
        rnd.shuffle(middle)
        paragraphs = [paragraphs[0], *middle, paragraphs[-1]]
    return f"{head}\n\n" + "\n\n".join(paragraphs) + f"\n\nRif. {i}\n"
