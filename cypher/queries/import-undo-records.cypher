// import-undo-records: the undo log of one import, latest batch first (the order to undo it in).
// $importId: the import's id
MATCH (u:ImportUndo {importId: $importId})
RETURN u.seq AS seq, u.undo AS undo
ORDER BY seq DESC;
