"""The batched, idempotent writer: ``UNWIND $rows ... MERGE``, one transaction per batch.

* Every node label and relationship type of ``graph.model`` has one write query,
  ``cypher/write/merge_<name>.cypher``; nodes are written before relationships and
  claims after the nodes they cite.
* Each batch runs in its own managed write transaction, which the driver retries on
  transient errors (deadlocks, leader switches, a briefly unavailable server).
* Writing the same rows again MERGEs onto the same elements: nothing is duplicated.
* A batch that still fails raises :class:`BatchWriteError` naming the query and the
  ids of the rows that were not written; every earlier batch stays committed.
* Relationship rows whose endpoints do not exist are not written and are reported
  in :attr:`WriteReport.unmatched` (a re-run after the nodes arrive completes them).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import neo4j

from graph import model, queries

NODE_ORDER = ("Source", "Testimony", "Victim", "Person", "Mention", "Unit", "Place", "Incident", "Event", "Post",
              "Claim", "MergeDecision", "EventDecision", "MergeProposal")
RELATIONSHIP_ORDER = ("REFERS_TO", "PART_OF", "HELD", "IN", "SUBORDINATE_TO", "PERPETRATED", "ORDERED", "OCCURRED_AT", "SUBJECTED_TO",
                      "GAVE", "FROM_SOURCE")
WRITTEN_WITH_CLAIMS = ("CITES",)


def write_query_name(name: str) -> str:
    """Query that writes a node label or relationship type: Person -> merge_person, OCCURRED_AT -> merge_occurred_at."""
    return "merge_" + name.lower()


class BatchWriteError(RuntimeError):
    def __init__(self, query: str, failed_ids: list, committed_rows: int, cause: Exception):
        self.query, self.failed_ids, self.committed_rows, self.cause = query, failed_ids, committed_rows, cause
        shown = ", ".join(map(str, failed_ids[:5])) + (" ..." if len(failed_ids) > 5 else "")
        super().__init__(f"{query}: batch of {len(failed_ids)} rows failed after retries ({cause}); "
                         f"{committed_rows} rows before it are committed; failed rows: {shown}")


@dataclass
class WriteReport:
    written: dict[str, int] = field(default_factory=dict)
    unmatched: dict[str, list] = field(default_factory=dict)
    batches: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.written.values())


def chunks(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


class BatchWriter:
    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", batch_size: int = 10_000):
        self.driver = driver
        self.database = database
        self.batch_size = batch_size

    def write(self, batch: model.GraphBatch) -> WriteReport:
        report = WriteReport()
        began = time.perf_counter()
        unknown = (set(batch.nodes) - set(NODE_ORDER)) | (set(batch.relationships) - set(RELATIONSHIP_ORDER))
        if unknown:
            raise model.ModelError(f"the writer has no write order for {sorted(unknown)}")
        for label in NODE_ORDER:
            if batch.nodes.get(label):
                self.write_rows(label, batch.nodes[label], report)
        for rel_type in RELATIONSHIP_ORDER:
            if batch.relationships.get(rel_type):
                self.write_rows(rel_type, batch.relationships[rel_type], report)
        report.seconds = time.perf_counter() - began
        return report

    def write_rows(self, name: str, rows: list[dict], report: WriteReport | None = None) -> WriteReport:
        report = report or WriteReport()
        query = queries.get(write_query_name(name))
        committed = 0
        with self.driver.session(database=self.database) as session:
            for rows_in_batch in chunks(rows, self.batch_size):
                try:
                    written_ids = session.execute_write(_run_batch, query, rows_in_batch)
                except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as error:
                    raise BatchWriteError(write_query_name(name), [r.get("id") for r in rows_in_batch],
                                          committed, error) from error
                committed += len(rows_in_batch)
                report.batches += 1
                report.written[name] = report.written.get(name, 0) + len(set(written_ids))
                if len(written_ids) < len(rows_in_batch):
                    seen = set(written_ids)
                    missing = [r["id"] for r in rows_in_batch if r["id"] not in seen]
                    report.unmatched.setdefault(name, []).extend(missing)
        return report


def _run_batch(tx: neo4j.ManagedTransaction, query: str, rows: list[dict]) -> list:
    """The ids of the rows written (a write query returns them as one list: one record, not one per row)."""
    record = tx.run(query, rows=rows).single()
    return record["ids"] if record else []


def write_naively(driver: neo4j.Driver, name: str, rows: Iterable[dict], database: str = "neo4j") -> int:
    """One transaction per row: the baseline the benchmark compares the batched writer with."""
    query = queries.get(write_query_name(name))
    count = 0
    with driver.session(database=database) as session:
        for row in rows:
            session.execute_write(_run_batch, query, [row])
            count += 1
    return count
