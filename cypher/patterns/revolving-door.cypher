// @name Revolving door
// @severity medium
// @description A person who formerly held a position at a public body now holds a seat or position at an organisation (or its parent or subsidiary) that has contracts or data flows with that body, directly or through a data system the body operates.
// @title {person}, formerly {formerRole|lower} at {body}, now at {organisation}, which deals with it
// @explanation {person} was {formerRole|lower} at {body} and now {seatKind} {organisation}[, part of {company}]; {dealings|list}.

// The people to look at: everyone, or with $entity only those whose findings can include it, found by
// walking this pattern backwards from the entity (to the person) along the roles it can play.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (person:Person)
  RETURN person
  UNION
  MATCH (person:Entity:Person {id: $entity})
  RETURN person
  UNION
  // the former body, or the body above it that deals with the company
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..3]-(:PublicBody)<-[:HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // the organisation now, or the company it is part of
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // the counterpart in the company's group, or a contract or data system that deals with it
  MATCH (:Entity {id: $entity})-[:AWARDED_TO|SUPPLIES_DATA_TO*0..1]->(counterpart:Organization)
  MATCH (counterpart)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  RETURN person
}
MATCH former = (person)-[was:HOLDS_POSITION]->(body:PublicBody)
WHERE was.current = false OR was.end IS NOT NULL
MATCH present = (person)-[now:SITS_ON_BOARD|HOLDS_POSITION]->(organisation:Organization)
WHERE coalesce(now.current, true) <> false
MATCH orgUp = (organisation)-[:PART_OF*0..2]->(company:Organization)
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(counterpart:Organization)
// The body, or the body it is part of, deals with the counterpart.
MATCH bodyUp = (body)-[:PART_OF*0..3]->(dealer:PublicBody)
CALL (dealer, counterpart) {
  MATCH deal = (dealer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(counterpart)
  RETURN deal, [contract] AS dealFacts, dealer.name + ' buys from ' + counterpart.name AS dealing
  UNION
  MATCH deal = (dealer)-[flow:SUPPLIES_DATA_TO]->(counterpart)
  RETURN deal, [flow] AS dealFacts, dealer.name + ' supplies data to ' + counterpart.name AS dealing
  UNION
  MATCH deal = (counterpart)-[flow:SUPPLIES_DATA_TO]->(dealer)
  RETURN deal, [flow] AS dealFacts, counterpart.name + ' supplies data to ' + dealer.name AS dealing
  UNION
  MATCH deal = (dealer)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(counterpart)
  RETURN deal, [runs, flow] AS dealFacts, dealer.name + '’s ' + system.name + ' feeds ' + counterpart.name AS dealing
}
// One row per person, old office and company: the dealings are gathered (ten kept as evidence), since
// a large body may hold thousands of contracts with one company group.
WITH person, was, body, now, organisation, company, former, present, orgUp,
  collect(DISTINCT corporate) AS corporates, collect(DISTINCT bodyUp) AS bodyUps,
  collect(deal) AS deals, collect(dealFacts) AS dealFactLists, collect(DISTINCT dealing) AS dealings
WITH person, was, body, now, organisation, company, former, present, orgUp,
  corporates[..10] AS corporates, bodyUps[..10] AS bodyUps, deals[..10] AS deals, dealings[..10] AS dealings,
  reduce(all = [], fs IN dealFactLists | all + fs) AS dealFacts
WITH person, was, body, now, organisation, company, former, present, orgUp, corporates, bodyUps, deals, dealings,
  [f IN dealFacts | coalesce(f.start, f.signedOn)] AS starts, [f IN dealFacts | f.end] AS ends
RETURN
  [person.id, body.id, company.id] AS key,
  [former, present, orgUp] + corporates + bodyUps + deals AS evidence,
  [
    now,
    {
      start: CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
      end: CASE WHEN any(e IN ends WHERE e IS NULL) THEN null ELSE reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e > m THEN e ELSE m END) END
    }
  ] AS timed,
  {
    person: person.name,
    formerRole: coalesce(was.role, 'a position holder'),
    body: body.name,
    seatKind: CASE type(now) WHEN 'SITS_ON_BOARD' THEN 'sits on the board of' ELSE 'holds a position at' END,
    organisation: organisation.name,
    company: CASE WHEN company = organisation THEN null ELSE company.name END,
    dealings: dealings
  } AS facts;
