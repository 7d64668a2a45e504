"""A person's profile: name variants, posts on a timeline, incidents with role, co-perpetrators,
units, and the evidence behind each fact."""
import pandas as pd
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")

person_id = st.query_params.get("id", "")
if not person_id:
    st.title("Person")
    st.info("Open a person from the search page.")
    st.stop()
profile = explore.person_profile(common.store(), person_id)
if profile is None:
    st.title("Person")
    st.warning(f"No person with id {common.plain(person_id)}.")
    st.stop()

st.title(common.plain(profile.name))
common.audit_once("view-person", id=person_id)
st.caption("Also written: " + common.plain(", ".join(n for n in profile.names if n != profile.name)))
if len(profile.ids) > 1:
    st.caption("Merged by an analyst: " + common.plain(", ".join(profile.ids)))
proof = profile.evidence
mention_ids = [i for i in profile.ids if proof.supported(i)]
st.metric("Independent testimonies naming this person",
          len({c["testimony_id"] for i in profile.ids for c in proof.of(i) if c.get("testimony_id")}))

st.subheader("Posts")
if not profile.posts:
    st.write("No post known.")
else:
    timeline = pd.DataFrame([{
        "unit": p["unit_name"], "role": p["role"], "rank": p.get("rank") or "",
        "from": p.get("start_min") or p.get("start_max") or "", "seen until at least": p.get("end_min") or "",
        "to": p.get("end_max") or "", "testimonies": proof.testimonies(p["id"])} for p in profile.posts])
    st.dataframe(timeline, hide_index=True, width="stretch")
    for post in profile.posts:
        common.evidence_panel(proof, post["id"], f"{post['role']} in {post['unit_name']}")

st.subheader("Incidents")
if not profile.incidents:
    st.write("No incident attributed.")
for row in profile.incidents:
    incident = row["incident"]
    when = common.date_range(incident.get("precision"), incident.get("date_min"), incident.get("date_max"))
    st.markdown(f"**{common.plain(row['role'])}** · {common.plain(when)} · "
                f"{common.plain(', '.join(row['places']) or 'place unknown')}")
    common.link("Incident", incident["id"], incident.get("label"))
    common.evidence_panel(proof, row["fact_id"])

left, right = st.columns(2)
with left:
    st.subheader("Co-perpetrators")
    if not profile.co_perpetrators:
        st.write("None named.")
    for other in profile.co_perpetrators:
        common.link("Person", other["id"], f"{other['name']} ({other['incidents']} incident(s) together)")
with right:
    st.subheader("Units")
    if not profile.units:
        st.write("None known.")
    for unit in profile.units:
        common.link("Unit", unit["id"], f"{unit['name']} — {', '.join(unit['roles'])}")
for pid in mention_ids:
    common.evidence_panel(proof, pid, f"Mentions ({pid})")

common.export_link(person_id)
