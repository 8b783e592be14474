// findings-by-id: the records of the stored findings of a generation with these ids (absent ids are
// left out), read along the id index: the evidence of the rows on a page of the Money tab's table, and
// what an incremental update compares its findings computed now with.
// $ids, $generation
MATCH (f:Finding)
WHERE f.id IN $ids
  AND f.generation = $generation
RETURN f.id AS id, f.record AS record;
