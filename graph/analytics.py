"""Network analytics for the explorer: the link network in a time window as a networkx graph, the most
central officials, the shortest chain between two nodes, clusters of co-perpetrators."""
from __future__ import annotations

import networkx as nx

from graph.queries import Store

LINK_TYPES = ("PERPETRATED", "ORDERED", "HELD", "SUBORDINATE_TO")


def network(store: Store, date_from: str, date_to: str, types: tuple[str, ...] = LINK_TYPES,
            labels: tuple[str, ...] = ("Person", "Unit", "Incident"), min_confidence: float = 0.0,
            limit: int = 5000) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for row in store.read("network_links", date_from=date_from, date_to=date_to, types=list(types),
                          min_confidence=min_confidence, limit=limit):
        if row["source_label"] not in labels or row["target_label"] not in labels:
            continue
        graph.add_node(row["source"], label=row["source_label"], name=row["source_name"])
        graph.add_node(row["target"], label=row["target_label"], name=row["target_name"])
        graph.add_edge(row["source"], row["target"], key=row["fact_id"], type=row["type"],
                       confidence=row["confidence"], date=row["date"])
    return graph


def most_central_persons(graph: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, float]]:
    """Persons ranked by betweenness centrality in the undirected network (who connects the most)."""
    if graph.number_of_nodes() == 0:
        return []
    simple = nx.Graph(graph.to_undirected())
    k = min(200, simple.number_of_nodes()) if simple.number_of_nodes() > 500 else None
    scores = nx.betweenness_centrality(simple, k=k, seed=7)
    persons = [(n, s) for n, s in scores.items() if graph.nodes[n].get("label") == "Person"]
    return sorted(persons, key=lambda item: (-item[1], item[0]))[:top]


def shortest_chain(graph: nx.MultiDiGraph, a: str, b: str) -> list[str]:
    """The shortest chain of nodes linking two nodes (any direction), [] when none."""
    simple = nx.Graph(graph.to_undirected())
    try:
        return nx.shortest_path(simple, a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []


def co_perpetrator_clusters(graph: nx.MultiDiGraph, min_size: int = 2) -> list[list[str]]:
    """Groups of persons who took part in the same incidents (communities of the person-person
    projection, weighted by shared incidents), largest first."""
    together = nx.Graph()
    for node, data in graph.nodes(data=True):
        if data.get("label") != "Incident":
            continue
        agents = sorted({s for s, _, d in graph.in_edges(node, data=True)
                         if graph.nodes[s].get("label") == "Person" and d["type"] in ("PERPETRATED", "ORDERED")})
        for i, first in enumerate(agents):
            for second in agents[i + 1:]:
                weight = together.get_edge_data(first, second, {}).get("weight", 0)
                together.add_edge(first, second, weight=weight + 1)
    if together.number_of_edges() == 0:
        return []
    clusters = nx.community.greedy_modularity_communities(together, weight="weight")
    return [sorted(c) for c in sorted(clusters, key=len, reverse=True) if len(c) >= min_size]
