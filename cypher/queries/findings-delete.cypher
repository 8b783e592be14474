// findings-delete: removes stored findings of generation $generation by id, with their member index nodes.
UNWIND $ids AS id
MATCH (f:Finding {id: id})
WHERE f.generation = $generation
OPTIONAL MATCH (m:FindingMember {findingId: id})
WHERE m.generation = $generation
DETACH DELETE f, m;
