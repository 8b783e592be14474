// Large imports write in several transactions, each with an undo record (docs/adr/0011); undoing or
// completing an import finds its records by import id.
CREATE INDEX import_undo_import_id IF NOT EXISTS
FOR (u:ImportUndo) ON (u.importId);
