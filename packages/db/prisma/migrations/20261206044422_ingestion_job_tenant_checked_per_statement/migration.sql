-- The queue's job table checks its tenant once per statement instead of once per row (decision
-- 0083). The foreign key to Tenant ran one referential-integrity trigger per inserted row: about a
-- third of a bulk enqueue of 1,000 jobs. The triggers below keep what it guaranteed:
--   * no job row for a tenant that does not exist: after each INSERT (ON CONFLICT included, and
--     INSERT ... SELECT, COPY and MERGE), one check over the statement's new rows locks their
--     distinct tenants FOR KEY SHARE, as the foreign key's check did, so a concurrent deletion of
--     the tenant waits for the insert's commit, and fails with SQLSTATE 23503 naming the
--     constraint the foreign key had ("IngestionJob_tenantId_fkey"), the error callers handle
--   * deleting a tenant deletes its jobs (the key's ON DELETE CASCADE), including the jobs of an
--     insert that committed while the deletion waited for its lock: under READ COMMITTED each
--     statement of the trigger function reads a fresh snapshot. Under REPEATABLE READ or
--     SERIALIZABLE the deletion could not see those jobs (the foreign key's cascade read them
--     through a cross-check snapshot, which a function cannot), so it is refused there
--   * a job's tenantId never changes (the key was ON UPDATE NO ACTION and nothing changes it)
-- The migration runner splits scripts at every semicolon, so function bodies write them as \073.

-- DropForeignKey
ALTER TABLE "IngestionJob" DROP CONSTRAINT "IngestionJob_tenantId_fkey";

CREATE FUNCTION ingestion_job_tenant_exists() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  v_missing uuid\073
BEGIN
  SELECT j."tenantId" INTO v_missing
    FROM (SELECT DISTINCT n."tenantId" FROM new_jobs n) j
    LEFT JOIN LATERAL (SELECT t.id FROM "Tenant" t WHERE t.id = j."tenantId" FOR KEY SHARE) k ON true
   WHERE k.id IS NULL
   LIMIT 1\073
  IF FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = \'foreign_key_violation\',
      MESSAGE = \'insert or update on table "IngestionJob" violates foreign key constraint "IngestionJob_tenantId_fkey"\',
      DETAIL = format(\'Key ("tenantId")=(%s) is not present in table "Tenant".\', v_missing),
      SCHEMA = TG_TABLE_SCHEMA,
      TABLE = TG_TABLE_NAME,
      CONSTRAINT = \'IngestionJob_tenantId_fkey\'\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "IngestionJob_tenant_exists" AFTER INSERT ON "IngestionJob"
  REFERENCING NEW TABLE AS new_jobs FOR EACH STATEMENT EXECUTE FUNCTION ingestion_job_tenant_exists();

CREATE FUNCTION ingestion_job_tenant_fixed() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = \'integrity_constraint_violation\',
    MESSAGE = format(\'a job never changes tenant: job %s of tenant %s\', OLD.id, OLD."tenantId"),
    SCHEMA = TG_TABLE_SCHEMA,
    TABLE = TG_TABLE_NAME,
    COLUMN = \'tenantId\'\073
END ';

CREATE TRIGGER "IngestionJob_tenant_fixed" BEFORE UPDATE OF "tenantId" ON "IngestionJob"
  FOR EACH ROW WHEN (NEW."tenantId" IS DISTINCT FROM OLD."tenantId") EXECUTE FUNCTION ingestion_job_tenant_fixed();

CREATE FUNCTION tenant_delete_ingestion_jobs() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM old_tenants) THEN
    RETURN NULL\073
  END IF\073
  IF current_setting(\'transaction_isolation\') <> \'read committed\' THEN
    RAISE EXCEPTION USING
      ERRCODE = \'feature_not_supported\',
      MESSAGE = \'delete tenants under READ COMMITTED: their queue jobs are deleted by a trigger that must see jobs committed while the deletion waited\'\073
  END IF\073
  DELETE FROM "IngestionJob" j USING old_tenants o WHERE j."tenantId" = o.id\073
  RETURN NULL\073
END ';

CREATE TRIGGER "Tenant_delete_ingestion_jobs" AFTER DELETE ON "Tenant"
  REFERENCING OLD TABLE AS old_tenants FOR EACH STATEMENT EXECUTE FUNCTION tenant_delete_ingestion_jobs();

CREATE FUNCTION tenant_truncate_ingestion_jobs() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  TRUNCATE "IngestionJob"\073
  RETURN NULL\073
END ';

CREATE TRIGGER "Tenant_truncate_ingestion_jobs" AFTER TRUNCATE ON "Tenant"
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_truncate_ingestion_jobs();
