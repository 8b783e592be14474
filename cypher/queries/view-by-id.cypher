// view-by-id: the view a short link names (its state as JSON text).
MATCH (v:SavedView {id: $id})
RETURN v.state AS state;
