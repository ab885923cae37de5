-- The reconciliation's keys page of each feed (decision 0064): keys-only pages are asked for
-- larger than pages of whole records, and servers commonly allow them larger.
-- AlterTable
ALTER TABLE "Feed" ADD COLUMN     "keyPageSize" INTEGER NOT NULL DEFAULT 10000;
