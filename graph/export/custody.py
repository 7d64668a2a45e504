"""Chain of custody: a case folder is written with a manifest (SHA-256 of every exported file and of
every cited testimony, the selection, the software version, who exported and when), signed with the
organisation's Ed25519 key (``manifest.sig``, access/signing.py), and a folder can be verified against
its manifest and signature: a changed, missing or added file, a manifest changed after signing, or a
signature by another key is reported by name."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from access import signing
from access.vault import Vault
from graph.queries import Store
from graph.export import Selection, Subgraph, add_command_chains, select
from graph.export.formats import FORMATS

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
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


def write_case(subgraph: Subgraph, folder: Path, formats: list[str], exported_by: str,
               vault_dir: Path | None = None) -> tuple[Path, dict]:
    """Write the formats into an empty (or new) folder, then the manifest and its signature by the key in
    ``vault_dir`` (default: the vault of PKG_VAULT_DIR); returns (manifest path, seconds per format)."""
    vault_dir = vault_dir or Vault.from_env().directory
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
        "signer": {"algorithm": "Ed25519", "key_fingerprint": signing.fingerprint(signing.public_key(vault_dir))},
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
    signature = folder / SIGNATURE
    signature.write_text(json.dumps({"algorithm": "Ed25519", "signed": MANIFEST,
                                     "key_fingerprint": manifest["signer"]["key_fingerprint"],
                                     "signature": signing.sign(vault_dir, path.read_bytes())}, indent=1),
                         encoding="utf-8")
    for written in [*files, path, signature]:  # a case file names officials and quotes testimonies: its owner's only
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


def verify(folder: Path, public_key: Path | None = None) -> list[str]:
    """Problems found in a case folder ([] when every file matches its manifest and the manifest its
    signature). The signature is checked with ``public_key`` (the organisation's ``signing.pub``, obtained
    apart from the folder), else with the key of this machine's vault."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError) as error:
        return [f"{MANIFEST}: unreadable ({error})"]
    problems = _signature_problems(folder, path, public_key)
    for name, expected in sorted(files.items()):
        file = folder / name
        if not file.is_file():
            problems.append(f"{name}: missing")
        elif sha256(file) != expected:
            problems.append(f"{name}: changed (SHA-256 differs from the manifest)")
    for file in sorted(folder.iterdir()):
        if file.name not in (MANIFEST, SIGNATURE) and file.name not in files:
            problems.append(f"{file.name}: not in the manifest")
    return problems


def _signature_problems(folder: Path, manifest: Path, public_key: Path | None) -> list[str]:
    try:
        signed = json.loads((folder / SIGNATURE).read_text(encoding="utf-8"))
        signature = signed["signature"]
    except OSError:
        return [f"{SIGNATURE}: missing (the manifest is not signed)"]
    except (ValueError, KeyError) as error:
        return [f"{SIGNATURE}: unreadable ({error})"]
    try:
        key = signing.load_public(public_key or Vault.from_env().directory / signing.PUBLIC)
    except (OSError, ValueError, signing.SigningError) as error:
        return [f"{SIGNATURE}: no public key to check it with ({error})"]
    if signed.get("key_fingerprint") != signing.fingerprint(key):
        return [f"{SIGNATURE}: made with another key (fingerprint {signed.get('key_fingerprint')}, "
                f"not {signing.fingerprint(key)})"]
    if not signing.valid(key, manifest.read_bytes(), signature):
        return [f"{MANIFEST}: changed after it was signed (the signature does not match)"]
    return []
