// A pair declared "not duplicates" is remembered once (MERGE on its key) and never proposed again.
CREATE CONSTRAINT duplicate_rejection_pair_unique IF NOT EXISTS
FOR (r:DuplicateRejection) REQUIRE r.pair IS UNIQUE;
