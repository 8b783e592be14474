// @name Money flow
// @severity info
// @start key
// @description Who pays whom: for every payer and payee, the payments (donations, grants, loans) and the contracts between them, with a total per currency and the count of unknown value, optionally rolled up to the payee's ultimate parent.
// @title {payer} pays {payee}[ {totals|money}]
// @explanation {payer} pays {payee}[ {totals|money}] in {flows|phrase}[ ({unknown} of unknown value)][, {when|phrase}].
// @phrase flows.payment a payment
// @phrase flows.payments {n} payments
// @phrase flows.contract a contract
// @phrase flows.contracts {n} contracts
// @phrase when.in in {from}
// @phrase when.range from {from} to {to}
// @name.es Flujo de dinero
// @description.es Quién paga a quién: para cada pagador y beneficiario, los pagos (donaciones, subvenciones, préstamos) y los contratos entre ellos, con un total por moneda y el número de importes desconocidos, opcionalmente agrupados en la empresa matriz última del beneficiario.
// @title.es {payer} paga a {payee}[ {totals|money}]
// @explanation.es {payer} paga a {payee}[ {totals|money}] en {flows|phrase}[ ({unknown} de importe desconocido)][, {when|phrase}].
// @phrase.es flows.payment un pago
// @phrase.es flows.payments {n} pagos
// @phrase.es flows.contract un contrato
// @phrase.es flows.contracts {n} contratos
// @phrase.es when.in en {from}
// @phrase.es when.range de {from} a {to}
// @name.ar تدفق الأموال
// @description.ar من يدفع لمن: لكل دافع ومستفيد، الدفعات (التبرعات والمنح والقروض) والعقود بينهما، مع مجموع لكل عملة وعدد المبالغ غير المعروفة، مع إمكانية تجميعها عند الشركة الأم العليا للمستفيد.
// @title.ar {payer} يدفع إلى {payee}[ {totals|money}]
// @explanation.ar {payer} يدفع إلى {payee}[ {totals|money}] عبر {flows|phrase}[ ({unknown} منها بقيمة غير معروفة)][، {when|phrase}].
// @phrase.ar flows.payment دفعة واحدة
// @phrase.ar flows.payments {n} دفعات
// @phrase.ar flows.contract عقد واحد
// @phrase.ar flows.contracts {n} عقود
// @phrase.ar when.in في {from}
// @phrase.ar when.range من {from} إلى {to}
// $rollup: true counts a subsidiary's contracts and payments as its ultimate parent's.

// With a contract as $entity, the payees its vendors count as (found as each flow's payee is, below):
// only the findings it is a flow of are kept, its buyer's with those payees, each still counting every
// flow between the two (as ADR 0045 does for the other patterns). The buyer's other findings do not show
// the contract: 7,187 of them for the largest buyer at 1M relationships, 3.6-7.6 s per edit.
OPTIONAL MATCH (theContract:Entity:Contract {id: $entity})
CALL (theContract) {
  OPTIONAL MATCH (theContract)-[:AWARDED_TO]->(vendor:Organization)
  CALL (vendor) {
    MATCH up = (vendor)-[:SUBSIDIARY_OF*0..3]->(top:Entity)
    WHERE length(up) = 0 OR ($rollup AND top:Organization)
    RETURN top
    ORDER BY length(up) DESC
    LIMIT 1
  }
  RETURN collect(top) AS contractPayees
}
// The payers to look at: every entity, or with $entity only those whose flows can include it (itself,
// the buyer of that contract, the buyers of its contracts or the payers of its payments, or, rolled up,
// its subsidiaries'); each payer's flows are then all counted, so totals are the same as without $entity.
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
  UNION
  MATCH (:Entity {id: $entity})<-[:SUBSIDIARY_OF*0..3]-(:Entity)<-[:PAID]-(payer:Entity)
  RETURN payer
}
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
WITH * WHERE theContract IS NULL OR payee IN contractPayees
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
