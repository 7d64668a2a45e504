"""Benchmark: the batched writer against a naive one-transaction-per-row writer, in one run.

Synthetic data (fictional ids): persons, incidents and testimonies, then N PERPETRATED facts each
backed by a claim (a :Claim node and its CITES relationship). Prints figures; asserts nothing.

    .venv/bin/python -m bench.bench_writer --relationships 1000000 --naive-rows 2000

It EMPTIES the database it is pointed at: by default the local server (python -m graph server start).
"""
from __future__ import annotations

import argparse
import random
import time

from graph import connection, schema
from graph.model import fact_id
from graph.server import LocalServer
from graph.writer import BatchWriter, write_naively


def synthetic(n_facts: int, seed: int = 7) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    n_persons = max(10, n_facts // 100)
    n_incidents = max(10, n_facts // 20)
    n_testimonies = max(10, n_facts // 1000)
    persons = [{"id": f"person:{i}", "name": f"Person {i}", "names": [f"Person {i}"]} for i in range(n_persons)]
    incidents = [{"id": f"incident:{i}", "date_min": "2020-08-10", "date_max": "2020-08-12", "precision": "day",
                  "violations": ["beating"]} for i in range(n_incidents)]
    testimonies = [{"id": f"{i:064x}", "language": "ru", "source_type": "synthetic"} for i in range(n_testimonies)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n_facts:
        pairs.add((rng.randrange(n_persons), rng.randrange(n_incidents)))
    facts, claims = [], []
    for p, i in pairs:
        rid = fact_id("perpetrated", f"person:{p}", f"incident:{i}")
        facts.append({"id": rid, "source": f"person:{p}", "target": f"incident:{i}"})
        claims.append({"id": fact_id("claim", rid), "fact_id": rid, "predicate": "PERPETRATED",
                       "testimony_id": testimonies[rng.randrange(n_testimonies)]["id"], "start": 0, "end": 40,
                       "excerpt": "synthetic excerpt", "extractor": "bench", "extractor_version": "1",
                       "confidence": 0.8, "status": "machine", "hedged": False})
    return {"Person": persons, "Incident": incidents, "Testimony": testimonies, "PERPETRATED": facts,
            "Claim": claims}


def timed(label: str, fn, count: int) -> float:
    began = time.perf_counter()
    fn()
    seconds = time.perf_counter() - began
    print(f"{label:<44} {count:>9,} in {seconds:8.2f} s = {count / seconds:>10,.0f} /s")
    return count / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--relationships", type=int, default=1_000_000, help="PERPETRATED facts (default 1M)")
    parser.add_argument("--naive-rows", type=int, default=2_000, help="rows for the naive writer")
    parser.add_argument("--batch-size", type=int, default=10_000)
    args = parser.parse_args()

    driver, settings = connection.open_driver()
    database = settings.database
    print(f"server: {settings.describe()}")
    schema.apply(driver, database)
    schema.delete_everything(driver, database)
    began = time.perf_counter()
    data = synthetic(args.relationships)
    print(f"generated {args.relationships:,} synthetic facts in {time.perf_counter() - began:.1f} s")

    writer = BatchWriter(driver, database, batch_size=args.batch_size)
    for label in ("Person", "Incident", "Testimony"):
        timed(f"batched nodes :{label}", lambda: writer.write_rows(label, data[label]), len(data[label]))
    rel_rate = timed("batched relationships :PERPETRATED", lambda: writer.write_rows("PERPETRATED", data["PERPETRATED"]),
                     len(data["PERPETRATED"]))
    timed("batched claims (:Claim node + :CITES rel)", lambda: writer.write_rows("Claim", data["Claim"]),
          len(data["Claim"]))
    again = time.perf_counter()
    writer.write_rows("PERPETRATED", data["PERPETRATED"][:100_000])
    print(f"re-writing 100,000 existing relationships (idempotent MERGE): {time.perf_counter() - again:.2f} s")
    counts = schema.element_counts(driver, database)
    print(f"graph now: {counts.get('relationship:PERPETRATED'):,} PERPETRATED, {counts.get('relationship:CITES'):,} "
          f"CITES, {counts.get('node:Claim'):,} claims")

    # The naive writer: same query, one row per transaction, on fresh relationships.
    naive_rows = [{"id": fact_id("perpetrated-naive", i), "source": f"person:{i % 10}",
                   "target": f"incident:{(i * 7) % 10}"} for i in range(args.naive_rows)]
    naive_rate = timed("naive relationships (1 tx per row)", lambda: write_naively(driver, "PERPETRATED", naive_rows,
                                                                                   database), len(naive_rows))
    print(f"batched / naive: {rel_rate / naive_rate:.1f}x")
    if settings.local:
        status = LocalServer.from_env().status()
        print(f"Neo4j resident memory after the run: {status['rss_mb']} MB (heap {LocalServer.from_env().heap}, "
              f"page cache {LocalServer.from_env().pagecache})")
    schema.delete_everything(driver, database)
    driver.close()


if __name__ == "__main__":
    main()
