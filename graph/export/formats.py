"""Every export format, each written from the same Subgraph. ``FORMATS`` maps a format's name to the
function that writes it and the files it makes; ``python -m graph export --help`` lists them."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable

import networkx as nx

from graph import model
from graph.export import Subgraph

LIST_SEPARATOR = "; "


def _scalar(value: object) -> object:
    """GraphML, GEXF and CSV cells hold scalars: lists become '; '-joined text, None an empty string."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else value


def _citations(subgraph: Subgraph, fact_id: str) -> str:
    parts = []
    for claim in subgraph.claims.get(fact_id, []):
        pseudonym = (subgraph.testimonies.get(claim.get("testimony_id"), {}) or {}).get("pseudonym")
        parts.append(f"«{(claim.get('excerpt') or '').strip()}» (testimony {str(claim.get('testimony_id'))[:12]}"
                     f"{', ' + pseudonym if pseudonym else ''}{', from OCR' if claim.get('ocr') else ''}, "
                     f"confidence {claim['confidence']:.2f}, "
                     f"{claim['status']})")
    return " | ".join(parts)


def to_networkx(subgraph: Subgraph) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node_id, node in sorted(subgraph.nodes.items()):
        attrs = {k: _scalar(v) for k, v in node["props"].items() if k not in ("id", "label")}
        graph.add_node(node_id, type=node["label"], label=subgraph.name(node_id), **attrs)
    for link in subgraph.links:
        attrs = {k: _scalar(v) for k, v in link["props"].items() if k not in ("id",)}
        graph.add_edge(link["source"], link["target"], key=link["fact_id"], type=link["type"],
                       fact_id=link["fact_id"], confidence=subgraph.confidence(link["fact_id"]),
                       testimonies=subgraph.corroboration(link["fact_id"]),
                       citations=_citations(subgraph, link["fact_id"]), **attrs)
    return graph


def write_graphml(subgraph: Subgraph, folder: Path) -> list[Path]:
    path = folder / "subgraph.graphml"
    nx.write_graphml(to_networkx(subgraph), path)
    return [path]


def write_gexf(subgraph: Subgraph, folder: Path) -> list[Path]:
    path = folder / "subgraph.gexf"
    nx.write_gexf(to_networkx(subgraph), path)
    return [path]


NODE_COLUMNS = ("id", "type", "name", "aliases", "kind", "role", "date_min", "date_max", "precision", "violations",
                "lat", "lon", "testimonies")
LINK_COLUMNS = ("id", "source", "source_name", "target", "target_name", "type", "role", "rank", "start_min",
                "start_max", "end_min", "end_max", "kind", "confidence", "testimonies", "citations")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")   # OWASP: what a spreadsheet may run as a formula


def neutralised(value: object) -> object:
    """A cell a spreadsheet shows as text: one starting like a formula ("=HYPERLINK(...)", "+cmd|...",
    "@SUM(...)", "-2+3") gets a leading apostrophe (OWASP CSV injection). Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    """csv.writer whose every cell is neutralised (names and excerpts come from testimonies)."""

    def __init__(self, handle):
        self._writer = csv.writer(handle)

    def writerow(self, row) -> None:
        self._writer.writerow([neutralised(cell) for cell in row])


def write_csv(subgraph: Subgraph, folder: Path) -> list[Path]:
    """Entities and links in two UTF-8 CSV files (with BOM, for spreadsheet tools), laid out for the import
    wizards of link-analysis tools (i2 Analyst's Notebook, Maltego): one row per entity with its type and
    label, one row per link with both ends, its type, dates and citations."""
    nodes, links = folder / "nodes.csv", folder / "links.csv"
    with nodes.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = _SafeWriter(handle)
        writer.writerow(NODE_COLUMNS)
        for node_id, node in sorted(subgraph.nodes.items()):
            props = node["props"]
            writer.writerow([node_id, node["label"], subgraph.name(node_id), _scalar(props.get("names")),
                             props.get("kind") or "", "", props.get("date_min") or "", props.get("date_max") or "",
                             props.get("precision") or "", _scalar(props.get("violations")),
                             _scalar(props.get("lat")), _scalar(props.get("lon")), subgraph.corroboration(node_id)])
    with links.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = _SafeWriter(handle)
        writer.writerow(LINK_COLUMNS)
        for link in subgraph.links:
            props, fact = link["props"], link["fact_id"]
            writer.writerow([fact, link["source"], subgraph.name(link["source"]), link["target"],
                             subgraph.name(link["target"]), link["type"], props.get("role") or "",
                             props.get("rank") or "", *(props.get(k) or "" for k in
                                                       ("start_min", "start_max", "end_min", "end_max", "kind")),
                             f"{subgraph.confidence(fact):.2f}", subgraph.corroboration(fact),
                             _citations(subgraph, fact)])
    return [nodes, links]


def write_ftm(subgraph: Subgraph, folder: Path) -> list[Path]:
    """FollowTheMoney entities (JSON lines) that Aleph / OpenAleph load: Person, Organization (units),
    Address (places), Event (incidents), Membership (posts), Position + Occupancy (command posts),
    UnknownLink (perpetrated, ordered, subordinate to)."""
    from followthemoney import model as ftm

    path = folder / "entities.ftm.json"
    proxies = {}

    def make(schema: str, key: str):
        proxy = ftm.make_entity(schema)
        proxy.make_id("perpetrator-graph", key)
        return proxy

    for node_id, node in sorted(subgraph.nodes.items()):
        props = node["props"]
        schema = {"Person": "Person", "Unit": "Organization", "Place": "Address", "Incident": "Event"}[node["label"]]
        proxy = make(schema, node_id)
        proxy.add("name", subgraph.name(node_id))
        if node["label"] in ("Person", "Unit", "Place"):
            proxy.add("alias", [n for n in props.get("names") or [] if n != subgraph.name(node_id)])
        if node["label"] == "Place":
            proxy.add("full", subgraph.name(node_id))
            proxy.add("latitude", props.get("lat"))
            proxy.add("longitude", props.get("lon"))
        if node["label"] == "Incident":
            proxy.add("startDate", props.get("date_min"))
            proxy.add("endDate", props.get("date_max"))
            proxy.add("summary", ", ".join(props.get("violations") or []))
        proxy.add("description", _citations(subgraph, node_id)[:5000] or None)
        proxies[node_id] = proxy
    extra = []
    for link in subgraph.links:
        source, target, props = proxies[link["source"]], proxies[link["target"]], link["props"]
        cited = _citations(subgraph, link["fact_id"])[:5000]
        if link["type"] == "HELD" and props.get("command"):
            position = make("Position", f"position:{link['target']}:{props.get('role')}")
            position.add("name", f"{props.get('role')} of {subgraph.name(link['target'])}")
            position.add("organization", target)
            occupancy = make("Occupancy", link["fact_id"])
            occupancy.add("holder", source)
            occupancy.add("post", position)
            occupancy.add("startDate", props.get("start_min") or props.get("start_max"))
            occupancy.add("endDate", props.get("end_max") or props.get("end_min"))
            occupancy.add("description", cited)
            extra += [position, occupancy]
        elif link["type"] == "HELD":
            membership = make("Membership", link["fact_id"])
            membership.add("member", source)
            membership.add("organization", target)
            membership.add("role", props.get("title") or props.get("role"))
            membership.add("startDate", props.get("start_min") or props.get("start_max"))
            membership.add("endDate", props.get("end_max") or props.get("end_min"))
            membership.add("description", cited)
            extra.append(membership)
        elif link["type"] == "OCCURRED_AT":
            source.add("addressEntity", target)
            source.add("location", subgraph.name(link["target"]))
        else:
            if link["type"] in ("PERPETRATED", "ORDERED"):
                target.add("involved", source)
            unknown = make("UnknownLink", link["fact_id"])
            unknown.add("subject", source)
            unknown.add("object", target)
            unknown.add("role", {"PERPETRATED": "perpetrated", "ORDERED": "ordered",
                                 "SUBORDINATE_TO": f"subordinate to ({props.get('kind')})"}[link["type"]])
            unknown.add("description", cited)
            extra.append(unknown)
    with path.open("w", encoding="utf-8") as handle:
        for proxy in [*proxies.values(), *extra]:
            handle.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return [path]


def cypher_literal(value: object) -> str:
    """A Cypher literal for a JSON value: strings through JSON escaping (valid Cypher string syntax),
    map keys in backticks. Data only, never a query fragment."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"`{str(k).replace('`', '``')}`: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def cypher_statements(subgraph: Subgraph) -> list[str]:
    """Statements that recreate the subgraph (nodes, posts, links, claims and the cited testimonies with
    their pseudonyms) in an empty Neo4j, each as WITH <rows> AS rows UNWIND rows AS row MERGE ..."""
    statements = []

    def rows_statement(rows: list[dict], body: str) -> None:
        for start in range(0, len(rows), 1000):
            statements.append(f"WITH {cypher_literal(rows[start:start + 1000])} AS rows UNWIND rows AS row {body}")

    for label in ("Person", "Unit", "Place", "Incident"):
        rows = subgraph.nodes_of(label)
        rows_statement(rows, f"MERGE (n:{label} {{id: row.id}}) SET n += row")
    tests = [{**row["testimony"], "pseudonym": row["pseudonym"]} for row in subgraph.testimonies.values()]
    rows_statement([{k: v for k, v in t.items() if k != "pseudonym"} for t in tests],
                   "MERGE (n:Testimony {id: row.id}) SET n += row")
    rows_statement([{"id": t["pseudonym"], "testimony": t["id"]} for t in tests if t["pseudonym"]],
                   "MERGE (v:Victim {id: row.id}) SET v.pseudonym = row.id WITH v, row "
                   "MATCH (t:Testimony {id: row.testimony}) MERGE (v)-[:GAVE {id: row.id + '>' + row.testimony}]->(t)")
    posts = [{"person": l["source"], "unit": l["target"], "post": l["props"]} for l in subgraph.links_of("HELD")]
    rows_statement(posts, "MATCH (p:Person {id: row.person}) MATCH (u:Unit {id: row.unit}) "
                          "MERGE (post:Post {id: row.post.id}) SET post += row.post "
                          "MERGE (p)-[:HELD {id: row.person + '>' + row.post.id}]->(post) "
                          "MERGE (post)-[:IN {id: row.post.id + '>' + row.unit}]->(u)")
    for rel_type in ("PERPETRATED", "ORDERED", "SUBORDINATE_TO", "OCCURRED_AT"):
        relationship = model.RELATIONSHIPS[rel_type]
        for source_label in relationship.sources:  # labels come from the model, never from the data
            rows = [{"id": l["fact_id"], "source": l["source"], "target": l["target"],
                     "props": {k: v for k, v in l["props"].items() if k != "id"}}
                    for l in subgraph.links_of(rel_type) if subgraph.nodes[l["source"]]["label"] == source_label]
            rows_statement(rows, f"MATCH (a:{source_label} {{id: row.source}}) "
                                 f"MATCH (b:{relationship.target} {{id: row.target}}) "
                                 f"MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b) SET r += row.props")
    claims = [{k: v for k, v in c.items() if k in model.NODES["Claim"].properties}
              for claims in subgraph.claims.values() for c in claims]
    rows_statement(claims, "MERGE (c:Claim {id: row.id}) SET c += row WITH c, row "
                           "OPTIONAL MATCH (t:Testimony {id: row.testimony_id}) "
                           "FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CITES]->(t))")
    return statements


def write_cypher(subgraph: Subgraph, folder: Path) -> list[Path]:
    path = folder / "subgraph.cypher"
    header = ("// Recreates an exported subgraph in an empty Neo4j (cypher-shell -f subgraph.cypher).\n"
              "// Victims appear only as pseudonyms. Statements are separated by lines holding only ';'.\n")
    path.write_text(header + "\n;\n".join(cypher_statements(subgraph)) + "\n;\n", encoding="utf-8")
    return [path]


def write_dossier(subgraph: Subgraph, folder: Path) -> list[Path]:
    from graph.export.dossier import write

    return write(subgraph, folder)


FORMATS: dict[str, tuple[Callable[[Subgraph, Path], list[Path]], str]] = {
    "graphml": (write_graphml, "subgraph.graphml for Gephi, yEd and other graph tools"),
    "gexf": (write_gexf, "subgraph.gexf for Gephi"),
    "csv": (write_csv, "nodes.csv and links.csv for i2 Analyst's Notebook, Maltego and spreadsheets"),
    "ftm": (write_ftm, "entities.ftm.json: FollowTheMoney entities for Aleph / OpenAleph"),
    "cypher": (write_cypher, "subgraph.cypher: recreates the subgraph in an empty Neo4j"),
    "dossier": (write_dossier, "dossier.html and dossier.pdf: persons, posts, incidents, command chains, "
                               "timeline, citations, Convention against Torture article 1 table"),
}
