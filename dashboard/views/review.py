"""Review queue: confirm, reject or correct machine-extracted claims; accept or refuse proposed merges.
Decisions are stored as data with who and when, and every page reflects them."""
import streamlit as st

from dashboard import common
from graph import explore, model, posts, review

common.require("analyst")
store = common.store()
st.title("Review queue")
name = common.reviewer()  # the signed-in user: every decision is recorded with who made it

FACT_WORDS = {"PERPETRATED": "carried out an act", "ORDERED": "ordered an act", "HELD_POSITION": "held a post",
              "MEMBER_OF": "member of a unit", "COMMANDED": "commanded a unit", "SUBORDINATE_TO": "unit under a unit",
              "OCCURRED_AT": "act took place at", "MENTION": "a person named"}
LANGUAGES = {None: "any", "ru": "Russian", "be": "Belarusian", "en": "English"}


def decide(claims: list[dict], decision: str, note: str | None) -> None:
    """Record one decision on each claim (each audited), then show the queue again."""
    done = 0
    for claim in claims:
        try:
            review.review_claim(store, claim["id"], decision, name, note)
        except model.ModelError as error:
            st.error(str(error))
            continue
        common.audit("review", claim=claim["id"], decision=decision, note=note or None)
        st.session_state.pop(f"pick-{claim['id']}", None)
        done += 1
    if done:
        st.toast(f"{done} claim(s) {decision}")
        st.rerun()


claims_tab, merges_tab = st.tabs(["Claims", "Proposed merges"])
with claims_tab:
    kinds, confidence, language = st.columns([2, 1, 1])
    predicates = kinds.multiselect("Kinds of fact", list(FACT_WORDS), default=["PERPETRATED", "ORDERED", "COMMANDED"],
                                   format_func=lambda p: FACT_WORDS[p])
    low, high = confidence.slider("Confidence", 0.0, 1.0, (0.0, 1.0), 0.05)
    lang = language.selectbox("Testimony language", [None, "ru", "be", "en"],
                              format_func=lambda code: LANGUAGES.get(code, code))
    text, size = st.columns([3, 1])
    about = text.text_input("About (a person, unit or word in the excerpt)", key="review_text",
                            placeholder="Ломейко, ОМОН, Окрестина…")
    shown = size.number_input("Cards per page", min_value=10, max_value=200, value=20, step=10)
    where = review.ReviewFilter(tuple(predicates), low, high, about, lang)
    total = review.claims_to_review_total(store, where=where)
    page_count = max(1, -(-total // int(shown)))
    page = st.number_input(f"Page (of {page_count})", min_value=1, max_value=page_count, value=1) if page_count > 1 else 1
    claims = review.claims_to_review(store, where=where, limit=int(shown), skip=(int(page) - 1) * int(shown))
    if not claims:
        st.info("Nothing waits for review with these filters.")
    else:
        st.caption(f"{total} claim(s) wait for review with these filters, the least confident first; "
                   f"showing {len(claims)}.")
    said = review.statements(store, [c["fact_id"] for c in claims])
    for claim in claims:
        with st.container(border=True):
            st.checkbox("Select for a decision on several at once", key=f"pick-{claim['id']}")
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
                decide([claim], decision, note)
    picked = [c for c in claims if st.session_state.get(f"pick-{c['id']}")]
    if claims:
        st.markdown(f"**Decide on the {len(picked)} selected claim(s) at once**")
        bulk_confirm, bulk_reject = st.columns(2)
        if bulk_confirm.button("Confirm selected", key="bulk-confirm", disabled=not picked or not name.strip()):
            decide(picked, "confirmed", None)
        if bulk_reject.button("Reject selected", key="bulk-reject", disabled=not picked or not name.strip()):
            decide(picked, "rejected", None)

with merges_tab:
    candidates = review.merge_candidates(store)
    if not candidates:
        st.info("No merge proposed.")
    else:
        st.caption(f"{len(candidates)} link(s) the resolution stage would not make on its own, most probable first. "
                   "A decision holds on every later resolution run.")
    proof = explore.evidence(store, [m for pair in candidates for m in (pair["mention_a"], pair["mention_b"])])
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
                    count = pair[f"testimonies_{side}"]
                    st.caption(f"Named in {count} testimon{'y' if count == 1 else 'ies'}")
                    for post in pair[f"posts_{side}"] or []:
                        st.caption(common.plain(f"{posts.role_words(post['role'])} — {post['unit']} — "
                                                f"{common.held_between(post)}"))
                    if not pair[f"posts_{side}"]:
                        st.caption("No post known")
                    for claim in proof.of(pair[f"mention_{side}"])[:1]:  # the name where the text writes it
                        common.show_claim(claim)
            common.match_reasons(pair["reasons"])
            accept, refuse = st.columns(2)
            key = pair["id"]
            choice = None
            if accept.button("Same person", key=f"accept-{key}", disabled=not name.strip()):
                choice = True
            if refuse.button("Different persons", key=f"refuse-{key}", disabled=not name.strip()):
                choice = False
            if choice is not None:
                review.decide_merge(store, pair["mention_a"], pair["mention_b"], choice, name,
                                     person_a=pair["person_a"], person_b=pair["person_b"])
                common.audit("merge-decision", person_a=pair["person_a"], person_b=pair["person_b"],
                             mention_a=pair["mention_a"], mention_b=pair["mention_b"], accepted=choice)
                st.toast("Decision recorded")
                st.rerun()
