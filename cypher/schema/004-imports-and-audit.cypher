// FollowTheMoney imports find entities imported before by their FtM id.
CREATE INDEX entity_ftm_id IF NOT EXISTS
FOR (n:Entity) ON (n.ftmId);

// The audit trail is read newest first, and per entity.
CREATE INDEX audit_entry_at IF NOT EXISTS
FOR (a:AuditEntry) ON (a.at);
