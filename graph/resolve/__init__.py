"""The resolution stage: persons as clusters of mentions, over the whole graph.

Ingest writes, per testimony, one :Mention record for each official it names and links it to the
person of its per-document key. ``resolve`` then reads every mention of the finished testimonies and
the analysts' decisions, scores candidate pairs with a Fellegi-Sunter model (``linkage``), clusters
them under constraints (``clusters``), and writes the outcome in ONE transaction: a run killed at any
moment leaves the graph as it was, a finished run leaves it as a complete run would. Nothing is
destroyed: mentions keep their spans, claims keep their ids (facts belong to mentions), and a
re-run moves mentions between persons as the evidence changes. Running it twice changes nothing.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import neo4j

from graph import model, queries
from graph.resolve.clusters import Resolution, cluster
from graph.resolve.features import record_features
from graph.resolve.linkage import score_pairs


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
    seconds: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        return (f"mentions={self.mentions} persons={self.persons} pairs={self.pairs_scored} "
                f"moved={self.mentions_moved} proposals={self.proposals}")


def resolve(driver: neo4j.Driver, database: str = "neo4j") -> ResolutionReport:
    from nlp import lexicon as lexicon_module

    report = ResolutionReport()
    began = time.perf_counter()
    records = [r["mention"] for r in _read(driver, database, "resolution_mentions")]
    decisions = _read(driver, database, "merge_decisions")
    report.seconds["read"] = time.perf_counter() - began

    began = time.perf_counter()
    lexicon = lexicon_module.load()
    features = {r["id"]: record_features(r, lexicon) for r in records}
    pairs = score_pairs(list(features.values()))
    report.seconds["score"] = time.perf_counter() - began

    began = time.perf_counter()
    latest = {}
    for d in decisions:  # the latest decision on a pair stands
        latest[frozenset((d["mention_a"], d["mention_b"]))] = d
    must = [(d["mention_a"], d["mention_b"]) for d in latest.values() if d["status"] == "accepted"]
    cannot = [(d["mention_a"], d["mention_b"]) for d in latest.values() if d["status"] == "refused"]
    result = cluster(features, {r["id"]: r["local_key"] for r in records}, pairs, must, cannot)
    report.seconds["cluster"] = time.perf_counter() - began

    began = time.perf_counter()
    report.mentions_moved, report.facts_moved = _apply(driver, database, records, result)
    report.seconds["write"] = time.perf_counter() - began

    report.mentions, report.persons, report.pairs_scored = len(records), len(result.clusters), len(pairs)
    kinds = [link.kind for link in result.links.values()]
    report.linked_by_model, report.linked_surname_only = kinds.count("model"), kinds.count("surname_only")
    report.linked_by_analysts, report.proposals = kinds.count("analyst"), len(result.proposals)
    return report


def _read(driver: neo4j.Driver, database: str, name: str) -> list[dict]:
    records, _, _ = driver.execute_query(queries.get(name), database_=database, routing_=neo4j.RoutingControl.READ)
    return [r.data() for r in records]


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
    moves, old_persons, touched = [], set(), set()
    for record in records:
        person = result.person_of[record["id"]]
        link = result.links[record["id"]]
        reasons = json.dumps(link.as_dict(), ensure_ascii=False, sort_keys=True)
        if record.get("person_id") != person or record.get("match_reasons") != reasons:
            moves.append({"mention": record["id"], "person": person, "probability": round(link.probability, 4),
                          "refers_id": model.fact_id("refers_to", record["id"]), "reasons": reasons})
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

    def work(tx: neo4j.ManagedTransaction) -> int:
        tx.run(queries.get("resolution_set_persons"), rows=persons).consume()
        moved = tx.run(queries.get("resolution_move_mentions"), rows=moves).single()
        tx.run(queries.get("resolution_drop_persons"), ids=sorted(old_persons - set(result.clusters))).consume()
        tx.run(queries.get("resolution_clear_proposals")).consume()
        tx.run(queries.get("merge_mergeproposal"), rows=proposals).consume()
        return moved["moved"] or 0 if moved else 0

    with driver.session(database=database) as session:
        facts = session.execute_write(work)
    return len(moves), facts
