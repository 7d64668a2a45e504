"""Review queue: confirm, reject or correct machine-extracted claims; accept or refuse proposed merges.
Decisions are stored as data with who and when, and every page reflects them."""
import streamlit as st

from dashboard import common
from graph import explore, model

common.require("analyst")
store = common.store()
st.title("Review queue")
name = common.reviewer()  # the signed-in user: every decision is recorded with who made it

claims_tab, merges_tab = st.tabs(["Claims", "Proposed merges"])
with claims_tab:
    left, right = st.columns(2)
    predicates = left.multiselect("Kinds of fact", ["PERPETRATED", "ORDERED", "HELD_POSITION", "MEMBER_OF",
                                                    "COMMANDED", "SUBORDINATE_TO", "OCCURRED_AT", "MENTION"],
                                  default=["PERPETRATED", "ORDERED", "COMMANDED"])
    max_confidence = right.slider("Up to confidence", 0.0, 1.0, 1.0, 0.05)
    claims = explore.claims_to_review(store, predicates, max_confidence)
    if not claims:
        st.info("Nothing waits for review with these filters.")
    for claim in claims:
        with st.container(border=True):
            common.show_claim(claim)
            note = st.text_input("Correction or note", key=f"note-{claim['id']}")
            confirm, reject, conflict = st.columns(3)
            decision = None
            if confirm.button("Confirm", key=f"confirm-{claim['id']}", disabled=not name.strip()):
                decision = "confirmed"
            if reject.button("Reject", key=f"reject-{claim['id']}", disabled=not name.strip()):
                decision = "rejected"
            if conflict.button("Conflicting evidence", key=f"conflict-{claim['id']}", disabled=not name.strip()):
                decision = "conflict"
            if decision:
                try:
                    explore.review_claim(store, claim["id"], decision, name, note)
                    common.audit("review", claim=claim["id"], decision=decision, note=note or None)
                except model.ModelError as error:
                    st.error(str(error))
                else:
                    st.toast(f"Claim {decision}")
                    st.rerun()

with merges_tab:
    candidates = explore.merge_candidates(store)
    if not candidates:
        st.info("No merge proposed.")
    for pair in candidates:
        with st.container(border=True):
            st.markdown(f"Is **{common.plain(pair['name_a'])}** ({common.plain(', '.join(pair['names_a'] or []))}) "
                        f"the same person as **{common.plain(pair['name_b'])}** "
                        f"({common.plain(', '.join(pair['names_b'] or []))})?")
            a, b = st.columns(2)
            with a:
                common.link("Person", pair["person_a"], pair["name_a"])
            with b:
                common.link("Person", pair["person_b"], pair["name_b"])
            accept, refuse = st.columns(2)
            key = f"{pair['person_a']}|{pair['person_b']}"
            choice = None
            if accept.button("Same person", key=f"accept-{key}", disabled=not name.strip()):
                choice = True
            if refuse.button("Different persons", key=f"refuse-{key}", disabled=not name.strip()):
                choice = False
            if choice is not None:
                explore.decide_merge(store, pair["person_a"], pair["person_b"], choice, name)
                common.audit("merge-decision", person_a=pair["person_a"], person_b=pair["person_b"], accepted=choice)
                st.toast("Decision recorded")
                st.rerun()
