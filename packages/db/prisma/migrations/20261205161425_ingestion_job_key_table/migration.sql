-- The queue's dedupe key in a table of its own (decision 0075). A job's claim and completion
-- write new versions of its row, and each version used to add an entry to the unique index on
-- ("tenantId", kind, "eventId"). The key is now written once, at enqueue, in this table, and
-- deleted with its job.
-- CreateTable
CREATE TABLE "IngestionJobKey" (
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "jobId" BIGINT NOT NULL,
    "eventType" TEXT NOT NULL,
    "requestHash" TEXT,

    CONSTRAINT "IngestionJobKey_pkey" PRIMARY KEY ("tenantId","kind","eventId")
);

-- AddForeignKey
ALTER TABLE "IngestionJobKey" ADD CONSTRAINT "IngestionJobKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- Every kept job's key, before the unique index goes
INSERT INTO "IngestionJobKey" ("tenantId", "kind", "eventId", "jobId", "eventType", "requestHash")
SELECT "tenantId", kind, "eventId", id, "eventType", "requestHash" FROM "IngestionJob";

-- DropIndex
DROP INDEX "IngestionJob_tenantId_kind_eventId_key";
