"""Derive the broad attribution cue lexicon of English and Italian from open wordnets.

Sources (fetched with the search tool's ``fetch``, never committed; read from their bare mirrors):
- Open English WordNet (github:globalwordnet/english-wordnet, CC BY 4.0, with the Princeton WordNet
  licence): every verb sense of the lexicographer files verb.communication (32), verb.cognition (31)
  and verb.emotion (37) whose subcategorisation frames include ``via-that`` ("Somebody ----s that
  CLAUSE"), and every noun sense of noun.communication (10), noun.cognition (09) and noun.act (04)
  derived from one of those verb senses ("claim" from "claim", "insistence" from "insist");
- MultiWordNet Italian in the Open Multilingual Wordnet data (github:omwn/omw-data, wns/ita, CC BY
  3.0): the Italian lemmas of the same synsets, found through the Collaborative Interlingual Index
  (github:globalwordnet/cili, CC BY 4.0: OEWN synset -> ILI -> PWN 3.0 offset, the key of wns/ita).

Only one-word lemmas are kept (the parse gives a phrasal verb's particle its own token). The cues are
weak: garante keeps a statement of theirs only in a reporting frame over the parse (a "that"-clause or
an introduced quotation, with a subject source: ``extract/attribution/broad.py``).

    .venv/bin/python scripts/attribution/derive_lexicon.py            # writes data/lang/{en,it}/attribution_wordnet.yaml
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
from pathlib import Path

import yaml

OEWN = Path(os.environ.get("OEWN_MIRROR", "/work/.mirror/globalwordnet+english-wordnet/repo"))
OMW = Path(os.environ.get("OMW_MIRROR", "/work/.mirror/omwn+omw-data/repo"))
CILI = Path(os.environ.get("CILI_MIRROR", "/work/.mirror/globalwordnet+cili/repo"))
OUT = Path(__file__).resolve().parents[2] / "src/garante/data/lang"
VERB_FILES = {"31", "32", "37"}  # verb.cognition, verb.communication, verb.emotion
NOUN_FILES = {"04", "09", "10"}  # noun.act, noun.cognition, noun.communication
FRAME = "via-that"
ONE_WORD = re.compile(r"^[a-zà-ù]+$")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def git_show(mirror: Path, path: str) -> str:
    return subprocess.run(["git", "-C", str(mirror), "show", f"HEAD:{path}"], check=True,
                          capture_output=True, text=True).stdout


def git_commit(mirror: Path) -> str:
    return subprocess.run(["git", "-C", str(mirror), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


def oewn_entries() -> dict:
    """lemma -> {pos -> entry} over every entries-*.yaml file of OEWN."""
    names = subprocess.run(["git", "-C", str(OEWN), "ls-tree", "--name-only", "HEAD", "src/yaml/"],
                           check=True, capture_output=True, text=True).stdout.split()
    out: dict = {}
    for name in names:
        if Path(name).name.startswith("entries-"):
            out.update(yaml.load(git_show(OEWN, name), Loader=Loader) or {})
    return out


def lexfile(sense_id: str) -> str:
    return sense_id.split("%", 1)[1].split(":")[1]  # 'say%2:32:00::' -> '32'


def english(entries: dict) -> tuple[dict[str, set], dict[str, set]]:
    """(verb lemma -> synsets, noun lemma -> synsets) of the reporting senses."""
    verbs: dict[str, set] = {}
    reporting_keys: set[str] = set()
    for lemma, by_pos in entries.items():
        for sense in (by_pos.get("v") or {}).get("sense", []):
            if lexfile(sense["id"]) in VERB_FILES and FRAME in (sense.get("subcat") or []):
                reporting_keys.add(sense["id"])
                if ONE_WORD.match(str(lemma)):
                    verbs.setdefault(str(lemma), set()).add(sense["synset"])
    nouns: dict[str, set] = {}
    for lemma, by_pos in entries.items():
        for sense in (by_pos.get("n") or {}).get("sense", []):
            related = set(sense.get("derivation") or []) | set(sense.get("event") or [])
            if lexfile(sense["id"]) in NOUN_FILES and related & reporting_keys and ONE_WORD.match(str(lemma)):
                nouns.setdefault(str(lemma), set()).add(sense["synset"])
    return verbs, nouns


def pwn30(synsets: set[str], files: set[str], pos: str) -> set[str]:
    """PWN 3.0 offsets of OEWN synsets: OEWN synset -> ILI (its lexicographer files) -> offset (CILI)."""
    ilis = set()
    for name in files:
        data = yaml.load(git_show(OEWN, f"src/yaml/{name}.yaml"), Loader=Loader) or {}
        ilis |= {s["ili"] for sid, s in data.items() if sid in synsets and s.get("ili")}
    rows = (line.split("\t") for line in git_show(CILI, "ili-map-pwn30.tab").splitlines())
    return {r[1].strip() for r in rows if len(r) == 2 and r[0] in ilis and r[1].strip().endswith(pos)}


def italian(synsets: set[str], pos: str) -> list[str]:
    """The MultiWordNet Italian one-word lemmas of these synsets (PWN 3.0 offsets)."""
    out = set()
    for line in git_show(OMW, "wns/ita/wn-data-ita.tab").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "ita:lemma" and parts[0] in synsets and parts[0].endswith(pos):
            lemma = parts[2].strip().lower()
            if ONE_WORD.match(lemma):
                out.add(lemma)
    return sorted(out)


HEADER = """# Broad attribution cues derived by scripts/attribution/derive_lexicon.py (do not edit by hand: rerun it).
# {source}
# Weak cues: a statement of theirs is kept only in a reporting frame over the parse (a "that"-clause or an
# introduced quotation, with a subject source), see garante/extract/attribution/broad.py.
"""


def write(code: str, source: str, data: dict) -> Path:
    path = OUT / code / "attribution_wordnet.yaml"
    body = yaml.safe_dump(data, allow_unicode=True, width=100, sort_keys=False, default_flow_style=None)
    path.write_text(HEADER.format(source=source) + body, encoding="utf-8")
    return path


def main(argv=None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    verbs, nouns = english(oewn_entries())
    en_source = (f"Open English WordNet (github:globalwordnet/english-wordnet @ {git_commit(OEWN)}), "
                 "CC BY 4.0, derived from Princeton WordNet 3.0 (WordNet licence).")
    print(write("en", en_source, {"source": en_source, "licence": "CC BY 4.0 (Open English WordNet team; "
                                  "Princeton WordNet licence)", "clause_verbs": sorted(verbs),
                                  "nouns": sorted(nouns)}), len(verbs), "verbs", len(nouns), "nouns")
    verb_files = {"verb.cognition", "verb.communication", "verb.emotion"}
    noun_files = {"noun.act", "noun.cognition", "noun.communication"}
    it_verbs = italian(pwn30(set().union(*verbs.values()), verb_files, "-v"), "-v")
    it_nouns = italian(pwn30(set().union(*nouns.values()), noun_files, "-n"), "-n")
    it_source = (f"MultiWordNet Italian in the Open Multilingual Wordnet data (github:omwn/omw-data @ "
                 f"{git_commit(OMW)}, wns/ita), CC BY 3.0 (Pianta, Bentivogli, Girardi 2002), on the synsets "
                 f"of the English cues (Open English WordNet, CC BY 4.0) through CILI (github:globalwordnet/cili @ "
                 f"{git_commit(CILI)}, CC BY 4.0).")
    print(write("it", it_source, {"source": it_source, "licence": "CC BY 3.0 (MultiWordNet, FBK)",
                                  "clause_verbs": it_verbs, "nouns": it_nouns}),
          len(it_verbs), "verbs", len(it_nouns), "nouns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
