// pay-to-play over the whole graph (services/findings/ runs it in the background): the same question and
// columns as ../pay-to-play.cypher, which stays the form for one $entity.
//
// A payment reaches buyers through the officials on its recipient's side and vendors through its payer,
// and only a few of those (buyer, vendor) pairs hold a contract. Matching the whole pattern at once
// built every payment's buyers times its vendors with their paths before the contracts narrowed them (at
// 1M relationships: past the database's transaction memory). Here each payment's distinct buyers and
// vendors are paired first, without paths, and met with the contracts in one grouping on (buyer, vendor),
// a hash join; the paths are matched only for the payments and contracts that meet.
CALL () {
  MATCH (payer:Entity)-[paid:PAID]->(recipient:Entity)
  // Paying a public body itself (a fee, a fine) is not paying an official's side.
  WHERE NOT recipient:PublicBody
  CALL (recipient) {
    MATCH (official:Person)-[:MEMBER_OF|HOLDS_POSITION*0..1]->(recipient)
    MATCH (official)-[:HOLDS_POSITION|MEMBER_OF]->(:PublicBody)-[:PART_OF*0..2]->(buyer:PublicBody)
    RETURN DISTINCT buyer
  }
  CALL (payer) {
    MATCH (payer)-[:FAMILY_OF*0..1]-(:Entity)-[:OWNS|SITS_ON_BOARD|HOLDS_POSITION*0..1]->(vendor:Organization)
    RETURN DISTINCT vendor
  }
  RETURN buyer, vendor, paid, null AS contract
  UNION ALL
  MATCH (buyer:PublicBody)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor:Organization)
  RETURN buyer, vendor, null AS paid, contract
}
WITH buyer, vendor, collect(paid) AS payments, collect(contract) AS contracts
WHERE size(payments) > 0 AND size(contracts) > 0
UNWIND payments AS paid
// The paths, matched a step at a time from the payment's ends (a step per clause keeps the planner from
// starting at a buyer's bodies or a vendor's insiders), and only then for each contract.
MATCH gift = (payer:Entity)-[paid]->(recipient:Entity)
WHERE recipient <> vendor
// The official: the recipient, or a member or officer of it (a party, a campaign).
MATCH side = (official:Person)-[:MEMBER_OF|HOLDS_POSITION*0..1]->(recipient)
WHERE official <> payer
WITH *
MATCH office = (official)-[pos:HOLDS_POSITION|MEMBER_OF]->(body:PublicBody)
WITH *
MATCH bodyUp = (body)-[:PART_OF*0..2]->(buyer)
WITH *
// The payer: the vendor, someone who owns it, sits on its board or holds a position there, or a
// relative of one of them. An official paying their own side for their own company is self-dealing,
// not this.
MATCH tie = (payer)-[:FAMILY_OF*0..1]-(insider:Entity)-[:OWNS|SITS_ON_BOARD|HOLDS_POSITION*0..1]->(vendor)
WHERE official <> insider
WITH *
UNWIND contracts AS contract
MATCH deal = (buyer)-[:BUYER_OF]->(contract)-[:AWARDED_TO]->(vendor)
WITH payer, paid, recipient, official, pos, body, buyer, contract, vendor, insider, gift, side, office, bodyUp, deal, tie,
  coalesce(contract.signedOn, contract.start) AS awarded,
  [r IN relationships(tie) | type(r)] AS links
RETURN
  [vendor.id, official.id, buyer.id] AS key,
  [gift, side, office, bodyUp, deal, tie] AS evidence,
  [
    pos,
    // the years around the payment in which an award counts; partial dates keep their precision
    CASE WHEN paid.start IS NULL THEN {} ELSE {
      start: toString(toInteger(left(paid.start, 4)) - toInteger($window)) + substring(paid.start, 4),
      end: toString(toInteger(left(coalesce(paid.end, paid.start), 4)) + toInteger($window)) + substring(coalesce(paid.end, paid.start), 4)
    } END,
    CASE WHEN awarded IS NULL THEN {} ELSE {start: awarded, end: awarded} END
  ] + relationships(side) + relationships(tie) AS timed,
  {
    payer: payer.name,
    payerLink: CASE WHEN payer = vendor THEN null ELSE {
      kind: CASE links[-1] WHEN 'OWNS' THEN 'owner' WHEN 'SITS_ON_BOARD' THEN 'board' ELSE
        CASE WHEN last(relationships(tie)).role IS NULL THEN 'staff' ELSE 'position' END END,
      relative: CASE WHEN insider <> payer THEN insider.name END,
      role: last(relationships(tie)).role,
      vendor: vendor.name
    } END,
    recipient: recipient.name,
    recipientLink: CASE WHEN recipient = official THEN null
      ELSE {kind: CASE type(last(relationships(side))) WHEN 'MEMBER_OF' THEN 'member' ELSE 'position' END, official: official.name} END,
    payment: CASE WHEN coalesce(paid.amount, paid.amountEur, paid.amountUsd) IS NULL THEN null ELSE {
      amount: coalesce(paid.amount, paid.amountEur, paid.amountUsd),
      currency: CASE WHEN paid.amount IS NOT NULL THEN paid.currency WHEN paid.amountEur IS NOT NULL THEN 'EUR' ELSE 'USD' END
    } END,
    paidWhen: paid.start,
    official: official.name,
    role: pos.role,
    noRole: CASE WHEN pos.role IS NULL THEN CASE type(pos) WHEN 'MEMBER_OF' THEN 'member' ELSE 'position' END END,
    body: body.name,
    buyerOf: CASE WHEN buyer = body THEN null ELSE buyer.name END,
    buyer: buyer.name,
    vendor: vendor.name,
    award: contract.name,
    awardWhen: awarded,
    window: $window
  } AS facts;
