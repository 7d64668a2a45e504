"""Every dashboard page driven by Streamlit's AppTest against the real Neo4j loaded with the samples
(no database mocks), including empty results and unknown identifiers."""
from __future__ import annotations

import datetime
import json
import re
import urllib.parse

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph import explore, queries, review
from tests.conftest import open_page

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def samples(sample_graph):
    st.cache_data.clear()
    return sample_graph[0]


def page(path: str | None = None, role: str = "admin", user: str | None = None, **params: str) -> AppTest:
    """A page as a signed-in user (the sign-in form itself is tested in test_access.py)."""
    return open_page(path, role, user, **params)


def links(app: AppTest) -> list[tuple[str, str, dict]]:
    """(label, page, query parameters) of every link between pages."""
    out = []
    for element in app.get("page_link"):
        query = dict(urllib.parse.parse_qsl(element.proto.query_string))
        label = re.sub(r"\\(.)", r"\1", element.proto.label)  # labels are Markdown-escaped by the app
        out.append((label, element.proto.page, query))
    return out


def linked_ids(app: AppTest, page_name: str) -> set[str]:
    return {query.get("id") for _, target, query in links(app) if target == page_name}


@pytest.mark.parametrize("typed", ["Ломейко", "Ламейкі", "Lomeiko", "Сергея Ломейко", "Siarhei Lameika"])
def test_search_finds_an_official_in_any_script_and_case_form(samples, typed):
    app = page()
    app.text_input(key="search_query").input(typed).run()
    assert "person:lmk-s" in linked_ids(app, "person")


def test_search_finds_units_by_declined_alias_and_reports_nothing_found(samples):
    app = page()
    app.text_input(key="search_query").input("ОМОНа").run()
    assert "unit:omon-minsk" in linked_ids(app, "unit")
    app.text_input(key="search_query").input("Qwxzy").run()
    assert "Nothing found" in app.info[0].value


def test_person_profile_shows_posts_incidents_and_evidence(samples):
    app = page("views/person.py", id="person:lmk-s")
    assert app.title[0].value == "Siarhei Piatrovich Lameika"
    assert [s.value for s in app.subheader] == ["Posts", "Incidents", "Co-perpetrators", "Units",
                                              "How the mentions were joined"]
    assert "unit:omon-minsk" in linked_ids(app, "unit")
    assert linked_ids(app, "incident")
    assert app.metric[0].value != "0"
    quotes = [m.value for m in app.markdown if m.value.startswith("> ")]
    assert quotes and any(":orange-background[" in q for q in quotes)  # the mention is highlighted
    # a testimony from an intake form shows the consent its giver granted
    assert any("consent: share with prosecutors" in c.value for c in app.caption)
    # posts in words, every field filled or "unknown", and the review status of each fact
    table = app.dataframe[0].value
    assert list(table.columns) == ["unit", "post", "rank", "began", "ended", "testimonies", "review"]
    assert (table[["post", "rank", "began", "ended", "review"]] != "").all().all()
    assert "subunit_commander" not in set(table["post"])
    assert any(":gray-badge[unreviewed machine claim]" in m.value for m in app.markdown)


def test_person_page_without_id_and_with_an_unknown_id(samples):
    assert "Open a person" in page("views/person.py").info[0].value
    assert "No person with id" in page("views/person.py", id="person:nobody").warning[0].value


def test_unit_page_shows_who_commanded_on_the_chosen_date(samples):
    app = page("views/unit.py", id="unit:omon-minsk")
    august = app.get("graphviz_chart")[0].proto.spec
    assert "/n" not in august  # DOT line breaks, not a literal "/n"
    labels = re.findall(r'label="([^"]*)"', august)
    assert len(labels) == len(set(labels))  # each unit drawn once
    assert all(len(set(l.split("\\n"))) == len(l.split("\\n")) for l in labels)  # each commander named once
    assert "Гурский" in august and "Отряд милиции особого назначения" in august.replace("\\n", " ")
    app.slider(key="unit_date").set_value(datetime.date(2021, 3, 15)).run()
    march = app.get("graphviz_chart")[0].proto.spec
    commanders_2021 = [label for label, target, q in links(app) if target == "person" and "(certain" in label]
    assert any("Кондрусь" in label for label in commanders_2021)
    assert not any("Гурский" in label for label in commanders_2021)
    assert march != august
    assert "No unit with id" in page("views/unit.py", id="unit:nowhere").warning[0].value
    assert linked_ids(page("views/unit.py"), "unit")  # the top of the hierarchy


def incident_of(store: queries.Store, person_id: str, month: str) -> str:
    rows = store.read("person_incidents", ids=[person_id])
    return next(r["incident"]["id"] for r in rows if (r["incident"].get("date_min") or "").startswith(month))


def test_incident_page_gives_the_chain_of_command_at_that_date(samples):
    incident = incident_of(samples, "person:lmk-s", "2020-08")
    app = page("views/incident.py", id=incident)
    assert "Chain of command on that date" in [s.value for s in app.subheader]
    superiors = [label for label, target, q in links(app) if target == "person"]
    assert any("Гурский" in label for label in superiors)
    assert any("certain" in m.value for m in app.markdown)
    # readable: roles in words, the reason of each certainty, no raw ids in titles, a banner for unreviewed facts
    assert any("Гурский — commander" in label for label in superiors)
    assert any(c.value.startswith(("certain: ", "possible: ")) and "incident" in c.value for c in app.caption)
    assert not [e for e in app.expander if "post:" in e.label or "testimonies)" in e.label and "(1 " in e.label]
    assert "no analyst has reviewed it yet" in app.warning[0].value
    assert "No incident with id" in page("views/incident.py", id="incident:none").warning[0].value
    assert "Open an incident" in page("views/incident.py").info[0].value


def test_network_page_analytics_and_an_empty_window(samples):
    app = page("views/network.py")
    assert "Most central officials" in [s.value for s in app.subheader]
    assert linked_ids(app, "person")
    app.multiselect(key="network_types").set_value(["PERPETRATED", "ORDERED"])
    app.slider(key="network_window").set_value((datetime.date(2016, 1, 1), datetime.date(2016, 2, 1))).run()
    # an undated act may lie in any window ("ГУБОПиК провёл серию задержаний", a headline): only the
    # confidence limit empties this one
    app.slider(key="network_min_confidence").set_value(1.0).run()
    assert "Nothing in this selection" in app.info[0].value


def test_timeline_and_map(samples):
    app = page("views/timeline.py")
    chart = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    assert chart["encoding"]["x2"]["field"] == "to"  # each incident drawn over its date range
    deck = json.loads(app.get("deck_gl_json_chart")[0].proto.json)
    assert not deck.get("mapStyle") and not deck.get("mapProvider")  # no tiles fetched from a server
    basemap, points = deck["layers"][0], deck["layers"][1]
    assert basemap["@@type"] == "GeoJsonLayer" and basemap["data"]["features"]  # the shipped borders
    assert points["data"] and all(p["name"] not in ("Belarus", "Беларусь") for p in points["data"])
    assert linked_ids(app, "incident")
    app.slider(key="timeline_window").set_value((datetime.date(2016, 1, 1),
                                                 datetime.date(2016, 2, 1))).run()
    assert "No dated incident" in app.info[0].value
    from access.audit import AuditLog
    network = page("views/network.py", role="viewer")
    assert not network.exception
    views = [(e["event"], e["details"].get("start")) for e in AuditLog.from_env().entries()]
    assert ("view-timeline", "2016-01-01") in views and ("view-network", "2020-08-01") in views


def test_review_decisions_are_stored_and_every_view_reflects_them(samples):
    app = page("views/review.py", user="analyst-1", role="analyst")
    # each card says the claim in words, and the queue its total
    assert any(" — carried out — " in m.value or " — ordered — " in m.value for m in app.markdown)
    assert any("wait for review with these filters" in c.value for c in app.caption)
    claim_id = next(b.key for b in app.button if b.key.startswith("confirm-")).split("-", 1)[1]
    app.button(key=f"reject-{claim_id}").click().run()
    stored = samples.read("claims_for_facts", testimony_ids=None, fact_ids=[c["fact_id"] for c in
                                                        review.claims_to_review(samples, statuses=("rejected",))])
    rejected = [r["claim"] for r in stored if r["claim"]["id"] == claim_id][0]
    assert rejected["status"] == "rejected" and rejected["reviewed_by"] == "analyst-1" and rejected["reviewed_at"]
    assert claim_id not in [c["id"] for c in review.claims_to_review(samples, limit=1000)]


def test_review_filters_narrow_the_queue_and_a_bulk_decision_records_each_claim(samples):
    from access.audit import AuditLog
    every = review.claims_to_review_total(samples, where=review.ReviewFilter())
    russian = review.claims_to_review_total(samples, where=review.ReviewFilter(language="ru"))
    assert 0 < russian < every
    about = review.claims_to_review(samples, where=review.ReviewFilter(text="ОМОН"), limit=1000)
    assert about and all("омон" in c["excerpt"].lower() for c in about)
    app = page("views/review.py", user="analyst-1", role="analyst")
    app.text_input(key="review_text").input("ОМОН").run()
    ids = [b.key.split("-", 1)[1] for b in app.button if b.key.startswith("confirm-")]
    assert ids and set(ids) <= {c["id"] for c in about}
    for claim_id in ids[:2]:
        app.checkbox(key=f"pick-{claim_id}").check()
    app.run()
    app.button(key="bulk-confirm").click().run()
    assert not app.exception
    stored = {r["claim"]["id"]: r["claim"] for r in samples.read(
        "claims_for_facts", testimony_ids=None, fact_ids=[c["fact_id"] for c in about if c["id"] in ids[:2]])}
    assert all(stored[i]["status"] == "confirmed" and stored[i]["reviewed_by"] == "analyst-1" for i in ids[:2])
    events = [(e["event"], e["details"].get("claim")) for e in AuditLog.from_env().entries()]
    assert all(("review", i) in events for i in ids[:2])  # each claim of a bulk decision audited


def test_rejecting_every_claim_of_an_act_removes_it_from_the_profile(samples):
    rows = samples.read("person_incidents", ids=["person:gdk-e"])
    act = rows[0]["fact_id"]
    before = linked_ids(page("views/person.py", id="person:gdk-e"), "incident")
    for claim in explore.evidence(samples, [act]).of(act):
        review.review_claim(samples, claim["id"], "rejected", "analyst-2", "not her: another officer")
    after = linked_ids(page("views/person.py", id="person:gdk-e"), "incident")
    assert rows[0]["incident"]["id"] in before and rows[0]["incident"]["id"] not in after


def _person_of(store, mention_id: str) -> str:
    records, _, _ = store.driver.execute_query("MATCH (:Mention {id: $id})-[:REFERS_TO]->(p:Person) RETURN p.id AS id",
                                               id=mention_id, database_=store.database)
    assert len(records) == 1, f"mention {mention_id} refers to {len(records)} persons"
    return records[0]["id"]


def test_accepting_a_proposed_merge_joins_the_two_mentions(samples):
    app = page("views/review.py", user="analyst-1", role="analyst")
    candidates = review.merge_candidates(samples)
    assert candidates, "the samples give the review queue proposals"
    pair = candidates[0]
    assert pair["testimonies_a"] >= 1 and pair["testimonies_b"] >= 1 and "posts_a" in pair
    assert any(c.value.startswith("Named in ") for c in app.caption)  # what each candidate is known for
    quoted = [m.value for m in app.markdown if m.value.startswith("> ") and ":orange-background[" in m.value]
    assert len(quoted) >= 2  # each side's name highlighted where its testimony writes it
    assert _person_of(samples, pair["mention_a"]) != _person_of(samples, pair["mention_b"])
    app.button(key=f"accept-{pair['id']}").click().run()
    assert not app.exception
    joined = _person_of(samples, pair["mention_a"])
    assert joined == _person_of(samples, pair["mention_b"])
    assert pair["id"] not in [c["id"] for c in review.merge_candidates(samples)]
    profile = page("views/person.py", id=joined)
    shown = " ".join(m.value for m in profile.markdown)
    assert all(t in shown for t in (pair["texts_a"][0], pair["texts_b"][0]))
    assert any("decision" in c.value for c in profile.caption)


def test_upload_page_renders(samples):
    app = page("views/upload.py")
    assert app.title[0].value == "Add testimonies"


def test_export_page_builds_a_case_file(samples):
    app = page("views/export.py", user="investigator-1", role="investigator", id="person:lmk-s")
    assert app.text_input(key="export_seeds").value == "person:lmk-s"
    build = next(b for b in app.button if b.label == "Build case file")
    app.multiselect(key="export_formats").set_value(["csv", "ftm"])
    build.click().run()
    assert not app.exception and "Manifest SHA-256" in app.success[0].value
    assert app.get("download_button")
    app.text_input(key="export_seeds").input("person:nobody").run()
    next(b for b in app.button if b.label == "Build case file").click().run()
    assert "No person, unit, incident or place with id person\\:nobody" in app.error[0].value  # Markdown-escaped


def test_a_split_takes_mentions_off_a_person_on_every_later_run(samples):
    """Last in this module: it changes the shared sample graph."""
    from graph.resolve import resolve

    person = "person:kndrs-i"
    mentions = [m["mention"]["id"] for m in explore.person_mentions(samples, person)]
    assert len(mentions) >= 3
    taken = mentions[-1]
    review.split_person(samples, person, [taken], "analyst-1", "another officer of the same name")
    assert _person_of(samples, taken) != person
    resolve(samples.driver, samples.database)
    assert _person_of(samples, taken) != person
    assert set(m["mention"]["id"] for m in explore.person_mentions(samples, person)) == set(mentions) - {taken}
    with pytest.raises(Exception, match="some, but not all"):
        review.split_person(samples, person, [], "analyst-1")


def test_an_analyst_confirms_and_splits_an_event_on_the_incident_page(samples):
    rows, _, _ = samples.driver.execute_query("MATCH (i:Incident) RETURN i.id AS id ORDER BY id",
                                               database_=samples.database)
    by_testimony = {}
    for row in rows:
        by_testimony.setdefault(row["id"].split(":")[1], row["id"])
    first, second = list(by_testimony.values())[:2]
    review.confirm_event(samples, first, second, "analyst-1", "the same night")
    app = page("views/incident.py", id=first)
    assert any("Part of one event told by 2 testimonies" in c.value for c in app.caption)
    assert second in linked_ids(app, "incident")
    viewer = page("views/incident.py", role="viewer", id=first)
    assert not [b for b in viewer.button if b.label.startswith(("Split", "Confirm"))]  # viewers cannot decide
    next(b for b in app.button if b.label.startswith("Split")).click().run()
    assert not app.exception   # the decision is audited too
    assert explore.incident_event(samples, first) is None
    assert second not in linked_ids(page("views/incident.py", id=first), "incident")


def test_person_page_filters_facts_by_kind_and_review_status(samples):
    app = page("views/person.py", id="person:lmk-s")
    assert linked_ids(app, "incident") and app.dataframe  # incidents and the posts table
    app.multiselect(key="person_statuses").set_value(["confirmed"]).run()
    confirmed = {r["incident"]["id"] for r in samples.read("person_incidents", ids=["person:lmk-s"])
                 if any(c.get("status") == "confirmed" for c in explore.evidence(samples, [r["fact_id"]]).of(r["fact_id"]))}
    assert linked_ids(app, "incident") == confirmed
    app.multiselect(key="person_statuses").set_value(["confirmed", "conflict", "unreviewed"])
    app.multiselect(key="person_kinds").set_value(["Posts"]).run()
    assert not linked_ids(app, "incident") and app.dataframe
    assert not [m for m in app.markdown if "probability" in m.value]  # mentions hidden
