"""Where the entity layer's ORG and LOC go wrong on KIND, counted by cause, and how KIND types a state or
a city by its role in the parse.

    python eval/kind/analyse.py [--part dev|train] [--records FILE]

``dev`` is ``run.py``'s ``wn_dev_slice`` (every tenth document of WikiNews train); ``train`` is the other nine
tenths (the NER model trained on them: its errors there say little, the parse roles of KIND's labels a lot).
Never a test split. Prints (1) the ``full`` mode's PER/ORG/LOC errors by cause, then the same errors by the
candidate cause of their context (``candidate``: a coordination, "università/comune/regione (di) X", a masculine
article before the name), (2) for the names the knowledge
base knows as a state or a city, KIND's ORG/LOC by the parse role of the name's head word, (3) the same role
table for the linker's state mentions with the type ``run.py`` gives them.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402  (sets the import path of garante and the corpus readers)

NAME_TYPES = ("PER", "ORG", "LOC")
# common nouns that name a body or a place by a proper name after them, with or without "di"
NAMING_NOUNS = ("università", "comune", "regione", "provincia")
# the masculine singular definite article, alone or with a preposition (a city takes none: "il Livorno" is a club)
MASCULINE_ARTICLES = {"il", "lo", "del", "dello", "al", "allo", "dal", "dallo", "nel", "nello", "sul", "sullo"}


def documents(part: str, mirror: Path):
    """(text, gold spans) of the dev slice or of the rest of WikiNews train."""
    import spacy
    from corpora import labelled_docs
    text = subprocess.run(["git", "-C", str(mirror), "show", f"HEAD:{run.SPLITS['wn_dev_slice']}"], check=True,
                          capture_output=True, text=True).stdout
    vocab = spacy.blank("it").vocab
    for i, doc in enumerate(labelled_docs(vocab, io.StringIO(text))):
        if (i % 10 == 0) == (part == "dev"):
            yield doc.text, {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def parse_role(doc, a: int, b: int) -> str:
    """The role of the span's head word: ``nsubj:<verb lemma>``, ``obl:<preposition>``, ``nmod:<preposition>``,
    ``obj``, ``appos``… A conjunct takes its first conjunct's role ("Kiev e Mosca hanno firmato")."""
    head = doc.root(a, b)
    if head is None:
        return "unparsed"
    case = next((c.lemma.lower() for c in doc.children(head) if c.dep == "case"), None)
    while head.dep == "conj" and not head.is_root:
        head = doc.tokens[head.head]
        case = case or next((c.lemma.lower() for c in doc.children(head) if c.dep == "case"), None)
    dep = "root" if head.is_root else head.dep
    if dep.startswith("nsubj") or dep == "obl:agent":
        return f"{dep}:{doc.tokens[head.head].lemma.lower()}"
    if dep.startswith(("obl", "nmod")):
        return f"{dep.split(':')[0]}:{case or '-'}"
    return dep


def governor(doc, a: int, b: int) -> str | None:
    """The lemma of the word the span's head word hangs on (the verb of a subject, the noun of an nmod)."""
    head = doc.root(a, b)
    while head is not None and head.dep == "conj" and not head.is_root:
        head = doc.tokens[head.head]
    return None if head is None or head.is_root else doc.tokens[head.head].lemma.lower()


def governor_deps(doc, a: int, b: int) -> list[str]:
    """The other words that hang on the span's governor as ``relation:lemma`` (does the verb take an object,
    which auxiliary?)."""
    head = doc.root(a, b)
    while head is not None and head.dep == "conj" and not head.is_root:
        head = doc.tokens[head.head]
    if head is None or head.is_root:
        return []
    return sorted({f"{c.dep}:{c.lemma.lower()}" for c in doc.children(doc.tokens[head.head]) if c.i != head.i})


def role_class(role: str) -> str:
    """A role with its verb dropped (``nsubj:dire`` → ``nsubj``), to count the roles in few classes."""
    return role.split(":")[0] if role.startswith(("nsubj", "obl:agent")) else role


def state_spans(doc) -> dict[tuple[int, int], object]:
    """The linker's mentions of a state or of a city (a GPE, a capital standing for its state, a LOC)."""
    return {(m.start, m.end): m for m in doc.layer("mention")
            if m.label == "GPE" or m.attrs.get("resolution") == "metonym"
            or (m.label == "LOC" and m.attrs.get("resolution") == "alias")}


def error_cause(span, label: str, other: set, doc, mentions: dict, model: dict) -> str:
    """Why a false positive (``other`` = gold) or a false negative (``other`` = predicted) is wrong."""
    a, b = span
    same = [t for x, y, t in other if (x, y) == (a, b)]
    if same:
        m = mentions.get((a, b))
        source = "gpe" if m is not None and m.label == "GPE" else ("kb" if m is not None and m.attrs.get(
            "entity_id") and not str(m.attrs["entity_id"]).startswith("x:") else "model")
        return f"type {label}->{same[0]} ({source})"
    near = [(x, y) for x, y, _ in other if x < b and a < y]
    if near:
        x, y = near[0]
        return "boundary: " + ("longer" if (a <= x and b >= y) else "shorter" if (a >= x and b <= y) else "shifted")
    text = doc.text[a:b]
    if not text[:1].isupper():
        return "alone: lower-case"
    return "alone: " + ("model" if (a, b) in model else "linker")


def coarse_error(kind: str, label: str, cause: str) -> str | None:
    """One name per error: a wrong type as "PER->LOC" (gold -> given, from the missed gold span), a wrong edge
    as "edge LOC", a gold name given nothing as "missed ORG", a name given where gold has none as "spurious
    ORG"; None for the given side of a wrong type or edge (counted from the gold side)."""
    if cause.startswith("type"):
        return f"{label}->{cause.split('->')[1].split()[0]}" if kind == "fn" else None
    if cause.startswith("boundary"):
        return f"edge {label}" if kind == "fn" else None
    return f"{'missed' if kind == 'fn' else 'spurious'} {label}"


def candidate(doc, a: int, b: int) -> str:
    """The candidate cause of an error in its context: "X di Y" or "X Y" with a naming noun (inside the span or
    right before it), a coordination of names (the head word a conjunct, or with one), a masculine article."""
    inside = doc.text[a:b].split()
    before = [w.lower() for w in doc.text[max(0, a - 40):a].replace("'", "' ").split()]
    first = inside[0].lower() if inside else ""
    if first in NAMING_NOUNS:
        return f"{first} (di) X, in the span"
    if before and before[-1] in NAMING_NOUNS:
        return f"{before[-1]} X"
    if len(before) > 1 and before[-1] in ("di", "della", "del", "dello", "dei") and before[-2] in NAMING_NOUNS:
        return f"{before[-2]} di X"
    head = doc.root(a, b)
    if head is not None and (head.dep == "conj" or any(c.dep == "conj" for c in doc.children(head))):
        return "coordination"
    if before and before[-1] in MASCULINE_ARTICLES:
        return "masculine article"
    return "-"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="dev", choices=["dev", "train"])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror/dhfbk+KIND/repo"))
    ap.add_argument("--records", type=Path, help="write one JSON line per error and per ORG or LOC span given")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from garante.extract.entities import EntityLinker
    from garante.extract.sentences import SentenceSplitter
    from garante.nlp import LinguisticLayer
    from garante.pipeline import Context, Pipeline
    pipe = Pipeline(Context(), [SentenceSplitter(), LinguisticLayer(), EntityLinker()])
    causes, gold_roles, pred_roles = Counter(), defaultdict(Counter), defaultdict(Counter)
    candidates = defaultdict(Counter)
    scores = defaultdict(Counter)
    out = args.records.open("w", encoding="utf-8") if args.records else None
    for n, (text, gold) in enumerate(documents(args.part, args.mirror)):
        if args.limit and n >= args.limit:
            break
        doc = run.analysed(text, pipe)
        pred = run.names(doc, "full")
        model = {(s.start, s.end): s.label for s in doc.layer("ner")}
        mentions = {(m.start, m.end): m for m in doc.layer("mention")}
        for a, b, label in pred | gold:
            scores[label][("tp" if (a, b, label) in pred & gold else "fp" if (a, b, label) in pred else "fn")] += 1
        for kind, spans, other in (("fp", pred - gold, gold), ("fn", gold - pred, pred)):
            for a, b, label in spans:
                if label in NAME_TYPES:
                    cause = error_cause((a, b), label, other, doc, mentions, model)
                    causes[f"{label} {kind} {cause}"] += 1
                    coarse = coarse_error(kind, label, cause)
                    if coarse:
                        candidates[candidate(doc, a, b)][coarse] += 1
                    if out:
                        out.write(json.dumps({"kind": kind, "label": label, "cause": cause, "span": text[a:b],
                                              "role": parse_role(doc, a, b), "context": text[max(0, a - 70):b + 70]
                                              .replace("\n", " ")}, ensure_ascii=False) + "\n")
        gold_type = {(a, b): t for a, b, t in gold}
        pred_type = {(a, b): t for a, b, t in pred}
        states = state_spans(doc)
        for (a, b), m in states.items():
            role = parse_role(doc, a, b)
            gold_roles[role_class(role)][gold_type.get((a, b), "none")] += 1
            pred_roles[role_class(role)][(pred_type.get((a, b), "none"), gold_type.get((a, b), "none"))] += 1
        for (a, b), t in pred_type.items():
            if out and t in NAME_TYPES:
                m = mentions.get((a, b))
                out.write(json.dumps({"kind": "typed", "span": text[a:b], "gold": gold_type.get((a, b), "none"),
                                      "pred": t, "state": (a, b) in states, "model": model.get((a, b)),
                                      "label": m.label if m else None, "rule": m.rule if m else None,
                                      "acting": bool(m and m.attrs.get("acting")),
                                      "role": parse_role(doc, a, b), "governor": governor(doc, a, b),
                                      "governor_deps": governor_deps(doc, a, b),
                                      "context": text[max(0, a - 70):b + 70].replace("\n", " ")},
                                     ensure_ascii=False) + "\n")
    for label in ("PER", "ORG", "LOC", "all"):
        c = sum(scores.values(), Counter()) if label == "all" else scores[label]
        p, r = c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"])
        print(f"{label:4s} P {p:.4f} R {r:.4f} F {2 * p * r / max(1e-9, p + r):.4f}  (tp {c['tp']} fp {c['fp']} fn {c['fn']})")
    print("== errors by cause (full mode)")
    for k, v in causes.most_common():
        print(f"{v:5d}  {k}")
    print("== errors by the candidate cause of their context (full mode; a wrong type or edge counted once, as "
          "gold->given; '-': none of them)")
    for k, c in sorted(candidates.items(), key=lambda x: (x[0] == "-", -sum(x[1].values()))):
        print(f"{sum(c.values()):5d}  {k:34s} " + ", ".join(f"{e} {v}" for e, v in c.most_common()))
    print("== states and cities the knowledge base knows: KIND's type by the parse role of the name")
    for role, c in sorted(gold_roles.items(), key=lambda x: -sum(x[1].values())):
        print(f"{role:16s} ORG {c['ORG']:4d}  LOC {c['LOC']:4d}  none {c['none']:4d}  PER {c['PER']:3d}")
    print("== the same: (type given, KIND's type)")
    for role, c in sorted(pred_roles.items(), key=lambda x: -sum(x[1].values())):
        print(f"{role:16s} " + "  ".join(f"{p}/{g} {v}" for (p, g), v in sorted(c.items())))


if __name__ == "__main__":
    main()
