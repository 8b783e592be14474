// board-interlock over the whole graph (services/findings/ runs it in the background): the same question
// and columns as ../board-interlock.cypher, which stays the form for one $entity. It starts from every
// person; no union of starting points (which would put the rest under an `Apply` per person). The work is
// the people's pairs of seats, which is the size of the answer.
MATCH (person:Person)
MATCH atFirst = (person)-[r1:SITS_ON_BOARD|HOLDS_POSITION]->(first:Entity)
MATCH atSecond = (person)-[r2:SITS_ON_BOARD|HOLDS_POSITION]->(second:Entity)
WHERE first.id < second.id
  AND (first:Organization OR first:PublicBody) AND (second:Organization OR second:PublicBody)
  // A unit and the company or body it belongs to are one organisation, not an interlock: linked by
  // PART_OF|SUBSIDIARY_OF within 3 steps either way. Met in the middle (first, a neighbour, a neighbour
  // of second, second) rather than walked 3 steps from first: 3 steps from beside a parent with
  // thousands of subsidiaries visit all of them and theirs, for every pair (at 1M relationships the walk
  // did not end in 12 minutes; this form counts the 473,910 rows in 40 s).
  AND NOT EXISTS {
    MATCH (first)-[:PART_OF|SUBSIDIARY_OF]-{0,1}(nearFirst)
    MATCH (second)-[:PART_OF|SUBSIDIARY_OF]-{0,1}(nearSecond)
    WHERE nearFirst = nearSecond
      OR (nearFirst <> first AND nearSecond <> second AND EXISTS { (nearFirst)-[:PART_OF|SUBSIDIARY_OF]-(nearSecond) })
  }
RETURN
  [first.id, second.id] AS key,
  [atFirst, atSecond] AS evidence,
  [r1, r2] AS timed,
  {
    first: first.name,
    second: second.name,
    people: person.name,
    // A board seat and a position (employment or office) are told apart, a body named as a board is
    // not called "the board of" itself, and a former tie is said to be one.
    ties: CASE WHEN type(r1) = type(r2) AND type(r1) = 'SITS_ON_BOARD' THEN 'boards'
      WHEN type(r1) = type(r2) THEN 'positions' ELSE 'mixed' END,
    atFirst: {
      kind: CASE WHEN type(r1) <> 'SITS_ON_BOARD' THEN 'position' WHEN toLower(first.name) CONTAINS 'board' THEN 'boardNamed' ELSE 'board' END
        + CASE WHEN r1.current = false THEN '-former' ELSE '' END,
      org: first.name
    },
    atSecond: {
      kind: CASE WHEN type(r2) <> 'SITS_ON_BOARD' THEN 'position' WHEN toLower(second.name) CONTAINS 'board' THEN 'boardNamed' ELSE 'board' END
        + CASE WHEN r2.current = false THEN '-former' ELSE '' END,
      org: second.name
    },
    roleAtFirst: CASE type(r1) WHEN 'SITS_ON_BOARD' THEN r1.seat ELSE r1.role END,
    roleAtSecond: CASE type(r2) WHEN 'SITS_ON_BOARD' THEN r2.seat ELSE r2.role END
  } AS facts;
