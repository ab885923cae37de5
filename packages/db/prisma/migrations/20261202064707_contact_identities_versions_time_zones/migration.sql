-- AlterEnum
ALTER TYPE "ActivityType" ADD VALUE 'CONTACT_MERGED';

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "mergedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" UUID,
ADD COLUMN     "phoneExtension" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "IngestedEvent" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "requestHash" TEXT;

-- AlterTable
ALTER TABLE "IngestionJob" ADD COLUMN     "requestHash" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Visitor" ADD COLUMN     "phoneExtension" TEXT;

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "country" TEXT NOT NULL DEFAULT 'US',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'America/New_York';

-- CreateTable
CREATE TABLE "ContactEmail" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactEmail_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ContactPhone" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "extension" TEXT,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactPhone_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ListSnapshot" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "listKey" TEXT NOT NULL,
    "ids" UUID[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ListSnapshot_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "ContactEmail_tenantId_contactId_idx" ON "ContactEmail"("tenantId", "contactId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactEmail_tenantId_email_key" ON "ContactEmail"("tenantId", "email");

-- CreateIndex
CREATE INDEX "ContactPhone_tenantId_phone_idx" ON "ContactPhone"("tenantId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "ContactPhone_tenantId_contactId_phone_key" ON "ContactPhone"("tenantId", "contactId", "phone");

-- CreateIndex
CREATE INDEX "ListSnapshot_expiresAt_idx" ON "ListSnapshot"("expiresAt");

-- CreateIndex
CREATE INDEX "Contact_tenantId_mergedIntoId_idx" ON "Contact"("tenantId", "mergedIntoId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_tenantId_mergedIntoId_fkey" FOREIGN KEY ("tenantId", "mergedIntoId") REFERENCES "Contact"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ContactEmail" ADD CONSTRAINT "ContactEmail_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEmail" ADD CONSTRAINT "ContactEmail_tenantId_contactId_fkey" FOREIGN KEY ("tenantId", "contactId") REFERENCES "Contact"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactPhone" ADD CONSTRAINT "ContactPhone_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactPhone" ADD CONSTRAINT "ContactPhone_tenantId_contactId_fkey" FOREIGN KEY ("tenantId", "contactId") REFERENCES "Contact"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListSnapshot" ADD CONSTRAINT "ListSnapshot_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: North American numbers typed with an extension were stored with the extension's digits
-- glued on ("203-555-8967 x12" became +1203555896712). A +1 number has exactly ten digits after
-- the country code, so anything longer is split back into the number and its extension.
UPDATE "Contact"
   SET "phoneExtension" = substr(phone, 13), phone = substr(phone, 1, 12)
 WHERE phone ~ '^\+1[0-9]{11,}$';

-- Data: every existing contact's e-mail and phone become its primary identities, with the
-- contact's source and creation time.
INSERT INTO "ContactEmail" ("tenantId", id, "contactId", email, "isPrimary", source, "createdAt", "lastSeenAt")
SELECT "tenantId", gen_random_uuid(), id, lower(email), true, source, "createdAt", "updatedAt"
  FROM "Contact" WHERE email IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO "ContactPhone" ("tenantId", id, "contactId", phone, extension, "isPrimary", source, "createdAt", "lastSeenAt")
SELECT "tenantId", gen_random_uuid(), id, phone, "phoneExtension", true, source, "createdAt", "updatedAt"
  FROM "Contact" WHERE phone IS NOT NULL
ON CONFLICT DO NOTHING;

-- A contact inserted with its e-mail / phone columns set (imports, seeds, fixtures, older code)
-- gets the matching primary identity rows, so every contact can be found by what it holds. The
-- platform's own code inserts contacts without those columns and adds identity rows itself.
-- The migration runner splits scripts at every semicolon, so the function body writes them as the
-- escape \073 inside an E'' string.
CREATE FUNCTION contact_primary_identities() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW.email IS NOT NULL THEN
    INSERT INTO "ContactEmail" ("tenantId", id, "contactId", email, "isPrimary", source, "createdAt", "lastSeenAt")
    VALUES (NEW."tenantId", gen_random_uuid(), NEW.id, lower(NEW.email), true, NEW.source, NEW."createdAt", NEW."createdAt")
    ON CONFLICT DO NOTHING\073
  END IF\073
  IF NEW.phone IS NOT NULL THEN
    INSERT INTO "ContactPhone" ("tenantId", id, "contactId", phone, extension, "isPrimary", source, "createdAt", "lastSeenAt")
    VALUES (NEW."tenantId", gen_random_uuid(), NEW.id, NEW.phone, NEW."phoneExtension", true, NEW.source, NEW."createdAt", NEW."createdAt")
    ON CONFLICT DO NOTHING\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER contact_primary_identities AFTER INSERT ON "Contact"
  FOR EACH ROW EXECUTE FUNCTION contact_primary_identities();
