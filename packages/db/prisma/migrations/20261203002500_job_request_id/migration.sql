-- AlterTable
ALTER TABLE "IngestionJob" ADD COLUMN     "requestId" TEXT;
