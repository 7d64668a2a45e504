#!/usr/bin/env python3
"""Split the real-text set into train (60 %), dev (20 %) and test (20 %) per language, into real/splits.json.

A document keeps its part once it has one: new documents are drawn by a hash of their name (a fixed,
reproducible draw), so adding documents never moves old ones between parts. Stdlib only.
Usage:  python3 tools/split_real.py [real_dir]
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "real"
SHARES = (("train", 0.6), ("dev", 0.2), ("test", 0.2))


def draw(stems: list[str]) -> dict[str, list[str]]:
    ordered = sorted(stems, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    parts, start = {}, 0
    for n, (part, share) in enumerate(SHARES):
        end = len(ordered) if n == len(SHARES) - 1 else start + round(share * len(ordered))
        parts[part] = ordered[start:end]
        start = end
    return parts


def main(root=ROOT):
    path = root / "splits.json"
    splits = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {p: [] for p, _ in SHARES}
    placed = {s for part in splits.values() for s in part}
    stems = sorted(p.stem for p in (root / "docs").glob("*.txt"))
    for lang in ("ru", "en", "be"):
        new = [s for s in stems if s.endswith("_" + lang) and s not in placed]
        for part, drawn in draw(new).items():
            splits[part] = sorted(splits[part] + drawn)
    path.write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    print(", ".join(f"{part} {len(stems)}" for part, stems in splits.items()))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT)
