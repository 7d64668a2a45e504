"""A timeline of incidents and a map of the places that have coordinates."""
import datetime

import pandas as pd
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")

store = common.store()
st.title("Timeline & map")
window = st.slider("Time window", min_value=datetime.date(2015, 1, 1), max_value=datetime.date.today(),
                   value=(datetime.date(2020, 8, 1), datetime.date(2021, 12, 31)), format="YYYY-MM-DD",
                   key="timeline_window")
common.audit_once("view-timeline", start=window[0].isoformat(), end=window[1].isoformat())
rows = explore.incidents_between(store, window[0].isoformat(), window[1].isoformat())
if not rows:
    st.info("No dated incident in this window.")
    st.stop()
frame = pd.DataFrame([{"date": r["incident"]["date_min"], "violation": (r["incident"].get("violations") or ["?"])[0]}
                      for r in rows])
frame["date"] = pd.to_datetime(frame["date"])
per_day = frame.groupby([pd.Grouper(key="date", freq="D"), "violation"]).size().unstack(fill_value=0)
st.subheader(f"Incidents per day ({len(rows)})")
st.bar_chart(per_day)

points = {}
for row in rows:
    for place in row["places"]:
        if place.get("lat") is not None and place.get("lon") is not None:
            entry = points.setdefault(place["id"], {"name": place["name"], "lat": place["lat"], "lon": place["lon"],
                                                    "incidents": 0})
            entry["incidents"] += 1
st.subheader("Map")
if points:
    places = pd.DataFrame(points.values())
    st.map(places, latitude="lat", longitude="lon", size=None)
    st.dataframe(places.sort_values("incidents", ascending=False), hide_index=True)
else:
    st.write("No incident in this window took place at a place with known coordinates.")

st.subheader("Incidents")
place_id = st.query_params.get("id", "")
for row in rows[:300]:
    incident = row["incident"]
    if place_id and place_id not in [p["id"] for p in row["places"]]:
        continue
    where = ", ".join(p["name"] for p in row["places"]) or "place unknown"
    common.link("Incident", incident["id"], f"{common.date_range(incident.get('precision'), incident.get('date_min'), incident.get('date_max'))} · {incident.get('label')} · {where} · "
                                           f"{row['agents']} agent(s) named")
