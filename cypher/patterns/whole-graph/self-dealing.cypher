// self-dealing over the whole graph (services/findings/ runs it in the background): the same question and
// columns as ../self-dealing.cypher, which stays the form for one $entity. It starts from every official;
// no union of starting points. The contracts between a buyer and a vendor are found once (a scan of the
// awards) and joined to the leads by hash (`USING JOIN`), instead of walked again for every official,
// relative and stake that leads to the pair.
MATCH (official:Person)
MATCH office = (official)-[pos:HOLDS_POSITION|MEMBER_OF]->(body:PublicBody)
// The holder: the official, or a relative (spouse, child, sibling...).
MATCH kin = (official)-[:FAMILY_OF*0..1]-(holder:Person)
MATCH hold = (holder)-[stake:OWNS|SITS_ON_BOARD]->(vendor:Organization)
// The official's own board seat at a contractor of the body they work for is vendor-board-seat's finding.
WHERE NOT (holder = official AND type(stake) = 'SITS_ON_BOARD' AND type(pos) = 'HOLDS_POSITION')
MATCH bodyUp = (body)-[:PART_OF*0..2]->(buyer:PublicBody)
MATCH deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
USING JOIN ON buyer, vendor
// One row per official, office, holder, stake and buyer, whatever the number of contracts: five are
// kept as evidence; the span covers them all.
// In a fixed order, so the contracts kept as evidence are the same whichever form found them.
WITH *
ORDER BY contract.id
WITH official, pos, body, holder, stake, vendor, buyer, office, kin, hold, bodyUp,
  collect(deal) AS deals, collect(contract) AS contracts
WITH official, pos, body, holder, stake, vendor, buyer, office, kin, hold, bodyUp,
  deals[..5] AS deals, contracts, size(contracts) AS count,
  [c IN contracts | coalesce(c.start, c.signedOn)] AS starts,
  CASE WHEN all(c IN contracts WHERE coalesce(c.amount, c.amountEur, c.amountUsd) IS NULL) THEN null
    ELSE reduce(sum = 0.0, c IN contracts | sum + coalesce(c.amount, c.amountEur, c.amountUsd, 0.0)) END AS amount,
  reduce(found = [], c IN contracts |
    CASE WHEN coalesce(c.amount, c.amountEur, c.amountUsd) IS NULL THEN found
      ELSE found + CASE WHEN c.amount IS NOT NULL THEN coalesce(c.currency, '') WHEN c.amountEur IS NOT NULL THEN 'EUR' ELSE 'USD' END END) AS currencies
WITH official, pos, body, holder, stake, vendor, buyer, office, kin, hold, bodyUp, deals, contracts, count, starts,
  // amounts in different currencies are never added up
  CASE WHEN size(reduce(d = [], c IN currencies | CASE WHEN c IN d THEN d ELSE d + c END)) = 1 THEN amount ELSE null END AS amount,
  CASE WHEN size(currencies) > 0 AND currencies[0] <> '' THEN currencies[0] ELSE null END AS currency
RETURN
  [official.id, body.id, holder.id, vendor.id, buyer.id] AS key,
  [office, kin, hold, bodyUp] + deals AS evidence,
  [
    pos,
    stake,
    {
      start: CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
      end: CASE WHEN any(c IN contracts WHERE c.end IS NULL) THEN null ELSE reduce(m = null, c IN contracts | CASE WHEN m IS NULL OR c.end > m THEN c.end ELSE m END) END
    }
  ] + relationships(kin) AS timed,
  {
    official: official.name,
    role: pos.role,
    noRole: CASE WHEN pos.role IS NULL THEN CASE type(pos) WHEN 'MEMBER_OF' THEN 'member' ELSE 'position' END END,
    body: body.name,
    holder: CASE WHEN holder = official THEN official.name ELSE holder.name END,
    kinship: CASE WHEN holder = official THEN null
      ELSE {kind: 'relative', official: official.name, relation: head(relationships(kin)).relation} END,
    holds: CASE type(stake) WHEN 'OWNS' THEN 'stake' ELSE 'board' END,
    share: CASE WHEN stake.percentage IS NULL THEN null
      WHEN stake.percentage = toInteger(stake.percentage) THEN toString(toInteger(stake.percentage)) ELSE toString(stake.percentage) END,
    vendor: vendor.name,
    buyer: buyer.name,
    buyerPart: CASE WHEN buyer = body THEN null ELSE body.name END,
    // "a $750,000 contract" for one; "3 contracts worth $1,200,000 in all" for several.
    deals: CASE WHEN count = 1 THEN 'one' WHEN amount IS NULL THEN 'many' ELSE 'manyPriced' END,
    count: count,
    contract: CASE count WHEN 1 THEN contracts[0].name ELSE null END,
    amount: amount,
    currency: currency
  } AS facts;
