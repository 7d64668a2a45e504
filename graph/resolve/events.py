"""One event across testimonies: incidents (episodes, one testimony each) joined into events.

Two testimonies telling the beating in the yard of the same district police department on the same
night tell one event. Incidents are scored in pairs by the same Fellegi-Sunter machinery as persons
(``linkage.score_pairs`` with the ``EVENTS`` model): date, place or facility, the units that carried them
out or ordered them and the persons who carried them out, the stage of detention (arrest, van, police department, detention
facility, court, interrogation, search) and violations. They join when the probability is at least
``AUTO_LINK`` and they tell enough in common (``_told_in_common``): the same day and two of place, unit
and an official named in both, or the same day, stage and official. An incident its testimony does not
date, or dates only to the month, joins the event told to the day (within its range) of the same stage that
shares the most officials with it, then the place, then the unit; never on a tie (``_undated_joins``). The
event stays consistent: never two incidents of one testimony, dates that can all overlap, one stage, and a
place, unit and official in common wherever both sides name one. Every incident is part of exactly one event
(alone, if need be); corroboration is the number of testimonies behind an event.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from graph.resolve.linkage import Model, ScoredPair, level_label, score_pairs

AUTO_LINK = 0.80

EVENT_LEVELS: dict[str, tuple[str, list[tuple[str, str, float, float]]]] = {
    "date": ("date_lo_l IS NULL OR date_lo_r IS NULL", [
        ("date_lo_l = date_hi_l AND date_lo_r = date_hi_r AND date_lo_l = date_lo_r", "the same day", 0.70, 0.03),
        ("date_lo_l <= date_hi_r AND date_lo_r <= date_hi_l", "dates that may overlap", 0.28, 0.07),
        ("ELSE", "different dates", 0.02, 0.90)]),
    "place": ("len(places_l) = 0 OR len(places_r) = 0", [
        ("len(list_intersect(places_l, places_r)) > 0", "the same place or facility", 0.85, 0.10),
        ("ELSE", "different places", 0.15, 0.90)]),
    "unit": ("len(units_l) = 0 OR len(units_r) = 0", [
        ("len(list_intersect(units_l, units_r)) > 0", "the same unit acted", 0.80, 0.15),
        ("ELSE", "different units acted", 0.20, 0.85)]),
    "persons": ("len(persons_l) = 0 OR len(persons_r) = 0", [
        ("len(list_intersect(persons_l, persons_r)) > 0", "an official named in both", 0.60, 0.01),
        ("ELSE", "different officials named", 0.40, 0.99)]),
    "stage": ("stage_l IS NULL OR stage_r IS NULL", [
        ("stage_l = stage_r", "the same stage of detention", 0.95, 0.30),
        ("ELSE", "another stage of detention", 0.05, 0.70)]),
    "violations": ("len(violations_l) = 0 OR len(violations_r) = 0", [
        ("len(list_intersect(violations_l, violations_r)) > 0", "a violation in common", 0.90, 0.50),
        ("ELSE", "other violations", 0.10, 0.50)]),
}
# Incidents are compared only when they could be one event (``_told_in_common``): the same first day and
# two of place, unit and official (the least of each), or the same first day, stage and an official in
# common: a day alone would compare every incident of a busy day with every other.
EVENTS = Model(EVENT_LEVELS, (("date_lo", "place0", "unit0"), ("date_lo", "place0", "person0"),
                              ("date_lo", "unit0", "person0"),
                              "l.date_lo = r.date_lo AND l.stage = r.stage AND list_has_any(l.persons, r.persons)",
                              "(l.date_lo IS NULL OR r.date_lo IS NULL) AND l.stage = r.stage "
                              "AND list_has_any(l.persons, r.persons)"),
               ("places", "units", "persons", "violations"), 0.2, "date_lo")


def _day(value: str | None) -> int | None:
    return date.fromisoformat(value).toordinal() if value else None


def event_features(record: dict) -> dict:
    """An incident record (from cypher/read/event_records) as the fields the model compares."""
    places, units, persons = (sorted(record.get(k) or []) for k in ("places", "units", "persons"))
    return {"unique_id": record["id"], "date_lo": _day(record.get("date_min")), "date_hi": _day(record.get("date_max")),
            "stage": record.get("stage"),
            "places": places, "units": units, "persons": persons, "violations": sorted(record.get("violations") or []),
            "place0": places[0] if places else None, "unit0": units[0] if units else None,
            "person0": persons[0] if persons else None}


@dataclass
class EventGroup:
    members: list[str]
    testimonies: set[str]
    lo: int | None
    hi: int | None
    places: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    stages: set[str] = field(default_factory=set)
    apart: set[str] = field(default_factory=set)     # incidents an analyst said tell another event

    def kept_apart(self, other: "EventGroup") -> bool:
        """An analyst said an incident of one tells another event than an incident of the other."""
        return bool(self.apart & set(other.members) or other.apart & set(self.members))

    def consistent_with(self, other: "EventGroup") -> bool:
        if self.kept_apart(other):
            return False
        if self.testimonies & other.testimonies:
            return False  # a testimony's episodes are distinct by construction
        if len(self.stages | other.stages) > 1:
            return False  # the van and the police department are two events, even with the same officers
        if None not in (self.lo, self.hi, other.lo, other.hi) and (max(self.lo, other.lo) > min(self.hi, other.hi)):
            return False
        # where both name the place, the unit or the officials, they must share one
        return all(not (mine and theirs) or bool(mine & theirs) for mine, theirs in (
            (self.places, other.places), (self.units, other.units), (self.persons, other.persons)))

    def absorb(self, other: "EventGroup") -> None:
        self.members += other.members
        self.testimonies |= other.testimonies
        known = [x for x in (self.lo, other.lo) if x is not None]
        self.lo = max(known) if known else None
        known = [x for x in (self.hi, other.hi) if x is not None]
        self.hi = min(known) if known else None
        self.places |= other.places
        self.units |= other.units
        self.persons |= other.persons
        self.stages |= other.stages
        self.apart |= other.apart


@dataclass
class EventResolution:
    event_of: dict[str, str]            # incident id -> event id
    probability: dict[str, float]       # incident id -> probability of its link (1.0: first of its event)
    reasons: dict[str, dict]            # incident id -> what drove the link
    events: dict[str, list[str]]        # event id -> incident ids


def resolve_events(records: list[dict], must: list[tuple[str, str]] = (),
                   cannot: list[tuple[str, str]] = ()) -> EventResolution:
    """``must``/``cannot``: analysts' decisions (pairs of incidents that tell one event / two events)."""
    features = {r["id"]: event_features(r) for r in records}
    testimony = {r["id"]: r["testimony_id"] for r in records}
    decided = {i for pair in [*must, *cannot] for i in pair}
    forms = _forms(features, testimony, decided)
    form_of = {incident: form for form, members in forms.items() for incident in members}
    groups = {}
    for form, members in forms.items():
        f = features[form]
        groups[form] = EventGroup(list(members), {testimony[m] for m in members}, f["date_lo"], f["date_hi"],
                                  set(f["places"]), set(f["units"]), set(f["persons"]), {f["stage"]} - {None})
    for a, b in cannot:
        if a in groups and b in groups:
            groups[a].apart.add(b)
            groups[b].apart.add(a)
    parent = {form: form for form in forms}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    probability, reasons = {}, {}
    for a, b in must:  # an analyst's confirmation comes first and needs no evidence in common
        if a not in groups or b not in groups:
            continue
        ra, rb = root(a), root(b)
        if ra != rb and not groups[ra].kept_apart(groups[rb]):
            parent[rb] = ra
            groups[ra].absorb(groups.pop(rb))
            probability[b], reasons[b] = 1.0, {"with": [a, b], "probability": 1.0, "analyst": True}
    pairs = score_pairs([features[form] for form in forms], min_probability=AUTO_LINK, model=EVENTS)
    for pair in sorted(pairs, key=lambda p: (-p.probability, p.left, p.right)):
        if not _told_in_common(pair):
            continue
        a, b = root(pair.left), root(pair.right)
        if a == b or not groups[a].consistent_with(groups[b]):
            continue
        if len(groups[a].members) < len(groups[b].members):
            a, b = b, a
        joined = pair.left if pair.left in groups[b].members else pair.right   # the side that joins
        parent[b] = a
        groups[a].absorb(groups.pop(b))
        probability[joined] = pair.probability
        reasons[joined] = _why(pair)
    for form, event, share, why in _undated_joins(groups):
        a, b = root(event), root(form)
        if a != b and groups[a].consistent_with(groups[b]):
            parent[b] = a
            groups[a].absorb(groups.pop(b))
            probability[form], reasons[form] = share, {"with": [event, form], "probability": share, **why}
    for form, members in forms.items():  # incidents told alike join their form's event
        for incident in members[1:]:
            probability[incident] = 1.0
            reasons[incident] = {"with": [form, incident], "probability": 1.0, "told_alike": True}
    events: dict[str, list[str]] = defaultdict(list)
    for incident in features:
        events[root(form_of[incident])].append(incident)
    event_of, named = {}, {}
    for members in events.values():
        event_id = "event:" + hashlib.sha1(min(members).encode()).hexdigest()[:16]
        named[event_id] = sorted(members)
        for incident in members:
            event_of[incident] = event_id
            probability.setdefault(incident, 1.0)
            reasons.setdefault(incident, {})
    return EventResolution(event_of, probability, reasons, named)


def _forms(features: dict[str, dict], testimony: dict[str, str], decided: set[str] = frozenset()) -> dict[str, list[str]]:
    """Incidents told alike (the same day, places, units and officials) that already tell enough in common
    to be one event are compared once, as one form: a busy day (hundreds beaten at Okrestina on 11 August
    2020 by its guards) would otherwise compare every account with every other. A form never holds two
    incidents of one testimony. Returns form id (its first incident) -> incident ids."""
    buckets: dict[tuple, list[str]] = {}
    seen: dict[tuple, int] = defaultdict(int)
    for incident, f in sorted(features.items()):
        stated = [bool(f["places"]), bool(f["units"]), bool(f["persons"])]
        enough = f["date_lo"] is not None and f["date_lo"] == f["date_hi"] and (f["units"] or f["persons"]) \
            and (sum(stated) >= 2 or (f["persons"] and f["stage"]))
        key = (f["date_lo"], f["stage"], tuple(f["places"]), tuple(f["units"]), tuple(f["persons"])) \
            if enough and incident not in decided else (incident,)  # an incident an analyst decided on is a form of its own
        occurrence = seen[(key, testimony[incident])]
        seen[(key, testimony[incident])] += 1
        buckets.setdefault((key, occurrence), []).append(incident)
    return {members[0]: members for members in buckets.values()}


def _undated_joins(groups: dict[str, EventGroup]) -> list[tuple[str, str, float, dict]]:
    """An incident its testimony does not date ("At the Sovetsky RUVD Captain X beat me"), bounds only by when
    it was written down, or dates only to the month ("в августе"), joins the event told to the day (inside its
    range) that shares the most with it: the same stage of detention, an official named in both, places,
    units and officials consistent. Evidence in common ranks the candidates (officials named in both, then
    the place, then the unit); with two candidates sharing as much, it stays apart: a guess is not evidence.
    Returns (incident group, event group, the share of the candidates' officials in common that the chosen
    one holds, why)."""
    by_stage_and_person: dict[tuple, set[str]] = defaultdict(set)
    for key, group in groups.items():
        if group.lo is not None and len(group.stages) == 1:
            for person in group.persons:
                by_stage_and_person[(next(iter(group.stages)), person)].add(key)
    joins = []
    for key, group in sorted(groups.items()):
        vague = group.lo is None or (group.hi is not None and group.hi > group.lo)  # undated, or "в августе"
        if not vague or not group.persons or len(group.stages) != 1:
            continue
        stage = next(iter(group.stages))
        scored = []
        for other in sorted(set().union(*(by_stage_and_person.get((stage, p), set()) for p in group.persons))):
            event = groups[other]
            if other == key or not group.consistent_with(event) or (group.hi is not None and event.lo > group.hi) \
                    or (group.lo is not None and (event.hi is None or event.hi > event.lo or event.hi < group.lo)):
                continue  # a vaguely dated account meets only an event told to the day, inside its range
            scored.append(((len(group.persons & event.persons), bool(group.places & event.places),
                            bool(group.units & event.units)), other))
        scored.sort(key=lambda x: x[0], reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            (common, place, unit), event = scored[0]
            share = round(common / sum(c[0] for c, _ in scored), 4)
            joins.append((key, event, share, {"undated": group.lo is None, "dated_vaguely": group.lo is not None,
                                               "officials_in_common": common, "place_in_common": place,
                                               "unit_in_common": unit, "candidates": len(scored)}))
    return joins


def _told_in_common(pair: ScoredPair) -> bool:
    """Enough told in common to be one event: the same day and at least two of the place, the unit and
    an official named in both, one of them an agent; or the same day, the same stage of detention and an
    official named in both. A date and a place alone do not make one event (many were beaten at Okrestina
    on 11 August 2020), nor does a busy official alone (the same officers at the arrest and in the van)."""
    common = {name for name in ("place", "unit", "persons", "date", "stage") if pair.levels.get(name) == (
        2 if name == "date" else 1)}
    if "date" not in common or pair.levels.get("stage") == 0:
        return False
    return (("persons" in common or "unit" in common) and len(common - {"stage"}) >= 3) or \
        {"persons", "stage"} <= common


def _why(pair: ScoredPair) -> dict:
    return {"with": [pair.left, pair.right], "probability": round(pair.probability, 4), "weights": pair.weights,
            "levels": {name: level_label(name, gamma, EVENTS) for name, gamma in pair.levels.items()}}
