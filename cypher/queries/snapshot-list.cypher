// snapshot-list: versions newest first, without their content. $published: true, false or null (all);
// $series: one series or null.
MATCH (s:Snapshot)
WHERE ($published IS NULL OR s.published = $published) AND ($series IS NULL OR s.series = $series)
RETURN s {.id, .series, .version, .published, .createdAt, .publishedAt, .createdBy, .basedOn, .draftId,
          .title, .description, .nodeCount, .edgeCount} AS snapshot
ORDER BY snapshot.createdAt DESC, snapshot.version DESC
LIMIT $limit;
