"""Command line of the graph side.

    python -m graph server start|stop|status   the project's own local Neo4j (used when NEO4J_URI is unset)
    python -m graph schema                     apply constraints and indexes (idempotent)
    python -m graph counts                     nodes per label and relationships per type
    python -m graph chain INCIDENT_ID          the command chain of an incident, as JSON
"""
from __future__ import annotations

import argparse
import json
import sys


def _server(args: argparse.Namespace) -> int:
    from graph.server import LocalServer

    local = LocalServer.from_env()
    if args.action == "start":
        if local.pid():
            print(f"already running: {local.uri} (pid {local.pid()})")
            return 0
        seconds = local.start()
        status = local.status()
        print(f"started Neo4j {status['version']} on {local.uri} in {seconds:.1f}s "
              f"(pid {status['pid']}, {status['rss_mb']} MB resident, home {local.home})")
    elif args.action == "stop":
        print("stopped" if local.stop() else "not running")
    else:
        status = local.status()
        print(json.dumps(status, indent=2))
        return 0 if status["running"] else 3
    return 0


def _schema(args: argparse.Namespace) -> int:
    from graph import connection, schema

    driver, settings = connection.open_driver()
    with driver:
        count = schema.apply(driver, settings.database)
    print(f"schema applied ({count} statements) on {settings.describe()}")
    return 0


def _counts(args: argparse.Namespace) -> int:
    from graph import connection, schema

    driver, settings = connection.open_driver()
    with driver:
        for name, count in schema.element_counts(driver, settings.database).items():
            print(f"{name}\t{count}")
    return 0


def _chain(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from graph import chain, connection

    driver, settings = connection.open_driver()
    with driver:
        result = chain.command_chain_for_incident(driver, args.incident_id, settings.database)
    if result is None:
        print(f"no incident with id {args.incident_id!r}", file=sys.stderr)
        return 2
    print(json.dumps(asdict(result), ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    server = commands.add_parser("server", help="start, stop or show the local Neo4j server")
    server.add_argument("action", choices=("start", "stop", "status"))
    server.set_defaults(func=_server)
    commands.add_parser("schema", help="apply constraints and indexes").set_defaults(func=_schema)
    commands.add_parser("counts", help="count nodes and relationships").set_defaults(func=_counts)
    chain = commands.add_parser("chain", help="command chain of an incident (JSON)")
    chain.add_argument("incident_id")
    chain.set_defaults(func=_chain)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Exception as error:  # one clear line, no traceback, for expected failures
        from graph.server import ServerError

        if isinstance(error, (ServerError, RuntimeError)):
            print(f"error: {error}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
