import type { Prisma } from "@real-estate/db";

export const studioJobSelect = {
  tenantId: true,
  id: true,
  kind: true,
  eventId: true,
  eventType: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  nextAttemptAt: true,
  lastError: true,
  lastErrorClass: true,
  lastErrorStack: true,
  firstAttemptAt: true,
  lastAttemptAt: true,
  completedAt: true,
  deadLetteredAt: true,
  redriveCount: true,
  redriveId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.IngestionJobSelect;

export type StudioJob = Omit<Prisma.IngestionJobGetPayload<{ select: typeof studioJobSelect }>, "id"> & { id: string };
