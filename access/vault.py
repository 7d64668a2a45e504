"""The vault: the key, the encrypted store of originals and the identity registry. It belongs to access
control (ingest writes to it; only an admin's re-identification reads the originals back).

Everything lives in the vault folder (``PKG_VAULT_DIR``, default ``.vault/`` in the working copy,
ignored by git, mode 0700), never in Neo4j:

    master.key        32 random bytes (0600), created on first use. Back it up apart from the data:
                      without it the store cannot be decrypted and new pseudonyms no longer match old ones.
    store/<id>.bin    the original of each testimony (file bytes or form record, with the identity fields),
                      AES-256-GCM with the testimony id as associated data.
    identities.sqlite keyed hashes (HMAC-SHA256) of every identifier seen -> pseudonym, so one person who
                      wrote once with a phone number and once with an e-mail keeps one pseudonym.

Sub-keys for the HMAC and for the store are derived from the master key with HKDF.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

DEFAULT_DIR = Path(__file__).resolve().parent.parent / ".vault"


class VaultError(RuntimeError):
    pass


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"perpetrator-graph/" + purpose).derive(master)


@dataclass
class Vault:
    directory: Path

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Vault":
        env = os.environ if env is None else env
        return cls(Path(env.get("PKG_VAULT_DIR") or DEFAULT_DIR))

    # -- keys -------------------------------------------------------------------------------------
    def _master(self) -> bytes:
        path = self.directory / "master.key"
        if not path.exists():
            self.directory.mkdir(parents=True, exist_ok=True)
            os.chmod(self.directory, 0o700)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(os.urandom(32))
        key = path.read_bytes()
        if len(key) != 32:
            raise VaultError(f"{path} is not a 32-byte key")
        return key

    def keyed_hash(self, kind: str, value: str) -> str:
        key = _derive(self._master(), b"identifier")
        return hmac.new(key, f"{kind}:{value}".encode("utf-8"), hashlib.sha256).hexdigest()

    # -- encrypted store of originals -------------------------------------------------------------
    def store(self, testimony_id: str, payload: dict) -> Path:
        folder = self.directory / "store"
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        path = folder / f"{testimony_id}.bin"
        if path.exists():
            return path
        nonce = os.urandom(12)
        sealed = AESGCM(_derive(self._master(), b"store")).encrypt(
            nonce, json.dumps(payload, ensure_ascii=False).encode("utf-8"), testimony_id.encode("ascii"))
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(nonce + sealed)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)  # atomic: a killed run never leaves half a file under the real name
        return path

    def load(self, testimony_id: str) -> dict:
        """The original of a testimony (authorised re-identification only; see issue on access control)."""
        data = (self.directory / "store" / f"{testimony_id}.bin").read_bytes()
        try:
            plain = AESGCM(_derive(self._master(), b"store")).decrypt(data[:12], data[12:],
                                                                        testimony_id.encode("ascii"))
        except Exception as error:
            raise VaultError(f"stored original of {testimony_id} fails authentication (tampered or wrong key)") \
                from error
        return json.loads(plain)

    @staticmethod
    def encode_bytes(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    # -- identity registry ------------------------------------------------------------------------
    def _registry(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        os.chmod(self.directory, 0o700)
        path = self.directory / "identities.sqlite"
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # created 0600 before sqlite opens it
        os.chmod(path, 0o600)
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE IF NOT EXISTS identifier (hash TEXT PRIMARY KEY, pseudonym TEXT NOT NULL)")
        return connection

    def pseudonym_for(self, hashes_in_priority: list[str]) -> str | None:
        """The pseudonym of the person these identifier hashes belong to; new hashes are remembered."""
        if not hashes_in_priority:
            return None
        connection = self._registry()
        try:
            with connection:
                known = {h: p for h, p in connection.execute(
                    f"SELECT hash, pseudonym FROM identifier WHERE hash IN ({','.join('?' * len(hashes_in_priority))})",
                    hashes_in_priority)}
                pseudonym = next((known[h] for h in hashes_in_priority if h in known), None) or \
                    make_pseudonym(hashes_in_priority[0])
                connection.executemany("INSERT OR IGNORE INTO identifier (hash, pseudonym) VALUES (?, ?)",
                                       [(h, pseudonym) for h in hashes_in_priority])
        finally:
            connection.close()
        return pseudonym


def make_pseudonym(keyed_hash: str) -> str:
    """'V-' and ten base32 characters of a keyed hash: stable, short enough to read out, not reversible."""
    return "V-" + base64.b32encode(bytes.fromhex(keyed_hash)).decode("ascii")[:10]
