"""The time-aware command chain on the fictional hierarchy in tests/hierarchy.py."""
import pytest

from graph import chain
from graph.writer import BatchWriter
from tests import hierarchy

pytestmark = pytest.mark.neo4j


@pytest.fixture
def loaded(db):
    driver, database = db
    BatchWriter(driver, database).write(hierarchy.build().batch)
    return driver, database


def commanders(result: chain.CommandChain, agent_id: str) -> dict:
    agent = next(a for a in result.agents if a.agent_id == agent_id)
    return {(s.level, s.unit_id, s.commander_id): s.certainty for s in agent.steps if s.commander_id}


def test_chain_on_a_precise_date_has_the_commander_of_that_date(loaded):
    driver, database = loaded
    result = chain.command_chain_for_incident(driver, "incident:aug10", database)
    assert result.window == ("2020-08-10", "2020-08-10")
    lisin = next(a for a in result.agents if a.agent_id == "person:lisin")
    assert (lisin.unit_id, lisin.post_certainty, lisin.role) == ("unit:omon", "certain", "perpetrated")
    assert commanders(result, "person:lisin") == {
        (0, "unit:omon", "person:drozdov"): "certain",      # 2018-05 .. 2020-11 covers 10 Aug 2020
        (1, "unit:guvd", "person:sokolenko"): "possible",   # started in 2019, end unknown
        (2, "unit:mvd", "person:belsky"): "certain",        # 2019-11-10 .. some day in 2021
    }
    # Vetrov took command in December 2020; the administrative link to the DOP never feeds a chain.
    all_units = {s.unit_id for a in result.agents for s in a.steps}
    assert "person:vetrov" not in {s.commander_id for a in result.agents for s in a.steps}
    assert "unit:dop" not in all_units
    # Orlov's post is known only to the month (August 2020): possible, via the RUVD.
    orlov = next(a for a in result.agents if a.agent_id == "person:orlov")
    assert (orlov.unit_id, orlov.post_certainty) == ("unit:ruvd", "possible")
    assert [s.unit_id for s in orlov.steps] == ["unit:ruvd", "unit:guvd", "unit:mvd"]


def test_every_step_carries_its_claims(loaded):
    driver, database = loaded
    result = chain.command_chain_for_incident(driver, "incident:aug10", database)
    lisin = next(a for a in result.agents if a.agent_id == "person:lisin")
    assert result.evidence(lisin.act_id)[0]["excerpt"] == "Лисин избил меня"  # highest confidence first
    assert result.evidence(lisin.act_id)[0]["testimony_id"] == hierarchy.T1
    assert result.corroboration(lisin.act_id) == 2  # two testimonies, one fact
    assert len([a for a in result.agents if a.agent_id == "person:lisin"]) == 1
    drozdov_step = next(s for s in lisin.steps if s.commander_id == "person:drozdov")
    assert result.evidence(drozdov_step.commander_post["id"])[0]["excerpt"] == "командир ОМОНа Дроздов"
    guvd_step = next(s for s in lisin.steps if s.level == 1)
    assert result.evidence(guvd_step.link_ids[0])[0]["extractor"] == "gazetteer"


def test_imprecise_incident_date_makes_the_outgoing_commander_possible(loaded):
    driver, database = loaded
    result = chain.command_chain_for_incident(driver, "incident:nov", database)  # "in November 2020"
    assert result.window == ("2020-11-01", "2020-11-30")
    omon = next(a for a in result.agents if a.agent_id == "unit:omon")
    assert omon.agent_kind == "Unit"
    assert commanders(result, "unit:omon")[(0, "unit:omon", "person:drozdov")] == "possible"
    assert ("person:vetrov" not in {k[2] for k in commanders(result, "unit:omon")})


def test_after_the_change_of_command_the_new_commander_answers(loaded):
    driver, database = loaded
    result = chain.command_chain_for_incident(driver, "incident:jan15", database)
    found = commanders(result, "person:lisin")
    assert (0, "unit:omon", "person:vetrov") in found and found[(0, "unit:omon", "person:vetrov")] == "possible"
    assert not any(k[2] == "person:drozdov" for k in found)


def test_rejected_claims_drop_their_step(loaded):
    driver, database = loaded
    driver.execute_query("MATCH (c:Claim {excerpt: 'командир ОМОНа Дроздов'}) SET c.status = 'rejected'",
                         database_=database)
    result = chain.command_chain_for_incident(driver, "incident:aug10", database)
    assert "person:drozdov" not in {k[2] for k in commanders(result, "person:lisin")}
    assert "person:belsky" in {k[2] for k in commanders(result, "person:lisin")}


def test_incident_without_stated_agent_and_unknown_incident(loaded):
    driver, database = loaded
    passive = chain.command_chain_for_incident(driver, "incident:passive", database)
    assert passive is not None and passive.agents == [] and passive.incident["id"] == "incident:passive"
    assert chain.command_chain_for_incident(driver, "incident:does-not-exist", database) is None


def test_chain_for_a_unit_and_a_date_window(loaded):
    driver, database = loaded
    result = chain.command_chain_for_unit(driver, "unit:omon", "2020-12-01", "2020-12-31", database)
    steps = result.agents[0].steps
    assert [(s.level, s.unit_id) for s in steps if s.level > 0] == [(1, "unit:guvd"), (2, "unit:mvd")]
    assert {s.commander_id for s in steps if s.level == 0} == {"person:vetrov"}
    superiors = result.superiors()
    assert superiors[0][1] == "certain" and superiors[0][0].commander_id == "person:belsky"


def test_the_json_chain_for_other_tools_field_by_field(loaded):
    driver, database = loaded
    data = chain.as_json(chain.command_chain_for_incident(driver, "incident:aug10", database))
    assert data["incident"] == {"id": "incident:aug10", "label": "beating", "date_min": "2020-08-10",
                                "date_max": "2020-08-10", "precision": "day", "violations": []}
    assert data["window"] == ["2020-08-10", "2020-08-10"]
    lisin = next(a for a in data["agents"] if a["id"] == "person:lisin")
    assert (lisin["name"], lisin["kind"], lisin["role"], lisin["corroboration"]) == (
        "Артём Лисин", "Person", "perpetrated", 2)
    assert lisin["unit"]["id"] == "unit:omon" and lisin["unit"]["certainty"] == "certain"
    assert lisin["unit"]["post"]["start_min"] == "2019-06-01" and len(lisin["unit"]["post"]["fact_ids"]) == 1
    steps = {(s["level"], s["unit_id"]): s for s in lisin["steps"]}
    assert set(steps) == {(0, "unit:omon"), (1, "unit:guvd"), (2, "unit:mvd")}
    top = steps[(0, "unit:omon")]
    assert (top["commander_id"], top["commander"], top["certainty"], top["link_fact_ids"]) == (
        "person:drozdov", "Павел Дроздов", "certain", [])
    assert top["commander_post"]["role"] == "commander" and top["fact_ids"] == top["commander_post"]["fact_ids"]
    guvd = steps[(1, "unit:guvd")]
    assert (guvd["commander_id"], guvd["commander_certainty"], guvd["link_certainty"], guvd["certainty"]) == (
        "person:sokolenko", "possible", "certain", "possible")
    assert len(guvd["link_fact_ids"]) == 1 and set(guvd["link_fact_ids"]) <= set(guvd["fact_ids"])
    # why: the post's dates against the incident's, in words
    assert top["commander_reason"].endswith("which covers the incident on 2020-08-10")
    assert guvd["commander_reason"].startswith("in post from ") and "covers" not in guvd["commander_reason"]
    assert lisin["unit"]["reason"].endswith("which covers the incident on 2020-08-10")


def test_an_agent_is_never_his_own_superior(loaded):
    driver, database = loaded
    from graph.facts import DateRange
    b = hierarchy.FactBuilder()
    b.incident("incident:by-commander", DateRange.parse("2020-08-12"), hierarchy.testimony_evidence(hierarchy.T1, "бил"))
    b.link("PERPETRATED", "person:drozdov", "incident:by-commander",
           hierarchy.testimony_evidence(hierarchy.T1, "Дроздов бил"))
    BatchWriter(driver, database).write(b.batch)
    result = chain.command_chain_for_incident(driver, "incident:by-commander", database)
    drozdov = next(a for a in result.agents if a.agent_id == "person:drozdov")
    assert drozdov.unit_id == "unit:omon"
    assert "person:drozdov" not in {s.commander_id for s in drozdov.steps}
    assert [s.unit_id for s in drozdov.steps][:1] == ["unit:omon"]  # the level stays, shown without him


def test_a_commander_who_ordered_stays_the_superior_of_those_who_carried_it_out(loaded):
    """He is no step of his own chain, and still the commander in the chain of the officer he ordered."""
    driver, database = loaded
    from graph.facts import DateRange
    b = hierarchy.FactBuilder()
    b.incident("incident:ordered", DateRange.parse("2020-08-12"), hierarchy.testimony_evidence(hierarchy.T1, "бил"))
    b.link("PERPETRATED", "person:lisin", "incident:ordered", hierarchy.testimony_evidence(hierarchy.T1, "Лисин бил"))
    b.link("ORDERED", "person:drozdov", "incident:ordered", hierarchy.testimony_evidence(hierarchy.T1, "приказал Дроздов"))
    BatchWriter(driver, database).write(b.batch)
    result = chain.command_chain_for_incident(driver, "incident:ordered", database)
    lisin = next(a for a in result.agents if a.agent_id == "person:lisin")
    drozdov = next(a for a in result.agents if a.agent_id == "person:drozdov")
    assert "person:drozdov" in {s.commander_id for s in lisin.steps if s.level == 0}
    assert "person:drozdov" not in {s.commander_id for s in drozdov.steps}


def test_a_perpetrator_without_a_post_answers_to_the_unit_of_the_one_who_ordered_it(loaded):
    """No testimony states Kozel's post; Drozdov of OMON ordered the beating: Kozel's unit for this incident is
    OMON, inferred and at most possible, and Drozdov is the commander above him."""
    driver, database = loaded
    from graph.facts import DateRange
    b = hierarchy.FactBuilder()
    b.incident("incident:kozel", DateRange.parse("2020-08-12"), hierarchy.testimony_evidence(hierarchy.T1, "бил"))
    b.entity("Person", {"id": "person:kozel", "name": "Козел", "names": ["Козел"]})
    b.link("PERPETRATED", "person:kozel", "incident:kozel", hierarchy.testimony_evidence(hierarchy.T1, "Козел бил"))
    b.link("ORDERED", "person:drozdov", "incident:kozel", hierarchy.testimony_evidence(hierarchy.T1, "приказал Дроздов"))
    BatchWriter(driver, database).write(b.batch)
    result = chain.command_chain_for_incident(driver, "incident:kozel", database)
    kozel = next(a for a in result.agents if a.agent_id == "person:kozel")
    assert (kozel.unit_id, kozel.post_certainty, kozel.unit_inferred_from) == ("unit:omon", "possible", "person:drozdov")
    assert "person:drozdov" in {s.commander_id for s in kozel.steps if s.level == 0}
    shown = next(a for a in chain.as_json(result)["agents"] if a["id"] == "person:kozel")
    assert shown["unit"]["inferred_from"] == "person:drozdov" and "ordered it" in shown["unit"]["reason"]


def test_an_undated_account_takes_its_events_dates_and_its_commanders_are_at_most_possible(loaded):
    """The same night told twice, once with its date: the undated account's chain is drawn for the event's
    date, says so, and names Drozdov as possible (the date is an inference), while the dated one is certain."""
    driver, database = loaded
    from graph.facts import UNKNOWN, DateRange
    b = hierarchy.FactBuilder()
    b.incident("incident:told-dated", DateRange.parse("2020-08-12"), hierarchy.testimony_evidence(hierarchy.T1, "бил"))
    b.incident("incident:told-undated", UNKNOWN, hierarchy.testimony_evidence(hierarchy.T2, "бил"))
    for incident, testimony in (("incident:told-dated", hierarchy.T1), ("incident:told-undated", hierarchy.T2)):
        b.link("PERPETRATED", "person:lisin", incident, hierarchy.testimony_evidence(testimony, "Лисин бил"))
    b.batch.add_node("Event", {"id": "event:night", "date_min": "2020-08-12", "date_max": "2020-08-12",
                               "precision": "day", "violations": [], "testimonies": 2, "incidents": 2})
    for incident in ("incident:told-dated", "incident:told-undated"):
        b.batch.add_relationship("PART_OF", {"id": f"part_of:{incident}", "source": incident, "target": "event:night",
                                             "probability": 1.0, "reasons": "{}"})
    BatchWriter(driver, database).write(b.batch)
    dated = chain.as_json(chain.command_chain_for_incident(driver, "incident:told-dated", database))
    undated = chain.as_json(chain.command_chain_for_incident(driver, "incident:told-undated", database))
    assert undated["window"] == ["2020-08-12", "2020-08-12"] and undated["dated_by_event"] == "event:night"
    assert dated["dated_by_event"] is None

    def drozdov(result: dict) -> dict:
        lisin = next(a for a in result["agents"] if a["id"] == "person:lisin")
        return next(s for s in lisin["steps"] if s["commander_id"] == "person:drozdov")
    assert drozdov(dated)["commander_certainty"] == "certain"
    assert drozdov(undated)["commander_certainty"] == "possible"
    assert "does not date the incident" in drozdov(undated)["commander_reason"]


def test_a_chain_that_stops_below_the_top_ends_with_an_unknown_superior(loaded):
    driver, database = loaded
    driver.execute_query("""
        MATCH (o:Unit {id: 'unit:omon'})
        CREATE (s:Unit {id: 'unit:test-squad', name: 'Взвод'})-[:SUBORDINATE_TO {id: 'link:test-squad',
               kind: 'command', start_min: '2021-03-01', start_max: '2021-03-31'}]->(o)
        CREATE (:Unit {id: 'unit:test-orphan', name: 'Отдел'})""", database_=database)
    # the squad came under OMON only in March 2021: in August 2020 its superior is not known
    squad = chain.command_chain_for_unit(driver, "unit:test-squad", "2020-08-10", "2020-08-10", database)
    steps = squad.agents[0].steps
    assert [(s.level, s.unit_id, s.known, s.certainty) for s in steps] == [
        (0, "unit:test-squad", True, "certain"), (1, "", False, "unknown")]
    assert [(step.level, label) for step, label in squad.levels()] == [(0, "unknown commander"), (1, "unknown")]
    data = chain.as_json(squad)["agents"][0]["steps"]
    assert [(s["level"], s["known"], s["unit_id"], s["certainty"]) for s in data] == [
        (0, True, "unit:test-squad", "certain"), (1, False, None, "unknown")]
    # a unit with no superior at any date, and not a top body of the gazetteer: unknown too
    orphan = chain.command_chain_for_unit(driver, "unit:test-orphan", "2020-08-10", "2020-08-10", database)
    assert [s.known for s in orphan.agents[0].steps] == [True, False]
    # the ministry is the top of its structure: the chain ends there, nothing unknown above
    full = chain.command_chain_for_incident(driver, "incident:aug10", database)
    assert all(s.known for a in full.agents for s in a.steps)
    assert [s.level for s, _ in full.levels()] == sorted(s.level for s, _ in full.levels())


def test_the_unit_whose_premises_it_happened_in_answers_for_custody(loaded):
    driver, database = loaded
    from graph.facts import DateRange
    b = hierarchy.FactBuilder()
    b.incident("incident:in-ruvd", DateRange.parse("2020-08-10"), hierarchy.testimony_evidence(hierarchy.T1, "били"))
    b.entity("Place", {"id": "place:ruvd", "name": "РУВД", "kind": "facility", "unit": "unit:ruvd"})
    b.link("OCCURRED_AT", "incident:in-ruvd", "place:ruvd", hierarchy.testimony_evidence(hierarchy.T1, "в РУВД"))
    b.link("PERPETRATED", "person:lisin", "incident:in-ruvd", hierarchy.testimony_evidence(hierarchy.T1, "Лисин бил"))
    BatchWriter(driver, database).write(b.batch)
    result = chain.command_chain_for_incident(driver, "incident:in-ruvd", database)
    custody = [a for a in result.agents if a.role == "custody"]
    assert [(a.agent_id, a.agent_kind, a.unit_id) for a in custody] == [("unit:ruvd", "Unit", "unit:ruvd")]
    assert [s.unit_id for s in custody[0].steps] == ["unit:ruvd", "unit:guvd", "unit:mvd"]
    assert result.evidence(custody[0].act_id)[0]["excerpt"] == "в РУВД"
    roles = {(a["id"], a["role"]) for a in chain.as_json(result)["agents"]}
    assert roles == {("person:lisin", "perpetrated"), ("unit:ruvd", "custody")}


def test_a_commander_seen_in_post_during_the_incident_is_certain_whatever_its_date(loaded):
    driver, database = loaded
    from graph.facts import UNKNOWN
    b = hierarchy.FactBuilder()
    ev = hierarchy.testimony_evidence
    b.entity("Person", {"id": "person:test-kalin", "name": "Карп Калин", "names": ["Карп Калин"]})
    b.incident("incident:undated-ruvd", UNKNOWN, ev(hierarchy.T2, "били"))
    b.incident("incident:undated-other", UNKNOWN, ev(hierarchy.T2, "ударил"))
    for incident in ("incident:undated-ruvd", "incident:undated-other"):
        b.link("PERPETRATED", "person:orlov", incident, ev(hierarchy.T2, "Орлов бил"))
    # "Там был сам начальник РУВД Калин": the testimony saw him in post during the first incident only
    b.post("person:orlov", "unit:ruvd", "investigator", ev(hierarchy.T2, "следователь Орлов"), observed=True)
    b.post("person:test-kalin", "unit:ruvd", "head", ev(hierarchy.T2, "начальник РУВД Калин"), observed=True,
           seen_at=["incident:undated-ruvd"])
    BatchWriter(driver, database).write(b.batch)

    def head_of_ruvd(incident_id: str) -> str:
        result = chain.command_chain_for_incident(driver, incident_id, database)
        return commanders(result, "person:orlov")[(0, "unit:ruvd", "person:test-kalin")]
    assert head_of_ruvd("incident:undated-ruvd") == "certain"
    assert head_of_ruvd("incident:undated-other") == "possible"
    # the sighting is kept once however often the same testimony is written again
    BatchWriter(driver, database).write(b.batch)
    seen = driver.execute_query("MATCH (:Person {id: 'person:test-kalin'})-[:HELD]->(p:Post) RETURN p.seen_at AS s",
                                database_=database).records
    assert [r["s"] for r in seen] == [["incident:undated-ruvd"]]
