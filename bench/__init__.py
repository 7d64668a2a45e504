"""Benchmarks and evaluations. The benchmarks empty their database, so, like the tests, every ``python -m
bench.…`` runs on the tests' server (``graph.server.use_test_server``), never on the one ``make main`` fills."""
from graph import server

server.use_test_server()
