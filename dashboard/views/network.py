"""Network explorer: an interactive graph (pan, zoom, click a node to open its page) filtered by time
window, node and link types and minimum confidence; analytics from networkx."""
import datetime

import streamlit as st
from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis
from st_link_analysis.component.events import Event

from dashboard import common
from graph import analytics

common.require("viewer")

# what each link type means, for the filter and the legend
LINK_WORDS = {"PERPETRATED": "carried out", "ORDERED": "ordered", "HELD": "held a post in",
              "SUBORDINATE_TO": "subordinate to"}
NODE_BADGES = {"Person": "red", "Unit": "blue", "Incident": "orange"}  # as the node colours below

store = common.store()
st.title("Network")
window = st.slider("Time window", min_value=datetime.date(2015, 1, 1), max_value=datetime.date.today(),
                   value=(datetime.date(2020, 8, 1), datetime.date(2021, 12, 31)), format="YYYY-MM-DD", key="network_window")
types = st.multiselect("Link types", list(analytics.LINK_TYPES), default=["PERPETRATED", "ORDERED", "HELD"],
                       format_func=lambda t: LINK_WORDS.get(t, t), key="network_types")  # the whole width: none cut off
left, middle, right = st.columns(3)
labels = left.multiselect("Node types", ["Person", "Unit", "Incident"], default=["Person", "Unit", "Incident"])
min_confidence = middle.slider("Minimum confidence", 0.0, 1.0, 0.5, 0.05, key="network_min_confidence")
most = right.number_input("Show at most (most connected first)", min_value=10, max_value=400, value=80, step=10,
                          key="network_most")
common.audit_once("view-network", start=window[0].isoformat(), end=window[1].isoformat(), types=sorted(types),
                  labels=sorted(labels), min_confidence=min_confidence)
graph = analytics.network(store, window[0].isoformat(), window[1].isoformat(), tuple(types), tuple(labels),
                        min_confidence)
st.caption(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links")
if graph.number_of_nodes() == 0:
    st.info("Nothing in this selection.")
    st.stop()

shown = graph
if graph.number_of_nodes() > most:  # a readable picture: the most connected nodes, each with its name shown
    keep = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:int(most)]
    shown = graph.subgraph(keep)
    st.caption(f"Showing the {int(most)} most connected nodes; the analytics below use the whole selection.")
st.markdown("  ".join(f":{colour}-badge[{kind}]" for kind, colour in NODE_BADGES.items()) + " · links: "
            + ", ".join(f"**{LINK_WORDS.get(t, t)}**" for t in types))
elements = {"nodes": [{"data": {"id": n, "label": d["label"], "name": (d["name"] or n)[:60]}}
                      for n, d in shown.nodes(data=True)],
            "edges": [{"data": {"id": f"{key}", "source": s, "target": t, "label": LINK_WORDS.get(d["type"], d["type"])}}
                      for s, t, key, d in shown.edges(keys=True, data=True)]}
node_styles = [NodeStyle("Person", "#c0392b", "name", "person"), NodeStyle("Unit", "#2c5f8a", "name", "group"),
               NodeStyle("Incident", "#e67e22", "name", "warning")]
edge_styles = [EdgeStyle(LINK_WORDS.get(t, t), caption="label", directed=True, labeled=None)  # no deprecation warning
               for t in analytics.LINK_TYPES]
clicked = st_link_analysis(elements, "cose", node_styles, edge_styles, height=520, key="network",
                           events=[Event("open", "dblclick dbltap", "node")])
if clicked and clicked.get("action") == "open":  # {"action", "data": {"type", "target_id", "target_group"}}
    node_id = clicked.get("data", {}).get("target_id")
    page = common.PAGES.get(graph.nodes[node_id]["label"]) if node_id in graph else None
    if page:
        st.switch_page(page, query_params={"id": node_id})
st.caption("Double-click a node to open its page.")

st.subheader("Most central officials")
for person, score in analytics.most_central_persons(graph):
    common.link("Person", person, f"{graph.nodes[person]['name']} (betweenness {score:.3f})")

st.subheader("Shortest chain between two persons")
persons = sorted((n for n, d in graph.nodes(data=True) if d["label"] == "Person"), key=lambda n: graph.nodes[n]["name"])
if len(persons) >= 2:
    a, b = st.columns(2)
    first = a.selectbox("From", persons, format_func=lambda n: graph.nodes[n]["name"], key="chain_from")
    second = b.selectbox("To", persons, index=1, format_func=lambda n: graph.nodes[n]["name"], key="chain_to")
    path = analytics.shortest_chain(graph, first, second)
    st.write(" → ".join(common.plain(graph.nodes[n]["name"]) for n in path) if path else "Not connected.")

st.subheader("Clusters of co-perpetrators")
clusters = analytics.co_perpetrator_clusters(graph)
if not clusters:
    st.write("No two persons share an incident in this selection.")
for number, cluster in enumerate(clusters[:10], 1):
    st.write(f"{number}. " + common.plain(", ".join(graph.nodes[n]["name"] for n in cluster)))
