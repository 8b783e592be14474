// reject-duplicate: remember that two entities are not the same (once; a second rejection keeps the first).
// $pair: "a|b" with the ids in order; $a, $b: the ids; $actor, $at: who and when
MERGE (r:DuplicateRejection {pair: $pair})
ON CREATE SET r.a = $a, r.b = $b, r.actor = $actor, r.at = $at
RETURN r.pair AS pair;
