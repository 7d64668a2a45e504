"""What the dashboard and the exports read, as plain functions over named queries (cypher/read): search,
evidence, person profiles, units and their command on a date, incidents in a window. No Streamlit here:
these are tested on their own and any other front end can call them. Analysts' decisions are written by
graph/review.py and network analytics live in graph/analytics.py; every read here reflects the decisions
(facts whose claims are all rejected are left out).
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph import chain
from graph.queries import Store
from graph import posts as posts_module

SEARCH_LIMIT = 25


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


# -- persons as clusters of mentions (graph/resolve) -----------------------------------------------------------
def person_mentions(store: Store, person_id: str) -> list[dict]:
    """The mentions that make the person, each with its match probability and what drove it."""
    rows = store.read("person_mentions", person_id=person_id)
    for row in rows:
        reasons = row["mention"].get("match_reasons")
        row["mention"]["match_reasons"] = json.loads(reasons) if reasons else {}
    return rows



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


def highlighted(claim: dict) -> tuple[str, list[tuple[int, int]]] | None:
    """(excerpt, spans): where to highlight inside the claim's excerpt — a relation's two ends when the claim
    marks them ("Петров" and "бил" in "Петров бил меня"), else the claimed span; no span when not known."""
    excerpt, offset = claim.get("excerpt"), claim.get("excerpt_start")
    if not excerpt:
        return None
    if offset is None or claim.get("start") is None:
        return excerpt, []
    marks = list(zip(claim.get("mark_starts") or [], claim.get("mark_ends") or [])) or [(claim["start"], claim["end"])]
    spans = sorted((max(0, s - offset), min(len(excerpt), e - offset)) for s, e in marks)
    kept: list[tuple[int, int]] = []
    for start, end in spans:  # inside the excerpt, in order, not overlapping
        if end > start and (not kept or start >= kept[-1][1]):
            kept.append((start, end))
    return excerpt, kept


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


# -- timeline and map ------------------------------------------------------------------------------------
def incidents_between(store: Store, date_from: str, date_to: str, limit: int = 5000) -> list[dict]:
    return store.read("incidents_in_window", date_from=date_from, date_to=date_to, limit=limit)


def incident_chain(store: Store, incident_id: str) -> chain.CommandChain | None:
    return chain.command_chain_for_incident(store.driver, incident_id, store.database)
