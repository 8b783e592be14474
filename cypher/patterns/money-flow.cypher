// @name Money flow
// @severity info
// @description Who pays whom: for every payer and payee, the total, the count and the date range of the contracts between them, optionally rolled up to the payee's ultimate parent.
// @title {payer} pays {payee}[ {total|money}]
// @explanation {payer} holds {contracts} with {payee}[ worth {total|money}][ ({undisclosed} of undisclosed value)][, {when}].
// $rollup: true counts a subsidiary's contracts as its ultimate parent's.

// The payers to look at: every buyer, or with $entity only those whose flows can include it (itself,
// the buyer of that contract, or the buyers of its contracts or, rolled up, its subsidiaries'); each
// payer's contracts are then all counted, so totals are the same as without $entity.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (payer:Entity)
  RETURN payer
  UNION
  MATCH (payer:Entity {id: $entity})
  RETURN payer
  UNION
  MATCH (:Entity {id: $entity})<-[:BUYER_OF]-(payer:Entity)
  RETURN payer
  UNION
  MATCH (:Entity {id: $entity})<-[:SUBSIDIARY_OF*0..3]-(:Organization)<-[:AWARDED_TO]-(:Contract)<-[:BUYER_OF]-(payer:Entity)
  RETURN payer
}
MATCH deal = (payer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor:Organization)
// The payee: the vendor, or with $rollup its top-most parent (at most 3 levels up).
CALL (vendor) {
  MATCH up = (vendor)-[:SUBSIDIARY_OF*0..3]->(top:Organization)
  WHERE $rollup OR length(up) = 0
  RETURN up, top AS payee
  ORDER BY length(up) DESC
  LIMIT 1
}
WITH payer, payee, collect(deal) + collect(up) AS paths, collect(contract) AS contracts
WITH payer, payee, paths, contracts,
  [c IN contracts | coalesce(c.signedOn, c.start)] AS dates,
  reduce(found = [], c IN contracts |
    CASE WHEN c.amount IS NULL OR coalesce(c.currency, 'USD') IN found THEN found ELSE found + coalesce(c.currency, 'USD') END) AS currencies
// Amounts in different currencies are never added up: such a pair reports no total.
WITH payer, payee, paths, contracts, dates, CASE size(currencies) WHEN 1 THEN currencies[0] ELSE null END AS currency,
  size(currencies) <= 1 AND any(c IN contracts WHERE c.amount IS NOT NULL) AS summable
WITH payer, payee, paths, contracts, currency, summable,
  reduce(first = null, d IN dates | CASE WHEN d IS NOT NULL AND (first IS NULL OR d < first) THEN d ELSE first END) AS earliest,
  reduce(last = null, d IN dates | CASE WHEN d IS NOT NULL AND (last IS NULL OR d > last) THEN d ELSE last END) AS latest
RETURN
  [payer.id, payee.id] AS key,
  paths AS evidence,
  [] AS timed,
  {
    payerId: payer.id,
    payer: payer.name,
    payeeId: payee.id,
    payee: payee.name,
    total: CASE WHEN summable THEN reduce(sum = 0.0, c IN contracts | sum + coalesce(c.amount, 0.0)) ELSE null END,
    currency: currency,
    count: size(contracts),
    contracts: CASE size(contracts) WHEN 1 THEN 'a contract' ELSE toString(size(contracts)) + ' contracts' END,
    undisclosed: CASE size([c IN contracts WHERE c.amount IS NULL]) WHEN 0 THEN null ELSE size([c IN contracts WHERE c.amount IS NULL]) END,
    from: earliest,
    to: latest,
    when: CASE WHEN earliest IS NULL THEN null WHEN earliest = latest THEN 'in ' + earliest ELSE 'from ' + earliest + ' to ' + latest END,
    contractIds: [c IN contracts | c.id]
  } AS facts;
