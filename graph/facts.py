"""Building model rows for facts together with the claims that back them.

``FactBuilder`` is how ingest, reference data, tests and benchmarks put facts into a
:class:`graph.model.GraphBatch`: each fact gets its deterministic id and one :Claim row
carrying the provenance (testimony, character span, excerpt, extractor, confidence).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from graph import model
from graph.model import COMMAND_ROLES, GraphBatch, fact_id

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class DateRange:
    """A date known to lie in [min, max]; ``precision`` records how it was stated."""
    min: str | None
    max: str | None
    precision: str = "unknown"

    @classmethod
    def parse(cls, text: str | None) -> "DateRange":
        """'2020' -> whole year, '2020-08' -> whole month, '2020-08-10' -> that day, None -> unknown."""
        if not text:
            return UNKNOWN
        match = _PARTIAL_DATE.match(text.strip())
        if not match:
            raise model.ModelError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        if day:
            return cls(text, text, "day")
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return cls(f"{year}-{month}-01", f"{year}-{month}-{last:02d}", "month")
        return cls(f"{year}-01-01", f"{year}-12-31", "year")

    @classmethod
    def between(cls, start: str | None, end: str | None) -> "DateRange":
        """From the earliest day of ``start`` to the last day of ``end`` (either may be partial)."""
        first, last = cls.parse(start), cls.parse(end or start)
        precision = first.precision if first.precision == last.precision else "unknown"
        return cls(first.min, last.max, precision)


UNKNOWN = DateRange(None, None, "unknown")


@dataclass(frozen=True)
class Evidence:
    """Provenance of one claim."""
    extractor: str
    extractor_version: str
    confidence: float
    testimony_id: str | None = None
    source_id: str | None = None
    start: int | None = None
    end: int | None = None
    excerpt: str | None = None
    excerpt_start: int | None = None   # where the excerpt begins in the testimony (to highlight the span)
    hedged: bool = False
    status: str = "machine"
    marks: tuple[tuple[int, int], ...] = ()  # spans to highlight inside the claimed one: a relation's two ends
    ocr: bool = False                         # the testimony's text was read by OCR from a scan or photo


def _precision(*ranges: DateRange) -> str:
    known = [r.precision for r in ranges if r.precision != "unknown"]
    if not known:
        return "unknown"
    order = model.PRECISIONS
    return max(known, key=order.index)  # the coarsest precision stated


class FactBuilder:
    def __init__(self, batch: GraphBatch | None = None):
        self.batch = batch or GraphBatch()

    # -- claims ------------------------------------------------------------------------------
    def claim(self, fact: str, predicate: str, evidence: Evidence) -> str:
        claim_id = fact_id("claim", fact, predicate, evidence.testimony_id or evidence.source_id, evidence.start,
                           evidence.end, evidence.extractor)
        row = {"id": claim_id, "fact_id": fact, "predicate": predicate, "extractor": evidence.extractor,
               "extractor_version": evidence.extractor_version, "confidence": float(evidence.confidence),
               "status": evidence.status, "hedged": evidence.hedged}
        if evidence.ocr:
            row["ocr"] = True
        for key in ("testimony_id", "source_id", "start", "end", "excerpt", "excerpt_start"):
            if getattr(evidence, key) is not None:
                row[key] = getattr(evidence, key)
        if evidence.marks:
            row["mark_starts"], row["mark_ends"] = [s for s, _ in evidence.marks], [e for _, e in evidence.marks]
        self.batch.add_node("Claim", row)
        return claim_id

    # -- entities (a mention claim is added when evidence is given) ---------------------------
    def entity(self, label: str, row: dict, evidence: Evidence | None = None) -> str:
        self.batch.add_node(label, {k: v for k, v in row.items() if v is not None})
        if evidence:
            self.claim(row["id"], "MENTION", evidence)
        return row["id"]

    # -- facts -------------------------------------------------------------------------------
    def post(self, person_id: str, unit_id: str, role: str, evidence: Evidence, *, title: str | None = None,
             rank: str | None = None, start: DateRange = UNKNOWN, end: DateRange = UNKNOWN,
             predicate: str = "HELD_POSITION", observed: bool = False, mention: str | None = None,
             seen_at: list[str] | None = None) -> str:
        """A post with its dates. ``observed=True``: the dates only say when the person was seen in post
        (start <= start.max, end >= end.min); all observations of one person, unit and role share one
        Post whose window widens as observations are added (see cypher/write/merge_post.cypher).
        ``mention``: the Mention (one testimony's naming of the person) that tells it; the post is then
        that mention's, and the resolution stage moves it with the mention to the person it resolves to.
        ``seen_at``: the incidents during which the testimony saw the person in this post."""
        holder = mention or person_id
        post_id = fact_id("post", holder, unit_id, role, "observed") if observed else \
            fact_id("post", holder, unit_id, role, start.min, start.max, end.min, end.max)
        row = {"id": post_id, "role": role, "title": title, "rank": rank, "command": role in COMMAND_ROLES,
               "start_min": start.min, "start_max": start.max, "end_min": end.min, "end_max": end.max,
               "precision": _precision(start, end), "seen_at": seen_at or None}
        self.batch.add_node("Post", {k: v for k, v in row.items() if v is not None})
        held = {"id": fact_id("held", holder, post_id), "source": person_id, "target": post_id}
        self.batch.add_relationship("HELD", {**held, "mention": mention} if mention else held)
        self.batch.add_relationship("IN", {"id": fact_id("in", post_id, unit_id), "source": post_id,
                                           "target": unit_id})
        self.claim(post_id, predicate, evidence)
        return post_id

    def subordinate(self, unit_id: str, parent_id: str, kind: str, evidence: Evidence, *,
                    start: DateRange = UNKNOWN, end: DateRange = UNKNOWN) -> str:
        rel_id = fact_id("subordinate_to", unit_id, parent_id, kind, start.min, start.max, end.min, end.max)
        row = {"id": rel_id, "source": unit_id, "target": parent_id, "kind": kind, "start_min": start.min,
               "start_max": start.max, "end_min": end.min, "end_max": end.max, "precision": _precision(start, end)}
        self.batch.add_relationship("SUBORDINATE_TO", {k: v for k, v in row.items() if v is not None})
        self.claim(rel_id, "SUBORDINATE_TO", evidence)
        return rel_id

    def link(self, rel_type: str, source: str, target: str, evidence: Evidence | None = None,
             mention: str | None = None) -> str:
        """PERPETRATED, ORDERED, OCCURRED_AT, SUBJECTED_TO (facts) or GAVE, FROM_SOURCE (structure).
        ``mention``: a person's act is keyed on the Mention that tells it (see ``post``)."""
        rel_id = fact_id(rel_type, mention or source, target)
        row = {"id": rel_id, "source": source, "target": target}
        self.batch.add_relationship(rel_type, {**row, "mention": mention} if mention else row)
        if model.RELATIONSHIPS[rel_type].is_fact:
            if evidence is None:
                raise model.ModelError(f"{rel_type} {source}->{target} is a fact and needs evidence")
            self.claim(rel_id, rel_type, evidence)
        return rel_id

    def incident(self, incident_id: str, when: DateRange, evidence: Evidence | None = None, *,
                 label: str | None = None, violations: list[str] | None = None, stage: str | None = None) -> str:
        return self.entity("Incident", {"id": incident_id, "label": label, "date_min": when.min,
                                        "date_max": when.max, "precision": when.precision,
                                        "violations": violations or [], "stage": stage}, evidence)
