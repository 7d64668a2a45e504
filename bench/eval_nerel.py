"""Evaluation only: PERSON/UNIT/PLACE against NEREL's PER/ORG/LOC on the held-out test split in
../shared/heldout/nerel (never used for training, rules or gazetteers). Strict span match.

    .venv/bin/python -m bench.eval_nerel [--dir ../shared/heldout/nerel/test]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from bench.strict_spans import score

GOLD = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC",
        "DISTRICT": "LOC", "LOCATION": "LOC"}
OURS = {"PERSON": "PER", "UNIT": "ORG", "PLACE": "LOC"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default=str(Path(__file__).resolve().parents[2] / "shared/heldout/nerel/test"))
    folder = Path(parser.parse_args().dir)
    texts, golds = [], []
    for path in sorted(folder.glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        gold = set()
        for line in (folder / f"{path.stem}.ann").read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, info, _text = line.split("\t", 2)
                label, *offsets = info.split(" ")
                if label in GOLD and ";" not in " ".join(offsets):
                    gold.add((GOLD[label], int(offsets[0]), int(offsets[1])))
        golds.append(gold)
    score(texts, golds, "ru", OURS, f"NEREL test, {len(texts)} documents")

if __name__ == "__main__":
    main()
