// vendor-board-seat over the whole graph (services/findings/ runs it in the background): the same
// question and columns as ../vendor-board-seat.cypher, which stays the form for one $entity.
//
// The path from the board's company to the contractor (`SUBSIDIARY_OF*0..2`, either way) is cut at its
// middle and the two halves are joined by hash on (buyer, middle): the leads (person, body, buyer, board,
// company, a company next to it) on one side, the awards (buyer, contract, vendor, a company next to the
// vendor) on the other. Walking the whole company group from every lead instead multiplied each lead by
// its group, past the database's transaction memory at 1M relationships (a parent there has 3,260
// subsidiaries); each half grows with the group once. The join is a subquery of its own: planned together
// with the grouping below, the planner dropped the hint and walked from the leads again.
CALL () {
  MATCH position = (person:Person)-[pos:HOLDS_POSITION]->(body:PublicBody),
    seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization),
    // The board's organisation: the board itself, or the company it is part of.
    boardUp = (board)-[:PART_OF*0..2]->(company:Organization),
    // The buyer: the person's body, or a body above it.
    bodyUp = (body)-[:PART_OF*0..3]->(buyer:PublicBody),
    // The contractor: the company, or a company one or two steps away in its group, met at the middle.
    fromCompany = (company)-[:SUBSIDIARY_OF*0..1]-(middle),
    toVendor = (middle)-[:SUBSIDIARY_OF*0..1]-(vendor:Organization),
    deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
  USING JOIN ON buyer, middle
  WHERE coalesce(pos.current, true) <> false
  RETURN person, pos, body, boardSeat, board, company, vendor, buyer, position, seat, boardUp, fromCompany, toVendor, bodyUp, deal, contract
}
WITH *, relationships(fromCompany) AS first, relationships(toVendor) AS second
// Each path from the company to the vendor once: a one-step path ends at the middle, and a two-step
// path does not step back along the step just taken (one MATCH never reuses a relationship; said here too).
WHERE NOT (size(first) = 0 AND size(second) = 1) AND NOT (size(first) = 1 AND size(second) = 1 AND first[0] = second[0])
WITH person, pos, body, boardSeat, board, company, vendor, buyer, position, seat, boardUp, fromCompany, toVendor, bodyUp, deal, contract
// One row per seat, body and contractor, whatever the number of contracts: a large buyer may hold
// thousands with one vendor. Five contracts are kept as evidence, in a fixed order so they are the same
// whichever form found them; the span covers them all.
ORDER BY contract.id
WITH person, pos, body, boardSeat, board, company, vendor, buyer, position, seat, boardUp, fromCompany, toVendor, bodyUp,
  collect(deal) AS deals, collect(contract) AS contracts
WITH person, pos, body, boardSeat, board, company, vendor, buyer, position, seat, boardUp, fromCompany, toVendor, bodyUp,
  deals[..5] AS deals, contracts, size(contracts) AS count,
  [c IN contracts | coalesce(c.start, c.signedOn)] AS starts,
  CASE WHEN all(c IN contracts WHERE c.amount IS NULL) THEN null
    ELSE reduce(sum = 0.0, c IN contracts | sum + coalesce(c.amount, 0.0)) END AS amount
RETURN
  [person.id, body.id, company.id, buyer.id, vendor.id] AS key,
  [position, seat, boardUp, fromCompany, toVendor, bodyUp] + deals AS evidence,
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
