"""Pairs the statements two annotations share and compares their issues and sides.

Two statements are the same when their anchors overlap in the text, or, failing that, when they lie
in the same sentence and the speakers match by the scorer's name rule (the two annotators chose
different words of one statement as anchor). Each pair is compared on every issue either annotator
gave it as required: whether the other gave it too (strictly: as required; leniently: also as
optional), whether their sides agree (the accepted stances overlap), and Cohen's kappa of the
first-listed stance, on the issues both gave (side_kappa), on the issues either gave with "none" as a
label (joint_kappa: no cell where both say none, so it is a floor), and on every (statement, codebook
issue) cell (cell_kappa: the both-none cells included).
"""
from collections import Counter

from positions import actor_name


# The scorer's quote unification (score.py's QUOTES): one character for one, so offsets are kept. The
# gold's anchors are checked after the scorer's normalisation, so an anchor may have curly quotes
# where the text has straight ones (it_558).
QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'",
                        "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"'})


def anchor_spans(doc: dict, text: str) -> dict:
    """Offsets of every statement's anchor; the k-th statement with a repeated anchor takes its k-th
    occurrence (the gold lists one optional copy per repeat of a headline or lead). Quotes are unified
    as the scorer does, and case is ignored where lower-casing keeps the text's length."""
    spans, seen = {}, {}
    plain = text.translate(QUOTES)
    lower = plain.lower() if len(plain.lower()) == len(plain) else plain
    for s in doc["statements"]:
        anchor = s["anchor"].translate(QUOTES)
        haystack = plain if anchor in plain else lower
        anchor = anchor if haystack is plain else anchor.lower()
        start = -1
        for _ in range(seen.get(s["anchor"], 0) + 1):
            found = haystack.find(anchor, start + 1)
            start = found if found >= 0 else start
        if start < 0:
            raise ValueError(f"{doc['file']}: anchor not in text: {s['anchor']!r}")
        seen[s["anchor"]] = seen.get(s["anchor"], 0) + 1
        spans[s["id"]] = (start, start + len(s["anchor"]))
    return spans


def sentence_span(text: str, start: int, end: int) -> tuple:
    """The sentence(s) around text[start:end]: from after the last stop or line break before it to
    the next stop after it, included."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    stops = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    return left + 1, (min(stops) + 1 if stops else len(text))


def same_statement(a: dict, b: dict, spans: dict, text: str, scorer) -> int:
    """2 when the anchors overlap, 1 when same sentence and speaker, 0 otherwise."""
    (a0, a1), (b0, b1) = spans[a["id"]], spans[b["id"]]
    if a0 < b1 and b0 < a1:
        return 2
    same_sentence = sentence_span(text, a0, a0) == sentence_span(text, b0, b0)
    return 1 if same_sentence and scorer.name_matches(b["speaker"], a["speaker_aliases"]) else 0


def pair_documents(first: dict, second: dict, text: str, scorer) -> tuple:
    """(pairs, only in first, only in second) of one document: overlapping anchors are paired
    first, then statements of one speaker in one sentence."""
    spans = {**anchor_spans(first, text), **anchor_spans(second, text)}
    free, alone, paired = list(second["statements"]), list(first["statements"]), []
    for strength in (2, 1):
        for a in list(alone):
            hit = next((b for b in free if same_statement(a, b, spans, text, scorer) == strength), None)
            if hit is not None:
                paired.append((a, hit))
                free.remove(hit)
                alone.remove(a)
    return paired, alone, free


def issue_rows(a: dict, b: dict) -> list:
    """One row per issue either statement has as required, with each annotator's required and
    optional stances (None where it has none)."""
    rows = []
    for issue in sorted(set(a["issues"]) | set(b["issues"])):
        la, lb = a["issues"].get(issue), b["issues"].get(issue)
        oa, ob = a["optional_issues"].get(issue), b["optional_issues"].get(issue)
        rows.append({"issue": issue, "first": la, "second": lb,
                     "first_optional": oa, "second_optional": ob})
    return rows


def kappa(labels: list) -> float:
    """Cohen's kappa of a list of (label of annotator 1, label of annotator 2)."""
    n = len(labels)
    if not n:
        return None
    observed = sum(x == y for x, y in labels) / n
    c1, c2 = Counter(x for x, _ in labels), Counter(y for _, y in labels)
    expected = sum(c1[k] * c2[k] for k in set(c1) | set(c2)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def cell_kappa(rows: list, n_pairs: int, n_issues: int) -> float:
    """Kappa over every (paired statement, codebook issue) cell, "none" included: the cells no
    annotator gave a required issue agree on "none"."""
    labels = [(label(r, "first"), label(r, "second")) for r in rows]
    return kappa(labels + [("none", "none")] * (n_pairs * n_issues - len(rows)))


def summarise(rows: list, n_pairs: int, alone_first: int, alone_second: int, n_issues: int) -> dict:
    both = [r for r in rows if r["first"] and r["second"]]
    lenient = [r for r in rows if (r["first"] or r["first_optional"]) and (r["second"] or r["second_optional"])]
    side_rows = lenient  # the sides are compared wherever both annotators give the issue
    side_ok = [r for r in side_rows if set(first_side(r, "first")) & set(first_side(r, "second"))]
    return {"paired_statements": n_pairs, "only_first": alone_first, "only_second": alone_second,
            "issue_rows": len(rows),
            "issue_agreement": ratio(len(both), len(rows)),
            "issue_agreement_lenient": ratio(len(lenient), len(rows)),
            "side_agreement": ratio(len(side_ok), len(side_rows)), "side_rows": len(side_rows),
            "side_kappa": kappa([(first_side(r, "first")[0], first_side(r, "second")[0]) for r in side_rows]),
            "joint_kappa": kappa([(label(r, "first"), label(r, "second")) for r in rows]),
            "cell_kappa": cell_kappa(rows, n_pairs, n_issues)}


def first_side(row: dict, who: str) -> list:
    return row[who] or row[f"{who}_optional"]


def label(row: dict, who: str) -> str:
    return row[who][0] if row[who] else "none"


def ratio(a: int, b: int):
    return a / b if b else None


def speaker_differs(a: dict, b: dict, scorer) -> bool:
    """Whether two paired statements differ in speaker or in the actor spoken for."""
    if not scorer.name_matches(b["speaker"], a["speaker_aliases"]):
        return True
    if bool(a["on_behalf_of"]) != bool(b["on_behalf_of"]):
        return True
    return bool(a["on_behalf_of"]) and not scorer.name_matches(actor_name(b), a["on_behalf_of"])


def differences(file: str, a: dict, b: dict, rows: list, scorer) -> list:
    """What two paired statements disagree on: issue rows, then speaker or on_behalf_of."""
    pair = {"file": file, "first": a["id"], "second": b["id"], "anchor": a["anchor"]}
    out = [{**pair, **r} for r in rows if r["first"] != r["second"]]
    if speaker_differs(a, b, scorer):
        out.append({**pair, "speaker": [a["speaker"], b["speaker"]],
                    "on_behalf_of": [actor_name(a), actor_name(b)]})
    return out


def brief(file: str, s: dict) -> tuple:
    return file, s["id"], s["required"], s["speaker"], s["anchor"]


def compare(first_docs: list, second_docs: list, texts: dict, scorer, n_issues: int = 13) -> dict:
    """The pairwise table of two annotations of the same documents, with every disagreement listed."""
    by_file = {d["file"]: d for d in second_docs}
    rows, details, n_pairs, alone1, alone2 = [], [], 0, [], []
    for doc in first_docs:
        f = doc["file"]
        paired, only1, only2 = pair_documents(doc, by_file[f], texts[f], scorer)
        n_pairs += len(paired)
        alone1 += [brief(f, s) for s in only1]
        alone2 += [brief(f, s) for s in only2]
        for a, b in paired:
            pair_rows = issue_rows(a, b)
            rows += pair_rows
            details += differences(f, a, b, pair_rows, scorer)
    return {"summary": summarise(rows, n_pairs, len(alone1), len(alone2), n_issues),
            "only_first": alone1, "only_second": alone2, "differences": details}
