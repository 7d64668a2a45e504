"""The exporting organisation's signature on case files: an Ed25519 key pair (the ``cryptography``
package), so that a prosecutor can check that a manifest (and through its hashes every file of the case)
is the one the organisation issued, not one recomputed after a change.

The private key lives in the vault folder (``signing.key``, PEM, mode 0600; encrypted with
``PKG_SIGNING_PASSPHRASE`` when that is set); the public key is ``signing.pub`` (PEM), the file to hand
to whoever verifies. The key pair is made at the first export, or by ``python -m access init-signing``.
A key's fingerprint is the SHA-256 of its raw 32 bytes, in hex.
"""
from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PRIVATE, PUBLIC = "signing.key", "signing.pub"


class SigningError(Exception):
    """The signing key cannot be read (a wrong or missing passphrase, a damaged file)."""


def fingerprint(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def _passphrase() -> bytes | None:
    value = os.environ.get("PKG_SIGNING_PASSPHRASE")
    return value.encode("utf-8") if value else None


def create(vault_dir: Path) -> Ed25519PublicKey:
    """A new key pair in the vault folder; refuses to replace one (a replaced key orphans every signature)."""
    private_path = vault_dir / PRIVATE
    if private_path.exists():
        raise SigningError(f"{private_path} exists: a signing key is never replaced silently")
    vault_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(vault_dir, 0o700)
    key = Ed25519PrivateKey.generate()
    passphrase = _passphrase()
    encryption = serialization.BestAvailableEncryption(passphrase) if passphrase else serialization.NoEncryption()
    descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption))
    (vault_dir / PUBLIC).write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                                   serialization.PublicFormat.SubjectPublicKeyInfo))
    return key.public_key()


def _private(vault_dir: Path) -> Ed25519PrivateKey:
    path = vault_dir / PRIVATE
    if not path.exists():
        create(vault_dir)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=_passphrase())
    except (ValueError, TypeError) as error:
        raise SigningError(f"cannot read the signing key {path} (PKG_SIGNING_PASSPHRASE?): {error}") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path} is not an Ed25519 key")
    return key


def public_key(vault_dir: Path) -> Ed25519PublicKey:
    """The organisation's public key (made with the pair when there is none yet)."""
    path = vault_dir / PUBLIC
    if not path.exists():
        _private(vault_dir)
    return load_public(path)


def load_public(path: Path) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise SigningError(f"{path} is not an Ed25519 public key")
    return key


def sign(vault_dir: Path, data: bytes) -> str:
    """The signature of ``data`` by the organisation's key, base64."""
    return base64.b64encode(_private(vault_dir).sign(data)).decode("ascii")


def valid(public: Ed25519PublicKey, data: bytes, signature_b64: str) -> bool:
    try:
        public.verify(base64.b64decode(signature_b64, validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True
