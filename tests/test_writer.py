import pytest

from graph import model, schema
from graph.facts import Evidence, FactBuilder
from graph.writer import BatchWriteError, BatchWriter
from tests import hierarchy

pytestmark = pytest.mark.neo4j


def test_writing_twice_changes_nothing(db):
    driver, database = db
    batch = hierarchy.build().batch
    BatchWriter(driver, database, batch_size=7).write(batch)
    first = schema.element_counts(driver, database)
    report = BatchWriter(driver, database, batch_size=7).write(batch)
    assert schema.element_counts(driver, database) == first
    assert report.unmatched == {}
    assert first["node:Person"] == 6 and first["node:Unit"] == 5 and first["relationship:SUBORDINATE_TO"] == 4
    assert first["node:Claim"] == report.written["Claim"]
    assert first["relationship:CITES"] == sum(1 for c in batch.nodes["Claim"] if c.get("testimony_id"))


def test_rewriting_keeps_an_analysts_review_and_merges_name_variants(db):
    driver, database = db
    b = FactBuilder()
    b.entity("Person", {"id": "person:x", "name": "Зарубейко", "names": ["Зарубейко"]})
    b.claim("person:x", "MENTION", Evidence("t", "1", 0.6, testimony_id=None, source_id="s", start=1, end=5))
    BatchWriter(driver, database).write(b.batch)
    driver.execute_query("MATCH (c:Claim) SET c.status = 'confirmed', c.reviewed_by = 'analyst1'",
                         database_=database)
    again = FactBuilder()
    again.entity("Person", {"id": "person:x", "name": "Zarubeiko", "names": ["Zarubeiko", "Зарубейко"]})
    again.claim("person:x", "MENTION", Evidence("t", "1", 0.6, testimony_id=None, source_id="s", start=1, end=5))
    BatchWriter(driver, database).write(again.batch)
    records, _, _ = driver.execute_query(
        "MATCH (p:Person {id: 'person:x'}) MATCH (c:Claim) RETURN p.name AS name, p.names AS names, "
        "collect(c.status) AS statuses", database_=database)
    assert records[0]["name"] == "Зарубейко"
    assert records[0]["names"] == ["Зарубейко", "Zarubeiko"]
    assert records[0]["statuses"] == ["confirmed"]


def test_relationships_to_missing_nodes_are_reported_not_invented(db):
    driver, database = db
    b = FactBuilder()
    b.incident("incident:1", hierarchy.DateRange.parse("2020-08-10"))
    b.link("PERPETRATED", "person:nobody", "incident:1", hierarchy.testimony_evidence(hierarchy.T1, "x"))
    report = BatchWriter(driver, database).write(b.batch)
    assert len(report.unmatched["PERPETRATED"]) == 1
    assert schema.element_counts(driver, database).get("relationship:PERPETRATED") is None


def test_a_failed_batch_names_its_rows_and_keeps_earlier_batches(db):
    driver, database = db
    rows = [{"id": f"person:{i}", "name": f"Name {i}"} for i in range(4)]
    rows[3]["name"] = {"not": "a primitive"}  # the server refuses a map as a property value
    with pytest.raises(BatchWriteError) as raised:
        BatchWriter(driver, database, batch_size=2).write_rows("Person", rows)
    assert raised.value.failed_ids == ["person:2", "person:3"]
    assert raised.value.committed_rows == 2
    assert "merge_person" in str(raised.value)
    assert schema.element_counts(driver, database)["node:Person"] == 2


def test_the_writer_refuses_types_outside_the_model(db):
    driver, database = db
    batch = model.GraphBatch(nodes={"Passport": [{"id": "p"}]})
    with pytest.raises(model.ModelError, match="Passport"):
        BatchWriter(driver, database).write(batch)
