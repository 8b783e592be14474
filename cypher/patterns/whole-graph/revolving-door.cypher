// revolving-door over the whole graph (services/findings/ runs it in the background): the same question
// and columns as ../revolving-door.cypher, which stays the form for one $entity.
//
// Walking from every lead (a person's former office and present seat) through the company's whole group
// to the dealer's counterparts multiplied each lead by its group and each dealer's thousands of
// contracts: at 1M relationships that passed the database's transaction memory. Here the work goes
// dealer by dealer. A dealer's dealings are gathered per counterpart first (the first ten and the first
// of each kind kept, the span summed up), and the company-to-counterpart path (`SUBSIDIARY_OF*0..2`,
// either way) is cut at its middle: the counterparts reach a company next to them, the leads a company
// next to theirs, and the two meet on that middle in one grouping, a hash join per dealer.
CALL () {
  MATCH (:Person)-[was:HOLDS_POSITION]->(:PublicBody)-[:PART_OF*0..3]->(dealer:PublicBody)
  WHERE was.current = false OR was.end IS NOT NULL
  RETURN DISTINCT dealer
}
CALL (dealer) {
  CALL (dealer) {
    CALL (dealer) {
      MATCH deal = (dealer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(counterpart:Organization)
      RETURN counterpart, deal, [contract] AS dealFacts,
        {kind: 'buys', dealer: dealer.name, counterpart: counterpart.name} AS dealing
      UNION ALL
      MATCH deal = (dealer)-[flow:SUPPLIES_DATA_TO]->(counterpart:Organization)
      RETURN counterpart, deal, [flow] AS dealFacts,
        {kind: 'suppliesTo', dealer: dealer.name, counterpart: counterpart.name} AS dealing
      UNION ALL
      MATCH deal = (counterpart:Organization)-[flow:SUPPLIES_DATA_TO]->(dealer)
      RETURN counterpart, deal, [flow] AS dealFacts,
        {kind: 'suppliedBy', dealer: dealer.name, counterpart: counterpart.name} AS dealing
      UNION ALL
      MATCH deal = (dealer)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(counterpart:Organization)
      RETURN counterpart, deal, [runs, flow] AS dealFacts,
        {kind: 'system', dealer: dealer.name, system: system.name, counterpart: counterpart.name} AS dealing
    }
    WITH counterpart, deal, dealFacts, dealing
    ORDER BY [r IN relationships(deal) | r.id]
    WITH counterpart, collect({deal: deal, dealing: dealing}) AS entries, collect(dealFacts) AS factLists,
      collect(DISTINCT dealing) AS dealings
    // Only the first ten dealings of a counterpart can be among a finding's ten, and only a kind's first
    // can place it among the finding's kinds: the others are counted in the span and dropped.
    WITH counterpart, entries[..10] AS firstTen, [d IN dealings | head([e IN entries WHERE e.dealing = d])] AS firstOfKind,
      reduce(all = [], fs IN factLists | all + fs) AS facts
    WITH counterpart, firstTen + [e IN firstOfKind WHERE NOT e IN firstTen] AS entries,
      [f IN facts | coalesce(f.start, f.signedOn)] AS starts, [f IN facts | f.end] AS ends
    MATCH toCounterpart = (middle)-[:SUBSIDIARY_OF*0..1]-(counterpart)
    RETURN middle, null AS lead, {
      toCounterpart: toCounterpart,
      entries: entries,
      start: CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
      startOpen: any(s IN starts WHERE s IS NULL),
      end: CASE WHEN any(e IN ends WHERE e IS NULL) THEN null ELSE reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e > m THEN e ELSE m END) END,
      endOpen: any(e IN ends WHERE e IS NULL)
    } AS pair
    UNION ALL
    MATCH bodyUp = (body:PublicBody)-[:PART_OF*0..3]->(dealer)
    MATCH former = (person:Person)-[was:HOLDS_POSITION]->(body)
    WHERE was.current = false OR was.end IS NOT NULL
    MATCH present = (person)-[now:SITS_ON_BOARD|HOLDS_POSITION]->(organisation:Organization)
    WHERE coalesce(now.current, true) <> false
    MATCH orgUp = (organisation)-[:PART_OF*0..2]->(company:Organization)
    MATCH fromCompany = (company)-[:SUBSIDIARY_OF*0..1]-(middle)
    RETURN middle, {person: person, was: was, body: body, now: now, organisation: organisation, company: company,
      former: former, present: present, orgUp: orgUp, bodyUp: bodyUp, fromCompany: fromCompany} AS lead, null AS pair
  }
  WITH middle, collect(lead) AS leads, collect(pair) AS pairs
  WHERE size(leads) > 0 AND size(pairs) > 0
  UNWIND leads AS lead
  UNWIND pairs AS pair
  // Each path from the company to the counterpart once: a one-step path ends at the middle, and a
  // two-step path does not step back along the step just taken.
  WITH lead, pair, relationships(lead.fromCompany) AS first, relationships(pair.toCounterpart) AS second
  WHERE NOT (size(first) = 0 AND size(second) = 1) AND NOT (size(first) = 1 AND size(second) = 1 AND first[0] = second[0])
  RETURN lead, pair
}
UNWIND pair.entries AS entry
WITH lead.person AS person, lead.was AS was, lead.body AS body, lead.now AS now, lead.organisation AS organisation,
  lead.company AS company, lead.former AS former, lead.present AS present, lead.orgUp AS orgUp, lead.bodyUp AS bodyUp,
  [lead.fromCompany, pair.toCounterpart] AS corporate, pair, entry.deal AS deal, entry.dealing AS dealing
// One row per person, old office and company: the dealings are gathered (ten kept as evidence). In a
// fixed order, so the evidence kept is the same whichever form (this one or ../revolving-door.cypher)
// found the finding: the company's path to the counterpart is the two halves' relationships, in order.
ORDER BY [r IN relationships(deal) | r.id], [r IN relationships(corporate[0]) + relationships(corporate[1]) | r.id],
  [r IN relationships(bodyUp) | r.id]
WITH person, was, body, now, organisation, company, former, present, orgUp,
  collect(DISTINCT corporate) AS corporates, collect(DISTINCT bodyUp) AS bodyUps, collect(deal) AS deals,
  collect(DISTINCT dealing) AS dealings, collect(DISTINCT [pair.start, pair.startOpen, pair.end, pair.endOpen]) AS spans
WITH person, was, body, now, organisation, company, former, present, orgUp,
  reduce(halves = [], c IN corporates[..10] | halves + c) AS corporates, bodyUps[..10] AS bodyUps, deals[..10] AS deals,
  dealings[..10] AS dealings,
  CASE WHEN any(s IN spans WHERE s[1]) THEN null ELSE reduce(m = null, s IN spans | CASE WHEN m IS NULL OR s[0] < m THEN s[0] ELSE m END) END AS start,
  CASE WHEN any(s IN spans WHERE s[3]) THEN null ELSE reduce(m = null, s IN spans | CASE WHEN m IS NULL OR s[2] > m THEN s[2] ELSE m END) END AS end
RETURN
  [person.id, body.id, company.id] AS key,
  [former, present, orgUp] + corporates + bodyUps + deals AS evidence,
  [
    now,
    {
      start: start,
      end: end
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
