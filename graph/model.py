"""The graph model: every node and relationship type, defined once, as data.

Writers (``graph.writer``), schema checks and exporters read this module; nothing
else declares what a Person or a PERPETRATED edge carries.

Conventions
-----------
* Every node and every fact relationship has a deterministic ``id`` (see ``fact_id``),
  so writing the same thing twice MERGEs onto the same element.
* Dates are ISO strings ``YYYY-MM-DD`` kept as *ranges*: a post started somewhere in
  ``[start_min, start_max]`` and ended somewhere in ``[end_min, end_max]``; an incident
  happened somewhere in ``[date_min, date_max]``. ``None`` means unknown (any time).
  ``precision`` says how the range was stated (day, month, year, unknown).
* Facts are backed by :Claim nodes. A claim points at its fact through ``fact_id``
  (the fact's ``id``) and at its testimony through ``(:Claim)-[:CITES]->(:Testimony)``.
  A fact is shown while at least one of its claims is not ``rejected``.
* Victims appear only as :Victim pseudonyms; no identifying property exists for them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

REVIEW_STATUSES = ("machine", "confirmed", "rejected", "conflict")
MERGE_STATUSES = ("accepted", "refused")
PRECISIONS = ("day", "month", "year", "unknown")
HIERARCHY_KINDS = ("command", "administrative")
# Roles whose holder commands the unit the post is in (feeds command chains).
COMMAND_ROLES = ("commander", "deputy_commander", "head", "deputy_head", "chief_of_staff")


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    properties: tuple[str, ...]
    required: tuple[str, ...] = ("id",)
    key: str = "id"
    indexed: tuple[str, ...] = ()
    list_properties: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelType:
    type: str
    description: str
    sources: tuple[str, ...]
    target: str
    properties: tuple[str, ...] = ()
    required: tuple[str, ...] = ("id", "source", "target")
    is_fact: bool = True  # backed by claims (False: structural links such as CITES)


_DATE_RANGE = ("start_min", "start_max", "end_min", "end_max", "precision")

NODES: dict[str, NodeType] = {n.label: n for n in (
    NodeType("Person", "An official (never a victim): names in every script seen.",
             ("id", "name", "names", "surname", "given_name", "patronymic", "gender"),
             required=("id", "name"), indexed=("name", "surname"), list_properties=("names",)),
    NodeType("Unit", "A state body: ministry, department, OMON, police department, detention facility, court.",
             ("id", "name", "names", "kind", "city"), required=("id", "name"), indexed=("name",),
             list_properties=("names",)),
    NodeType("Post", "A person's post in a unit over a dated range (posts are nodes, not edges); seen_at: the "
             "incidents during which a testimony saw the person in it.",
             ("id", "role", "title", "rank", "command", *_DATE_RANGE, "seen_at"), required=("id", "role"),
             indexed=("role",), list_properties=("seen_at",)),
    NodeType("Incident", "An act of violence or detention (one testimony's episode), with a dated range, "
             "violation types and its stage of detention (arrest, van, police_department, detention_facility, "
             "court, interrogation, search).",
             ("id", "label", "date_min", "date_max", "precision", "violations", "stage"), required=("id",),
             indexed=("date_min",), list_properties=("violations",)),
    NodeType("Event", "One real event as told by one or more testimonies: a cluster of incidents (episodes) "
             "made by the resolution stage, with the dates they share and how many testimonies tell it.",
             ("id", "date_min", "date_max", "precision", "violations", "testimonies", "incidents"),
             required=("id",), indexed=("date_min",), list_properties=("violations",)),
    NodeType("Place", "A city, street, square, metro station or building; a facility's premises name their unit.",
             ("id", "name", "names", "kind", "lat", "lon", "unit"), required=("id", "name"), indexed=("name",),
             list_properties=("names",)),
    NodeType("Testimony", "One testimony, identified by the SHA-256 of its content; text_id: the SHA-256 of "
             "its text in a normal dress (the same testimony in another encoding or Unicode form has the same); "
             "minhash: its MinHash signature; account: the first testimony of the account it re-tells (a "
             "near-duplicate, ingest/duplicates.py), which corroboration counts once; ocr_confidence (0-1) and "
             "ocr_pages when its text was read by OCR from scans or photos.",
             ("id", "language", "source_type", "received", "word_count", "ingested_at", "title", "consent",
              "source_file", "text_id", "minhash", "account", "account_similarity", "ocr_confidence", "ocr_pages"),
             required=("id", "language", "source_type"), indexed=("text_id", "account"),
             list_properties=("consent", "minhash")),
    NodeType("Source", "Who collected the material, with a source reliability grade (A-F).",
             ("id", "name", "kind", "reliability"), required=("id", "name")),
    NodeType("Victim", "A keyed pseudonym of the person giving a testimony; nothing identifying.",
             ("id", "pseudonym"), required=("id", "pseudonym")),
    NodeType("Claim", "One extracted or asserted fact with its provenance and review status; mark_starts/"
             "mark_ends: the spans inside it to highlight (a relation's two ends); ocr: true when its testimony "
             "was read by OCR (the confidence is then scaled by the OCR confidence).",
             ("id", "fact_id", "predicate", "testimony_id", "source_id", "start", "end", "excerpt", "excerpt_start",
              "mark_starts", "mark_ends", "extractor", "extractor_version", "confidence", "credibility", "hedged",
              "status", "reviewed_by", "reviewed_at", "note", "ocr"),
             required=("id", "fact_id", "predicate", "extractor", "confidence", "status"),
             indexed=("fact_id", "testimony_id", "status"), list_properties=("mark_starts", "mark_ends")),
    NodeType("Mention", "An official as one testimony names him or her: every span of one person in that text, "
             "the parsed name and its context. A Person is a cluster of mentions, made by the resolution stage "
             "(graph/resolve), which records on the mention why it joined its person. distinct_from: mentions of the "
             "same testimony that it says are another person (a namesake); scene_ids: the units and places where the "
             "incidents it perpetrated or ordered took place; not_given: given names of namesakes it "
             "is not (\"not to be confused with Andrei Lomeiko\"); resolution never joins them.",
             ("id", "testimony_id", "local_key", "name", "texts", "starts", "ends", "surname", "given_name",
              "patronymic", "given_is_initial", "gender", "rank", "rank_order", "position", "unit_ids", "scene_ids",
              "date_min", "date_max", "language", "script", "co_named", "name_flags", "person_id",
              "match_probability", "match_reasons", "distinct_from", "not_given"),
             required=("id", "testimony_id", "local_key", "name"), indexed=("testimony_id", "person_id"),
             list_properties=("texts", "starts", "ends", "unit_ids", "scene_ids", "co_named", "name_flags", "distinct_from",
                             "not_given")),
    NodeType("MergeDecision", "An analyst's decision that two mentions are (accepted: must-link) or are not "
             "(refused: cannot-link) one person; the resolution stage obeys it on every run. person_a/person_b "
             "record the persons shown when the decision was taken.",
             ("id", "person_a", "person_b", "mention_a", "mention_b", "status", "decided_by", "decided_at", "note"),
             required=("id", "mention_a", "mention_b", "status"), indexed=("mention_a", "mention_b")),
    NodeType("EventDecision", "An analyst's decision that two incidents tell one event (accepted) or two "
             "(refused); event resolution obeys it on every run. event_a/event_b record the events shown then.",
             ("id", "incident_a", "incident_b", "event_a", "event_b", "status", "decided_by", "decided_at", "note"),
             required=("id", "incident_a", "incident_b", "status"), indexed=("incident_a", "incident_b")),
    NodeType("MergeProposal", "A possible link the resolution stage did not make on its own (the review band, "
             "or a surname-only mention with several candidates); replaced on every resolution run.",
             ("id", "person_a", "person_b", "mention_a", "mention_b", "probability", "reasons", "kind"),
             required=("id", "person_a", "person_b", "mention_a", "mention_b", "probability"),
             indexed=("person_a", "person_b")),
)}

RELATIONSHIPS: dict[str, RelType] = {r.type: r for r in (
    RelType("HELD", "Person held a post (the Post node is the fact claims point at); 'mention' is the "
            "Mention whose testimony told it (resolution moves the link with its mention).", ("Person",), "Post",
            ("mention",), is_fact=False),
    RelType("IN", "The post is in a unit.", ("Post",), "Unit", is_fact=False),
    RelType("SUBORDINATE_TO", "Unit is subordinate to a unit over a dated range; only kind=command feeds chains.",
            ("Unit",), "Unit", ("kind", *_DATE_RANGE), required=("id", "source", "target", "kind")),
    RelType("PERPETRATED", "Person or unit carried out the incident ('mention': the person's Mention).",
            ("Person", "Unit"), "Incident", ("mention",)),
    RelType("ORDERED", "Person ordered the incident ('mention': the person's Mention).", ("Person",), "Incident",
            ("mention",)),
    RelType("PART_OF", "An incident (one testimony's episode) is part of an event (written by the resolution stage, "
            "with the probability of the link and what drove it).", ("Incident",), "Event",
            ("probability", "reasons"), is_fact=False),
    RelType("REFERS_TO", "A mention is of this person (written by the resolution stage, with its probability).",
            ("Mention",), "Person", ("probability",), is_fact=False),
    RelType("OCCURRED_AT", "The incident took place at a place.", ("Incident",), "Place"),
    RelType("SUBJECTED_TO", "A victim (pseudonym) was subjected to the incident.", ("Victim",), "Incident"),
    RelType("GAVE", "A victim (pseudonym) gave the testimony.", ("Victim",), "Testimony", is_fact=False),
    RelType("FROM_SOURCE", "The testimony came through a source.", ("Testimony",), "Source", is_fact=False),
    RelType("CITES", "A claim cites its testimony (written together with the claim).", ("Claim",), "Testimony",
            is_fact=False),
)}


class ModelError(ValueError):
    """A row does not fit the model; the message names the row and the problem."""


def fact_id(kind: str, *parts: object) -> str:
    """Deterministic id of a fact or node: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]
    return f"{kind.lower()}:{digest}"


INDEX_MAX_CHARS = 1000   # an indexed text longer than this is indexed by its start, and kept whole in <prop>_full


def validate_node(label: str, row: dict) -> dict:
    """The row, checked; an indexed text too long for an index (a 20 kB "name" in a hostile file) is
    indexed by a bounded key, its first INDEX_MAX_CHARS characters, and stored whole in ``<prop>_full``."""
    node = NODES.get(label)
    if node is None:
        raise ModelError(f"unknown node label {label!r}")
    row = _validate(f"{label} node", (*node.properties, *(f"{p}_full" for p in node.indexed)), node.required, row)
    for prop in node.indexed:
        value = row.get(prop)
        if isinstance(value, str) and len(value) > INDEX_MAX_CHARS:
            row = {**row, prop: value[:INDEX_MAX_CHARS - 1] + "…", f"{prop}_full": value}
    return row


def validate_relationship(rel_type: str, row: dict) -> dict:
    rel = RELATIONSHIPS.get(rel_type)
    if rel is None:
        raise ModelError(f"unknown relationship type {rel_type!r}")
    return _validate(f"{rel_type} relationship", ("id", "source", "target", *rel.properties), rel.required, row)


def _validate(what: str, allowed: tuple[str, ...], required: tuple[str, ...], row: dict) -> dict:
    unknown = set(row) - set(allowed)
    if unknown:
        raise ModelError(f"{what} {row.get('id')!r}: unknown properties {sorted(unknown)}")
    missing = [p for p in required if row.get(p) in (None, "")]
    if missing:
        raise ModelError(f"{what} {row.get('id')!r}: missing {missing}")
    for prop in ("start_min", "start_max", "end_min", "end_max", "date_min", "date_max"):
        value = row.get(prop)
        if value is not None and not _is_iso_date(value):
            raise ModelError(f"{what} {row.get('id')!r}: {prop}={value!r} is not YYYY-MM-DD")
    statuses = MERGE_STATUSES if what.startswith(("MergeDecision", "EventDecision")) else REVIEW_STATUSES
    if row.get("status") is not None and row["status"] not in statuses:
        raise ModelError(f"{what} {row.get('id')!r}: status {row['status']!r} not in {statuses}")
    if row.get("precision") is not None and row["precision"] not in PRECISIONS:
        raise ModelError(f"{what} {row.get('id')!r}: precision {row['precision']!r} not in {PRECISIONS}")
    if what.startswith("SUBORDINATE_TO") and row.get("kind") not in HIERARCHY_KINDS:
        raise ModelError(f"{what} {row.get('id')!r}: kind {row.get('kind')!r} not in {HIERARCHY_KINDS}")
    conf = row.get("confidence")
    if conf is not None and not (0.0 <= float(conf) <= 1.0):
        raise ModelError(f"{what} {row.get('id')!r}: confidence {conf!r} outside 0..1")
    for prop, value in row.items():  # Neo4j refuses the whole batch otherwise: caught here, for this row only
        if isinstance(value, (list, tuple)) and any(v is None for v in value):
            raise ModelError(f"{what} {row.get('id')!r}: {prop} holds an empty value (a list cannot hold null)")
    return row


def _is_iso_date(value: object) -> bool:
    return (isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"
            and value[:4].isdigit() and value[5:7].isdigit() and value[8:].isdigit())


@dataclass
class GraphBatch:
    """Rows to write, grouped by node label and relationship type (the writer's input)."""
    nodes: dict[str, list[dict]] = field(default_factory=dict)
    relationships: dict[str, list[dict]] = field(default_factory=dict)

    def add_node(self, label: str, row: dict) -> None:
        self.nodes.setdefault(label, []).append(validate_node(label, row))

    def add_relationship(self, rel_type: str, row: dict) -> None:
        self.relationships.setdefault(rel_type, []).append(validate_relationship(rel_type, row))

    def extend(self, other: "GraphBatch") -> None:
        for label, rows in other.nodes.items():
            self.nodes.setdefault(label, []).extend(rows)
        for rel_type, rows in other.relationships.items():
            self.relationships.setdefault(rel_type, []).extend(rows)

    def count(self) -> int:
        return sum(map(len, self.nodes.values())) + sum(map(len, self.relationships.values()))
