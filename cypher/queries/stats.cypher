// stats: how many entities of each kind and relationships of each type the graph holds.
CALL () {
  MATCH (n:Entity)
  RETURN 'entity' AS what, [label IN labels(n) WHERE label <> 'Entity'][0] AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS what, type(r) AS name, count(*) AS count
}
RETURN what, name, count
ORDER BY what, name;
