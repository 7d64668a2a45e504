"""Evaluation only: English PERSON and PLACE against WNUT-17's person and location on the held-out
test split in ../shared/heldout/wnut17_en (never used for training, rules or gazetteers).

WNUT-17 is social media, far from testimonies: the figure shows how the English pipeline holds up
on noisy text it was not written for. Sentences are joined with newlines; strict span match.

    .venv/bin/python -m bench.eval_wnut [--file ../shared/heldout/wnut17_en/test.conll]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from bench.strict_spans import score

GOLD = {"person": "PER", "location": "LOC"}
OURS = {"PERSON": "PER", "PLACE": "LOC"}


def read_conll(path: Path) -> list[tuple[str, set]]:
    """Sentences as (text, {(type, start, end)}) with tokens joined by single spaces."""
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            token, label = line.split("\t")[:2]
            tokens.append((token, label))
            continue
        if not tokens:
            continue
        text, spans, current = "", set(), None
        for token, label in tokens:
            begin = len(text) + (1 if text else 0)
            text = f"{text} {token}" if text else token
            kind = GOLD.get(label[2:]) if label != "O" else None
            if label.startswith("B-") or kind is None or (current and current[0] != kind):
                if current:
                    spans.add(current)
                current = (kind, begin, len(text)) if kind else None
            else:  # I- continuing the current entity
                current = (current[0], current[1], len(text)) if current else (kind, begin, len(text))
        if current:
            spans.add(current)
        sentences.append((text, spans))
        tokens = []
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", default=str(Path(__file__).resolve().parents[2] / "shared/heldout/wnut17_en/test.conll"))
    sentences = read_conll(Path(parser.parse_args().file))
    score([text for text, _ in sentences], [gold for _, gold in sentences], "en", OURS,
          f"WNUT-17 test, {len(sentences)} sentences")


if __name__ == "__main__":
    main()
