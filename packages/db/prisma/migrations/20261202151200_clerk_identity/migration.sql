-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "clerkOrganizationId" TEXT;

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "clerkUserId" TEXT;

-- CreateTable
CREATE TABLE "clerk_webhook_event" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clerk_webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_clerkOrganizationId_key" ON "Tenant"("clerkOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "user_clerkUserId_key" ON "user"("clerkUserId");
