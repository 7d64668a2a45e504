"""Benchmark: export of a ~10,000-node subgraph in every format (prints figures; asserts nothing).

    python -m bench.bench_export [--persons 6000] [--incidents 2000] [--hops 5]

EMPTIES the database, writes the synthetic graph of bench.bench_dashboard at this size (a hierarchy of
~2,000 units, persons with posts, incidents carried out by them, every fact with a claim), selects
everything within --hops links of the ministry and writes the case folder in every format, printing
the selection time and the seconds per format.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.bench_dashboard import synthetic_graph
from graph import queries, schema
from graph.connection import open_driver
from graph.export import Selection, add_command_chains, select
from graph.export.custody import write_case
from graph.export.formats import FORMATS
from graph.writer import BatchWriter


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=6000)
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--hops", type=int, default=5)
    args = parser.parse_args(argv)
    driver, settings = open_driver()
    schema.apply(driver, settings.database)
    schema.delete_everything(driver, settings.database)
    BatchWriter(driver, settings.database).write(synthetic_graph(args.persons, args.incidents).batch)
    store = queries.Store(driver, settings.database)
    began = time.perf_counter()
    subgraph = select(store, Selection(["unit:syn-0"], hops=args.hops))
    selected = time.perf_counter() - began
    began = time.perf_counter()
    add_command_chains(store, subgraph)
    chains = time.perf_counter() - began
    claims = sum(len(c) for c in subgraph.claims.values())
    print(f"subgraph: {len(subgraph.nodes):,} nodes, {len(subgraph.links):,} links, {claims:,} claims; "
          f"selected in {selected:.1f} s, command chains of {len(subgraph.chains):,} incidents in {chains:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        _, seconds = write_case(subgraph, Path(folder) / "case", list(FORMATS), "benchmark")
        sizes = {p.name: p.stat().st_size for p in (Path(folder) / "case").iterdir()}
    for name, took in seconds.items():
        print(f"  {name}: {took:.1f} s")
    print("files: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sorted(sizes.items())))
    driver.close()


if __name__ == "__main__":
    main()
