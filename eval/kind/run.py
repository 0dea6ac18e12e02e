"""garante's entity layer on KIND (Italian NER, PER/ORG/LOC), exact-span micro P/R/F.

    python eval/kind/run.py [--split wn_test|wn_kind_test|fic_test|adg_test|wn_dev_slice] [--mode full|rules|ner]

KIND is fetched with the search tool's ``fetch`` (dhfbk/KIND, CC BY-NC 4.0; De Gasperi CC BY-NC-SA 4.0)
and read from its git mirror. Sentences are grouped ten to a document, as in training. Modes:
``full`` = the pipeline as shipped (names from the model, linked by the knowledge base); ``rules`` = the
knowledge-base linker alone (the previous entity layer); ``ner`` = the model's names alone.
Knowledge-base mentions count as names except role descriptions, state adjectives, a people named for
its state ("gli ucraini": resolution ``demonym``) and a social platform named as a medium ("su Facebook"),
which KIND does not annotate. A state or a place the linker marks acting (``attrs["acting"]``: "l'Italia ha
deciso") is ORG, as KIND types a state that acts; another GPE takes the model's type for the same span, else
LOC. Develop on ``wn_dev_slice`` (a tenth of the WikiNews train, never trained on); the tests are for
reporting. ``analyse.py`` beside this counts the errors by cause.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts" / "train"))

SPLITS = {"wn_test": "evalita-2023/WN_test.tsv", "wn_kind_test": "evalita-2023/WN_dev.tsv",
          "fic_test": "evalita-2023/FIC_test.tsv", "adg_test": "evalita-2023/ADG_test.tsv",
          "wn_dev_slice": "evalita-2023/WN_train.tsv"}
NOT_NAMES = {"role", "coreference", "adjective", "demonym"}
# the prepositions before a platform named as the medium of a post ("su Facebook", "in un video su Telegram")
MEDIUM_PREPOSITIONS = {"su", "in"}


def documents(split: str, mirror: Path):
    import spacy
    from corpora import labelled_docs
    text = subprocess.run(["git", "-C", str(mirror), "show", f"HEAD:{SPLITS[split]}"], check=True,
                          capture_output=True, text=True).stdout
    vocab = spacy.blank("it").vocab
    for i, doc in enumerate(labelled_docs(vocab, io.StringIO(text))):
        if split == "wn_dev_slice" and i % 10 != 0:
            continue
        yield doc.text, {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def predict(text: str, pipe, mode: str) -> set[tuple[int, int, str]]:
    return names(analysed(text, pipe), mode)


def analysed(text: str, pipe):
    """The text as one body zone, through the pipeline."""
    from garante.document import Document, Span
    doc = Document(source="kind", raw=text, text=text, meta={"language": "it"})
    doc.add(Span(0, len(text), "zone", "body"))
    pipe(doc)
    return doc


def names(doc, mode: str) -> set[tuple[int, int, str]]:
    """The names of an analysed document as (start, end, KIND type)."""
    if mode == "ner":
        return {(s.start, s.end, s.label) for s in doc.layer("ner")}
    out = set()
    model_type = {(s.start, s.end): s.label for s in doc.layer("ner")}
    for m in doc.layer("mention"):
        if m.attrs.get("resolution") in NOT_NAMES or m.label not in ("PER", "ORG", "LOC", "GPE") \
                or (m.attrs.get("entity_id") in platforms() and as_medium(doc, m)):
            continue
        out.add((m.start, m.end, kind_type(m, model_type)))
    return out


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    """The knowledge base's social platforms (``kind: platform``: Facebook, Telegram...)."""
    from garante.pipeline import Context
    return frozenset(e.id for e in Context().kb.entities.values() if e.data.get("kind") == "platform")


def as_medium(doc, mention) -> bool:
    """A platform named as the medium, where something was written ("su Facebook", "sul profilo Instagram",
    "la pagina Facebook"), which KIND does not annotate; the company that acts or is listed with others
    ("Google e Facebook") it does. The parse decides: a preposition of a medium before it, or the platform
    hanging on a noun as its modifier."""
    head = doc.root(mention.start, mention.end)
    if head is None:
        return False  # unparsed ("rules" mode): no telling, kept as before
    cases = {c.lemma.lower() for c in doc.children(head) if c.dep == "case"}
    return bool(cases & MEDIUM_PREPOSITIONS) or (not cases and head.dep in ("nmod", "flat", "flat:name", "compound"))


def kind_type(mention, model_type: dict) -> str:
    """KIND marks a state or a city as ORG where it acts and LOC where it is a place; our mentions say GPE
    for a state either way. A state or a place the linker found acting (the subject of a verb of saying or
    acting, ``attrs["acting"]``: "l'Italia ha deciso", "Toronto ha celebrato") is ORG; a state that labels a
    headline or a dateline ("UCRAINA: …", ``attrs["headline"]``) does nothing there: LOC; elsewhere a state
    takes the model's type for the same span (learned from KIND), else LOC."""
    if mention.attrs.get("headline") and mention.label == "GPE":
        return "LOC"
    if mention.attrs.get("acting") and mention.label in ("GPE", "LOC"):
        return "ORG"
    if mention.label != "GPE":
        return mention.label
    return model_type.get((mention.start, mention.end), "LOC")


def write_errors(out, text: str, pred: set, gold: set) -> None:
    """Each wrong span with the gold spans it overlaps (a type error shows as one FP and one FN)."""
    for kind, spans, other in (("fp", pred - gold, gold), ("fn", gold - pred, pred)):
        for a, b, label in sorted(spans):
            near = [f"{text[x:y]}/{t}" for x, y, t in other if x < b and a < y]
            out.write(json.dumps({"kind": kind, "span": text[a:b], "label": label, "overlaps": near,
                                  "context": text[max(0, a - 60):b + 60].replace("\n", " ")},
                                 ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="wn_dev_slice", choices=sorted(SPLITS))
    ap.add_argument("--mode", default="full", choices=["full", "rules", "ner"])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror/dhfbk+KIND/repo"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=Path, help="write each false positive and false negative with its context "
                    "(JSON lines; for the development split)")
    args = ap.parse_args()
    from garante.pipeline import Context, Pipeline
    from garante.extract.sentences import SentenceSplitter
    from garante.extract.entities import EntityLinker
    from garante.nlp import LinguisticLayer
    comps = [SentenceSplitter()] + ([] if args.mode == "rules" else [LinguisticLayer()]) \
        + ([] if args.mode == "ner" else [EntityLinker()])
    pipe = Pipeline(Context(), comps)
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = args.errors.open("w", encoding="utf-8") if args.errors else None
    for n, (text, gold) in enumerate(documents(args.split, args.mirror)):
        if args.limit and n >= args.limit:
            break
        pred = predict(text, pipe, args.mode)
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
        if errors:
            write_errors(errors, text, pred, gold)
    def prf(t, p, f):
        pr = t / (t + p) if t + p else 0.0
        rc = t / (t + f) if t + f else 0.0
        return {"p": round(pr, 4), "r": round(rc, 4), "f": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0}
    result = {"split": args.split, "mode": args.mode,
              "micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
              "per_type": {t: prf(tp[t], fp[t], fn[t]) for t in ("PER", "ORG", "LOC")}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
