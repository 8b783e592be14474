// entity-count: how many entities the graph holds (answered from the count store, not a scan).
MATCH (n:Entity)
RETURN count(n) AS entities;
