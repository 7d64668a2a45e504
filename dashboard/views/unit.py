"""A unit: its place in the hierarchy as a tree, who held each command post on a chosen date,
members and incidents attributed to it."""
import datetime
import textwrap

import networkx as nx
import streamlit as st

from dashboard import common
from graph import explore

common.require("viewer")


def _dot_text(text: str) -> str:
    """A line of a quoted DOT label: no backslash or quote from the data can end or escape it."""
    return text.replace("\\", "/").replace('"', "'")


def _wrapped(name: str, width: int = 28) -> list[str]:
    """A long official name on several lines ("Главное управление внутренних дел / Мингорисполкома")."""
    return textwrap.wrap(name, width) or [name]


store = common.store()
unit_id = st.query_params.get("id", "")
FIRST, LAST = datetime.date(2015, 1, 1), datetime.date.today()


def _date_from_url() -> datetime.date:
    try:
        return min(max(datetime.date.fromisoformat(st.query_params.get("date", "")), FIRST), LAST)
    except ValueError:
        return datetime.date(2020, 8, 10)


if "unit_date" not in st.session_state:  # the date in the link ("/unit?id=…&date=2020-08-10"), else 10 August 2020
    st.session_state["unit_date"] = st.session_state["unit_date_typed"] = _date_from_url()


def _typed() -> None:
    st.session_state["unit_date"] = st.session_state["unit_date_typed"]


def _slid() -> None:
    st.session_state["unit_date_typed"] = st.session_state["unit_date"]


left, right = st.columns([3, 1])
with left:
    st.slider("Command structure on", min_value=FIRST, max_value=LAST, format="YYYY-MM-DD", key="unit_date",
              on_change=_slid)
with right:
    st.date_input("or type a date", min_value=FIRST, max_value=LAST, format="YYYY-MM-DD", key="unit_date_typed",
                  on_change=_typed)
day = st.session_state["unit_date"].isoformat()
st.query_params["date"] = day  # the page's state lives in its address
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
direct = sorted((n for n in tree.successors(unit_id) if n not in superiors), key=lambda n: tree.nodes[n]["name"] or n)
shown = list(dict.fromkeys([*reversed(superiors), unit_id, *direct]))  # a unit once, even when linked both ways
commanders = explore.command_posts_on(store, shown, day)

st.subheader(f"Hierarchy and command on {day}")
dot = ["digraph { rankdir=TB; nodesep=0.3; ranksep=0.35;",
       "node [shape=box, style=rounded, fontname=Helvetica, fontsize=16, margin=\"0.25,0.12\"];"]
for number, unit in enumerate(shown):
    names = list(dict.fromkeys(c["person_name"] + ("" if c["certainty"] == "certain" else " (possible)")
                               for c in commanders.get(unit, [])))  # a commander once, whatever his posts there
    lines = [*_wrapped(tree.nodes[unit]["name"] or unit), *names]
    label = "\\n".join(_dot_text(line) for line in lines)  # DOT's own line break between escaped lines
    dot.append(f'n{number} [label="{label}"{", penwidth=2.5" if unit == unit_id else ""}];')
index = {unit: number for number, unit in enumerate(shown)}
for parent, child in tree.edges:
    if parent in index and child in index:
        style = "solid" if tree.edges[parent, child]["kind"] == "command" else "dashed"
        dot.append(f"n{index[parent]} -> n{index[child]} [style={style}];")
dot.append("}")
st.graphviz_chart("\n".join(dot), width="stretch")
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
                f"{member['person_name']} — {post['role']}, {common.held_between(post)}")
st.subheader("Incidents attributed")
incidents = explore.unit_incidents(store, unit_id)
if not incidents:
    st.write("None.")
for row in incidents:
    incident = row["incident"]
    common.link("Incident", incident["id"], f"{common.date_range(incident.get('precision'), incident.get('date_min'), incident.get('date_max'))} · {incident.get('label')} · "
                                           f"by {row['through']}")

common.export_link(unit_id)
