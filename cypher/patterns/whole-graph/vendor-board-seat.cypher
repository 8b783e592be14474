// vendor-board-seat over the whole graph (services/findings/ runs it in the background): the same
// question and columns as ../vendor-board-seat.cypher, planned to be linear in the graph rather than in
// the number of (person, contract) pairs. ../vendor-board-seat.cypher stays the form for one $entity.
MATCH (person:Person)
MATCH position = (person)-[pos:HOLDS_POSITION]->(body:PublicBody)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
// The board's organisation: the board itself, or the company it is part of.
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
// The contractor: that company, or its parent or subsidiary.
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(vendor:Organization)
// The buyer: the person's body, or a body above it.
MATCH bodyUp = (body)-[:PART_OF*0..3]->(buyer:PublicBody)
// Every buyer-vendor pair's contracts are found once (a scan of the awards) and joined to the leads by
// hash, instead of walking a buyer's contracts again for every person, body and board that leads to it.
MATCH deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
USING JOIN ON buyer, vendor
// One row per seat, body and contractor, whatever the number of contracts: a large buyer may hold
// thousands with one vendor. Five contracts are kept as evidence; the span covers them all.
// In a fixed order, so the contracts kept as evidence are the same whichever form found them.
WITH *
ORDER BY contract.id
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
    role: pos.role,
    noRole: CASE WHEN pos.role IS NULL THEN 'position' END,
    body: body.name,
    // The body actually held: a body named as a board ("the X board"), or the board of an organisation.
    seatOn: {kind: CASE WHEN toLower(board.name) CONTAINS 'board' THEN 'named' ELSE 'boardOf' END, board: board.name},
    company: CASE WHEN company = board THEN null ELSE company.name END,
    buyer: buyer.name,
    buyerPart: CASE WHEN buyer = body THEN null ELSE body.name END,
    vendor: vendor.name,
    // How the contractor is related to the board's company, as found: a subsidiary, the parent, or
    // another company of the same group (reached through a common parent).
    vendorLink: CASE WHEN vendor = company THEN null
      WHEN EXISTS { (vendor)-[:SUBSIDIARY_OF*1..2]->(company) } THEN {kind: 'subsidiary', of: company.name}
      WHEN EXISTS { (company)-[:SUBSIDIARY_OF*1..2]->(vendor) } THEN {kind: 'parent', of: company.name}
      ELSE {kind: 'sibling', of: company.name} END,
    // "a $750,000 contract" for one; "3 contracts worth $1,200,000 in all" for several.
    deals: CASE WHEN count = 1 THEN 'one' WHEN amount IS NULL THEN 'many' ELSE 'manyPriced' END,
    count: count,
    contract: CASE count WHEN 1 THEN contracts[0].name ELSE null END,
    amount: amount,
    currency: contracts[0].currency,
    purpose: CASE count WHEN 1 THEN toLower(contracts[0].purpose) ELSE null END,
    signed: CASE count WHEN 1 THEN coalesce(contracts[0].signedOn, contracts[0].start) ELSE null END
  } AS facts;
