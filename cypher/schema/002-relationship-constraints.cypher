// Relationship ids are unique per type, and the uniqueness constraint gives each type an index on id,
// which imports use to MERGE relationships by id. One statement per type in the schema allowlist
// (schemas/graph.ts RELATIONSHIP_RULES); a unit test keeps this file and the allowlist in step.

CREATE CONSTRAINT rel_holds_position_id_unique IF NOT EXISTS
FOR ()-[r:HOLDS_POSITION]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_sits_on_board_id_unique IF NOT EXISTS
FOR ()-[r:SITS_ON_BOARD]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_member_of_id_unique IF NOT EXISTS
FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_subsidiary_of_id_unique IF NOT EXISTS
FOR ()-[r:SUBSIDIARY_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_part_of_id_unique IF NOT EXISTS
FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_operates_id_unique IF NOT EXISTS
FOR ()-[r:OPERATES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_supplies_data_to_id_unique IF NOT EXISTS
FOR ()-[r:SUPPLIES_DATA_TO]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_buyer_of_id_unique IF NOT EXISTS
FOR ()-[r:BUYER_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_awarded_to_id_unique IF NOT EXISTS
FOR ()-[r:AWARDED_TO]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_restricts_id_unique IF NOT EXISTS
FOR ()-[r:RESTRICTS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_published_id_unique IF NOT EXISTS
FOR ()-[r:PUBLISHED]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_quoted_in_id_unique IF NOT EXISTS
FOR ()-[r:QUOTED_IN]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_mentions_id_unique IF NOT EXISTS
FOR ()-[r:MENTIONS]-() REQUIRE r.id IS UNIQUE;
