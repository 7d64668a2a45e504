"""Constraints and indexes from ``cypher/schema/schema.cypher``, applied idempotently."""
from __future__ import annotations

import neo4j

from graph import queries


def apply(driver: neo4j.Driver, database: str = "neo4j", wait_seconds: int = 300) -> int:
    """Create every constraint and index that does not exist yet; return how many statements ran."""
    statements = queries.statements("schema")
    for statement in statements:
        driver.execute_query(statement, database_=database)
    driver.execute_query(queries.get("await_indexes"), {"seconds": wait_seconds}, database_=database)
    return len(statements)


def delete_everything(driver: neo4j.Driver, database: str = "neo4j") -> None:
    """Remove every node and relationship (the schema stays). For tests and benchmarks."""
    with driver.session(database=database) as session:
        for statement in queries.statements("delete_everything"):
            session.run(statement).consume()


def element_counts(driver: neo4j.Driver, database: str = "neo4j") -> dict[str, int]:
    records, _, _ = driver.execute_query(queries.get("count_elements"), database_=database)
    return {f"{r['element']}:{r['name']}": r["count"] for r in records}
