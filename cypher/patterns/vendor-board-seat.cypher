// @name Vendor board seat of one's own public employer
// @severity high
// @description A person holds a position at a public body and sits on the board of an organisation (or its parent or subsidiary) that is awarded a contract bought by that body or a body it is part of.
// @title {person} sits on the board of {vendor}, a contractor of {buyer}
// @explanation {person} is {role} at {body} and sits on the {board}[, part of {company}]; {buyer}[, {buyerLink},] holds a [{amount|money} ]contract with {vendor}[ ({vendorLink})][ for {purpose}][ signed in {signed}]: {contract}.

MATCH position = (person:Person)-[pos:HOLDS_POSITION]->(body:PublicBody)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
// The board's organisation: the board itself, or the company it is part of.
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
// The contractor: that company, or its parent or subsidiary.
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(vendor:Organization)
// The buyer: the person's body, or a body above it.
MATCH bodyUp = (body)-[:PART_OF*0..3]->(buyer:PublicBody)
MATCH deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
RETURN
  [person.id, body.id, company.id, contract.id] AS key,
  [position, seat, boardUp, corporate, bodyUp, deal] AS evidence,
  [pos, boardSeat, contract] AS timed,
  {
    person: person.name,
    role: coalesce(toLower(left(pos.role, 1)) + substring(pos.role, 1), 'a position holder'),
    body: body.name,
    board: board.name,
    company: CASE WHEN company = board THEN null ELSE company.name END,
    buyer: buyer.name,
    buyerLink: CASE WHEN buyer = body THEN null ELSE 'of which ' + body.name + ' is part' END,
    vendor: vendor.name,
    vendorLink: CASE WHEN vendor = company THEN null
      WHEN EXISTS { (vendor)-[:SUBSIDIARY_OF*1..2]->(company) } THEN 'a subsidiary of ' + company.name
      ELSE 'the parent of ' + company.name END,
    contract: contract.name,
    amount: contract.amount,
    currency: contract.currency,
    purpose: toLower(contract.purpose),
    signed: coalesce(contract.signedOn, contract.start)
  } AS facts;
