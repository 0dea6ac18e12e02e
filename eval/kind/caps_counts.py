"""How KIND marks the words of an institution that garante's linker leaves out, on a training part.

    python eval/kind/caps_counts.py [--part wn_train_rest|wn_dev_slice] [--words governo senato ...] [--show WORD]

Two tables:
1. Each capitalised institution word ("Governo", "Senato", "Stato", "Camera"...) by where it stands: inside an
   office phrase of ``roles.yaml`` ("presidente del Senato", "capo dello Stato"), right before a capitalised
   name ("Governo Letta", "Regione Lazio"), or alone. For each: how often KIND marks ORG exactly that word, ORG a
   longer span starting at it (and which: "Camera dei deputati"), another type, nothing; and what the entity
   layer gives now.
2. Each lower-case common noun right before a name the layer gives ("regione Lazio", "università Bocconi", "arma
   dei Carabinieri", "comune di Tirano"), by noun and shape (``N Name``, ``N di Name``): how often KIND marks the
   whole phrase, only the name, or something else.
Develop on the training part (the WikiNews train outside the dev slice); never a test split.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402  (sets the import path of garante and the corpus readers)
from institution_counts import part_documents  # noqa: E402

WORDS = ("governo senato stato camera parlamento regione comune provincia consiglio ministero repubblica congresso "
         "corte tribunale procura questura prefettura presidenza commissione assemblea giunta esercito polizia "
         "magistratura fisco chiesa università marina aeronautica difesa municipio ateneo").split()


def outcome(a: int, b: int, spans: set, text: str) -> str:
    """How a set of (start, end, type) spans covers the word a..b: ``ORG`` (exactly), ``ORG+ <text>`` (a longer
    span that starts there), ``in ORG <text>`` (a span that holds it and starts before), ``LOC``..., ``none``."""
    for x, y, t in spans:
        if (x, y) == (a, b):
            return t
    for x, y, t in spans:
        if x == a and y > b:
            return f"{t}+ {text[x:y]}"
    for x, y, t in spans:
        if x < a and b <= y:
            return f"in {t}"
    return "none"


def office_offsets(doc, lex) -> set[int]:
    """The character starts of the linker's tokens that lie inside an office phrase."""
    from garante.extract.entities import EntityLinker, _office_words
    toks = EntityLinker._tokens(doc)
    return {toks[k].start for k in _office_words(lex, [t.text.lower() for t in toks])}


def place(doc, t, offices: set[int]) -> str:
    if t.start in offices:
        return "office"
    nxt = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.pos == "PROPN":
        return "before name"
    return "alone"


def count_caps(doc, gold, pred, offices, words, table) -> None:
    for t in doc.tokens:
        if not t.text[:1].isupper() or t.text.isupper() or t.text.lower() not in words and t.lemma.lower() not in words:
            continue
        key = (t.lemma.lower(), place(doc, t, offices))
        table[key][("gold", _short(outcome(t.start, t.end, gold, doc.text)))] += 1
        table[key][("pred", _short(outcome(t.start, t.end, pred, doc.text)))] += 1
        table[key][("pair", _short(outcome(t.start, t.end, gold, doc.text)), _short(outcome(t.start, t.end, pred, doc.text)))] += 1
        table[key][("ext", outcome(t.start, t.end, gold, doc.text))] += 1
        table[key][("ctx", _short(outcome(t.start, t.end, gold, doc.text)) + "/" + _short(outcome(t.start, t.end, pred, doc.text)),
                    doc.text[max(0, t.start - 50):t.end + 30].replace("\n", " "))] += 1


def _short(o: str) -> str:
    return o.split(" ")[0]


def count_noun_names(doc, gold, pred, table) -> None:
    """A lower-case noun right before a predicted name, or before "di"+article and the name."""
    starts = {t.start: t for t in doc.tokens}
    for a, b, label in pred:
        t = starts.get(a)
        if t is None or t.i == 0:
            continue
        prev = doc.tokens[t.i - 1]
        shape = "N Name"
        if prev.pos == "ADP" and prev.lemma.lower() == "di" and t.i >= 2:
            prev, shape = doc.tokens[t.i - 2], "N di Name"
        elif prev.text in ("'", "’") and t.i >= 3 and doc.tokens[t.i - 2].lemma.lower() == "di":
            prev, shape = doc.tokens[t.i - 3], "N di Name"
        if prev.pos != "NOUN" or not prev.text[:1].islower():
            continue
        whole = outcome(prev.start, b, gold, doc.text)
        name = outcome(a, b, gold, doc.text)
        verdict = "whole " + _short(whole) if whole != "none" and not whole.startswith("in") else \
            ("name " + _short(name) if name != "none" else "none")
        table[(prev.lemma.lower(), shape)][verdict] += 1
        table[(prev.lemma.lower(), shape)][("ex", verdict.split()[0], doc.text[prev.start:b])] += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="wn_train_rest", choices=["wn_train_rest", "wn_dev_slice"])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror/dhfbk+KIND/repo"))
    ap.add_argument("--words", nargs="*", default=WORDS)
    ap.add_argument("--show", nargs="*", default=[], help="words whose gold extents to print in full")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from garante.extract.entities import EntityLinker, lexicon
    from garante.extract.sentences import SentenceSplitter
    from garante.nlp import LinguisticLayer
    from garante.pipeline import Context, Pipeline
    ctx = Context()
    pipe = Pipeline(ctx, [SentenceSplitter(), LinguisticLayer(), EntityLinker()])
    lex = lexicon(ctx.kb, "it")
    caps, nouns = defaultdict(Counter), defaultdict(Counter)
    for n, (text, gold) in enumerate(part_documents(args.part, args.mirror)):
        if args.limit and n >= args.limit:
            break
        doc = run.analysed(text, pipe)
        pred = run.names(doc, "full")
        count_caps(doc, gold, pred, office_offsets(doc, lex), set(args.words), caps)
        count_noun_names(doc, gold, pred, nouns)
    print("== capitalised institution words: (lemma, place)  KIND | now | (KIND, now)")
    for key, c in sorted(caps.items(), key=lambda kv: -sum(v for k, v in kv[1].items() if k[0] == "gold")):
        gold = {k[1]: v for k, v in c.items() if k[0] == "gold"}
        now = {k[1]: v for k, v in c.items() if k[0] == "pred"}
        pairs = {f"{k[1]}/{k[2]}": v for k, v in c.items() if k[0] == "pair"}
        print(f"{key[0]:12s} {key[1]:12s} KIND {gold}  now {now}  {pairs}")
        if key[0] in args.show:
            for k, v in sorted(c.items(), key=lambda kv: -kv[1]):
                if k[0] == "ext":
                    print(f"      {v:3d} {k[1]}")
            for k in sorted(k for k in c if k[0] == "ctx"):
                print(f"        {k[1]:10s} {k[2]}")
    print("== lower-case noun + name: (noun, shape)  KIND marks")
    for key, c in sorted(nouns.items(), key=lambda kv: -sum(v for k, v in kv[1].items() if isinstance(k, str))):
        verdicts = {k: v for k, v in c.items() if isinstance(k, str)}
        if sum(verdicts.values()) < 2:
            continue
        examples = [k[2] for k in c if not isinstance(k, str) and k[1] == "whole"][:3]
        print(f"{key[0]:14s} {key[1]:10s} {verdicts}  {examples}")


if __name__ == "__main__":
    main()
