import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { getRedriveOutcome } from "./get-redrive-outcome";
import { redriveJobIds, redriveSelect, type RedriveWithOutcome } from "./list-redrives";

export type RedriveJobRow = {
  tenantId: string;
  tenantSlug: string;
  id: string;
  kind: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  updatedAt: Date;
};

/** One re-drive with its outcome and (up to `jobLimit`) its jobs as they are now. */
export async function getRedrive(options: { redriveId: string; jobLimit?: number; db?: Db }): Promise<RedriveWithOutcome & { jobList: RedriveJobRow[] }> {
  const db = options.db ?? getDb();
  if (!isUuid(options.redriveId)) throw new StudioNotFoundError("Re-drive");
  const row = await db.redriveAudit.findUnique({ where: { id: options.redriveId }, select: redriveSelect });
  if (!row) throw new StudioNotFoundError("Re-drive");
  const ids = row.dryRun ? null : await redriveJobIds(db, row);
  const jobs = ids ? await getRedriveOutcome({ jobIds: ids, db }) : null;
  const jobList = ids?.length
    ? await db.$queryRaw<(Omit<RedriveJobRow, "id"> & { id: bigint })[]>`
        SELECT j."tenantId"::text AS "tenantId", t.slug AS "tenantSlug", j.id, j.kind, j."eventType", j.status::text AS status, j.attempts, j."lastError", j."updatedAt"
          FROM "IngestionJob" AS j JOIN "Tenant" AS t ON t.id = j."tenantId"
         WHERE j.id = ANY(${ids}::bigint[])
         ORDER BY (j.status = 'DEAD_LETTERED') DESC, j.id
         LIMIT ${options.jobLimit ?? 200}`
    : [];
  return { ...row, jobs, jobList: jobList.map((j) => ({ ...j, id: j.id.toString() })) };
}
