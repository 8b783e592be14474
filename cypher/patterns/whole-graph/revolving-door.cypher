// revolving-door over the whole graph (services/findings/ runs it in the background): the same question
// and columns as ../revolving-door.cypher, which stays the form for one $entity. There, each lead (a
// person's former office and present seat, up to a dealer and a counterpart) walks the dealer's contracts
// again, so a large buyer's thousands of contracts are read once per lead. Here the buyer-vendor pairs'
// contracts are found once (a scan of the awards) and joined to the leads by hash; the data flows, few
// and found between the two ends, are looked up per lead as before.
CALL () {
  MATCH former = (person:Person)-[was:HOLDS_POSITION]->(body:PublicBody)
  WHERE was.current = false OR was.end IS NOT NULL
  MATCH present = (person)-[now:SITS_ON_BOARD|HOLDS_POSITION]->(organisation:Organization)
  WHERE coalesce(now.current, true) <> false
  MATCH orgUp = (organisation)-[:PART_OF*0..2]->(company:Organization)
  MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(counterpart:Organization)
  MATCH bodyUp = (body)-[:PART_OF*0..3]->(dealer:PublicBody)
  MATCH deal = (dealer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(counterpart)
  USING JOIN ON dealer, counterpart
  RETURN person, was, body, now, organisation, company, former, present, orgUp, corporate, bodyUp,
    deal, [contract] AS dealFacts, {kind: 'buys', dealer: dealer.name, counterpart: counterpart.name} AS dealing
  UNION
  MATCH former = (person:Person)-[was:HOLDS_POSITION]->(body:PublicBody)
  WHERE was.current = false OR was.end IS NOT NULL
  MATCH present = (person)-[now:SITS_ON_BOARD|HOLDS_POSITION]->(organisation:Organization)
  WHERE coalesce(now.current, true) <> false
  MATCH orgUp = (organisation)-[:PART_OF*0..2]->(company:Organization)
  MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(counterpart:Organization)
  MATCH bodyUp = (body)-[:PART_OF*0..3]->(dealer:PublicBody)
  CALL (dealer, counterpart) {
    MATCH deal = (dealer)-[flow:SUPPLIES_DATA_TO]->(counterpart)
    RETURN deal, [flow] AS dealFacts, {kind: 'suppliesTo', dealer: dealer.name, counterpart: counterpart.name} AS dealing
    UNION
    MATCH deal = (counterpart)-[flow:SUPPLIES_DATA_TO]->(dealer)
    RETURN deal, [flow] AS dealFacts, {kind: 'suppliedBy', dealer: dealer.name, counterpart: counterpart.name} AS dealing
    UNION
    MATCH deal = (dealer)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(counterpart)
    RETURN deal, [runs, flow] AS dealFacts, {kind: 'system', dealer: dealer.name, system: system.name, counterpart: counterpart.name} AS dealing
  }
  RETURN person, was, body, now, organisation, company, former, present, orgUp, corporate, bodyUp,
    deal, dealFacts, dealing
}
// One row per person, old office and company: the dealings are gathered (ten kept as evidence), since
// a large body may hold thousands of contracts with one company group. In a fixed order, so the evidence
// kept is the same whichever form (this one or ../revolving-door.cypher) found the finding.
WITH *
ORDER BY [r IN relationships(deal) | r.id], [r IN relationships(corporate) | r.id], [r IN relationships(bodyUp) | r.id]
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
    formerRole: was.role,
    noRole: CASE WHEN was.role IS NULL THEN 'position' END,
    body: body.name,
    // The body actually held now: a body named as a board ("the X board"), a board, or a position.
    now: {
      kind: CASE WHEN type(now) <> 'SITS_ON_BOARD' THEN 'position' WHEN toLower(organisation.name) CONTAINS 'board' THEN 'named' ELSE 'board' END,
      organisation: organisation.name
    },
    organisation: organisation.name,
    company: CASE WHEN company = organisation THEN null ELSE company.name END,
    dealings: dealings
  } AS facts;
