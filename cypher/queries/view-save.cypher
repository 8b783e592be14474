// view-save: keep a view of the explorer under its content-derived id. Saving the same view again
// changes nothing, so a link handed out once keeps meaning the same view.
// $view: {id, state, createdAt, createdBy}
MERGE (v:SavedView {id: $view.id})
ON CREATE SET v.state = $view.state, v.createdAt = $view.createdAt, v.createdBy = $view.createdBy
RETURN v.id AS id;
