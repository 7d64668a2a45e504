"""Case files for prosecutors: a selected subgraph, written in every format from one ``Subgraph``.

    selection = Selection(seeds=["person:lmk-s"], hops=2, date_from="2020-08-01", date_to="2020-12-31")
    subgraph = select(store, selection)        # persons, units, incidents, places, links, claims, testimonies
    write_case(subgraph, folder, formats, exported_by="investigator")   # files + manifest.json

Every fact in a Subgraph carries the claims behind it (rejected ones never leave), and each claim
names its testimony only by id and the victim's pseudonym: nothing identifies a victim.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from graph import chain, model, posts
from graph.queries import Store

LINK_TYPES = ("PERPETRATED", "ORDERED", "HELD", "SUBORDINATE_TO", "OCCURRED_AT")
STATUS_ORDER = ("machine", "conflict", "confirmed")  # a minimum status of 'confirmed' keeps confirmed claims only


@dataclass
class Selection:
    seeds: list[str]
    hops: int = 1
    date_from: str | None = None
    date_to: str | None = None
    min_status: str = "machine"
    min_confidence: float = 0.0
    types: tuple[str, ...] = LINK_TYPES

    def __post_init__(self):
        if not self.seeds:
            raise model.ModelError("a selection needs at least one seed (person, unit or incident id)")
        if self.min_status not in STATUS_ORDER:
            raise model.ModelError(f"minimum status {self.min_status!r} not in {STATUS_ORDER}")
        unknown = set(self.types) - set(LINK_TYPES)
        if unknown:
            raise model.ModelError(f"unknown link types {sorted(unknown)} (known: {', '.join(LINK_TYPES)})")
        self.types = tuple(self.types)

    def as_dict(self) -> dict:
        return {**asdict(self), "types": list(self.types)}


@dataclass
class Subgraph:
    selection: Selection
    nodes: dict[str, dict] = field(default_factory=dict)        # id -> {"label", "props"}
    links: list[dict] = field(default_factory=list)             # {"type", "fact_id", "source", "target", "props"}
    claims: dict[str, list[dict]] = field(default_factory=dict)  # fact id -> claims kept
    testimonies: dict[str, dict] = field(default_factory=dict)  # testimony id -> {testimony, pseudonym, source}
    chains: dict[str, list[dict]] = field(default_factory=dict)  # incident id -> command chain at its date
    exported_by: str = ""
    exported_at: str = ""

    def nodes_of(self, label: str) -> list[dict]:
        return sorted((n["props"] for n in self.nodes.values() if n["label"] == label), key=lambda p: p["id"])

    def links_of(self, *types: str) -> list[dict]:
        return [link for link in self.links if link["type"] in types]

    def corroboration(self, fact_id: str) -> int:
        return chain.corroboration(self.claims.get(fact_id, []))

    def confidence(self, fact_id: str) -> float:
        return max((c["confidence"] for c in self.claims.get(fact_id, [])), default=0.0)

    def name(self, node_id: str) -> str:
        props = self.nodes.get(node_id, {}).get("props", {})
        return props.get("name") or props.get("label") or node_id


def _claim_kept(claim: dict, selection: Selection) -> bool:
    status = claim.get("status", "machine")
    if status == "rejected" or claim.get("confidence", 0) < selection.min_confidence:
        return False
    return STATUS_ORDER.index(status) >= STATUS_ORDER.index(selection.min_status)


def _in_window(link: dict, nodes: dict[str, dict], selection: Selection) -> bool:
    low, high = selection.date_from or "0000-01-01", selection.date_to or "9999-12-31"
    if link["type"] in ("PERPETRATED", "ORDERED", "OCCURRED_AT"):
        incident = link["target"] if link["type"] != "OCCURRED_AT" else link["source"]
        props = nodes.get(incident, {}).get("props", {})
        return (props.get("date_max") or "9999-12-31") >= low and (props.get("date_min") or "0000-01-01") <= high
    props = link["props"]
    return (props.get("end_max") or "9999-12-31") >= low and (props.get("start_min") or "0000-01-01") <= high


def select(store: Store, selection: Selection) -> Subgraph:
    """The seeds and everything within ``hops`` links of them that passes the filters."""
    subgraph = Subgraph(selection)
    visited, frontier, seen_links = set(selection.seeds), set(selection.seeds), set()
    known = {row["props"]["id"]: row for row in store.read("export_nodes", ids=sorted(frontier))}
    for _ in range(max(0, selection.hops)):
        if not frontier:
            break
        rows = store.read("export_links", ids=sorted(frontier), types=list(selection.types))
        endpoints = {r["source"] for r in rows} | {r["target"] for r in rows}
        known.update({row["props"]["id"]: row for row in store.read("export_nodes", ids=sorted(endpoints - set(known)))})
        claims = chain.claims_for(store.driver, [r["fact_id"] for r in rows], store.database)
        reached = set()
        for row in rows:
            kept = [c for c in claims.get(row["fact_id"], []) if _claim_kept(c, selection)]
            if row["fact_id"] in seen_links or not kept or not _in_window(row, known, selection) or \
                    row["source"] not in known or row["target"] not in known:
                continue
            seen_links.add(row["fact_id"])
            subgraph.links.append(row)
            subgraph.claims[row["fact_id"]] = kept
            reached |= {row["source"], row["target"]}
        frontier = reached - visited
        visited |= reached
    for node_id in sorted(visited):
        if node_id in known:
            subgraph.nodes[node_id] = {"label": known[node_id]["label"], "props": known[node_id]["props"]}
    # a person's mention claims cite its Mention records (graph/resolve): where the selected persons are
    # named. A unit's, place's or incident's mention claims leave only from testimonies the selected links
    # already cite: "OMON" is named in thousands of testimonies that have nothing to do with this case.
    linked = {c["testimony_id"] for claims in subgraph.claims.values() for c in claims if c.get("testimony_id")}
    persons = sorted(n for n, node in subgraph.nodes.items() if node["label"] == "Person")
    records = {r["person"]: r["mentions"] for r in store.read("person_mention_ids", ids=persons)}
    cited_as = {mention: person for person, mentions in records.items() for mention in mentions}
    others = sorted(n for n, node in subgraph.nodes.items() if node["label"] != "Person")
    mentions = chain.claims_for(store.driver, sorted(set(cited_as) | set(persons)), store.database)  # (a case
    # file read back into a graph has no Mention records: its mention claims cite the person itself)
    mentions.update(chain.claims_for(store.driver, others, store.database, testimony_ids=sorted(linked)))
    for fact_id, claims in mentions.items():
        node_id = cited_as.get(fact_id, fact_id)  # in the case file they cite the person
        kept = [{**c, "fact_id": node_id} for c in claims if _claim_kept(c, selection)]
        if kept:
            subgraph.claims[node_id] = sorted(subgraph.claims.get(node_id, []) + kept, key=_claim_order)
    _join_posts(subgraph)
    cited = sorted({c["testimony_id"] for claims in subgraph.claims.values() for c in claims if c.get("testimony_id")})
    for row in store.read("export_testimonies", ids=cited):
        subgraph.testimonies[row["testimony"]["id"]] = row
    subgraph.links.sort(key=lambda link: (link["type"], link["source"], link["target"], link["fact_id"]))
    return subgraph


def _claim_order(claim: dict) -> tuple:
    """The order cypher/read/claims_for_facts gives a fact's claims."""
    return -claim["confidence"], claim["id"]


def _join_posts(subgraph: Subgraph) -> None:
    """One HELD link per person, unit and role: each testimony's sighting of a post is a Post of its own
    (graph/posts.py); a case file shows the post once, backed by every sighting's claims."""
    groups: dict[tuple, list[dict]] = {}
    for link in subgraph.links_of("HELD"):
        groups.setdefault((link["source"], link["target"], link["props"].get("role")), []).append(link)
    joined_links = []
    for (source, target, _), links in groups.items():
        post = posts.joined([{**link["props"], "id": link["fact_id"], "unit_id": target} for link in links])[0]
        first = post["id"]
        # in the case file the joined post is the fact every sighting's claim cites
        joined = [{**c, "fact_id": first} for link in links for c in subgraph.claims.pop(link["fact_id"], [])]
        subgraph.claims[first] = sorted(joined, key=_claim_order)
        props = {k: v for k, v in post.items() if k not in ("ids", "unit_id")}
        joined_links.append({"type": "HELD", "fact_id": first, "source": source, "target": target, "props": props})
    subgraph.links = [link for link in subgraph.links if link["type"] != "HELD"] + joined_links


def add_command_chains(store: Store, subgraph: Subgraph) -> None:
    """The chain of command at the date of each selected incident (for the dossier): every superior
    with a command post, certain or possible, from graph.chain."""
    for incident in subgraph.nodes_of("Incident"):
        found = chain.command_chain_for_incident(store.driver, incident["id"], store.database)
        if found is None:
            continue
        subgraph.chains[incident["id"]] = [
            {"level": step.level, "unit": step.unit_name, "commander": step.commander_name,
             "role": (step.commander_post or {}).get("role"), "certainty": certainty}
            for step, certainty in found.superiors()]
