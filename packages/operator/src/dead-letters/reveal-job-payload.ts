import type { Db } from "@real-estate/db";
import { getDb } from "@real-estate/db";
import { recordOperatorAction } from "../audit/record-operator-action";
import type { OperatorActor } from "../shared/actor";
import { StudioNotFoundError } from "../shared/errors";
import { isUuid } from "../shared/ids";
import { parseJobId } from "./parse-job-id";

/**
 * The unmasked payload of a tenant's queue job. Every call writes an audit row first (who,
 * when, which job): personal data is only ever revealed on the record.
 */
export async function revealJobPayload(options: { tenantId: string; jobId: string; actor: OperatorActor; reason?: string; db?: Db }): Promise<unknown> {
  const db = options.db ?? getDb();
  const id = parseJobId(options.jobId);
  if (!isUuid(options.tenantId) || id === null) throw new StudioNotFoundError("Job");
  return db.$transaction(async (tx) => {
    const job = await tx.ingestionJob.findUnique({
      where: { tenantId_id: { tenantId: options.tenantId, id } },
      select: { payload: true, eventId: true, eventType: true },
    });
    if (!job) throw new StudioNotFoundError("Job");
    await recordOperatorAction(tx, {
      actor: options.actor,
      action: "deadletter.reveal",
      targetType: "ingestion-job",
      targetId: id.toString(),
      tenantId: options.tenantId,
      after: { eventId: job.eventId, eventType: job.eventType, ...(options.reason ? { reason: options.reason.slice(0, 500) } : {}) },
    });
    return job.payload;
  });
}
