// @name Board interlock
// @severity medium
// @description Two organisations or public bodies share a board member or officer, for the time both roles overlapped.
// @title {ties|phrase}
// @explanation {people|list} {atFirst|phrase:at} {first}[ ({roleAtFirst|lower})] and {atSecond|phrase:at} {second}[ ({roleAtSecond|lower})].
// @phrase ties.board-board {first} and {second} share a board member: {people|list}
// @phrase ties.board-position {people|list} sits on the board of {first} and holds a position at {second}
// @phrase ties.position-board {people|list} holds a position at {first} and sits on the board of {second}
// @phrase ties.position-position {people|list} holds positions at both {first} and {second}
// @phrase at.board sits on the board of
// @phrase at.board-former sat on the board of
// @phrase at.position holds a position at
// @phrase at.position-former held a position at
// @name.es Consejos y cargos entrelazados
// @description.es Dos organizaciones u organismos públicos comparten un miembro del consejo o un cargo, durante el tiempo en que ambos puestos coincidieron.
// @explanation.es {people|list} {atFirst|phrase:at} {first}[ ({roleAtFirst})] y {atSecond|phrase:at} {second}[ ({roleAtSecond})].
// @phrase.es ties.board-board {first} y {second} comparten un miembro del consejo: {people|list}
// @phrase.es ties.board-position {people|list} forma parte del consejo de {first} y ocupa un cargo en {second}
// @phrase.es ties.position-board {people|list} ocupa un cargo en {first} y forma parte del consejo de {second}
// @phrase.es ties.position-position {people|list} ocupa cargos tanto en {first} como en {second}
// @phrase.es at.board forma parte del consejo de
// @phrase.es at.board-former formó parte del consejo de
// @phrase.es at.position ocupa un cargo en
// @phrase.es at.position-former ocupó un cargo en
// @name.ar تشابك مجالس الإدارة والمناصب
// @description.ar منظمتان أو جهتان عامتان تتشاركان عضوًا في مجلس الإدارة أو صاحب منصب، خلال الفترة التي اجتمع فيها المنصبان.
// @explanation.ar {people|list} {atFirst|phrase:at} {first}[ ({roleAtFirst})] و{atSecond|phrase:at} {second}[ ({roleAtSecond})].
// @phrase.ar ties.board-board {first} و{second} تتشاركان عضوًا في مجلس الإدارة: {people|list}
// @phrase.ar ties.board-position {people|list} عضو في مجلس إدارة {first} ويشغل منصبًا في {second}
// @phrase.ar ties.position-board {people|list} يشغل منصبًا في {first} وعضو في مجلس إدارة {second}
// @phrase.ar ties.position-position {people|list} يشغل منصبين في {first} و{second}
// @phrase.ar at.board عضو في مجلس إدارة
// @phrase.ar at.board-former كان عضوًا في مجلس إدارة
// @phrase.ar at.position يشغل منصبًا في
// @phrase.ar at.position-former شغل منصبًا سابقًا في

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
    // A board seat and a position (employment or office) are told apart, and a former one is said to be.
    ties: CASE type(r1) WHEN 'SITS_ON_BOARD' THEN 'board' ELSE 'position' END
      + '-' + CASE type(r2) WHEN 'SITS_ON_BOARD' THEN 'board' ELSE 'position' END,
    atFirst: CASE type(r1) WHEN 'SITS_ON_BOARD' THEN 'board' ELSE 'position' END
      + CASE WHEN r1.current = false THEN '-former' ELSE '' END,
    atSecond: CASE type(r2) WHEN 'SITS_ON_BOARD' THEN 'board' ELSE 'position' END
      + CASE WHEN r2.current = false THEN '-former' ELSE '' END,
    roleAtFirst: CASE type(r1) WHEN 'SITS_ON_BOARD' THEN r1.seat ELSE r1.role END,
    roleAtSecond: CASE type(r2) WHEN 'SITS_ON_BOARD' THEN r2.seat ELSE r2.role END
  } AS facts;
