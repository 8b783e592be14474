// @name Circumvention chain (data laundering)
// @severity high
// @description A body that a law restricts from sharing with an agency supplies data, directly or through a data system it operates, to an organisation that passes it on to that agency or is contracted by it.
// @title {body} data reaches {agency} through {intermediary}, around {law}
// @explanation {law} restricts {body} ({summary|list}), yet {body} {route} {intermediary}, which {onward|list} {agency}.

// The laws to look at: every law, or with $entity only those a finding about it can start from, found by
// walking this pattern backwards from the entity (to the law) along the roles it can play.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (law:Law)
  RETURN law
  UNION
  MATCH (law:Entity:Law {id: $entity})
  RETURN law
  UNION
  // the restricted body, or a body under it (the source of the data)
  MATCH (:Entity {id: $entity})-[:PART_OF*0..3]->(:PublicBody)<-[:RESTRICTS]-(law:Law)
  RETURN law
  UNION
  // the intermediary or the data system it is fed through, or a contract awarded to the intermediary
  MATCH (:Entity {id: $entity})-[:AWARDED_TO*0..1]->(:Entity)<-[:SUPPLIES_DATA_TO|OPERATES*1..2]-(:PublicBody)
    -[:PART_OF*0..3]->(:PublicBody)<-[:RESTRICTS]-(law:Law)
  RETURN law
  UNION
  // the agency, or a part of it (the party that gets the data or pays for it): the laws naming it
  MATCH (:Entity {id: $entity})-[:PART_OF*0..2]->(agency:Entity)
  MATCH (law:Law)-[restriction:RESTRICTS]->()
  WHERE agency.id IN coalesce(restriction.counterpartyIds, [])
  RETURN law
}
MATCH lawPath = (law)-[restriction:RESTRICTS]->(restricted:PublicBody)
MATCH bodyUp = (body:PublicBody)-[:PART_OF*0..3]->(restricted)
MATCH (agency:Entity)
WHERE agency.id IN coalesce(restriction.counterpartyIds, [])
// First leg: the restricted body's data goes to an intermediary organisation.
CALL (body) {
  MATCH source = (body)-[flow:SUPPLIES_DATA_TO]->(intermediary:Organization)
  RETURN source, intermediary, [flow] AS sourceFacts, 'supplies data to' AS route
  UNION
  MATCH source = (body)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(intermediary:Organization)
  RETURN source, intermediary, [runs, flow] AS sourceFacts, 'runs ' + system.name + ', which feeds' AS route
}
// Second leg: the intermediary passes the data on to the agency (or a part of it), or is paid by it.
MATCH agencyDown = (party:Entity)-[:PART_OF*0..2]->(agency)
CALL (intermediary, party) {
  MATCH onwardPath = (intermediary)-[flow:SUPPLIES_DATA_TO]->(party)
  RETURN onwardPath, flow AS onwardFact, 'supplies data to' AS onward
  UNION
  MATCH onwardPath = (party)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(intermediary)
  RETURN onwardPath, contract AS onwardFact, 'is contracted by' AS onward
}
RETURN
  [law.id, body.id, intermediary.id, agency.id] AS key,
  [lawPath, bodyUp, source, agencyDown, onwardPath] AS evidence,
  [restriction] + sourceFacts + [onwardFact] AS timed,
  {
    law: law.name,
    summary: restriction.summary,
    body: body.name,
    route: route,
    intermediary: intermediary.name,
    onward: onward,
    agency: agency.name
  } AS facts;
