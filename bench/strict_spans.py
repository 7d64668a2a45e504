"""Strict-span scoring of our entities against a held-out corpus (shared by eval_nerel and eval_wnut)."""
from __future__ import annotations

from collections import Counter

from nlp.pipeline import process, to_json


def score(texts: list[str], golds: list[set], lang: str, ours: dict[str, str], title: str) -> None:
    """Print P/R/F1 per gold type; ``golds`` hold (type, start, end), ``ours`` maps our types to theirs."""
    counts = {t: Counter() for t in dict.fromkeys(ours.values())}
    for gold, doc in zip(golds, process(texts, lang)):
        pred = {(ours[e["type"]], e["start"], e["end"]) for e in to_json(doc)["entities"] if e["type"] in ours}
        for t in counts:
            g, p = {x for x in gold if x[0] == t}, {x for x in pred if x[0] == t}
            counts[t].update(tp=len(g & p), gold=len(g), pred=len(p))
    print(f"{title} (strict spans)")
    for t, c in counts.items():
        p = c["tp"] / c["pred"] if c["pred"] else 0
        r = c["tp"] / c["gold"] if c["gold"] else 0
        print(f"{t}: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f} (gold {c['gold']})")
