-- CreateTable
CREATE TABLE "PlatformEmail" (
    "id" UUID NOT NULL,
    "template" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "fromName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "smtpResponse" TEXT,
    "smtpCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformEmail_messageId_key" ON "PlatformEmail"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformEmail_dedupeKey_key" ON "PlatformEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "PlatformEmail_userId_createdAt_idx" ON "PlatformEmail"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PlatformEmail_status_createdAt_idx" ON "PlatformEmail"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "PlatformEmail" ADD CONSTRAINT "PlatformEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
