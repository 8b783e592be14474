// @name Board seat at a company that helps get around a law one must enforce
// @severity high
// @description A person holds a position at a public body that a law restricts, and sits on the board of an organisation (or its parent or subsidiary) that supplies data to, or is contracted by, the party the law keeps that body from helping.
// @title {person} sits on the board of {owner}, whose group helps {counterparty} around {law}
// @explanation {person} is {role} at {body}, which {law} restricts ({summary|list}); {person} sits on the {board}[, part of {company}], while {counterparty} {help|list}.

MATCH (law:Law)-[restriction:RESTRICTS]->(restricted:Entity)
MATCH lawPath = (law)-[restriction]->(restricted)
// The person's body is the restricted body or a part of it.
MATCH bodyUp = (body:PublicBody)-[:PART_OF*0..3]->(restricted)
MATCH position = (person:Person)-[pos:HOLDS_POSITION]->(body)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(helper:Organization)
MATCH (counterparty:Entity)
WHERE counterparty.id IN coalesce(restriction.counterpartyIds, [])
// The counterparty, or a part of it, gets data from the helper or pays it.
MATCH counterpartyDown = (party:Entity)-[:PART_OF*0..2]->(counterparty)
CALL (helper, party) {
  MATCH help = (helper)-[flow:SUPPLIES_DATA_TO]->(party)
  RETURN help, flow AS helpFact, 'receives data from ' + helper.name AS how
  UNION
  MATCH help = (party)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(helper)
  RETURN help, contract AS helpFact, 'holds a contract with ' + helper.name AS how
}
RETURN
  [person.id, law.id, company.id, counterparty.id] AS key,
  [lawPath, bodyUp, position, seat, boardUp, corporate, counterpartyDown, help] AS evidence,
  [pos, boardSeat, helpFact, restriction] AS timed,
  {
    person: person.name,
    role: coalesce(toLower(left(pos.role, 1)) + substring(pos.role, 1), 'a position holder'),
    body: body.name,
    law: law.name,
    summary: restriction.summary,
    board: board.name,
    company: CASE WHEN company = board THEN null ELSE company.name END,
    owner: company.name,
    help: how,
    counterparty: counterparty.name
  } AS facts;
