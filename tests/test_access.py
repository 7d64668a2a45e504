"""Access control and the audit trail: Argon2 users and roles, each role sees and may do exactly what it
should (CLI and AppTest), the hash chain catches a changed or removed line, re-identification is for
admins with a reason, and names carrying Cypher, HTML or script stay plain text everywhere."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from access.audit import AuditLog
from access.reidentify import reidentify
from access.users import AccessError, UserStore, allows
from graph import explore, schema
from graph.export import Selection, select
from graph.export.custody import write_case
from graph.facts import Evidence, FactBuilder
from graph.writer import BatchWriter
from access.vault import Vault
from tests import testimony_files as tf
from tests.conftest import open_page

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"


@pytest.fixture
def vault_env(tmp_path, monkeypatch):
    monkeypatch.setenv("PKG_VAULT_DIR", str(tmp_path / "vault"))
    return tmp_path / "vault"


def test_users_roles_and_argon2(vault_env):
    users = UserStore.from_env()
    users.add("ana", PASSWORD, "analyst")
    stored = json.loads((vault_env / "users.json").read_text())
    assert stored["ana"]["hash"].startswith("$argon2id$") and PASSWORD not in json.dumps(stored)
    assert oct((vault_env / "users.json").stat().st_mode)[-3:] == "600"
    assert users.authenticate("ana", PASSWORD) == "analyst"
    assert users.authenticate("ana", "wrong password!") is None and users.authenticate("nobody", PASSWORD) is None
    with pytest.raises(AccessError, match="at least 10"):
        users.add("bob", "short", "viewer")
    with pytest.raises(AccessError, match="exists"):
        users.add("ana", PASSWORD, "viewer")
    users.set_role("ana", "viewer")
    assert users.names() == {"ana": "viewer"}
    assert allows("admin", "investigator") and allows("investigator", "analyst") and not allows("viewer", "analyst")
    assert not allows(None, "viewer")


def test_audit_chain_detects_a_changed_a_removed_and_a_cut_line(vault_env):
    log = AuditLog.from_env()
    for number in range(5):
        log.append("ana", "search", query=f"q{number}")
    assert log.verify()[0]
    lines = log.path.read_text().splitlines()
    original = list(lines)
    changed = json.loads(lines[2])
    changed["details"]["query"] = "something else"
    lines[2] = json.dumps(changed, sort_keys=True)
    log.path.write_text("\n".join(lines) + "\n")
    assert log.verify() == (False, "line 3 (entry 3) is modified, removed or out of order")
    log.path.write_text("\n".join(original[:1] + original[2:]) + "\n")
    assert log.verify() == (False, "line 2 (entry 2) is modified, removed or out of order")
    log.path.write_text("\n".join(original[:4]) + "\n")
    intact, message = log.verify()
    assert not intact and "after 4 are missing" in message


def test_reidentification_is_for_admins_with_a_reason(vault_env):
    users, log, vault = UserStore.from_env(), AuditLog.from_env(), Vault.from_env()
    users.add("root", PASSWORD, "admin")
    users.add("ana", PASSWORD, "analyst")
    testimony = "ab" * 32
    vault.store(testimony, {"pseudonym": "V-TEST", "identity": tf.IDENTITY})
    with pytest.raises(AccessError, match="admin"):
        reidentify(users, log, "ana", PASSWORD, testimony, "a lawful request from a prosecutor", case="12/2026")
    with pytest.raises(AccessError, match="reference of the case"):
        reidentify(users, log, "root", PASSWORD, testimony, "a lawful request from a prosecutor")
    for filler in ("because", "          ", "aaaaaaaaaaaaaaaaaaaaaaaaa", "test test test test test test", "x" * 9 + " ab cd"):
        with pytest.raises(AccessError, match="reason"):
            reidentify(users, log, "root", PASSWORD, testimony, filler, case="12/2026")
    shown = reidentify(users, log, "root", PASSWORD, testimony, "request of the prosecutor to hear the witness",
                       case="12/2026")
    assert shown["identity"] == tf.IDENTITY
    outcomes = [(e["user"], e["details"]["outcome"].split(":")[0]) for e in log.entries() if e["event"] == "reidentify"]
    assert outcomes == [("ana", "refused"), ("root", "refused")] + [("root", "refused")] * 5 + [("root", "shown")]
    assert log.verify()[0]


def test_cli_adds_users_verifies_the_audit_and_reidentifies(vault_env):
    env = {**os.environ, "PKG_NEW_PASSWORD": PASSWORD, "PKG_ADMIN_PASSWORD": PASSWORD}

    def run(*args):
        return subprocess.run([sys.executable, "-m", "access", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True)

    assert run("add-user", "root", "--role", "admin").returncode == 0
    assert run("users").stdout == "root\tadmin\n"
    Vault.from_env().store("cd" * 32, {"pseudonym": "V-X", "identity": {"name": "Tomas Verbel"}})
    shown = run("reidentify", "cd" * 32, "--admin", "root", "--case", "5/2026", "--reason",
                "court order 5/2026 for the case")
    assert shown.returncode == 0 and "Tomas Verbel" in shown.stdout
    assert run("verify-audit").stdout.startswith("OK 2 entries")
    path = vault_env / "audit.jsonl"
    path.write_text(path.read_text().replace("court order", "no order"))
    tampered = run("verify-audit")
    assert tampered.returncode == 1 and tampered.stdout.startswith("TAMPERED line 2")


# -- the dashboard, per role -------------------------------------------------------------------------------
INJECTION = "Robert'); MATCH (n) DETACH DELETE n; // <script>alert('x')</script> **bold** [link](javascript:alert(1))"


@pytest.fixture(scope="module")
def loaded(sample_graph):
    store, vault = sample_graph
    facts = FactBuilder()  # an official whose name carries Cypher, HTML, script and Markdown
    proof = Evidence("test", "1", 0.9, testimony_id=None, source_id="source:test", start=0, end=10,
                     excerpt=f"<img src=x onerror=alert(1)> {INJECTION}", excerpt_start=0)
    facts.batch.add_node("Source", {"id": "source:test", "name": "test"})
    facts.entity("Person", {"id": "person:injection", "name": INJECTION, "names": [INJECTION]}, proof)
    BatchWriter(store.driver, store.database).write(facts.batch)
    return store, vault


def signed_out(vault: Path, analyst: str) -> AppTest:
    """The sign-in page, with an analyst of that name (password PASSWORD) in the vault's user store."""
    os.environ["PKG_VAULT_DIR"] = str(vault)
    users = UserStore.from_env()
    if analyst not in users.names():
        users.add(analyst, PASSWORD, "analyst")
    return as_user(vault, None)


def as_user(vault: Path, role: str | None, path: str | None = None, **params) -> AppTest:
    os.environ["PKG_VAULT_DIR"] = str(vault)
    return open_page(path, role, **params)


@pytest.mark.neo4j
@pytest.mark.parametrize("role, sees", [("viewer", {"Search", "Person", "Unit"}),
                                        ("analyst", {"Review queue", "Add testimonies"}),
                                        ("investigator", {"Export a case file"}),
                                        ("admin", {"Users, audit, re-identification"})])
def test_each_role_gets_its_pages_and_no_more(loaded, role, sees):
    _, vault = loaded
    app = as_user(vault, role)
    titles = {info["page_name"] for info in app._registered_pages.values()}  # the pages st.navigation offers
    assert sees <= titles
    forbidden = {"viewer": {"Review queue", "Add testimonies", "Export a case file", "Users, audit, re-identification"},
                 "analyst": {"Export a case file", "Users, audit, re-identification"},
                 "investigator": {"Users, audit, re-identification"}, "admin": set()}[role]
    assert not titles & forbidden


@pytest.mark.neo4j
def test_pages_check_the_role_on_the_server(loaded):
    _, vault = loaded
    for path, needed in (("views/review.py", "analyst"), ("views/upload.py", "analyst"),
                         ("views/export.py", "investigator"), ("views/admin.py", "admin")):
        # through the app: the menu does not offer the page, so the default page opens instead
        app = as_user(vault, "viewer", path)
        assert [t.value for t in app.title] == ["Search"]
        # the page script itself, run directly as a viewer: it stops before showing anything
        page = AppTest.from_file(str(ROOT / "dashboard" / path), default_timeout=60)
        page.session_state["user"] = {"name": "viewer-1", "role": "viewer"}
        page.run()
        assert [e.value for e in page.error] == [f"This page needs the {needed} role."]
        assert not page.title and not page.button


@pytest.mark.neo4j
def test_viewer_sees_no_excerpts_and_analyst_does(loaded):
    _, vault = loaded
    viewer = as_user(vault, "viewer", "views/person.py", id="person:lmk-s")
    assert any("Excerpt hidden" in c.value for c in viewer.caption)
    assert not [m for m in viewer.markdown if m.value.startswith("> ")]
    analyst = as_user(vault, "analyst", "views/person.py", id="person:lmk-s")
    assert [m for m in analyst.markdown if m.value.startswith("> ")]


@pytest.mark.neo4j
def test_sign_in_form_and_audit(loaded):
    _, vault = loaded
    app = signed_out(vault, "ana")
    assert app.title[0].value == "Sign in"
    app.text_input(key="sign_in_name").input("ana")
    app.text_input(key="sign_in_password").input("wrong password")
    app.button[0].click().run()
    assert "Wrong user name or password" in app.error[0].value and "user" not in app.session_state
    app.text_input(key="sign_in_password").input(PASSWORD)
    app.button[0].click().run()
    assert app.session_state["user"] == {"name": "ana", "role": "analyst"}
    app.text_input(key="search_query").input("Ломейко").run()
    events = [(e["user"], e["event"]) for e in AuditLog.from_env().entries()]
    assert ("ana", "sign-in-failed") in events and ("ana", "sign-in") in events and ("ana", "search") in events
    assert AuditLog.from_env().verify()[0]


@pytest.mark.neo4j
def test_injection_strings_stay_plain_text_in_graph_search_page_and_export(loaded, tmp_path):
    store, vault = loaded
    assert store.read("person_profile", ids=["person:injection"])[0]["person"]["name"] == INJECTION
    assert schema.element_counts(store.driver, store.database)["node:Person"] > 10  # nothing was deleted
    found = explore.search(store, "Robert'); MATCH")
    assert [r["id"] for r in found] == ["person:injection"]
    app = as_user(vault, "analyst", "views/person.py", id="person:injection")
    title = app.title[0].value
    assert "<script>" not in title.replace("\\<", "<") or "\\<script\\>" in title  # escaped, shown as text
    assert "\\*\\*bold\\*\\*" in title and "\\[link\\]\\(javascript" in title
    for block in app.markdown:
        assert "<img" not in block.value or "\\<img" in block.value
    folder = tmp_path / "case"
    write_case(select(store, Selection(["person:injection"], hops=0)), folder, ["dossier", "csv", "cypher"], "inv")
    html = (folder / "dossier.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert INJECTION in (folder / "nodes.csv").read_text(encoding="utf-8-sig")
    schema.delete_everything(store.driver, store.database)
    with store.driver.session(database=store.database) as session:
        body = "\n".join(l for l in (folder / "subgraph.cypher").read_text().splitlines() if not l.startswith("//"))
        for statement in [s.strip() for s in body.split("\n;") if s.strip()]:
            session.run(statement).consume()
    assert store.read("person_profile", ids=["person:injection"])[0]["person"]["name"] == INJECTION


@pytest.mark.neo4j
def test_a_removed_or_demoted_user_loses_the_power_on_the_next_click_and_an_idle_session_ends(loaded):
    import time
    _, vault = loaded
    app = as_user(vault, "admin", "views/admin.py", user="temp-admin")
    assert [t.value for t in app.title] != ["Search"]   # an admin has the admin page
    users = UserStore.from_env()
    users.set_role("temp-admin", "viewer")          # demoted from the command line, session still open
    app.run()                                        # his next click
    assert app.session_state["user"]["role"] == "viewer" and [t.value for t in app.title] == ["Search"]
    with pytest.raises(ValueError):                  # the admin page is no longer his
        app.switch_page("views/admin.py")
    users.remove("temp-admin")                        # removed: signed out on the next run
    app.run()
    assert "user" not in app.session_state and app.title[0].value == "Sign in"
    idle = as_user(vault, "analyst", user="idle-analyst")
    idle.session_state["last_seen"] = time.time() - 31 * 60
    idle.run()
    assert "user" not in idle.session_state and idle.title[0].value == "Sign in"
    events = [(e["user"], e["event"]) for e in AuditLog.from_env().entries()]
    assert ("temp-admin", "role-changed") in events and ("temp-admin", "session-ended") in events
    assert ("idle-analyst", "session-ended") in events


@pytest.mark.neo4j
def test_repeated_failures_lock_the_name_and_a_huge_name_stays_bounded_in_the_log(loaded):
    _, vault = loaded
    app = signed_out(vault, "locky")
    for _ in range(4):
        app.text_input(key="sign_in_name").input("locky")
        app.text_input(key="sign_in_password").input("wrong password")
        app.button[0].click().run()
    assert "locked" in app.error[0].value
    app.text_input(key="sign_in_password").input(PASSWORD)   # the right password waits too
    app.button[0].click().run()
    assert "Too many failed sign-ins" in app.error[0].value and "user" not in app.session_state
    app.text_input(key="sign_in_name").input("Z" * 200_000)
    app.text_input(key="sign_in_password").input("wrong password")
    app.button[0].click().run()
    entries = AuditLog.from_env().entries()
    assert ("locky", "sign-in-locked") in [(e["user"], e["event"]) for e in entries]
    assert max(len(e["user"]) for e in entries) <= 65 and AuditLog.from_env().verify()[0]


def test_the_audit_log_and_its_head_are_private_and_an_append_reads_only_the_end(vault_env):
    import stat as stat_module
    log = AuditLog.from_env()
    for number in range(300):
        log.append("ana", "search", query=f"q{number}")
    assert {stat_module.S_IMODE(p.stat().st_mode) for p in (log.path, log.path.with_suffix(".head"))} == {0o600}
    with open(log.path, "rb") as handle:      # the head matches the last line: the append needs nothing else
        last = json.loads(handle.read().splitlines()[-1])
    assert json.loads(log.path.with_suffix(".head").read_text())["hash"] == last["hash"]
    assert log.append("ana", "sign-out")["seq"] == 301 and log.verify()[0]


def test_with_a_key_outside_the_vault_a_forged_or_recomputed_entry_is_found(vault_env, monkeypatch):
    monkeypatch.setenv("PKG_AUDIT_KEY", "a secret the service keeps outside the vault")
    log = AuditLog.from_env()
    for user in ("ana", "bob", "cid"):
        log.append(user, "search", query="Ломейко")
    assert log.verify()[0] and all("mac" in e for e in log.entries())
    # an insider appends a forged line with a correctly recomputed hash, and rewrites the head
    from access.audit import _digest
    last = log.entries()[-1]
    forged = {"seq": last["seq"] + 1, "at": last["at"], "user": "root", "event": "sign-out", "details": {},
              "prev": last["hash"]}
    forged["hash"] = _digest(forged["prev"], forged)
    with open(log.path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(forged) + "\n")
    log.path.with_suffix(".head").write_text(json.dumps({"seq": forged["seq"], "hash": forged["hash"]}))
    assert not AuditLog.from_env().verify()[0]
    monkeypatch.delenv("PKG_AUDIT_KEY")            # without the key the chain alone cannot tell
    assert AuditLog.from_env().verify()[0]


def test_an_anchor_kept_elsewhere_finds_a_rewritten_history(vault_env):
    log = AuditLog.from_env()
    for number in range(5):
        log.append("ana", "search", query=f"q{number}")
    anchor = log.anchor()
    assert log.verify_anchor(anchor)[0]
    # cut the last two lines and rewrite the head: the chain alone still verifies, the anchor does not
    lines = log.path.read_text(encoding="utf-8").splitlines(keepends=True)[:3]
    log.path.write_text("".join(lines), encoding="utf-8")
    kept = json.loads(lines[-1])
    log.path.with_suffix(".head").write_text(json.dumps({"seq": kept["seq"], "hash": kept["hash"]}))
    assert log.verify()[0] and not log.verify_anchor(anchor)[0]


def test_a_cut_last_line_closes_sign_in_until_an_admin_repairs_the_log(vault_env):
    import stat as stat_module
    from access.audit import AuditUnavailable
    users = UserStore.from_env()
    users.add("ana", PASSWORD, "analyst")
    log = AuditLog.from_env()
    log.append("ana", "sign-in")
    with open(log.path, "a", encoding="utf-8") as handle:
        handle.write('{"seq": 2, "at": "2026-')                  # a write cut by a crash
    with pytest.raises(AuditUnavailable):
        log.append("ana", "search", query="x")
    app = open_page(None, None)
    assert "Sign-in is closed" in app.error[0].value and not app.text_input
    moved, aside = AuditLog.from_env().repair()
    assert moved == 1 and stat_module.S_IMODE(aside.stat().st_mode) == 0o600
    repaired = AuditLog.from_env()
    assert repaired.verify()[0] and repaired.entries()[-1]["event"] == "audit-repaired"
    assert open_page(None, None).title[0].value == "Sign in" and not open_page(None, None).error


def test_with_key_custody_the_vault_folder_alone_decrypts_nothing(vault_env):
    from access.vault import VaultError
    vault, users, log = Vault.from_env(), UserStore.from_env(), AuditLog.from_env()
    users.add("root", PASSWORD, "admin")
    before, after = "ab" * 32, "cd" * 32
    vault.store(before, {"pseudonym": "V-1", "identity": {"name": "Tomas Verbel"}})
    assert vault.load(before)["identity"]["name"] == "Tomas Verbel"   # today: the key beside the data opens it
    with pytest.raises(VaultError, match="at least"):
        vault.init_custody("short")
    assert vault.init_custody("the admins' long custody passphrase") == 1    # the older original sealed again
    vault.store(after, {"pseudonym": "V-2", "identity": {"name": "Ядвига Лапицкая"}})
    for testimony in (before, after):  # someone who copies the vault folder (key files included) reads nothing
        with pytest.raises(VaultError, match="custody passphrase"):
            Vault(vault_env).load(testimony)
        with pytest.raises(VaultError, match="wrong custody passphrase"):
            Vault(vault_env).load(testimony, "a guess at the passphrase")
    reason, case = "request of the prosecutor to hear the witness", "12/2026"
    with pytest.raises(AccessError, match="custody passphrase"):
        reidentify(users, log, "root", PASSWORD, after, reason, case=case)
    shown = reidentify(users, log, "root", PASSWORD, after, reason, case=case,
                       passphrase="the admins' long custody passphrase")
    assert shown["identity"]["name"] == "Ядвига Лапицкая"
    outcomes = [e["details"]["outcome"].split(":")[0] for e in log.entries() if e["event"] == "reidentify"]
    assert outcomes == ["refused", "shown"]
    assert vault.init_custody("the admins' long custody passphrase") == 0   # again: nothing left to seal
    with pytest.raises(VaultError, match="wrong custody passphrase"):
        vault.init_custody("another long passphrase here")


@pytest.mark.neo4j
def test_a_link_opened_signed_out_is_where_the_user_lands_after_signing_in(loaded):
    """A colleague's link to a unit on a date (or a reloaded page) asks for sign-in, then opens that page
    with its query string, not the search page."""
    _, vault = loaded
    os.environ["PKG_VAULT_DIR"] = str(vault)
    users = UserStore.from_env()
    if "lina" not in users.names():
        users.add("lina", PASSWORD, "analyst")
    app = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    app.switch_page("views/unit.py")
    app.query_params["id"] = "unit:omon-minsk"
    app.query_params["date"] = "2021-03-15"
    app.run()
    assert app.title[0].value == "Sign in"
    app.text_input(key="sign_in_name").input("lina")
    app.text_input(key="sign_in_password").input(PASSWORD)
    app.button[0].click().run()
    assert app.session_state["user"]["name"] == "lina"
    assert app.title[0].value != "Search" and "unit_date" in app.session_state   # the unit page of the link ...
    assert app.session_state["unit_date"].isoformat() == "2021-03-15"             # ... on the linked date
    assert app.query_params["id"] in ("unit:omon-minsk", ["unit:omon-minsk"])
