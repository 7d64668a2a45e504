"""Command responsibility: from an incident (or a unit and a date window) up to every superior.

For an incident: the persons and units who carried it out or ordered it, the unit each
person's post was in at that time, the unit in whose premises it took place (role ``custody``: a
police department, Okrestina, a court; its head answers for the treatment of those held there), and
for each of those units the chain of superior units through *command* links in force at that date, with
the command posts held then. Every step
carries the claims behind it; a step whose claims were all rejected by analysts is dropped.

Certainty: a step is ``certain`` when its dates surely cover the whole incident range, or when a
testimony saw the commander in that post during the incident itself, and ``possible`` when they may
overlap it; a chain row is certain only if every step is.

Nothing is skipped: a level whose commander at that date is not known keeps its step with no commander,
and a chain that stops below the top of its structure (the unit has superiors at other dates, or is not
one of the gazetteer's top bodies) ends with a step marked unknown (``known`` false).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import neo4j

from graph import posts, queries
from nlp import lexicon as lexicon_module

MAX_LEVELS = 12


@dataclass
class ChainStep:
    level: int                      # 0: the agent's own unit, 1: its superior, ...
    unit_id: str
    unit_name: str
    link_ids: list[str]
    link_certainty: str
    commander_id: str | None = None
    commander_name: str | None = None
    commander_post: dict | None = None
    commander_certainty: str | None = None
    known: bool = True              # False: the superior unit at this level is not known at that date

    @property
    def certainty(self) -> str:
        if not self.known:
            return "unknown"
        parts = [self.link_certainty] + ([self.commander_certainty] if self.commander_certainty else [])
        return "certain" if all(p == "certain" for p in parts) else "possible"

    @property
    def fact_ids(self) -> list[str]:
        return self.link_ids + (list(self.commander_post["ids"]) if self.commander_post else [])


@dataclass
class AgentChain:
    agent_id: str
    agent_name: str
    agent_kind: str                 # Person or Unit
    role: str                       # perpetrated, ordered or custody
    act_id: str
    post: dict | None
    post_certainty: str | None
    unit_id: str | None
    unit_name: str | None
    steps: list[ChainStep] = field(default_factory=list)
    unit_inferred_from: str | None = None   # no post stated: the unit of the one who ordered it, or the acting unit


@dataclass
class CommandChain:
    window: tuple[str, str]
    incident: dict | None
    agents: list[AgentChain]
    claims: dict[str, list[dict]]   # fact id -> claims (not rejected)
    during: frozenset = frozenset()  # the incident and the other accounts of its event (posts seen then count)

    def evidence(self, fact_id: str) -> list[dict]:
        return self.claims.get(fact_id, [])

    def corroboration(self, fact_id: str) -> int:
        """Number of distinct testimonies behind a fact, an account told twice counted once (claims from
        reference sources do not count)."""
        return corroboration(self.evidence(fact_id))

    def superiors(self) -> list[tuple[ChainStep, str]]:
        """Every (step with a commander, overall certainty) above the agents, once per level, unit and
        commander (the most certain reading kept), certain ones first."""
        best: dict[tuple, tuple[ChainStep, str]] = {}
        for agent in self.agents:
            for step in agent.steps:
                if step.commander_id:
                    overall = "certain" if step.certainty == "certain" and agent.post_certainty in (
                        "certain", None) else "possible"
                    key = (step.level, step.unit_id, step.commander_id)
                    if key not in best or (overall == "certain" and best[key][1] != "certain"):
                        best[key] = (step, overall)
        return sorted(best.values(), key=lambda r: (r[1] != "certain", r[0].level, r[0].commander_name or ""))

    def levels(self) -> list[tuple[ChainStep, str]]:
        """Every step above and including the agents' units, once per level, unit and commander, by level:
        the superiors with their certainty, and the gaps: a level whose commander is not known then
        ("unknown commander") and a superior unit not known at that date ("unknown")."""
        rows: dict[tuple, tuple[ChainStep, str]] = {(s.level, s.unit_id, s.commander_id): (s, c)
                                                    for s, c in self.superiors()}
        for agent in self.agents:
            for step in agent.steps:
                if not step.known:
                    rows.setdefault((step.level, None, "?unit"), (step, "unknown"))
                elif not step.commander_id and not any(k[:2] == (step.level, step.unit_id) for k in rows):
                    rows.setdefault((step.level, step.unit_id, None), (step, "unknown commander"))
        return sorted(rows.values(), key=lambda r: (r[0].level, r[0].unit_name or "", r[1] != "certain",
                                                    r[0].commander_name or ""))


def _run(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    return queries.read(driver, database, name, **params)


def superior_steps(driver: neo4j.Driver, unit_id: str, wmin: str, wmax: str, database: str = "neo4j",
                   max_levels: int = MAX_LEVELS, incident_id: str | frozenset | None = None) -> list[ChainStep]:
    """The chain of superiors of a unit over [wmin, wmax]; ``incident_id``: the incident (or the incidents of
    its event) during which a commander seen in post is certain."""
    rows = _run(driver, database, "command_chain", unit_id=unit_id, wmin=wmin, wmax=wmax, max_levels=max_levels)
    steps: dict[tuple, ChainStep] = {}
    held: dict[tuple, list[dict]] = {}
    for row in rows:  # one step per level, unit, commander and role; their posts' sightings joined
        post = row["commander_post"]
        key = (row["level"], row["unit_id"], tuple(row["link_ids"]), row["commander_id"], post and post.get("role"))
        steps.setdefault(key, ChainStep(**{**row, "commander_post": None, "commander_certainty": None}))
        if post:
            held.setdefault(key, []).append({**post, "unit_id": row["unit_id"]})
    for key, step_posts in held.items():
        step = steps[key]
        step.commander_post = posts.joined(step_posts)[0]
        step.commander_certainty = posts.certainty(step.commander_post, wmin, wmax, incident_id)
    found = list(steps.values())
    if found:
        top = max(s.level for s in found)
        tops = sorted({s.unit_id for s in found if s.level == top})
        linked = {r["unit_id"] for r in _run(driver, database, "units_with_command_links", unit_ids=tops)
                  if r["has_command_link"]}
        if any(u in linked or u not in _top_bodies() for u in tops):
            found.append(ChainStep(top + 1, "", "", [], "unknown", known=False))
    return found


def _top_bodies() -> frozenset[str]:
    """The gazetteer's units with no superior (ministries, state committees): where a chain may end."""
    return frozenset(u.id for u in lexicon_module.load().units.values() if not u.parent)


def corroboration(claims: list[dict]) -> int:
    """Distinct accounts among the testimonies the claims cite (a near-duplicate re-telling is one)."""
    return len({c.get("account") or c["testimony_id"] for c in claims if c.get("testimony_id")})


def claims_for(driver: neo4j.Driver, fact_ids: list[str], database: str = "neo4j",
               testimony_ids: list[str] | None = None) -> dict[str, list[dict]]:
    """Claims per fact id, rejected ones left out; with ``testimony_ids``, only those citing one of them
    (and reference sources' claims)."""
    claims: dict[str, list[dict]] = {}
    for row in _run(driver, database, "claims_for_facts", fact_ids=sorted(set(fact_ids)),
                    testimony_ids=testimony_ids):
        claim = row["claim"]
        if claim.get("status") == "rejected":
            continue
        claim["testimony_language"] = row["testimony_language"]
        claim["account"] = row["account"]
        claim["testimony_consent"] = row["testimony_consent"]
        claims.setdefault(claim["fact_id"], []).append(claim)
    return claims


def command_chain_for_unit(driver: neo4j.Driver, unit_id: str, date_from: str, date_to: str,
                           database: str = "neo4j") -> CommandChain:
    steps = superior_steps(driver, unit_id, date_from, date_to, database)
    claims = claims_for(driver, [f for s in steps for f in s.fact_ids], database)
    steps = [s for s in steps if _supported(s, claims)]
    unit_name = steps[0].unit_name if steps else None
    agent = AgentChain(unit_id, unit_name or unit_id, "Unit", "selected", "", None, None, unit_id, unit_name, steps)
    return CommandChain((date_from, date_to), None, [agent] if steps else [], claims)


def command_chain_for_incident(driver: neo4j.Driver, incident_id: str, database: str = "neo4j") -> CommandChain | None:
    """The chain for one incident, or None when no incident has that id."""
    rows = _run(driver, database, "incident_agents", incident_id=incident_id)
    if not rows:
        exists = _run(driver, database, "incident_by_id", incident_id=incident_id)
        if not exists:
            return None
        incident = exists[0]["incident"]
        return CommandChain((incident.get("date_min") or "0000-01-01", incident.get("date_max") or "9999-12-31"),
                            incident, [], {})
    wmin, wmax, incident = rows[0]["wmin"], rows[0]["wmax"], rows[0]["incident"]
    inferred_date = bool(incident.get("dated_by_event"))
    # a post seen during another dated account of the same event counts as seen during this one; not when
    # this account's date is only its event's (its place in the event is itself an inference)
    during = frozenset([incident_id] if inferred_date else [incident_id, *(rows[0].get("event_incidents") or [])])
    agents = _agents(rows, wmin, wmax, during)
    _infer_units(agents)
    steps_by_unit: dict[str, list[ChainStep]] = {}
    for agent in agents:
        if agent.unit_id and agent.unit_id not in steps_by_unit:
            steps_by_unit[agent.unit_id] = superior_steps(driver, agent.unit_id, wmin, wmax, database,
                                                          incident_id=during)
    if inferred_date:  # dates read off the event are evidence of the likely commander, not proof
        for step in (s for steps in steps_by_unit.values() for s in steps):
            if step.commander_certainty == "certain" and not posts.seen_during(step.commander_post, during):
                step.commander_certainty = "possible"
        for agent in agents:
            if agent.post_certainty == "certain" and agent.post and not posts.seen_during(agent.post, during):
                agent.post_certainty = "possible"
    fact_ids = [a.act_id for a in agents] + [i for a in agents if a.post for i in a.post["ids"]]
    fact_ids += [f for steps in steps_by_unit.values() for s in steps for f in s.fact_ids]
    claims = claims_for(driver, fact_ids, database)
    kept = []
    for agent in agents:
        if agent.act_id not in claims:
            continue  # the act itself is unsupported (all its claims rejected)
        if agent.post and not any(i in claims for i in agent.post["ids"]):
            agent.post = agent.post_certainty = agent.unit_id = agent.unit_name = None
        if agent.agent_kind == "Person" and agent.unit_id is None and any(
                k.agent_id == agent.agent_id and k.unit_id for k in agents if k is not agent):
            continue  # the same person already appears with a supported unit
        # an agent is never his own superior: his own chain shows his level without him (a copy: the steps of a
        # unit are shared by its agents, and he stays the superior of the others he commanded)
        agent.steps = [replace(s, commander_id=None, commander_name=None, commander_post=None, commander_certainty=None)
                       if s.commander_id == agent.agent_id else s
                       for s in steps_by_unit.get(agent.unit_id, []) if _supported(s, claims)]
        kept.append(agent)
    return CommandChain((wmin, wmax), incident, _dedupe(kept), claims, during)


def as_json(result: CommandChain) -> dict:
    """The chain for other tools (``python -m graph chain INCIDENT_ID --json``): the incident, each agent
    with its unit at that date, and one step per level, unit and commander with its certainty and the
    fact ids behind it (claims are looked up by fact id)."""
    def post(p: dict | None) -> dict | None:
        return None if p is None else {k: p.get(k) for k in ("role", "title", "rank", "start_min", "start_max",
                                                              "end_min", "end_max", "precision", "seen_at")} | {
            "fact_ids": list(p.get("ids", [p.get("id")]))}

    incident = result.incident or {}
    return {
        "incident": {k: incident.get(k) for k in ("id", "label", "date_min", "date_max", "precision", "violations")},
        "window": list(result.window),
        "dated_by_event": incident.get("dated_by_event"),
        "agents": [{
            "id": a.agent_id, "name": a.agent_name, "kind": a.agent_kind, "role": a.role, "act_fact_id": a.act_id,
            "corroboration": result.corroboration(a.act_id),
            "unit": {"id": a.unit_id, "name": a.unit_name, "post": post(a.post), "certainty": a.post_certainty,
                     "inferred_from": a.unit_inferred_from,
                     "reason": post_reason(a.post, result) if a.post else
                     inferred_reason(a, result.agents) if a.unit_inferred_from else None}
            if a.unit_id else None,
            "steps": [{"level": s.level, "known": s.known, "unit_id": s.unit_id or None, "unit": s.unit_name or None,
                       "link_fact_ids": s.link_ids,
                       "link_certainty": s.link_certainty, "commander_id": s.commander_id,
                       "commander": s.commander_name, "commander_post": post(s.commander_post),
                       "commander_certainty": s.commander_certainty,
                       "commander_reason": post_reason(s.commander_post, result)
                       if s.commander_post else None, "certainty": s.certainty,
                       "fact_ids": s.fact_ids} for s in a.steps]}
            for a in result.agents],
    }


def _agents(rows: list[dict], wmin: str, wmax: str, during: frozenset) -> list[AgentChain]:
    """One agent per act, unit and role of post; the sightings of one post in several testimonies joined."""
    agents: dict[tuple, AgentChain] = {}
    held: dict[tuple, list[dict]] = {}
    for r in rows:
        key = (r["act_id"], r["unit_id"], r["post"] and r["post"].get("role"))
        agents.setdefault(key, AgentChain(r["agent_id"], r["agent_name"], r["agent_kind"], r["role"], r["act_id"],
                                          None, None, r["unit_id"], r["unit_name"]))
        if r["post"]:
            held.setdefault(key, []).append({**r["post"], "unit_id": r["unit_id"]})
    for key, agent_posts in held.items():
        agents[key].post = posts.joined(agent_posts)[0]
        agents[key].post_certainty = posts.certainty(agents[key].post, wmin, wmax, during)
    return list(agents.values())


def _supported(step: ChainStep, claims: dict[str, list[dict]]) -> bool:
    """Links of the hierarchy and command posts must each have a claim that is not rejected."""
    if any(link not in claims for link in step.link_ids):
        return False
    if step.commander_post and not any(i in claims for i in step.commander_post["ids"]):
        step.commander_id = step.commander_name = step.commander_post = step.commander_certainty = None
    return True


def post_reason(post: dict, result: CommandChain) -> str:
    """Why a post is certain or possible for the incident, in words (``posts.reason``), and when the incident's
    dates are its event's, that they are: a post they cover is then possible, not certain."""
    said = posts.reason(post, *result.window, result.during)
    if (result.incident or {}).get("dated_by_event") and not posts.seen_during(post, result.during):
        said += " (dates of its event: this testimony does not date the incident, so at most possible)"
    return said


def inferred_reason(agent: AgentChain, agents: list[AgentChain]) -> str:
    """Why an agent's unit was inferred, in words."""
    source = next((a for a in agents if a.agent_id == agent.unit_inferred_from), None)
    if source is not None and source.agent_kind == "Person":
        return f"no post stated: {source.agent_name} of this unit ordered it"
    return "no post stated: this unit is named as carrying it out"


def _infer_units(agents: list[AgentChain]) -> None:
    """A perpetrator whose post no testimony states for that time answers, for this incident, to the one unit
    that directed it: the unit of the person who ordered it ("по приказу командира Гомельского ОМОНа
    Лебедевой"), else the unit named as carrying it out ("сотрудники ОМОНа избивали"). The unit is marked
    inferred and its certainty is at most possible; the commanders above keep their own certainty."""
    sources = [a for a in agents if a.role == "ordered" and a.agent_kind == "Person" and a.unit_id] or \
              [a for a in agents if a.role == "perpetrated" and a.agent_kind == "Unit"]
    units = {a.unit_id: a for a in sources}
    if len(units) != 1:
        return
    (unit_id, source), = units.items()
    for agent in agents:
        if agent.agent_kind == "Person" and agent.role == "perpetrated" and not agent.unit_id and \
                not any(k.agent_id == agent.agent_id and k.unit_id for k in agents):
            agent.unit_id, agent.unit_name, agent.post_certainty = unit_id, source.unit_name, "possible"
            agent.unit_inferred_from = source.agent_id


def _dedupe(agents: list[AgentChain]) -> list[AgentChain]:
    seen, result = set(), []
    for agent in agents:
        key = (agent.agent_id, agent.role, agent.post["id"] if agent.post else None)
        if key not in seen:
            seen.add(key)
            result.append(agent)
    return result
