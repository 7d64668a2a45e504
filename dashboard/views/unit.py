"""A unit: its place in the hierarchy as a tree, who held each command post on a chosen date,
members and incidents attributed to it."""
import datetime

import networkx as nx
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")

store = common.store()
unit_id = st.query_params.get("id", "")
on_date = st.slider("Command structure on", min_value=datetime.date(2015, 1, 1), max_value=datetime.date.today(),
                    value=datetime.date(2020, 8, 10), format="YYYY-MM-DD", key="unit_date")
day = on_date.isoformat()
tree = explore.unit_hierarchy(store, day)
if not unit_id:
    st.title("Units")
    roots = sorted((n for n in tree.nodes if tree.in_degree(n) == 0 and tree.out_degree(n) > 0),
                   key=lambda n: tree.nodes[n]["name"] or n)
    st.write("Top of the hierarchy on this date:")
    for root in roots:
        common.link("Unit", root, tree.nodes[root]["name"])
    st.stop()
if unit_id not in tree:
    st.title("Unit")
    st.warning(f"No unit with id {common.plain(unit_id)}.")
    st.stop()

st.title(common.plain(tree.nodes[unit_id]["name"] or unit_id))
common.audit_once("view-unit", id=unit_id)
superiors = []
node = unit_id
while True:
    parents = [p for p in tree.predecessors(node) if tree.edges[p, node]["kind"] == "command"] or \
        list(tree.predecessors(node))
    if not parents or parents[0] in superiors or parents[0] == unit_id:
        break
    superiors.append(parents[0])
    node = parents[0]
below = nx.descendants(tree, unit_id)
direct = sorted(tree.successors(unit_id), key=lambda n: tree.nodes[n]["name"] or n)
shown = [*reversed(superiors), unit_id, *direct]
commanders = explore.command_posts_on(store, shown, day)

st.subheader(f"Hierarchy and command on {day}")
dot = ["digraph { rankdir=TB; node [shape=box, style=rounded, fontname=Helvetica];"]
for number, unit in enumerate(shown):
    names = [c["person_name"] + ("" if c["certainty"] == "certain" else " (possible)") for c in commanders.get(unit, [])]
    label = (tree.nodes[unit]["name"] or unit) + ("\\n" + "\\n".join(names) if names else "")
    label = label.replace("\\", "/").replace('"', "'")  # a quoted DOT label: no markup, no escapes
    dot.append(f'n{number} [label="{label}"{", penwidth=2" if unit == unit_id else ""}];')
index = {unit: number for number, unit in enumerate(shown)}
for parent, child in tree.edges:
    if parent in index and child in index:
        style = "solid" if tree.edges[parent, child]["kind"] == "command" else "dashed"
        dot.append(f"n{index[parent]} -> n{index[child]} [style={style}];")
dot.append("}")
st.graphviz_chart("\n".join(dot))
st.caption("Solid: command subordination (feeds command chains); dashed: administrative. "
           f"{len(below)} unit(s) below this one in all.")

for unit in shown:
    posts = commanders.get(unit, [])
    if posts:
        st.markdown(f"**{common.plain(tree.nodes[unit]['name'])}**")
        for post in posts:
            common.link("Person", post["person_id"],
                        f"{post['person_name']} — {post['post']['role']} ({post['certainty']}, "
                        f"{post['testimonies']} testimon{'y' if post['testimonies'] == 1 else 'ies'})")
if direct:
    st.subheader("Subordinate units")
    for child in direct:
        common.link("Unit", child, tree.nodes[child]["name"])

st.subheader("Members (any post, any time)")
members = explore.unit_members(store, unit_id)
if not members:
    st.write("No one known.")
for member in members:
    post = member["post"]
    common.link("Person", member["person_id"],
                f"{member['person_name']} — {post['role']}, seen {post.get('start_max') or '?'} … "
                f"{post.get('end_min') or '?'}")
st.subheader("Incidents attributed")
incidents = explore.unit_incidents(store, unit_id)
if not incidents:
    st.write("None.")
for row in incidents:
    incident = row["incident"]
    common.link("Incident", incident["id"], f"{common.date_range(incident.get('precision'), incident.get('date_min'), incident.get('date_max'))} · {incident.get('label')} · "
                                           f"by {row['through']}")

common.export_link(unit_id)
