"""An incident and command responsibility: who carried it out or ordered it, their units at that time,
and every superior up the command hierarchy on that date, certain or possible, each with its evidence."""
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")

store = common.store()
incident_id = st.query_params.get("id", "")
if not incident_id:
    st.title("Incident")
    st.info("Open an incident from a person, a unit, the timeline or the search page.")
    st.stop()
chain = explore.incident_chain(store, incident_id)
if chain is None:
    st.title("Incident")
    st.warning(f"No incident with id {common.plain(incident_id)}.")
    st.stop()

incident = chain.incident
st.title(common.plain(incident.get("label") or incident_id))
common.audit_once("view-incident", id=incident_id)
st.write(f"When: {common.plain(common.date_range(incident.get('precision'), incident.get('date_min'), incident.get('date_max')))}"
         f" · violations: {common.plain(', '.join(incident.get('violations') or []) or 'unknown')}")
proof = explore.evidence(store, [incident_id])
common.evidence_panel(proof, incident_id, "How the testimony describes it")
event = explore.incident_event(store, incident_id)
if event and event["event"].get("testimonies", 1) > 1:
    st.caption(f"Part of one event told by {event['event']['testimonies']} testimonies; the others' accounts:")
    others = [other for other in event["incidents"] if other["id"] != incident_id]
    for other in others:
        common.link("Incident", other["id"], f"{other['label']} (link probability {other['probability']:.2f})")
    if common.can("analyst"):
        with st.expander("Confirm or split this event"):
            note = st.text_input("Why", key="event-note")
            labels = {other["id"]: other["label"] or other["id"] for other in others}
            same = st.selectbox("Account that tells the same event", list(labels), format_func=labels.get)
            if st.button("Confirm: the same event"):
                explore.confirm_event(store, incident_id, same, common.reviewer(), note or None)
                common.audit("confirm-event", id=incident_id, other=same)
                st.toast("Confirmed; every run keeps these accounts together")
                st.rerun()
            if st.button("Split: this account tells another event"):
                explore.split_event(store, incident_id, common.reviewer(), note or None)
                common.audit("split-event", id=incident_id)
                st.toast("Split recorded; this account is an event of its own")
                st.rerun()

ROLE_LABELS = {"perpetrated": "carried it out", "ordered": "ordered it",
               "custody": "it took place in this unit's premises (custody)"}
st.subheader("Perpetrators, those who ordered it, and whose custody it happened in")
if not chain.agents:
    st.info("No agent is named for this incident and it took place in no known facility (a passive account "
            "names no one; nothing is inferred).")
by_agent: dict[str, list] = {}
for agent in chain.agents:  # one row per post the agent held then: shown once, with every unit
    by_agent.setdefault(agent.agent_id, []).append(agent)
for rows in by_agent.values():
    first = rows[0]
    common.link(first.agent_kind, first.agent_id, f"{first.agent_name}: {ROLE_LABELS.get(first.role, first.role)}")
    units = sorted({f"{a.unit_name} ({(a.post or {}).get('role', 'the unit itself')}, {a.post_certainty or 'certain'})"
                    for a in rows if a.unit_name})
    testimonies = chain.corroboration(first.act_id)
    st.caption(("In: " + common.plain("; ".join(units)) + " · " if units else "") +
               f"{testimonies} independent testimon{'y' if testimonies == 1 else 'ies'}")
    for claim in chain.evidence(first.act_id):
        common.show_claim(claim)

st.subheader("Chain of command on that date")
levels = chain.levels()
if not levels:
    st.write("No unit of the agents is known on that date, so no chain can be drawn.")
for step, certainty in levels:
    if not step.known:
        st.markdown(f"**Level {step.level}** · superior unit **not known** on that date: the chain above stops "
                    "here for want of evidence, not because there is no one above.")
        continue
    st.markdown(f"**Level {step.level}** · {common.plain(step.unit_name)} · **{certainty}**")
    if step.commander_id:
        common.link("Person", step.commander_id,
                    f"{step.commander_name} — {step.commander_post.get('role') if step.commander_post else ''}")
    else:
        st.caption("Commander on that date: not known from the evidence.")
    for fact_id in step.fact_ids:
        claims = chain.evidence(fact_id)
        if claims:
            with st.expander(f"Evidence for {fact_id[:40]} ({chain.corroboration(fact_id)} testimonies)"):
                for claim in claims:
                    common.show_claim(claim)

common.export_link(incident_id)
