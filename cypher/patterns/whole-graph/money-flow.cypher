// money-flow over the whole graph (services/findings/ runs it in the background): the same question and
// columns as ../money-flow.cypher, which stays the form for one $entity. It starts from every payer; no
// union of starting points (which would put the rest under an `Apply` per payer). Each flow is read once
// from its payer.
MATCH (payer:Entity)
// Each flow: a contract (buyer -> contract -> vendor) or a payment (payer -> payee). Its value is the
// amount in its currency, else the euro or dollar value the source gives; an award's own value, where
// a source gives one, before the whole contract's. A contract awarded to several vendors, or a payment
// to several payees, is one `group`: counted once in overall totals.
CALL (payer) {
  MATCH deal = (payer)-[:BUYER_OF]->(contract:Contract)-[award:AWARDED_TO]->(receiver:Organization)
  WITH deal, receiver, contract,
    CASE WHEN coalesce(award.amount, award.amountEur, award.amountUsd) IS NULL THEN contract ELSE award END AS priced
  RETURN deal, receiver, {
    id: contract.id, kind: 'contract', group: contract.id, date: coalesce(contract.signedOn, contract.start),
    amount: coalesce(priced.amount, priced.amountEur, priced.amountUsd),
    currency: CASE WHEN priced.amount IS NOT NULL THEN priced.currency WHEN priced.amountEur IS NOT NULL THEN 'EUR'
      WHEN priced.amountUsd IS NOT NULL THEN 'USD' END
  } AS flow
  UNION ALL
  MATCH deal = (payer)-[paid:PAID]->(receiver:Entity)
  RETURN deal, receiver, {
    id: paid.id, kind: 'payment', group: coalesce(paid.ftmId, paid.id), date: paid.start,
    amount: coalesce(paid.amount, paid.amountEur, paid.amountUsd),
    currency: CASE WHEN paid.amount IS NOT NULL THEN paid.currency WHEN paid.amountEur IS NOT NULL THEN 'EUR'
      WHEN paid.amountUsd IS NOT NULL THEN 'USD' END
  } AS flow
}
// The payee: the receiver, or with $rollup its top-most parent company (at most 3 levels up).
CALL (receiver) {
  MATCH up = (receiver)-[:SUBSIDIARY_OF*0..3]->(top:Entity)
  WHERE length(up) = 0 OR ($rollup AND top:Organization)
  RETURN up, top AS payee
  ORDER BY length(up) DESC
  LIMIT 1
}
WITH payer, payee, collect(deal) + collect(up) AS paths, collect(flow) AS flows
// Amounts in different currencies are never added up: one total per currency ('' for an amount whose
// currency the source does not give).
WITH payer, payee, paths, flows,
  reduce(found = [], f IN flows |
    CASE WHEN f.amount IS NULL OR coalesce(f.currency, '') IN found THEN found ELSE found + coalesce(f.currency, '') END) AS currencies,
  [f IN flows WHERE f.date IS NOT NULL | f.date] AS dates,
  size([f IN flows WHERE f.amount IS NULL]) AS unknown,
  size([f IN flows WHERE f.kind = 'contract']) AS contracts,
  size([f IN flows WHERE f.kind = 'payment']) AS payments
WITH payer, payee, paths, flows, unknown, contracts, payments,
  [c IN currencies | {
    currency: CASE c WHEN '' THEN null ELSE c END,
    amount: reduce(sum = 0.0, f IN flows | sum + CASE WHEN f.amount IS NOT NULL AND coalesce(f.currency, '') = c THEN f.amount ELSE 0.0 END)
  }] AS totals,
  reduce(first = null, d IN dates | CASE WHEN first IS NULL OR d < first THEN d ELSE first END) AS earliest,
  reduce(last = null, d IN dates | CASE WHEN last IS NULL OR d > last THEN d ELSE last END) AS latest
RETURN
  [payer.id, payee.id] AS key,
  paths AS evidence,
  [] AS timed,
  {
    payerId: payer.id,
    payer: payer.name,
    payeeId: payee.id,
    payee: payee.name,
    totals: totals,
    count: size(flows),
    flows: [x IN [
        CASE payments WHEN 0 THEN null WHEN 1 THEN {kind: 'payment'} ELSE {kind: 'payments', n: payments} END,
        CASE contracts WHEN 0 THEN null WHEN 1 THEN {kind: 'contract'} ELSE {kind: 'contracts', n: contracts} END
      ] WHERE x IS NOT NULL],
    unknown: CASE unknown WHEN 0 THEN null ELSE unknown END,
    from: earliest,
    to: latest,
    when: CASE WHEN earliest IS NULL THEN null WHEN earliest = latest THEN {kind: 'in', from: earliest}
      ELSE {kind: 'range', from: earliest, to: latest} END,
    contractIds: [f IN flows WHERE f.kind = 'contract' | f.id],
    paymentIds: [f IN flows WHERE f.kind = 'payment' | f.id],
    flowList: flows
  } AS facts;
