"""Chain of custody: a case folder is written with a manifest (SHA-256 of every exported file and of
every cited testimony, the selection, the software version, who exported and when), and a folder can
be verified against its manifest: a changed, missing or added file is reported by name."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from graph.explore import Store
from graph.export import Selection, Subgraph, add_command_chains, select
from graph.export.formats import FORMATS

MANIFEST = "manifest.json"
SOFTWARE = "perpetrator-graph"
VERSION = "0.4.0"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def software_version() -> str:
    root = Path(__file__).resolve().parents[2]
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True,
                                timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{VERSION}+{commit[:12]}" if commit else VERSION


def write_case(subgraph: Subgraph, folder: Path, formats: list[str], exported_by: str) -> tuple[Path, dict]:
    """Write the formats into an empty (or new) folder, then the manifest; returns (manifest path,
    seconds per format)."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown export format(s) {sorted(unknown)}; known: {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise ValueError(f"{folder} is not empty: a case folder holds exactly what its manifest lists")
    subgraph.exported_by = exported_by
    subgraph.exported_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    import time

    files, seconds = [], {}
    for name in formats:
        began = time.perf_counter()
        files += FORMATS[name][0](subgraph, folder)
        seconds[name] = time.perf_counter() - began
    manifest = {
        "manifest": "perpetrator-graph-case/1",
        "software": {"name": SOFTWARE, "version": software_version()},
        "exported_by": exported_by, "exported_at": subgraph.exported_at,
        "selection": subgraph.selection.as_dict(), "formats": formats,
        "counts": {"nodes": len(subgraph.nodes), "links": len(subgraph.links),
                   "claims": sum(len(c) for c in subgraph.claims.values()), "testimonies": len(subgraph.testimonies)},
        "files": {path.name: sha256(path) for path in files},
        # a testimony's id is the SHA-256 of its content: the original in the vault can be checked against it
        "testimonies": [{"sha256": tid, "pseudonym": row.get("pseudonym"),
                         "received": (row.get("testimony") or {}).get("received"),
                         "consent": (row.get("testimony") or {}).get("consent") or []}
                        for tid, row in sorted(subgraph.testimonies.items())],
    }
    path = folder / MANIFEST
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for written in [*files, path]:  # a case file names officials and quotes testimonies: its owner's only
        os.chmod(written, 0o600)
    os.chmod(folder, 0o700)
    return path, seconds


class UnknownSeeds(ValueError):
    """A seed of the selection is not in the graph."""


def export_case(store: Store, selection: Selection, folder: Path, formats: list[str],
                exported_by: str) -> tuple[Subgraph, Path, dict]:
    """Select, add the command chains the dossier needs, write the case folder: what the command line
    and the dashboard both do. Returns (subgraph, manifest path, seconds per format)."""
    subgraph = select(store, selection)
    missing = [seed for seed in selection.seeds if seed not in subgraph.nodes]
    if missing:
        raise UnknownSeeds(f"no person, unit, incident or place with id {', '.join(missing)}")
    if "dossier" in formats:
        add_command_chains(store, subgraph)
    manifest, seconds = write_case(subgraph, folder, formats, exported_by)
    return subgraph, manifest, seconds


def verify(folder: Path) -> list[str]:
    """Problems found in a case folder ([] when every file matches its manifest)."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError) as error:
        return [f"{MANIFEST}: unreadable ({error})"]
    problems = []
    for name, expected in sorted(files.items()):
        file = folder / name
        if not file.is_file():
            problems.append(f"{name}: missing")
        elif sha256(file) != expected:
            problems.append(f"{name}: changed (SHA-256 differs from the manifest)")
    for file in sorted(folder.iterdir()):
        if file.name != MANIFEST and file.name not in files:
            problems.append(f"{file.name}: not in the manifest")
    return problems
