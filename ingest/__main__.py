"""Command line of the ingest side.

    python -m ingest PATH... [--workers N] [--batch-size N] [--write-size N] [--source NAME] [--report FILE]
                             [--no-progress] [--form-map FILE]

Reads every testimony in the given files and folders, pseudonymises it, extracts facts and writes them
with their provenance to Neo4j (NEO4J_* variables, or the project's local server). The last line is
always ``new=N known=N quarantined=N entities=N claims=N``. Exit status: 0 when every file was read,
1 when some were quarantined, 2 when a --form-map cannot be used, 3 when Neo4j went away (re-run the same
command to finish). On a terminal a progress bar; otherwise a progress line after each written group.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ingest import readers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="testimony files or folders (searched recursively)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="extraction processes (default: the number of cores)")
    parser.add_argument("--batch-size", type=int, default=16, help="testimonies per extraction batch")
    parser.add_argument("--write-size", type=int, default=64,
                        help="testimonies written per round of transactions (a killed run redoes at most these)")
    parser.add_argument("--source", help="name of the organisation or channel the testimonies came through")
    parser.add_argument("--report", type=Path, help="write the quarantine list as JSON lines to this file")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar (nor progress lines)")
    parser.add_argument("--form-map", type=Path, metavar="FILE",
                        help="a field map (JSON, see ingest/README.md) for a form tool's exports, tried first")
    args = parser.parse_args(argv)
    max_bytes = int(os.environ.get("PKG_INGEST_MAX_BYTES") or readers.MAX_FILE_BYTES)
    if args.form_map:
        from ingest import form_maps
        try:
            form_maps.use(args.form_map)
        except form_maps.FormMapError as error:
            print(f"error: the form map cannot be used: {error}", file=sys.stderr)
            return 2

    from tqdm import tqdm

    from graph.connection import open_driver
    from ingest.pipeline import IngestInterrupted, run

    bar = tqdm(unit=" testimonies", file=sys.stderr, disable=args.no_progress or None, dynamic_ncols=True)

    lines = not args.no_progress and not sys.stderr.isatty()  # a log, not a terminal: a line per written group

    def progress(summary, remaining: int) -> None:
        bar.total = summary.new + remaining
        bar.n = summary.new
        bar.set_postfix(known=summary.known, quarantined=len(summary.quarantined), claims=summary.claims)
        bar.refresh()
        if lines:
            print(f"progress: {summary.new} written, {remaining} to go, {len(summary.quarantined)} quarantined",
                  file=sys.stderr, flush=True)

    driver, settings = open_driver()
    status = 0
    try:
        summary = run(args.paths, driver, database=settings.database, workers=args.workers,
                      batch_size=args.batch_size, write_size=args.write_size, max_bytes=max_bytes, source_name=args.source,
                      on_progress=progress)
    except IngestInterrupted as error:
        summary, status = error.summary, 3
        print(f"error: {error}", file=sys.stderr)
    finally:
        bar.close()
        driver.close()
    _print_summary(summary)
    if args.report:
        with args.report.open("w", encoding="utf-8") as handle:
            for origin, reason in summary.quarantined:
                handle.write(json.dumps({"file": origin, "reason": reason}, ensure_ascii=False) + "\n")
            for origin, reason in summary.skipped:
                handle.write(json.dumps({"file": origin, "reason": reason, "skipped": True}, ensure_ascii=False)
                             + "\n")
    if status == 0 and summary.quarantined:
        status = 1
    print(summary.last_line())
    return status


def _print_summary(summary) -> None:
    total = sum(summary.seconds.values()) or 1e-9
    print(f"files read: {summary.files}, testimonies in them: {summary.read}")
    print(f"new: {summary.new} ({summary.new / total:.1f} testimonies/s, {summary.words / total:,.0f} words/s)")
    print(f"skipped as already ingested: {summary.known}")
    print(f"quarantined: {len(summary.quarantined)}")
    for origin, reason in summary.quarantined:
        print(f"  {origin}: {reason}")
    if summary.same_account:
        print(f"re-telling an account already given (linked, counted once; review them): {len(summary.same_account)}")
        for origin, reason in summary.same_account:
            print(f"  {origin}: {reason}")
    if summary.skipped:
        print(f"skipped (not testimonies): {len(summary.skipped)}")
        for origin, reason in summary.skipped:
            print(f"  {origin}: {reason}")
    print(f"entities written: {summary.entities}, claims written: {summary.claims}")
    if summary.resolution:
        print(f"resolution: {summary.resolution.line()}")
    print("time per stage: " + ", ".join(f"{stage} {seconds:.1f} s ({seconds / total:.0%})"
                                         for stage, seconds in summary.seconds.items()))


if __name__ == "__main__":
    sys.exit(main())
