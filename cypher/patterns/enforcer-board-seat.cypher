// @name Board seat at a company that helps get around a law one must enforce
// @severity high
// @start key
// @description A person holds a position at a public body that a law restricts, and sits on the board of an organisation (or its parent or subsidiary) that supplies data to, or is contracted by, the party the law keeps that body from helping.
// @title {person} sits on {seatOn|phrase}[, part of {company}], whose group helps {counterparty} around {law}
// @explanation {person} is [{role|lower}][{noRole|phrase}] at {body}, which {law} restricts ({summary|list}); {person} sits on {seatOn|phrase}[, part of {company}], while {counterparty} {help|phrase}.
// @phrase seatOn.named the {board}
// @phrase seatOn.boardOf the board of {board}
// @phrase help.data receives data from {helper}
// @phrase help.contract holds a contract with {helper}
// @phrase noRole.position a position holder
// @name.es Puesto en el consejo de una empresa que ayuda a eludir una ley que uno debe hacer cumplir
// @description.es Una persona ocupa un cargo en un organismo público al que una ley impone restricciones, y forma parte del consejo de una organización (o de su matriz o filial) que suministra datos a la parte a la que la ley impide ayudar a ese organismo, o que es contratada por ella.
// @title.es {person} forma parte de {seatOn|phrase}[, parte de {company}], cuyo grupo ayuda a {counterparty} a eludir {law}
// @explanation.es {person} es [{role}][{noRole|phrase}] en {body}, al que {law} impone restricciones ({summary|list}); {person} forma parte de {seatOn|phrase}[, parte de {company}], mientras {counterparty} {help|phrase}.
// @phrase.es seatOn.named {board}
// @phrase.es seatOn.boardOf el consejo de {board}
// @phrase.es help.data recibe datos de {helper}
// @phrase.es help.contract tiene un contrato con {helper}
// @phrase.es noRole.position titular de un cargo
// @name.ar مقعد في مجلس إدارة شركة تساعد على الالتفاف على قانون يُفترض بالشخص إنفاذه
// @description.ar يشغل شخص منصبًا في جهة عامة يقيّدها قانون، ويجلس في مجلس إدارة منظمة (أو شركتها الأم أو التابعة لها) تزوّد بالبيانات الطرفَ الذي يمنع القانونُ تلك الجهةَ من مساعدته، أو يتعاقد معها ذلك الطرف.
// @title.ar {person} عضو في {seatOn|phrase}[، التابع لـ{company}]، الذي تساعد مجموعتُه {counterparty} على الالتفاف على {law}
// @explanation.ar {person} يشغل منصب [{role}][{noRole|phrase}] في {body}، التي يقيّدها {law} ({summary|list})؛ و{person} عضو في {seatOn|phrase}[، التابع لـ{company}]، بينما {counterparty} {help|phrase}.
// @phrase.ar seatOn.named {board}
// @phrase.ar seatOn.boardOf مجلس إدارة {board}
// @phrase.ar help.data تتلقى بيانات من {helper}
// @phrase.ar help.contract لديها عقد مع {helper}
// @phrase.ar noRole.position صاحب منصب

// A contract as $entity helps only the findings whose counterparty is its buyer or above it and whose
// company's group holds its supplier: the people found for it also sit in other findings, which it
// cannot change.
OPTIONAL MATCH (theContract:Entity:Contract {id: $entity})
WITH theContract,
  [(contractBuyer:Entity)-[:BUYER_OF]->(theContract) | contractBuyer] AS contractBuyers,
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
  // the person's body, or the restricted body above it, or the law restricting it
  MATCH (:Entity {id: $entity})-[:RESTRICTS*0..1]->(:Entity)<-[:PART_OF*0..3]-(:PublicBody)<-[:HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // the board, or the company it is part of
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
  UNION
  // the helper in the company's group
  MATCH (helper:Entity:Organization {id: $entity})
  MATCH (helper)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
  UNION
  // a contract awarded to the helper: only when its buyer is (part of) a protected counterparty, and
  // then only the people holding a position under the body restricted from it (a large supplier's
  // group seats thousands of people, few of whom work for such a body)
  MATCH (party:Entity)-[:BUYER_OF]->(:Entity:Contract {id: $entity})-[:AWARDED_TO]->(helper:Organization)
  MATCH (party)-[:PART_OF*0..2]->(counterparty:Entity)
  MATCH (:Law)-[restriction:RESTRICTS]->(restricted:Entity)
  WHERE counterparty.id IN coalesce(restriction.counterpartyIds, [])
  // (the restricted bodies first: the planner would otherwise test every restriction for each member)
  WITH DISTINCT helper, restricted
  MATCH (restricted)<-[:PART_OF*0..3]-(:PublicBody)<-[:HOLDS_POSITION]-(person:Person)
  WHERE EXISTS { MATCH (person)-[:SITS_ON_BOARD]->(:Organization)-[:PART_OF*0..2]->(:Organization)-[:SUBSIDIARY_OF*0..2]-(helper) }
  RETURN person
  UNION
  // the party it supplies data to (or what that party is part of)
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:Entity)<-[:SUPPLIES_DATA_TO]-(helper:Organization)
  MATCH (helper)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
  UNION
  // the party it is contracted by (or what that party is part of)
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:Entity)-[:BUYER_OF]->(:Contract)-[:AWARDED_TO]->(helper:Organization)
  MATCH (helper)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD]-(person:Person)
  RETURN person
}
MATCH (law:Law)-[restriction:RESTRICTS]->(restricted:Entity)
MATCH lawPath = (law)-[restriction]->(restricted)
// The person's body is the restricted body or a part of it.
MATCH bodyUp = (body:PublicBody)-[:PART_OF*0..3]->(restricted)
MATCH position = (person)-[pos:HOLDS_POSITION]->(body)
WHERE coalesce(pos.current, true) <> false
MATCH seat = (person)-[boardSeat:SITS_ON_BOARD]->(board:Organization)
MATCH boardUp = (board)-[:PART_OF*0..2]->(company:Organization)
// (a finding kept is still gathered whole below, with every help of its company's group)
WHERE theContract IS NULL
  OR EXISTS { MATCH (company)-[:SUBSIDIARY_OF*0..2]-(supplier:Organization) WHERE supplier IN contractVendors }
MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(helper:Organization)
MATCH (counterparty:Entity)
WHERE counterparty.id IN coalesce(restriction.counterpartyIds, [])
  AND (theContract IS NULL
    OR EXISTS { MATCH (contractParty:Entity)-[:PART_OF*0..2]->(counterparty) WHERE contractParty IN contractBuyers })
// The counterparty, or a part of it, gets data from the helper or pays it.
MATCH counterpartyDown = (party:Entity)-[:PART_OF*0..2]->(counterparty)
CALL (helper, party) {
  MATCH help = (helper)-[flow:SUPPLIES_DATA_TO]->(party)
  RETURN help, flow AS helpFact, {kind: 'data', helper: helper.name} AS how
  UNION
  MATCH help = (party)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(helper)
  RETURN help, contract AS helpFact, {kind: 'contract', helper: helper.name} AS how
}
// One row per person, law, company and protected party: the ways the company's group helps that party
// are gathered (ten kept as evidence), not multiplied into rows.
// In a fixed order, so the ten kept as evidence are the same whichever form found them.
WITH *
ORDER BY helper.id, length(corporate), party.id, length(counterpartyDown), helpFact.id, [n IN nodes(corporate) | n.id]
WITH person, pos, body, law, restriction, board, boardSeat, company, counterparty,
  lawPath, bodyUp, position, seat, boardUp,
  collect(DISTINCT corporate) AS corporates, collect(DISTINCT counterpartyDown) AS downs,
  collect(help) AS helps, collect(helpFact) AS helpFacts, collect(DISTINCT how) AS hows
WITH person, pos, body, law, restriction, board, boardSeat, company, counterparty,
  lawPath, bodyUp, position, seat, boardUp, corporates[..10] AS corporates, downs[..10] AS downs,
  helps[..10] AS helps, hows[..10] AS hows,
  [f IN helpFacts | coalesce(f.start, f.signedOn)] AS starts, [f IN helpFacts | f.end] AS ends
RETURN
  [person.id, law.id, company.id, counterparty.id] AS key,
  [lawPath, bodyUp, position, seat, boardUp] + corporates + downs + helps AS evidence,
  [
    pos,
    boardSeat,
    restriction,
    {
      start: CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
      end: CASE WHEN any(e IN ends WHERE e IS NULL) THEN null ELSE reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e > m THEN e ELSE m END) END
    }
  ] AS timed,
  {
    person: person.name,
    role: pos.role,
    noRole: CASE WHEN pos.role IS NULL THEN 'position' END,
    body: body.name,
    law: law.name,
    summary: restriction.summary,
    // The body actually held: a body named as a board ("the X board"), or the board of an organisation.
    seatOn: {kind: CASE WHEN toLower(board.name) CONTAINS 'board' THEN 'named' ELSE 'boardOf' END, board: board.name},
    company: CASE WHEN company = board THEN null ELSE company.name END,
    help: hows,
    counterparty: counterparty.name
  } AS facts;
