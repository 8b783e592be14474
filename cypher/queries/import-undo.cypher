// import-undo: one record of an import's undo log, written in the same transaction as the batch it undoes,
// so a committed batch always has its undo. :ImportUndo is never an :Entity (see docs/adr/0011).
// $record: {importId, seq, at, actor, undo (JSON of the step that reverses the batch)}
CREATE (u:ImportUndo)
SET u = $record
RETURN u.seq AS seq;
