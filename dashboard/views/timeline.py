"""A timeline of incidents and a map of the places that have coordinates."""
import datetime
import json
from pathlib import Path

import altair as alt
import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")
BASEMAP = Path(__file__).resolve().parent.parent / "data" / "basemap.geojson"

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
frame = pd.DataFrame([{"from": r["incident"]["date_min"], "to": r["incident"].get("date_max") or r["incident"]["date_min"],
                       "violation": (r["incident"].get("violations") or ["?"])[0],
                       "when": common.date_range(r["incident"].get("precision"), r["incident"].get("date_min"),
                                                 r["incident"].get("date_max")),
                       "label": r["incident"].get("label") or r["incident"]["id"]} for r in rows])
frame["from"] = pd.to_datetime(frame["from"])
frame["to"] = pd.to_datetime(frame["to"]) + pd.Timedelta(days=1)  # a day's bar ends at its end
st.subheader(f"Incidents ({len(rows)}), each over the dates it may have taken place")
st.caption("A date known to the month or the year is drawn as the whole month or year, not as its first day.")
shown = frame.head(300).reset_index(names="row")
st.altair_chart(alt.Chart(shown).mark_bar(height=6).encode(
    x=alt.X("from:T", title="date", axis=alt.Axis(orient="top")), x2="to:T", y=alt.Y("row:O", axis=None, title=None),
    color=alt.Color("violation:N", title="violation"),
    tooltip=["label:N", "when:N", "violation:N"]).properties(height=min(900, 14 * len(shown) + 40)), width="stretch")

points = {}
for row in rows:
    for place in row["places"]:
        if place.get("lat") is not None and place.get("lon") is not None and place.get("kind") != "country":
            entry = points.setdefault(place["id"], {"name": place["name"], "lat": place["lat"], "lon": place["lon"],
                                                    "incidents": 0})
            entry["incidents"] += 1
st.subheader("Map")
if points:
    places = pd.DataFrame(points.values())
    places["radius"] = 2000 + 800 * places["incidents"] ** 0.5
    basemap = json.loads(BASEMAP.read_text(encoding="utf-8"))  # shipped with the project: nothing is fetched
    st.pydeck_chart(pdk.Deck(
        layers=[pdk.Layer("GeoJsonLayer", basemap, stroked=True, filled=True, get_fill_color=[235, 235, 228],
                          get_line_color=[120, 120, 120], line_width_min_pixels=1),
                pdk.Layer("ScatterplotLayer", places, get_position=["lon", "lat"], get_radius="radius",
                          get_fill_color=[192, 57, 43, 190], pickable=True)],
        initial_view_state=pdk.ViewState(latitude=53.7, longitude=27.9, zoom=5.3),
        # a geographic view that is not a MapView: Streamlit adds no tiled basemap (it would fetch one from
        # a tile server for a MapView without a map style); the borders above are the only background
        views=[pdk.View(type="_GlobeView", controller=True)],
        map_provider=None, map_style=None, tooltip={"text": "{name}: {incidents} incident(s)"}))
    st.caption("Borders: Natural Earth (public domain). A place known only as the whole country is not drawn.")
    st.dataframe(places.drop(columns=["radius"]).sort_values("incidents", ascending=False), hide_index=True)
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
