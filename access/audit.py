"""The audit trail: an append-only, hash-chained log of sign-ins, profile views, searches, review
decisions, exports, uploads and re-identifications (``PKG_VAULT_DIR``/audit.jsonl).

Each line is a JSON object with its sequence number, time, user, event and details, the hash of the
previous line and its own hash (SHA-256 over the previous hash and the line's canonical JSON). Changing,
removing or reordering any line breaks the chain from that line on; ``verify`` names the first one.
The head (last sequence number and hash) is kept beside the log, so lines cut from the end are noticed.

Against an insider who can rewrite the vault folder:
* keyed entries: when ``PKG_AUDIT_KEY`` (a secret kept outside the vault: the service's environment, a
  secrets manager) is set, each entry also carries an HMAC-SHA256 under a key derived from it; without
  the secret no entry can be forged or recomputed, and ``verify`` checks every MAC;
* anchors: ``python -m access audit-anchor`` prints the head to keep elsewhere (mail it, print it);
  ``verify-audit --anchor FILE`` checks that the log still holds that entry with that hash.
If the log cannot be appended (a cut line), sign-in fails closed and ``python -m access repair-audit``
sets the broken tail aside and records the repair, so the chain verifies again.
"""
from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from access.vault import Vault

GENESIS = "0" * 64
EVENTS = ("sign-in", "sign-in-failed", "sign-in-locked", "sign-out", "session-ended", "search", "view-person",
          "view-unit", "view-incident", "view-network", "view-timeline", "review", "merge-decision",
          "split-person", "confirm-event", "split-event", "export",
          "upload", "reidentify", "reidentify-refused", "user-added", "user-removed", "role-changed",
          "audit-repaired")
MAX_USER_CHARS = 64   # a user name as typed at sign-in may be anything; the log keeps it bounded


def bounded(user: object) -> str:
    """A user name for the log: at most MAX_USER_CHARS characters, control characters escaped."""
    text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in str(user)[:MAX_USER_CHARS + 1])
    return text[:MAX_USER_CHARS] + ("…" if len(str(user)) > MAX_USER_CHARS else "")


def _digest(previous: str, entry: dict) -> str:
    canonical = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous + canonical).encode("utf-8")).hexdigest()


def _mac_key(env: dict | None = None) -> bytes | None:
    secret = (env if env is not None else os.environ).get("PKG_AUDIT_KEY")
    if not secret:
        return None
    return hashlib.scrypt(secret.encode("utf-8"), salt=b"perpetrator-graph-audit", n=2 ** 14, r=8, p=1, dklen=32)


def _mac(key: bytes, entry_hash: str) -> str:
    return hmac.new(key, entry_hash.encode("ascii"), hashlib.sha256).hexdigest()


class AuditUnavailable(RuntimeError):
    """The log cannot be appended (its last line is cut or unreadable): nothing may happen unaudited."""


@dataclass
class AuditLog:
    path: Path
    key: bytes | None = None

    @classmethod
    def from_env(cls, env: dict | None = None) -> "AuditLog":
        return cls(Vault.from_env(env).directory / "audit.jsonl", _mac_key(env))

    def append(self, user: str, event: str, **details) -> dict:
        if event not in EVENTS:
            raise ValueError(f"unknown audit event {event!r}")
        user = bounded(user)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "r+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)  # one writer at a time: the chain stays linear
            previous = self._last(handle)
            entry = {"seq": previous["seq"] + 1 if previous else 1,
                     "at": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                     "user": user, "event": event, "details": details,
                     "prev": previous["hash"] if previous else GENESIS}
            entry["hash"] = _digest(entry["prev"], {k: v for k, v in entry.items() if k != "hash"})
            if self.key:
                entry["mac"] = _mac(self.key, entry["hash"])
            handle.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
            # the head (last sequence number and hash) beside the log: lines cut from the end are noticed
            head = self.path.with_suffix(".head")
            descriptor = os.open(head.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w") as written:
                written.write(json.dumps({"seq": entry["seq"], "hash": entry["hash"]}))
            os.replace(head.with_suffix(".tmp"), head)
        return entry

    def check(self) -> None:
        """Raise AuditUnavailable when the next append would fail (the sign-in page fails closed on it)."""
        if self.path.exists():
            with open(self.path, "r", encoding="utf-8") as handle:
                self._last(handle)

    def _last(self, handle) -> dict | None:
        """The last entry: from the head when it matches the end of the log (O(1)), else by reading it."""
        head = self.path.with_suffix(".head")
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return None
        tail_start = max(0, size - 65536)
        handle.seek(tail_start)
        lines = [line for line in handle.read().splitlines() if line.strip()]
        if lines and (tail_start == 0 or len(lines) > 1):
            try:
                last = json.loads(lines[-1])
                if not head.exists() or json.loads(head.read_text()).get("hash") == last.get("hash"):
                    return last
            except ValueError:
                pass
        handle.seek(0)
        last = None
        for line in handle:
            if line.strip():
                last = line
        try:
            return json.loads(last) if last else None
        except ValueError:
            raise AuditUnavailable(f"the audit log {self.path} ends with a cut or unreadable line: run "
                                   "`python -m access repair-audit`") from None

    def entries(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def verify(self) -> tuple[bool, str]:
        """(True, summary) when the chain is intact, else (False, which line is the first tampered one)."""
        if not self.path.exists():
            return True, "no audit log yet"
        previous, expected_seq = GENESIS, 1
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                entry = json.loads(line)
                body = {k: v for k, v in entry.items() if k not in ("hash", "mac")}
                intact = entry["prev"] == previous and entry["seq"] == expected_seq and \
                    entry["hash"] == _digest(previous, body) and \
                    (self.key is None or hmac.compare_digest(entry.get("mac", ""), _mac(self.key, entry["hash"])))
            except (ValueError, KeyError, TypeError):
                intact = False
            if not intact:
                return False, f"line {number} (entry {expected_seq}) is modified, removed or out of order"
            previous, expected_seq = entry["hash"], expected_seq + 1
        head = self.path.with_suffix(".head")
        if head.exists():
            recorded = json.loads(head.read_text())
            if recorded["seq"] != expected_seq - 1 or recorded["hash"] != previous:
                return False, (f"entries after {expected_seq - 1} are missing (the head records entry "
                               f"{recorded['seq']})")
        keyed = "every entry's MAC checked" if self.key else "unkeyed (set PKG_AUDIT_KEY to check MACs)"
        return True, f"{expected_seq - 1} entries, chain intact, {keyed} (head {previous[:16]})"

    def anchor(self) -> dict:
        """The head to keep outside the vault: ``verify_anchor`` later checks the log still holds it."""
        entries = self.entries()
        return {"seq": entries[-1]["seq"], "hash": entries[-1]["hash"]} if entries else {"seq": 0, "hash": GENESIS}

    def verify_anchor(self, anchor: dict) -> tuple[bool, str]:
        intact, message = self.verify()
        if not intact or not anchor.get("seq"):
            return intact, message
        entry = next((e for e in self.entries() if e["seq"] == anchor["seq"]), None)
        if entry is None or entry["hash"] != anchor.get("hash"):
            return False, (f"the log no longer holds anchored entry {anchor['seq']} with hash "
                           f"{str(anchor.get('hash'))[:16]}: it was rewritten")
        return True, message + f"; anchor {anchor['seq']} present"

    def repair(self) -> tuple[int, Path | None]:
        """Set aside the tail from the first line that does not verify (into audit.broken-<time>.jsonl)
        and record the repair as a new entry; returns (lines set aside, where)."""
        if not self.path.exists():
            return 0, None
        lines = self.path.read_text(encoding="utf-8").splitlines(keepends=True)
        good, previous = 0, GENESIS
        for line in lines:
            try:
                entry = json.loads(line)
                body = {k: v for k, v in entry.items() if k not in ("hash", "mac")}
                if entry["prev"] != previous or entry["hash"] != _digest(previous, body):
                    break
            except (ValueError, KeyError, TypeError):
                break
            good, previous = good + 1, entry["hash"]
        if good == len(lines):
            return 0, None
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"audit.broken-{stamp}.jsonl")
        descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.writelines(lines[good:])
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.writelines(lines[:good])
        os.replace(temporary, self.path)
        self.path.with_suffix(".head").unlink(missing_ok=True)
        self.append("repair", "audit-repaired", set_aside=aside.name, lines=len(lines) - good,
                    sha256=hashlib.sha256("".join(lines[good:]).encode("utf-8")).hexdigest())
        return len(lines) - good, aside

