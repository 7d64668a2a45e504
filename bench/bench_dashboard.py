"""Benchmark: dashboard page render time on a large synthetic graph (prints figures; asserts nothing).

    python -m bench.bench_dashboard [--persons 100000] [--incidents 150000] [--runs 5]

EMPTIES the database, then writes a synthetic graph through the batched writer: a unit hierarchy of
~2,000 units with a commander each, N persons with a post each, incidents carried out by two persons
of one unit, every fact backed by a claim citing one of 10,000 testimonies (about 1,000,000
relationships for the defaults). Then renders the person profile, the unit tree and the incident's
command chain pages with Streamlit's AppTest against the real server: once to warm up, then --runs
times, printing the median and the slowest render of each page.
"""
from __future__ import annotations

import argparse
from collections import Counter
import random
import statistics
import time
from pathlib import Path

from graph import schema
from graph.connection import open_driver
from graph.facts import DateRange, Evidence, FactBuilder
from graph.writer import BatchWriter

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def synthetic_graph(persons: int, incidents: int, seed: int = 7) -> FactBuilder:
    rng = random.Random(seed)
    facts = FactBuilder()
    testimonies = [f"{n:064x}" for n in range(10_000)]
    for number, testimony in enumerate(testimonies):
        facts.batch.add_node("Testimony", {"id": testimony, "language": "ru", "source_type": "document",
                                           "ingested_at": "2026-01-01T00:00:00+00:00"})

    def proof(start: int = 0) -> Evidence:
        return Evidence("synthetic", "1", round(rng.uniform(0.5, 1.0), 2), testimony_id=rng.choice(testimonies),
                        start=start, end=start + 10, excerpt=f"synthetic excerpt {start}", excerpt_start=start)

    units, leaves = ["unit:syn-0"], []
    facts.entity("Unit", {"id": "unit:syn-0", "name": "Synthetic ministry"})
    level = ["unit:syn-0"]
    for fan_out in (10, 10, 19):
        below = []
        for parent in level:
            for _ in range(fan_out):
                unit = f"unit:syn-{len(units)}"
                units.append(unit)
                below.append(unit)
                facts.entity("Unit", {"id": unit, "name": f"Synthetic unit {len(units)}"})
                facts.subordinate(unit, parent, "command", proof())
        level = below
    leaves = level
    staff: dict[str, list[str]] = {u: [] for u in units}
    for number in range(persons):
        person = f"person:syn-{number}"
        unit = units[number] if number < len(units) else rng.choice(leaves)
        facts.entity("Person", {"id": person, "name": f"Synthetic Person {number}", "names": [f"Person {number}"]})
        role = "commander" if number < len(units) else "officer"
        facts.post(person, unit, role, proof(number), start=DateRange.parse("2019"), end=DateRange.parse("2022"))
        staff[unit].append(person)
    for number in range(incidents):
        unit = rng.choice(leaves)
        day = f"2020-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}"
        incident = f"incident:syn-{number}"
        facts.incident(incident, DateRange.parse(day), proof(number), label=f"beating {number}",
                       violations=["beating"])
        for person in rng.sample(staff[unit], min(2, len(staff[unit]))):
            facts.link("PERPETRATED", person, incident, proof(number))
    return facts


def _benchmark_user() -> None:
    """The app checks the signed-in user against the user store on every run: the benchmark's user is
    an admin of a vault of its own (a temporary folder unless PKG_VAULT_DIR is set)."""
    import os
    import tempfile

    from access.users import AccessError, UserStore

    os.environ.setdefault("PKG_VAULT_DIR", tempfile.mkdtemp(prefix="bench-vault-"))
    try:
        UserStore.from_env().add("benchmark", "a-benchmark-password", "admin")
    except AccessError:
        UserStore.from_env().set_role("benchmark", "admin")


def render(path: str, **params: str) -> float:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["user"] = {"name": "benchmark", "role": "admin"}  # signed in: the page itself is timed
    app.switch_page(path)
    for key, value in params.items():
        app.query_params[key] = value
    began = time.perf_counter()
    app.run()
    seconds = time.perf_counter() - began
    if app.exception:
        raise RuntimeError(app.exception[0].message)
    if not app.title or app.title[0].value in ("Sign in", "Person", "Unit", "Incident"):
        raise RuntimeError(f"{path} {params} did not render its content")  # a generic title: not found
    return seconds


def main(argv: list[str] | None = None) -> None:
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest outside a server warns on every run
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--incidents", type=int, default=150_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="the synthetic graph is already in the database")
    args = parser.parse_args(argv)
    _benchmark_user()
    driver, settings = open_driver()
    schema.apply(driver, settings.database)
    began = time.perf_counter()
    batch = synthetic_graph(args.persons, args.incidents).batch
    if not args.reuse:
        schema.delete_everything(driver, settings.database)
    report = BatchWriter(driver, settings.database).write(batch) if not args.reuse else None
    counts = schema.element_counts(driver, settings.database)
    relationships = sum(v for k, v in counts.items() if k.startswith("relationship:"))
    nodes = sum(v for k, v in counts.items() if k.startswith("node:"))
    print(f"graph: {nodes:,} nodes, {relationships:,} relationships" +
          (f", written in {time.perf_counter() - began:.0f} s ({report.total:,} rows)" if report else " (reused)"))
    acts = Counter(row["source"] for row in batch.relationships["PERPETRATED"])
    busiest = acts.most_common(1)[0][0]
    pages = {"person profile (typical)": ("views/person.py", {"id": "person:syn-5000"}),
             f"person profile (busiest: {busiest})": ("views/person.py", {"id": busiest}),
             "unit tree + command on a date": ("views/unit.py", {"id": "unit:syn-15"}),
             "incident + command chain": ("views/incident.py", {"id": "incident:syn-42"})}
    for name, (path, params) in pages.items():
        first = render(path, **params)
        times = [render(path, **params) for _ in range(args.runs)]
        print(f"{name}: first load {first:.2f} s, then median {statistics.median(times):.2f} s, "
              f"slowest {max(times):.2f} s over {args.runs} renders")
    driver.close()


if __name__ == "__main__":
    main()
