"""The analysts' dashboard: `streamlit run dashboard/app.py` (or `make main`, which also ingests the samples).

Pages: search, person profile, unit tree and command on a date, incident and command responsibility,
network explorer, review queue, timeline and map, and adding testimonies.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from access.audit import AuditLog, AuditUnavailable  # noqa: E402
from access.lockout import Lockout, key_of  # noqa: E402
from access.users import UserStore, allows  # noqa: E402

IDLE_MINUTES = float(os.environ.get("PKG_SESSION_IDLE_MINUTES") or 30)   # a session unused this long ends

st.set_page_config(page_title="Perpetrator graph", layout="wide")


def sign_in() -> None:
    users = UserStore.from_env()
    st.title("Sign in")
    try:
        AuditLog.from_env().check()
    except AuditUnavailable as error:  # nothing may happen unaudited: fail closed
        st.error(f"Sign-in is closed: the audit trail cannot be written ({error}). An admin must repair it "
                 "on the server.")
        st.stop()
    if not users.names():
        st.info("No user yet. Create the first one on the server: "
                "`python -m access add-user NAME --role admin` (make main does this once).")
        st.stop()
    with st.form("sign_in"):
        name = st.text_input("User name", key="sign_in_name")
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in")
    if submitted:
        lockout = Lockout.from_env()
        client = st.context.ip_address
        keys = [key_of("user", name or "?")] + ([key_of("client", client)] if isinstance(client, str) and client
                                                else [])
        wait = lockout.locked_for(keys)
        if wait > 0:  # even the right password waits: guessing gets slower with every failure
            AuditLog.from_env().append(name or "?", "sign-in-locked", seconds=round(wait))
            st.error(f"Too many failed sign-ins: try again in {wait:.0f} s.")
            st.stop()
        role = users.authenticate(name, password)
        if role:
            lockout.succeeded(keys[:1])
            st.session_state["user"] = {"name": name, "role": role}
            st.session_state["last_seen"] = time.time()
            AuditLog.from_env().append(name, "sign-in", role=role)
            st.rerun()
        locked = lockout.failed(keys)
        AuditLog.from_env().append(name or "?", "sign-in-failed", locked_seconds=round(locked))
        st.error("Wrong user name or password." + (f" Sign-in is locked for {locked:.0f} s." if locked else ""))
    st.stop()


def still_allowed(user: dict) -> dict | None:
    """The signed-in user as the user store says now: a removed user is signed out, a demoted one loses
    the power on this very run, and a session idle longer than IDLE_MINUTES ends."""
    now = time.time()
    idle = now - st.session_state.get("last_seen", now)
    role = UserStore.from_env().role_of(user["name"])
    if role is None or idle > IDLE_MINUTES * 60:
        AuditLog.from_env().append(user["name"], "session-ended",
                                   reason="user removed" if role is None else f"idle {idle / 60:.0f} min")
        del st.session_state["user"]
        return None
    if role != user["role"]:
        AuditLog.from_env().append(user["name"], "role-changed", session_role=user["role"], role=role)
        user = st.session_state["user"] = {**user, "role": role}
    st.session_state["last_seen"] = now
    return user


def all_pages() -> list[tuple[str, st.Page]]:
    """Every page with the role it needs (the menu offers a user only those of his role; each page checks again)."""
    return [
        ("viewer", st.Page("views/search.py", title="Search", default=True, url_path="search")),
        ("viewer", st.Page("views/person.py", title="Person", url_path="person")),
        ("viewer", st.Page("views/unit.py", title="Unit", url_path="unit")),
        ("viewer", st.Page("views/incident.py", title="Incident & command chain", url_path="incident")),
        ("viewer", st.Page("views/network.py", title="Network", url_path="network")),
        ("viewer", st.Page("views/timeline.py", title="Timeline & map", url_path="timeline")),
        ("analyst", st.Page("views/review.py", title="Review queue", url_path="review")),
        ("analyst", st.Page("views/upload.py", title="Add testimonies", url_path="upload")),
        ("investigator", st.Page("views/export.py", title="Export a case file", url_path="export")),
        ("admin", st.Page("views/admin.py", title="Users, audit, re-identification", url_path="admin")),
    ]


def remember_the_link() -> None:
    """A link opened signed out (a colleague's "/incident?id=…", a reloaded page) is where the user lands
    after signing in: its page and query string are kept in the server-side session until then."""
    requested = st.navigation([page for _, page in all_pages()], position="hidden")  # resolves the URL, runs nothing
    st.session_state.setdefault("wanted", {"page": requested.url_path, "params": st.query_params.to_dict()})


def land_on_the_link(pages: list[st.Page]) -> None:
    """After sign-in, open the page the link named, with its query string, if the user's role offers it."""
    wanted = st.session_state.pop("wanted", None)
    if not wanted:
        return
    target = next((page for page in pages if page.url_path == wanted["page"]), None)
    if target is not None and (wanted["params"] or target.url_path):  # the default page, bare: already there
        st.switch_page(target, query_params=wanted["params"])


user = st.session_state.get("user")
if user:
    user = still_allowed(user)
if not user:
    remember_the_link()
    sign_in()

pages = [page for needed, page in all_pages() if allows(user["role"], needed)]  # each page checks again
with st.sidebar:
    st.caption(f"Signed in as {user['name']} ({user['role']})")
    if st.button("Sign out", key="sign_out"):
        AuditLog.from_env().append(user["name"], "sign-out")
        del st.session_state["user"]
        st.rerun()
    st.caption("Victims appear only as pseudonyms. Every fact links to the testimony excerpts behind it.")
current = st.navigation(pages)
land_on_the_link(pages)
current.run()
