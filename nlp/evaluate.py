"""Scorer for the development set (``nlp/devset``): P/R/F1 per entity and relation type, and
cross-document person linking.

* Entities: a prediction counts when its type, start and end equal a gold mention's (strict).
  ``partial`` counts overlapping spans of the same type.
* Relations: same type, and the predicted source and target overlap the gold ones.
* Linking: over gold PERSON mentions that carry a key and were found (overlap), every pair from
  two different documents is a link when the gold keys are equal; a predicted link when the
  predicted keys are equal. Pairwise precision, recall and F1. A mention by surname alone in a
  document that never gives the name in full cannot be linked from that document: a second
  figure shows the linking once the review queue's single-candidate merges are accepted.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

from nlp.pipeline import process, to_json

ENTITY_TYPES = ("PERSON", "UNIT", "PLACE", "DATE", "INCIDENT")
RELATION_TYPES = ("HELD_POSITION", "MEMBER_OF", "COMMANDED", "SUBORDINATE_TO", "PERPETRATED", "ORDERED",
                  "OCCURRED_AT")
AGENT_RELATIONS = ("PERPETRATED", "ORDERED")


def split_stems(devset: Path, split: str) -> set[str]:
    """The documents of one part (train, dev or test) of a set that has a ``splits.json``."""
    path = devset / "splits.json"
    if not path.exists():
        raise ValueError(f"{devset} has no splits.json: it is not split into train, dev and test")
    parts = json.loads(path.read_text(encoding="utf-8"))
    if split not in parts:
        raise ValueError(f"{path}: no part {split!r} (have {', '.join(sorted(parts))})")
    return set(parts[split])


def load_gold(devset: Path, lang: str | None = None, split: str | None = None) -> list[dict]:
    keep = split_stems(devset, split) if split else None
    docs = []
    for path in sorted((devset / "docs").glob("*.txt")):
        code = path.stem.split("_")[-1]
        if lang and code != lang or keep is not None and path.stem not in keep:
            continue
        text = path.read_text(encoding="utf-8")
        gold = json.loads((devset / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        spans = {}
        for ent in gold["entities"]:
            position = -1
            for _ in range(ent.get("occurrence", 1)):
                position = text.index(ent["text"], position + 1)
            spans[ent["id"]] = (position, position + len(ent["text"]))
        entities = [{**e, "start": spans[e["id"]][0], "end": spans[e["id"]][1]} for e in gold["entities"]]
        docs.append({"name": path.stem, "lang": code, "text": text, "entities": entities,
                     "relations": gold["relations"], "by_id": {e["id"]: e for e in entities}})
    return docs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(devset: Path, lang: str | None = None, split: str | None = None) -> dict:
    docs = load_gold(devset, lang, split)
    began = time.perf_counter()
    predictions = []
    for code in sorted({d["lang"] for d in docs}):
        group = [d for d in docs if d["lang"] == code]
        for doc, parsed in zip(group, process([d["text"] for d in group], code)):
            predictions.append((doc, to_json(parsed)))
    seconds = time.perf_counter() - began
    counts = {t: Counter() for t in ENTITY_TYPES}
    rel_counts = {t: Counter() for t in RELATION_TYPES}
    linked = []  # (doc name, gold key, predicted key)
    errors = []
    invented = Counter()  # documents whose gold names no person as agent: predicted person agents there
    for doc, pred in predictions:
        pred_entities = pred["entities"]
        pred_by_id = {e["id"]: e for e in pred_entities}
        for t in ENTITY_TYPES:
            gold_spans = {(e["start"], e["end"]) for e in doc["entities"] if e["type"] == t}
            pred_spans = {(e["start"], e["end"]) for e in pred_entities if e["type"] == t}
            counts[t]["tp"] += len(gold_spans & pred_spans)
            counts[t]["pred"] += len(pred_spans)
            counts[t]["gold"] += len(gold_spans)
            counts[t]["partial"] += sum(any(_overlap(g, p) for p in pred_spans) for g in gold_spans)
            for g in sorted(gold_spans - pred_spans):
                errors.append({"doc": doc["name"], "kind": "missed", "type": t, "text": doc["text"][g[0]:g[1]]})
            for p in sorted(pred_spans - gold_spans):
                errors.append({"doc": doc["name"], "kind": "spurious", "type": t, "text": doc["text"][p[0]:p[1]]})
        for gold_ent in doc["entities"]:
            if gold_ent["type"] == "PERSON" and gold_ent.get("key"):
                span = (gold_ent["start"], gold_ent["end"])
                match = next((e for e in pred_entities if e["type"] == "PERSON" and _overlap(span, (e["start"],
                                                                                                  e["end"]))), None)
                if match:
                    linked.append((doc["name"], gold_ent["key"], match["key"]))
        if not any(r["type"] in AGENT_RELATIONS and doc["by_id"][r["source"]]["type"] == "PERSON"
                   for r in doc["relations"]):
            invented["documents"] += 1
            for r in pred["relations"]:
                if r["type"] in AGENT_RELATIONS and pred_by_id[r["source"]]["type"] == "PERSON":
                    invented["links"] += 1
                    errors.append({"doc": doc["name"], "kind": "invented", "type": r["type"],
                                   "text": f"{pred_by_id[r['source']]['text']} -> {pred_by_id[r['target']]['text']}"})
        used = set()
        for t in RELATION_TYPES:
            gold_rels = [r for r in doc["relations"] if r["type"] == t]
            pred_rels = [r for r in pred["relations"] if r["type"] == t]
            rel_counts[t]["gold"] += len(gold_rels)
            rel_counts[t]["pred"] += len(pred_rels)
            for g in gold_rels:
                gs, gt = doc["by_id"][g["source"]], doc["by_id"][g["target"]]
                hit = None
                for i, r in enumerate(pred_rels):
                    if (t, i) in used:
                        continue
                    ps, pt = pred_by_id[r["source"]], pred_by_id[r["target"]]
                    if _overlap((gs["start"], gs["end"]), (ps["start"], ps["end"])) and \
                            _overlap((gt["start"], gt["end"]), (pt["start"], pt["end"])):
                        hit = i
                        break
                if hit is None:
                    errors.append({"doc": doc["name"], "kind": "missed", "type": t,
                                   "text": f"{gs['text']} -> {gt['text']}"})
                else:
                    used.add((t, hit))
                    rel_counts[t]["tp"] += 1
            for i, r in enumerate(pred_rels):
                if (t, i) not in used:
                    errors.append({"doc": doc["name"], "kind": "spurious", "type": t,
                                   "text": f"{pred_by_id[r['source']]['text']} -> {pred_by_id[r['target']]['text']}"})
    entity_scores = {t: {**_prf(c["tp"], c["pred"], c["gold"]), "partial_recall": round(c["partial"] / c["gold"], 3)
                         if c["gold"] else 0.0} for t, c in counts.items()}
    relation_scores = {t: _prf(c["tp"], c["pred"], c["gold"]) for t, c in rel_counts.items()}
    all_rel = Counter()
    for c in rel_counts.values():
        all_rel.update(c)
    words = sum(len(d["text"].split()) for d in docs)
    return {"documents": len(docs), "words": words, "seconds": round(seconds, 2),
            "entities": entity_scores, "relations": relation_scores,
            "relations_all": _prf(all_rel["tp"], all_rel["pred"], all_rel["gold"]),
            "invented_agents": {"documents_naming_no_agent": invented["documents"],
                                "person_agent_links_predicted_there": invented["links"]},
            "cross_document_person_linking": {**_pairwise(linked), "mentions_linked": len(linked)},
            "cross_document_person_linking_after_review": _pairwise(after_unique_merges(linked)),
            "errors": errors}


def _pairwise(linked: list[tuple[str, str, str]]) -> dict:
    gold_links = pred_links = both = 0
    for (d1, g1, p1), (d2, g2, p2) in combinations(linked, 2):
        if d1 == d2:
            continue
        gold_same, pred_same = g1 == g2, p1 == p2
        gold_links += gold_same
        pred_links += pred_same
        both += gold_same and pred_same
    return _prf(both, pred_links, gold_links)


def after_unique_merges(linked: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The keys once an analyst accepts every merge the review queue proposes when it has only one
    candidate: a surname-only key (person:brk) and the one full key with that surname (person:brk-l)
    among all documents; the rule of cypher/read/merge_candidates.cypher."""
    full: dict[str, set[str]] = {}
    for _, _, key in linked:
        surname, _, given = key.partition("-")
        if given and key.count(":") == 1:
            full.setdefault(surname, set()).add(key)
    return [(doc, gold, next(iter(full[key])) if "-" not in key and len(full.get(key, ())) == 1 else key)
            for doc, gold, key in linked]


def report(scores: dict) -> str:
    lines = [f"{scores['documents']} documents, {scores['words']} words, {scores['seconds']} s", "",
             f"{'entity':<16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'partial R':>11}"]
    for t, s in scores["entities"].items():
        lines.append(f"{t:<16}{s['precision']:>7}{s['recall']:>7}{s['f1']:>7}{s['gold']:>7}{s['partial_recall']:>11}")
    lines += ["", f"{'relation':<16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for t, s in [*scores["relations"].items(), ("ALL", scores["relations_all"])]:
        lines.append(f"{t:<16}{s['precision']:>7}{s['recall']:>7}{s['f1']:>7}{s['gold']:>7}")
    link = scores["cross_document_person_linking"]
    reviewed = scores["cross_document_person_linking_after_review"]
    invented = scores["invented_agents"]
    lines += ["", f"documents naming no person as agent: {invented['documents_naming_no_agent']}; person agents "
                  f"predicted there: {invented['person_agent_links_predicted_there']}"]
    lines += ["", f"cross-document person linking (pairwise): P {link['precision']} R {link['recall']} "
                  f"F1 {link['f1']} over {link['mentions_linked']} found mentions",
              f"  after the review queue's single-candidate merges are accepted: P {reviewed['precision']} "
              f"R {reviewed['recall']} F1 {reviewed['f1']}"]
    return "\n".join(lines)
