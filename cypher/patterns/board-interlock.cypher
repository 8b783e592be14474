// @name Board interlock
// @severity medium
// @description Two organisations or public bodies share a board member or officer, for the time both roles overlapped.
// @title {first} and {second} share {people|list}
// @explanation {people|list} {linkVerb} {roleAtFirst|lower} at {first} and {roleAtSecond|lower} at {second}.

// The people to look at: everyone, or with $entity only those a finding about it can start from (the
// entity itself, or the people who sit on it or work at it), so an entity's findings touch its neighbours.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (person:Person)
  RETURN person
  UNION
  MATCH (person:Entity:Person {id: $entity})
  RETURN person
  UNION
  MATCH (:Entity {id: $entity})<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  RETURN person
}
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
