"""Writes examples/crawl_2025.warc.gz: a small WARC of two crawled pages (written for the sample corpus).

    .venv/bin/python scripts/make_sample_warc.py
"""
from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = [
    ("https://www.continentalledger.example/world/2025/aug/27/rutte-coalition",
     "2025-08-27T09:00:00Z",
     """<!DOCTYPE html><html lang="en"><head><title>Rutte: guarantees for Ukraine must deter Russia</title>
<meta property="og:site_name" content="The Continental Ledger">
<meta property="article:published_time" content="2025-08-26T16:40:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Rutte: guarantees for Ukraine must deter Russia</h1>
<p>NATO Secretary General Mark Rutte said on Tuesday that security guarantees for Ukraine had to be strong enough to deter Russia from ever attacking again.</p>
<p>Military planners from the coalition of the willing were working with US officers on options for a reassurance force, Rutte said in an interview.</p>
<p>Russian Foreign Minister Sergei Lavrov said the same day that guarantees discussed without Moscow were "a road to nowhere".</p>
</article><footer>&copy; 2025 The Continental Ledger</footer></body></html>"""),
    ("https://www.gazzettaeuropea.example/esteri/2025/11/24/ginevra-piano",
     "2025-11-24T12:00:00Z",
     """<!DOCTYPE html><html lang="it"><head><title>Ginevra, Usa e Ucraina rivedono il piano di pace</title>
<meta property="og:site_name" content="Gazzetta Europea">
<meta property="article:published_time" content="2025-11-23T21:15:00+01:00"></head>
<body><nav><a href="/">Home</a> <a href="/esteri">Esteri</a></nav><article>
<h1>Ginevra, Usa e Ucraina rivedono il piano di pace</h1>
<p>Le delegazioni di Stati Uniti e Ucraina hanno concluso domenica a Ginevra una giornata di colloqui sul piano americano per porre fine alla guerra.</p>
<p>Il segretario di Stato Marco Rubio ha parlato di progressi significativi e ha detto che le garanzie di sicurezza per Kiev restano uno dei punti centrali del testo.</p>
<p>Il presidente Volodymyr Zelensky ha ringraziato i partner e ha detto che l'Ucraina lavorerà a una pace dignitosa.</p>
</article><footer>&copy; 2025 Gazzetta Europea</footer></body></html>"""),
]


def main(out: Path = Path(__file__).resolve().parents[1] / "examples" / "crawl_2025.warc.gz") -> Path:
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, date, page in PAGES:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode("utf-8")),
                                               http_headers=headers, warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
    return out


if __name__ == "__main__":
    print(main())
