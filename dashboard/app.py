"""The analysts' dashboard: `streamlit run dashboard/app.py` (or `make main`, which also ingests the samples).

Pages: search, person profile, unit tree and command on a date, incident and command responsibility,
network explorer, review queue, timeline and map, and adding testimonies.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from access.audit import AuditLog  # noqa: E402
from access.users import UserStore, allows  # noqa: E402

st.set_page_config(page_title="Perpetrator graph", layout="wide")


def sign_in() -> None:
    users = UserStore.from_env()
    st.title("Sign in")
    if not users.names():
        st.info("No user yet. Create the first one on the server: "
                "`python -m access add-user NAME --role admin` (make main does this once).")
        st.stop()
    with st.form("sign_in"):
        name = st.text_input("User name", key="sign_in_name")
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in")
    if submitted:
        role = users.authenticate(name, password)
        if role:
            st.session_state["user"] = {"name": name, "role": role}
            AuditLog.from_env().append(name, "sign-in", role=role)
            st.rerun()
        AuditLog.from_env().append(name or "?", "sign-in-failed")
        st.error("Wrong user name or password.")
    st.stop()


user = st.session_state.get("user")
if not user:
    sign_in()

ALL_PAGES = [
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
pages = [page for needed, page in ALL_PAGES if allows(user["role"], needed)]  # each page checks again
with st.sidebar:
    st.caption(f"Signed in as {user['name']} ({user['role']})")
    if st.button("Sign out", key="sign_out"):
        AuditLog.from_env().append(user["name"], "sign-out")
        del st.session_state["user"]
        st.rerun()
    st.caption("Victims appear only as pseudonyms. Every fact links to the testimony excerpts behind it.")
st.navigation(pages).run()
