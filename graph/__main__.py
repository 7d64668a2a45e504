"""Command line of the graph side.

    python -m graph server start|stop|status   the project's own local Neo4j (used when NEO4J_URI is unset)
    python -m graph schema                     apply constraints and indexes (idempotent)
    python -m graph counts                     nodes per label and relationships per type
    python -m graph chain INCIDENT_ID          the command chain of an incident, as JSON
    python -m graph export SEED... --out DIR   a case file for prosecutors (formats: --help)
    python -m graph verify DIR [--public-key signing.pub]   check a case folder against its signed manifest
    python -m graph resolve                    resolve persons over the whole graph (ingest runs it too)
    python -m graph dump OUT_DIR [--chains]    persons, units, incidents, testimonies (and chains) as JSON lines
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from graph.export import LINK_TYPES, STATUS_ORDER
from graph.export.formats import FORMATS


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
    print(json.dumps(chain.as_json(result) if args.json else asdict(result), ensure_ascii=False, indent=2))
    return 0


def _export(args: argparse.Namespace) -> int:
    from access.audit import AuditLog
    from graph import connection, queries
    from graph.export import Selection
    from graph.export.custody import UnknownSeeds, export_case, sha256

    from access.users import UserStore, allows

    if not allows(UserStore.from_env().role_of(args.by), "investigator"):
        print(f"error: --by {args.by!r} is not a user whose role may export (investigator or admin; "
              "python -m access users)", file=sys.stderr)
        return 2
    formats = list(FORMATS) if args.formats == ["all"] else args.formats
    selection = Selection(args.seeds, args.hops, args.date_from, args.date_to, args.min_status,
                          args.min_confidence, tuple(args.types))
    driver, settings = connection.open_driver()
    with driver:
        try:
            subgraph, manifest, seconds = export_case(queries.Store(driver, settings.database), selection, args.out,
                                                      formats, args.by)
        except UnknownSeeds as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    AuditLog.from_env().append(f"cli:{args.by}", "export", seeds=selection.seeds, formats=formats,
                               manifest_sha256=sha256(manifest), nodes=len(subgraph.nodes),
                               testimonies=len(subgraph.testimonies))
    print(f"{len(subgraph.nodes)} nodes, {len(subgraph.links)} links, "
          f"{sum(len(c) for c in subgraph.claims.values())} claims, {len(subgraph.testimonies)} testimonies cited")
    for name, took in seconds.items():
        print(f"  {name}: {took:.2f} s")
    print(f"manifest: {manifest} (SHA-256 {sha256(manifest)}: record it in the custody log), signed by the key "
          f"{json.loads(manifest.read_text(encoding='utf-8'))['signer']['key_fingerprint'][:16]}… (manifest.sig)")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from graph.export.custody import verify

    problems = verify(args.folder, args.public_key)
    for problem in problems:
        print(f"FAILED {problem}")
    print("case folder matches its manifest" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def _resolve(args: argparse.Namespace) -> int:
    from graph import connection
    from graph.resolve import resolve

    driver, settings = connection.open_driver()
    with driver:
        report = resolve(driver, settings.database)
    print("time per stage: " + ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in report.seconds.items()))
    print(f"linked by the model: {report.linked_by_model}, surname only: {report.linked_surname_only}, "
          f"by analysts' decisions: {report.linked_by_analysts}; facts moved: {report.facts_moved}")
    print(report.line())
    return 0


def _dump(args: argparse.Namespace) -> int:
    from graph import connection
    from graph.dump import dump

    driver, settings = connection.open_driver()
    with driver:
        counts = dump(driver, settings.database, args.out_dir, chains=args.chains)
    print(" ".join(f"{name}={count}" for name, count in counts.items()) + f" -> {args.out_dir}")
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
    chain.add_argument("--json", action="store_true",
                       help="the compact form for other tools: incident, agents with units, steps with certainty "
                            "and fact ids (without it: every field, claims included)")
    chain.set_defaults(func=_chain)
    epilog = "formats:\n" + "\n".join(f"  {name:8} {text}" for name, (_, text) in FORMATS.items())
    export = commands.add_parser("export", help="export a subgraph as a case file for prosecutors", epilog=epilog,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("seeds", nargs="+", help="ids of persons, units or incidents to start from")
    export.add_argument("--out", type=Path, required=True, help="case folder to create (must be empty)")
    export.add_argument("--formats", nargs="+", default=["all"], choices=["all", *FORMATS],
                        help="formats to write (default: all)")
    export.add_argument("--hops", type=int, default=1, help="links to follow from the seeds (default 1)")
    export.add_argument("--from", dest="date_from", help="window start YYYY-MM-DD")
    export.add_argument("--to", dest="date_to", help="window end YYYY-MM-DD")
    export.add_argument("--min-status", default="machine", choices=STATUS_ORDER,
                        help="keep claims at least this reviewed (confirmed: analyst-confirmed only)")
    export.add_argument("--min-confidence", type=float, default=0.0, help="keep claims at least this confident")
    export.add_argument("--types", nargs="+", default=list(LINK_TYPES), choices=LINK_TYPES,
                        help="link types to follow and export")
    export.add_argument("--by", required=True,
                        help="the user who exports (an investigator or admin of `python -m access users`)")
    export.set_defaults(func=_export)
    verify = commands.add_parser("verify", help="check a case folder against its manifest")
    verify.add_argument("folder", type=Path)
    verify.add_argument("--public-key", type=Path, default=None,
                        help="the exporting organisation's signing.pub (default: this machine's vault's)")
    verify.set_defaults(func=_verify)
    commands.add_parser("resolve", help="resolve persons over the whole graph").set_defaults(func=_resolve)
    dump = commands.add_parser("dump", help="write persons, units, incidents, testimonies as JSON lines")
    dump.add_argument("out_dir", type=Path)
    dump.add_argument("--chains", action="store_true", help="also chains.jsonl: the command chain of every incident")
    dump.set_defaults(func=_dump)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except Exception as error:  # one clear line, no traceback, for expected failures
        from graph.server import ServerError

        from graph.model import ModelError

        if isinstance(error, (ServerError, RuntimeError, ModelError, ValueError)):
            print(f"error: {error}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
