"""Named Cypher queries: every ``cypher/**/NAME.cypher`` file is one query, loaded by ``NAME``, and the
one way the project runs them (``read``, ``write``, ``column``; ``Store`` bundles a driver and database).

A name used by two files, or a name that has no file, is an error. Queries take
parameters only; nothing in this project builds Cypher by string concatenation.
A file may hold several statements separated by lines that contain only ``;``
(used for the schema); ``statements(name)`` splits them. Batched writes of nodes and relationships go
through graph/writer.py (UNWIND $rows).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import neo4j

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"


class QueryError(LookupError):
    pass


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


@lru_cache(maxsize=None)
def load_all(directory: Path = CYPHER_DIR) -> dict[str, str]:
    queries: dict[str, str] = {}
    origin: dict[str, Path] = {}
    for path in sorted(directory.rglob("*.cypher")):
        name = path.stem
        if name in queries:
            raise QueryError(f"duplicate query name {name!r}: {origin[name]} and {path}")
        text = _strip_comments(path.read_text(encoding="utf-8"))
        if not text:
            raise QueryError(f"empty query file {path}")
        queries[name] = text
        origin[name] = path
    return queries


def get(name: str) -> str:
    queries = load_all()
    try:
        return queries[name]
    except KeyError:
        close = difflib.get_close_matches(name, queries, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise QueryError(f"unknown query {name!r}{hint}") from None


def statements(name: str) -> list[str]:
    return [s.strip() for s in re.split(r"^\s*;\s*$", get(name), flags=re.M) if s.strip()]


def read(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    """The rows of a named read query (routed to a reader in a cluster)."""
    records, _, _ = driver.execute_query(get(name), params, database_=database, routing_=neo4j.RoutingControl.READ)
    return [record.data() for record in records]


def write(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    """The rows of a named write query, in one transaction of its own."""
    records, _, _ = driver.execute_query(get(name), params, database_=database)
    return [record.data() for record in records]


def rows(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    """The rows of a named read query whose values are plain (no nodes or relationships), streamed: for reads
    of every incident or mention, where ``record.data()``'s deep copy costs seconds."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        return [dict(record) for record in session.run(get(name), params)]


def column(driver: neo4j.Driver, database: str, name: str, field: str, **params) -> list:
    """One column of a named read query, streamed (no copy of each record: for reads of every mention)."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        return [record[field] for record in session.run(get(name), params)]


@dataclass
class Store:
    """The driver and database the views and exports read from (the driver is created in graph.connection)."""
    driver: neo4j.Driver
    database: str = "neo4j"

    def read(self, name: str, **params) -> list[dict]:
        return read(self.driver, self.database, name, **params)

    def write(self, name: str, **params) -> list[dict]:
        return write(self.driver, self.database, name, **params)
