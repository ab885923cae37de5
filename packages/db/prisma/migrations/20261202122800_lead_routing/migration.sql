-- CreateEnum
CREATE TYPE "RoutingTargetKind" AS ENUM ('AGENT', 'ROUND_ROBIN', 'POND');

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "contactDueAt" TIMESTAMP(3),
ADD COLUMN     "pooledAt" TIMESTAMP(3),
ADD COLUMN     "reroutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "routingRuleId" UUID;

-- AlterTable
ALTER TABLE "TenantMembership" ADD COLUMN     "away" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RoutingRule" (
    "tenantId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sources" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "towns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minPrice" INTEGER,
    "maxPrice" INTEGER,
    "listingOffice" TEXT,
    "listingAgent" TEXT,
    "fromMinute" INTEGER,
    "toMinute" INTEGER,
    "targetKind" "RoutingTargetKind" NOT NULL,
    "targetMembershipId" UUID,
    "rerouteAfterMinutes" INTEGER,
    "turns" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingRule_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RoutingRuleMember" (
    "tenantId" UUID NOT NULL,
    "ruleId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "lastTurn" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RoutingRuleMember_pkey" PRIMARY KEY ("tenantId","ruleId","membershipId")
);

-- CreateIndex
CREATE INDEX "RoutingRule_tenantId_position_idx" ON "RoutingRule"("tenantId", "position");

-- CreateIndex
CREATE INDEX "RoutingRuleMember_tenantId_membershipId_idx" ON "RoutingRuleMember"("tenantId", "membershipId");

-- CreateIndex
CREATE INDEX "Lead_contactDueAt_idx" ON "Lead"("contactDueAt");

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RoutingRule" ADD CONSTRAINT "RoutingRule_tenantId_targetMembershipId_fkey" FOREIGN KEY ("tenantId", "targetMembershipId") REFERENCES "TenantMembership"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RoutingRuleMember" ADD CONSTRAINT "RoutingRuleMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RoutingRuleMember" ADD CONSTRAINT "RoutingRuleMember_tenantId_ruleId_fkey" FOREIGN KEY ("tenantId", "ruleId") REFERENCES "RoutingRule"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "RoutingRuleMember" ADD CONSTRAINT "RoutingRuleMember_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "TenantMembership"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
