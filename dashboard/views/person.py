"""A person's profile: name variants, posts on a timeline, incidents with role, co-perpetrators,
units, and the evidence behind each fact."""
import pandas as pd
import streamlit as st

from dashboard import common
from graph import explore, posts, review

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
proof = profile.evidence
flags = sorted({f for m in profile.mentions for f in (m["mention"].get("name_flags") or [])})
if flags:
    st.warning("Some mentions write this name with look-alike or hidden characters ("
               + common.plain(", ".join(common.NAME_FLAGS.get(f, f) for f in flags))
               + "): check them below before relying on the link.")
st.metric("Independent testimonies naming this person", profile.testimonies)

STATUSES = {"confirmed": "confirmed by an analyst", "conflict": "in conflict", "unreviewed": "unreviewed machine claim"}


def status_of(fact_id: str) -> str:
    statuses = {c.get("status") for c in proof.of(fact_id)}
    return "confirmed" if "confirmed" in statuses else "conflict" if "conflict" in statuses else "unreviewed"


kinds_shown, statuses_shown = st.columns(2)
shown_kinds = kinds_shown.multiselect("Show", ["Posts", "Incidents", "Mentions"], default=["Posts", "Incidents", "Mentions"],
                                      key="person_kinds")
shown_statuses = statuses_shown.multiselect("Review status", list(STATUSES), default=list(STATUSES),
                                            format_func=STATUSES.get, key="person_statuses")
shown_posts = [p for p in profile.posts if status_of(p["id"]) in shown_statuses] if "Posts" in shown_kinds else []
shown_incidents = [r for r in profile.incidents if status_of(r["fact_id"]) in shown_statuses] \
    if "Incidents" in shown_kinds else []

st.subheader("Posts")
if not shown_posts:
    st.write("No post known." if not profile.posts else "No post with these filters.")
else:
    timeline = pd.DataFrame([{
        "unit": p["unit_name"], "post": posts.role_words(p["role"]), "rank": p.get("rank") or "unknown",
        "began": common.bound(p.get("start_min"), p.get("start_max")),
        "ended": common.bound(p.get("end_min"), p.get("end_max")),
        "testimonies": proof.testimonies(p["id"]),
        "review": common.status_badge(proof.of(p["id"])).split("[")[1].rstrip("]")} for p in shown_posts])
    st.dataframe(timeline, hide_index=True, width="stretch")
    for post in shown_posts:
        common.evidence_panel(proof, post["id"], f"{posts.role_words(post['role'])} in {post['unit_name']}")

st.subheader("Incidents")
if not shown_incidents:
    st.write("No incident attributed." if not profile.incidents else "No incident with these filters.")
for row in shown_incidents:
    incident = row["incident"]
    when = common.date_range(incident.get("precision"), incident.get("date_min"), incident.get("date_max"))
    st.markdown(f"**{common.plain(row['role'])}** · {common.plain(when)} · "
                f"{common.plain(', '.join(row['places']) or 'place unknown')} · {common.status_badge(proof.of(row['fact_id']))}")
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
        common.link("Unit", unit["id"], f"{unit['name']} — {', '.join(posts.role_words(r) for r in unit['roles'])}")
st.subheader("How the mentions were joined")
st.caption("Each testimony's mention of this person, the probability that it is this person, and what drove it "
           "(comparison: level (weight); positive weights speak for the link).")
for row in profile.mentions if "Mentions" in shown_kinds else []:
    mention = row["mention"]
    reasons = mention.get("match_reasons") or {}
    with st.container(border=True):
        written = ", ".join(sorted(set(mention.get("texts") or [])))
        st.markdown(f"**{common.plain(written)}** · testimony {common.plain(mention['testimony_id'][:12])} · "
                    f"probability {mention.get('match_probability') or 0:.2f}"
                    + (f" · {common.plain(', '.join(common.NAME_FLAGS.get(f, f) for f in mention['name_flags']))}"
                       if mention.get("name_flags") else ""))
        common.match_reasons(reasons)
        if common.can("analyst"):
            common.evidence_panel(proof, mention["id"], "Where it is written")

if common.can("analyst") and len(profile.mentions) > 1:
    with st.expander("Split wrongly joined mentions off this person"):
        labels = {m["mention"]["id"]: f"{', '.join(sorted(set(m['mention'].get('texts') or [])))} "
                                      f"(testimony {m['mention']['testimony_id'][:12]})" for m in profile.mentions}
        chosen = st.multiselect("Mentions that are someone else", list(labels), format_func=labels.get)
        note = st.text_input("Why", key="split-note")
        if st.button("Split them off", disabled=not chosen or len(chosen) == len(labels)):
            review.split_person(common.store(), person_id, chosen, common.reviewer(), note or None)
            common.audit("split-person", id=person_id, mentions=chosen)
            st.toast("Split recorded; the mentions now form a person of their own")
            st.rerun()

common.export_link(person_id)
