// @name Pay to play
// @severity high
// @contract whole
// @description A vendor, its owner or officer, or a relative of one, pays or donates to an official or to the official's party or campaign, and the official's body awards the vendor a contract within a few years of the payment.
// @param window 2   years before or after the payment within which an award counts
// @title {buyer} awarded {vendor} a contract within {window} years of a payment to {recipient}
// @explanation {payer}[ ({payerLink|phrase})] paid {recipient}[ ({recipientLink|phrase})][ {payment|money}][ in {paidWhen}]; {official} is [{role|lower}][{noRole|phrase}] at {body}[, part of {buyerOf}], and {buyer} awarded {vendor} {award}[ in {awardWhen}], within {window} years of the payment.
// @phrase payerLink.owner [a relative of {relative}, ]an owner of {vendor}
// @phrase payerLink.board [a relative of {relative}, ]on the board of {vendor}
// @phrase payerLink.position [a relative of {relative}, ][{role} at ]{vendor}
// @phrase payerLink.staff [a relative of {relative}, ]working at {vendor}
// @phrase recipientLink.member {official} is a member
// @phrase recipientLink.position {official} holds a position there
// @phrase noRole.position a position holder
// @phrase noRole.member a member
// @name.es Pagar para contratar
// @description.es Un contratista, su propietario o directivo, o un familiar de uno de ellos, paga o dona a un cargo público o a su partido o campaña, y el organismo del cargo adjudica un contrato al contratista pocos años antes o después del pago.
// @title.es {buyer} adjudicó un contrato a {vendor} a menos de {window} años de un pago a {recipient}
// @explanation.es {payer}[ ({payerLink|phrase})] pagó a {recipient}[ ({recipientLink|phrase})][ {payment|money}][ en {paidWhen}]; {official} es [{role}][{noRole|phrase}] en {body}[, parte de {buyerOf}], y {buyer} adjudicó a {vendor} {award}[ en {awardWhen}], a menos de {window} años del pago.
// @phrase.es payerLink.owner [familiar de {relative}, ]propietario de {vendor}
// @phrase.es payerLink.board [familiar de {relative}, ]miembro del consejo de {vendor}
// @phrase.es payerLink.position [familiar de {relative}, ][{role} en ]{vendor}
// @phrase.es payerLink.staff [familiar de {relative}, ]trabaja en {vendor}
// @phrase.es recipientLink.member {official} es miembro
// @phrase.es recipientLink.position {official} ocupa un cargo allí
// @phrase.es noRole.position titular de un cargo
// @phrase.es noRole.member miembro
// @name.ar الدفع مقابل العقود
// @description.ar متعاقد، أو مالكه أو أحد مسؤوليه، أو قريب لأحدهم، يدفع أو يتبرع لمسؤول أو لحزبه أو حملته، وتمنح جهةُ المسؤول المتعاقدَ عقدًا في غضون سنوات قليلة من الدفعة.
// @title.ar {buyer} منحت {vendor} عقدًا في غضون {window} سنوات من دفعة إلى {recipient}
// @explanation.ar دفع {payer}[ ({payerLink|phrase})] إلى {recipient}[ ({recipientLink|phrase})][ {payment|money}][ في {paidWhen}]؛ {official} يشغل منصب [{role}][{noRole|phrase}] في {body}[، التابعة لـ{buyerOf}]، ومنحت {buyer} {vendor} {award}[ في {awardWhen}]، في غضون {window} سنوات من الدفعة.
// @phrase.ar payerLink.owner [قريب {relative}، ]أحد مالكي {vendor}
// @phrase.ar payerLink.board [قريب {relative}، ]عضو في مجلس إدارة {vendor}
// @phrase.ar payerLink.position [قريب {relative}، ][{role} في ]{vendor}
// @phrase.ar payerLink.staff [قريب {relative}، ]يعمل في {vendor}
// @phrase.ar recipientLink.member {official} عضو فيها
// @phrase.ar recipientLink.position {official} يشغل منصبًا فيها
// @phrase.ar noRole.position صاحب منصب
// @phrase.ar noRole.member عضو
// $window: how many years before or after the payment an award counts (default 2).

// A contract as $entity is a deal only of the findings between its buyer and its supplier: the payments
// found for it also tie their ends to other buyers and suppliers, findings it cannot change.
OPTIONAL MATCH (theContract:Entity:Contract {id: $entity})
WITH theContract,
  [(contractBuyer:PublicBody)-[:BUYER_OF]->(theContract) | contractBuyer] AS contractBuyers,
  [(theContract)-[:AWARDED_TO]->(contractVendor:Organization) | contractVendor] AS contractVendors
// The payments to look at: all of them, or with $entity only those whose findings can include it,
// found by walking this pattern backwards from the entity along the roles it can play.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (payer:Entity)-[paid:PAID]->(recipient:Entity)
  RETURN paid
  UNION
  // the payer or the recipient (a party, a campaign, the official)
  MATCH (:Entity {id: $entity})-[paid:PAID]-(:Entity)
  RETURN paid
  UNION
  // the vendor, paying itself or through its owners, officers and their relatives
  MATCH (vendor:Entity:Organization {id: $entity})
  MATCH (vendor)<-[:OWNS|SITS_ON_BOARD|HOLDS_POSITION*0..1]-(:Entity)-[:FAMILY_OF*0..1]-(:Entity)-[paid:PAID]->(:Entity)
  RETURN paid
  UNION
  // a contract awarded to the vendor: only the vendor's side's payments to an official (or to what the
  // official belongs to) at the contract's buyer or a body below it; a large supplier's side makes
  // thousands of payments, few of them to that buyer's officials
  MATCH (buyer:PublicBody)-[:BUYER_OF]->(:Entity:Contract {id: $entity})-[:AWARDED_TO]->(vendor:Organization)
  MATCH (vendor)<-[:OWNS|SITS_ON_BOARD|HOLDS_POSITION*0..1]-(:Entity)-[:FAMILY_OF*0..1]-(:Entity)-[paid:PAID]->(recipient:Entity)
  WHERE EXISTS {
    MATCH (recipient)<-[:MEMBER_OF|HOLDS_POSITION*0..1]-(:Person)-[:HOLDS_POSITION|MEMBER_OF]->(:PublicBody)-[:PART_OF*0..2]->(buyer)
  }
  RETURN paid
  UNION
  // the owner or officer, whose relative pays
  MATCH (:Entity:Person {id: $entity})-[:FAMILY_OF]-(:Person)-[paid:PAID]->(:Entity)
  RETURN paid
  UNION
  // the official, or their body or a body above it: payments to the official or to what they belong to
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:PublicBody)<-[:HOLDS_POSITION|MEMBER_OF*0..1]-(official:Person)
  MATCH (official)-[:MEMBER_OF|HOLDS_POSITION*0..1]->(:Entity)<-[paid:PAID]-(:Entity)
  RETURN paid
}
// Each payment's distinct buyers (through the officials on its recipient's side) and vendors (through
// its payer) are paired first, without paths, and each pair's contracts read once: matched as one
// pattern, a large supplier's thousands of contracts were expanded again for every payment, official and
// body beside them (as in whole-graph/pay-to-play.cypher, whose tail this shares).
MATCH (payer:Entity)-[paid]->(recipient:Entity)
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
// (each pair kept is still gathered whole: every payment between its sides, every contract between it)
WITH * WHERE theContract IS NULL OR (buyer IN contractBuyers AND vendor IN contractVendors)
WITH buyer, vendor, collect(paid) AS payments
CALL (buyer, vendor) {
  MATCH (buyer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(vendor)
  RETURN collect(contract) AS contracts
}
WITH buyer, vendor, payments, contracts
WHERE size(contracts) > 0
UNWIND payments AS paid
// The paths, matched a step at a time from the payment's ends, and only then for each contract.
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
