import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import type { Prisma } from "@real-estate/db";
import { isUuid } from "../shared/ids";
import { getRedriveOutcome, type RedriveOutcome } from "./get-redrive-outcome";

export const redriveSelect = {
  id: true,
  actor: true,
  origin: true,
  filter: true,
  dryRun: true,
  matched: true,
  requeued: true,
  outcome: true,
  error: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.RedriveAuditSelect;

export type RedriveRow = Prisma.RedriveAuditGetPayload<{ select: typeof redriveSelect }>;
export type RedriveWithOutcome = RedriveRow & {
  /** Where its jobs are now; null when the re-drive's jobs are not known (a CLI re-drive by filter, or too many). */
  jobs: RedriveOutcome | null;
};

/** The job ids a re-drive took: recorded by the studio, or named in a CLI re-drive by ids. */
export async function redriveJobIds(db: Db, redrive: Pick<RedriveRow, "id" | "filter">): Promise<string[] | null> {
  const log = await db.operatorAuditLog.findFirst({ where: { action: "deadletter.redrive", targetId: redrive.id }, select: { after: true } });
  const recorded = (log?.after as { jobIds?: unknown } | null)?.jobIds;
  if (Array.isArray(recorded)) return recorded.map(String);
  const ids = (redrive.filter as { ids?: unknown } | null)?.ids;
  return Array.isArray(ids) ? ids.map(String) : null;
}

/** Re-drives from the CLI and the studio, newest first, each with where its jobs are now. */
export async function listRedrives(
  options: { limit?: number; before?: string; includeDryRuns?: boolean; db?: Db } = {},
): Promise<{ rows: RedriveWithOutcome[]; nextCursor: string | null }> {
  const db = options.db ?? getDb();
  const limit = Math.min(Math.max(options.limit ?? 30, 1), 100);
  const rows = await db.redriveAudit.findMany({
    where: {
      startedAt: { lte: new Date(8.64e15) },
      ...(options.includeDryRuns ? {} : { dryRun: false }),
      ...(isUuid(options.before) ? { id: { lt: options.before } } : {}),
    },
    orderBy: [{ id: "desc" }],
    take: limit + 1,
    select: redriveSelect,
  });
  const page = rows.slice(0, limit);
  const withOutcome = await Promise.all(
    page.map(async (r) => {
      const ids = r.dryRun ? null : await redriveJobIds(db, r);
      return { ...r, jobs: ids ? await getRedriveOutcome({ jobIds: ids, db }) : null };
    }),
  );
  return { rows: withOutcome, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
