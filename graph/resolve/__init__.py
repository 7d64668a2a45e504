"""The resolution stage: persons as clusters of mentions, over the whole graph.

Ingest writes, per testimony, one :Mention record for each official it names and links it to the
person of its per-document key. ``resolve`` then reads every mention of the finished testimonies and
the analysts' decisions, scores candidate pairs with a Fellegi-Sunter model (``linkage``), clusters
them under constraints (``clusters``), and writes the outcome in one transaction: a run killed at any
moment leaves the persons as they were, or as a complete run leaves them. Then incidents are joined into
events (``events``), written in a second transaction of their own. Nothing is destroyed: mentions keep
their spans, claims keep their ids (facts belong to mentions), and a re-run moves mentions between
persons and incidents between events as the evidence changes. Running it twice changes nothing.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field

import neo4j

from graph import model, queries
from graph.resolve.clusters import Link, Resolution, cluster
from graph.resolve.events import resolve_events
from graph.resolve.features import read_spellings, record_features
from graph.resolve.linkage import score_pairs
from nlp import lexicon as lexicon_module


CO_NAMED_KEPT = 20   # officials named alongside that a form keeps (the most frequent)


@dataclass
class ResolutionReport:
    mentions: int = 0
    persons: int = 0
    pairs_scored: int = 0
    linked_by_model: int = 0
    linked_surname_only: int = 0
    linked_by_analysts: int = 0
    proposals: int = 0
    mentions_moved: int = 0
    facts_moved: int = 0
    incidents: int = 0
    events: int = 0
    incidents_moved: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        return (f"mentions={self.mentions} persons={self.persons} pairs={self.pairs_scored} "
                f"moved={self.mentions_moved} proposals={self.proposals} incidents={self.incidents} "
                f"events={self.events}")


def resolve(driver: neo4j.Driver, database: str = "neo4j") -> ResolutionReport:
    report = ResolutionReport()
    began = time.perf_counter()
    records = queries.column(driver, database, "resolution_mentions", "mention")  # streamed: every mention
    decisions = _read(driver, database, "merge_decisions")
    report.seconds["read"] = time.perf_counter() - began

    began = time.perf_counter()
    lexicon = lexicon_module.load()
    latest = {}
    for d in decisions:  # the latest decision on a pair stands
        latest[frozenset((d["mention_a"], d["mention_b"]))] = d
    must = [(d["mention_a"], d["mention_b"]) for d in latest.values() if d["status"] == "accepted"]
    cannot = [(d["mention_a"], d["mention_b"]) for d in latest.values() if d["status"] == "refused"]
    cannot += [(r["id"], other) for r in records for other in r.get("distinct_from") or []]  # the text says so
    decided = {m for pair in latest for m in pair} | {m for pair in cannot for m in pair} | {
        r["id"] for r in records if r.get("not_given")}  # kept a form of its own: its constraint is its own
    features = {r["id"]: record_features(r, lexicon) for r in records}
    read_spellings(features)
    forms = group_forms(features, decided)
    pairs = score_pairs([f for f, _ in forms.values()], list(features.values()))
    report.seconds["score"] = time.perf_counter() - began

    began = time.perf_counter()
    local_keys = {r["id"]: r["local_key"] for r in records}
    resolved_before = {r["id"]: r["person_id"] for r in records if r.get("person_id") and r.get("match_reasons")}
    grouped = cluster({g: f for g, (f, _) in forms.items()}, {g: local_keys[g] for g in forms}, pairs, must, cannot,
                      {g: len(members) for g, (_, members) in forms.items()},
                      {g: Counter(resolved_before[m] for m in members if m in resolved_before)
                       for g, (_, members) in forms.items()})
    result = expand(grouped, forms)
    report.seconds["cluster"] = time.perf_counter() - began

    began = time.perf_counter()
    report.mentions_moved, report.facts_moved = _apply(driver, database, records, result)
    report.seconds["write"] = time.perf_counter() - began

    began = time.perf_counter()
    report.incidents, report.events, report.incidents_moved = _resolve_events(driver, database)
    report.seconds["events"] = time.perf_counter() - began

    report.mentions, report.persons, report.pairs_scored = len(records), len(result.clusters), len(pairs)
    kinds = [link.kind for link in result.links.values()]
    report.linked_by_model, report.linked_surname_only = kinds.count("model"), kinds.count("surname_only")
    report.linked_by_analysts, report.proposals = kinds.count("analyst"), len(result.proposals)
    return report


def group_forms(features: dict[str, dict], decided: set[str]) -> dict[str, tuple[dict, list[str]]]:
    """Mentions written alike (same surname skeleton, given name, patronymic, initials, gender and units;
    for a surname alone, the same scenes too)
    are one form: the model compares forms, not each of the thousands of times a busy official is named.
    A mention an analyst decided on stays a form of its own. Returns form id (its first mention) ->
    (features, mention ids)."""
    buckets: dict[tuple, list[str]] = {}
    for mention, f in sorted(features.items()):
        key = (f["skel"], f["given_full"], f["given_initial"], f["patr_full"], f["patr_initial"], f["gender"],
               tuple(sorted(f["unit_ids"])),
               () if f["given_initial"] else tuple(sorted(f["scene_ids"])))  # where a surname alone acted tells namesakes apart
        buckets.setdefault(("decided", mention) if mention in decided else key, []).append(mention)
    forms = {}
    for members in buckets.values():
        first = features[members[0]]
        days = sorted(features[m]["day"] for m in members if features[m]["day"] is not None)
        ranks = [features[m]["rank_order"] for m in members if features[m]["rank_order"] is not None]
        named_with = Counter(s for m in members for s in features[m]["co_named"])
        forms[members[0]] = ({**first, "day": days[len(days) // 2] if days else None,
                              "rank_order": max(ranks) if ranks else None,
                              "co_named": sorted(s for s, _ in named_with.most_common(CO_NAMED_KEPT)),
                              "written": sorted({w for m in members for w in features[m].get("written", ())}),
                              "scene_ids": sorted({s for m in members for s in features[m].get("scene_ids", ())})},
                              members)
    return forms


def expand(grouped: Resolution, forms: dict[str, tuple[dict, list[str]]]) -> Resolution:
    """From forms back to mentions: every mention of a form goes where its form went."""
    person_of, links = {}, {}
    for form, (_, members) in forms.items():
        for mention in members:
            person_of[mention] = grouped.person_of[form]
            links[mention] = grouped.links[form] if mention == form else Link("same_form", form)
    clusters = {person: [m for form in group for m in forms[form][1]] for person, group in grouped.clusters.items()}
    return Resolution(person_of, links, grouped.proposals, clusters)


def resolve_events_only(driver: neo4j.Driver, database: str = "neo4j") -> tuple[int, int, int]:
    """Events again, persons as they are (after an analyst's decision on events): (incidents, events, moved)."""
    return _resolve_events(driver, database)


def _resolve_events(driver: neo4j.Driver, database: str) -> tuple[int, int, int]:
    """Incidents into events (graph/resolve/events.py), after persons (agents are compared as persons);
    written in one transaction, only what changed."""
    records = _read(driver, database, "event_records")
    latest = {}
    for d in _read(driver, database, "event_decisions"):  # the latest decision on a pair stands
        latest[frozenset((d["incident_a"], d["incident_b"]))] = d
    result = resolve_events(records,
                            must=[(d["incident_a"], d["incident_b"]) for d in latest.values() if d["status"] == "accepted"],
                            cannot=[(d["incident_a"], d["incident_b"]) for d in latest.values() if d["status"] == "refused"])
    events, rows = [], []
    by_id = {r["id"]: r for r in records}
    for event_id, members in result.events.items():
        told = [by_id[m] for m in members]
        lows = [r["date_min"] for r in told if r.get("date_min")]
        highs = [r["date_max"] for r in told if r.get("date_max")]
        events.append({"id": event_id, "date_min": max(lows) if lows else None, "date_max": min(highs) if highs else None,
                       "precision": min((r.get("precision") or "unknown" for r in told), key=model.PRECISIONS.index),
                       "violations": sorted({v for r in told for v in r.get("violations") or []}),
                       "testimonies": len({r["testimony_id"] for r in told}), "incidents": len(members)})
    for record in records:
        reasons = json.dumps(result.reasons[record["id"]], ensure_ascii=False, sort_keys=True)
        event_id = result.event_of[record["id"]]
        if record.get("event_id") != event_id or record.get("reasons") != reasons:
            rows.append({"id": model.fact_id("part_of", record["id"]), "source": record["id"], "target": event_id,
                         "probability": round(result.probability[record["id"]], 4), "reasons": reasons})
    for row in events:
        model.validate_node("Event", row)

    def work(tx: neo4j.ManagedTransaction) -> None:
        tx.run(queries.get("merge_event"), rows=events).consume()
        tx.run(queries.get("merge_part_of"), rows=rows).consume()
        tx.run(queries.get("resolution_drop_events")).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)
    return len(records), len(result.events), len(rows)


def _read(driver: neo4j.Driver, database: str, name: str) -> list[dict]:
    return queries.rows(driver, database, name)  # the resolution stage's reads return plain values only


def person_rows(records: list[dict], result: Resolution) -> list[dict]:
    """Each person's name (its most complete mention's), every form written, and its name parts."""
    by_id = {r["id"]: r for r in records}
    rows = []
    for person_id, members in result.clusters.items():
        mentions = [by_id[m] for m in members]
        best = max(mentions, key=lambda r: (bool(r.get("given_name")) and not r.get("given_is_initial"),
                                            bool(r.get("patronymic")), bool(r.get("given_name")),
                                            len(r.get("name") or ""), r["id"]))
        names = sorted({n for r in mentions for n in [r.get("name"), *(r.get("texts") or [])] if n})
        rows.append({"id": person_id, "name": best.get("name"), "names": names, "surname": best.get("surname"),
                     "given_name": best.get("given_name"), "patronymic": best.get("patronymic"),
                     "gender": next((r["gender"] for r in mentions if r.get("gender")), None)})
    return rows


def _apply(driver: neo4j.Driver, database: str, records: list[dict], result: Resolution) -> tuple[int, int]:
    """Write what changed, in one transaction (all or nothing)."""
    moves, stays, old_persons, touched = [], [], set(), set()
    for record in records:
        person = result.person_of[record["id"]]
        link = result.links[record["id"]]
        reasons = json.dumps(link.as_dict(), ensure_ascii=False, sort_keys=True)
        if record.get("person_id") != person or record.get("match_reasons") != reasons:
            row = {"mention": record["id"], "person": person, "probability": round(link.probability, 4),
                   "refers_id": model.fact_id("refers_to", record["id"]), "reasons": reasons}
            now_on = record.get("person_id") or record["local_key"]  # ingest points a new mention at its key
            (stays if now_on == person else moves).append(row)
            touched.add(person)
            if record.get("person_id") and record["person_id"] != person:
                old_persons.add(record["person_id"])
            old_persons.add(record["local_key"])
    persons = [row for row in person_rows(records, result) if row["id"] in touched]
    proposals = [{"id": model.fact_id("proposal", p.mention_a, p.mention_b),
                  "person_a": result.person_of[p.mention_a], "person_b": result.person_of[p.mention_b],
                  "mention_a": p.mention_a, "mention_b": p.mention_b, "probability": round(p.probability, 4),
                  "reasons": json.dumps(p.reasons, ensure_ascii=False, sort_keys=True), "kind": p.kind}
                 for p in result.proposals]
    for row in proposals:
        model.validate_node("MergeProposal", row)
    written = {r["id"]: r for r in _read(driver, database, "resolution_proposals")}
    fields = ("person_a", "person_b", "probability", "reasons")
    changed = [row for row in proposals
               if row["id"] not in written or any(written[row["id"]][f] != row[f] for f in fields)]

    def work(tx: neo4j.ManagedTransaction) -> int:
        tx.run(queries.get("resolution_set_persons"), rows=persons).consume()
        missing = tx.run(queries.get("resolution_relabel_mentions"), rows=stays).single()["missing"]
        moved = tx.run(queries.get("resolution_move_mentions"), rows=moves + missing).single()
        tx.run(queries.get("resolution_drop_persons"), ids=sorted(old_persons - set(result.clusters))).consume()
        tx.run(queries.get("resolution_clear_proposals"), keep=[row["id"] for row in proposals]).consume()
        tx.run(queries.get("merge_mergeproposal"), rows=changed).consume()
        return moved["moved"] or 0 if moved else 0

    with driver.session(database=database) as session:
        facts = session.execute_write(work)
    return len(moves) + len(stays), facts
