// evidence-nodes: the nodes a pattern's rows name by element id (services/conflicts/compact-evidence.ts),
// read once per run instead of once per row. $ids: element ids.
MATCH (n)
WHERE elementId(n) IN $ids
RETURN n;
