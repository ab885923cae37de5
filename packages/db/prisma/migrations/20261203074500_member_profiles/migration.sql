-- AlterTable
ALTER TABLE "TenantMembership" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "mlsAgentKey" TEXT,
ADD COLUMN     "phone" TEXT,
ADD COLUMN     "phoneExtension" TEXT,
ADD COLUMN     "photoSha256" TEXT;

-- CreateTable
CREATE TABLE "MemberPhoto" (
    "tenantId" UUID NOT NULL,
    "membershipId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,
    "contentType" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberPhoto_pkey" PRIMARY KEY ("tenantId","membershipId")
);

-- AddForeignKey
ALTER TABLE "MemberPhoto" ADD CONSTRAINT "MemberPhoto_tenantId_membershipId_fkey" FOREIGN KEY ("tenantId", "membershipId") REFERENCES "TenantMembership"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
