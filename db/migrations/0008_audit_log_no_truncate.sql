-- TRUNCATE fires no row triggers, so the append-only rule (0003) needs a statement trigger too. It holds for the
-- table's owner as well; only the owner can disable triggers, which is why the runtime role should not be the owner
-- (README, Security and privacy: DATABASE_MIGRATION_URL).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
