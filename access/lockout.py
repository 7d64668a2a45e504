"""Lockout after failed sign-ins: per user name and per client, a growing temporary lock.

After FREE_FAILURES wrong passwords in a row, each further failure locks the name (and the client it
came from) for BASE_LOCK_SECONDS doubled per failure, up to MAX_LOCK_SECONDS; while locked even the right
password is refused. A successful sign-in clears the name's count. The counts live in the vault folder
(``lockout.json``, mode 0600), changed under a file lock (access/files.py), so every dashboard process
sees them.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from access.files import locked_json
from access.vault import Vault

FREE_FAILURES = 3
BASE_LOCK_SECONDS = 15
MAX_LOCK_SECONDS = 3600


def key_of(kind: str, value: str) -> str:
    """A bounded key for a user name or a client address (a name may be anything a stranger typed)."""
    return kind + ":" + hashlib.sha256(str(value).encode("utf-8", "replace")).hexdigest()[:32]


@dataclass
class Lockout:
    path: Path

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Lockout":
        return cls(Vault.from_env(env).directory / "lockout.json")

    def locked_for(self, keys: list[str], now: float | None = None) -> float:
        """Seconds until every one of these keys may try again (0: not locked)."""
        now = time.time() if now is None else now
        with locked_json(self.path) as state:
            return max((state.get(k, {}).get("until", 0) - now for k in keys), default=0.0) if keys else 0.0

    def failed(self, keys: list[str], now: float | None = None) -> float:
        """Count a failure for each key; returns the lock it now carries, in seconds."""
        now = time.time() if now is None else now
        longest = 0.0
        with locked_json(self.path) as state:
            for k in keys:
                row = state.setdefault(k, {"failures": 0, "until": 0})
                row["failures"] += 1
                over = row["failures"] - FREE_FAILURES
                if over > 0:
                    lock = min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (over - 1))
                    row["until"] = now + lock
                    longest = max(longest, lock)
        return longest

    def succeeded(self, keys: list[str]) -> None:
        with locked_json(self.path) as state:
            for k in keys:
                state.pop(k, None)
