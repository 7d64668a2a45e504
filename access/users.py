"""Users and roles. Passwords are hashed with Argon2id (argon2-cffi); the user file lives in the vault
folder (``PKG_VAULT_DIR``, mode 0600), never in Neo4j or the repository.

Roles, each allowed what the ones before it are:
    viewer        browse the graph; no testimony excerpts
    analyst       excerpts, review decisions, adding testimonies
    investigator  exports (case files)
    admin         users, re-identification of a victim from the encrypted store (with a stated reason)
"""
from __future__ import annotations

import fcntl
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from access.vault import Vault

ROLES = ("viewer", "analyst", "investigator", "admin")
NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
MIN_PASSWORD = 10
_HASHER = PasswordHasher()


class AccessError(PermissionError):
    """Not allowed, or a user or password that does not fit the rules; the message says which."""


def allows(role: str | None, needed: str) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


@dataclass
class UserStore:
    path: Path

    @classmethod
    def from_env(cls, env: dict | None = None) -> "UserStore":
        return cls(Vault.from_env(env).directory / "users.json")

    @contextmanager
    def _locked(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path.parent, 0o700)
        with open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def _load(self) -> dict:
        if not self.path.exists():
            return {}
        return json.loads(self.path.read_text(encoding="utf-8"))

    def _save(self, users: dict) -> None:
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(users, handle, indent=1)
        os.replace(temporary, self.path)

    def names(self) -> dict[str, str]:
        """user name -> role"""
        return {name: row["role"] for name, row in sorted(self._load().items())}

    def add(self, name: str, password: str, role: str) -> None:
        if not NAME.match(name):
            raise AccessError("a user name is 2-64 letters, digits or . _ @ -")
        if role not in ROLES:
            raise AccessError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD:
            raise AccessError(f"a password has at least {MIN_PASSWORD} characters")
        with self._locked():
            users = self._load()
            if name in users:
                raise AccessError(f"user {name!r} exists (remove it first, or set its role)")
            users[name] = {"hash": _HASHER.hash(password), "role": role,
                           "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            self._save(users)

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AccessError(f"role must be one of {', '.join(ROLES)}")
        with self._locked():
            users = self._load()
            if name not in users:
                raise AccessError(f"no user {name!r}")
            users[name]["role"] = role
            self._save(users)

    def remove(self, name: str) -> None:
        with self._locked():
            users = self._load()
            if users.pop(name, None) is None:
                raise AccessError(f"no user {name!r}")
            self._save(users)

    def role_of(self, name: str) -> str | None:
        """The user's role now (None: removed). Read on every page run, so a change takes effect at once."""
        row = self._load().get(name)
        return row["role"] if row else None

    def authenticate(self, name: str, password: str) -> str | None:
        """The user's role when the password is right, else None (same answer for an unknown user)."""
        row = self._load().get(name)
        if row is None:
            _HASHER.hash(password)  # spend the same time as for a known user
            return None
        try:
            _HASHER.verify(row["hash"], password)
        except (VerificationError, InvalidHashError):
            return None
        return row["role"]
