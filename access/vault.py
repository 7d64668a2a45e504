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
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

DEFAULT_DIR = Path(__file__).resolve().parent.parent / ".vault"


class VaultError(RuntimeError):
    pass


SEALED = b"PKGV2"          # an original sealed to the custody key (the older ones: AES-GCM under the master key)
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}
MIN_PASSPHRASE = 12


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _passphrase_key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))


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

    # -- key custody ------------------------------------------------------------------------------
    def _custody(self) -> dict | None:
        path = self.directory / "custody.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def init_custody(self, passphrase: str) -> int:
        """Seal originals to a key pair whose private half is wrapped by the admins' passphrase (scrypt,
        AES-GCM): ingest seals with the public half, and only someone who knows the passphrase can read an
        original back. Originals sealed before are sealed again (also on a second run with the same
        passphrase, after a run killed half-way); returns how many."""
        if self._custody() is None:
            if len(passphrase) < MIN_PASSPHRASE:
                raise VaultError(f"a custody passphrase has at least {MIN_PASSPHRASE} characters")
            private = X25519PrivateKey.generate()
            salt, nonce = os.urandom(16), os.urandom(12)
            wrapped = AESGCM(_passphrase_key(passphrase, salt)).encrypt(nonce, private.private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
                b"custody")
            record = {"public_key": self.encode_bytes(_raw(private.public_key())), "salt": self.encode_bytes(salt),
                      "nonce": self.encode_bytes(nonce), "wrapped_private_key": self.encode_bytes(wrapped),
                      "kdf": {"name": "scrypt", **SCRYPT}}
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.directory / "custody.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(record, handle, indent=1)
        else:
            self._private(passphrase)  # set up already: the passphrase must be the one it was set up with
        resealed = 0  # originals sealed before custody (or by a run killed half-way): sealed again, atomically
        for path in sorted((self.directory / "store").glob("*.bin")) if (self.directory / "store").exists() else []:
            if not path.read_bytes().startswith(SEALED):
                temporary = path.with_suffix(".tmp")
                temporary.write_bytes(self._seal(path.stem, self.load(path.stem)))
                os.chmod(temporary, 0o600)
                os.replace(temporary, path)
                resealed += 1
        return resealed

    def has_custody(self) -> bool:
        return self._custody() is not None

    def _private(self, passphrase: str | None) -> X25519PrivateKey:
        custody = self._custody()
        if not passphrase:
            raise VaultError("the originals are sealed to the custody key: give the custody passphrase")
        try:
            raw = AESGCM(_passphrase_key(passphrase, base64.b64decode(custody["salt"]))).decrypt(
                base64.b64decode(custody["nonce"]), base64.b64decode(custody["wrapped_private_key"]), b"custody")
        except Exception as error:
            raise VaultError("wrong custody passphrase") from error
        return X25519PrivateKey.from_private_bytes(raw)

    # -- encrypted store of originals -------------------------------------------------------------
    def store(self, testimony_id: str, payload: dict) -> Path:
        folder = self.directory / "store"
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        path = folder / f"{testimony_id}.bin"
        if path.exists():
            return path
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(self._seal(testimony_id, payload))
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)  # atomic: a killed run never leaves half a file under the real name
        return path

    def _seal(self, testimony_id: str, payload: dict) -> bytes:
        nonce = os.urandom(12)
        plain = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        custody = self._custody()
        if custody:  # sealed to the custody key: an ephemeral X25519 exchange, HKDF, AES-GCM
            ephemeral = X25519PrivateKey.generate()
            shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(base64.b64decode(custody["public_key"])))
            key = _derive(shared, b"store/" + testimony_id.encode("ascii"))
            data = SEALED + _raw(ephemeral.public_key()) + nonce + AESGCM(key).encrypt(
                nonce, plain, testimony_id.encode("ascii"))
        else:
            data = nonce + AESGCM(_derive(self._master(), b"store")).encrypt(nonce, plain, testimony_id.encode("ascii"))
        return data

    def load(self, testimony_id: str, passphrase: str | None = None) -> dict:
        """The original of a testimony (authorised re-identification only: access/reidentify.py). Once key
        custody is set up, reading needs the custody passphrase."""
        data = (self.directory / "store" / f"{testimony_id}.bin").read_bytes()
        if data.startswith(SEALED):
            private = self._private(passphrase)
            ephemeral, nonce = data[len(SEALED):len(SEALED) + 32], data[len(SEALED) + 32:len(SEALED) + 44]
            key = _derive(private.exchange(X25519PublicKey.from_public_bytes(ephemeral)),
                          b"store/" + testimony_id.encode("ascii"))
            try:
                return json.loads(AESGCM(key).decrypt(nonce, data[len(SEALED) + 44:], testimony_id.encode("ascii")))
            except Exception as error:
                raise VaultError(f"stored original of {testimony_id} fails authentication (tampered)") from error
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
