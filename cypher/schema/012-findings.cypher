// Stored conflict findings (services/findings/, docs/adr/0021): one :Finding per finding of a generation,
// read in the order of `order` (generation, severity, title), and one :FindingMember per entity in its
// evidence, so an entity's findings are found by index. Neither is an :Entity: they never show in the graph.
CREATE INDEX finding_order IF NOT EXISTS
FOR (f:Finding) ON (f.order);
// One pattern's findings in order (findings-page-of-pattern): a pattern with few findings is not looked
// for among all of them.
CREATE INDEX finding_pattern_order IF NOT EXISTS
FOR (f:Finding) ON (f.pattern, f.order);
CREATE INDEX finding_id IF NOT EXISTS
FOR (f:Finding) ON (f.id);
CREATE INDEX finding_generation IF NOT EXISTS
FOR (f:Finding) ON (f.generation);
// An entity's members of one generation (findings-of-entity-counts and -page, findings-keys), not those
// of a generation being replaced. Every lookup by entity names the generation too, so this index serves
// them all.
CREATE INDEX finding_member_entity_generation IF NOT EXISTS
FOR (m:FindingMember) ON (m.entityId, m.generation);
// Its entity-only index, older than the one above, only slowed every write: a full recomputation writes
// millions of members (about a tenth less time writing findings without it, 100k relationships).
DROP INDEX finding_member_entity IF EXISTS;
CREATE INDEX finding_member_finding IF NOT EXISTS
FOR (m:FindingMember) ON (m.findingId);
CREATE INDEX finding_member_generation IF NOT EXISTS
FOR (m:FindingMember) ON (m.generation);
// The one state node: which generation is served, the graph version it reflects, leases and progress.
CREATE CONSTRAINT findings_state_id IF NOT EXISTS
FOR (s:FindingsState) REQUIRE s.id IS UNIQUE;
// How many findings of each pattern a generation holds, kept as findings are written and removed, so a
// page of the whole-graph list does not count every finding again.
CREATE INDEX finding_count_generation IF NOT EXISTS
FOR (c:FindingCount) ON (c.generation);
