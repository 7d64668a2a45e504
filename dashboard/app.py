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

st.set_page_config(page_title="Perpetrator graph", layout="wide")

pages = [
    st.Page("views/search.py", title="Search", default=True, url_path="search"),
    st.Page("views/person.py", title="Person", url_path="person"),
    st.Page("views/unit.py", title="Unit", url_path="unit"),
    st.Page("views/incident.py", title="Incident & command chain", url_path="incident"),
    st.Page("views/network.py", title="Network", url_path="network"),
    st.Page("views/timeline.py", title="Timeline & map", url_path="timeline"),
    st.Page("views/review.py", title="Review queue", url_path="review"),
    st.Page("views/upload.py", title="Add testimonies", url_path="upload"),
]
with st.sidebar:
    st.text_input("Your name (recorded with review decisions)", key="reviewer")
    st.caption("Victims appear only as pseudonyms. Every fact links to the testimony excerpts behind it.")
st.navigation(pages).run()
