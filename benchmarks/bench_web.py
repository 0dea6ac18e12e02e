"""Latency of the workbench's pages and JSON API on a large store.

    python benchmarks/bench_web.py [--docs 10000] [--requests 30] [--db PATH] [--keep]

Generates a store of synthetic but realistically shaped articles (furniture lines around a title
and body, 3-5 quoted statements each with speaker, the state it speaks for, a date and stances,
entity mentions and time expressions, 20 outlets, English and Italian, four years of dates), written
with the store's own ``save_document``. Then requests every page and API endpoint in-process (the
ASGI app through httpx, no network) and prints median and p95 latency per endpoint, with ratios to
two baselines measured in the same run: ``/api/health`` (the web stack alone) and one indexed SQLite
read. "first" is the first request after start-up (caches cold: ``garante serve`` builds them in the
background at start); then the first requests after an analyst's correction. The target is pages
under 300 ms on 10,000 documents.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# (person id, name, state id, state name): world knowledge, the actors of the negotiation
ACTORS = [
    ("vladimir-putin", "Vladimir Putin", "russia", "Russia"),
    ("sergei-lavrov", "Sergei Lavrov", "russia", "Russia"),
    ("dmitry-peskov", "Dmitry Peskov", "russia", "Russia"),
    ("volodymyr-zelensky", "Volodymyr Zelensky", "ukraine", "Ukraine"),
    ("andrii-sybiha", "Andrii Sybiha", "ukraine", "Ukraine"),
    ("emmanuel-macron", "Emmanuel Macron", "france", "France"),
    ("keir-starmer", "Keir Starmer", "united-kingdom", "United Kingdom"),
    ("friedrich-merz", "Friedrich Merz", "germany", "Germany"),
    ("giorgia-meloni", "Giorgia Meloni", "italy", "Italy"),
    ("antonio-tajani", "Antonio Tajani", "italy", "Italy"),
    ("donald-trump", "Donald Trump", "united-states", "United States"),
    ("marco-rubio", "Marco Rubio", "united-states", "United States"),
    ("mark-rutte", "Mark Rutte", "nato", "NATO"),
    ("ursula-von-der-leyen", "Ursula von der Leyen", "european-union", "European Union"),
    ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "turkey", "Turkey"),
]
ISSUES = ["foreign_troops_in_ukraine", "ceasefire", "nato_membership", "security_guarantees",
          "territorial_concessions", "sanctions_relief", "article5_like_guarantee", "air_defence"]
STANCES = ["support", "oppose", "conditional", "neutral"]
OUTLETS = [f"{a} {b}" for a in ("Daily", "Evening", "Corriere", "Gazzetta", "Tribune")
           for b in ("Ledger", "Post", "del Nord", "Observer")]
QUOTES_EN = ["European troops could be deployed once a ceasefire holds",
             "any agreement must include binding security guarantees for Kyiv",
             "sanctions will stay until a just peace is reached",
             "foreign soldiers in Ukraine would be legitimate targets",
             "we are ready to talk if the front line is frozen",
             "air defence remains our first priority this winter",
             "membership of the alliance is not on the table for now",
             "no territory will be given up in exchange for promises"]
QUOTES_IT = ["le truppe europee restano un'opzione sul tavolo",
             "una tregua è possibile solo se cessano le forniture di armi",
             "servono garanzie di sicurezza vincolanti per Kiev",
             "le sanzioni resteranno finché non ci sarà una pace giusta",
             "non cederemo territori in cambio di promesse",
             "la difesa aerea è la nostra priorità per l'inverno"]
FURNITURE = ["Home | World | Politics | Sport | Login", "Subscribe to our newsletter",
             "Most read", "© {outlet} {year} - All rights reserved", "Cookie settings"]


def generate(db: str, n_docs: int, seed: int = 7) -> float:
    from garante.document import Document, LineLabel, Segment, Span, Stance, Statement
    from garante.store import Store
    rnd = random.Random(seed)
    t0 = time.perf_counter()
    # each state holds a line on each issue, changes it at most once in four years, and its people
    # mostly keep to it
    lines = {(s, i): (rnd.choice(STANCES), rnd.choice(STANCES), f"{rnd.randint(2022, 2027)}-06-01")
             for s in {a[2] for a in ACTORS} for i in ISSUES}

    def line(state: str, issue: str, when: str) -> str:
        first, then, turn = lines[(state, issue)]
        return (first if when < turn else then) if rnd.random() < 0.85 else rnd.choice(STANCES)

    with Store(db) as store:
        store.upsert_entities([{"id": p, "name": pn, "type": "PER", "origin": "kb"} for p, pn, _, _ in ACTORS]
                              + [{"id": s, "name": sn, "type": "GPE", "origin": "kb"}
                                 for s, sn in sorted({(a[2], a[3]) for a in ACTORS})])
        for n in range(n_docs):
            lang = "it" if rnd.random() < 0.4 else "en"
            outlet = rnd.choice(OUTLETS)
            day = 1 + int(rnd.random() * 4 * 365)
            published = time.strftime("%Y-%m-%d", time.gmtime(1640995200 + day * 86400))
            speakers = rnd.sample(ACTORS, rnd.randint(3, 5))
            title = (f"{speakers[0][1]} e {speakers[1][1]} sulla guerra ({n})" if lang == "it"
                     else f"{speakers[0][1]} and {speakers[1][1]} on the war ({n})")
            paragraphs, planned = [], []
            for person, pname, state, sname in speakers:
                quote = rnd.choice(QUOTES_IT if lang == "it" else QUOTES_EN)
                lead = (f"Il {pname} ha detto giovedì che «" if lang == "it"
                        else f"{pname} said on Thursday that \"")
                close = "»." if lang == "it" else "\"."
                context = (" Lo ha riferito l'agenzia, citando fonti diplomatiche a Bruxelles." if lang == "it"
                           else " Diplomats in Brussels said talks would continue next week.")
                paragraphs.append(lead + quote + close + context)
                planned.append((person, pname, state, sname, quote, lead))
            body = "\n\n".join(paragraphs)
            text = f"{title}\n\n{body}"
            head = "\n".join(FURNITURE[:3]) + "\n"
            tail = "\n" + FURNITURE[3].format(outlet=outlet, year=published[:4]) + "\n" + FURNITURE[4] + "\n"
            raw = head + text + tail
            doc = Document(source=f"bench/{n}.txt", raw=raw, format="text", text=text,
                           meta={"title": title, "outlet": outlet, "language": lang, "published": published,
                                 "published_precision": "day", "url": f"https://news.example/{n}"})
            base = len(head)
            doc.segments = [Segment(0, base, len(text))]
            doc.lines = [LineLabel(0, base - 1, "furniture", "navigation words"),
                         LineLabel(base, base + len(title), "title", "first prose line"),
                         LineLabel(base + len(title) + 2, base + len(text), "body", "article block"),
                         LineLabel(base + len(text) + 1, len(raw), "furniture", "copyright")]
            pos = len(title) + 2
            for (person, pname, state, sname, quote, lead), para in zip(planned, paragraphs):
                name_at = para.index(pname) + pos
                doc.add(Span(name_at, name_at + len(pname), "mention", "PER", {"entity_id": person, "name": pname},
                             component="bench", rule="synthetic"))
                day_word = "giovedì" if lang == "it" else "Thursday"
                t_at = para.index(day_word) + pos
                doc.add(Span(t_at, t_at + len(day_word), "timex", "DATE", {"value": published},
                             component="bench", rule="synthetic"))
                q_at = pos + len(lead)
                issues = rnd.sample(ISSUES, rnd.randint(1, 2))
                doc.statements.append(Statement(
                    content_start=q_at, content_end=q_at + len(quote), content=quote, kind="direct", cue="said",
                    speaker_name=pname, speaker_entity_id=person, speaker_start=name_at,
                    speaker_end=name_at + len(pname), on_behalf_of_id=state, on_behalf_of_name=sname,
                    date=published, date_source="document", component="bench", rule="synthetic",
                    stances=[Stance(i, line(state, i, published), round(rnd.uniform(0.5, 1), 2), q_at,
                                    q_at + len(quote), component="bench", rule="synthetic") for i in issues]))
                pos += len(para) + 2
            store.save_document(doc, "bench")
    return time.perf_counter() - t0


def timed(call, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        call()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--requests", type=int, default=30, help="requests per endpoint")
    ap.add_argument("--db", help="store to use (generated when missing)")
    ap.add_argument("--keep", action="store_true", help="keep the generated store")
    a = ap.parse_args()
    warnings.filterwarnings("ignore")
    from fastapi.testclient import TestClient
    from garante.present.web import create_app

    tmp = tempfile.mkdtemp(prefix="garante-bench-web-")
    db = a.db or str(Path(tmp) / "bench.db")
    if not Path(db).exists():
        secs = generate(db, a.docs)
        print(f"generated {a.docs} documents in {secs:.1f} s -> {db}")
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("documents", "statements", "stances", "spans")}
    print("store:", ", ".join(f"{v} {k}" for k, v in counts.items()))
    ids = [r[0] for r in con.execute("SELECT id FROM documents")]
    rnd = random.Random(1)

    t = time.perf_counter()
    app = create_app(db, token="bench")
    client = TestClient(app)
    print(f"app start (FTS index built on first start): {(time.perf_counter() - t) * 1000:.0f} ms")

    def get(url):
        def call():
            r = client.get(url() if callable(url) else url)
            assert r.status_code == 200, (r.status_code, r.text[:200])
        return call

    sql = lambda: con.execute("SELECT id, title, outlet FROM documents WHERE id = ?", (rnd.choice(ids),)).fetchall()
    doc = lambda: f"/documents/{rnd.choice(ids)}"
    api_doc = lambda: f"/api/documents/{rnd.choice(ids)}"
    actor = lambda: f"/actors/{rnd.choice(ACTORS)[rnd.choice((0, 2))]}"
    issue = lambda: f"/issues/{rnd.choice(ISSUES)}"
    word = lambda: rnd.choice(["troops", "sanzioni", "guarantees", "tregua", "territory", "alliance"])
    search = lambda: f"/search?q={word()}&outlet={rnd.choice(OUTLETS).replace(' ', '+')}"
    search_actor = lambda: f"/search?q={word()}&actor={rnd.choice(ACTORS)[2]}&date_from=2024-01-01"
    evidence = lambda: f"/evidence?actor={rnd.choice(ACTORS)[2]}&issue={rnd.choice(ISSUES)}"
    changes = lambda: f"/changes?date_from=2024-{rnd.randint(1, 12):02d}-01&date_to=2025-{rnd.randint(1, 12):02d}-28"
    cases = [
        ("baseline: SQLite read by id", sql),
        ("baseline: GET /api/health", get("/api/health")),
        ("page /  (overview)", get("/")),
        ("page /documents", get("/documents")),
        ("page /documents/{id}", get(doc)),
        ("page /actors/{id}", get(actor)),
        ("page /issues/{id}", get(issue)),
        ("page /matrix", get("/matrix")),
        ("page /evidence", get(evidence)),
        ("page /search (words, outlet)", get(search)),
        ("page /search (words, actor, date)", get(search_actor)),
        ("page /changes", get(changes)),
        ("api /api/overview", get("/api/overview")),
        ("api /api/documents/{id}", get(api_doc)),
        ("api /api/matrix", get("/api/matrix")),
        ("api /api/search", get(lambda: "/api/search?q=" + word())),
    ]
    # the first request after a change rebuilds what is cached (positions, overview, timelines)
    first = {}
    for name, call in cases:
        first[name] = timed(call, 1)[0]
    results = {name: timed(call, a.requests) for name, call in cases}
    base = statistics.median(results["baseline: GET /api/health"])
    print(f"\n{'endpoint':38} {'first':>8} {'median':>8} {'p95':>8} {'x health':>9}")
    worst = 0.0
    for name, times in results.items():
        times.sort()
        med = statistics.median(times)
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        if name.startswith("page"):
            worst = max(worst, p95)
        print(f"{name:38} {first[name]:7.1f}  {med:7.1f}  {p95:7.1f}  {med / base:8.1f}")
    # an analyst's correction: only the position cells it touches are computed again
    sid = con.execute("SELECT id FROM statements WHERE on_behalf_of_id = 'russia' LIMIT 1").fetchone()[0]
    r = client.post("/api/corrections/speaker", json={"statement_id": sid, "entity_id": "emmanuel-macron"},
                    headers={"Authorization": "Bearer bench"})
    assert r.status_code == 201, r.text
    after = {name: timed(get(url), 1)[0] for name, url in
             (("page /matrix", "/matrix"), ("page /actors/russia", "/actors/russia"),
              ("page /changes", "/changes?date_from=2024-01-01&date_to=2025-06-30"))}
    print("\nfirst request after a correction: "
          + ", ".join(f"{name} {ms:.0f} ms" for name, ms in after.items()))
    print(f"\nslowest page p95: {worst:.0f} ms (target < 300 ms on 10,000 documents) "
          f"{'OK' if worst < 300 else 'OVER TARGET'}")
    if not a.keep and not a.db:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    elif not a.db:
        print(f"store kept at {db}")


if __name__ == "__main__":
    main()
