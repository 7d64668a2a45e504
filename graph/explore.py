"""What the dashboard and the exports read and the review decisions they write, as plain functions over
named queries (cypher/read, cypher/write). No Streamlit here: these are tested on their own and any
other front end can call them.

Analysts' decisions are data: a claim's status (``review_claim``) and MergeDecision nodes between
mentions (``decide_merge``, ``split_person``), which every resolution run obeys. Every read here reflects
them: facts whose claims are all rejected are left out.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

import neo4j
import networkx as nx

from graph import chain, model, queries
from graph import posts as posts_module
from graph.writer import BatchWriter

SEARCH_LIMIT = 25


@dataclass
class Store:
    """The driver and database the views read from (the driver is created in graph.connection)."""
    driver: neo4j.Driver
    database: str = "neo4j"

    def read(self, name: str, **params) -> list[dict]:
        records, _, _ = self.driver.execute_query(queries.get(name), params, database_=self.database,
                                                  routing_=neo4j.RoutingControl.READ)
        return [record.data() for record in records]

    def write(self, name: str, **params) -> list[dict]:
        records, _, _ = self.driver.execute_query(queries.get(name), params, database_=self.database)
        return [record.data() for record in records]


# -- search ---------------------------------------------------------------------------------------------
def _lexicon():
    from nlp import lexicon  # imported on first search only: the other views need no NLP data

    return lexicon.load()  # cached by nlp.lexicon


def person_keys(text: str) -> list[str]:
    """Spelling-independent keys for a typed name: 'Карпенкова', 'Karpiankou' and 'Карпянкоў' give the
    same surname key; 'Вадим Гурский' gives the surname+initial key."""
    from nlp import names

    keys = set()
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)
    if not words:
        return []
    lexicon = _lexicon()
    for candidate in {text.strip(), *words}:
        try:
            key = names.person_key(names.parse(candidate, lexicon), lexicon)
        except Exception:  # a fragment the name parser cannot read is just not a key
            key = None
        if key:
            keys.add(key)
    return sorted(keys)


def search(store: Store, text: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Persons, units, places and incidents matching a name in any script or declined form."""
    text = text.strip()
    if len(text) < 2:
        return []
    lowered = text.lower()
    unit_ids = sorted(_lexicon().unit_aliases.get(lowered, set()))
    found = store.read("search_persons", keys=person_keys(text), text=lowered, limit=limit)
    found += store.read("search_units", ids=unit_ids, text=lowered, limit=limit)
    found += store.read("search_places", text=lowered, limit=limit)
    found += store.read("search_incidents", text=lowered, limit=limit)
    return found


# -- persons as clusters of mentions (graph/resolve) --------------------------------------------------------
def merge_candidates(store: Store, limit: int = 50) -> list[dict]:
    """Links the resolution stage proposes for review, most probable first."""
    return store.read("merge_candidates", limit=limit)


def decide_merge(store: Store, mention_a: str, mention_b: str, accepted: bool, reviewer: str,
                 note: str | None = None, person_a: str | None = None, person_b: str | None = None) -> None:
    """Record that two mentions are (accepted) or are not (refused) one person, then re-resolve: the
    decision is a constraint every later resolution run obeys. Accepting joins the two persons as they
    are now, so it also lifts the earlier refusals between their mentions (the latest decision wins)."""
    pairs = [(mention_a, mention_b)]
    if accepted:
        persons = {r["person"] for r in store.read("mention_person", ids=[mention_a, mention_b])}
        members = {m["mention"]["id"] for p in persons for m in store.read("person_mentions", person_id=p)}
        pairs += [(d["mention_a"], d["mention_b"]) for d in store.read("merge_decisions")
                  if d["status"] == "refused" and {d["mention_a"], d["mention_b"]} <= members]
    _decide(store, pairs, accepted, reviewer, note, person_a, person_b)
    _resolve(store)


def split_person(store: Store, person_id: str, mention_ids: list[str], reviewer: str,
                 note: str | None = None) -> None:
    """Take these mentions out of the person: they stay together, apart from the person's other mentions,
    on every later resolution run."""
    members = [r["mention"]["id"] for r in store.read("person_mentions", person_id=person_id)]
    split = [m for m in mention_ids if m in members]
    rest = [m for m in members if m not in split]
    if not split or not rest:
        raise model.ModelError("a split needs some, but not all, of the person's mentions")
    _decide(store, [(a, b) for a in split for b in rest], False, reviewer, note, person_id, person_id)
    _decide(store, [(split[0], other) for other in split[1:]], True, reviewer, note, person_id, person_id)
    _resolve(store)


def confirm_event(store: Store, incident_a: str, incident_b: str, reviewer: str, note: str | None = None) -> None:
    """Two incidents tell one event: kept as an EventDecision (accepted) and obeyed by every run."""
    _decide_events(store, [(incident_a, incident_b)], True, reviewer, note)
    _resolve_events(store)


def split_event(store: Store, incident_id: str, reviewer: str, note: str | None = None) -> None:
    """The incident tells another event than the other incidents of its event (refused with each)."""
    event = incident_event(store, incident_id)
    others = [i["id"] for i in (event or {}).get("incidents", []) if i["id"] != incident_id]
    if not others:
        raise model.ModelError("the incident is the only one of its event: there is nothing to split")
    _decide_events(store, [(incident_id, other) for other in others], False, reviewer, note)
    _resolve_events(store)


def _decide_events(store: Store, pairs: list[tuple[str, str]], accepted: bool, reviewer: str,
                   note: str | None) -> None:
    if not reviewer.strip():
        raise model.ModelError("an event decision needs the reviewer's name")
    event_of = {}
    rows = []
    for a, b in pairs:
        a, b = sorted((a, b))
        for incident in (a, b):
            if incident not in event_of:
                found = incident_event(store, incident)
                event_of[incident] = found["event"]["id"] if found else None
        rows.append(model.validate_node("EventDecision", {
            "id": model.fact_id("event-decision", a, b), "incident_a": a, "incident_b": b, "event_a": event_of[a],
            "event_b": event_of[b], "status": "accepted" if accepted else "refused", "decided_by": reviewer.strip(),
            "decided_at": _now(), "note": note}))
    if rows:
        BatchWriter(store.driver, store.database).write_rows("EventDecision", rows)


def _resolve_events(store: Store) -> None:
    from graph.resolve import resolve_events_only

    resolve_events_only(store.driver, store.database)


def person_mentions(store: Store, person_id: str) -> list[dict]:
    """The mentions that make the person, each with its match probability and what drove it."""
    rows = store.read("person_mentions", person_id=person_id)
    for row in rows:
        reasons = row["mention"].get("match_reasons")
        row["mention"]["match_reasons"] = json.loads(reasons) if reasons else {}
    return rows


def _decide(store: Store, pairs: list[tuple[str, str]], accepted: bool, reviewer: str, note: str | None,
            person_a: str | None, person_b: str | None) -> None:
    if not reviewer.strip():
        raise model.ModelError("a merge decision needs the reviewer's name")
    rows = []
    for a, b in pairs:
        a, b = sorted((a, b))
        row = {"id": model.fact_id("merge", a, b), "mention_a": a, "mention_b": b, "person_a": person_a,
               "person_b": person_b, "status": "accepted" if accepted else "refused", "decided_by": reviewer.strip(),
               "decided_at": _now(), "note": note}
        rows.append(model.validate_node("MergeDecision", row))
    if rows:
        BatchWriter(store.driver, store.database).write_rows("MergeDecision", rows)


def _resolve(store: Store) -> None:
    from graph.resolve import resolve

    resolve(store.driver, store.database)


# -- review of claims -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewFilter:
    """What the review queue shows: kinds of fact, a confidence range, a name or word the excerpt contains,
    the testimony's language (None: any)."""
    predicates: tuple[str, ...] = ()
    min_confidence: float = 0.0
    max_confidence: float = 1.0
    text: str = ""
    language: str | None = None
    statuses: tuple[str, ...] = ("machine", "conflict")

    def params(self) -> dict:
        return {"statuses": list(self.statuses), "predicates": list(self.predicates),
                "min_confidence": self.min_confidence, "max_confidence": self.max_confidence,
                "text": self.text.strip(), "language": self.language}


def claims_to_review(store: Store, predicates: list[str] | None = None, max_confidence: float = 1.0,
                     statuses: tuple[str, ...] = ("machine", "conflict"), limit: int = 20,
                     where: ReviewFilter | None = None, skip: int = 0) -> list[dict]:
    where = where or ReviewFilter(tuple(predicates or ()), max_confidence=max_confidence, statuses=statuses)
    return [r["claim"] for r in store.read("claims_to_review", **where.params(), skip=skip, limit=limit)]


def claims_to_review_total(store: Store, predicates: list[str] | None = None, max_confidence: float = 1.0,
                           statuses: tuple[str, ...] = ("machine", "conflict"),
                           where: ReviewFilter | None = None) -> int:
    where = where or ReviewFilter(tuple(predicates or ()), max_confidence=max_confidence, statuses=statuses)
    rows = store.read("claims_to_review_count", **where.params())
    return rows[0]["total"] if rows else 0


def statements(store: Store, fact_ids: list[str]) -> dict[str, dict]:
    """fact id -> {subject, relation, object, date_min, date_max}: what each fact says, for a review card."""
    return {r["fact_id"]: r for r in store.read("claim_statements", fact_ids=sorted(set(fact_ids)))}


def review_claim(store: Store, claim_id: str, status: str, reviewer: str, note: str | None = None) -> bool:
    if status not in model.REVIEW_STATUSES or status == "machine":
        raise model.ModelError(f"a review decision is one of confirmed, rejected, conflict (not {status!r})")
    if not reviewer.strip():
        raise model.ModelError("a review decision needs the reviewer's name")
    rows = store.write("review_claim", claim_id=claim_id, status=status, reviewer=reviewer.strip(), at=_now(),
                       note=note or None)
    return bool(rows)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- evidence ----------------------------------------------------------------------------------------------
@dataclass
class Evidence:
    """The claims behind facts (rejected ones left out) and how many testimonies support each fact."""
    claims: dict[str, list[dict]] = field(default_factory=dict)

    def of(self, fact_id: str) -> list[dict]:
        return self.claims.get(fact_id, [])

    def supported(self, fact_id: str) -> bool:
        return bool(self.of(fact_id))

    def testimonies(self, fact_id: str) -> int:
        """Independent testimonies: an account told twice (a near-duplicate) counts once."""
        return chain.corroboration(self.of(fact_id))

    def join(self, post: dict) -> dict:
        """A joined post (graph/posts.py) is backed by the claims of every post it joins."""
        self.claims[post["id"]] = [c for i in post.get("ids", [post["id"]]) for c in self.of(i)]
        return post

    def confidence(self, fact_id: str) -> float:
        return max((c["confidence"] for c in self.of(fact_id)), default=0.0)


def evidence(store: Store, fact_ids: list[str]) -> Evidence:
    return Evidence(chain.claims_for(store.driver, [f for f in fact_ids if f], store.database))


def highlighted(claim: dict) -> tuple[str, int, int] | None:
    """(excerpt, start, end): where the claimed span lies inside the claim's excerpt."""
    excerpt, offset = claim.get("excerpt"), claim.get("excerpt_start")
    if not excerpt:
        return None
    if offset is None or claim.get("start") is None:
        return excerpt, 0, 0
    start = max(0, claim["start"] - offset)
    end = min(len(excerpt), claim["end"] - offset)
    return excerpt, start, max(start, end)


# -- person -----------------------------------------------------------------------------------------------
@dataclass
class Profile:
    ids: list[str]
    name: str
    names: list[str]
    posts: list[dict]
    incidents: list[dict]
    co_perpetrators: list[dict]
    units: list[dict]
    evidence: Evidence
    mentions: list[dict] = field(default_factory=list)   # the Mention records that make the person

    @property
    def testimonies(self) -> int:
        """Independent testimonies naming this person."""
        return len({m["mention"]["testimony_id"] for m in self.mentions})


def person_profile(store: Store, person_id: str) -> Profile | None:
    ids = [person_id]
    rows = store.read("person_profile", ids=ids)
    if not rows:
        return None
    persons = [r["person"] for r in rows]
    main = next((p for p in persons if p["id"] == person_id), persons[0])
    posts = [p for r in rows for p in r["posts"] if p]
    incidents = store.read("person_incidents", ids=ids)
    mentions = person_mentions(store, person_id)
    fact_ids = [p["id"] for p in posts] + [i["fact_id"] for i in incidents] + [m["mention"]["id"] for m in mentions] + \
        [o["fact_id"] for i in incidents for o in i["others"] if o]
    proof = evidence(store, fact_ids)
    posts = sorted((proof.join(p) for p in posts_module.joined([p for p in posts if proof.supported(p["id"])])),
                   key=lambda p: (p.get("start_max") or p.get("start_min") or "", p["unit_name"]))
    incidents = [i for i in incidents if proof.supported(i["fact_id"])]
    together: dict[str, dict] = {}
    for incident in incidents:
        for other in incident["others"]:
            if other and other["label"] == "Person" and proof.supported(other["fact_id"]):
                entry = together.setdefault(other["id"], {"id": other["id"], "name": other["name"], "incidents": 0})
                entry["incidents"] += 1
    units: dict[str, dict] = {}
    for post in posts:
        units.setdefault(post["unit_id"], {"id": post["unit_id"], "name": post["unit_name"], "roles": set()})
        units[post["unit_id"]]["roles"].add(post["role"])
    names = sorted({n for p in persons for n in (p.get("names") or [])} | {p["name"] for p in persons})
    return Profile(ids, main["name"], names, posts, incidents,
                   sorted(together.values(), key=lambda o: (-o["incidents"], o["name"])),
                   [{**u, "roles": sorted(u["roles"])} for u in units.values()], proof, mentions)


def incident_event(store: Store, incident_id: str) -> dict | None:
    """The event the incident is part of (graph/resolve/events.py): {event, incidents}, or None."""
    rows = store.read("incident_event", incident_id=incident_id)
    return rows[0] if rows else None


# -- units -------------------------------------------------------------------------------------------------
def unit_hierarchy(store: Store, on_date: str | None = None) -> nx.DiGraph:
    """Units as a tree: an edge superior -> subordinate for every link in force on the date (all links
    when no date), with its kind (command or administrative)."""
    tree = nx.DiGraph()
    for row in store.read("unit_hierarchy"):
        tree.add_node(row["id"], name=row["name"], kind=row["kind"], city=row["city"])
        for link in row["parents"]:
            if link and (on_date is None or ((link["start_min"] or "0000-01-01") <= on_date <=
                                             (link["end_max"] or "9999-12-31"))):
                tree.add_edge(link["parent"], row["id"], kind=link["kind"], link_id=link["link_id"])
    return tree


def command_posts_on(store: Store, unit_ids: list[str], on_date: str) -> dict[str, list[dict]]:
    """Unit id -> who held a command post there on the date (certain ones first), rejected posts left out;
    one row per person and role, the testimonies' sightings of the post joined."""
    rows = store.read("command_posts_on_date", unit_ids=unit_ids, date=on_date)
    proof = evidence(store, [r["post"]["id"] for r in rows])
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        if proof.supported(row["post"]["id"]):
            grouped[(row["unit_id"], row["person_id"], row["person_name"])].append(
                {**row["post"], "unit_id": row["unit_id"]})
    out: dict[str, list[dict]] = defaultdict(list)
    for (unit_id, person_id, person_name), held in grouped.items():
        for post in posts_module.joined(held):
            proof.join(post)
            out[unit_id].append({"unit_id": unit_id, "person_id": person_id, "person_name": person_name, "post": post,
                                 "certainty": posts_module.certainty(post, on_date, on_date),
                                 "testimonies": proof.testimonies(post["id"])})
    return {u: sorted(rows, key=lambda r: (r["certainty"] != "certain", r["person_name"] or ""))
            for u, rows in out.items()}


def unit_members(store: Store, unit_id: str) -> list[dict]:
    """Everyone who held a post in the unit, one row per person and role (sightings joined)."""
    rows = store.read("unit_members", unit_id=unit_id)
    proof = evidence(store, [r["post"]["id"] for r in rows])
    grouped: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        if proof.supported(row["post"]["id"]):
            grouped[(row["person_id"], row["person_name"])].append({**row["post"], "unit_id": unit_id})
    out = []
    for (person_id, person_name), held in grouped.items():
        for post in posts_module.joined(held):
            proof.join(post)
            out.append({"person_id": person_id, "person_name": person_name, "post": post,
                        "testimonies": proof.testimonies(post["id"])})
    return sorted(out, key=lambda r: (not r["post"].get("command"), r["person_name"] or ""))


def unit_incidents(store: Store, unit_id: str, limit: int = 200) -> list[dict]:
    rows = store.read("unit_incidents", unit_id=unit_id, limit=limit)
    proof = evidence(store, [r["fact_id"] for r in rows])
    return [r for r in rows if proof.supported(r["fact_id"])]


# -- network -----------------------------------------------------------------------------------------------
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


# -- timeline and map ------------------------------------------------------------------------------------
def incidents_between(store: Store, date_from: str, date_to: str, limit: int = 5000) -> list[dict]:
    return store.read("incidents_in_window", date_from=date_from, date_to=date_to, limit=limit)


def incident_chain(store: Store, incident_id: str) -> chain.CommandChain | None:
    return chain.command_chain_for_incident(store.driver, incident_id, store.database)
