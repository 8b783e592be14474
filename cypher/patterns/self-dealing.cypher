// @name Self-dealing
// @severity high
// @start key
// @description An official, or a relative of one, owns a stake in or sits on the board of a vendor of the official's own body (or a body it is part of) while the official is in office.
// @title {official} is at {body} while {holder} {holds|phrase} {vendor}, a contractor of {buyer}
// @explanation {official} is [{role|lower}][{noRole|phrase}] at {body}; {holder}[ ({kinship|phrase})] {holds|phrase} {vendor}[ ({share}%)]; {buyer}[, of which {buyerPart} is part,] holds {deals|phrase} with {vendor}[: {contract}].
// @phrase holds.stake owns a stake in
// @phrase holds.board sits on the board of
// @phrase kinship.relative related to {official}[: {relation}]
// @phrase deals.one a[ {amount|money}] contract
// @phrase deals.many {count} contracts
// @phrase deals.manyPriced {count} contracts worth {amount|money} in all
// @phrase noRole.position a position holder
// @phrase noRole.member a member
// @name.es Autocontratación
// @description.es Un cargo público, o un familiar suyo, tiene una participación en un contratista del propio organismo del cargo (o de uno del que forma parte), o forma parte de su consejo, mientras el cargo está en funciones.
// @title.es {official} está en {body} mientras {holder} {holds|phrase} {vendor}, contratista de {buyer}
// @explanation.es {official} es [{role}][{noRole|phrase}] en {body}; {holder}[ ({kinship|phrase})] {holds|phrase} {vendor}[ ({share} %)]; {buyer}[, del que forma parte {buyerPart},] tiene {deals|phrase} con {vendor}[: {contract}].
// @phrase.es holds.stake tiene una participación en
// @phrase.es holds.board forma parte del consejo de
// @phrase.es kinship.relative familiar de {official}[: {relation}]
// @phrase.es deals.one un contrato[ de {amount|money}]
// @phrase.es deals.many {count} contratos
// @phrase.es deals.manyPriced {count} contratos por {amount|money} en total
// @phrase.es noRole.position titular de un cargo
// @phrase.es noRole.member miembro
// @name.ar التعامل مع الذات
// @description.ar مسؤول، أو أحد أقاربه، يملك حصة في متعاقد مع الجهة التي يعمل فيها المسؤول (أو جهة تتبع لها) أو يجلس في مجلس إدارته، بينما المسؤول في منصبه.
// @title.ar {official} في {body} بينما {holder} {holds|phrase} {vendor}، المتعاقد مع {buyer}
// @explanation.ar {official} يشغل منصب [{role}][{noRole|phrase}] في {body}؛ {holder}[ ({kinship|phrase})] {holds|phrase} {vendor}[ ({share}%)]؛ ولدى {buyer}[، الذي تتبع له {buyerPart}،] {deals|phrase} مع {vendor}[: {contract}].
// @phrase.ar holds.stake يملك حصة في
// @phrase.ar holds.board عضو في مجلس إدارة
// @phrase.ar kinship.relative قريب {official}[: {relation}]
// @phrase.ar deals.one عقد[ بقيمة {amount|money}]
// @phrase.ar deals.many {count} عقود
// @phrase.ar deals.manyPriced {count} عقود بقيمة إجمالية {amount|money}
// @phrase.ar noRole.position صاحب منصب
// @phrase.ar noRole.member عضو

// The officials to look at: everyone, or with $entity only those whose findings can include it, found
// by walking this pattern backwards from the entity along the roles it can play.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (official:Person)
  RETURN official
  UNION
  MATCH (official:Entity:Person {id: $entity})
  RETURN official
  UNION
  // the body, or a body above it (the buyer)
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:PublicBody)<-[:HOLDS_POSITION|MEMBER_OF]-(official:Person)
  RETURN official
  UNION
  // a relative who holds the stake or the seat
  MATCH (:Entity:Person {id: $entity})-[:FAMILY_OF]-(official:Person)
  RETURN official
  UNION
  // the vendor, or a contract awarded to it
  MATCH (:Entity {id: $entity})-[:AWARDED_TO*0..1]->(:Organization)<-[:OWNS|SITS_ON_BOARD]-(:Person)-[:FAMILY_OF*0..1]-(official:Person)
  RETURN official
}
MATCH office = (official)-[pos:HOLDS_POSITION|MEMBER_OF]->(body:PublicBody)
// The holder: the official, or a relative (spouse, child, sibling...).
MATCH kin = (official)-[:FAMILY_OF*0..1]-(holder:Person)
MATCH hold = (holder)-[stake:OWNS|SITS_ON_BOARD]->(vendor:Organization)
// The official's own board seat at a contractor of the body they work for is vendor-board-seat's finding.
WHERE NOT (holder = official AND type(stake) = 'SITS_ON_BOARD' AND type(pos) = 'HOLDS_POSITION')
MATCH bodyUp = (body)-[:PART_OF*0..2]->(buyer:PublicBody)
MATCH deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
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
