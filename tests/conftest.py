"""Shared fixtures. Tests marked ``neo4j`` run against the real server: the local one started by
``python -m graph server start`` (``.ci/run`` does this) or the one ``NEO4J_URI`` points to."""
from __future__ import annotations

import pytest

from graph import connection, schema


@pytest.fixture(scope="session")
def neo4j_session_driver():
    try:
        driver, settings = connection.open_driver(start_local=True)
    except Exception as error:  # a missing server is a failure, not a skip: CI must start it
        pytest.fail(f"Neo4j is not reachable: {error}")
    schema.apply(driver, settings.database)
    yield driver, settings.database
    driver.close()


@pytest.fixture
def db(neo4j_session_driver):
    """A driver on an emptied database (emptied again after the test)."""
    driver, database = neo4j_session_driver
    schema.delete_everything(driver, database)
    yield driver, database
    schema.delete_everything(driver, database)
