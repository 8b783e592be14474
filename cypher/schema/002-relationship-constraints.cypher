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

CREATE CONSTRAINT rel_owns_id_unique IF NOT EXISTS
FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_succeeded_by_id_unique IF NOT EXISTS
FOR ()-[r:SUCCEEDED_BY]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_paid_id_unique IF NOT EXISTS
FOR ()-[r:PAID]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_family_of_id_unique IF NOT EXISTS
FOR ()-[r:FAMILY_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_associate_of_id_unique IF NOT EXISTS
FOR ()-[r:ASSOCIATE_OF]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_represents_id_unique IF NOT EXISTS
FOR ()-[r:REPRESENTS]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_lobbies_id_unique IF NOT EXISTS
FOR ()-[r:LOBBIES]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_sanctioned_by_id_unique IF NOT EXISTS
FOR ()-[r:SANCTIONED_BY]-() REQUIRE r.id IS UNIQUE;

CREATE CONSTRAINT rel_linked_to_id_unique IF NOT EXISTS
FOR ()-[r:LINKED_TO]-() REQUIRE r.id IS UNIQUE;
