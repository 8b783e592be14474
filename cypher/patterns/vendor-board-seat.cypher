// @name Vendor board seat of one's own public employer
// @severity high
// @start key
// @description A person holds a position at a public body and sits on the board of an organisation (or its parent or subsidiary) that is awarded a contract bought by that body or a body it is part of.
// @title {person} sits on {seatOn|phrase}[, part of {company}], and {vendor}[, {vendorLink|phrase},] is a contractor of {buyer}
// @explanation {person} is [{role|lower}][{noRole|phrase}] at {body} and sits on {seatOn|phrase}[, part of {company}]; {buyer}[, of which {buyerPart} is part,] holds {deals|phrase} with {vendor}[ ({vendorLink|phrase})][ for {purpose}][ signed in {signed}][: {contract}].
// @phrase seatOn.named the {board}
// @phrase seatOn.boardOf the board of {board}
// @phrase vendorLink.subsidiary a subsidiary of {of}
// @phrase vendorLink.parent the parent company of {of}
// @phrase vendorLink.sibling in the same group as {of}
// @phrase deals.one a[ {amount|money}] contract
// @phrase deals.many {count} contracts
// @phrase deals.manyPriced {count} contracts worth {amount|money} in all
// @phrase noRole.position a position holder
// @name.es Puesto en el consejo de un contratista del propio organismo público
// @description.es Una persona ocupa un cargo en un organismo público y forma parte del consejo de una organización (o de su matriz o filial) que tiene adjudicado un contrato comprado por ese organismo o por uno del que forma parte.
// @title.es {person} forma parte de {seatOn|phrase}[, parte de {company}], y {vendor}[, {vendorLink|phrase},] es contratista de {buyer}
// @explanation.es {person} es [{role}][{noRole|phrase}] en {body} y forma parte de {seatOn|phrase}[, parte de {company}]; {buyer}[, del que forma parte {buyerPart},] tiene {deals|phrase} con {vendor}[ ({vendorLink|phrase})][ para {purpose}][ firmado en {signed}][: {contract}].
// @phrase.es seatOn.named {board}
// @phrase.es seatOn.boardOf el consejo de {board}
// @phrase.es vendorLink.subsidiary filial de {of}
// @phrase.es vendorLink.parent empresa matriz de {of}
// @phrase.es vendorLink.sibling del mismo grupo empresarial que {of}
// @phrase.es deals.one un contrato[ de {amount|money}]
// @phrase.es deals.many {count} contratos
// @phrase.es deals.manyPriced {count} contratos por {amount|money} en total
// @phrase.es noRole.position titular de un cargo
// @name.ar مقعد في مجلس إدارة متعاقد مع الجهة العامة التي يعمل فيها الشخص
// @description.ar يشغل شخص منصبًا في جهة عامة ويجلس في مجلس إدارة منظمة (أو شركتها الأم أو التابعة لها) حصلت على عقد اشترته تلك الجهة أو جهة تتبع لها.
// @title.ar {person} عضو في {seatOn|phrase}[، التابع لـ{company}]، و{vendor}[، {vendorLink|phrase}،] متعاقد مع {buyer}
// @explanation.ar {person} يشغل منصب [{role}][{noRole|phrase}] في {body} وهو عضو في {seatOn|phrase}[، التابع لـ{company}]؛ ولدى {buyer}[، الذي تتبع له {buyerPart}،] {deals|phrase} مع {vendor}[ ({vendorLink|phrase})][ لغرض {purpose}][، وُقّع في {signed}][: {contract}].
// @phrase.ar seatOn.named {board}
// @phrase.ar seatOn.boardOf مجلس إدارة {board}
// @phrase.ar vendorLink.subsidiary شركة تابعة لـ{of}
// @phrase.ar vendorLink.parent الشركة الأم لـ{of}
// @phrase.ar vendorLink.sibling من مجموعة الشركات نفسها التي تنتمي إليها {of}
// @phrase.ar deals.one عقد[ بقيمة {amount|money}]
// @phrase.ar deals.many {count} عقود
// @phrase.ar deals.manyPriced {count} عقود بقيمة إجمالية {amount|money}
// @phrase.ar noRole.position صاحب منصب

// A contract as $entity counts only in the findings of its buyer and its supplier (it is one of their
// deals): the people found for it also sit in other findings, about other buyers and suppliers, which
// it cannot change (a hub buyer's people are in over 100,000 of them at 1M relationships).
OPTIONAL MATCH (theContract:Entity:Contract {id: $entity})
WITH theContract,
  [(contractBuyer:PublicBody)-[:BUYER_OF]->(theContract) | contractBuyer] AS contractBuyers,
  [(theContract)-[:AWARDED_TO]->(contractVendor:Organization) | contractVendor] AS contractVendors
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
  // the vendor (in the company's group)
  MATCH (vendor:Entity:Organization {id: $entity})
  MATCH (vendor)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
  UNION
  // a contract awarded to the vendor: only the people who also hold a position at its buyer or a body
  // below it (a large supplier's group seats thousands of people, few of whom work for that buyer)
  MATCH (buyer:PublicBody)-[:BUYER_OF]->(:Entity:Contract {id: $entity})-[:AWARDED_TO]->(vendor:Organization)
  MATCH (vendor)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  WHERE EXISTS {
    MATCH (person)-[pos:HOLDS_POSITION]->(:PublicBody)-[:PART_OF*0..3]->(buyer)
    WHERE coalesce(pos.current, true) <> false
  }
  RETURN person
}
MATCH position = (person)-[pos:HOLDS_POSITION]->(body:PublicBody)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
// The board's organisation: the board itself, or the company it is part of.
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
// The contractor: that company, or its parent or subsidiary.
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(vendor:Organization)
WHERE theContract IS NULL OR vendor IN contractVendors
// The buyer: the person's body, or a body above it.
MATCH bodyUp = (body)-[:PART_OF*0..3]->(buyer:PublicBody)
WHERE theContract IS NULL OR buyer IN contractBuyers
MATCH deal = (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
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
