from pathlib import Path

import pytest

from graph import queries


def test_every_query_loads_and_names_are_unique():
    loaded = queries.load_all()
    assert "schema" in loaded and "command_chain" in loaded
    files = list(queries.CYPHER_DIR.rglob("*.cypher"))
    assert len(files) == len(loaded)


def test_unknown_name_fails_loudly_with_a_hint():
    with pytest.raises(queries.QueryError, match="unknown query 'command_chian'.*command_chain"):
        queries.get("command_chian")


def test_duplicate_name_is_an_error(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.cypher").write_text("RETURN 1")
    (tmp_path / "b" / "same.cypher").write_text("RETURN 2")
    with pytest.raises(queries.QueryError, match="duplicate query name 'same'"):
        queries.load_all(tmp_path)


def test_schema_splits_into_statements():
    statements = queries.statements("schema")
    assert all(s.startswith("CREATE ") and "IF NOT EXISTS" in s for s in statements)


def test_queries_use_parameters_not_string_building():
    """No query file contains Python/JS format placeholders; values come in as $parameters."""
    for name, text in queries.load_all().items():
        assert "{}" not in text and "%s" not in text and "{0}" not in text, name


@pytest.mark.neo4j
def test_every_query_is_valid_cypher_for_the_server(neo4j_session_driver):
    driver, database = neo4j_session_driver
    for name, text in queries.load_all().items():
        for statement in queries.statements(name):
            if statement.startswith("CREATE ") or "IN TRANSACTIONS" in statement:
                continue  # schema statements and batch deletes cannot be EXPLAINed in a transaction
            driver.execute_query("EXPLAIN " + statement, database_=database)
