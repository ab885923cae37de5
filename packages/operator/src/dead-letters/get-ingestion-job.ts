import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { maskPersonalData } from "./mask-personal-data";
import { studioJobSelect, type StudioJob } from "./job-select";
import { parseJobId } from "./parse-job-id";

export type StudioJobDetail = StudioJob & { tenant: { slug: string; name: string }; maskedPayload: unknown };

/**
 * One queue job of a tenant (any status), with its payload masked: personal data is shown
 * only through revealJobPayload, which is audited. Another tenant's job is not found.
 */
export async function getIngestionJob(options: { tenantId: string; jobId: string; db?: Db }): Promise<StudioJobDetail> {
  const db = options.db ?? getDb();
  const id = parseJobId(options.jobId);
  if (!isUuid(options.tenantId) || id === null) throw new StudioNotFoundError("Job");
  const row = await db.ingestionJob.findUnique({
    where: { tenantId_id: { tenantId: options.tenantId, id } },
    select: { ...studioJobSelect, payload: true, tenant: { select: { slug: true, name: true } } },
  });
  if (!row) throw new StudioNotFoundError("Job");
  const { payload, ...rest } = row;
  return { ...rest, id: row.id.toString(), maskedPayload: maskPersonalData(payload) };
}
