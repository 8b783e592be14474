// enforcer-board-seat over the whole graph (services/findings/ runs it in the background): the same
// question and columns as ../enforcer-board-seat.cypher, which stays the form for one $entity. It starts
// from the laws and the bodies they restrict (few), then the people who hold a position there; no union of
// starting points, so nothing runs once per person of the graph.
//
// The path from the board's company to the helper (`SUBSIDIARY_OF*0..2`, either way) is matched a step at
// a time, two steps walked from whichever end has fewer such links: beside a parent with thousands of
// subsidiaries, matching the whole path per row walked the parent's whole group once per (row, helper),
// 175M database hits at 1M relationships.
MATCH (law:Law)-[restriction:RESTRICTS]->(restricted:Entity)
MATCH lawPath = (law)-[restriction]->(restricted)
// The person's body is the restricted body or a part of it.
MATCH bodyUp = (body:PublicBody)-[:PART_OF*0..3]->(restricted)
MATCH position = (person:Person)-[pos:HOLDS_POSITION]->(body)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
MATCH (counterparty:Entity)
WHERE counterparty.id IN coalesce(restriction.counterpartyIds, [])
// The counterparty, or a part of it, gets data from a helper or pays it: the helpers are found from the
// party (its data sources, its contracts' vendors), once per row, and only then matched to the company's
// group. Walking the group first paired every party with each of a large parent's thousands of
// subsidiaries and searched the party's contracts for each pair (1.43M contract rows at 100k
// relationships, more than 5 minutes at 1M).
MATCH counterpartyDown = (party:Entity)-[:PART_OF*0..2]->(counterparty)
CALL (party) {
  MATCH help = (helper:Organization)-[flow:SUPPLIES_DATA_TO]->(party)
  RETURN helper, help, flow AS helpFact, {kind: 'data', helper: helper.name} AS how
  UNION
  MATCH help = (party)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(helper:Organization)
  RETURN helper, help, contract AS helpFact, {kind: 'contract', helper: helper.name} AS how
}
WITH *
CALL (company, helper) {
  // The company itself.
  MATCH corporate = (company)
  WHERE company = helper
  RETURN [corporate] AS corporate, 0 AS corporateLength, [company.id] AS corporateIds
  UNION ALL
  // A company next to it (both ends known: the database looks from the one with fewer links).
  MATCH corporate = (company)-[:SUBSIDIARY_OF]-(helper)
  RETURN [corporate] AS corporate, 1 AS corporateLength, [company.id, helper.id] AS corporateIds
  UNION ALL
  // Two steps, from the company's end.
  WITH company, helper
  WHERE COUNT { (company)-[:SUBSIDIARY_OF]-() } <= COUNT { (helper)-[:SUBSIDIARY_OF]-() }
  MATCH fromCompany = (company)-[first:SUBSIDIARY_OF]-(middle)
  WITH company, helper, middle, first, fromCompany
  MATCH toHelper = (middle)-[second:SUBSIDIARY_OF]-(helper)
  WHERE first <> second
  RETURN [fromCompany, toHelper] AS corporate, 2 AS corporateLength, [company.id, middle.id, helper.id] AS corporateIds
  UNION ALL
  // Two steps, from the helper's end.
  WITH company, helper
  WHERE COUNT { (company)-[:SUBSIDIARY_OF]-() } > COUNT { (helper)-[:SUBSIDIARY_OF]-() }
  MATCH toHelper = (middle)-[second:SUBSIDIARY_OF]-(helper)
  WITH company, helper, middle, second, toHelper
  MATCH fromCompany = (company)-[first:SUBSIDIARY_OF]-(middle)
  WHERE first <> second
  RETURN [fromCompany, toHelper] AS corporate, 2 AS corporateLength, [company.id, middle.id, helper.id] AS corporateIds
}
// One row per person, law, company and protected party: the ways the company's group helps that party
// are gathered (ten kept as evidence), not multiplied into rows.
// In a fixed order, so the ten kept as evidence are the same whichever form found them.
WITH *
ORDER BY helper.id, corporateLength, party.id, length(counterpartyDown), helpFact.id, corporateIds
WITH person, pos, body, law, restriction, board, boardSeat, company, counterparty,
  lawPath, bodyUp, position, seat, boardUp,
  collect(DISTINCT corporate) AS corporates, collect(DISTINCT counterpartyDown) AS downs,
  collect(help) AS helps, collect(helpFact) AS helpFacts, collect(DISTINCT how) AS hows
WITH person, pos, body, law, restriction, board, boardSeat, company, counterparty,
  lawPath, bodyUp, position, seat, boardUp,
  // a path of two steps as its two halves
  reduce(paths = [], c IN corporates[..10] | paths + c) AS corporates, downs[..10] AS downs,
  helps[..10] AS helps, hows[..10] AS hows,
  [f IN helpFacts | coalesce(f.start, f.signedOn)] AS starts, [f IN helpFacts | f.end] AS ends
RETURN
  [person.id, law.id, company.id, counterparty.id] AS key,
  [lawPath, bodyUp, position, seat, boardUp] + corporates + downs + helps AS evidence,
  [
    pos,
    boardSeat,
    restriction,
    {
      start: CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
      end: CASE WHEN any(e IN ends WHERE e IS NULL) THEN null ELSE reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e > m THEN e ELSE m END) END
    }
  ] AS timed,
  {
    person: person.name,
    role: pos.role,
    noRole: CASE WHEN pos.role IS NULL THEN 'position' END,
    body: body.name,
    law: law.name,
    summary: restriction.summary,
    // The body actually held: a body named as a board ("the X board"), or the board of an organisation.
    seatOn: {kind: CASE WHEN toLower(board.name) CONTAINS 'board' THEN 'named' ELSE 'boardOf' END, board: board.name},
    company: CASE WHEN company = board THEN null ELSE company.name END,
    help: hows,
    counterparty: counterparty.name
  } AS facts;
