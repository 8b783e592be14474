// @name Revolving door
// @severity medium
// @start key
// @description A person who formerly held a position at a public body now holds a seat or position at an organisation (or its parent or subsidiary) that has contracts or data flows with that body, directly or through a data system the body operates.
// @title {person}, formerly [{formerRole|lower}][{noRole|phrase}] at {body}, now {now|phrase}, whose group deals with {dealings|phrase:with}
// @explanation {person} was [{formerRole|lower}][{noRole|phrase}] at {body} and now {now|phrase:nowFull}[, part of {company}]; {dealings|phrase}.
// @phrase now.named on the {organisation}
// @phrase now.board on the board of {organisation}
// @phrase now.position at {organisation}
// @phrase nowFull.named sits on the {organisation}
// @phrase nowFull.board sits on the board of {organisation}
// @phrase nowFull.position holds a position at {organisation}
// @phrase with.buys {dealer}
// @phrase with.suppliesTo {dealer}
// @phrase with.suppliedBy {dealer}
// @phrase with.system {dealer}
// @phrase dealings.buys {dealer} buys from {counterpart}
// @phrase dealings.suppliesTo {dealer} supplies data to {counterpart}
// @phrase dealings.suppliedBy {counterpart} supplies data to {dealer}
// @phrase dealings.system {dealer}’s {system} feeds {counterpart}
// @phrase noRole.position a position holder
// @name.es Puertas giratorias
// @description.es Una persona que ocupó un cargo en un organismo público ocupa ahora un puesto o cargo en una organización (o en su matriz o filial) que tiene contratos o flujos de datos con ese organismo, directamente o mediante un sistema de datos que el organismo opera.
// @title.es {person}, antes [{formerRole}][{noRole|phrase}] en {body}, ahora {now|phrase}, cuyo grupo tiene tratos con {dealings|phrase:with}
// @explanation.es {person} fue [{formerRole}][{noRole|phrase}] en {body} y ahora {now|phrase:nowFull}[, parte de {company}]; {dealings|phrase}.
// @phrase.es now.named en {organisation}
// @phrase.es now.board en el consejo de {organisation}
// @phrase.es now.position en {organisation}
// @phrase.es nowFull.named forma parte de {organisation}
// @phrase.es nowFull.board forma parte del consejo de {organisation}
// @phrase.es nowFull.position ocupa un cargo en {organisation}
// @phrase.es dealings.buys {dealer} compra a {counterpart}
// @phrase.es dealings.suppliesTo {dealer} suministra datos a {counterpart}
// @phrase.es dealings.suppliedBy {counterpart} suministra datos a {dealer}
// @phrase.es dealings.system {system}, de {dealer}, alimenta a {counterpart}
// @phrase.es noRole.position titular de un cargo
// @name.ar الباب الدوّار
// @description.ar شخص شغل سابقًا منصبًا في جهة عامة ويشغل الآن مقعدًا أو منصبًا في منظمة (أو شركتها الأم أو التابعة لها) لها عقود أو تدفقات بيانات مع تلك الجهة، مباشرةً أو عبر نظام بيانات تشغّله الجهة.
// @title.ar {person}، [{formerRole}][{noRole|phrase}] سابقًا في {body}، الآن {now|phrase}، التي تتعامل مجموعتها مع {dealings|phrase:with}
// @explanation.ar كان {person} [{formerRole}][{noRole|phrase}] في {body}، وهو الآن {now|phrase:nowFull}[، التابع لـ{company}]؛ {dealings|phrase}.
// @phrase.ar now.named في {organisation}
// @phrase.ar now.board في مجلس إدارة {organisation}
// @phrase.ar now.position في {organisation}
// @phrase.ar nowFull.named عضو في {organisation}
// @phrase.ar nowFull.board عضو في مجلس إدارة {organisation}
// @phrase.ar nowFull.position يشغل منصبًا في {organisation}
// @phrase.ar dealings.buys {dealer} تشتري من {counterpart}
// @phrase.ar dealings.suppliesTo {dealer} تزوّد {counterpart} بالبيانات
// @phrase.ar dealings.suppliedBy {counterpart} تزوّد {dealer} بالبيانات
// @phrase.ar dealings.system نظام {system} التابع لـ{dealer} يغذّي {counterpart}
// @phrase.ar noRole.position صاحب منصب

// A contract as $entity counts only in the findings whose dealings can include it: its buyer is the
// body or one above it, its supplier in the company's group. The people found for it also sit in
// other findings, which it cannot change (a hub buyer's people are in hundreds of them at 1M
// relationships, each gathering thousands of dealings).
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
  // the former body, or the body above it that deals with the company
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..3]-(:PublicBody)<-[:HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // the organisation now, or the company it is part of
  MATCH (:Entity {id: $entity})<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // the counterpart in the company's group, or a data system that deals with it
  MATCH (:Entity {id: $entity})-[:SUPPLIES_DATA_TO*0..1]->(counterpart:Organization)
  MATCH (counterpart)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  RETURN person
  UNION
  // a contract with the counterpart: only the people who also held office at its buyer or a body below
  // it (a large supplier's group seats thousands of people, few of whom ever worked for that buyer)
  MATCH (buyer:PublicBody)-[:BUYER_OF]->(:Entity:Contract {id: $entity})-[:AWARDED_TO]->(counterpart:Organization)
  MATCH (counterpart)-[:SUBSIDIARY_OF*0..2]-(:Organization)<-[:PART_OF*0..2]-(:Organization)<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  WHERE EXISTS {
    MATCH (person)-[was:HOLDS_POSITION]->(:PublicBody)-[:PART_OF*0..3]->(buyer)
    WHERE was.current = false OR was.end IS NOT NULL
  }
  RETURN person
}
MATCH former = (person)-[was:HOLDS_POSITION]->(body:PublicBody)
WHERE was.current = false OR was.end IS NOT NULL
MATCH present = (person)-[now:SITS_ON_BOARD|HOLDS_POSITION]->(organisation:Organization)
WHERE coalesce(now.current, true) <> false
MATCH orgUp = (organisation)-[:PART_OF*0..2]->(company:Organization)
// (a finding kept is still gathered whole below, with every dealing of its body and company)
WHERE theContract IS NULL OR (
  EXISTS { MATCH (company)-[:SUBSIDIARY_OF*0..2]-(supplier:Organization) WHERE supplier IN contractVendors }
  AND EXISTS { MATCH (body)-[:PART_OF*0..3]->(buyer:PublicBody) WHERE buyer IN contractBuyers }
)
// The dealings of each lead's body (or a body above it, the dealer) with each counterpart in its
// company's group, a row per deal, reached one of two ways. From each lead, for any $entity but a
// contract: a person at a large body deals with few of its counterparts. From each dealer of the leads,
// for a contract: a large buyer's contract keeps hundreds of leads with the same dealers and company
// group, and walking from each lead read each dealer-counterpart pair's dealings again for every lead,
// path and office (1.76M times for the largest buyer's contract at 1M relationships: 37 s). A dealer's
// dealings are read once per counterpart, its first ten and the first of each dealing kept (only those
// can be among a finding's ten; the span counts them all), and met with the leads' companies halfway,
// as whole-graph/revolving-door.cypher does.
WITH theContract, collect({person: person, was: was, body: body, now: now, organisation: organisation,
  company: company, former: former, present: present, orgUp: orgUp}) AS leads
CALL (theContract, leads) {
  UNWIND CASE WHEN theContract IS NULL THEN leads ELSE [] END AS lead
  WITH lead, lead.company AS company, lead.body AS body
  MATCH corporate = (company)-[:SUBSIDIARY_OF*0..2]-(counterpart:Organization)
  // The body, or the body it is part of, deals with the counterpart.
  MATCH bodyUp = (body)-[:PART_OF*0..3]->(dealer:PublicBody)
  CALL (dealer, counterpart) {
    MATCH deal = (dealer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(counterpart)
    RETURN deal, [contract] AS dealFacts, {kind: 'buys', dealer: dealer.name, counterpart: counterpart.name} AS dealing
    UNION
    MATCH deal = (dealer)-[flow:SUPPLIES_DATA_TO]->(counterpart)
    RETURN deal, [flow] AS dealFacts, {kind: 'suppliesTo', dealer: dealer.name, counterpart: counterpart.name} AS dealing
    UNION
    MATCH deal = (counterpart)-[flow:SUPPLIES_DATA_TO]->(dealer)
    RETURN deal, [flow] AS dealFacts, {kind: 'suppliedBy', dealer: dealer.name, counterpart: counterpart.name} AS dealing
    UNION
    MATCH deal = (dealer)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(counterpart)
    RETURN deal, [runs, flow] AS dealFacts, {kind: 'system', dealer: dealer.name, system: system.name, counterpart: counterpart.name} AS dealing
  }
  WITH lead, corporate, bodyUp, deal, dealing, [f IN dealFacts | coalesce(f.start, f.signedOn)] AS starts, [f IN dealFacts | f.end] AS ends
  RETURN lead, [corporate] AS corporate, relationships(corporate) AS corporateSteps, bodyUp, deal, dealing, [
    CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
    any(s IN starts WHERE s IS NULL),
    CASE WHEN any(e IN ends WHERE e IS NULL) THEN null ELSE reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e > m THEN e ELSE m END) END,
    any(e IN ends WHERE e IS NULL)
  ] AS span
  UNION ALL
  UNWIND CASE WHEN theContract IS NULL THEN [] ELSE leads END AS lead
  WITH lead, lead.body AS body
  MATCH bodyUp = (body)-[:PART_OF*0..3]->(dealer:PublicBody)
  WITH dealer, collect({lead: lead, bodyUp: bodyUp}) AS atDealer
  CALL (dealer, atDealer) {
    CALL (dealer, atDealer) {
      CALL (dealer) {
        MATCH deal = (dealer)-[:BUYER_OF]->(contract:Contract)-[:AWARDED_TO]->(counterpart:Organization)
        RETURN counterpart, deal, [contract] AS dealFacts,
          {kind: 'buys', dealer: dealer.name, counterpart: counterpart.name} AS dealing
        UNION ALL
        MATCH deal = (dealer)-[flow:SUPPLIES_DATA_TO]->(counterpart:Organization)
        RETURN counterpart, deal, [flow] AS dealFacts,
          {kind: 'suppliesTo', dealer: dealer.name, counterpart: counterpart.name} AS dealing
        UNION ALL
        MATCH deal = (counterpart:Organization)-[flow:SUPPLIES_DATA_TO]->(dealer)
        RETURN counterpart, deal, [flow] AS dealFacts,
          {kind: 'suppliedBy', dealer: dealer.name, counterpart: counterpart.name} AS dealing
        UNION ALL
        MATCH deal = (dealer)-[runs:OPERATES]->(system:DataSystem)-[flow:SUPPLIES_DATA_TO]->(counterpart:Organization)
        RETURN counterpart, deal, [runs, flow] AS dealFacts,
          {kind: 'system', dealer: dealer.name, system: system.name, counterpart: counterpart.name} AS dealing
      }
      WITH counterpart, deal, dealFacts, dealing
      ORDER BY [r IN relationships(deal) | r.id]
      WITH counterpart, collect({deal: deal, dealing: dealing}) AS entries, collect(dealFacts) AS factLists,
        collect(DISTINCT dealing) AS dealings
      WITH counterpart, entries[..10] AS firstTen, [d IN dealings | head([e IN entries WHERE e.dealing = d])] AS firstOfKind,
        reduce(all = [], fs IN factLists | all + fs) AS facts
      WITH counterpart, firstTen + [e IN firstOfKind WHERE NOT e IN firstTen] AS entries,
        [f IN facts | coalesce(f.start, f.signedOn)] AS starts, [f IN facts | f.end] AS ends
      MATCH toCounterpart = (middle)-[:SUBSIDIARY_OF*0..1]-(counterpart)
      RETURN middle, null AS at, {toCounterpart: toCounterpart, entries: entries, span: [
        CASE WHEN any(s IN starts WHERE s IS NULL) THEN null ELSE reduce(m = null, s IN starts | CASE WHEN m IS NULL OR s < m THEN s ELSE m END) END,
        any(s IN starts WHERE s IS NULL),
        CASE WHEN any(e IN ends WHERE e IS NULL) THEN null ELSE reduce(m = null, e IN ends | CASE WHEN m IS NULL OR e > m THEN e ELSE m END) END,
        any(e IN ends WHERE e IS NULL)
      ]} AS pair
      UNION ALL
      UNWIND atDealer AS at
      WITH at, at.lead.company AS company
      MATCH fromCompany = (company)-[:SUBSIDIARY_OF*0..1]-(middle)
      RETURN middle, {lead: at.lead, bodyUp: at.bodyUp, fromCompany: fromCompany} AS at, null AS pair
    }
    WITH middle, collect(at) AS ats, collect(pair) AS pairs
    WHERE size(ats) > 0 AND size(pairs) > 0
    UNWIND ats AS at
    UNWIND pairs AS pair
    // Each path from the company to the counterpart once: a one-step path ends at the middle, and a
    // two-step path does not step back along the step just taken.
    WITH at, pair, relationships(at.fromCompany) AS first, relationships(pair.toCounterpart) AS second
    WHERE NOT (size(first) = 0 AND size(second) = 1) AND NOT (size(first) = 1 AND size(second) = 1 AND first[0] = second[0])
    UNWIND pair.entries AS entry
    RETURN at.lead AS lead, [at.fromCompany, pair.toCounterpart] AS corporate, first + second AS corporateSteps,
      at.bodyUp AS bodyUp, entry.deal AS deal, entry.dealing AS dealing, pair.span AS span
  }
  RETURN lead, corporate, corporateSteps, bodyUp, deal, dealing, span
}
WITH lead.person AS person, lead.was AS was, lead.body AS body, lead.now AS now, lead.organisation AS organisation,
  lead.company AS company, lead.former AS former, lead.present AS present, lead.orgUp AS orgUp,
  corporate, corporateSteps, bodyUp, deal, dealing, span
// One row per person, old office and company: the dealings are gathered (ten kept as evidence), since
// a large body may hold thousands of contracts with one company group. In a fixed order, so the evidence
// kept is the same whichever form (this one or whole-graph/revolving-door.cypher) found the finding.
ORDER BY [r IN relationships(deal) | r.id], [r IN corporateSteps | r.id], [r IN relationships(bodyUp) | r.id]
WITH person, was, body, now, organisation, company, former, present, orgUp,
  collect(DISTINCT corporate) AS corporates, collect(DISTINCT bodyUp) AS bodyUps, collect(deal) AS deals,
  collect(DISTINCT dealing) AS dealings, collect(DISTINCT span) AS spans
WITH person, was, body, now, organisation, company, former, present, orgUp,
  reduce(paths = [], c IN corporates[..10] | paths + c) AS corporates, bodyUps[..10] AS bodyUps, deals[..10] AS deals,
  dealings[..10] AS dealings,
  CASE WHEN any(s IN spans WHERE s[1]) THEN null ELSE reduce(m = null, s IN spans | CASE WHEN m IS NULL OR s[0] < m THEN s[0] ELSE m END) END AS start,
  CASE WHEN any(s IN spans WHERE s[3]) THEN null ELSE reduce(m = null, s IN spans | CASE WHEN m IS NULL OR s[2] > m THEN s[2] ELSE m END) END AS end
RETURN
  [person.id, body.id, company.id] AS key,
  [former, present, orgUp] + corporates + bodyUps + deals AS evidence,
  [
    now,
    {
      start: start,
      end: end
    }
  ] AS timed,
  {
    person: person.name,
    formerRole: was.role,
    noRole: CASE WHEN was.role IS NULL THEN 'position' END,
    body: body.name,
    // The body actually held now: a body named as a board ("the X board"), a board, or a position.
    now: {
      kind: CASE WHEN type(now) <> 'SITS_ON_BOARD' THEN 'position' WHEN toLower(organisation.name) CONTAINS 'board' THEN 'named' ELSE 'board' END,
      organisation: organisation.name
    },
    organisation: organisation.name,
    company: CASE WHEN company = organisation THEN null ELSE company.name END,
    dealings: dealings
  } AS facts;
