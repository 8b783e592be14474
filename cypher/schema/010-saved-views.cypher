// Short links (/v/<id>) are :SavedView nodes, never :Entity: a view of the explorer too long for an
// address, kept under an id derived from it, so the same view always gets the same link.
CREATE CONSTRAINT saved_view_id IF NOT EXISTS
FOR (v:SavedView) REQUIRE v.id IS UNIQUE;
