"""The one model definition agrees with the schema file and the write queries."""
import re

import pytest

from graph import model, queries, writer


def test_every_node_label_has_a_uniqueness_constraint_and_its_indexes():
    schema = queries.get("schema")
    for label, node in model.NODES.items():
        assert re.search(rf"FOR \(n:{label}\) REQUIRE n\.id IS UNIQUE", schema), label
        for prop in node.indexed:
            assert re.search(rf"FOR \(n:{label}\) ON \(n\.{prop}\)", schema), f"{label}.{prop}"


def test_every_fact_relationship_has_an_id_index():
    schema = queries.get("schema")
    for rel in model.RELATIONSHIPS.values():
        if rel.is_fact:
            assert re.search(rf"FOR \(\)-\[r:{rel.type}\]-\(\) ON \(r\.id\)", schema), rel.type


def test_every_type_has_a_write_query_that_sets_every_property():
    for label, node in model.NODES.items():
        text = queries.get(writer.write_query_name(label))
        assert f":{label} {{id: row.id}}" in text
        if "c += row" not in text:
            for prop in node.properties:
                assert f"row.{prop}" in text, f"{label}.{prop} is never written"
    for rel in model.RELATIONSHIPS.values():
        if rel.type in writer.WRITTEN_WITH_CLAIMS:
            assert f":{rel.type}]" in queries.get("merge_claim")
            continue
        text = queries.get(writer.write_query_name(rel.type))
        assert f"[r:{rel.type} {{id: row.id}}]" in text
        for prop in rel.properties:
            assert f"row.{prop}" in text, f"{rel.type}.{prop} is never written"


def test_writer_order_covers_the_model_exactly():
    assert set(writer.NODE_ORDER) == set(model.NODES)
    assert set(writer.RELATIONSHIP_ORDER) | set(writer.WRITTEN_WITH_CLAIMS) == set(model.RELATIONSHIPS)


def test_validation_rejects_bad_rows_with_a_clear_message():
    with pytest.raises(model.ModelError, match="unknown properties \\['passport'\\]"):
        model.validate_node("Victim", {"id": "victim:1", "pseudonym": "V-1", "passport": "MP123"})
    with pytest.raises(model.ModelError, match="not YYYY-MM-DD"):
        model.validate_node("Post", {"id": "post:1", "role": "commander", "start_min": "August 2020"})
    with pytest.raises(model.ModelError, match="status 'maybe'"):
        model.validate_node("Claim", {"id": "c", "fact_id": "f", "predicate": "P", "extractor": "x",
                                      "confidence": 0.5, "status": "maybe"})
    with pytest.raises(model.ModelError, match="kind 'friendly'"):
        model.validate_relationship("SUBORDINATE_TO", {"id": "s", "source": "a", "target": "b", "kind": "friendly"})
    with pytest.raises(model.ModelError, match="missing \\['name'\\]"):
        model.validate_node("Person", {"id": "person:x"})
    with pytest.raises(model.ModelError, match="unit_ids holds an empty value"):  # Neo4j would fail the batch
        model.validate_node("Mention", {"id": "m", "testimony_id": "t", "local_key": "k", "name": "n",
                                        "unit_ids": ["unit:omon", None]})


def test_fact_ids_are_deterministic_and_distinct():
    assert model.fact_id("post", "a", "b") == model.fact_id("post", "a", "b")
    assert model.fact_id("post", "a", "b") != model.fact_id("post", "ab", "")
    assert model.fact_id("Post", "a").startswith("post:")
