"""Analysts' decisions, written as data: a claim's status (``review_claim``), MergeDecision nodes between
mentions (``decide_merge``, ``split_person``) and EventDecision nodes between incidents (``confirm_event``,
``split_event``), which every resolution run obeys; and the queue of what waits for review. Plain
functions over named queries (cypher/read, cypher/write), no Streamlit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from graph import model
from graph.explore import incident_event
from graph.queries import Store
from graph.writer import BatchWriter


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


