// evidence-relationships: the relationships a pattern's rows name by element id
// (services/conflicts/compact-evidence.ts), read once per run instead of once per row. $ids: element ids.
MATCH ()-[r]->()
WHERE elementId(r) IN $ids
RETURN r;
