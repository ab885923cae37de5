-- AlterTable
ALTER TABLE "WebsiteConfig" ADD COLUMN     "mapStyleUrl" TEXT;
