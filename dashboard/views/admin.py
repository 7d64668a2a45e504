"""Admin: users and roles, the audit trail's integrity, and re-identification of a victim from the
encrypted store (with a stated reason, the admin's password again, and an audit entry)."""
import streamlit as st

from access.audit import AuditLog
from access.reidentify import reidentify
from access.users import ROLES, AccessError, UserStore
from dashboard import common

common.require("admin")
users, audit = UserStore.from_env(), AuditLog.from_env()
me = common.current_user()["name"]
st.title("Users, audit, re-identification")

st.subheader("Users")
st.dataframe([{"user": name, "role": role} for name, role in users.names().items()], hide_index=True)
with st.form("add_user", clear_on_submit=True):
    left, middle, right = st.columns(3)
    name = left.text_input("New user", key="new_user_name")
    role = middle.selectbox("Role", ROLES, key="new_user_role")
    password = right.text_input("Initial password", type="password", key="new_user_password")
    if st.form_submit_button("Add user"):
        try:
            users.add(name, password, role)
        except AccessError as error:
            st.error(str(error))
        else:
            common.audit("user-added", name=name, role=role)
            st.success(f"Added {name} ({role}).")

st.subheader("Audit trail")
intact, message = audit.verify()
(st.success if intact else st.error)(("Intact: " if intact else "Tampered: ") + message)
st.dataframe([{k: e[k] for k in ("seq", "at", "user", "event")} | {"details": str(e["details"])}
              for e in audit.entries()[-50:]][::-1], hide_index=True)

st.subheader("Re-identify the person who gave a testimony")
st.caption("Only for a stated, lawful reason; the request, the reason and the outcome go to the audit trail.")
with st.form("reidentify"):
    testimony = st.text_input("Testimony id (SHA-256)", key="reid_testimony")
    case = st.text_input("Case reference", key="reid_case")
    reason = st.text_area("Reason", key="reid_reason")
    password = st.text_input("Your password again", type="password", key="reid_password")
    custody = st.text_input("Custody passphrase (when key custody is set up)", type="password", key="reid_custody")
    if st.form_submit_button("Show identity"):
        try:
            original = reidentify(users, audit, me, password, testimony.strip(), reason, case=case,
                                  passphrase=custody or None)
        except AccessError as error:
            st.error(str(error))
        else:
            st.json({k: original.get(k) for k in ("pseudonym", "identity", "consent", "origin", "received")})
