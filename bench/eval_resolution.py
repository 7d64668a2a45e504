"""Person (and a first look at event) resolution scored against the synthetic corpus's known truth.

    .venv/bin/python -m bench.eval_resolution --dump DUMP_DIR --corpus CORPUS_DIR [--json]

Prints figures, asserts nothing. A run from scratch, on a server of its own (never the shared ones):

    .venv/bin/python -m bench.synthetic_corpus /tmp/syn --testimonies 500 --seed 1
    PKG_NEO4J_HOME=/tmp/pkg-eval PKG_NEO4J_BOLT_PORT=7699 .venv/bin/python -m graph server start
    PKG_NEO4J_HOME=/tmp/pkg-eval PKG_NEO4J_BOLT_PORT=7699 .venv/bin/python -m ingest /tmp/syn
    PKG_NEO4J_HOME=/tmp/pkg-eval PKG_NEO4J_BOLT_PORT=7699 .venv/bin/python -m graph dump /tmp/syn-dump --chains
    .venv/bin/python -m bench.eval_resolution --dump /tmp/syn-dump --corpus /tmp/syn

(``truth.json`` in the corpus folder is not a testimony: ingest quarantines or skips it, and it is never
matched here.) Predicted mentions (``persons.jsonl``) are matched to truth mentions of the same file
(by basename) by character overlap, the largest overlap winning on both sides. Figures:
- officials split: true officials whose matched mentions fall in >= 2 predicted persons;
- wrong merges: predicted persons holding mentions of >= 2 true officials;
- cross-testimony linking: pairwise P/R/F1 over records (one true official in one testimony) from
  different testimonies; a record's person is the one holding most of its mentions; missed records
  count in the true pairs only;
- B-cubed over the truth mentions of officials, a missed mention being a singleton;
- mention recall; persons matching no official: private persons leaked (a confidentiality defect) and junk;
- incidents per true event, when ``incidents.jsonl`` exists; then also person -> incident and unit ->
  incident links (an incident is matched to the told episode whose acts its acts overlap; a link is right
  when the episode's perpetrators include the person's official, or the episode's unit is the unit);
- events per true event and testimony pairs joined by events, when ``events.jsonl`` exists;
- with ``graph dump --chains`` (``chains.jsonl``): own-unit commander right (the principal commander of the
  perpetrators' unit on the date, from the truth posts, is a certain step of the incident's chain; the
  perpetrators themselves are not expected as steps, since an agent is never his own superior), whole
  certain-correct chains, and certain commanders whose post did not cover the date (must be 0; counted
  apart when the person wrongly holds the mentions of another official who did hold the post).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _prf(tp: float, predicted: float, true: float) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(truth: dict, persons: list[dict], testimonies: list[dict]) -> tuple[dict, dict, list]:
    """Truth mentions keyed (file, index) -> predicted person id, and predicted mentions keyed
    (person id, index) -> truth mention; plus the truth mentions in scope (files the dump holds)."""
    by_id = {t["id"]: Path(t["source_file"]).name for t in testimonies}
    truth_files = {t["file"]: t for t in truth["testimonies"]}
    dumped = {name for name in by_id.values() if name in truth_files} or set(truth_files)
    in_scope = [(name, i, m) for name in sorted(dumped) for i, m in enumerate(truth_files[name]["mentions"])]
    by_file: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for name, i, mention in in_scope:
        by_file[name].append((i, mention))
    truth_to_person: dict[tuple[str, int], tuple[str, int]] = {}   # -> (person id, overlap)
    pred_to_truth: dict[tuple[str, int], dict] = {}
    for person in persons:
        for k, mention in enumerate(person.get("mentions", [])):
            source = mention.get("source_file") or by_id.get(mention.get("testimony_id"), "")
            name = Path(source).name
            best, best_overlap = None, 0
            for i, gold in by_file.get(name, []):
                overlap = _overlap(mention["start"], mention["end"], gold["start"], gold["end"])
                if overlap > best_overlap:
                    best, best_overlap = (name, i, gold), overlap
            if best is None:
                continue
            pred_to_truth[(person["id"], k)] = best[2]
            key = (best[0], best[1])
            if best_overlap > truth_to_person.get(key, ("", 0))[1]:
                truth_to_person[key] = (person["id"], best_overlap)
    return {key: value[0] for key, value in truth_to_person.items()}, pred_to_truth, in_scope


def _event_figures(truth: dict, events: list[dict], testimonies: list[dict], scoped: set[str]) -> dict[str, Any]:
    """Events per true event, and testimony pairs joined by an event (pairs of testimonies that tell a
    common true event) as P/R/F1."""
    file_of = {t["id"]: Path(t.get("source_file") or "").name for t in testimonies}
    true_events = defaultdict(set)
    for t in truth["testimonies"]:
        if t["file"] in scoped:
            for episode in t["episodes"]:
                true_events[episode["event"]].add(t["file"])
    true_pairs = {frozenset((a, b)) for files in true_events.values() for a in files for b in files if a < b}
    predicted_pairs = set()
    for event in events:
        files = sorted({file_of.get(t) for t in event.get("testimony_ids") or []} - {None, ""})
        predicted_pairs |= {frozenset((a, b)) for i, a in enumerate(files) for b in files[i + 1:]}
    correct = len(true_pairs & predicted_pairs)
    return {"predicted": len(events), "true_events": len(true_events),
            "per_true_event": len(events) / len(true_events) if true_events else 0.0,
            "testimony_pairs": {"true": len(true_pairs), "predicted": len(predicted_pairs), "correct": correct,
                                **_prf(correct, len(predicted_pairs), len(true_pairs))}}


COMMAND_ROLES = ("commander", "deputy_commander", "head", "deputy_head", "chief_of_staff")  # as graph.model
PRINCIPAL_ROLES = ("commander", "head")


def _episode_of(incidents: list[dict], truth: dict, file_of: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Each incident -> the told episode (file, index) whose acts its own acts overlap most."""
    episodes = {t["file"]: t["episodes"] for t in truth["testimonies"]}
    found = {}
    for incident in incidents:
        votes: Counter = Counter()
        for act in incident.get("acts") or []:
            name = file_of.get(act["testimony_id"], "")
            for k, episode in enumerate(episodes.get(name, [])):
                for gold in episode.get("acts") or []:
                    votes[(name, k)] += _overlap(act["start"], act["end"], gold["start"], gold["end"]) > 0
        if votes and votes.most_common(1)[0][1] > 0:
            found[incident["id"]] = votes.most_common(1)[0][0]
    return found


def _commanders_on(truth: dict, unit: str, day: str, roles=COMMAND_ROLES) -> set[str]:
    """The officials whose post in ``unit`` with one of ``roles`` covers ``day`` (truth posts)."""
    return {o["id"] for o in truth.get("officials", []) for p in o.get("posts", [])
            if p["unit"] == unit and p["role"] in roles and (p.get("start") or "0000") <= day <= (p.get("end") or "9999")}


def _link_and_chain_figures(truth: dict, persons: list[dict], incidents: list[dict], testimonies: list[dict],
                            pred_to_truth: dict, chains: list[dict] | None, scoped: set[str]) -> dict[str, Any]:
    """Person -> incident and unit -> incident links against the told episodes (an incident is matched to
    the episode whose acts it overlaps), and, with chains, whether the command chain of each incident
    with named perpetrators names the right commander of the perpetrators' unit, certainly; whether the
    whole chain is right (every truth commander of a unit in it certain, no certain commander who did
    not hold the post then); and certain commanders whose post did not cover the date (must be none)."""
    file_of = {t["id"]: Path(t.get("source_file") or "").name for t in testimonies}
    official_of: dict[str, str] = {}
    votes: dict[str, Counter] = defaultdict(Counter)
    for (person, _), gold in pred_to_truth.items():
        if gold.get("official"):
            votes[person][gold["official"]] += 1
    official_of = {p: c.most_common(1)[0][0] for p, c in votes.items()}
    officials_in = {p: set(c) for p, c in votes.items()}   # every official whose mentions a person holds
    episode_of = _episode_of(incidents, truth, file_of)
    told = {(t["file"], k): e for t in truth["testimonies"] if t["file"] in scoped for k, e in enumerate(t["episodes"])}
    true_persons = {(key, o) for key, e in told.items() for o in e.get("perpetrators") or []}
    true_units = {(key, e["unit"]) for key, e in told.items() if e.get("unit")}
    predicted_persons, predicted_units = set(), set()
    for incident in incidents:
        key = episode_of.get(incident["id"], (incident["id"], -1))
        for agent in incident.get("perpetrators") or []:
            if agent.startswith("unit:"):
                predicted_units.add((key, agent))
            else:
                predicted_persons.add((key, official_of.get(agent, agent)))
    figures: dict[str, Any] = {
        "person_links": {"true": len(true_persons), "predicted": len(predicted_persons),
                         "correct": len(true_persons & predicted_persons),
                         **_prf(len(true_persons & predicted_persons), len(predicted_persons), len(true_persons))},
        "unit_links": {"true": len(true_units), "predicted": len(predicted_units),
                       "correct": len(true_units & predicted_units),
                       **_prf(len(true_units & predicted_units), len(predicted_units), len(true_units))},
        "incidents_matched": len(episode_of), "incidents": len(incidents)}
    if chains is None:
        return figures
    chain_of = {c["incident"]["id"]: c for c in chains}
    own_right = own_total = whole_right = whole_total = excluded = merged = 0
    for incident in incidents:
        key = episode_of.get(incident["id"])
        episode = told.get(key) if key else None
        if not episode or not episode.get("perpetrators") or not (episode.get("date_min") or episode.get("date_max")):
            continue
        day = episode.get("date_min") or episode.get("date_max")
        unit = episode.get("unit")
        agents = set(episode.get("perpetrators") or [])  # an agent is never his own superior: a commander who
        principal = (_commanders_on(truth, unit, day, PRINCIPAL_ROLES) if unit else set()) - agents  # beat is no step
        found = chain_of.get(incident["id"], {"agents": []})
        steps = [s for a in found["agents"] for s in a["steps"] if s.get("known", True) and s.get("commander_id")]
        certain = {(s["unit_id"], official_of.get(s["commander_id"], s["commander_id"]))
                   for s in steps if s["certainty"] == "certain"}
        wrong = {(u, o) for u, o in certain if o not in _commanders_on(truth, u, day)}
        by_merge = {(s["unit_id"], official_of.get(s["commander_id"])) for s in steps if s["certainty"] == "certain"
                    and officials_in.get(s["commander_id"], set()) & _commanders_on(truth, s["unit_id"], day)}
        excluded += len(wrong - by_merge)
        merged += len(wrong & by_merge)
        if principal:
            own_total += 1
            own_right += bool({(unit, o) for o in principal} & certain)
        expected = {(s["unit_id"], o) for s in steps for o in _commanders_on(truth, s["unit_id"], day, PRINCIPAL_ROLES)
                    if o not in agents}
        expected |= {(unit, o) for o in principal}
        if expected:
            whole_total += 1
            whole_right += expected <= certain and not wrong
    figures["chains"] = {
        "own_unit_commander_right": {"right": own_right, "total": own_total,
                                     "share": own_right / own_total if own_total else 0.0},
        "whole_certain_correct": {"right": whole_right, "total": whole_total,
                                  "share": whole_right / whole_total if whole_total else 0.0},
        "certain_commanders_not_in_post": excluded,
        "certain_commanders_of_a_wrongly_merged_person": merged}
    return figures


def evaluate(truth: dict, persons: list[dict], testimonies: list[dict], incidents: list[dict] | None = None,
             examples: int = 5, predicted_events: list[dict] | None = None,
             chains: list[dict] | None = None) -> dict[str, Any]:
    truth_to_person, pred_to_truth, in_scope = match(truth, persons, testimonies)
    official_mentions = [(name, i, m) for name, i, m in in_scope if m.get("official")]
    names = {o["id"]: _official_name(o) for o in truth.get("officials", [])}
    person_names = {p["id"]: p.get("name", "") for p in persons}

    # split officials
    persons_of: dict[str, set[str]] = defaultdict(set)
    for name, i, mention in official_mentions:
        if (name, i) in truth_to_person:
            persons_of[mention["official"]].add(truth_to_person[(name, i)])
    mentioned = {m["official"] for _, _, m in official_mentions}
    found = [o for o in mentioned if persons_of[o]]
    spread = Counter(min(len(persons_of[o]), 4) for o in found)
    split = [o for o in found if len(persons_of[o]) >= 2]

    # wrong merges and junk
    officials_of: dict[str, set[str]] = defaultdict(set)
    private_of: dict[str, list[str]] = defaultdict(list)
    for (person, _), gold in pred_to_truth.items():
        if gold.get("official"):
            officials_of[person].add(gold["official"])
        elif gold.get("private"):
            private_of[person].append(gold["text"])
    with_official = [p for p in persons if officials_of[p["id"]]]
    merged = [p for p in with_official if len(officials_of[p["id"]]) >= 2]
    leaked = [p for p in persons if not officials_of[p["id"]] and private_of[p["id"]]]
    junk = [p for p in persons if not officials_of[p["id"]] and not private_of[p["id"]]]

    # B-cubed over truth mentions of officials; a missed mention is its own singleton cluster
    cluster = {(name, i): truth_to_person.get((name, i), f"missed:{name}:{i}") for name, i, _ in official_mentions}
    n_op = Counter((m["official"], cluster[(name, i)]) for name, i, m in official_mentions)
    n_o = Counter(m["official"] for _, _, m in official_mentions)
    n_p = Counter(cluster.values())
    total = len(official_mentions)
    b3_p = sum(n * n / n_p[p] for (o, p), n in n_op.items()) / total if total else 0.0
    b3_r = sum(n * n / n_o[o] for (o, p), n in n_op.items()) / total if total else 0.0

    # cross-testimony records: (testimony, official) -> the person holding most of its mentions
    record_votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for name, i, mention in official_mentions:
        votes = record_votes[(name, mention["official"])]
        if (name, i) in truth_to_person:
            votes[truth_to_person[(name, i)]] += 1
    record_person = {key: votes.most_common(1)[0][0] if votes else None for key, votes in record_votes.items()}
    per_official = Counter(official for _, official in record_person)
    per_person = Counter(p for p in record_person.values() if p)
    per_person_file = Counter((p, name) for (name, _), p in record_person.items() if p)
    per_pair = Counter((official, p) for (_, official), p in record_person.items() if p)
    true_pairs = sum(_pairs(n) for n in per_official.values())
    predicted_pairs = sum(_pairs(n) for n in per_person.values()) - sum(_pairs(n) for n in per_person_file.values())
    tp = sum(_pairs(n) for n in per_pair.values())

    report: dict[str, Any] = {
        "testimonies_scored": len({name for name, _, _ in in_scope}),
        "officials_in_truth": len(truth.get("officials", [])),
        "officials_mentioned": len(mentioned),
        "officials_found": len(found),
        "persons": len(persons),
        "mention_recall": {"matched": sum(1 for name, i, _ in official_mentions if (name, i) in truth_to_person),
                           "total": total},
        "officials_split": {"count": len(split), "share": len(split) / len(found) if found else 0.0,
                            "by_nodes": {"2": spread[2], "3": spread[3], "4+": spread[4]},
                            "examples": [{"official": o, "name": names.get(o, o),
                                          "persons": sorted(person_names.get(p, p) for p in persons_of[o])}
                                         for o in sorted(split)[:examples]]},
        "wrong_merges": {"count": len(merged), "share": len(merged) / len(with_official) if with_official else 0.0,
                         "examples": [{"person": p["id"], "name": p.get("name", ""),
                                       "officials": sorted(names.get(o, o) for o in officials_of[p["id"]])}
                                      for p in merged[:examples]]},
        "cross_testimony_pairs": {"true": true_pairs, "predicted": predicted_pairs, "correct": tp,
                                  **_prf(tp, predicted_pairs, true_pairs)},
        "b_cubed": {"precision": b3_p, "recall": b3_r,
                    "f1": 2 * b3_p * b3_r / (b3_p + b3_r) if b3_p + b3_r else 0.0},
        "private_persons_leaked": {"count": len(leaked), "examples": [
            {"person": p["id"], "name": p.get("name", ""), "texts": sorted(set(private_of[p["id"]]))[:3]}
            for p in leaked[:examples]]},
        "junk_persons": {"count": len(junk), "examples": [
            {"person": p["id"], "name": p.get("name", ""),
             "texts": sorted({m.get("text", "") for m in p.get("mentions", [])})[:3]} for p in junk[:examples]]},
    }
    recall = report["mention_recall"]
    recall["share"] = recall["matched"] / recall["total"] if recall["total"] else 0.0
    if incidents is not None:
        scoped = {name for name, _, _ in in_scope}
        events = {e["event"] for t in truth["testimonies"] if t["file"] in scoped for e in t["episodes"]}
        episodes = sum(len(t["episodes"]) for t in truth["testimonies"] if t["file"] in scoped)
        report["incidents"] = {"predicted": len(incidents), "true_events": len(events), "true_episodes": episodes,
                               "per_true_event": len(incidents) / len(events) if events else 0.0,
                               "per_told_episode": len(incidents) / episodes if episodes else 0.0}
        report["links"] = _link_and_chain_figures(truth, persons, incidents, testimonies, pred_to_truth, chains, scoped)
    if predicted_events is not None:
        report["events"] = _event_figures(truth, predicted_events, testimonies, {name for name, _, _ in in_scope})
    return report


def _official_name(official: dict) -> str:
    ru = official.get("names", {}).get("ru", {})
    return " ".join(part for part in (ru.get("surname"), ru.get("given"), ru.get("patronymic")) if part) or official["id"]


def print_report(report: dict[str, Any]) -> None:
    recall, split, merges = report["mention_recall"], report["officials_split"], report["wrong_merges"]
    pairs, b3 = report["cross_testimony_pairs"], report["b_cubed"]
    print(f"testimonies scored            {report['testimonies_scored']}")
    print(f"true officials mentioned      {report['officials_mentioned']} (found {report['officials_found']}; "
          f"{report['officials_in_truth']} in the world); predicted persons {report['persons']}")
    print(f"mention recall                {recall['share']:.3f} ({recall['matched']}/{recall['total']})")
    by = split["by_nodes"]
    print(f"officials split               {split['share']:.1%} ({split['count']}; in 2: {by['2']}, 3: {by['3']}, 4+: {by['4+']})")
    print(f"wrong merges                  {merges['share']:.1%} ({merges['count']} persons)")
    print(f"cross-testimony pairs         P {pairs['precision']:.3f}  R {pairs['recall']:.3f}  F1 {pairs['f1']:.3f}"
          f"  (true {pairs['true']}, predicted {pairs['predicted']}, correct {pairs['correct']})")
    print(f"B-cubed                       P {b3['precision']:.3f}  R {b3['recall']:.3f}  F1 {b3['f1']:.3f}")
    print(f"private persons leaked        {report['private_persons_leaked']['count']}")
    print(f"junk persons                  {report['junk_persons']['count']}")
    if "incidents" in report:
        inc = report["incidents"]
        print(f"incidents per true event      {inc['per_true_event']:.2f} ({inc['predicted']} incidents, "
              f"{inc['true_events']} true events, {inc['true_episodes']} episodes told: "
              f"{inc['per_told_episode']:.2f} per episode told)")
        links = report["links"]
        for label, key in (("person -> incident links", "person_links"), ("unit -> incident links", "unit_links")):
            f = links[key]
            print(f"{label:<30}P {f['precision']:.3f}  R {f['recall']:.3f}  F1 {f['f1']:.3f}  "
                  f"(true {f['true']}, predicted {f['predicted']}, correct {f['correct']})")
        if "chains" in links:
            ch = links["chains"]
            own, whole = ch["own_unit_commander_right"], ch["whole_certain_correct"]
            print(f"own-unit commander right      {own['share']:.1%} ({own['right']}/{own['total']} incidents with "
                  f"named perpetrators whose unit had a commander then)")
            print(f"whole certain-correct chains  {whole['share']:.1%} ({whole['right']}/{whole['total']})")
            print(f"certain commanders not in post {ch['certain_commanders_not_in_post']} (and "
                  f"{ch['certain_commanders_of_a_wrongly_merged_person']} whose person wrongly holds the "
                  f"official who was)")
    if "events" in report:
        ev, pairs = report["events"], report["events"]["testimony_pairs"]
        print(f"events per true event         {ev['per_true_event']:.2f} ({ev['predicted']} events, "
              f"{ev['true_events']} true events)")
        print(f"testimonies joined by events  P {pairs['precision']:.3f}  R {pairs['recall']:.3f}  "
              f"F1 {pairs['f1']:.3f}  (true {pairs['true']}, predicted {pairs['predicted']}, correct {pairs['correct']})")
    for title, key in (("split", "officials_split"), ("merged", "wrong_merges"),
                       ("leaked", "private_persons_leaked"), ("junk", "junk_persons")):
        for example in report[key]["examples"]:
            print(f"  {title}: {json.dumps(example, ensure_ascii=False)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dump", type=Path, required=True, help="folder written by `python -m graph dump`")
    parser.add_argument("--corpus", type=Path, required=True, help="folder written by bench.synthetic_corpus")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
    incidents_file, events_file = args.dump / "incidents.jsonl", args.dump / "events.jsonl"
    chains_file = args.dump / "chains.jsonl"
    report = evaluate(truth, read_jsonl(args.dump / "persons.jsonl"), read_jsonl(args.dump / "testimonies.jsonl"),
                      read_jsonl(incidents_file) if incidents_file.exists() else None,
                      predicted_events=read_jsonl(events_file) if events_file.exists() else None,
                      chains=read_jsonl(chains_file) if chains_file.exists() else None)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report)


if __name__ == "__main__":
    main()
