"""Run garante's time tagger on TempEval-3 data and score it like the TE3 entity scorer (te3.py).

    .venv/bin/python eval/tempeval/run.py train             # TimeBank + AQUAINT (TBAQ-cleaned): develop here
    .venv/bin/python eval/tempeval/run.py silver --limit 200  # TE3 silver (automatic annotation)
    .venv/bin/python eval/tempeval/run.py train --misses 40   # also list errors, for study
    .venv/bin/python eval/tempeval/run.py platinum --report   # the test set: report only, never tune

The data is read from bare git mirrors made by the search tool's ``fetch`` (never copied into this
repository): github:jspotter/TempEval-3 (data/TBAQ-cleaned, data/TE3-Silver-data) and
github:CogComp/cogcomp-nlp at commit 345a392c (temporal-normalizer/data/te3-platinum). See README.md.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from te3 import Counts, Timex, parse_tml, score  # noqa: E402

from garante.document import Document, Span  # noqa: E402
from garante.extract.sentences import SentenceSplitter  # noqa: E402
from garante.extract.timex import TimeTagger  # noqa: E402

MIRRORS = Path("/work/.mirror")
SETS = {  # name: (mirror, commit, folders)
    "train": ("jspotter+TempEval-3", "HEAD", ["data/TBAQ-cleaned/TimeBank", "data/TBAQ-cleaned/AQUAINT"]),
    "timebank": ("jspotter+TempEval-3", "HEAD", ["data/TBAQ-cleaned/TimeBank"]),
    "aquaint": ("jspotter+TempEval-3", "HEAD", ["data/TBAQ-cleaned/AQUAINT"]),
    "silver": ("jspotter+TempEval-3", "HEAD", ["data/TE3-Silver-data"]),
    "platinum": ("CogComp+cogcomp-nlp", "345a392c", ["temporal-normalizer/data/te3-platinum"]),
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def load(name: str, mirrors: Path, limit: int | None = None):
    mirror, commit, folders = SETS[name]
    repo = mirrors / mirror / "repo"
    if not repo.exists():
        sys.exit(f"{repo}: missing; fetch github:{mirror.replace('+', '/')} with the search tool first")
    paths = []
    for folder in folders:
        paths += [p for p in git(repo, "ls-tree", "--name-only", commit, folder + "/").split("\n")
                  if p.endswith(".tml") and not Path(p).name.startswith("._")]
    for p in sorted(paths)[:limit]:
        yield parse_tml(git(repo, "show", f"{commit}:{p}"), p)


def tag(tml, tagger: TimeTagger, splitter: SentenceSplitter, layer=None) -> list[Timex]:
    doc = Document(source=tml.id, raw=tml.text, text=tml.text,
                   meta={"language": "en", "published": tml.dct, "published_precision": "day"})
    doc.add(Span(0, len(tml.text), "zone", "body"))
    splitter(doc, None)
    if layer is not None:  # the linguistic layer: the tagger reads the tense of the governing verb
        layer(doc, None)
    tagger(doc, None)
    out = []
    for s in doc.layer("timex"):
        start, end = s.attrs.get("timeml_extent") or (s.start, s.end)
        value = s.attrs.get("timeml_value") or s.attrs.get("value") or ""
        out.append(Timex(start, end, s.label, value, s.attrs.get("mod") or ""))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--mirrors", type=Path, default=MIRRORS)
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--misses", type=int, default=0, help="print up to N errors")
    ap.add_argument("--report", action="store_true", help="required for the platinum test set")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-parse", action="store_true", help="without the linguistic layer (tense from verb patterns)")
    a = ap.parse_args(argv)
    if a.set == "platinum" and not a.report:
        sys.exit("platinum is the test set: run it only to report (--report), never to tune")
    tagger, splitter = TimeTagger(), SentenceSplitter()
    layer = None
    if not a.no_parse:
        from garante.nlp import LinguisticLayer
        layer = LinguisticLayer()
    total = Counts()
    for tml in load(a.set, a.mirrors, a.limit):
        total.add(score(tml, tag(tml, tagger, splitter, layer)))
    fig = total.figures()
    if a.json:
        print(json.dumps(fig))
    else:
        print(f"{a.set}{' (no parse)' if a.no_parse else ''}: gold {fig['gold']} system {fig['system']}")
        print("  relaxed P/R/F1 {relaxed_p:.3f} {relaxed_r:.3f} {relaxed_f1:.3f}   strict P/R/F1 {strict_p:.3f} "
              "{strict_r:.3f} {strict_f1:.3f}".format(**fig))
        print("  value accuracy {value_accuracy:.3f} F1 {value_f1:.3f}   type accuracy {type_accuracy:.3f} "
              "F1 {type_f1:.3f}".format(**fig))
    for kind, g, s in total.misses[:a.misses]:
        print(f"{kind}\n  gold {g}\n  sys  {s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
