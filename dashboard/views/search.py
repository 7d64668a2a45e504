"""Search across persons, units, places and incidents, in any script and declined form."""
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")

st.title("Search")
query = st.text_input("Name of an official, a unit, a place or an incident",
                      value=st.query_params.get("q", ""), key="search_query",
                      placeholder="Ломейко, Lameika, Гурского, ОМОН, Окрестина…")
if query.strip():
    common.audit_once("search", query=query.strip())
    results = explore.search(common.store(), query)
    if not results:
        st.info(f"Nothing found for {common.plain(query)}.")
    for label in ("Person", "Unit", "Place", "Incident"):
        found = [r for r in results if r["label"] == label]
        if found:
            st.subheader(f"{label}s ({len(found)})")
            for row in found:
                common.link(label, row["id"], row["name"])
                variants = [n for n in (row.get("names") or []) if n and n != row["name"]]
                if variants and label != "Incident":
                    st.caption("also: " + common.plain(", ".join(variants[:8])))
