"""Users and roles. Passwords are hashed with Argon2id (argon2-cffi); the user file lives in the vault
folder (``PKG_VAULT_DIR``, mode 0600), never in Neo4j or the repository.

Roles, each allowed what the ones before it are:
    viewer        browse the graph; no testimony excerpts
    analyst       excerpts, review decisions, adding testimonies
    investigator  exports (case files)
    admin         users, re-identification of a victim from the encrypted store (with a stated reason)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from access.files import locked_json, read_json
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

    def _load(self) -> dict:
        return read_json(self.path)

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
        with locked_json(self.path) as users:
            if name in users:
                raise AccessError(f"user {name!r} exists (remove it first, or set its role)")
            users[name] = {"hash": _HASHER.hash(password), "role": role,
                           "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AccessError(f"role must be one of {', '.join(ROLES)}")
        with locked_json(self.path) as users:
            if name not in users:
                raise AccessError(f"no user {name!r}")
            users[name]["role"] = role

    def remove(self, name: str) -> None:
        with locked_json(self.path) as users:
            if users.pop(name, None) is None:
                raise AccessError(f"no user {name!r}")

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
