// @name Board interlock
// @severity medium
// @description Two organisations or public bodies share a board member or officer, for the time both roles overlapped.
// @title {ties|phrase}
// @explanation {people|list} {atFirst|phrase:at}[ ({roleAtFirst|lower})] and {atSecond|phrase:at}[ ({roleAtSecond|lower})].
// @phrase ties.boards {first} and {second} share a board member: {people|list}
// @phrase ties.mixed {people|list} {atFirst|phrase:at} and {atSecond|phrase:at}
// @phrase ties.positions {people|list} holds positions at both {first} and {second}
// @phrase at.board sits on the board of {org}
// @phrase at.board-former sat on the board of {org}
// @phrase at.boardNamed sits on the {org}
// @phrase at.boardNamed-former sat on the {org}
// @phrase at.position holds a position at {org}
// @phrase at.position-former held a position at {org}
// @name.es Consejos y cargos entrelazados
// @description.es Dos organizaciones u organismos públicos comparten un miembro del consejo o un cargo, durante el tiempo en que ambos puestos coincidieron.
// @explanation.es {people|list} {atFirst|phrase:at}[ ({roleAtFirst})] y {atSecond|phrase:at}[ ({roleAtSecond})].
// @phrase.es ties.boards {first} y {second} comparten un miembro del consejo: {people|list}
// @phrase.es ties.mixed {people|list} {atFirst|phrase:at} y {atSecond|phrase:at}
// @phrase.es ties.positions {people|list} ocupa cargos tanto en {first} como en {second}
// @phrase.es at.board forma parte del consejo de {org}
// @phrase.es at.board-former formó parte del consejo de {org}
// @phrase.es at.boardNamed forma parte de {org}
// @phrase.es at.boardNamed-former formó parte de {org}
// @phrase.es at.position ocupa un cargo en {org}
// @phrase.es at.position-former ocupó un cargo en {org}
// @name.ar تشابك مجالس الإدارة والمناصب
// @description.ar منظمتان أو جهتان عامتان تتشاركان عضوًا في مجلس الإدارة أو صاحب منصب، خلال الفترة التي اجتمع فيها المنصبان.
// @explanation.ar {people|list} {atFirst|phrase:at}[ ({roleAtFirst})] و{atSecond|phrase:at}[ ({roleAtSecond})].
// @phrase.ar ties.boards {first} و{second} تتشاركان عضوًا في مجلس الإدارة: {people|list}
// @phrase.ar ties.mixed {people|list} {atFirst|phrase:at} و{atSecond|phrase:at}
// @phrase.ar ties.positions {people|list} يشغل منصبين في {first} و{second}
// @phrase.ar at.board عضو في مجلس إدارة {org}
// @phrase.ar at.board-former كان عضوًا في مجلس إدارة {org}
// @phrase.ar at.boardNamed عضو في {org}
// @phrase.ar at.boardNamed-former كان عضوًا في {org}
// @phrase.ar at.position يشغل منصبًا في {org}
// @phrase.ar at.position-former شغل منصبًا سابقًا في {org}

// The people to look at: everyone, or with $entity only those a finding about it can start from (the
// entity itself, or the people who sit on it or work at it), so an entity's findings touch its neighbours.
CALL () {
  // (without $entity: an empty list, so the scan below never runs for one entity)
  UNWIND CASE WHEN $entity IS NULL THEN [true] ELSE [] END AS everyone
  MATCH (person:Person)
  RETURN person
  UNION
  MATCH (person:Entity:Person {id: $entity})
  RETURN person
  UNION
  MATCH (:Entity {id: $entity})<-[:SITS_ON_BOARD|HOLDS_POSITION]-(person:Person)
  RETURN person
}
MATCH atFirst = (person)-[r1:SITS_ON_BOARD|HOLDS_POSITION]->(first:Entity)
MATCH atSecond = (person)-[r2:SITS_ON_BOARD|HOLDS_POSITION]->(second:Entity)
WHERE first.id < second.id
  AND (first:Organization OR first:PublicBody) AND (second:Organization OR second:PublicBody)
  // A unit and the company or body it belongs to are one organisation, not an interlock.
  AND NOT EXISTS { (first)-[:PART_OF|SUBSIDIARY_OF*1..3]-(second) }
RETURN
  [first.id, second.id] AS key,
  [atFirst, atSecond] AS evidence,
  [r1, r2] AS timed,
  {
    first: first.name,
    second: second.name,
    people: person.name,
    // A board seat and a position (employment or office) are told apart, a body named as a board is
    // not called "the board of" itself, and a former tie is said to be one.
    ties: CASE WHEN type(r1) = type(r2) AND type(r1) = 'SITS_ON_BOARD' THEN 'boards'
      WHEN type(r1) = type(r2) THEN 'positions' ELSE 'mixed' END,
    atFirst: {
      kind: CASE WHEN type(r1) <> 'SITS_ON_BOARD' THEN 'position' WHEN toLower(first.name) CONTAINS 'board' THEN 'boardNamed' ELSE 'board' END
        + CASE WHEN r1.current = false THEN '-former' ELSE '' END,
      org: first.name
    },
    atSecond: {
      kind: CASE WHEN type(r2) <> 'SITS_ON_BOARD' THEN 'position' WHEN toLower(second.name) CONTAINS 'board' THEN 'boardNamed' ELSE 'board' END
        + CASE WHEN r2.current = false THEN '-former' ELSE '' END,
      org: second.name
    },
    roleAtFirst: CASE type(r1) WHEN 'SITS_ON_BOARD' THEN r1.seat ELSE r1.role END,
    roleAtSecond: CASE type(r2) WHEN 'SITS_ON_BOARD' THEN r2.seat ELSE r2.role END
  } AS facts;
