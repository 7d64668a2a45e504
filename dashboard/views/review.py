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
    else:
        total = explore.claims_to_review_total(store, predicates, max_confidence)
        st.caption(f"{total} claim(s) wait for review with these filters; the {len(claims)} least confident first.")
    said = explore.statements(store, [c["fact_id"] for c in claims])
    for claim in claims:
        with st.container(border=True):
            statement = said.get(claim["fact_id"])
            if statement:  # the claim in words: subject — relation — object, date
                when = common.date_range(None, statement["date_min"], statement["date_max"]) \
                    if statement["date_min"] or statement["date_max"] else "date unknown"
                st.markdown(f"**{common.plain(statement['subject'] or '?')}** — "
                            f"{common.plain(statement['relation'])} — **{common.plain(statement['object'] or '?')}** "
                            f"· {common.plain(when)}")
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
    else:
        st.caption(f"{len(candidates)} link(s) the resolution stage would not make on its own, most probable first. "
                   "A decision holds on every later resolution run.")
    for pair in candidates:
        with st.container(border=True):
            st.markdown(f"Is **{common.plain(pair['name_a'])}** the same person as "
                        f"**{common.plain(pair['name_b'])}**? Match probability "
                        f"**{pair['probability']:.2f}** ({common.plain(common.PROPOSAL_KINDS.get(pair['kind'], pair['kind']))})")
            a, b = st.columns(2)
            for column, side in ((a, "a"), (b, "b")):
                with column:
                    common.link("Person", pair[f"person_{side}"], pair[f"name_{side}"])
                    st.caption("Written here: " + common.plain(", ".join(sorted(set(pair[f"texts_{side}"] or []))))
                               + (f" · rank: {common.plain(pair[f'rank_{side}'])}" if pair[f"rank_{side}"] else "")
                               + (f" · units: {common.plain(', '.join(pair[f'units_{side}']))}"
                                  if pair[f"units_{side}"] else ""))
            common.match_reasons(pair["reasons"])
            accept, refuse = st.columns(2)
            key = pair["id"]
            choice = None
            if accept.button("Same person", key=f"accept-{key}", disabled=not name.strip()):
                choice = True
            if refuse.button("Different persons", key=f"refuse-{key}", disabled=not name.strip()):
                choice = False
            if choice is not None:
                explore.decide_merge(store, pair["mention_a"], pair["mention_b"], choice, name,
                                     person_a=pair["person_a"], person_b=pair["person_b"])
                common.audit("merge-decision", person_a=pair["person_a"], person_b=pair["person_b"],
                             mention_a=pair["mention_a"], mention_b=pair["mention_b"], accepted=choice)
                st.toast("Decision recorded")
                st.rerun()
