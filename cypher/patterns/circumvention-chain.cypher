// @name Circumvention chain (data laundering)
// @severity high
// @start key
// @description A body that a law restricts from sharing with an agency supplies data, directly or through a data system it operates, to an organisation that passes it on to that agency or is contracted by it.
// @title {body} data reaches {agency} through {intermediary}, around {law}
// @explanation {law} restricts {body} ({summary|list}), yet {body} {route|phrase} {intermediary}, which {onward|phrase} {agency}.
// @phrase route.direct supplies data to
// @phrase route.system runs {system}, which feeds
// @phrase onward.data supplies data to
// @phrase onward.contract is contracted by
// @name.es Cadena para eludir la ley (blanqueo de datos)
// @description.es Un organismo al que una ley prohíbe compartir información con una agencia suministra datos, directamente o mediante un sistema de datos que opera, a una organización que los transmite a esa agencia o que está contratada por ella.
// @title.es Los datos de {body} llegan a {agency} a través de {intermediary}, eludiendo {law}
// @explanation.es {law} impone restricciones a {body} ({summary|list}); aun así, {body} {route|phrase} {intermediary}, que {onward|phrase} {agency}.
// @phrase.es route.direct suministra datos a
// @phrase.es route.system opera {system}, que alimenta a
// @phrase.es onward.data suministra datos a
// @phrase.es onward.contract está contratada por
// @name.ar سلسلة التفاف على القانون (غسل البيانات)
// @description.ar جهة يمنعها قانون من مشاركة المعلومات مع وكالة تزوّد بالبيانات، مباشرةً أو عبر نظام بيانات تشغّله، منظمةً تنقلها إلى تلك الوكالة أو تتعاقد معها الوكالة.
// @title.ar بيانات {body} تصل إلى {agency} عبر {intermediary}، التفافًا على {law}
// @explanation.ar يقيّد {law} {body} ({summary|list})، ومع ذلك {route|phrase} {intermediary}، التي {onward|phrase} {agency}.
// @phrase.ar route.direct تزوّد {body} بالبيانات
// @phrase.ar route.system تشغّل {body} نظام {system}، الذي يغذّي
// @phrase.ar onward.data تزوّد بالبيانات
// @phrase.ar onward.contract تتعاقد معها

// The laws to look at: every law, or with $entity only those a finding about it can start from, found by
// walking this pattern backwards from the entity (to the law) along the roles it can play.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (law:Law)
  RETURN law
  UNION
  MATCH (law:Entity:Law {id: $entity})
  RETURN law
  UNION
  // the restricted body, or a body under it (the source of the data)
  MATCH (:Entity {id: $entity})-[:PART_OF*0..3]->(:PublicBody)<-[:RESTRICTS]-(law:Law)
  RETURN law
  UNION
  // the intermediary or the data system it is fed through, or a contract awarded to the intermediary
  MATCH (:Entity {id: $entity})-[:AWARDED_TO*0..1]->(:Entity)<-[:SUPPLIES_DATA_TO|OPERATES*1..2]-(:PublicBody)
    -[:PART_OF*0..3]->(:PublicBody)<-[:RESTRICTS]-(law:Law)
  RETURN law
  UNION
  // the agency, or a part of it (the party that gets the data or pays for it): the laws naming it
  MATCH (:Entity {id: $entity})-[:PART_OF*0..2]->(agency:Entity)
  MATCH (law:Law)-[restriction:RESTRICTS]->()
  WHERE agency.id IN coalesce(restriction.counterpartyIds, [])
  RETURN law
}
MATCH lawPath = (law)-[restriction:RESTRICTS]->(restricted:PublicBody)
MATCH bodyUp = (body:PublicBody)-[:PART_OF*0..3]->(restricted)
MATCH (agency:Entity)
WHERE agency.id IN coalesce(restriction.counterpartyIds, [])
// First leg: the restricted body's data goes to an intermediary organisation.
CALL (body) {
  MATCH source = (body)-[flow:SUPPLIES_DATA_TO]->(intermediary:Organization)
  RETURN source, intermediary, [flow] AS sourceFacts, {kind: 'direct'} AS route
  UNION
  MATCH source = (body)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(intermediary:Organization)
  RETURN source, intermediary, [runs, flow] AS sourceFacts, {kind: 'system', system: system.name} AS route
}
// Second leg: the intermediary passes the data on to the agency (or a part of it), or is paid by it.
MATCH agencyDown = (party:Entity)-[:PART_OF*0..2]->(agency)
CALL (intermediary, party) {
  MATCH onwardPath = (intermediary)-[flow:SUPPLIES_DATA_TO]->(party)
  RETURN onwardPath, flow AS onwardFact, 'data' AS onward
  UNION
  MATCH onwardPath = (party)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(intermediary)
  RETURN onwardPath, contract AS onwardFact, 'contract' AS onward
}
RETURN
  [law.id, body.id, intermediary.id, agency.id] AS key,
  [lawPath, bodyUp, source, agencyDown, onwardPath] AS evidence,
  [restriction] + sourceFacts + [onwardFact] AS timed,
  {
    law: law.name,
    summary: restriction.summary,
    body: body.name,
    route: route,
    intermediary: intermediary.name,
    onward: onward,
    agency: agency.name
  } AS facts;
