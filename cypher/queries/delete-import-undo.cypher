// delete-import-undo: drop undo records of an import: one (`$seq`) once it has been undone, or all of
// them (`$seq` null) when the import is complete.
// $importId, $seq (integer or null)
MATCH (u:ImportUndo {importId: $importId})
WHERE $seq IS NULL OR u.seq = $seq
DELETE u
RETURN count(*) AS deleted;
