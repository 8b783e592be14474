// revolving-door over the whole graph (services/findings/ runs it in the background): the same question and
// columns as ../revolving-door.cypher, which stays the form for one $entity. It starts from every person;
// no union of starting points. The dealings of each (dealer, counterpart) pair are found once, however many
// people, old offices and companies lead to that pair, then handed back to each of them.
MATCH (person:Person)
MATCH former = (person)-[was:HOLDS_POSITION]->(body:PublicBody)
WHERE was.current = false OR was.end IS NOT NULL
MATCH present = (person)-[now:SITS_ON_BOARD|HOLDS_POSITION]->(organisation:Organization)
WHERE coalesce(now.current, true) <> false
MATCH orgUp = (organisation)-[:PART_OF*0..2]->(company:Organization)
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(counterpart:Organization)
// The body, or the body it is part of, deals with the counterpart.
MATCH bodyUp = (body)-[:PART_OF*0..3]->(dealer:PublicBody)
// Each (dealer, counterpart) pair once: its dealings are found once, then handed back to every lead.
WITH dealer, counterpart,
  collect({person: person, was: was, body: body, now: now, organisation: organisation, company: company,
    former: former, present: present, orgUp: orgUp, corporate: corporate, bodyUp: bodyUp}) AS leads
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
WITH dealer, counterpart, leads, collect(deal) AS pairDeals, collect(dealFacts) AS pairFacts, collect(dealing) AS pairDealings
UNWIND leads AS lead
WITH lead.person AS person, lead.was AS was, lead.body AS body, lead.now AS now, lead.organisation AS organisation,
  lead.company AS company, lead.former AS former, lead.present AS present, lead.orgUp AS orgUp,
  lead.corporate AS corporate, lead.bodyUp AS bodyUp, pairDeals, pairFacts, pairDealings
// One row per person, old office and company: the dealings are gathered (ten kept as evidence), since
// a large body may hold thousands of contracts with one company group.
WITH person, was, body, now, organisation, company, former, present, orgUp,
  collect(DISTINCT corporate) AS corporates, collect(DISTINCT bodyUp) AS bodyUps,
  reduce(all = [], ds IN collect(pairDeals) | all + ds) AS deals,
  reduce(all = [], fs IN collect(pairFacts) | all + fs) AS dealFactLists,
  reduce(all = [], ds IN collect(pairDealings) | all + [d IN ds WHERE NOT d IN all]) AS dealings
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
