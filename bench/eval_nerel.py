"""Evaluation only: PERSON/UNIT/PLACE against NEREL's PER/ORG/LOC on the held-out test split in
../shared/heldout/nerel (never used for training, rules or gazetteers). Strict span match.

    .venv/bin/python -m bench.eval_nerel [--dir ../shared/heldout/nerel/test]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from nlp.pipeline import process, to_json

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
    counts = {t: Counter() for t in ("PER", "ORG", "LOC")}
    for gold, doc in zip(golds, process(texts, "ru")):
        pred = {(OURS[e["type"]], e["start"], e["end"]) for e in to_json(doc)["entities"] if e["type"] in OURS}
        for t in counts:
            g, p = {x for x in gold if x[0] == t}, {x for x in pred if x[0] == t}
            counts[t].update(tp=len(g & p), gold=len(g), pred=len(p))
    print(f"NEREL test, {len(texts)} documents (strict spans)")
    for t, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0
        r = c["tp"] / c["gold"] if c["gold"] else 0
        print(f"{t}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f} (gold {c['gold']})")


if __name__ == "__main__":
    main()
