"""The one place that creates a Neo4j driver.

Settings come from Neo4j's own variables ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``. When ``NEO4J_URI`` is unset, the
project's own local server (``graph.server``) is used and started if needed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import neo4j

from graph import server


@dataclass(frozen=True)
class Settings:
    uri: str
    username: str
    password: str
    database: str
    local: bool

    def describe(self) -> str:  # never prints the password
        return f"{self.uri} (user {self.username}, database {self.database}{', local server' if self.local else ''})"


def settings_from_env(env: dict | None = None) -> Settings:
    env = os.environ if env is None else env
    uri = env.get("NEO4J_URI")
    database = env.get("NEO4J_DATABASE") or "neo4j"
    if uri:
        password = env.get("NEO4J_PASSWORD")
        if not password:
            raise RuntimeError("NEO4J_URI is set but NEO4J_PASSWORD is not: set both (or unset NEO4J_URI "
                               "to use the local server)")
        return Settings(uri, env.get("NEO4J_USERNAME") or "neo4j", password, database, local=False)
    local = server.LocalServer.from_env(env)
    return Settings(local.uri, "neo4j", local.password(), database, local=True)


def open_driver(settings: Settings | None = None, *, start_local: bool = True) -> tuple[neo4j.Driver, Settings]:
    """Return a connected driver and the settings it uses (the caller closes the driver)."""
    if settings is None:
        if not os.environ.get("NEO4J_URI") and start_local:
            server.LocalServer.from_env().ensure_running()
        settings = settings_from_env()
    driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.username, settings.password),
                                        max_connection_pool_size=20, notifications_min_severity="OFF")
    try:
        driver.verify_connectivity()
    except Exception:
        driver.close()
        raise
    return driver, settings
