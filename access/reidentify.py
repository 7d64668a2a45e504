"""Re-identification: who gave a testimony, from the encrypted store — for an admin only, with a stated
reason, and always written to the audit trail (also when refused)."""
from __future__ import annotations

import re

from access.audit import AuditLog
from access.users import AccessError, UserStore, allows
from ingest.vault import Vault, VaultError

MIN_REASON = 10


def reidentify(users: UserStore, audit: AuditLog, admin: str, password: str, testimony_id: str, reason: str,
               vault: Vault | None = None) -> dict:
    role = users.authenticate(admin, password)
    if not allows(role, "admin"):
        audit.append(admin, "reidentify", testimony=testimony_id, reason=reason, outcome="refused")
        raise AccessError("re-identification needs an admin's name and password")
    if len(reason.strip()) < MIN_REASON:
        raise AccessError(f"state the reason (at least {MIN_REASON} characters); it goes to the audit trail")
    if not re.fullmatch(r"[0-9a-f]{64}", testimony_id):
        raise AccessError("a testimony id is its SHA-256 (64 hex digits)")
    try:
        original = (vault or Vault.from_env()).load(testimony_id)
    except FileNotFoundError:
        audit.append(admin, "reidentify", testimony=testimony_id, reason=reason, outcome="not in the vault")
        raise AccessError(f"no original of {testimony_id} in the vault") from None
    except VaultError as error:
        audit.append(admin, "reidentify", testimony=testimony_id, reason=reason, outcome="tampered")
        raise AccessError(str(error)) from error
    audit.append(admin, "reidentify", testimony=testimony_id, reason=reason, outcome="shown")
    return original
