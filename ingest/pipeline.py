"""The ingest pipeline: files -> records -> pseudonymised text -> extraction -> claims in Neo4j.

Stages, in order (each testimony flows one way):
  1. read      every file under the given paths (readers.py); broken ones are quarantined with a reason
  2. skip      testimonies whose id (SHA-256 of the content) is already fully ingested
  3. protect   mask the person's identifying data, find their pseudonym, seal the original in the vault
  4. extract   the NLP pipeline (nlp.pipe in batches), in as many processes as there are cores
  5. write     entities, facts and claims through the batched writer, then mark the testimony ingested
  6. resolve   persons over the whole graph (graph/resolve), once at the end of the run

A testimony counts as ingested only once its facts are written (``Testimony.ingested_at`` is set last),
and every write is a MERGE: a run killed at any moment and started again redoes the unfinished
testimonies and duplicates nothing.
"""
from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import stat
import sys
import time
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import neo4j

from graph import model, queries
from graph.model import GraphBatch
from graph.resolve import ResolutionReport, resolve
from graph.writer import BatchWriteError, BatchWriter
from ingest import duplicates, readers, to_graph
from ingest.pseudonymise import protect
from ingest.readers import Record, ReaderError, display_path
from access.vault import Vault

ENTITY_LABELS = ("Person", "Unit", "Place", "Incident")
IGNORED_NAMES = ("README", "LICENSE")   # documentation beside the testimonies is not a testimony
LANGUAGES = ("ru", "en", "be")


class IngestInterrupted(RuntimeError):
    """The database went away (after the driver's retries); the summary says what was finished."""

    def __init__(self, summary: "Summary", cause: Exception):
        self.summary, self.cause = summary, cause
        super().__init__(f"Neo4j stopped answering: {cause}. {summary.new} testimonies were completed before "
                         "that; run the same command again to finish the rest (nothing is written twice).")


@dataclass
class Summary:
    files: int = 0
    read: int = 0
    new: int = 0
    known: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # not testimonies: hidden files, README
    same_account: list[tuple[str, str]] = field(default_factory=list)   # near-duplicates, linked as one account
    entity_ids: set = field(default_factory=set, repr=False)
    claims: int = 0
    words: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    resolution: ResolutionReport | None = None

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @property
    def entities(self) -> int:
        """Distinct persons, units, places and incidents written for the new testimonies."""
        return len(self.entity_ids)

    def last_line(self) -> str:
        return (f"new={self.new} known={self.known} quarantined={len(self.quarantined)} "
                f"entities={self.entities} claims={self.claims}")


# -- stage 1: discover and read -----------------------------------------------------------------------
def discover(paths: list[Path], summary: Summary) -> list[Path]:
    """The regular files to read under the given paths, in a stable order. Symbolic links are never
    followed (a link to /etc/passwd or out of the folder is reported, not read); FIFOs, devices, sockets
    and hidden files are reported with their reason in ``summary.skipped``, never skipped silently."""
    found: list[Path] = []
    for path in paths:
        if path.is_symlink() and not path.exists():
            summary.quarantined.append((display_path(path), "a broken symbolic link"))
        elif path.is_dir():
            found += _walk(path, summary)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            summary.quarantined.append((display_path(path), _not_regular(path)))
        else:
            summary.quarantined.append((display_path(path), "no such file or folder"))
    return found


def _walk(folder: Path, summary: Summary) -> list[Path]:
    found = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: os.fsencode(p.name))
    except OSError as error:
        summary.quarantined.append((display_path(folder), f"cannot list the folder: {error.strerror or error}"))
        return found
    for entry in entries:
        if entry.name.startswith("."):
            summary.skipped.append((display_path(entry), "hidden (its name starts with a dot)"))
        elif entry.is_symlink():
            summary.quarantined.append((display_path(entry), "a symbolic link: not followed (ingest reads only the "
                                                              "regular files inside the folders it is given)"))
        elif entry.is_dir():
            if entry.name.startswith("_"):
                summary.skipped.append((display_path(entry), "a folder whose name starts with '_' (set aside)"))
            else:
                found += _walk(entry, summary)
        elif not entry.is_file():
            summary.quarantined.append((display_path(entry), _not_regular(entry)))
        elif not _wanted(entry.name):
            summary.skipped.append((display_path(entry), "documentation or a file set aside ('_', README, "
                                                         "LICENSE), not a testimony"))
        else:
            found.append(entry)
    return found


def _wanted(name: str) -> bool:
    return not name.startswith("_") and not name.upper().startswith(IGNORED_NAMES)


def _not_regular(path: Path) -> str:
    mode = path.lstat().st_mode
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else \
        "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
    return f"{kind}: not read"


def read_all(files: list[Path], summary: Summary, max_bytes: int, workers: int = 1) -> list[Record]:
    """Every file read; scans and photos (OCR, seconds a page) in ``workers`` processes, in file order."""
    records = []
    for path, reading in zip(files, _readings(files, max_bytes, workers)):
        summary.files += 1
        if isinstance(reading, str):
            summary.quarantined.append((display_path(path), reading))
            continue
        summary.quarantined += reading.rejected
        records += reading.records
    summary.read = len(records)
    return records


def read_one(path: Path, max_bytes: int) -> readers.Reading | str:
    """A file's reading, or why it cannot be read (runs in a worker process for what may need OCR)."""
    try:
        return readers.read(path, max_bytes)
    except ReaderError as error:
        return str(error)


def _readings(files: list[Path], max_bytes: int, workers: int) -> Iterator[readers.Reading | str]:
    may_ocr = [f for f in files if f.suffix.lower() in readers.MAY_NEED_OCR]
    if workers <= 1 or len(may_ocr) <= 1:
        for path in files:
            yield read_one(path, max_bytes)
        return
    context = multiprocessing.get_context("spawn")
    with _empty_main(), concurrent.futures.ProcessPoolExecutor(min(workers, len(may_ocr)), mp_context=context) as pool:
        futures = {path: pool.submit(read_one, path, max_bytes) for path in may_ocr}
        for path in files:
            yield futures[path].result() if path in futures else read_one(path, max_bytes)


# -- stage 4: extraction in worker processes ------------------------------------------------------------
def extract_batch(items: list[tuple[str, str]]) -> list[dict]:
    """(text, language or 'auto') pairs -> contract JSON, in input order (runs in a worker process)."""
    from nlp.pipeline import process, to_json

    out: list[dict | None] = [None] * len(items)
    for lang in sorted({lang for _, lang in items}):
        indices = [i for i, (_, l) in enumerate(items) if l == lang]
        for i, doc in zip(indices, process([items[i][0] for i in indices], lang)):
            out[i] = to_json(doc)
    return out  # type: ignore[return-value]


def _warm_up() -> None:
    from nlp.pipeline import build

    for lang in LANGUAGES:
        build(lang)


@contextmanager
def _empty_main() -> Iterator[None]:
    """Spawned workers re-import the parent's __main__; when that is an unguarded script (a Streamlit
    app, a test runner) they would run it. They need nothing from it: give them an empty one."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


@contextmanager
def _one_math_thread_each() -> Iterator[None]:
    """The extraction processes already keep every core busy; a second OpenBLAS thread in each would
    only fight the others for them. Spawned workers read these settings when numpy loads."""
    saved = {name: os.environ.get(name) for name in MATH_THREAD_SETTINGS}
    os.environ.update({name: "1" for name in MATH_THREAD_SETTINGS})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


MATH_THREAD_SETTINGS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def extracted(batches: list[list[tuple[str, str]]], workers: int) -> Iterator[list[dict]]:
    """Extraction results batch by batch, in order; several processes when there is enough work."""
    if workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield extract_batch(batch)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding driver threads
    with _empty_main(), _one_math_thread_each(), concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_warm_up) as pool:
        ahead = workers * 2  # batches in flight (more gave no gain on 2 cores: everything is CPU-bound)
        pending = [pool.submit(extract_batch, batch) for batch in batches[:ahead]]
        following = iter(batches[ahead:])
        while pending:
            result = pending.pop(0).result()
            nxt = next(following, None)
            if nxt is not None:
                pending.append(pool.submit(extract_batch, nxt))
            yield result


# -- the whole run ----------------------------------------------------------------------------------------
def run(paths: list[Path], driver: neo4j.Driver, *, database: str = "neo4j", vault: Vault | None = None,
        workers: int | None = None, batch_size: int = 16, write_size: int = 64,
        max_bytes: int = readers.MAX_FILE_BYTES,
        source_name: str | None = None, resolve_always: bool = False,
        on_progress: Callable[[Summary, int], None] | None = None) -> Summary:
    """Ingest every testimony under ``paths``; ``on_progress(summary, remaining)`` after each write.
    Extraction runs in batches of ``batch_size``; results are written ``write_size`` testimonies at a time
    (a killed run redoes at most that many). When something new was written (or ``resolve_always``), the
    resolution stage (graph.resolve) runs over the whole graph at the end."""
    vault = vault or Vault.from_env()
    workers = workers or os.cpu_count() or 1
    summary = Summary()
    writer = BatchWriter(driver, database)

    began = time.perf_counter()
    records = read_all(discover(paths, summary), summary, max_bytes, workers)
    summary.add_time("read", time.perf_counter() - began)

    try:
        began = time.perf_counter()
        writer.write(to_graph.reference_batch())
        done = _ingested(driver, database, [r.testimony_id for r in records])
        same_text = _same_text(driver, database, [r.text_id for r in records if r.testimony_id not in done])
        fresh, seen = [], set()
        for record in records:
            if record.no_consent:  # kept sealed in the vault, never in the graph
                vault.store(record.testimony_id, _original(record, None))
                summary.quarantined.append((record.origin, f"{record.no_consent}; kept sealed in the vault, "
                                                           "not in the graph"))
                continue
            if record.testimony_id in done or record.testimony_id in seen:
                summary.known += 1
            elif record.text_id in same_text:  # the same text in another dress: one testimony, not two
                summary.known += 1
                summary.skipped.append((record.origin, f"the same text as testimony {same_text[record.text_id][:16]} "
                                                       "(another encoding, line endings or Unicode form)"))
            else:
                seen.add(record.testimony_id)
                same_text[record.text_id] = record.testimony_id
                fresh.append(record)
        summary.add_time("skip", time.perf_counter() - began)

        began = time.perf_counter()
        protected = [(record, protect(record, vault)) for record in fresh]
        for record, result in protected:
            vault.store(record.testimony_id, _original(record, result.pseudonym))
        summary.add_time("protect", time.perf_counter() - began)

        began = time.perf_counter()
        signatures = {r.testimony_id: duplicates.signature(p.text) for r, p in protected}
        known = [(row["id"], row["account"], row["minhash"]) for row in _read(driver, database, "testimony_signatures")]
        same_account = duplicates.accounts(known, list(signatures.items()))
        for record, _ in protected:
            if record.testimony_id in same_account:
                account, similarity = same_account[record.testimony_id]
                summary.same_account.append((record.origin, f"re-tells the account of testimony {account[:16]} "
                                                            f"(similarity {similarity:.2f}); counted once"))
        summary.add_time("duplicates", time.perf_counter() - began)

        groups = [protected[i:i + batch_size] for i in range(0, len(protected), batch_size)]
        work = [[(p.text, r.language if r.language in LANGUAGES else "auto") for r, p in g] for g in groups]
        began = time.perf_counter()
        waiting: tuple[list, list] = ([], [])  # extracted, not yet written: written together in fewer transactions
        for number, (group, results) in enumerate(zip(groups, extracted(work, min(workers, len(groups)))), 1):
            summary.add_time("extract", time.perf_counter() - began)
            waiting[0].extend(group)
            waiting[1].extend(results)
            if len(waiting[0]) >= write_size or number == len(groups):
                _write_group(writer, driver, database, waiting[0], waiting[1], summary, source_name,
                             signatures, same_account)
                waiting[0].clear()
                waiting[1].clear()
                if on_progress:
                    on_progress(summary, len(fresh) - summary.new)
            began = time.perf_counter()
        if summary.new or resolve_always:
            began = time.perf_counter()
            summary.resolution = resolve(driver, database)
            summary.add_time("resolve", time.perf_counter() - began)
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, BatchWriteError) as error:
        raise IngestInterrupted(summary, error) from error
    return summary


def _write_group(writer: BatchWriter, driver: neo4j.Driver, database: str, group: list, results: list[dict],
                 summary: Summary, source_name: str | None, signatures: dict, same_account: dict) -> None:
    began = time.perf_counter()
    batch = GraphBatch()
    written = []
    for (record, protected), extraction in zip(group, results):
        info = to_graph.TestimonyInfo(
            id=record.testimony_id, language=extraction["language"], source_type=record.source_type,
            pseudonym=protected.pseudonym, received=record.received, word_count=len(protected.text.split()),
            event_start=record.event_start, event_end=record.event_end, source_name=source_name,
            consent=sorted(k for k, v in record.consent.items() if v), source_file=protected.source_file,
            text_id=record.text_id, minhash=[int(v) for v in signatures[record.testimony_id].hashvalues],
            account=same_account.get(record.testimony_id, (None, None))[0],
            account_similarity=same_account.get(record.testimony_id, (None, None))[1],
            ocr_confidence=record.ocr["confidence"] if record.ocr else None,
            ocr_pages=record.ocr["pages"] if record.ocr else None)
        try:
            built = to_graph.build(info, protected.text, extraction, extraction["extractor"],
                                   extraction["extractor_version"])
        except model.ModelError as error:  # one testimony whose facts break the model: set aside, the rest go on
            summary.quarantined.append((protected.source_file or record.testimony_id[:16],
                                        f"its facts do not fit the graph model: {error}"))
            continue
        written.append((record, protected, info, built))
        batch.extend(built)
    try:
        writer.write(batch)
    except BatchWriteError as error:
        if _database_gone(error):
            raise
        written = [one for one in written if _write_one(writer, driver, database, one, summary)]
    for _, _, info, built in written:
        summary.claims += len(built.nodes.get("Claim", []))
        summary.words += info.word_count
        summary.entity_ids.update(row["id"] for label in ENTITY_LABELS for row in built.nodes.get(label, []))
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with driver.session(database=database) as session:
        session.execute_write(lambda tx: tx.run(queries.get("mark_ingested"),
                                                rows=[{"id": r.testimony_id, "ingested_at": now}
                                                      for r, _, _, _ in written]).consume())
    summary.new += len(written)
    summary.add_time("write", time.perf_counter() - began)


def _database_gone(error: BatchWriteError) -> bool:
    """A write that failed because Neo4j went away (after the driver's retries), not because of the data."""
    return isinstance(error.cause, (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired,
                                    neo4j.exceptions.TransientError, neo4j.exceptions.DriverError))


def _write_one(writer: BatchWriter, driver: neo4j.Driver, database: str, one: tuple, summary: Summary) -> bool:
    """A group's write failed on its data: each testimony is written alone, and one that fails again is set
    aside with the database's reason, and what it wrote half-way is removed. The run goes on."""
    record, protected, _, built = one
    try:
        writer.write(built)
        return True
    except BatchWriteError as error:
        if _database_gone(error):
            raise
        person_ids = sorted({row["local_key"] for row in built.nodes.get("Mention", [])})
        with driver.session(database=database) as session:
            session.execute_write(lambda tx: tx.run(
                queries.get("forget_testimony"), id=record.testimony_id, person_ids=person_ids,
                incident_prefix=f"incident:{record.testimony_id[:16]}:").consume())
        reason = getattr(error.cause, "message", None) or str(error.cause)
        summary.quarantined.append((protected.source_file or record.testimony_id[:16],
                                    f"could not be written to the graph ({error.query}): {reason[:300]}"))
        return False


def _read(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    return queries.read(driver, database, name, **params)


def _same_text(driver: neo4j.Driver, database: str, text_ids: list[str]) -> dict[str, str]:
    """text id -> the ingested testimony with that text (in whatever dress it came)."""
    if not text_ids:
        return {}
    return {r["text_id"]: r["id"] for r in _read(driver, database, "testimonies_by_text", text_ids=text_ids)}


def _ingested(driver: neo4j.Driver, database: str, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    return {r["id"] for r in _read(driver, database, "ingested_testimonies", ids=ids)}


def _original(record: Record, pseudonym: str | None) -> dict:
    """What the vault keeps of a testimony: the exact content and everything that identifies the person."""
    return {"origin": record.origin, "source_type": record.source_type, "received": record.received,
            "pseudonym": pseudonym, "identity": record.identity, "consent": record.consent,
            "content_base64": Vault.encode_bytes(record.content)}
