"""Neo4j side of the perpetrator knowledge graph: model, local server, schema, writer, queries, export."""
