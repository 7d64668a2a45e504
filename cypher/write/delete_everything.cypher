// Empties the database in batches (tests and benchmarks only): relationships first, then nodes,
// so that no inner transaction has to hold a dense node's relationships at once.
MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS
;
MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS
