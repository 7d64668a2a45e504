"""Command line of access control and the audit trail.

    python -m access add-user NAME --role viewer|analyst|investigator|admin [--generate-password]
    python -m access set-role NAME ROLE
    python -m access remove-user NAME
    python -m access users
    python -m access verify-audit [--anchor FILE]
    python -m access audit-anchor              # the head to keep outside the vault (print it, mail it)
    python -m access repair-audit              # set a broken tail aside and record the repair
    python -m access reidentify TESTIMONY_ID --admin NAME --case REFERENCE --reason TEXT
    python -m access init-custody              # seal originals to a key only the custody passphrase opens
    python -m access signing-key               # the case files' signing key: its public file and fingerprint

Passwords are read from the terminal (twice), from PKG_NEW_PASSWORD / PKG_ADMIN_PASSWORD when set (for
scripts), or generated and shown once (--generate-password). Every change is written to the audit trail.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import secrets
import sys

from access import signing
from access.audit import AuditLog
from access.reidentify import reidentify
from access.users import ROLES, AccessError, UserStore
from access.vault import Vault, VaultError


def _new_password(args: argparse.Namespace) -> str:
    if args.generate_password:
        password = secrets.token_urlsafe(15)
        print(f"password for {args.name} (shown once): {password}")
        return password
    if os.environ.get("PKG_NEW_PASSWORD"):
        return os.environ["PKG_NEW_PASSWORD"]
    first = getpass.getpass(f"password for {args.name}: ")
    if first != getpass.getpass("again: "):
        raise AccessError("the two passwords differ")
    return first


def _custody_passphrase(confirm: bool = False) -> str:
    if os.environ.get("PKG_CUSTODY_PASSPHRASE"):
        return os.environ["PKG_CUSTODY_PASSPHRASE"]
    first = getpass.getpass("custody passphrase: ")
    if confirm and first != getpass.getpass("again: "):
        raise AccessError("the two passphrases differ")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m access", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-user", help="add a dashboard user with a role")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--generate-password", action="store_true", help="generate a password and show it once")
    role = commands.add_parser("set-role", help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)
    remove = commands.add_parser("remove-user", help="remove a user")
    remove.add_argument("name")
    commands.add_parser("users", help="list users and roles")
    check = commands.add_parser("verify-audit", help="check the audit trail's hash chain (and MACs, anchors)")
    check.add_argument("--anchor", type=argparse.FileType("r"), help="an anchor printed by audit-anchor earlier")
    commands.add_parser("audit-anchor", help="print the audit trail's head, to keep outside the vault")
    commands.add_parser("init-custody", help="seal the originals to a key only the custody passphrase opens")
    commands.add_parser("repair-audit", help="set aside a tail that does not verify and record the repair")
    commands.add_parser("signing-key", help="the Ed25519 key case files are signed with (made if none): public "
                                            "file and fingerprint")
    again = commands.add_parser("reidentify", help="show who gave a testimony (admin, with a reason)")
    again.add_argument("testimony_id")
    again.add_argument("--admin", required=True, help="the admin's user name (password asked)")
    again.add_argument("--case", required=True, help="the reference of the case it is for (audited)")
    again.add_argument("--reason", required=True, help="why (recorded in the audit trail; no filler)")
    args = parser.parse_args(argv)
    users, audit = UserStore.from_env(), AuditLog.from_env()
    operator = os.environ.get("USER", "cli")
    try:
        if args.command == "add-user":
            users.add(args.name, _new_password(args), args.role)
            audit.append(f"cli:{operator}", "user-added", name=args.name, role=args.role)
            print(f"added {args.name} ({args.role})")
        elif args.command == "set-role":
            users.set_role(args.name, args.role)
            audit.append(f"cli:{operator}", "role-changed", name=args.name, role=args.role)
            print(f"{args.name} is now {args.role}")
        elif args.command == "remove-user":
            users.remove(args.name)
            audit.append(f"cli:{operator}", "user-removed", name=args.name)
            print(f"removed {args.name}")
        elif args.command == "users":
            for name, user_role in users.names().items():
                print(f"{name}\t{user_role}")
        elif args.command == "verify-audit":
            intact, message = audit.verify_anchor(json.load(args.anchor)) if args.anchor else audit.verify()
            print(("OK " if intact else "TAMPERED ") + message)
            return 0 if intact else 1
        elif args.command == "init-custody":
            passphrase = _custody_passphrase(confirm=True)
            resealed = Vault.from_env().init_custody(passphrase)
            print(f"key custody set up; {resealed} original(s) sealed again. Keep the passphrase with the admins: "
                  "without it no original can be read back")
        elif args.command == "signing-key":
            vault = Vault.from_env().directory
            made = not (vault / signing.PRIVATE).exists()
            key = signing.public_key(vault)
            if made:
                audit.append(f"cli:{operator}", "signing-key-created", fingerprint=signing.fingerprint(key))
            print(f"public key: {vault / signing.PUBLIC} (hand it to whoever verifies case files)\n"
                  f"fingerprint: {signing.fingerprint(key)}" + ("  (new)" if made else ""))
        elif args.command == "audit-anchor":
            print(json.dumps(audit.anchor()))
        elif args.command == "repair-audit":
            moved, aside = audit.repair()
            print(f"set aside {moved} line(s) into {aside}; the chain verifies again" if moved else
                  "nothing to repair: the chain verifies")
        elif args.command == "reidentify":
            password = os.environ.get("PKG_ADMIN_PASSWORD") or getpass.getpass(f"password for {args.admin}: ")
            custody = Vault.from_env().has_custody()
            original = reidentify(users, audit, args.admin, password, args.testimony_id, args.reason,
                                  case=args.case, passphrase=_custody_passphrase() if custody else None)
            print(json.dumps({k: original.get(k) for k in ("pseudonym", "identity", "consent", "origin",
                                                              "received")}, ensure_ascii=False, indent=1))
    except (AccessError, VaultError, signing.SigningError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
