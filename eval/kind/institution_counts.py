"""How the institutions named by a common noun (extract/institutions.py) fare against KIND, noun by noun.

    python eval/kind/institution_counts.py [--part wn_train_rest|fic_train|adg_train|wn_dev_slice] [--limit N]

For each noun of ``data/lang/it/institutions.yaml``: the mentions the rule made (rule ``institution``), how many
KIND marks ORG with exactly that span, how many start there with another end (the extent differs), and how many
are no ORG at all; then the lower-case ORG names KIND marks that no mention matches, by first word. Develop on
the training parts (``wn_train_rest``: the nine tenths of the WikiNews train outside the dev slice); never on a test.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import ROOT  # noqa: E402  (run.py puts src/ and scripts/train/ on the path)

PARTS = {"wn_train_rest": "evalita-2023/WN_train.tsv", "wn_dev_slice": "evalita-2023/WN_train.tsv",
         "fic_train": "evalita-2023/FIC_train.tsv", "adg_train": "evalita-2023/ADG_train.tsv"}


def part_documents(part: str, mirror: Path):
    """(text, gold spans) of a training part; WikiNews documents split as run.py's dev slice is."""
    import spacy
    from corpora import labelled_docs
    text = subprocess.run(["git", "-C", str(mirror), "show", f"HEAD:{PARTS[part]}"], check=True,
                          capture_output=True, text=True).stdout
    vocab = spacy.blank("it").vocab
    for i, doc in enumerate(labelled_docs(vocab, io.StringIO(text))):
        if (part == "wn_dev_slice") != (i % 10 == 0) and part.startswith("wn"):
            continue
        yield doc.text, {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def count(doc, gold: set, made: dict, missed: Counter) -> None:
    """Adds one document's institution mentions to ``made`` (lemma → Counter of outcomes) and the lower-case
    gold ORG names no mention matches to ``missed``."""
    starts = {t.start: t for t in doc.tokens}
    mentions = {(m.start, m.end) for m in doc.layer("mention")}
    gold_org = {(a, b) for a, b, t in gold if t == "ORG"}
    for m in doc.layer("mention"):
        if m.rule != "institution":
            continue
        head = starts.get(m.start)
        lemma = head.lemma.lower() if head else doc.text[m.start:m.end].lower()
        if (m.start, m.end) in gold_org:
            made[lemma]["exact"] += 1
        elif any(a == m.start for a, _ in gold_org):
            made[lemma]["other end"] += 1
            made[lemma + " ~"][doc.text[m.start:m.end] + " / " + next(
                doc.text[a:b] for a, b in gold_org if a == m.start)] += 1
        else:
            made[lemma]["no ORG"] += 1
            made[lemma + " ~"]["(no ORG) " + doc.text[max(0, m.start - 40):m.end + 30].replace("\n", " ")] += 1
    for a, b in gold_org:
        if doc.text[a:a + 1].islower() and (a, b) not in mentions:
            word = doc.text[a:b].split()[0].lower()
            missed[word] += 1
            made["missed " + word][doc.text[max(0, a - 40):b + 20].replace("\n", " ")] += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="wn_train_rest", choices=sorted(PARTS))
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror/dhfbk+KIND/repo"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", nargs="*", default=[], help="nouns whose wrong mentions to print in full")
    args = ap.parse_args()
    from garante.document import Document, Span
    from garante.pipeline import Context, Pipeline
    from garante.extract.sentences import SentenceSplitter
    from garante.extract.entities import EntityLinker
    from garante.nlp import LinguisticLayer
    pipe = Pipeline(Context(), [SentenceSplitter(), LinguisticLayer(), EntityLinker()])
    made, missed = defaultdict(Counter), Counter()
    for n, (text, gold) in enumerate(part_documents(args.part, args.mirror)):
        if args.limit and n >= args.limit:
            break
        doc = Document(source="kind", raw=text, text=text, meta={"language": "it"})
        doc.add(Span(0, len(text), "zone", "body"))
        pipe(doc)
        count(doc, gold, made, missed)
    for lemma in sorted((k for k in made if not k.endswith(" ~") and not k.startswith("missed ")),
                        key=lambda k: -sum(made[k].values())):
        c = made[lemma]
        total = sum(c.values())
        print(f"{lemma:16s} made {total:4d}  exact {c['exact']:4d} ({c['exact'] / total:.2f})  other end "
              f"{c['other end']:3d}  no ORG {c['no ORG']:3d}   {[x for x in made[lemma + ' ~'].most_common() if not x[0].startswith('(no')][:3]}")
        if lemma in args.show:
            print("    " + "\n    ".join(made[lemma + " ~"]))
    print("missed lower-case ORG, by first word:", missed.most_common(40))
    for word in args.show:
        print(f"missed {word}:\n    " + "\n    ".join(made["missed " + word]))


if __name__ == "__main__":
    main()
