"""Shared fixtures. Tests marked ``neo4j`` run against the real server: the local one started by
``python -m graph server start`` (``.ci/run`` does this) or the one ``NEO4J_URI`` points to."""
from __future__ import annotations

import os

import pytest

from graph import connection, schema, server

# Tests empty their database: without NEO4J_URI they use a server of their own (home .neo4j-test/, port
# 7688; PKG_NEO4J_TEST_HOME and PKG_NEO4J_TEST_BOLT_PORT change them), never the one `make main` fills.
server.use_test_server()


@pytest.fixture(scope="session")
def neo4j_session_driver():
    local = None if os.environ.get("NEO4J_URI") else server.LocalServer.from_env()
    started_here = local is not None and local.pid() is None
    try:
        driver, settings = connection.open_driver(start_local=True)
    except Exception as error:  # a missing server is a failure, not a skip: CI must start it
        pytest.fail(f"Neo4j is not reachable: {error}")
    schema.apply(driver, settings.database)
    yield driver, settings.database
    driver.close()
    if started_here:  # started for this run (pytest by hand): stopped with it; `make test` starts and keeps one
        local.stop()


@pytest.fixture
def db(neo4j_session_driver):
    """A driver on an emptied database (emptied again after the test)."""
    driver, database = neo4j_session_driver
    schema.delete_everything(driver, database)
    yield driver, database
    schema.delete_everything(driver, database)


@pytest.fixture(scope="module")
def sample_graph(neo4j_session_driver, tmp_path_factory):
    """The database loaded with the sample testimonies (ingested once per test module, emptied after),
    and a vault of its own; PKG_VAULT_DIR points at it meanwhile (the app's users and audit trail)."""
    from pathlib import Path

    from graph.queries import Store
    from ingest import pipeline
    from access.vault import Vault

    driver, database = neo4j_session_driver
    schema.delete_everything(driver, database)
    vault = tmp_path_factory.mktemp("vault")
    previous = os.environ.get("PKG_VAULT_DIR")
    os.environ["PKG_VAULT_DIR"] = str(vault)
    pipeline.run([Path(__file__).resolve().parent.parent / "samples"], driver, database=database, vault=Vault(vault))
    yield Store(driver, database), vault
    schema.delete_everything(driver, database)
    if previous is None:
        os.environ.pop("PKG_VAULT_DIR", None)
    else:
        os.environ["PKG_VAULT_DIR"] = previous


def open_page(path: str | None = None, role: str | None = "admin", user: str | None = None, **params: str):
    """A dashboard page through Streamlit's AppTest, as a signed-in user of that role (None: signed out)."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from access.users import AccessError, UserStore

    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py"), default_timeout=60)
    if role:
        name = user or f"{role}-1"
        users = UserStore.from_env()  # the app checks the session against the user store on every run
        try:
            users.add(name, "a-test-password", role)
        except AccessError:
            users.set_role(name, role)
        app.session_state["user"] = {"name": name, "role": role}
    if path:
        app.switch_page(path)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app
