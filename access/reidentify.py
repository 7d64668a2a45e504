"""Re-identification: who gave a testimony, from the encrypted store — for an admin only, for a case (its
reference) and a stated reason that says something, and always written to the audit trail, refused or not."""
from __future__ import annotations

import re

from access.audit import AuditLog
from access.users import AccessError, UserStore, allows
from access.vault import Vault, VaultError

MIN_REASON = 20
MIN_REASON_WORDS = 3        # distinct words of three letters or more
CASE_REFERENCE = re.compile(r"^[\w][\w/.\- ]{1,62}[\w]$")


def filler(reason: str) -> bool:
    """A reason that says nothing: short, fewer than three distinct words, or one character repeated."""
    text = reason.strip()
    words = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}
    letters = [ch.lower() for ch in text if ch.isalpha()]
    repeated = bool(letters) and max(letters.count(ch) for ch in set(letters)) > len(letters) / 2
    return len(text) < MIN_REASON or len(words) < MIN_REASON_WORDS or repeated


def reidentify(users: UserStore, audit: AuditLog, admin: str, password: str, testimony_id: str, reason: str,
               vault: Vault | None = None, case: str = "", passphrase: str | None = None) -> dict:
    """``passphrase``: the custody passphrase, needed once key custody is set up (access/vault.py)."""
    def refused(why: str) -> AccessError:
        audit.append(admin, "reidentify", testimony=testimony_id[:64], case=case[:64], reason=reason[:500],
                     outcome=f"refused: {why}")
        return AccessError(why)

    role = users.authenticate(admin, password)
    if not allows(role, "admin"):
        raise refused("re-identification needs an admin's name and password")
    if not CASE_REFERENCE.match(case.strip()):
        raise refused("give the reference of the case it is for (3-64 letters, digits, / . - or spaces)")
    if filler(reason):
        raise refused(f"state the reason (at least {MIN_REASON} characters and {MIN_REASON_WORDS} different words); "
                      "it goes to the audit trail")
    if not re.fullmatch(r"[0-9a-f]{64}", testimony_id):
        raise refused("a testimony id is its SHA-256 (64 hex digits)")
    try:
        original = (vault or Vault.from_env()).load(testimony_id, passphrase)
    except FileNotFoundError:
        audit.append(admin, "reidentify", testimony=testimony_id, case=case, reason=reason, outcome="not in the vault")
        raise AccessError(f"no original of {testimony_id} in the vault") from None
    except VaultError as error:  # a wrong or missing custody passphrase, or a tampered file
        audit.append(admin, "reidentify", testimony=testimony_id, case=case, reason=reason,
                     outcome=f"refused: {error}")
        raise AccessError(str(error)) from error
    audit.append(admin, "reidentify", testimony=testimony_id, case=case, reason=reason, outcome="shown")
    return original
