// findings-counts: how many findings of each pattern generation $generation holds, as kept by
// findings-create and findings-delete (findings-count counts them again, for an asOf date).
MATCH (c:FindingCount {generation: $generation})
WHERE c.count > 0
RETURN c.pattern AS pattern, c.count AS count;
