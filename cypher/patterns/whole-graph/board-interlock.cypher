// board-interlock over the whole graph (services/findings/ runs it in the background): the same question
// and columns as ../board-interlock.cypher, which stays the form for one $entity. It starts from every
// person; no union of starting points (which would put the rest under an `Apply` per person). The work is
// the people's pairs of seats, which is the size of the answer.
MATCH (person:Person)
MATCH atFirst = (person)-[r1:SITS_ON_BOARD|HOLDS_POSITION]->(first:Entity)
MATCH atSecond = (person)-[r2:SITS_ON_BOARD|HOLDS_POSITION]->(second:Entity)
WHERE first.id < second.id
  AND (first:Organization OR first:PublicBody) AND (second:Organization OR second:PublicBody)
  // A unit and the company or body it belongs to are one organisation, not an interlock.
  AND NOT EXISTS { (first)-[:PART_OF|SUBSIDIARY_OF*1..3]-(second) }
RETURN
  [first.id, second.id] AS key,
  [atFirst, atSecond] AS evidence,
  [r1, r2] AS timed,
  {
    first: first.name,
    second: second.name,
    people: person.name,
    linkVerb: 'is',
    roleAtFirst: CASE type(r1) WHEN 'SITS_ON_BOARD' THEN coalesce(r1.seat, 'board member') ELSE coalesce(r1.role, 'officer') END
      + CASE WHEN r1.current = false THEN ' (former)' ELSE '' END,
    roleAtSecond: CASE type(r2) WHEN 'SITS_ON_BOARD' THEN coalesce(r2.seat, 'board member') ELSE coalesce(r2.role, 'officer') END
      + CASE WHEN r2.current = false THEN ' (former)' ELSE '' END
  } AS facts;
