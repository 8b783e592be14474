// import-undo-records: the undo log of one import, latest batch first (the order to undo it in), with
// what the import would have recorded had it completed.
// $importId: the import's id
MATCH (u:ImportUndo {importId: $importId})
RETURN u.seq AS seq, u.undo AS undo, u.total AS total, u.actor AS actor, u.route AS route, u.summary AS summary, u.at AS at
ORDER BY seq DESC;
