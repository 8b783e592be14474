// duplicate-rejections: the pairs a person said are not duplicates, so they are not proposed again.
// :DuplicateRejection is not an :Entity: it never shows in the graph, search or statistics.
MATCH (r:DuplicateRejection)
RETURN r.pair AS pair;
