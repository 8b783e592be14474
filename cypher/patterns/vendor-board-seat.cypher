// @name Vendor board seat of one's own public employer
// @severity high
// @description A person holds a position at a public body and sits on the board of an organisation (or its parent or subsidiary) that is awarded a contract bought by that body or a body it is part of.
// @title {person} sits on the board of {vendor}, a contractor of {buyer}
// @explanation {person} is {role|lower} at {body} and sits on {board}[, part of {company}]; {buyer}[, {buyerLink},] holds {dealLead}[ {amount|money}][ {dealNoun}] with {vendor}[ ({vendorLink})][ for {purpose}][ signed in {signed}][: {contract}].

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
  // the body, or a body above it (the buyer)
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..3]-(:PublicBody)<-[:HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // the board, or the company it is part of
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
  UNION
  // the vendor (in the company's group), or a contract awarded to it
  MATCH (:Entity {id: $entity})-[:AWARDED_TO*0..1]->(vendor:Organization)
  MATCH (vendor)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
}
MATCH position = (person)-[pos:HOLDS_POSITION]->(body:PublicBody)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
// The board's organisation: the board itself, or the company it is part of.
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
// The contractor: that company, or its parent or subsidiary.
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(vendor:Organization)
// The buyer: the person's body, or a body above it.
MATCH bodyUp = (body)-[:PART_OF*0..3]->(buyer:PublicBody)
MATCH deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
// One row per seat, body and contractor, whatever the number of contracts: a large buyer may hold
// thousands with one vendor. Five contracts are kept as evidence; the span covers them all.
WITH person, pos, body, boardSeat, board, company, vendor, buyer, position, seat, boardUp, corporate, bodyUp,
  collect(deal) AS deals, collect(contract) AS contracts
WITH person, pos, body, boardSeat, board, company, vendor, buyer, position, seat, boardUp, corporate, bodyUp,
  deals[..5] AS deals, contracts, size(contracts) AS count,
  [c IN contracts | coalesce(c.start, c.signedOn)] AS starts,
  CASE WHEN all(c IN contracts WHERE c.amount IS NULL) THEN null
    ELSE reduce(sum = 0.0, c IN contracts | sum + coalesce(c.amount, 0.0)) END AS amount
RETURN
  [person.id, body.id, company.id, buyer.id, vendor.id] AS key,
  [position, seat, boardUp, corporate, bodyUp] + deals AS evidence,
  [
    pos,
    boardSeat,
    {
      start: CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
      end: CASE WHEN any(c IN contracts WHERE c.end IS NULL) THEN null ELSE reduce(m = null, c IN contracts | CASE WHEN m IS NULL OR c.end > m THEN c.end ELSE m END) END
    }
  ] AS timed,
  {
    person: person.name,
    role: coalesce(pos.role, 'a position holder'),
    body: body.name,
    board: CASE WHEN toLower(board.name) CONTAINS 'board' THEN 'the ' + board.name ELSE 'the board of ' + board.name END,
    company: CASE WHEN company = board THEN null ELSE company.name END,
    buyer: buyer.name,
    buyerLink: CASE WHEN buyer = body THEN null ELSE 'of which ' + body.name + ' is part' END,
    vendor: vendor.name,
    vendorLink: CASE WHEN vendor = company THEN null
      WHEN EXISTS { (vendor)-[:SUBSIDIARY_OF*1..2]->(company) } THEN 'a subsidiary of ' + company.name
      ELSE 'the parent of ' + company.name END,
    // "a $750,000 contract" for one; "3 contracts worth $1,200,000 in all" for several.
    dealLead: CASE count WHEN 1 THEN 'a' ELSE toString(count) + ' contracts' + CASE WHEN amount IS NULL THEN '' ELSE ' worth' END END,
    dealNoun: CASE WHEN count = 1 THEN 'contract' WHEN amount IS NULL THEN null ELSE 'in all' END,
    contract: CASE count WHEN 1 THEN contracts[0].name ELSE null END,
    amount: amount,
    currency: contracts[0].currency,
    purpose: CASE count WHEN 1 THEN toLower(contracts[0].purpose) ELSE null END,
    signed: CASE count WHEN 1 THEN coalesce(contracts[0].signedOn, contracts[0].start) ELSE null END
  } AS facts;
