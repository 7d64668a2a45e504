"""An incident and command responsibility: who carried it out or ordered it, their units at that time,
and every superior up the command hierarchy on that date, certain or possible, each with its evidence."""
import streamlit as st

from dashboard import common
from graph import chain as command
from graph import explore, posts, review

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
                review.confirm_event(store, incident_id, same, common.reviewer(), note or None)
                common.audit("confirm-event", id=incident_id, other=same)
                st.toast("Confirmed; every run keeps these accounts together")
                st.rerun()
            if st.button("Split: this account tells another event"):
                review.split_event(store, incident_id, common.reviewer(), note or None)
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
    units = sorted({f"{a.unit_name} ({posts.role_words(a.post.get('role')) if a.post else 'the unit itself'}, "
                    f"{a.post_certainty or 'certain'}"
                    + (f": {command.post_reason(a.post, chain)}" if a.post else
                       f": {command.inferred_reason(a, chain.agents)}" if a.unit_inferred_from else "") + ")"
                    for a in rows if a.unit_name})
    testimonies = chain.corroboration(first.act_id)
    st.caption(("In: " + common.plain("; ".join(units)) + " · " if units else "") +
               f"{testimonies} independent testimon{'y' if testimonies == 1 else 'ies'}")
    for claim in chain.evidence(first.act_id):
        common.show_claim(claim)

st.subheader("Chain of command on that date")
if (chain.incident or {}).get("dated_by_event"):
    st.info(f"This testimony does not date the incident: the chain is drawn for the dates of its event "
            f"({chain.window[0]} – {chain.window[1]}), told by {chain.incident.get('event_testimonies')} testimonies. "
            "Its commanders are therefore at most possible. Confirm or split the event above if this account "
            "tells another one.")
statuses = {c.get("status") for claims in chain.claims.values() for c in claims}
if statuses and statuses <= {"machine"}:
    st.warning("Every fact of this chain was extracted by machine and no analyst has reviewed it yet: confirm or "
               "reject its claims in the review queue before relying on it.")
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
        post = step.commander_post or {}
        common.link("Person", step.commander_id, f"{step.commander_name} — {posts.role_words(post.get('role'))}")
        st.caption(f"{step.commander_certainty}: " + common.plain(command.post_reason(post, chain)))
    else:
        st.caption("Commander on that date: not known from the evidence.")
    for fact_id in step.fact_ids:
        claims = chain.evidence(fact_id)
        if claims:
            count = chain.corroboration(fact_id)
            with st.expander(f"Evidence ({count} independent testimon{'y' if count == 1 else 'ies'})"):
                st.caption(f"fact {common.plain(fact_id)}")
                for claim in claims:
                    common.show_claim(claim)

common.export_link(incident_id)
